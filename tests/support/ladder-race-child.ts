// A second process for the ladder's concurrency test: checks one person in at one event at an
// agreed moment, with the ladder's hook in the same transaction, and prints the promotion.
// Usage: node --import tsx tests/support/ladder-race-child.ts <db file> <event id> <user id> <organiser id> <start ms>
import { openDatabase } from '#db/index.ts'
import { recordLadderActivity } from '#app/ladder/ladder.server.ts'

const [file, eventId, userId, organiserId, startMs] = process.argv.slice(2)
const db = openDatabase(file!)
const moment = new Date('2026-03-05T17:40:00Z')
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startMs) - Date.now())))
const promotion = await db.transaction().execute(async (trx) => {
	// The same insert as checkIn in app/events/check-in.server.ts, then the ladder's hook.
	const user = await trx.selectFrom('user').select('name').where('id', '=', Number(userId)).executeTakeFirstOrThrow()
	const result = await trx
		.insertInto('event_attendance')
		.values({ event_id: Number(eventId), user_id: Number(userId), name: user.name, walk_in: 0, checked_in_at: moment.toISOString(), checked_in_by: Number(organiserId) })
		.onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
		.executeTakeFirst()
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? recordLadderActivity(trx, Number(userId), moment) : null
})
process.stdout.write(JSON.stringify({ promotion }))
await db.destroy()
