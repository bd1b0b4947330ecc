import { Link } from 'react-router'
import type { Route } from './+types/numbers'
import { formatDateTime } from '#app/common/format.ts'
import { socialMeta } from '#app/common/social.ts'
import { utcToLocal } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { pactNumbers } from '#app/numbers/figures.server.ts'
import { monthLabels } from '#app/numbers/labels.ts'
import {
	Co2eAgainstGoal,
	CommitmentsByCategory,
	EventsPerYear,
	KeyFigures,
	LadderSteps,
	Proposals,
	SignatureGrowth,
} from '#app/numbers/sections.tsx'
import { getDb } from '#db/index.ts'
import '#app/numbers/numbers.css'

export const handle: I18nHandle = { i18n: ['numbers', 'ladder'] }

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	return [
		{ title: data.title },
		{ name: 'description', content: data.description },
		{ tagName: 'link', rel: 'alternate', type: 'application/json', href: '/api/numbers' },
		...socialMeta({ title: data.title, description: data.description, url: data.url }),
	]
}

/** Public: the figures are at most a minute old (pactNumbers), so this page costs no counting. */
export async function loader({ request }: Route.LoaderArgs) {
	const [numbers, language, t] = await Promise.all([
		pactNumbers(getDb()),
		getLanguage(request),
		getT(request, 'numbers'),
	])
	return {
		title: t('meta.title', { pact: config.pact.name }),
		description: t('meta.description', { pact: config.pact.name }),
		url: `${config.appUrl}/numbers`,
		numbers,
		months: monthLabels(
			numbers.signatures.byMonth.map((m) => m.month),
			language,
		),
		updated: formatDateTime(numbers.generatedAt, language, config.timeZone),
		thisYear: Number(utcToLocal(numbers.generatedAt, config.timeZone).date.slice(0, 4)),
	}
}

export default function Numbers({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('numbers')
	const { numbers, months, updated, thisYear } = loaderData
	return (
		<div className="page numbers-page">
			<header className="numbers-header">
				<p className="numbers-eyebrow">{numbers.pact.name}</p>
				<h1>{t('page.title')}</h1>
				<p className="lead">{t('page.lead')}</p>
				<p className="muted">{t('page.updated', { when: updated })}</p>
			</header>
			<KeyFigures numbers={numbers} thisYear={thisYear} />
			<p>
				<Link to="/sign" className="button">
					{t('page.signCta')}
				</Link>
			</p>
			<div className="numbers-sections">
				<SignatureGrowth numbers={numbers} months={months} />
				<Co2eAgainstGoal numbers={numbers} />
				<CommitmentsByCategory numbers={numbers} />
				<EventsPerYear numbers={numbers} />
				<LadderSteps numbers={numbers} />
				<Proposals numbers={numbers} />
				<section className="numbers-section" aria-labelledby="reuse-heading">
					<h2 id="reuse-heading">{t('page.reuseTitle')}</h2>
					<p className="numbers-lead">{t('page.reuseText')}</p>
					<p>
						<a href="/api/numbers">{t('page.reuseLink')}</a>
					</p>
				</section>
			</div>
		</div>
	)
}
