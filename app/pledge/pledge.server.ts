import { rememberFor } from '#app/common/cache.server.ts'
import { newVerificationSecrets, normaliseEmail, prepareVerification } from '#app/auth/verification.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { queueEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import { withdrawQueuedNewsletters } from '#app/newsletters/unsubscribe.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import { forUpdate, lockKeys } from '#db/locks.ts'
import type { CommitmentCategory, Language, PledgeProgress, SignatureStatus } from '#db/schema.ts'
import { moveChosenCounts, movePactCount } from './counts.server.ts'
import { alreadySignedEmail, confirmSignatureEmail, welcomeEmail } from './emails.server.ts'
import { CONSENT_VERSION, limits, type DetailsInput, type SignInput } from './schemas.ts'

/**
 * A resident's pledge: signing (double opt-in), confirming, and keeping it. Every change that
 * moves the pact's counts does so in the same transaction (see counts.server.ts), and the email
 * it causes is queued in that transaction too, rendered beforehand.
 */

/** A signature changed between reading it and writing: read again and redo the step. */
const MAX_ATTEMPTS = 3

async function findSignatory(db: DbHandle, email: string) {
	return db
		.selectFrom('user')
		.leftJoin('signature', 'signature.user_id', 'user.id')
		.select([
			'user.id as userId',
			'user.name',
			'user.language',
			'signature.id as signatureId',
			'signature.status',
			'signature.lives_in_municipality',
		])
		.where('user.email', '=', email)
		.executeTakeFirst()
}

async function commitmentTitles(db: DbHandle, ids: readonly number[], language: Language): Promise<string[]> {
	if (ids.length === 0) return []
	const rows = await db.selectFrom('commitment').select(['id', 'title_sv', 'title_en']).where('id', 'in', ids).execute()
	const byId = new Map(rows.map((row) => [row.id, language === 'en' ? row.title_en : row.title_sv]))
	return ids.flatMap((id) => byId.get(id) ?? [])
}

async function insertCommitments(
	trx: DbHandle,
	signatureId: number,
	{ commitmentIds, ownWords }: { commitmentIds: readonly number[]; ownWords: readonly string[] },
	now: Date,
): Promise<void> {
	const at = now.toISOString()
	const rows = [
		...commitmentIds.map((id) => ({ commitment_id: id, own_words: null })),
		...ownWords.map((words) => ({ commitment_id: null, own_words: words })),
	].map((row) => ({ ...row, signature_id: signatureId, progress: 'chosen' as const, added_at: at, updated_at: at }))
	if (rows.length > 0) await trx.insertInto('pledge_commitment').values(rows).execute()
}

/** What signing writes into a signature row: pending until confirmed, with this consent. */
function signatureDetails(input: SignatureChange, at: string) {
	return {
		status: 'pending' as const,
		lives_in_municipality: input.livesInMunicipality ? (1 as const) : (0 as const),
		district: input.district,
		show_first_name: input.showFirstName ? (1 as const) : (0 as const),
		newsletter_consent: input.newsletterConsent ? (1 as const) : (0 as const),
		newsletter_consent_at: input.newsletterConsent ? at : null,
		consent_version: CONSENT_VERSION,
		consent_at: at,
		confirmed_at: null,
		withdrawn_at: null,
		updated_at: at,
	}
}

/** The sign form's details that signing again with a known address keeps until its owner confirms. */
export type SignatureChange = Omit<SignInput, 'email' | 'consent'>

function changeOf({ email: _email, consent: _consent, ...details }: SignInput): SignatureChange {
	return details
}

/**
 * Applies details from signing again to a pending or withdrawn signature (neither counts, so no
 * count moves): the person's name and language, the signature, and its commitments anew.
 */
async function applyChange(
	trx: DbHandle,
	{ userId, signatureId }: { userId: number; signatureId: number },
	change: { details: SignatureChange; language: Language },
	now: Date,
): Promise<void> {
	const at = now.toISOString()
	await trx
		.updateTable('user')
		.set({ name: change.details.name, language: change.language })
		.where('id', '=', userId)
		.execute()
	await trx.updateTable('signature').set(signatureDetails(change.details, at)).where('id', '=', signatureId).execute()
	await trx.deleteFrom('pledge_commitment').where('signature_id', '=', signatureId).execute()
	await insertCommitments(trx, signatureId, change.details, now)
	await trx.deleteFrom('signature_change').where('user_id', '=', userId).execute()
}

async function waitingChange(db: DbHandle, userId: number) {
	const row = await db.selectFrom('signature_change').selectAll().where('user_id', '=', userId).executeTakeFirst()
	return row
		? { details: JSON.parse(row.details) as SignatureChange, language: row.language, createdAt: row.created_at }
		: null
}

