import { markdownToHtml, markdownToText, webProfile } from '#app/common/markdown.server.ts'
import { config } from '#app/config.server.ts'
import { isSupportedLanguage } from '#app/i18n/i18n.ts'
import { picturesById } from '#app/images/images.server.ts'
import type { PictureImage } from '#app/images/sources.ts'
import { composeEmail, queueEmail, renderEmail } from '#app/mail/send-email.server.ts'
import { partnersOf } from '#app/partners/partners.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { StoryStatus } from '#db/schema.ts'
import StoryReviewedEmail from '#emails/story-reviewed.tsx'
import type { StoryInput } from './schemas.ts'

/**
 * Partner stories: a partner's member submits one, a coordinator approves it (it is then public)
 * or does not publish it with a comment; either way the author gets one email about it. Only
 * approved stories leave this module through the public functions.
 */

export function storyUrl(storyId: number): string {
	return `${config.appUrl}/stories/${storyId}`
}

/** A story as the public lists show it: a card with its partner, a short extract and its image. */
export interface StoryCard {
	id: number
	title: string
	extract: string
	approvedAt: string
	partner: { name: string; slug: string } | null
	image: PictureImage | null
}

const EXTRACT_LENGTH = 220

/** The opening words of a story, cut at a word and marked as cut. */
export function extractOf(body: string, length = EXTRACT_LENGTH): string {
	// Lines (list items, paragraphs) become sentences, so a list does not run into one line.
	const text = markdownToText(body)
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => (/[.!?:…]$/.test(line) ? line : `${line}.`))
		.join(' ')
		.replace(/\s+/g, ' ')
	if (text.length <= length) return text
	const cut = text.slice(0, length)
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length * 0.6)).trimEnd()}…`
}

/** The stories of partners a person acts for may be submitted by them, and by no one else. */
export async function submitStory(
	db: DB,
	authorId: number,
	input: StoryInput,
	imageId: number | null,
	now = new Date(),
): Promise<{ ok: true; storyId: number } | { ok: false }> {
	const partners = await partnersOf(db, authorId)
	if (!partners.some((partner) => partner.id === input.partnerId)) return { ok: false }
	const row = await db
		.insertInto('story')
		.values({
			partner_id: input.partnerId,
			author_id: authorId,
			title: input.title,
			body: input.body,
			image_id: imageId,
			created_at: now.toISOString(),
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return { ok: true, storyId: row.id }
}

function approvedQuery(db: DbHandle) {
	return db
		.selectFrom('story')
		.leftJoin('partner', 'partner.id', 'story.partner_id')
		.select([
			'story.id',
			'story.title',
			'story.body',
			'story.image_id',
			'story.approved_at',
			'partner.name as partnerName',
			'partner.slug as partnerSlug',
		])
		.where('story.status', '=', 'approved')
}

type ApprovedRow = Awaited<ReturnType<ReturnType<typeof approvedQuery>['execute']>>[number]

async function asCards(db: DbHandle, rows: ApprovedRow[]): Promise<StoryCard[]> {
	const pictures = await picturesById(
		db,
		rows.map((row) => row.image_id),
	)
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		extract: extractOf(row.body),
		approvedAt: row.approved_at!,
		partner: row.partnerName && row.partnerSlug ? { name: row.partnerName, slug: row.partnerSlug } : null,
		image: row.image_id === null ? null : (pictures.get(row.image_id) ?? null),
	}))
}

/** Approved stories, newest first: the public list and the home page. */
export async function approvedStories(db: DbHandle, limit = 50): Promise<StoryCard[]> {
	const rows = await approvedQuery(db)
		.orderBy('story.approved_at', 'desc')
		.orderBy('story.id', 'desc')
		.limit(limit)
		.execute()
	return asCards(db, rows)
}

/** One partner's approved stories, newest first: for the partner's own page (app/partners). */
export async function partnerStories(db: DbHandle, partnerId: number, limit = 20): Promise<StoryCard[]> {
	const rows = await approvedQuery(db)
		.where('story.partner_id', '=', partnerId)
		.orderBy('story.approved_at', 'desc')
		.limit(limit)
		.execute()
	return asCards(db, rows)
}

/** An approved story with its text as HTML; undefined for any other (unknown, waiting, not published). */
export async function approvedStory(db: DbHandle, storyId: number) {
	const row = await approvedQuery(db).where('story.id', '=', storyId).executeTakeFirst()
	if (!row) return undefined
	const [card] = await asCards(db, [row])
	return { ...card!, bodyHtml: markdownToHtml(row.body, webProfile) }
}

/** The stories a person has submitted, newest first, with how their review went. */
export async function storiesBy(db: DbHandle, authorId: number) {
	return db
		.selectFrom('story')
		.leftJoin('partner', 'partner.id', 'story.partner_id')
		.select(['story.id', 'story.title', 'story.status', 'story.review_comment', 'partner.name as partnerName'])
		.where('story.author_id', '=', authorId)
		.orderBy('story.id', 'desc')
		.limit(20)
		.execute()
}

/** Coordinators' queue: stories waiting (oldest first), then the last ones reviewed. */
export async function storiesForReview(db: DbHandle) {
	const base = () =>
		db
			.selectFrom('story')
			.innerJoin('user', 'user.id', 'story.author_id')
			.leftJoin('partner', 'partner.id', 'story.partner_id')
			.select([
				'story.id',
				'story.title',
				'story.body',
				'story.status',
				'story.review_comment',
				'story.image_id',
				'story.created_at',
				'user.name as authorName',
				'partner.name as partnerName',
			])
	const [waiting, decided] = await Promise.all([
		base().where('story.status', '=', 'submitted').orderBy('story.created_at').limit(100).execute(),
		base().where('story.status', '!=', 'submitted').orderBy('story.id', 'desc').limit(10).execute(),
	])
	const pictures = await picturesById(
		db,
		waiting.map((row) => row.image_id),
	)
	return {
		waiting: waiting.map(({ body, ...row }) => ({
			...row,
			bodyHtml: markdownToHtml(body, webProfile),
			image: row.image_id === null ? null : (pictures.get(row.image_id) ?? null),
		})),
		decided: decided.map(({ body: _body, ...row }) => row),
	}
}

export type ReviewOutcome = 'approved' | 'rejected' | 'already-reviewed' | 'not-found'

/**
 * A coordinator's decision on a waiting story. Only a story still waiting changes (two
 * coordinators pressing at once decide it once), and the author's email is queued in the same
 * transaction with a key naming the story, so it is sent once.
 */
export async function reviewStory(
	db: DB,
	storyId: number,
	decision: 'approve' | 'reject',
	comment: string | null,
	reviewedBy: number,
	now = new Date(),
): Promise<ReviewOutcome> {
	const story = await db
		.selectFrom('story')
		.innerJoin('user', 'user.id', 'story.author_id')
		.select(['story.id', 'story.title', 'story.status', 'user.email', 'user.language'])
		.where('story.id', '=', storyId)
		.executeTakeFirst()
	if (!story) return 'not-found'
	if (story.status !== 'submitted') return 'already-reviewed'
	const status: StoryStatus = decision === 'approve' ? 'approved' : 'rejected'
	// Rendered before the transaction, which holds the write lock.
	const email = await renderEmail(
		composeEmail(
			StoryReviewedEmail,
			{
				language: isSupportedLanguage(story.language) ? story.language : config.pact.defaultLanguage,
				title: story.title,
				decision: status as 'approved' | 'rejected',
				comment,
				url: status === 'approved' ? storyUrl(storyId) : `${config.appUrl}/stories/new`,
			},
			{ to: story.email, idempotencyKey: `story:${storyId}:reviewed` },
		),
	)
	return db.transaction().execute(async (trx) => {
		const updated = await trx
			.updateTable('story')
			.set({
				status,
				review_comment: comment,
				reviewed_by: reviewedBy,
				approved_at: status === 'approved' ? now.toISOString() : null,
			})
			.where('id', '=', storyId)
			.where('status', '=', 'submitted')
			.executeTakeFirst()
		if (Number(updated.numUpdatedRows) === 0) return 'already-reviewed' as const
		await queueEmail(trx, email, now)
		return status
	})
}
