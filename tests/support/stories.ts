import type { DB } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'

export { approvedPartner } from '#tests/support/partners-reports.ts'

/** Test data for partner stories and the award of the month. */

export async function coordinator(db: DB) {
	return makeUser(db, { role: 'coordinator', name: 'Karin Koordinator' })
}

export function storyForm(partnerId: number, overrides: Record<string, string> = {}) {
	return {
		partnerId: String(partnerId),
		title: 'Vi cyklar ut brödet',
		body: 'Sedan i våras levererar vi med **lådcykel**.',
		...overrides,
	}
}

export async function storyRow(db: DB, storyId: number) {
	return db.selectFrom('story').selectAll().where('id', '=', storyId).executeTakeFirstOrThrow()
}

/** The outbox rows about a story, keyed as the stories area keys them. */
export async function storyMails(db: DB, storyId: number) {
	return db
		.selectFrom('outbox')
		.select(['to_address', 'subject', 'text'])
		.where('idempotency_key', '=', `story:${storyId}:reviewed`)
		.execute()
}
