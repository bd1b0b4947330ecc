// The operators' commands (`npm run worker`, `db:migrate`, `db:seed`, `db:copy`, `digest`, `user:role`). They
// live in the app, not in scripts/, so that they are part of the server build and run from an
// installation without dev dependencies: scripts/cli.mjs loads them from the build.
import { grantRole, roleNames } from '#app/auth/roles.server.ts'
import { config } from '#app/config.server.ts'
import { sendDigests, type DigestRhythm } from '#app/newsletters/digest.server.ts'
import { runWorker } from '#app/worker.server.ts'
import { copyDatabase, CopyRefused, formatCopyReport } from '#db/copy.ts'
import { describeDatabase, migrateToLatest, openDatabase, setDb } from '#db/index.ts'
import { seedIfEmpty } from '#db/seed.ts'

type Command = (args: string[]) => Promise<number>

/** Brings the database at DATABASE_URL up to the newest migration. */
const migrate: Command = async () => {
	const file = describeDatabase()
	const db = openDatabase()
	try {
		const { results } = await migrateToLatest(db)
		if (!results?.length) console.log(`${file}: already up to date`)
		for (const r of results ?? []) console.log(`${file}: ${r.migrationName} ${r.status}`)
		return 0
	} catch (error) {
		console.error('Migration failed:', error)
		return 1
	} finally {
		await db.destroy()
	}
}

/** Migrates, then loads demo content if the database is empty. */
const seed: Command = async () => {
	const file = describeDatabase()
	const db = openDatabase()
	setDb(db)
	try {
		await migrateToLatest(db)
		if (!(await seedIfEmpty(db))) {
			console.log(`${file}: the database already has people in it, so no demo content was loaded`)
			return 0
		}
		const [{ users }, counts] = await Promise.all([
			db
				.selectFrom('user')
				.select((eb) => eb.fn.countAll<number>().as('users'))
				.execute()
				.then((rows) => rows[0]!),
			db.selectFrom('pact_count').select(['residents', 'others']).where('id', '=', 1).executeTakeFirstOrThrow(),
		])
		console.log(
			`${file}: loaded demo content (${users} people; ${counts.residents} residents and ${counts.others} from elsewhere have signed)`,
		)
		console.log('Demo accounts: koordinator@klimatpakt.example (coordinator), arrangor@klimatpakt.example (organiser)')
		return 0
	} catch (error) {
		console.error('Seeding failed:', error)
		return 1
	} finally {
		await db.destroy()
		setDb(undefined)
	}
}

/**
 * The background worker as its own process, beside a server started with RUN_WORKER=false, or
 * several at once: every job is safe to run twice. Ctrl-C or SIGTERM lets the current job finish.
 */
const worker: Command = async () => {
	const db = openDatabase()
	setDb(db)
	// A worker may start before the server ever did; migrating is idempotent.
	await migrateToLatest(db)
	const controller = new AbortController()
	const stop = (signal: NodeJS.Signals) => {
		if (controller.signal.aborted) {
			console.log(`worker: ${signal} again, exiting now`)
			process.exit(1)
		}
		console.log(`worker: ${signal}, finishing the current job…`)
		controller.abort()
	}
	process.on('SIGINT', stop)
	process.on('SIGTERM', stop)
	console.log(
		`worker: started on ${describeDatabase()}, email via ${config.resendApiKey ? 'Resend' : `the local mailbox in ${config.mailDir}`}`,
	)
	await runWorker(db, { signal: controller.signal })
	await db.destroy()
	console.log('worker: stopped')
	return 0
}

/**
 * Sends the personal digests that are due now, as the worker does on schedule. `--weekly` or
 * `--monthly` for one rhythm; `--force` sends for the current period even before its Monday/1st
 * 07:00. Running it twice sends nothing twice.
 */
const digest: Command = async (args) => {
	const flags = new Set(args)
	const rhythms: DigestRhythm[] = flags.has('--weekly')
		? ['weekly']
		: flags.has('--monthly')
			? ['monthly']
			: ['weekly', 'monthly']
	const db = openDatabase()
	setDb(db)
	try {
		await migrateToLatest(db)
		const report = await sendDigests(db, { rhythms, force: flags.has('--force') })
		console.log(
			`digest: ${report.queued} queued, ${report.skipped} with nothing new (skipped); the worker delivers them`,
		)
		return 0
	} finally {
		await db.destroy()
	}
}

/** Gives a person a role: `user:role <email> <role>`. */
const userRole: Command = async ([email, role]) => {
	const usage = `Usage: npm run user:role -- <email> <role>   (role: ${roleNames.join(', ')})`
	if (!email || !role) {
		console.error(usage)
		return 1
	}
	const db = openDatabase()
	try {
		await migrateToLatest(db)
		const result = await grantRole(db, email, role)
		if (result.ok) {
			console.log(result.alreadyHad ? `${email} already has the role ${role}.` : `${email} is now ${role}.`)
			return 0
		}
		if (result.reason === 'unknown-role') console.error(`Unknown role "${role}". ${usage}`)
		else console.error(`No account with the address ${email}. An account is made when the person signs the pact.`)
		return 1
	} finally {
		await db.destroy()
	}
}

/**
 * Copies a whole pact into an empty database, SQLite or PostgreSQL either way (issue 13):
 * `db:copy <from> <to>`. Prints each table's rows and checksum on both sides; any difference
 * makes the exit code 1. Stop the app (and its worker) on the source first.
 */
const dbCopy: Command = async ([from, to]) => {
	if (!from || !to) {
		console.error('Usage: npm run db:copy -- <from> <to>   (each file:… or postgres://…)')
		return 1
	}
	try {
		const report = await copyDatabase(from, to)
		console.log(`${describeDatabase(from)} → ${describeDatabase(to)} at migration ${report.version}:`)
		console.log(formatCopyReport(report))
		if (report.otherSessionsOnSource)
			console.warn(
				`Warning: ${report.otherSessionsOnSource} other session(s) were connected to the source while it was read (the app, its worker, a pooler?). Whatever they wrote after that is not in the copy: stop them and copy again into a new database if that matters.`,
			)
		if (report.ok) console.log('Every table has the same rows on both sides.')
		else console.error('The copy differs from the source in the tables marked MISMATCH.')
		return report.ok ? 0 : 1
	} catch (error) {
		if (error instanceof CopyRefused) console.error(error.message)
		else
			console.error(
				'The copy failed and wrote no rows (the target may be left migrated and empty; run it again):',
				error,
			)
		return 1
	}
}

export const commands: Record<string, Command> = {
	migrate,
	seed,
	worker,
	digest,
	'user:role': userRole,
	'db:copy': dbCopy,
}