/** Confirmation emails one address, and one network, may cause per hour (each is a real email). */
export const SIGN_LIMITS = {
	perAddress: { limit: 5, windowMs: 60 * 60_000 },
	perIp: { limit: 30, windowMs: 60 * 60_000 },
}

export type SignOutcome = 'new' | 'updated' | 'resigned' | 'already-signed'

/**
 * Signs the pact for an address, or updates a signature that is not confirmed yet. Never makes a
 * second user or signature; the caller answers "check your email" whatever the outcome, and only
 * the owner of the address learns which it was (from the email).
 */
export async function signPledge(
	db: DB,
	input: SignInput,
	{ language, now = new Date() }: { language: SupportedLanguage; now?: Date },
): Promise<SignOutcome> {
	const email = normaliseEmail(input.email)

	for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
		const before = await findSignatory(db, email)
		const status: SignatureStatus | null = before?.status ?? null

		// Render before the transaction: it holds the write lock and rendering is slow.
		const secrets = newVerificationSecrets()
		let message: RenderedEmail
		if (status === 'confirmed') {
			message = await alreadySignedEmail(email, language, { name: before!.name, secrets })
		} else {
			const commitments = [...(await commitmentTitles(db, input.commitmentIds, language)), ...input.ownWords]
			message = await confirmSignatureEmail(email, language, { name: input.name, secrets, commitments })
		}

		const outcome = await db.transaction().execute(async (trx): Promise<SignOutcome | null> => {
			// Two signings of one new address at once on PostgreSQL: the second waits, then finds the
			// first's signature instead of failing on the address's unique index.
			await lockKeys(trx, `email:${email}`)
			const current = await findSignatory(trx, email)
			if ((current?.status ?? null) !== status) return null
			const at = now.toISOString()

			if (status === 'confirmed') {
				// Nothing changes; the owner of the address gets a way to sign in instead.
				await prepareVerification(trx, 'sign-in', email, now, secrets)
				await queueEmail(trx, message, now)
				return 'already-signed'
			}

			if (current?.signatureId != null) {
				// A pending or withdrawn signature belongs to whoever proved this address before: the
				// new details wait for the address's owner to confirm them (confirmSignature applies
				// them), so typing someone's address changes nothing of theirs. A newer signing replaces
				// an older waiting one, as the newest email's code is the only one that works.
				const change = { details: JSON.stringify(changeOf(input)), language, created_at: at }
				await trx
					.insertInto('signature_change')
					.values({ user_id: current.userId, ...change })
					.onConflict((oc) => oc.column('user_id').doUpdateSet(change))
					.execute()
			} else {
				// A new signature, for a new person or an account without one (made some other way,
				// which keeps its name until its owner changes it).
				const userId =
					current?.userId ??
					(
						await trx
							.insertInto('user')
							.values({ email, name: input.name, language, created_at: at })
							.returning('id')
							.executeTakeFirstOrThrow()
					).id
				const signature = await trx
					.insertInto('signature')
					.values({ ...signatureDetails(input, at), user_id: userId, created_at: at })
					.returning('id')
					.executeTakeFirstOrThrow()
				await insertCommitments(trx, signature.id, input, now)
			}
			await prepareVerification(trx, 'confirm-signature', email, now, secrets)
			await queueEmail(trx, message, now)
			return status === null ? 'new' : status === 'pending' ? 'updated' : 'resigned'
		})
		if (outcome) return outcome
	}
	throw new Error('signPledge: the signature kept changing while signing')
}

/**
 * The emailed link or code was confirmed: a pending signature starts to count, and the person is
 * welcomed. Confirming twice changes nothing. Null when the address has nothing to confirm.
 */
