import { config } from '#app/config.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { composeEmail, queueEmail, renderEmail } from '#app/mail/send-email.server.ts'
import { safeRedirectPath } from '#app/ui/safe-redirect.ts'
import type { DB } from '#db/index.ts'
import type { VerificationPurpose } from '#db/schema.ts'
import SignInCodeEmail from '#emails/sign-in-code.tsx'
import {
	consumeEscalatingLimit,
	consumeRateLimits,
	rateLimitBucket,
	type EscalatingLimit,
	type RateLimit,
} from './rate-limit.server.ts'
import { signInHeaders } from './session.server.ts'
import {
	newVerificationSecrets,
	normaliseEmail,
	prepareVerification,
	verificationUrl,
	verifyCode,
	verifyLinkToken,
	VERIFICATION_TTL_MS,
	type VerificationOutcome,
} from './verification.server.ts'

const MINUTE_MS = 60 * 1000

/**
 * How often codes may be asked for and tried. The per-code limit (MAX_CODE_ATTEMPTS) stops
 * guessing one code; these stop asking for new codes to guess again, from one address or one
 * network. Generous enough for a person who mistypes, tight enough that guessing a 6-digit code
 * stays hopeless.
 */
export const SIGN_IN_LIMITS = {
	requestsPerAddress: { limit: 5, windowMs: 15 * MINUTE_MS },
	requestsPerIp: { limit: 20, windowMs: 15 * MINUTE_MS },
	attemptsPerIp: { limit: 30, windowMs: 15 * MINUTE_MS },
} satisfies Record<string, RateLimit>

/**
 * Codes tried for one address, from any network: 15 in 15 minutes, and each time that fills, a
 * window twice as long; at most CODE_ATTEMPTS_PER_DAY a day. Guessing one of a million codes at
 * that pace takes decades, while a person who mistypes never meets it.
 */
export const CODE_ATTEMPTS_PER_ADDRESS = {
	limit: 15,
	windowMs: 15 * MINUTE_MS,
	perDay: config.accounts.codeAttemptsPerDay,
} satisfies EscalatingLimit

export const CODE_VALID_MINUTES = VERIFICATION_TTL_MS / MINUTE_MS

/**
 * Where to go after signing in: a same-site path, but never back to the sign-in pages themselves
 * (the header's "Sign in" link on /login or /verify would otherwise loop).
 */
export function afterSignInPath(value: FormDataEntryValue | string | null | undefined): string {
	const path = safeRedirectPath(value, '/')
	return /^\/(login|verify|logout)(?:[/?#]|$)/.test(path) ? '/' : path
}

export async function findUserByEmail(db: DB, email: string) {
	return db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'language'])
		.where((eb) => eb(eb.fn('lower', ['email']), '=', normaliseEmail(email)))
		.executeTakeFirst()
}

/**
 * "Email me a code." Every address gets the same page afterwards, so nobody can learn from it
 * who has an account. Behind that page an address with an account gets a code and a link; an
 * address without one gets a short note that there is no account and a link to sign the pact.
 * We chose the note over creating an account (which would store an address nobody proved
 * wanted to join, and leave accounts without a pledge) and over silence (which leaves someone
 * who never signed, or mistyped, waiting for a code that never comes).
 */
export async function requestSignIn(
	db: DB,
	{
		email,
		clientIp,
		language,
		redirectTo,
	}: { email: string; clientIp: string; language: SupportedLanguage; redirectTo?: string },
	now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: 'rate-limited' }> {
	const address = normaliseEmail(email)
	const allowed = await consumeRateLimits(
		db,
		[
			{ bucket: rateLimitBucket('sign-in-request', 'address', address), ...SIGN_IN_LIMITS.requestsPerAddress },
			{ bucket: rateLimitBucket('sign-in-request', 'ip', clientIp), ...SIGN_IN_LIMITS.requestsPerIp },
		],
		now,
	)
	if (!allowed) return { ok: false, reason: 'rate-limited' }

	const user = await findUserByEmail(db, address)
	if (!user) {
		const rendered = await renderEmail(
			composeEmail(
				SignInCodeEmail,
				{ language, validMinutes: CODE_VALID_MINUTES, hasAccount: false, signUrl: `${config.appUrl}/sign` },
				{ to: address },
			),
		)
		// A proof is stored as for an account (its code goes nowhere), so the code form that
		// follows answers alike, and takes as long, whether or not the address has an account.
		await db.transaction().execute(async (trx) => {
			await prepareVerification(trx, 'sign-in', address, now)
			await queueEmail(trx, rendered, now)
		})
		return { ok: true }
	}

	// Rendered before the transaction so the write lock is held only for the two inserts.
	const secrets = newVerificationSecrets()
	const back = afterSignInPath(redirectTo)
	const verifyUrl = verificationUrl(config.appUrl, secrets.linkToken, back === '/' ? undefined : back)
	const rendered = await renderEmail(
		composeEmail(
			SignInCodeEmail,
			{ language, validMinutes: CODE_VALID_MINUTES, hasAccount: true, code: secrets.code, verifyUrl },
			{ to: user.email },
		),
	)
	await db.transaction().execute(async (trx) => {
		await prepareVerification(trx, 'sign-in', address, now, secrets)
		await queueEmail(trx, rendered, now)
	})
	return { ok: true }
}

