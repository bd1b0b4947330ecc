import type { DB } from '#db/index.ts'
import { deliverDueEmails, transportFromConfig } from '#app/mail/outbox.server.ts'
import { sendEventReminders } from '#app/events/reminders.server.ts'

const TICK_MS = 1000

/**
 * The background worker: delivers the outbox, and (as later parts arrive) sends reminders and
 * digests. It runs inside `npm start`, or alone with `npm run worker`; every job is safe to run
 * in two processes at once and to repeat after a crash.
 */
export async function runWorker(db: DB, { signal }: { signal: AbortSignal }): Promise<void> {
	const transport = transportFromConfig()
	while (!signal.aborted) {
		// Reminders first, so those due go out in this same tick.
		try {
			await sendEventReminders(db)
		} catch (error) {
			console.error('worker: event reminders failed', error)
		}
		try {
			await deliverDueEmails(db, transport)
		} catch (error) {
			console.error('worker: delivering email failed', error)
		}
		await new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, TICK_MS)
			signal.addEventListener('abort', () => {
				clearTimeout(timer)
				resolve()
			}, { once: true })
		})
	}
}
