import { resendTransport } from '#app/mail/transports/resend.server.ts'

/** Test set-up for sending email: the sender, Resend against the mocked API (tests/mocks), and a fixed clock. */

export const testSender = 'Klimatpakt <hej@klimatpakt.example>'

/** Resend with no pacing: the rate limit is Resend's concern, not what these tests are about. */
export function mockedResend() {
	return resendTransport({ apiKey: 're_test_key', from: testSender, requestsPerSecond: 10_000 })
}

/** The moment the outbox's clock starts in these tests, and a moment `ms` after it. */
export const t0 = new Date('2025-05-01T08:00:00.000Z')
export const later = (ms: number) => new Date(t0.getTime() + ms)
