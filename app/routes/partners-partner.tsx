import { StoryList } from '#app/stories/components.tsx'
import { partnerStories } from '#app/stories/stories.server.ts'
import { Link } from 'react-router'
import type { Route } from './+types/partners-partner'
import { socialMeta } from '#app/common/social.ts'
import { config } from '#app/config.server.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { getPicture, openGraphImageUrl } from '#app/images/images.server.ts'
import { Picture } from '#app/images/picture.tsx'
import { agreementView, formatDay } from '#app/partners/agreements.server.ts'
import { AgreementCommitments } from '#app/partners/components.tsx'
import { partnerForPage } from '#app/partners/partners.server.ts'
import { PartnerProjects } from '#app/projects/components.tsx'
import { projectsOfPartner } from '#app/projects/projects.server.ts'
import { getDb } from '#db/index.ts'
import '#app/partners/partners.css'

export const handle: I18nHandle = { i18n: ['partners', 'stories', 'projects'] }

/** A partner's public page: who they are, and the commitments and challenges of their agreement. */

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	const { partner } = data
	return [
		{ title: `${partner.name} – ${data.pactName}` },
		{ name: 'description', content: partner.description },
		...socialMeta({ title: partner.name, description: partner.description, url: data.url, image: data.shareImage }),
	]
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const db = getDb()
	const { partner, agreement, isContact } = await partnerForPage(db, request, params.slug)
	const language = await getLanguage(request)
	const [logo, stories] = await Promise.all([getPicture(db, partner.logo_image_id), partnerStories(db, partner.id, 6)])
	return {
		pactName: config.pact.name,
		url: `${config.appUrl}/partners/${partner.slug}`,
		shareImage: logo ? { url: openGraphImageUrl(logo.id), alt: logo.alt } : null,
		partner: {
			slug: partner.slug,
			name: partner.name,
			type: partner.type,
			sector: partner.sector,
			size: partner.size,
			district: partner.district,
			website: partner.website,
			description: partner.description,
		},
		logo,
		agreement: agreement
			? {
					...agreementView(agreement, language),
					period: {
						start: formatDay(agreement.period_start, language),
						end: formatDay(agreement.period_end, language),
					},
				}
			: null,
		isContact,
		stories,
		projects: await projectsOfPartner(db, partner.id, language),
		timeZone: config.timeZone,
	}
}

export default function PartnerPage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('partners')
	const { partner, logo, agreement, isContact, stories, timeZone } = loaderData
	return (
		<div className="page narrow partner-page">
			<p>
				<Link to="/partners">← {t('directory.title')}</Link>
			</p>
			<div className="partner-header">
				{logo ? (
					<div className="partner-logo">
						<Picture image={logo} sizes="6rem" eager />
					</div>
				) : null}
				<h1>{partner.name}</h1>
			</div>
			<p className="lead">{partner.description}</p>
			<dl className="partner-facts">
				<dt>{t('fields.type')}</dt>
				<dd>{t(`types.${partner.type}`)}</dd>
				<dt>{t('fields.sector')}</dt>
				<dd>{partner.sector}</dd>
				<dt>{t('partner.size')}</dt>
				<dd>{t(`sizes.${partner.size}`)}</dd>
				{partner.district ? (
					<>
						<dt>{t('partner.district')}</dt>
						<dd>{partner.district}</dd>
					</>
				) : null}
				{partner.website ? (
					<>
						<dt>{t('partner.website')}</dt>
						<dd>
							<a href={partner.website} rel="noopener noreferrer">
								{partner.website.replace(/^https?:\/\//, '')}
							</a>
						</dd>
					</>
				) : null}
			</dl>
			<section aria-labelledby="agreement-heading">
				<h2 id="agreement-heading">{t('partner.agreement')}</h2>
				{agreement ? (
					<>
						<p>{t('partner.period', agreement.period)}</p>
						<AgreementCommitments agreement={agreement} />
						<p>
							<Link to={`/partners/${partner.slug}/agreement`}>{t('partner.print')}</Link>
						</p>
					</>
				) : (
					<p>{t('partner.noAgreement')}</p>
				)}
			</section>
			{stories.length > 0 ? (
				<section aria-labelledby="stories-heading">
					<h2 id="stories-heading">{t('partner.stories')}</h2>
					<StoryList stories={stories} headingLevel="h3" timeZone={timeZone} />
				</section>
			) : null}
			<PartnerProjects projects={loaderData.projects} />
			{isContact ? (
				<p>
					<Link to={`/partners/${partner.slug}/manage`} className="button secondary">
						{t('partner.manage')}
					</Link>
				</p>
			) : null}
		</div>
	)
}
