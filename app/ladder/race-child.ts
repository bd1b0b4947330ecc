// A second process for the ladder's concurrency test: checks one person in at one event at an
// agreed moment, with the ladder's hook in the same transaction, and prints the promotion.
// Usage: node --import tsx app/ladder/race-child.ts <db file> <event id> <user id> <organiser id> <start ms>
import { checkIn } from '#app/events/check-in.server.ts'
import { openDatabase } from '#db/index.ts'
import { recordLadderActivity } from './ladder.server.ts'

const [file, eventId, userId, organiserId, startMs] = process.argv.slice(2)
const db = openDatabase(file!)
const moment = new Date('2026-03-05T17:40:00Z')
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startMs) - Date.now())))
const promotion = await db.transaction().execute(async (trx) => {
	const result = await checkIn(trx, Number(eventId), Number(userId), Number(organiserId), moment)
	return result.changed ? recordLadderActivity(trx, Number(userId), moment) : null
})
process.stdout.write(JSON.stringify({ promotion }))
await db.destroy()
