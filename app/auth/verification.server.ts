import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { inTransaction, type DB, type DbHandle } from '#db/index.ts'
import { lockKeys } from '#db/locks.ts'
import type { VerificationPurpose } from '#db/schema.ts'

/**
 * One table for every emailed proof of an address: signing in and confirming a signature. Each
 * proof is a 6-digit code and a link, valid 10 minutes, usable once, with a few attempts.
 * Only hashes are stored.
 */
export const VERIFICATION_TTL_MS = 10 * 60 * 1000
export const MAX_CODE_ATTEMPTS = 5

export type VerificationOutcome =
	| { ok: true; purpose: VerificationPurpose; target: string }
	| { ok: false; reason: 'invalid' | 'expired' | 'too-many-attempts' }

function hash(value: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(value)))
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase()
}

function randomCode(): string {
	// Rejection sampling keeps every code equally likely.
	const buffer = new Uint32Array(1)
	let value: number
	do {
		crypto.getRandomValues(buffer)
		value = buffer[0]!
	} while (value >= 4_294_000_000)
	return String(value % 1_000_000).padStart(6, '0')
}

export interface VerificationSecrets {
	code: string
	linkToken: string
}

/** A fresh code and link token, so an email can be rendered before its transaction opens. */
export function newVerificationSecrets(): VerificationSecrets {
	const bytes = new Uint8Array(20)
	crypto.getRandomValues(bytes)
	return { code: randomCode(), linkToken: encodeBase32LowerCaseNoPadding(bytes) }
}

/**
 * Creates a new proof for an address and returns the code and link token to email. Earlier
 * unused proofs for the same address and purpose stop working: only the newest email counts.
 * Pass a transaction to store the proof together with the email that carries it (queueEmail),
 * and `secrets` from newVerificationSecrets() when the email was rendered beforehand.
 */
export async function prepareVerification(
	db: DbHandle,
	purpose: VerificationPurpose,
	email: string,
	now = new Date(),
	secrets: VerificationSecrets = newVerificationSecrets(),
): Promise<VerificationSecrets> {
	const target = normaliseEmail(email)
	const { code, linkToken } = secrets
	await inTransaction(db, async (trx) => {
		await trx.deleteFrom('verification').where('target', '=', target).where('purpose', '=', purpose).execute()
		await trx
			.insertInto('verification')
			.values({
				purpose,
				target,
				code_hash: hash(code),
				link_hash: hash(linkToken),
				expires_at: new Date(now.getTime() + VERIFICATION_TTL_MS).toISOString(),
				used_at: null,
				created_at: now.toISOString(),
			})
			.execute()
	})
	return { code, linkToken }
}

/** The right code or link: the proof is used up, so it cannot be used again. */
async function useUp(
	trx: DbHandle,
	row: { id: number; purpose: VerificationPurpose; target: string },
	now: Date,
): Promise<VerificationOutcome> {
	// Only the first use counts: a second click on the link, at the same moment, finds it used.
	const used = await trx
		.updateTable('verification')
		.set({ used_at: now.toISOString() })
		.where('id', '=', row.id)
		.where('used_at', 'is', null)
		.executeTakeFirst()
	if (used.numUpdatedRows === 0n) return { ok: false, reason: 'invalid' }
	return { ok: true, purpose: row.purpose, target: row.target }
}

/** A proof whose code and link were never sent to anyone: it can only run out of attempts or time. */
async function insertDecoy(trx: DbHandle, purpose: VerificationPurpose, target: string, now: Date) {
	const secrets = newVerificationSecrets()
	return trx
		.insertInto('verification')
		.values({
			purpose,
			target,
			code_hash: hash(secrets.code),
			link_hash: hash(secrets.linkToken),
			expires_at: new Date(now.getTime() + VERIFICATION_TTL_MS).toISOString(),
			used_at: null,
			created_at: now.toISOString(),
		})
		.returningAll()
		.executeTakeFirstOrThrow()
}

/** Checks a typed code. A wrong code uses up one attempt; the right one uses up the proof. */
export async function verifyCode(
	db: DB,
	purpose: VerificationPurpose,
	email: string,
	code: string,
	now = new Date(),
): Promise<VerificationOutcome> {
	const target = normaliseEmail(email)
	return db.transaction().execute(async (trx) => {
		// Guesses at one address take turns on PostgreSQL, so each sees the attempts (or the
		// stand-in below) of the one before.
		await lockKeys(trx, `verification:${purpose}:${target}`)
		const waiting = await trx
			.selectFrom('verification')
			.selectAll()
			.where('target', '=', target)
			.where('purpose', '=', purpose)
			.where('used_at', 'is', null)
			.orderBy('id', 'desc')
			.executeTakeFirst()
		// No code waits for this address (none asked for, or used up, or the address has no
		// account): a stand-in that nobody was sent takes the attempts, so every address answers
		// alike, "blocked" after the same number of wrong codes, whether or not anyone owns it.
		const row = waiting ?? (await insertDecoy(trx, purpose, target, now))
		if (row.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, reason: 'too-many-attempts' } as const
		if (new Date(row.expires_at) <= now) return { ok: false, reason: 'expired' } as const
		if (row.code_hash !== hash(code.trim())) {
			const { attempts } = await trx
				.updateTable('verification')
				.set((eb) => ({ attempts: eb('attempts', '+', 1) }))
				.where('id', '=', row.id)
				.returning('attempts')
				.executeTakeFirstOrThrow()
			const left = MAX_CODE_ATTEMPTS - attempts
			return { ok: false, reason: left > 0 ? 'invalid' : 'too-many-attempts' } as const
		}
		return useUp(trx, row, now)
	})
}

/** Checks the token from an emailed link (after the person pressed the button on the page). */
export async function verifyLinkToken(db: DB, token: string, now = new Date()): Promise<VerificationOutcome> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('verification')
			.selectAll()
			.where('link_hash', '=', hash(token.trim()))
			.executeTakeFirst()
		if (!row || row.used_at) return { ok: false, reason: 'invalid' } as const
		if (new Date(row.expires_at) <= now) return { ok: false, reason: 'expired' } as const
		if (row.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, reason: 'too-many-attempts' } as const
		return useUp(trx, row, now)
	})
}

/**
 * What an emailed link is for, without using it up: the /verify page's GET shows the matching
 * button ("Sign in", "Confirm my signature") and changes nothing, since mail scanners follow links.
 * Null when the link is unknown, used, expired or locked.
 */
export async function peekLinkToken(
	db: DB,
	token: string,
	now = new Date(),
): Promise<{ purpose: VerificationPurpose } | null> {
	const row = await db
		.selectFrom('verification')
		.select(['purpose', 'used_at', 'expires_at', 'attempts'])
		.where('link_hash', '=', hash(token.trim()))
		.executeTakeFirst()
	if (!row || row.used_at || new Date(row.expires_at) <= now || row.attempts >= MAX_CODE_ATTEMPTS) return null
	return { purpose: row.purpose }
}

/** Where the emailed link points: a page with a button, never an action on GET. */
export function verificationUrl(appUrl: string, linkToken: string, redirectTo?: string): string {
	const params = new URLSearchParams({ token: linkToken })
	if (redirectTo) params.set('redirectTo', redirectTo)
	return `${appUrl}/verify?${params}`
}
