import { sql } from 'kysely'
import { lockedEvent, promoteFromWaitlist } from '#app/events/rsvp.server.ts'
import { partnerContacts, partnersOf } from '#app/partners/partners.server.ts'
import { moveChosenCounts, movePactCount } from '#app/pledge/counts.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import { forUpdate } from '#db/locks.ts'
import type { Database } from '#db/schema.ts'

/**
 * Deleting an account (GDPR art. 17), in one transaction: all of it or none of it.
 *
 * Removed: the signature, its commitments and any change to it waiting for confirmation, RSVPs
 * (a freed place goes to the waitlist, as a cancellation would), co-organiser places, helper
 * shifts, supports, question votes, theme follows, sessions, sign-in codes, email choices and
 * unsubscribes, a bounce or complaint block on the address, digests, the calendar feed, the
 * ladder, partner memberships, the consent history; the emails sent to the person keep only
 * their delivery status (address, subject and text are blanked) so the newsletters' statistics
 * stay right.
 *
 * Kept, anonymised: the user row stays as a nameless tombstone (name replaced, address replaced
 * with one that cannot receive mail or sign in) because proposals, stories, questions, project
 * updates, nominations and the events the person organised point at it and are the pact's public
 * record. Check-ins keep their row (the event's figures) without the name.
 *
 * The kept counts are moved with the areas' own functions where those take a transaction
 * (pact and commitment counts, the waitlist), and recounted from the rows otherwise (support,
 * votes, followers), because the areas' withdraw functions open transactions of their own and
 * refuse once a proposal is submitted or an event has started.
 *
 * Why this module writes other areas' tables (decision 0014): see export.server.ts; the delete
 * has to reach every table in one transaction, which the areas' public functions cannot offer.
 */

export type DeleteOutcome = { kind: 'deleted' } | { kind: 'last-contact'; partners: string[] }

/** The address a deleted account gets: `.invalid` can never receive mail (RFC 2606). */
export function tombstoneEmail(userId: number): string {
	return `deleted-${userId}@deleted.invalid`
}

export async function deleteAccount(
	db: DB,
	userId: number,
	anonymousName: string,
	now = new Date(),
): Promise<DeleteOutcome> {
	return db.transaction().execute(async (trx) => {
		// A partner must keep someone who can act for it: the coordinators add another contact first.
		const soleContactOf: string[] = []
		for (const membership of await partnersOf(trx, userId)) {
			if (membership.role !== 'contact') continue
			const contacts = await partnerContacts(trx, membership.id)
			if (contacts.every((contact) => contact.id === userId)) soleContactOf.push(membership.name)
		}
		if (soleContactOf.length > 0) return { kind: 'last-contact', partners: soleContactOf }

		const user = await trx.selectFrom('user').select('email').where('id', '=', userId).executeTakeFirstOrThrow()
		const email = user.email.toLowerCase()

		await removePledge(trx, userId)
		await removeEventPlaces(trx, userId, now)
		await removeCounted(trx, 'proposal_support', 'proposal', userId, (ids) =>
			trx
				.updateTable('proposal')
				.set({
					support_count: sql<number>`(select count(*) from proposal_support where proposal_id = proposal.id)`,
				})
				.where('id', 'in', ids)
				.execute(),
		)
		await removeCounted(trx, 'question_vote', 'question', userId, (ids) =>
			trx
				.updateTable('question')
				.set({ vote_count: sql<number>`(select count(*) from question_vote where question_id = question.id)` })
				.where('id', 'in', ids)
				.execute(),
		)
		await removeCounted(trx, 'theme_follow', 'theme', userId, (ids) =>
			trx
				.updateTable('theme')
				.set({ follower_count: sql<number>`(select count(*) from theme_follow where theme_id = theme.id)` })
				.where('id', 'in', ids)
				.execute(),
		)

		for (const table of [
			'session',
			'signature_change',
			'event_co_organiser',
			'unsubscribe',
			'digest',
			'calendar_feed',
			'event_reminder',
			'event_helper',
			'volunteer_interest',
			'ladder_step',
			'ladder_history',
			'user_role',
			'proposal_report',
			'partner_member',
		] as const) {
			await trx.deleteFrom(table).where('user_id', '=', userId).execute()
		}
		await trx.deleteFrom('verification').where('target', '=', email).execute()
		// A bounce or complaint block on the address goes too: the tombstone address is never mailed.
		await trx.deleteFrom('suppression').where('email', '=', email).execute()
		await trx
			.updateTable('event_attendance')
			.set({ user_id: null, name: anonymousName })
			.where('user_id', '=', userId)
			.execute()
		// Not yet sent: not sent at all. Sent: only the delivery status stays, for the statistics.
		await trx
			.updateTable('outbox')
			.set({ status: 'cancelled', last_error: 'account deleted' })
			.where((eb) => eb.or([eb('user_id', '=', userId), eb(eb.fn('lower', ['to_address']), '=', email)]))
			.where('status', 'in', ['queued', 'held'])
			.execute()
		await trx
			.updateTable('outbox')
			.set({ to_address: '', subject: '', html: '', text: '', variables: null, headers: '{}', attachments: '[]' })
			.where((eb) => eb.or([eb('user_id', '=', userId), eb(eb.fn('lower', ['to_address']), '=', email)]))
			.execute()
		await trx
			.updateTable('user')
			.set({
				email: tombstoneEmail(userId),
				name: anonymousName,
				digest_frequency: 'off',
				event_reminders: 0,
				level_up_emails: 0,
			})
			.where('id', '=', userId)
			.execute()
		// Last: the update above logs its own changes of email choices (0018's triggers).
		await trx.deleteFrom('consent_log').where('user_id', '=', userId).execute()
		return { kind: 'deleted' }
	})
}

