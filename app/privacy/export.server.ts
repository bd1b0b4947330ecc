import { partnersOf } from '#app/partners/partners.server.ts'
import type { DbHandle } from '#db/index.ts'
import type { Database } from '#db/schema.ts'
import { consentHistory } from './consents.server.ts'

/**
 * "Download everything stored about me" (GDPR art. 15 and 20): one JSON document per person.
 *
 * Why this module reads other areas' tables (decision 0014 prefers asking an area): the export is
 * one read across every area by design, and asking each area for a dump of one person would add
 * a function per table to every area that only this file calls. It only reads, and `coverage`
 * below says for every column that points at a person where it lands in the document; the test
 * tests/integration/privacy-export.test.ts fails when the schema has such a column that is not
 * listed here. Partner memberships do go through the partners area, which has the function.
 *
 * Left out on purpose: ids (internal), session ids and every token or hash (a download must not
 * become a key), and the bodies of emails (only subject, status and dates).
 */

/** A column that names a person: `table.column`, typed so a renamed column fails typecheck. */
type PersonColumn = {
	[T in keyof Database & string]: `${T}.${keyof Database[T] & string}`
}[keyof Database & string]

/**
 * Where each column that names a person lands in the export. `actedOn` holds counts of records
 * the person changed for the pact as an organiser or coordinator (those records are the pact's,
 * not theirs, so only how many are listed).
 */
export const coverage = {
	'user.id': 'account',
	'user.email': 'account',
	'user_role.user_id': 'account',
	'session.user_id': 'sessions',
	'verification.target': 'signInCodes',
	'signature.user_id': 'pledge',
	'signature_change.user_id': 'pledge',
	'consent_log.user_id': 'consents',
	'outbox.user_id': 'emails',
	'outbox.to_address': 'emails',
	'suppression.email': 'emails',
	'unsubscribe.user_id': 'emails',
	'digest.user_id': 'emails',
	'event.organiser_id': 'events',
	'event_co_organiser.user_id': 'events',
	'event_rsvp.user_id': 'events',
	'event_helper.user_id': 'events',
	'event_attendance.user_id': 'events',
	'event_reminder.user_id': 'events',
	'calendar_feed.user_id': 'events',
	'ladder_step.user_id': 'ladder',
	'ladder_history.user_id': 'ladder',
	// Whether the step's congratulation was emailed, not an address.
	'ladder_history.email': 'ladder',
	'volunteer_interest.user_id': 'ladder',
	'theme_follow.user_id': 'themes',
	'proposal.author_id': 'proposals',
	'proposal_support.user_id': 'proposals',
	'proposal_report.user_id': 'proposals',
	'question.author_id': 'questions',
	'question_vote.user_id': 'questions',
	'story.author_id': 'stories',
	'award_nomination.nominated_by': 'stories',
	'partner_member.user_id': 'partners',
	'project_update.author_id': 'partners',
	'event_attendance.checked_in_by': 'actedOn',
	'event_co_organiser.added_by': 'actedOn',
	'ladder_history.changed_by': 'actedOn',
	'ladder_setting.updated_by': 'actedOn',
	'newsletter.created_by': 'actedOn',
	'image.created_by': 'actedOn',
	'proposal.hidden_by': 'actedOn',
	'proposal_change.changed_by': 'actedOn',
	'question.answered_by': 'actedOn',
	'content_page.updated_by': 'actedOn',
	'agreement.signed_by': 'actedOn',
	'agreement.reviewed_by': 'actedOn',
	'climate_report.submitted_by': 'actedOn',
	'story.reviewed_by': 'actedOn',
	'award.decided_by': 'actedOn',
	'partnership_day.created_by': 'actedOn',
	'partnership_day.rounds_generated_by': 'actedOn',
	'partnership_day_registration.registered_by': 'actedOn',
	'action_pledge.recorded_by': 'actedOn',
	'action_pledge.answered_by': 'actedOn',
	'mentorship.started_by': 'actedOn',
	'mentorship.ended_by': 'actedOn',
	'mentoring_meeting.logged_by': 'actedOn',
	'project.created_by': 'actedOn',
	'project_update.hidden_by': 'actedOn',
	'project_update.edited_by': 'actedOn',
} as const satisfies { [K in PersonColumn]?: string }

export type ExportSection = (typeof coverage)[keyof typeof coverage]

/** The `actedOn` columns, counted per person. */
const actedOnColumns = (Object.keys(coverage) as (keyof typeof coverage)[]).filter((key) => coverage[key] === 'actedOn')

