import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The typed schema: one interface per table, kept in step with db/migrations by hand.
 * Timestamps are ISO 8601 strings in UTC; booleans are 0/1 integers (SQLite has no boolean).
 */

export type Language = 'sv' | 'en'
export type RoleName = 'resident' | 'organiser' | 'coordinator'
export type CommitmentCategory = 'transport' | 'food' | 'energy' | 'consumption' | 'engagement'
export type SignatureStatus = 'pending' | 'confirmed' | 'withdrawn'
export type PledgeProgress = 'chosen' | 'started' | 'everyday'
export type VerificationPurpose = 'sign-in' | 'confirm-signature'
/**
 * queued: waiting for next_attempt_at. sending: claimed by a worker until next_attempt_at (its
 * lease); if the worker dies, the row is due again then and is retried with the same key.
 */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed'

type Timestamp = string
type Bool = 0 | 1

export interface UserTable {
	id: Generated<number>
	email: string
	name: string
	language: Language
	created_at: ColumnType<Timestamp, Timestamp | undefined, never>
}

export interface RoleTable {
	name: RoleName
}

export interface PermissionTable {
	name: string
}

export interface RolePermissionTable {
	role: RoleName
	permission: string
}

export interface UserRoleTable {
	user_id: number
	role: RoleName
	granted_at: Timestamp
}

export interface SessionTable {
	/** SHA-256 of the cookie's token, hex: the token itself is never stored. */
	id: string
	user_id: number
	expires_at: Timestamp
	created_at: Timestamp
}

export interface VerificationTable {
	id: Generated<number>
	purpose: VerificationPurpose
	/** The email address the code was sent to, lower-cased. */
	target: string
	code_hash: string
	link_hash: string
	attempts: Generated<number>
	expires_at: Timestamp
	used_at: Timestamp | null
	created_at: Timestamp
}

export interface RateLimitHitTable {
	id: Generated<number>
	bucket: string
	at: Timestamp
}

export interface CommitmentTable {
	id: Generated<number>
	category: CommitmentCategory
	title_sv: string
	title_en: string
	kg_co2e_per_year: number | null
	source: string | null
	sort_order: Generated<number>
	/** How many confirmed signatures carry it: kept current by the pledge module. */
	chosen_count: Generated<number>
	retired_at: Timestamp | null
	created_at: Timestamp
}

export interface SignatureTable {
	id: Generated<number>
	user_id: number
	status: SignatureStatus
	lives_in_municipality: Bool
	district: string | null
	show_first_name: Bool
	newsletter_consent: Bool
	newsletter_consent_at: Timestamp | null
	consent_version: string
	consent_at: Timestamp
	confirmed_at: Timestamp | null
	withdrawn_at: Timestamp | null
	created_at: Timestamp
	updated_at: Timestamp
}

export interface PledgeCommitmentTable {
	id: Generated<number>
	signature_id: number
	/** A commitment from the catalogue, or null for one in the person's own words. */
	commitment_id: number | null
	own_words: string | null
	progress: PledgeProgress
	added_at: Timestamp
	updated_at: Timestamp
}

export interface PactCountTable {
	/** Always 1: the pact's running totals, one row. */
	id: number
	residents: number
	others: number
}

export interface OutboxTable {
	id: Generated<number>
	idempotency_key: string
	to_address: string
	subject: string
	html: string
	text: string
	/** JSON object of extra headers. */
	headers: string
	/** JSON array of { filename, contentType, content (base64) }. */
	attachments: string
	status: OutboxStatus
	/** Deliveries started, counted when a worker claims the row; also fences a stale worker's update. */
	attempts: Generated<number>
	/** When the row is due: the next try for 'queued', the end of the lease for 'sending'. */
	next_attempt_at: Timestamp
	last_error: string | null
	provider_id: string | null
	created_at: Timestamp
	sent_at: Timestamp | null
}

export interface Database {
	user: UserTable
	role: RoleTable
	permission: PermissionTable
	role_permission: RolePermissionTable
	user_role: UserRoleTable
	session: SessionTable
	verification: VerificationTable
	rate_limit_hit: RateLimitHitTable
	commitment: CommitmentTable
	signature: SignatureTable
	pledge_commitment: PledgeCommitmentTable
	pact_count: PactCountTable
	outbox: OutboxTable
}

export type User = Selectable<UserTable>
export type Commitment = Selectable<CommitmentTable>
export type NewCommitment = Insertable<CommitmentTable>
export type CommitmentUpdate = Updateable<CommitmentTable>
export type Signature = Selectable<SignatureTable>
export type OutboxMessage = Selectable<OutboxTable>
