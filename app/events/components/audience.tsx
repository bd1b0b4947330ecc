import { Link } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import type { EventAudience } from '#db/schema.ts'

/** The mark on an event for partner organisations, in lists and on its page; nothing on the others. */
export function AudienceBadge({ audience }: { audience: EventAudience }) {
	const { t } = useTranslation('events')
	if (audience === 'everyone') return null
	return <span className="badge badge-partners">{t('audience.badge')}</span>
}

/**
 * What the RSVP box says to someone who may not take a place at an event for partners: who can,
 * how to sign in if they act for a partner, and how an organisation becomes one.
 */
export function PartnersOnly({ signedIn, signInHref }: { signedIn: boolean; signInHref: string }) {
	const { t } = useTranslation('events')
	return (
		<>
			<p>{t('audience.explanation')}</p>
			{signedIn ? (
				<p className="hint">{t('audience.notPartner')}</p>
			) : (
				<p>
					<Link to={signInHref} className="button">
						{t('audience.signIn')}
					</Link>
				</p>
			)}
			<p>
				<Link to="/partners/join">{t('audience.join')}</Link>
			</p>
		</>
	)
}