export async function personalData(db: DbHandle, userId: number) {
	const user = await db
		.selectFrom('user')
		.select(['email', 'name', 'language', 'created_at', 'digest_frequency', 'event_reminders', 'level_up_emails'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow()
	const email = user.email.toLowerCase()
	const signature = await db
		.selectFrom('signature')
		.select([
			'id',
			'status',
			'lives_in_municipality',
			'district',
			'show_first_name',
			'newsletter_consent',
			'newsletter_consent_at',
			'consent_version',
			'consent_at',
			'confirmed_at',
			'withdrawn_at',
			'created_at',
			'updated_at',
		])
		.where('user_id', '=', userId)
		.executeTakeFirst()

	const [roles, sessions, signInCodes, commitments, consents] = await Promise.all([
		db.selectFrom('user_role').select(['role', 'granted_at']).where('user_id', '=', userId).execute(),
		db
			.selectFrom('session')
			.select(['created_at', 'expires_at'])
			.where('user_id', '=', userId)
			.orderBy('created_at')
			.execute(),
		db
			.selectFrom('verification')
			.select(['purpose', 'created_at', 'expires_at', 'used_at', 'attempts'])
			.where('target', '=', email)
			.orderBy('created_at')
			.execute(),
		signature
			? db
					.selectFrom('pledge_commitment')
					.leftJoin('commitment', 'commitment.id', 'pledge_commitment.commitment_id')
					.select([
						'commitment.title_sv',
						'commitment.title_en',
						'pledge_commitment.own_words',
						'pledge_commitment.progress',
						'pledge_commitment.added_at',
						'pledge_commitment.updated_at',
					])
					.where('pledge_commitment.signature_id', '=', signature.id)
					.orderBy('pledge_commitment.id')
					.execute()
			: [],
		consentHistory(db, userId),
	])

	const events = {
		organised: await db
			.selectFrom('event')
			.select(['title', 'starts_at', 'status', 'created_at'])
			.where('organiser_id', '=', userId)
			.orderBy('starts_at')
			.execute(),
		coOrganised: await db
			.selectFrom('event_co_organiser')
			.innerJoin('event', 'event.id', 'event_co_organiser.event_id')
			.select(['event.title', 'event.starts_at', 'event_co_organiser.added_at'])
			.where('event_co_organiser.user_id', '=', userId)
			.orderBy('event.starts_at')
			.execute(),
		rsvps: await db
			.selectFrom('event_rsvp')
			.innerJoin('event', 'event.id', 'event_rsvp.event_id')
			.select([
				'event.title as event',
				'event.starts_at',
				'event_rsvp.status',
				'event_rsvp.created_at',
				'event_rsvp.promoted_at',
				'event_rsvp.cancelled_at',
			])
			.where('event_rsvp.user_id', '=', userId)
			.orderBy('event.starts_at')
			.execute(),
		helperShifts: await db
			.selectFrom('event_helper')
			.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
			.innerJoin('event', 'event.id', 'event_helper_shift.event_id')
			.select([
				'event.title as event',
				'event.starts_at',
				'event_helper_shift.title as shift',
				'event_helper.created_at',
			])
			.where('event_helper.user_id', '=', userId)
			.orderBy('event.starts_at')
			.execute(),
		checkIns: await db
			.selectFrom('event_attendance')
			.innerJoin('event', 'event.id', 'event_attendance.event_id')
			.select(['event.title as event', 'event_attendance.name', 'event_attendance.checked_in_at'])
			.where('event_attendance.user_id', '=', userId)
			.orderBy('event_attendance.checked_in_at')
			.execute(),
		remindersSent: await db
			.selectFrom('event_reminder')
			.innerJoin('event', 'event.id', 'event_reminder.event_id')
			.select(['event.title as event', 'event_reminder.sent_at'])
			.where('event_reminder.user_id', '=', userId)
			.execute(),
		calendarFeed: await db
			.selectFrom('calendar_feed')
			.select(['created_at'])
			.where('user_id', '=', userId)
			.executeTakeFirst(),
	}

	const ladder = {
		step: await db
			.selectFrom('ladder_step')
			.select(['step', 'reached_at', 'attended_count', 'helped_count', 'evaluated_at'])
			.where('user_id', '=', userId)
			.executeTakeFirst(),
		history: await db
			.selectFrom('ladder_history')
			.select(['from_step', 'to_step', 'source', 'rule', 'reason', 'changed_at', 'email'])
			.where('user_id', '=', userId)
			.orderBy('changed_at')
			.execute(),
		interests: await db
			.selectFrom('volunteer_interest')
			.select(['interest', 'created_at'])
			.where('user_id', '=', userId)
			.execute(),
	}

	const proposals = {
		authored: await db
			.selectFrom('proposal')
			.select(['title', 'summary', 'body', 'status', 'support_count', 'created_at', 'published_at'])
			.where('author_id', '=', userId)
			.orderBy('created_at')
			.execute(),
		supported: await db
			.selectFrom('proposal_support')
			.innerJoin('proposal', 'proposal.id', 'proposal_support.proposal_id')
			.select(['proposal.title as proposal', 'proposal_support.created_at'])
			.where('proposal_support.user_id', '=', userId)
			.execute(),
		reported: await db
			.selectFrom('proposal_report')
			.innerJoin('proposal', 'proposal.id', 'proposal_report.proposal_id')
			.select(['proposal.title as proposal', 'proposal_report.reason', 'proposal_report.created_at'])
			.where('proposal_report.user_id', '=', userId)
			.execute(),
	}

	const questions = {
		asked: await db
			.selectFrom('question')
			.innerJoin('event', 'event.id', 'question.event_id')
			.select(['event.title as event', 'question.text', 'question.created_at', 'question.answer'])
			.where('question.author_id', '=', userId)
			.execute(),
		votes: await db
			.selectFrom('question_vote')
			.innerJoin('question', 'question.id', 'question_vote.question_id')
			.select(['question.text as question', 'question_vote.created_at'])
			.where('question_vote.user_id', '=', userId)
			.execute(),
	}

	const stories = {
		written: await db
			.selectFrom('story')
			.select(['title', 'body', 'status', 'created_at', 'approved_at'])
			.where('author_id', '=', userId)
			.execute(),
		nominations: await db
			.selectFrom('award_nomination')
			.select(['month', 'nominee_name', 'action', 'created_at'])
			.where('nominated_by', '=', userId)
			.execute(),
	}

	const partners = {
		memberships: (await partnersOf(db, userId)).map(({ name, role }) => ({ partner: name, role })),
		projectUpdates: await db
			.selectFrom('project_update')
			.innerJoin('project', 'project.id', 'project_update.project_id')
			.select(['project.title as project', 'project_update.body', 'project_update.created_at'])
			.where('project_update.author_id', '=', userId)
			.execute(),
	}

	const emails = {
		preferences: {
			newsletter: signature?.newsletter_consent === 1,
			digest: user.digest_frequency,
			eventReminders: user.event_reminders === 1,
			levelUp: user.level_up_emails === 1,
		},
		unsubscribed: await db
			.selectFrom('unsubscribe')
			.select(['list', 'created_at'])
			.where('user_id', '=', userId)
			.execute(),
		digests: await db
			.selectFrom('digest')
			.select(['period', 'outcome', 'created_at'])
			.where('user_id', '=', userId)
			.execute(),
		blocked: await db.selectFrom('suppression').select(['reason', 'created_at']).where('email', '=', email).execute(),
		// Subjects and dates only: the bodies hold sign-in codes and links.
		sent: await db
			.selectFrom('outbox')
			.select(['subject', 'status', 'created_at', 'sent_at', 'delivered_at', 'bounced_at'])
			.where((eb) => eb.or([eb('user_id', '=', userId), eb(eb.fn('lower', ['to_address']), '=', email)]))
			.orderBy('created_at')
			.execute(),
	}

	const pendingChange = await db
		.selectFrom('signature_change')
		.select(['details', 'language', 'created_at'])
		.where('user_id', '=', userId)
		.executeTakeFirst()

	const actedOn: Record<string, number> = {}
	for (const key of actedOnColumns) {
		const [table, column] = key.split('.') as [keyof Database & string, string]
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the column comes from the typed coverage list
			.where(column as any, '=', userId)
			.executeTakeFirstOrThrow()
		if (Number(row.n) > 0) actedOn[key] = Number(row.n)
	}

	const { id: _signatureId, ...pledge } = signature ?? { id: 0 }
	return {
		account: { ...user, roles },
		// pendingChange: details sent with the sign form for this address, waiting for the owner's confirmation.
		pledge: signature
			? {
					...pledge,
					commitments,
					pendingChange: pendingChange
						? { ...pendingChange, details: JSON.parse(pendingChange.details) as unknown }
						: null,
				}
			: null,
		consents,
		events,
		ladder,
		themes: await db
			.selectFrom('theme_follow')
			.innerJoin('theme', 'theme.id', 'theme_follow.theme_id')
			.select(['theme.title_sv', 'theme.title_en', 'theme_follow.created_at'])
			.where('theme_follow.user_id', '=', userId)
			.execute(),
		proposals,
		questions,
		stories,
		partners,
		emails,
		sessions,
		signInCodes,
		actedOn,
	} satisfies Record<ExportSection, unknown>
}

export type PersonalData = Awaited<ReturnType<typeof personalData>>
