import { Link } from 'react-router'
import { formatDate, formatMonth } from '#app/common/format.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { Picture } from '#app/images/picture.tsx'
import type { PictureImage } from '#app/images/sources.ts'
import type { NomineeKind, StoryStatus } from '#db/schema.ts'
import './stories.css'

/** What a story card needs; the server's StoryCard (stories.server.ts) has this shape. */
export interface StoryCardData {
	id: number
	title: string
	extract: string
	approvedAt: string
	partner: { name: string; slug: string } | null
	image: PictureImage | null
}

export interface AwardData {
	month: string
	nomineeKind: NomineeKind
	name: string
	action: string
	citation: string
}

/** A list of approved stories as cards. A route using it lists 'stories' in its handle. */
export function StoryList({
	stories,
	headingLevel = 'h2',
	timeZone,
}: {
	stories: StoryCardData[]
	headingLevel?: 'h2' | 'h3'
	timeZone: string
}) {
	const { t, i18n } = useTranslation('stories')
	const Heading = headingLevel
	return (
		<ul className="story-list">
			{stories.map((story) => (
				<li key={story.id} className="card story-card">
					{story.image ? (
						<Picture
							image={story.image}
							className="story-card-picture"
							sizes="(min-width: 60rem) 22rem, calc(100vw - 2rem)"
						/>
					) : null}
					<div className="story-card-text">
						<Heading>
							<Link to={`/stories/${story.id}`}>{story.title}</Link>
						</Heading>
						{story.partner ? <p className="story-partner">{story.partner.name}</p> : null}
						<p>{story.extract}</p>
						<p className="muted">
							{t('list.published', { date: formatDate(story.approvedAt, i18n.language, timeZone) })}
						</p>
					</div>
				</li>
			))}
		</ul>
	)
}

export function StoryStatusBadge({ status }: { status: StoryStatus }) {
	const { t } = useTranslation('stories')
	return <span className={`status-badge story-status-${status}`}>{t(`status.${status}`)}</span>
}

/** A month's winner: who, what they did and the coordinators' citation. */
export function AwardCard({
	award,
	headingLevel = 'h3',
	showMonth = true,
}: {
	award: AwardData
	headingLevel?: 'h2' | 'h3'
	showMonth?: boolean
}) {
	const { t, i18n } = useTranslation('stories')
	const Heading = headingLevel
	return (
		<article className="card award-card stack">
			{showMonth ? <p className="award-month">{formatMonth(award.month, i18n.language as SupportedLanguage)}</p> : null}
			<Heading>
				<bdi>{award.name}</bdi>
			</Heading>
			<p className="muted">{t(`awards.kind.${award.nomineeKind}`)}</p>
			<p className="award-citation">{award.citation}</p>
			<p>
				<strong>{t('awards.action')}:</strong> {award.action}
			</p>
		</article>
	)
}

/**
 * The home page's section: the newest partner stories and the newest award of the month. Nothing
 * when there is neither. The home route lists 'stories' in its handle.
 */
export function HomeNews({
	news,
	timeZone,
}: {
	news: { stories: StoryCardData[]; award: AwardData | null }
	timeZone: string
}) {
	const { t, i18n } = useTranslation('stories')
	const { stories, award } = news
	if (stories.length === 0 && !award) return null
	return (
		<section className="home-section" aria-labelledby="partner-news-title">
			<div className="section-inner">
				<div className={award ? 'home-news-grid with-award' : 'home-news-grid'}>
					{stories.length > 0 ? (
						<div>
							<h2 id="partner-news-title">{t('home.storiesTitle')}</h2>
							<StoryList stories={stories} headingLevel="h3" timeZone={timeZone} />
							<p>
								<Link to="/stories">{t('home.allStories')}</Link>
							</p>
						</div>
					) : null}
					{award ? (
						<div>
							<h2 id={stories.length > 0 ? 'award-title' : 'partner-news-title'}>
								{t('home.awardTitle', { month: formatMonth(award.month, i18n.language as SupportedLanguage) })}
							</h2>
							<AwardCard award={award} showMonth={false} />
							<p className="button-row">
								<Link to="/awards">{t('home.awardArchive')}</Link>
								<Link to="/awards/nominate">{t('home.nominate')}</Link>
							</p>
						</div>
					) : null}
				</div>
			</div>
		</section>
	)
}
