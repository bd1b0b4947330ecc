/**
 * Delivery settings read from the environment (all optional). Kept beside the outbox rather
 * than in app/config.server.ts because only delivery reads them.
 */
function positiveNumber(name: string, fallback: number): number {
	const value = Number(process.env[name])
	return Number.isFinite(value) && value > 0 ? value : fallback
}

export const deliverySettings = {
	/** Requests per second to Resend (its default account limit is 2). */
	resendRatePerSecond: positiveNumber('RESEND_RATE_PER_SECOND', 2),
	/** Another Resend API address, e.g. a local mock; the SDK also reads RESEND_BASE_URL itself. */
	resendBaseUrl: process.env.RESEND_BASE_URL?.trim() || undefined,
	/** How long a claim holds before another worker may retry the message (five minutes). */
	leaseMs: positiveNumber('OUTBOX_LEASE_SECONDS', 300) * 1000,
}