export async function confirmSignature(db: DB, email: string, now = new Date()): Promise<{ userId: number } | null> {
	const address = normaliseEmail(email)
	for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
		const before = await findSignatory(db, address)
		if (!before || before.signatureId === null || before.status === null) return null
		// Details from signing again wait for this confirmation: it applies them, and a withdrawn
		// signature signed again comes back with them.
		const change = await waitingChange(db, before.userId)
		if (before.status === 'confirmed') return { userId: before.userId }
		if (before.status !== 'pending' && !change) return null

		const welcome = await welcomeEmail(address, change?.language ?? before.language, {
			name: change?.details.name ?? before.name,
			signatureId: before.signatureId,
		})

		const done = await db.transaction().execute(async (trx) => {
			const signature = await trx
				.selectFrom('signature')
				.select(['id', 'status'])
				.where('user_id', '=', before.userId)
				// A second confirmation at the same moment waits here and finds it confirmed: counted once.
				.$call(forUpdate(trx))
				.executeTakeFirst()
			if (!signature || signature.id !== before.signatureId) return false
			if (signature.status === 'confirmed') return true
			// Read again, so the details applied are those the welcome was rendered for.
			const changeNow = await waitingChange(trx, before.userId)
			if (changeNow?.createdAt !== change?.createdAt) return false
			if (changeNow) await applyChange(trx, { userId: before.userId, signatureId: signature.id }, changeNow, now)
			else if (signature.status !== 'pending') return false
			const at = now.toISOString()
			const { lives_in_municipality } = await trx
				.updateTable('signature')
				.set({ status: 'confirmed', confirmed_at: at, withdrawn_at: null, updated_at: at })
				.where('id', '=', signature.id)
				.returning('lives_in_municipality')
				.executeTakeFirstOrThrow()
			await movePactCount(trx, lives_in_municipality, 1)
			await moveChosenCounts(trx, await catalogueIdsOf(trx, signature.id), 1)
			await queueEmail(trx, welcome, now)
			return true
		})
		if (done) return { userId: before.userId }
	}
	return null
}

/**
 * Signatures never confirmed, signed before `cutoff` and not signed again since (issue 12): their
 * codes ran out long ago, so nobody proved the address. Deleted with their commitments; neither
 * counts anywhere (only confirmed signatures move the pact's and the commitments' counts), so no
 * count moves. Returns the people whose signature went, for the caller to delete leftover accounts.
 */
export async function purgeUnconfirmedSignatures(db: DbHandle, cutoff: Date): Promise<number[]> {
	const at = cutoff.toISOString()
	const purged = await db
		.deleteFrom('signature')
		.where('status', '=', 'pending')
		.where('created_at', '<', at)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('signature_change')
						.select('user_id')
						.whereRef('signature_change.user_id', '=', 'signature.user_id')
						.where('signature_change.created_at', '>=', at),
				),
			),
		)
		.returning('user_id')
		.execute()
	const userIds = purged.map((row) => row.user_id)
	if (userIds.length > 0) await db.deleteFrom('signature_change').where('user_id', 'in', userIds).execute()
	return userIds
}

async function catalogueIdsOf(trx: DbHandle, signatureId: number): Promise<number[]> {
	const rows = await trx
		.selectFrom('pledge_commitment')
		.select('commitment_id')
		.where('signature_id', '=', signatureId)
		.where('commitment_id', 'is not', null)
		.execute()
	return rows.map((row) => row.commitment_id!)
}

export interface MyPledgeCommitment {
	id: number
	commitmentId: number | null
	ownWords: string | null
	progress: PledgeProgress
	category: CommitmentCategory | null
	titleSv: string | null
	titleEn: string | null
	kgCo2ePerYear: number | null
	source: string | null
	retired: boolean
}

export interface MyPledge {
	user: { id: number; name: string; email: string; language: Language }
	signature: {
		id: number
		status: SignatureStatus
		livesInMunicipality: boolean
		district: string | null
		showFirstName: boolean
		newsletterConsent: boolean
		consentVersion: string
		consentAt: string
		confirmedAt: string | null
		createdAt: string
	} | null
	commitments: MyPledgeCommitment[]
}

/** Everything the my-pledge page shows: the person, their signature and their commitments. */
export async function getMyPledge(db: DB, userId: number): Promise<MyPledge | null> {
	const user = await db
		.selectFrom('user')
		.select(['id', 'name', 'email', 'language'])
		.where('id', '=', userId)
		.executeTakeFirst()
	if (!user) return null
	const signature = await db.selectFrom('signature').selectAll().where('user_id', '=', userId).executeTakeFirst()
	if (!signature) return { user, signature: null, commitments: [] }
	const rows = await db
		.selectFrom('pledge_commitment')
		.leftJoin('commitment', 'commitment.id', 'pledge_commitment.commitment_id')
		.select([
			'pledge_commitment.id',
			'pledge_commitment.commitment_id',
			'pledge_commitment.own_words',
			'pledge_commitment.progress',
			'commitment.category',
			'commitment.title_sv',
			'commitment.title_en',
			'commitment.kg_co2e_per_year',
			'commitment.source',
			'commitment.retired_at',
		])
		.where('pledge_commitment.signature_id', '=', signature.id)
		.orderBy('pledge_commitment.added_at')
		.orderBy('pledge_commitment.id')
		.execute()
	return {
		user,
		signature: {
			id: signature.id,
			status: signature.status,
			livesInMunicipality: signature.lives_in_municipality === 1,
			district: signature.district,
			showFirstName: signature.show_first_name === 1,
			newsletterConsent: signature.newsletter_consent === 1,
			consentVersion: signature.consent_version,
			consentAt: signature.consent_at,
			confirmedAt: signature.confirmed_at,
			createdAt: signature.created_at,
		},
		commitments: rows.map((row) => ({
			id: row.id,
			commitmentId: row.commitment_id,
			ownWords: row.own_words,
			progress: row.progress,
			category: row.category,
			titleSv: row.title_sv,
			titleEn: row.title_en,
			kgCo2ePerYear: row.kg_co2e_per_year,
			source: row.source,
			retired: row.retired_at !== null,
		})),
	}
}