/** The signature stops counting (as withdrawing does), then goes with its commitments. */
async function removePledge(trx: DbHandle, userId: number) {
	const signature = await trx
		.selectFrom('signature')
		.select(['id', 'status', 'lives_in_municipality'])
		.where('user_id', '=', userId)
		.$call(forUpdate(trx))
		.executeTakeFirst()
	if (!signature) return
	const commitments = await trx
		.selectFrom('pledge_commitment')
		.select('commitment_id')
		.where('signature_id', '=', signature.id)
		.execute()
	if (signature.status === 'confirmed') {
		await movePactCount(trx, signature.lives_in_municipality, -1)
		const catalogueIds = commitments.flatMap((row) => (row.commitment_id === null ? [] : [row.commitment_id]))
		await moveChosenCounts(trx, catalogueIds, -1)
	}
	await trx.deleteFrom('pledge_commitment').where('signature_id', '=', signature.id).execute()
	await trx.deleteFrom('signature').where('id', '=', signature.id).execute()
}

/** RSVPs go; each place freed at an event still ahead goes to the waitlist, who are emailed. */
async function removeEventPlaces(trx: DbHandle, userId: number, now: Date) {
	const going = await trx
		.selectFrom('event_rsvp')
		.select('event_id')
		.where('user_id', '=', userId)
		.where('status', '=', 'going')
		.execute()
	await trx.deleteFrom('event_rsvp').where('user_id', '=', userId).execute()
	for (const { event_id } of going) {
		const event = await lockedEvent(trx, event_id)
		if (event) await promoteFromWaitlist(trx, event, now)
	}
}

type CountedTable = 'proposal_support' | 'question_vote' | 'theme_follow'

/**
 * Deletes the person's rows and recounts what they were counted in. The counted rows are locked
 * first, so a support or vote given meanwhile on PostgreSQL is either in the recount or moves the
 * count after it, never lost.
 */
async function removeCounted<T extends CountedTable>(
	trx: DbHandle,
	table: T,
	counted: 'proposal' | 'question' | 'theme',
	userId: number,
	recount: (ids: number[]) => Promise<unknown>,
) {
	const key = `${counted}_id` as keyof Database[T] & `${typeof counted}_id`
	const rows = (await trx
		.selectFrom(table as CountedTable)
		.select(key as never)
		.where('user_id', '=', userId)
		.execute()) as Record<string, number>[]
	if (rows.length === 0) return
	await trx
		.deleteFrom(table as CountedTable)
		.where('user_id', '=', userId)
		.execute()
	const ids = rows.map((row) => row[key]!)
	// In id order, so two deletions sharing some of these rows take turns instead of deadlocking.
	await trx.selectFrom(counted).select('id').where('id', 'in', ids).orderBy('id').$call(forUpdate(trx)).execute()
	await recount(ids)
}
