// `npm run db:migrate`: brings the database at DATABASE_URL up to the newest migration.
import { databasePath, migrateToLatest, openDatabase } from '#db/index.ts'

const file = databasePath()
const db = openDatabase(file)
try {
	const { results } = await migrateToLatest(db)
	if (!results?.length) console.log(`${file}: already up to date`)
	for (const r of results ?? []) console.log(`${file}: ${r.migrationName} ${r.status}`)
} catch (error) {
	console.error('Migration failed:', error)
	process.exitCode = 1
} finally {
	await db.destroy()
}
