import { socialMeta } from '#app/common/social.ts'
import { Form, Link } from 'react-router'
import type { Route } from './+types/proposals'
import { getUser } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle, SupportedLanguage } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ProposalCard, type ProposalCardData } from '#app/proposals/components.tsx'
import { publicStatuses, trackerFilter } from '#app/proposals/schemas.ts'
import { formatDay } from '#app/proposals/status.server.ts'
import { listProposals, myProposals, type ProposalListItem } from '#app/proposals/tracker.server.ts'
import { themeChoices } from '#app/themes/themes.server.ts'
import { getDb } from '#db/index.ts'
import '#app/proposals/proposals.css'

export const handle: I18nHandle = { i18n: ['proposals'] }

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	return [
		{ title: `${data.title} – ${data.pactName}` },
		{ name: 'description', content: data.lead },
		...socialMeta({ title: data.title, description: data.lead, url: data.url }),
	]
}

/** "Submitted 3 March 2026" or "Answered …" under a card, in the page's language. */
function cardOf(
	item: ProposalListItem & { hidden?: boolean },
	language: SupportedLanguage,
	t: Awaited<ReturnType<typeof getT<'proposals'>>>,
): ProposalCardData {
	const when =
		item.status === 'answered' && item.answeredOn
			? t('tracker.answeredOn', { date: formatDay(item.answeredOn, language) })
			: item.status === 'submitted' && item.submittedOn
				? t('tracker.submittedOn', { date: formatDay(item.submittedOn, language) })
				: null
	return { ...item, when }
}

export async function loader({ request }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const filter = trackerFilter(url)
	const [user, language, t] = await Promise.all([getUser(request), getLanguage(request), getT(request, 'proposals')])
	const db = getDb()
	const [proposals, mine, themes] = await Promise.all([
		listProposals(db, filter),
		user ? myProposals(db, user.id) : Promise.resolve([]),
		themeChoices(db, language),
	])
	return {
		pactName: config.pact.name,
		url: `${config.appUrl}/proposals`,
		title: t('tracker.title'),
		lead: t('tracker.lead'),
		filter,
		themes,
		proposals: proposals.map((item) => cardOf(item, language, t)),
		// The person's drafts and hidden proposals are theirs to see; published ones are in the list too.
		mine: mine.filter((item) => item.status === 'draft' || item.hidden).map((item) => cardOf(item, language, t)),
	}
}

export default function Proposals({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('proposals')
	const { filter, themes, proposals, mine } = loaderData
	return (
		<div className="page proposals-page">
			<h1>{t('tracker.title')}</h1>
			<p className="lead">{t('tracker.lead')}</p>
			<p>
				<Link to="/proposals/new" className="button">
					{t('tracker.new')}
				</Link>
			</p>

			{mine.length > 0 ? (
				<section aria-labelledby="mine-heading">
					<h2 id="mine-heading">{t('tracker.mine')}</h2>
					<ul className="proposal-list">
						{mine.map((proposal) => (
							<ProposalCard key={proposal.id} proposal={proposal} />
						))}
					</ul>
				</section>
			) : null}

			<section aria-labelledby="all-heading">
				<h2 id="all-heading">{t('tracker.count', { count: proposals.length })}</h2>
				<Form method="get" className="proposal-filters" aria-label={t('tracker.filters')}>
					<div className="field">
						<label htmlFor="filter-status">{t('tracker.status')}</label>
						<select id="filter-status" name="status" defaultValue={filter.status ?? ''}>
							<option value="">{t('tracker.allStatuses')}</option>
							{publicStatuses.map((status) => (
								<option key={status} value={status}>
									{t(`status.${status}`)}
								</option>
							))}
						</select>
					</div>
					{themes.length > 0 ? (
						<div className="field">
							<label htmlFor="filter-theme">{t('tracker.theme')}</label>
							<select id="filter-theme" name="theme" defaultValue={filter.themeId ?? ''}>
								<option value="">{t('tracker.allThemes')}</option>
								{themes.map((theme) => (
									<option key={theme.id} value={theme.id}>
										{theme.title}
									</option>
								))}
							</select>
						</div>
					) : null}
					<button type="submit" className="secondary">
						{t('tracker.filter')}
					</button>
				</Form>
				{proposals.length === 0 ? (
					<p>{t('tracker.empty')}</p>
				) : (
					<ul className="proposal-list">
						{proposals.map((proposal) => (
							<ProposalCard key={proposal.id} proposal={proposal} />
						))}
					</ul>
				)}
			</section>
		</div>
	)
}
