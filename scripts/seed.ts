// `npm run db:seed`: migrates the database at DATABASE_URL, then loads demo content if it is empty.
import { databasePath, migrateToLatest, openDatabase, setDb } from '#db/index.ts'
import { seedIfEmpty } from '#db/seed.ts'

const file = databasePath()
const db = openDatabase(file)
setDb(db)
try {
	await migrateToLatest(db)
	if (await seedIfEmpty(db)) {
		const [{ users }, counts] = await Promise.all([
			db.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('users')).execute().then((rows) => rows[0]!),
			db.selectFrom('pact_count').select(['residents', 'others']).where('id', '=', 1).executeTakeFirstOrThrow(),
		])
		console.log(`${file}: loaded demo content (${users} people; ${counts.residents} residents and ${counts.others} from elsewhere have signed)`)
		console.log('Demo accounts: koordinator@klimatpakt.example (coordinator), arrangor@klimatpakt.example (organiser)')
	} else {
		console.log(`${file}: the database already has people in it, so no demo content was loaded`)
	}
} catch (error) {
	console.error('Seeding failed:', error)
	process.exitCode = 1
} finally {
	await db.destroy()
}
