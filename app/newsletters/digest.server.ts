import { config } from '#app/config.server.ts'
import { formatMonth, formatShortDate } from '#app/common/format.ts'
import { localToUtc, utcToLocal } from '#app/common/time.ts'
import { isSupportedLanguage, type SupportedLanguage } from '#app/i18n/i18n.ts'
import { composeEmail, queueEmail, renderEmail } from '#app/mail/send-email.server.ts'
import type { DB } from '#db/index.ts'
import DigestEmail, { type DigestEmailProps, type DigestEvent } from '#emails/digest.tsx'
import { emailT } from '#emails/i18n.ts'
import { firstName } from '#app/common/names.ts'
import { currentTheme } from '#app/themes/themes.server.ts'
import { awardDecidedSince } from '#app/stories/awards.server.ts'
import { eventTitle } from '#app/events/languages.ts'
import { preferencesUrl, unsubscribeHeaders, unsubscribeUrl } from '#app/common/email-preferences.server.ts'

export type DigestRhythm = 'weekly' | 'monthly'

export interface DigestPeriod {
	/** '2025-W18' or '2025-05': with the person, the key that allows one digest per period. */
	key: string
	/** When the period began (Monday or the 1st, 00:00 local) and when its digest may go out (07:00). */
	startsAt: Date
	sendFrom: Date
	/**
	 * After this the period's digest is no longer sent (a worker that was down for a week does not
	 * send last week's news, and a new deployment does not mail everyone on the 20th).
	 */
	sendUntil: Date
	/** When the previous period began: "new" means since then. */
	previousStartsAt: Date
	/** How far ahead the digest looks. */
	aheadMs: number
}

const DAY_MS = 86_400_000
const SEND_HOUR = '07:00'