/** My details. Moving in or out of the municipality moves a confirmed signature between the counts. */
export async function updateDetails(
	db: DB,
	userId: number,
	input: Omit<DetailsInput, 'intent'>,
	now = new Date(),
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const at = now.toISOString()
		// The signature is locked before the user row, in the order confirmSignature takes them.
		const signature = await trx
			.selectFrom('signature')
			.select(['id', 'status', 'lives_in_municipality', 'newsletter_consent', 'newsletter_consent_at'])
			.where('user_id', '=', userId)
			.$call(forUpdate(trx))
			.executeTakeFirst()
		const updated = await trx.updateTable('user').set({ name: input.name }).where('id', '=', userId).executeTakeFirst()
		if (updated.numUpdatedRows === 0n) return false
		if (!signature) return true
		const livesInMunicipality = input.livesInMunicipality ? 1 : 0
		if (signature.status === 'confirmed' && signature.lives_in_municipality !== livesInMunicipality) {
			await movePactCount(trx, signature.lives_in_municipality, -1)
			await movePactCount(trx, livesInMunicipality, 1)
		}
		const newsletterConsent = input.newsletterConsent ? 1 : 0
		await trx
			.updateTable('signature')
			.set({
				lives_in_municipality: livesInMunicipality,
				district: input.district,
				show_first_name: input.showFirstName ? 1 : 0,
				newsletter_consent: newsletterConsent,
				// The time consent was given, kept while it lasts.
				newsletter_consent_at: newsletterConsent
					? signature.newsletter_consent
						? signature.newsletter_consent_at
						: at
					: null,
				updated_at: at,
			})
			.where('id', '=', signature.id)
			.execute()
		if (signature.newsletter_consent && !newsletterConsent) await withdrawQueuedNewsletters(trx, userId)
		return true
	})
}

export async function setProgress(
	db: DB,
	userId: number,
	pledgeCommitmentId: number,
	progress: PledgeProgress,
	now = new Date(),
): Promise<boolean> {
	const result = await db
		.updateTable('pledge_commitment')
		.set({ progress, updated_at: now.toISOString() })
		.where('id', '=', pledgeCommitmentId)
		.where('signature_id', 'in', (eb) => eb.selectFrom('signature').select('id').where('user_id', '=', userId))
		.executeTakeFirst()
	return result.numUpdatedRows > 0n
}

/** How many commitments in one's own words a pledge may carry. */
export const MAX_OWN_WORDS_PER_PLEDGE = 10

export type AddOutcome = { ok: true; added: number } | { ok: false; reason: 'no-signature' | 'too-many-own-words' }

/** Raising one's ambition: more commitments on a pending or confirmed pledge. */
export async function addCommitments(
	db: DB,
	userId: number,
	input: { commitmentIds: readonly number[]; ownWords: readonly string[] },
	now = new Date(),
): Promise<AddOutcome> {
	return db.transaction().execute(async (trx): Promise<AddOutcome> => {
		const signature = await trx
			.selectFrom('signature')
			.select(['id', 'status'])
			.where('user_id', '=', userId)
			.$call(forUpdate(trx))
			.executeTakeFirst()
		if (!signature || signature.status === 'withdrawn') return { ok: false, reason: 'no-signature' }
		const existing = await trx
			.selectFrom('pledge_commitment')
			.select(['commitment_id', 'own_words'])
			.where('signature_id', '=', signature.id)
			.execute()
		const chosen = new Set(existing.flatMap((row) => (row.commitment_id === null ? [] : [row.commitment_id])))
		const ownWordsNow = existing.filter((row) => row.own_words !== null).length
		if (ownWordsNow + input.ownWords.length > MAX_OWN_WORDS_PER_PLEDGE)
			return { ok: false, reason: 'too-many-own-words' }
		const commitmentIds = input.commitmentIds.filter((id) => !chosen.has(id))
		await insertCommitments(trx, signature.id, { commitmentIds, ownWords: input.ownWords }, now)
		if (signature.status === 'confirmed') await moveChosenCounts(trx, commitmentIds, 1)
		return { ok: true, added: commitmentIds.length + input.ownWords.length }
	})
}

