import type { DB } from '#db/index.ts'
import type { Language } from '#db/schema.ts'

/** Helpers for the newsletters' tests, crash test and benchmark; not used by the app. */

export interface SignatoryOptions {
	name?: string
	language?: Language
	district?: string | null
	resident?: boolean
	consent?: boolean
	confirmedAt?: Date
	status?: 'confirmed' | 'pending' | 'withdrawn'
	emailPrefix?: string
}

let made = 0

/** Adds `count` people who signed, straight into the tables (fast enough for 100,000). */
export async function addSignatories(
	db: DB,
	count: number,
	options: SignatoryOptions = {},
): Promise<Array<{ id: number; email: string }>> {
	const created: Array<{ id: number; email: string }> = []
	const at = (options.confirmedAt ?? new Date('2025-03-01T10:00:00.000Z')).toISOString()
	for (let start = 0; start < count; start += 500) {
		const size = Math.min(500, count - start)
		await db.transaction().execute(async (trx) => {
			const users = await trx
				.insertInto('user')
				.values(
					Array.from({ length: size }, () => {
						made += 1
						return {
							email: `${options.emailPrefix ?? 'person'}-${made}-${Math.random().toString(36).slice(2, 7)}@example.se`,
							name: options.name ?? `Person ${made} Testsson`,
							language: options.language ?? 'sv',
							created_at: at,
						}
					}),
				)
				.returning(['id', 'email'])
				.execute()
			await trx
				.insertInto('signature')
				.values(
					users.map((user) => ({
						user_id: user.id,
						status: options.status ?? 'confirmed',
						lives_in_municipality: options.resident === false ? 0 : 1,
						district: options.district === undefined ? 'Tågaborg' : options.district,
						show_first_name: 0,
						newsletter_consent: options.consent === false ? 0 : 1,
						newsletter_consent_at: options.consent === false ? null : at,
						consent_version: 'test',
						consent_at: at,
						confirmed_at: options.status && options.status !== 'confirmed' ? null : at,
						withdrawn_at: null,
						created_at: at,
						updated_at: at,
					})),
				)
				.execute()
			created.push(...users)
		})
	}
	return created
}
