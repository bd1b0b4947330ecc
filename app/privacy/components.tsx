import { Link } from 'react-router'
import { formatDateTime } from '#app/common/format.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import type { ConsentEntry } from './consents.server.ts'

/**
 * My pledge's privacy section: the download, the way to delete the account, and the consent
 * history (what the person agreed to, and when).
 */
export function YourData({
	consents,
	language,
	timeZone,
}: {
	consents: ConsentEntry[]
	language: SupportedLanguage
	timeZone: string
}) {
	const { t } = useTranslation('privacy')
	return (
		<section aria-labelledby="your-data-title" className="your-data" id="your-data">
			<h2 id="your-data-title">{t('section.title')}</h2>
			<p>{t('section.intro')}</p>
			<ul className="your-data-links">
				<li>
					{/* A plain link: the answer is a file to save, not a page of the app. */}
					<a href="/my-pledge/data.json" download>
						{t('section.download')}
					</a>
				</li>
				<li>
					<Link to="/account/delete">{t('section.delete')}</Link>
				</li>
				<li>
					<Link to="/privacy">{t('section.policy')}</Link>
				</li>
			</ul>
			<h3 id="consents-title">{t('consents.title')}</h3>
			{consents.length === 0 ? (
				<p>{t('consents.empty')}</p>
			) : (
				<table className="consent-history" aria-labelledby="consents-title">
					<thead>
						<tr>
							<th scope="col">{t('consents.when')}</th>
							<th scope="col">{t('consents.what')}</th>
						</tr>
					</thead>
					<tbody>
						{consents.map((entry, index) => (
							<tr key={index}>
								<td>{formatDateTime(entry.at, language, timeZone)}</td>
								<td>{consentText(t, entry)}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<p className="hint">{t('consents.since')}</p>
		</section>
	)
}

type PrivacyT = ReturnType<typeof useTranslation<'privacy'>>['t']

function consentText(t: PrivacyT, { kind, detail }: ConsentEntry): string {
	switch (kind) {
		case 'pledge-consent':
			return t('consents.pledge-consent', { detail: detail ?? '' })
		case 'pledge-confirmed':
		case 'pledge-withdrawn':
			return t(`consents.${kind}`)
		case 'digest':
			return t(`consents.digest.${detail === 'weekly' || detail === 'monthly' ? detail : 'off'}`)
		default:
			return t(`consents.${kind}.${detail === 'on' ? 'on' : 'off'}`)
	}
}
