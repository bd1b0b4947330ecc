import { config } from '#app/config.server.ts'
import { isSupportedLanguage } from '#app/i18n/i18n.ts'
import { composeEmail, queueEmail, renderEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import LevelUpEmail from '#emails/level-up.tsx'

/**
 * The congratulation on a new step. A history row marked 'pending' is a message owed; it becomes
 * 'queued' in the same transaction that puts the message in the outbox, so a crash between the
 * two leaves it owed, never lost. One message per person and step, ever (the idempotency key).
 */

export function levelUpKey(userId: number, step: number): string {
	return `ladder-level-up:${userId}:step-${step}`
}

function renderLevelUp(
	user: { id: number; email: string; name: string; language: string },
	step: 2 | 3 | 4,
): Promise<RenderedEmail> {
	const language = isSupportedLanguage(user.language) ? user.language : config.pact.defaultLanguage
	return renderEmail(
		composeEmail(
			LevelUpEmail,
			{
				language,
				name: user.name,
				step,
				ladderUrl: `${config.appUrl}/ladder`,
				settingsUrl: `${config.appUrl}/ladder#email-setting`,
			},
			{ to: user.email, idempotencyKey: levelUpKey(user.id, step) },
		),
	)
}

/** Renders and queues the message for one history row, inside the caller's transaction. */
export async function queueLevelUpInTransaction(trx: DbHandle, historyId: number, now = new Date()): Promise<boolean> {
	const row = await pendingRow(trx, historyId)
	if (!row) return false
	const email = await renderLevelUp(
		{ id: row.user_id, email: row.email_address, name: row.name, language: row.language },
		row.to_step as 2 | 3 | 4,
	)
	return markQueued(trx, historyId, email, now)
}

function pendingRow(db: DbHandle, historyId: number) {
	return db
		.selectFrom('ladder_history')
		.innerJoin('user', 'user.id', 'ladder_history.user_id')
		.select([
			'ladder_history.id',
			'ladder_history.user_id',
			'ladder_history.to_step',
			'user.email as email_address',
			'user.name',
			'user.language',
			'user.level_up_emails',
		])
		.where('ladder_history.id', '=', historyId)
		.where('ladder_history.email', '=', 'pending')
		.executeTakeFirst()
}

async function markQueued(trx: DbHandle, historyId: number, email: RenderedEmail, now: Date): Promise<boolean> {
	// The person may have turned the messages off since the step was reached.
	const user = await trx
		.selectFrom('ladder_history')
		.innerJoin('user', 'user.id', 'ladder_history.user_id')
		.select('user.level_up_emails')
		.where('ladder_history.id', '=', historyId)
		.where('ladder_history.email', '=', 'pending')
		.executeTakeFirst()
	if (!user) return false
	if (!user.level_up_emails) {
		await trx.updateTable('ladder_history').set({ email: 'none' }).where('id', '=', historyId).execute()
		return false
	}
	await queueEmail(trx, email, now)
	await trx.updateTable('ladder_history').set({ email: 'queued' }).where('id', '=', historyId).execute()
	return true
}

/**
 * Queues every congratulation still owed: after a bulk re-evaluation, and from the worker as a
 * safety net. Renders outside the transaction so the write lock is held only for the insert.
 */
export async function sendPendingLevelUpEmails(db: DB, now = new Date(), limit = 200): Promise<number> {
	const owed = await db
		.selectFrom('ladder_history')
		.select('id')
		.where('email', '=', 'pending')
		.orderBy('id')
		.limit(limit)
		.execute()
	let queued = 0
	for (const { id } of owed) {
		const row = await pendingRow(db, id)
		if (!row) continue
		const email = await renderLevelUp(
			{ id: row.user_id, email: row.email_address, name: row.name, language: row.language },
			row.to_step as 2 | 3 | 4,
		)
		if (await db.transaction().execute((trx) => markQueued(trx, id, email, now))) queued += 1
	}
	return queued
}