export type VerifyResult =
	| { ok: true; redirectTo: string; headers: HeadersInit }
	| { ok: false; reason: Exclude<VerificationOutcome, { ok: true }>['reason'] | 'rate-limited' | 'no-signature' }
	/** The address was tried too often: no code for it is looked at before `until`. */
	| { ok: false; reason: 'locked-out' | 'locked-out-today'; until: Date }

/**
 * A typed code from the /verify form. Counts against the address's and the network's attempts
 * before the code is even looked at, so guessing across many codes is limited too.
 */
export async function verifyCodeAndSignIn(
	db: DB,
	{
		email,
		purpose,
		code,
		clientIp,
		redirectTo,
	}: { email: string; purpose: VerificationPurpose; code: string; clientIp: string; redirectTo?: string },
	now = new Date(),
): Promise<VerifyResult> {
	const address = normaliseEmail(email)
	const refused = await consumeEscalatingLimit(
		db,
		{ bucket: rateLimitBucket('code-attempt', 'address', address), ...CODE_ATTEMPTS_PER_ADDRESS },
		[{ bucket: rateLimitBucket('code-attempt', 'ip', clientIp), ...SIGN_IN_LIMITS.attemptsPerIp }],
		now,
	)
	if (refused && refused.until > now)
		return { ok: false, reason: refused.daily ? 'locked-out-today' : 'locked-out', until: refused.until }
	if (refused) return { ok: false, reason: 'rate-limited' }
	const outcome = await verifyCode(db, purpose, address, code.replace(/\s+/g, ''), now)
	if (!outcome.ok) return outcome
	return completeVerification(db, outcome, redirectTo, now)
}

/** The button on the page an emailed link opens. */
export async function verifyLinkAndSignIn(
	db: DB,
	{ token, clientIp, redirectTo }: { token: string; clientIp: string; redirectTo?: string },
	now = new Date(),
): Promise<VerifyResult> {
	const allowed = await consumeRateLimits(
		db,
		[{ bucket: rateLimitBucket('code-attempt', 'ip', clientIp), ...SIGN_IN_LIMITS.attemptsPerIp }],
		now,
	)
	if (!allowed) return { ok: false, reason: 'rate-limited' }
	const outcome = await verifyLinkToken(db, token, now)
	if (!outcome.ok) return outcome
	return completeVerification(db, outcome, redirectTo, now)
}

/**
 * What a proven address does for a purpose other than signing in, and where the person goes then;
 * null when there is nothing to do it to (a signature withdrawn since the email went out).
 */
export type ProofHandler = (
	db: DB,
	address: string,
	now: Date,
) => Promise<{ userId: number; redirectTo: string } | null>

const proofHandlers = new Map<Exclude<VerificationPurpose, 'sign-in'>, ProofHandler>()

/**
 * The area that asks for a proof registers what the proof does (the pledge area: confirming a
 * signature), so signing in depends on no area. app/areas.server.ts makes the registrations.
 */
export function handleProof(purpose: Exclude<VerificationPurpose, 'sign-in'>, handler: ProofHandler): void {
	proofHandlers.set(purpose, handler)
}

/** A proven address: sign in, or do what its purpose asks and sign in. Always a fresh session. */
async function completeVerification(
	db: DB,
	{ purpose, target }: { purpose: VerificationPurpose; target: string },
	redirectTo: string | undefined,
	now: Date,
): Promise<VerifyResult> {
	if (purpose !== 'sign-in') {
		const handler = proofHandlers.get(purpose)
		if (!handler) throw new Error(`nothing handles a proven '${purpose}': app/areas.server.ts registers it`)
		const done = await handler(db, target, now)
		if (!done) return { ok: false, reason: 'no-signature' }
		return { ok: true, redirectTo: done.redirectTo, headers: await signInHeaders(db, done.userId) }
	}
	const user = await findUserByEmail(db, target)
	// Codes go only to addresses with an account; one deleted since is an unusable code.
	if (!user) return { ok: false, reason: 'invalid' }
	return { ok: true, redirectTo: afterSignInPath(redirectTo), headers: await signInHeaders(db, user.id) }
}
