import { config } from '#app/config.server.ts'
import { getDb, migrateToLatest } from '#db/index.ts'
import { seedIfEmpty } from '#db/seed.ts'
import { runWorker } from '#app/worker.server.ts'

/**
 * What `npm start` does before serving: migrate, then load demo content into an empty database
 * when running locally (or with SEED_DEMO=true): never fake signatures in a real pact's count.
 */
export async function prepareDatabase(): Promise<void> {
	const db = getDb()
	const { results } = await migrateToLatest(db)
	for (const r of results ?? []) console.log(`migration ${r.migrationName}: ${r.status}`)
	if (config.seedDemo && (await seedIfEmpty(db))) console.log('seeded demo content')
}

/** Starts the background worker in this process; returns a function that stops it. */
export function startWorker(): () => Promise<void> {
	const controller = new AbortController()
	const done = runWorker(getDb(), { signal: controller.signal })
	return async () => {
		controller.abort()
		await done
	}
}