export type DropOutcome = 'dropped' | 'not-found' | 'last-commitment'

/** Drops one commitment; the last one stays (a pledge without a commitment is a withdrawal). */
export async function dropCommitment(db: DB, userId: number, pledgeCommitmentId: number): Promise<DropOutcome> {
	return db.transaction().execute(async (trx): Promise<DropOutcome> => {
		const row = await trx
			.selectFrom('pledge_commitment')
			.innerJoin('signature', 'signature.id', 'pledge_commitment.signature_id')
			.select([
				'pledge_commitment.id',
				'pledge_commitment.commitment_id',
				'signature.id as signatureId',
				'signature.status',
			])
			.where('pledge_commitment.id', '=', pledgeCommitmentId)
			.where('signature.user_id', '=', userId)
			.$call(forUpdate(trx))
			.executeTakeFirst()
		if (!row) return 'not-found'
		const { n } = await trx
			.selectFrom('pledge_commitment')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('signature_id', '=', row.signatureId)
			.executeTakeFirstOrThrow()
		if (Number(n) <= 1) return 'last-commitment'
		await trx.deleteFrom('pledge_commitment').where('id', '=', row.id).execute()
		if (row.status === 'confirmed' && row.commitment_id !== null) await moveChosenCounts(trx, [row.commitment_id], -1)
		return 'dropped'
	})
}

/**
 * Withdraws a signature: it stops counting at once, and the newsletter stops too. The person
 * keeps their account and may sign again later.
 */
export async function withdrawSignature(db: DB, userId: number, now = new Date()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const signature = await trx
			.selectFrom('signature')
			.select(['id', 'status', 'lives_in_municipality'])
			.where('user_id', '=', userId)
			.$call(forUpdate(trx))
			.executeTakeFirst()
		if (!signature || signature.status === 'withdrawn') return false
		if (signature.status === 'confirmed') {
			await movePactCount(trx, signature.lives_in_municipality, -1)
			await moveChosenCounts(trx, await catalogueIdsOf(trx, signature.id), -1)
		}
		const at = now.toISOString()
		await trx
			.updateTable('signature')
			.set({
				status: 'withdrawn',
				withdrawn_at: at,
				newsletter_consent: 0,
				newsletter_consent_at: null,
				updated_at: at,
			})
			.where('id', '=', signature.id)
			.execute()
		await withdrawQueuedNewsletters(trx, userId)
		return true
	})
}

/** What /sign prefills for a signed-in person: their name, address and last details. */
export async function signFormDefaults(db: DB, userId: number) {
	const pledge = await getMyPledge(db, userId)
	if (!pledge) return null
	return {
		name: pledge.user.name,
		email: pledge.user.email,
		status: pledge.signature?.status ?? null,
		livesInMunicipality: pledge.signature ? (pledge.signature.livesInMunicipality ? 'yes' : 'no') : undefined,
		district: pledge.signature?.district ?? undefined,
		commitmentIds: pledge.commitments.flatMap((c) =>
			c.commitmentId !== null && !c.retired ? [String(c.commitmentId)] : [],
		),
		ownWords: pledge.commitments
			.flatMap((c) => (c.ownWords !== null ? [c.ownWords] : []))
			.slice(0, limits.ownWordsLines),
	}
}

/**
 * Districts people have written often enough to suggest (free text stays allowed). Counted over
 * every confirmed signature, so remembered for ten minutes rather than counted per view.
 */
export const commonDistricts = rememberFor(10 * 60_000, async (db: DB): Promise<string[]> => {
	const rows = await db
		.selectFrom('signature')
		.select(['district', (eb) => eb.fn.countAll<number>().as('n')])
		.where('status', '=', 'confirmed')
		.where('district', 'is not', null)
		.groupBy('district')
		.having((eb) => eb.fn.countAll(), '>=', 3)
		.orderBy('district')
		.limit(40)
		.execute()
	return rows.map((row) => row.district!)
})

/** Every district confirmed signatories gave, once each, in order: for the coordinators' filters and forms. */
export async function signatoryDistricts(db: DB, limit?: number): Promise<string[]> {
	let query = db
		.selectFrom('signature')
		.select('district')
		.distinct()
		.where('status', '=', 'confirmed')
		.where('district', 'is not', null)
		.where('district', '!=', '')
		.orderBy('district')
	if (limit !== undefined) query = query.limit(limit)
	const rows = await query.execute()
	return rows.map((r) => r.district!)
}