/** The period `now` falls in, in the pact's time zone (DST-correct). */
export function digestPeriod(rhythm: DigestRhythm, now: Date, timeZone = config.timeZone): DigestPeriod {
	const today = utcToLocal(now, timeZone).date
	const [y, m, d] = today.split('-').map(Number) as [number, number, number]
	if (rhythm === 'monthly') {
		const first = `${y}-${String(m).padStart(2, '0')}-01`
		const previous = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`
		return {
			key: first.slice(0, 7),
			startsAt: localToUtc({ date: first, time: '00:00' }, timeZone),
			sendFrom: localToUtc({ date: first, time: SEND_HOUR }, timeZone),
			sendUntil: localToUtc({ date: `${first.slice(0, 8)}04`, time: '00:00' }, timeZone),
			previousStartsAt: localToUtc({ date: previous, time: '00:00' }, timeZone),
			aheadMs: 31 * DAY_MS,
		}
	}
	// ISO 8601 weeks: Monday first; week 1 holds the year's first Thursday.
	const date = new Date(Date.UTC(y, m - 1, d))
	const weekday = (date.getUTCDay() + 6) % 7
	const monday = new Date(date.getTime() - weekday * DAY_MS)
	const thursday = new Date(monday.getTime() + 3 * DAY_MS)
	const isoYear = thursday.getUTCFullYear()
	const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1
	const mondayDate = monday.toISOString().slice(0, 10)
	const previousMonday = new Date(monday.getTime() - 7 * DAY_MS).toISOString().slice(0, 10)
	return {
		key: `${isoYear}-W${String(week).padStart(2, '0')}`,
		startsAt: localToUtc({ date: mondayDate, time: '00:00' }, timeZone),
		sendFrom: localToUtc({ date: mondayDate, time: SEND_HOUR }, timeZone),
		sendUntil: localToUtc(
			{ date: new Date(monday.getTime() + 2 * DAY_MS).toISOString().slice(0, 10), time: '00:00' },
			timeZone,
		),
		previousStartsAt: localToUtc({ date: previousMonday, time: '00:00' }, timeZone),
		aheadMs: 7 * DAY_MS,
	}
}

type DigestContent = Omit<DigestEmailProps, 'unsubscribeUrl' | 'preferencesUrl' | 'pactName' | 'brandColor'>

/**
 * What one person's digest says, or null when there is nothing new for them: no event they are
 * going to in the period ahead, no new event soon, no step reached since the last period. The
 * pact's growth alone is not news enough to send an email.
 */
export async function digestFor(
	db: DB,
	user: { id: number; name: string; language: string },
	rhythm: DigestRhythm,
	period: DigestPeriod,
	now: Date,
): Promise<DigestContent | null> {
	const language: SupportedLanguage = isSupportedLanguage(user.language) ? user.language : config.pact.defaultLanguage
	const until = new Date(now.getTime() + period.aheadMs).toISOString()
	const eventUrl = (slug: string) => `${config.appUrl}/events/${slug}`
	const asDigestEvent = (e: {
		slug: string
		title: string
		title_en: string | null
		starts_at: string
	}): DigestEvent => ({
		title: eventTitle(e, language).text,
		when: formatShortDate(e.starts_at, language, config.timeZone),
		url: eventUrl(e.slug),
	})
	const myEvents = await db
		.selectFrom('event_rsvp')
		.innerJoin('event', 'event.id', 'event_rsvp.event_id')
		.select(['event.slug', 'event.title', 'event.title_en', 'event.starts_at'])
		.where('event_rsvp.user_id', '=', user.id)
		.where('event_rsvp.status', '=', 'going')
		.where('event.status', '=', 'published')
		.where('event.starts_at', '>=', now.toISOString())
		.where('event.starts_at', '<', until)
		.orderBy('event.starts_at')
		.limit(5)
		.execute()
	const eventsSoon = await db
		.selectFrom('event')
		.select(['event.slug', 'event.title', 'event.title_en', 'event.starts_at'])
		.where('event.status', '=', 'published')
		.where('event.published_at', '>=', period.previousStartsAt.toISOString())
		.where('event.starts_at', '>=', now.toISOString())
		.where('event.starts_at', '<', until)
		// Network meetings for partners are not news for everyone (issue 11).
		.where('event.audience', '=', 'everyone')
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('event_rsvp')
						.select('event_rsvp.id')
						.whereRef('event_rsvp.event_id', '=', 'event.id')
						.where('event_rsvp.user_id', '=', user.id),
				),
			),
		)
		.orderBy('event.starts_at')
		.limit(5)
		.execute()
	const ladder = await db
		.selectFrom('ladder_step')
		.select(['step', 'reached_at'])
		.where('user_id', '=', user.id)
		.executeTakeFirst()
	const steppedUp = ladder !== undefined && ladder.reached_at >= period.previousStartsAt.toISOString()
	// The current theme is in every digest; a theme that began since the last one is news by itself.
	const theme = await currentTheme(db, language, now)
	const themeBegan =
		theme !== null &&
		theme.startsOn >= utcToLocal(period.previousStartsAt, config.timeZone).date &&
		theme.startsOn <= utcToLocal(now, config.timeZone).date
	// The award of the month decided since the last digest is news by itself too.
	const award = await awardDecidedSince(db, period.previousStartsAt)
	if (myEvents.length === 0 && eventsSoon.length === 0 && !steppedUp && !themeBegan && !award) return null

	const step = ladder?.step ?? 1
	const ladderT = emailT(language, 'ladder')
	// The ladder has steps 1–4; there is a next step only below 4.
	const next = (step + 1) as 2 | 3 | 4
	const nextStep =
		step < 4
			? {
					step: next,
					title: ladderT(`steps.${next}.title`),
					text: ladderT(`steps.${next}.text`),
					url: `${config.appUrl}/ladder`,
				}
			: null
	const signatures = await db
		.selectFrom('signature')
		.select((eb) => [
			eb.fn.countAll<number>().as('total'),
			eb.fn
				.sum<number>(eb.case().when('confirmed_at', '>=', period.previousStartsAt.toISOString()).then(1).else(0).end())
				.as('recent'),
		])
		.where('status', '=', 'confirmed')
		.executeTakeFirstOrThrow()
	return {
		language,
		name: firstName(user.name),
		frequency: rhythm,
		myEvents: myEvents.map(asDigestEvent),
		eventsSoon: eventsSoon.map(asDigestEvent),
		nextStep,
		growth: { total: Number(signatures.total), newSigners: Number(signatures.recent ?? 0) },
		theme: theme ? { title: theme.title, summary: theme.summary, url: `${config.appUrl}/themes/${theme.slug}` } : null,
		award: award
			? {
					month: formatMonth(award.month, language),
					name: award.name,
					citation: award.citation,
					url: `${config.appUrl}/awards`,
				}
			: null,
	}
}

export interface DigestReport {
	queued: number
	skipped: number
}

/**
 * Sends the digests due now: for each rhythm whose period has begun (Monday or the 1st, 07:00;
 * until the end of Tuesday or the 3rd),
 * to everyone on that rhythm without a digest row for the period. The row and the email are
 * written in one transaction and the row's key is (person, period), so a second run, a run in
 * another process, or a run after a crash halfway never sends anyone a second digest.
 */
export async function sendDigests(
	db: DB,
	{ now = new Date(), rhythms = ['weekly', 'monthly'] as DigestRhythm[], force = false } = {},
): Promise<DigestReport> {
	const report: DigestReport = { queued: 0, skipped: 0 }
	for (const rhythm of rhythms) {
		const period = digestPeriod(rhythm, now)
		if (!force && (now < period.sendFrom || now >= period.sendUntil)) continue
		let afterId = 0
		for (;;) {
			const people = await db
				.selectFrom('user')
				.select(['user.id', 'user.email', 'user.name', 'user.language'])
				.where('user.digest_frequency', '=', rhythm)
				.where('user.id', '>', afterId)
				.where((eb) =>
					eb.or([
						eb.exists(
							eb
								.selectFrom('signature')
								.select('signature.id')
								.whereRef('signature.user_id', '=', 'user.id')
								.where('signature.status', '=', 'confirmed'),
						),
						eb.exists(
							eb
								.selectFrom('event_rsvp')
								.select('event_rsvp.id')
								.whereRef('event_rsvp.user_id', '=', 'user.id')
								.where('event_rsvp.status', '=', 'going'),
						),
					]),
				)
				.where((eb) =>
					eb.not(
						eb.exists(
							eb
								.selectFrom('digest')
								.select('digest.user_id')
								.whereRef('digest.user_id', '=', 'user.id')
								.where('digest.period', '=', period.key),
						),
					),
				)
				.where((eb) =>
					eb.not(
						eb.exists(
							eb.selectFrom('suppression').select('suppression.email').whereRef('suppression.email', '=', 'user.email'),
						),
					),
				)
				.orderBy('user.id')
				.limit(200)
				.execute()
			if (people.length === 0) break
			afterId = people.at(-1)!.id
			for (const person of people) {
				const outcome = await sendDigest(db, person, rhythm, period, now)
				if (outcome) report[outcome]++
			}
		}
	}
	return report
}

async function sendDigest(
	db: DB,
	person: { id: number; email: string; name: string; language: string },
	rhythm: DigestRhythm,
	period: DigestPeriod,
	now: Date,
): Promise<'queued' | 'skipped' | null> {
	const content = await digestFor(db, person, rhythm, period, now)
	const unsubscribe = unsubscribeUrl({ userId: person.id, list: 'digest', newsletterId: null })
	const rendered = content
		? await renderEmail(
				composeEmail(
					DigestEmail,
					{ ...content, unsubscribeUrl: unsubscribe, preferencesUrl: preferencesUrl(person.id) },
					{
						to: person.email,
						idempotencyKey: `digest-${person.id}-${period.key}`,
						headers: unsubscribeHeaders(unsubscribe),
					},
				),
			)
		: null
	return db.transaction().execute(async (trx) => {
		const claimed = await trx
			.insertInto('digest')
			.values({
				user_id: person.id,
				period: period.key,
				outcome: rendered ? 'queued' : 'skipped',
				created_at: now.toISOString(),
			})
			.onConflict((oc) => oc.columns(['user_id', 'period']).doNothing())
			.executeTakeFirst()
		if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return null
		if (!rendered) return 'skipped'
		await queueEmail(trx, rendered, now)
		return 'queued'
	})
}
