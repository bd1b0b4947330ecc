import { vi } from 'vitest'

/**
 * Runs `work` on vitest's fake clock (vi.useFakeTimers with Date and setTimeout faked): whenever
 * it waits for a timer, the clock jumps to that timer instead of the test waiting for it. Work
 * that waits on real input or output would spin here; use it for work that waits only on timers.
 */
export async function onFakeClock<T>(work: Promise<T>): Promise<T> {
	let settled = false
	const done = work.finally(() => (settled = true))
	// Observed here, so a rejection is not reported as unhandled while the loop runs.
	done.catch(() => {})
	while (!settled) await vi.advanceTimersToNextTimerAsync()
	return done
}

/** A pause that only the fake clock ends. */
export function fakeSleep(ms: number): Promise<void> {
	return onFakeClock(new Promise<void>((resolve) => setTimeout(resolve, ms)))
}
