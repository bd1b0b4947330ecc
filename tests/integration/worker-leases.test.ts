import { afterAll, afterEach, describe, expect, test, vi } from 'vitest'
import { DEFAULT_LEASE_MS, finishJob, releaseJobs, runDueJobs, takeJobLease, type Job } from '#app/jobs.server.ts'
import { databasePath, getDb, openDatabase } from '#db/index.ts'

const db = getDb()
// A second handle on the same database, as a worker in another process or on another machine has.
const other = openDatabase(databasePath())

const HOUR_MS = 60 * 60 * 1000
const t0 = new Date('2026-03-02T06:00:00.000Z')
const at = (ms: number) => () => new Date(t0.getTime() + ms)

afterEach(async () => {
	await db.deleteFrom('job_lease').execute()
})
afterAll(async () => {
	await other.destroy()
})

/** A job that notes which worker (by its database handle) ran it. */
function countingJob(name: string, everyMs: number) {
	const runs: string[] = []
	const job: Job = { name, everyMs, run: async (handle) => runs.push(handle === db ? 'a' : 'b') }
	return { job, runs }
}

const lease = (name: string) =>
	db.selectFrom('job_lease').selectAll().where('name', '=', name).executeTakeFirstOrThrow()

describe('the worker’s jobs across processes', () => {
	test('two workers ticking at the same moments run an hourly job once per hour between them', async () => {
		const { job, runs } = countingJob('hourly', HOUR_MS)
		const tick = (ms: number) =>
			Promise.all([runDueJobs(db, [job], 'worker-a', at(ms)), runDueJobs(other, [job], 'worker-b', at(ms))])

		// New to the database, so due at once: both add its row, one runs it.
		await tick(0)
		expect(runs).toHaveLength(1)
		await tick(30 * 60 * 1000)
		await tick(HOUR_MS - 1)
		expect(runs).toHaveLength(1)
		await tick(HOUR_MS)
		await tick(HOUR_MS + 1000)
		expect(runs).toHaveLength(2)
		await tick(2 * HOUR_MS)
		expect(runs).toHaveLength(3)
		expect(await db.selectFrom('job_lease').select('name').execute()).toEqual([{ name: 'hourly' }])
	})

	test('an every-tick job runs in one worker at a time, and stays with it until it stops or dies', async () => {
		let started!: () => void
		let release!: () => void
		const running = new Promise<void>((resolve) => (started = resolve))
		const released = new Promise<void>((resolve) => (release = resolve))
		const runs: string[] = []
		const job: Job = {
			name: 'every tick',
			everyMs: 0,
			run: async (handle) => {
				runs.push(handle === db ? 'a' : 'b')
				started()
				await released
			},
		}
		const first = runDueJobs(db, [job], 'worker-a', at(0))
		await running
		expect(await runDueJobs(other, [job], 'worker-b', at(1000))).toEqual([])
		release()
		expect(await first).toEqual(['every tick'])

		// Between ticks worker a keeps it, and runs it again without writing until half its lease is gone.
		expect(await runDueJobs(other, [job], 'worker-b', at(2000))).toEqual([])
		expect(await runDueJobs(db, [job], 'worker-a', at(3000))).toEqual(['every tick'])
		expect((await lease('every tick')).leased_until).toBe(at(DEFAULT_LEASE_MS)().toISOString())
		const renewed = DEFAULT_LEASE_MS / 2 + 1
		expect(await runDueJobs(db, [job], 'worker-a', at(renewed))).toEqual(['every tick'])
		expect((await lease('every tick')).leased_until).toBe(at(renewed + DEFAULT_LEASE_MS)().toISOString())

		// Worker a dies: b takes the job once a's lease has run out.
		expect(await runDueJobs(other, [job], 'worker-b', at(renewed + DEFAULT_LEASE_MS - 1))).toEqual([])
		expect(await runDueJobs(other, [job], 'worker-b', at(renewed + DEFAULT_LEASE_MS))).toEqual(['every tick'])
		// Worker b stops and lets go: a takes it at its next tick.
		await releaseJobs(other, 'worker-b')
		expect(await runDueJobs(db, [job], 'worker-a', at(renewed + DEFAULT_LEASE_MS + 1000))).toEqual(['every tick'])
		expect(runs).toEqual(['a', 'a', 'a', 'b', 'a'])
	})

	test('a lease left by a worker that died is taken over once it runs out', async () => {
		const { job, runs } = countingJob('hourly', HOUR_MS)
		await runDueJobs(db, [job], 'worker-a', at(0))
		// Worker a takes the next run and dies before finishing it.
		expect(await takeJobLease(db, job, 'worker-a', at(HOUR_MS)())).toBe(true)

		expect(await runDueJobs(other, [job], 'worker-b', at(HOUR_MS + DEFAULT_LEASE_MS - 1))).toEqual([])
		expect(await runDueJobs(other, [job], 'worker-b', at(HOUR_MS + DEFAULT_LEASE_MS))).toEqual(['hourly'])
		expect(runs).toEqual(['a', 'b'])
		expect(await lease('hourly')).toEqual({
			name: 'hourly',
			owner: 'worker-b',
			leased_until: null,
			next_run_at: at(2 * HOUR_MS + DEFAULT_LEASE_MS)().toISOString(),
		})
	})

	test('a worker that overran its lease does not let go of the job another has taken since', async () => {
		const { job } = countingJob('hourly', HOUR_MS)
		await runDueJobs(db, [job], 'worker-a', at(0))
		expect(await takeJobLease(db, job, 'worker-a', at(HOUR_MS)())).toBe(true)
		expect(await takeJobLease(other, job, 'worker-b', at(HOUR_MS + DEFAULT_LEASE_MS)())).toBe(true)
		// Worker a finishes late: the row stays worker b's, leased, until b finishes.
		await finishJob(db, job, 'worker-a', at(HOUR_MS)())
		expect(await lease('hourly')).toMatchObject({
			owner: 'worker-b',
			leased_until: at(HOUR_MS + 2 * DEFAULT_LEASE_MS)().toISOString(),
		})
	})

	test('a job that throws counts as run: it is let go and waits for its next interval', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
		let runs = 0
		const job: Job = {
			name: 'failing',
			everyMs: HOUR_MS,
			run: async () => {
				runs++
				throw new Error('the database said no')
			},
		}
		const { job: after, runs: afterRuns } = countingJob('after it', HOUR_MS)
		// The jobs after it in the same tick still run.
		expect(await runDueJobs(db, [job, after], 'worker-a', at(0))).toEqual(['failing', 'after it'])
		expect(afterRuns).toEqual(['a'])
		expect(logged).toHaveBeenCalledWith('worker: failing failed', expect.any(Error))
		expect(await lease('failing')).toMatchObject({ leased_until: null, next_run_at: at(HOUR_MS)().toISOString() })

		expect(await runDueJobs(other, [job], 'worker-b', at(1000))).toEqual([])
		expect(await runDueJobs(other, [job], 'worker-b', at(HOUR_MS))).toEqual(['failing'])
		expect(runs).toBe(2)
	})
})
