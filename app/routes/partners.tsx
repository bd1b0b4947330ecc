import { Form, Link } from 'react-router'
import type { Route } from './+types/partners'
import { getUser } from '#app/auth/session.server.ts'
import { publicListMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { picturesById } from '#app/images/images.server.ts'
import { Picture } from '#app/images/picture.tsx'
import { challengeCatalogue } from '#app/partners/agreements.server.ts'
import { approvedPartners, partnerSectors, partnersOf } from '#app/partners/partners.server.ts'
import { partnerTypes } from '#app/partners/schemas.ts'
import { getDb } from '#db/index.ts'
import '#app/partners/partners.css'
import { FilterSelect } from '#app/ui/forms.tsx'

export const handle: I18nHandle = { i18n: ['partners', 'projects'] }

/** The public partner directory: organisations with an approved agreement, filtered by type, sector, challenge. */

export const meta = ({ data }: Route.MetaArgs) => publicListMeta(data)

export async function loader({ request }: Route.LoaderArgs) {
	const db = getDb()
	const [t, language, user] = [await getT(request, 'partners'), await getLanguage(request), await getUser(request)]
	const url = new URL(request.url)
	const type = partnerTypes.find((value) => value === url.searchParams.get('type')) ?? null
	const sector = url.searchParams.get('sector')?.trim() || null
	const challengeParam = Number(url.searchParams.get('challenge'))
	const challengeId = Number.isInteger(challengeParam) && challengeParam > 0 ? challengeParam : null
	const partners = await approvedPartners(db, { type, sector, challengeId })
	const logos = await picturesById(
		db,
		partners.map((partner) => partner.logo_image_id),
	)
	return {
		title: t('directory.title'),
		pactName: config.pact.name,
		description: t('directory.intro', { city: config.pact.city }),
		url: `${config.appUrl}/partners`,
		filter: { type, sector, challengeId },
		sectors: await partnerSectors(db),
		challenges: (await challengeCatalogue(db)).map((c) => ({
			id: c.id,
			title: language === 'en' ? c.title_en : c.title_sv,
		})),
		partners: partners.map((partner) => ({
			slug: partner.slug,
			name: partner.name,
			type: partner.type,
			sector: partner.sector,
			district: partner.district,
			logo: partner.logo_image_id === null ? null : (logos.get(partner.logo_image_id) ?? null),
		})),
		mine: user ? await partnersOf(db, user.id) : [],
	}
}

export default function Partners({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('partners')
	const { t: tProjects } = useTranslation('projects')
	const { filter, sectors, challenges, partners, mine } = loaderData
	return (
		<div className="page partners-page">
			<h1>{t('directory.title')}</h1>
			<p className="lead">{loaderData.description}</p>
			<p>
				<Link to="/partners/join" className="button">
					{t('directory.join')}
				</Link>
			</p>
			<p>
				<Link to="/projects">{tProjects('directoryLink')}</Link>
			</p>
			{mine.length > 0 ? (
				<section aria-labelledby="mine-heading">
					<h2 id="mine-heading">{t('directory.yours')}</h2>
					<ul>
						{mine.map((partner) => (
							<li key={partner.id}>
								<Link to={`/partners/${partner.slug}/manage`}>{t('directory.manage', { name: partner.name })}</Link>
							</li>
						))}
					</ul>
				</section>
			) : null}
			<section aria-labelledby="all-heading">
				<h2 id="all-heading">{t('directory.count', { count: partners.length })}</h2>
				<Form method="get" className="partner-filters" aria-label={t('directory.filters')}>
					<FilterSelect
						name="type"
						label={t('directory.type')}
						value={filter.type}
						allLabel={t('directory.all')}
						options={partnerTypes.map((type) => ({ value: type, label: t(`types.${type}`) }))}
					/>
					<FilterSelect
						name="sector"
						label={t('directory.sector')}
						value={filter.sector}
						allLabel={t('directory.all')}
						options={sectors.map((sector) => ({ value: sector, label: sector }))}
					/>
					<FilterSelect
						name="challenge"
						label={t('directory.challenge')}
						value={filter.challengeId}
						allLabel={t('directory.all')}
						options={challenges.map((challenge) => ({ value: challenge.id, label: challenge.title }))}
					/>
					<button type="submit" className="secondary">
						{t('directory.apply')}
					</button>
				</Form>
				{partners.length === 0 ? (
					<p>{t('directory.empty')}</p>
				) : (
					<ul className="partner-list">
						{partners.map((partner) => (
							<li key={partner.slug} className="card partner-card">
								{partner.logo ? (
									<div className="partner-logo">
										<Picture image={partner.logo} sizes="4rem" />
									</div>
								) : null}
								<div>
									<h3>
										<Link to={`/partners/${partner.slug}`}>{partner.name}</Link>
									</h3>
									<p className="muted">
										{t(`types.${partner.type}`)} · {partner.sector}
										{partner.district ? ` · ${partner.district}` : ''}
									</p>
								</div>
							</li>
						))}
					</ul>
				)}
			</section>
		</div>
	)
}
