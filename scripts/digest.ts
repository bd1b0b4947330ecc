// `npm run digest`: sends the personal digests that are due now, as the worker does on schedule.
// `npm run digest -- --weekly` or `--monthly` for one rhythm; `--force` sends for the current
// period even before its Monday/1st 07:00. Running it twice sends nothing twice.
import { sendDigests, type DigestRhythm } from '#app/newsletters/digest.server.ts'
import { getDb, migrateToLatest } from '#db/index.ts'

const args = new Set(process.argv.slice(2))
const rhythms: DigestRhythm[] = args.has('--weekly') ? ['weekly'] : args.has('--monthly') ? ['monthly'] : ['weekly', 'monthly']
const db = getDb()
await migrateToLatest(db)
const report = await sendDigests(db, { rhythms, force: args.has('--force') })
console.log(`digest: ${report.queued} queued, ${report.skipped} with nothing new (skipped); the worker delivers them`)
await db.destroy()
