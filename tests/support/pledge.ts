import { sql } from 'kysely'
import type { DB } from '#db/index.ts'
import type { CommitmentCategory } from '#db/schema.ts'
import { CONSENT_VERSION, type SignInput } from '#app/pledge/schemas.ts'

/** Helpers for the pledge area's tests (unit and integration); not used by the app. */

let made = 0

/** Adds catalogue commitments, one per category given; returns their ids in order. */
export async function addTestCommitments(db: DB, categories: CommitmentCategory[]): Promise<number[]> {
	const ids: number[] = []
	for (const category of categories) {
		made += 1
		const row = await db
			.insertInto('commitment')
			.values({
				category,
				title_sv: `Teståtagande ${made} (${category})`,
				title_en: `Test commitment ${made} (${category})`,
				kg_co2e_per_year: 100 * made,
				source: 'Naturvårdsverket',
				created_at: new Date().toISOString(),
				retired_at: null,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		ids.push(row.id)
	}
	return ids
}

let people = 0

/** A valid sign-form result for a fresh address, with overrides. */
export function signInput(overrides: Partial<SignInput> = {}): SignInput {
	people += 1
	return {
		name: `Test Person ${people}`,
		email: `person${people}-${Math.random().toString(36).slice(2, 8)}@example.se`,
		livesInMunicipality: true,
		district: 'Tågaborg',
		commitmentIds: [],
		ownWords: [],
		showFirstName: false,
		newsletterConsent: false,
		consent: true,
		...overrides,
	}
}

/**
 * The pact's counts as COUNT(*) over the rows, written here in plain SQL on purpose: independent
 * of the module under test.
 */
export async function recount(db: DB) {
	const pact = await sql<{ residents: number; others: number }>`
		select
			(select count(*) from signature where status = 'confirmed' and lives_in_municipality = 1) as residents,
			(select count(*) from signature where status = 'confirmed' and lives_in_municipality = 0) as others
	`.execute(db)
	const chosen = await sql<{ id: number; n: number }>`
		select c.id as id, (
			select count(*) from pledge_commitment pc join signature s on s.id = pc.signature_id
			where pc.commitment_id = c.id and s.status = 'confirmed'
		) as n
		from commitment c order by c.id
	`.execute(db)
	return { pact: pact.rows[0]!, chosen: Object.fromEntries(chosen.rows.map((r) => [r.id, r.n])) }
}

/** The counts as the app keeps them, in the same shape as recount(). */
export async function keptCounts(db: DB) {
	const pact = await db.selectFrom('pact_count').select(['residents', 'others']).where('id', '=', 1).executeTakeFirstOrThrow()
	const chosen = await db.selectFrom('commitment').select(['id', 'chosen_count']).orderBy('id').execute()
	return { pact, chosen: Object.fromEntries(chosen.map((r) => [r.id, r.chosen_count])) }
}

export { CONSENT_VERSION }

/** Form fields as a route receives them; arrays become repeated keys. */
export function formData(fields: Record<string, string | string[] | undefined>): FormData {
	const form = new FormData()
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue
		for (const item of Array.isArray(value) ? value : [value]) form.append(key, item)
	}
	return form
}

/** Calls a route action or loader the way the server does, with the client IP in the context. */
export function routeArgs(url: string, init: { method?: string; body?: FormData; cookie?: string; params?: Record<string, string>; ip?: string } = {}) {
	const headers = new Headers()
	if (init.cookie) headers.set('Cookie', init.cookie)
	headers.set('Accept-Language', 'sv')
	const request = new Request(new URL(url, 'http://localhost').href, { method: init.method ?? (init.body ? 'POST' : 'GET'), body: init.body, headers })
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route args are generated per route; tests pass the common shape
	return { request, params: init.params ?? {}, context: { clientIp: init.ip ?? '127.0.0.1' } } as any
}

/** What a route returned: a redirect Response, or data(...) with a status. */
export function outcome(result: unknown): { status: number; location: string | null; data: unknown } {
	if (result instanceof Response) return { status: result.status, location: result.headers.get('Location'), data: null }
	if (result && typeof result === 'object' && (result as { type?: string }).type === 'DataWithResponseInit') {
		const { data, init } = result as { data: unknown; init: ResponseInit | null }
		return { status: init?.status ?? 200, location: null, data }
	}
	return { status: 200, location: null, data: result }
}

/** Runs a loader or action that may throw a Response (a guard's redirect or 403). */
export async function settle(run: () => Promise<unknown>): Promise<ReturnType<typeof outcome>> {
	try {
		return outcome(await run())
	} catch (thrown) {
		if (thrown instanceof Response) return outcome(thrown)
		throw thrown
	}
}

/** A Cookie header for a fresh session of this user. */
export async function sessionCookie(db: DB, userId: number): Promise<string> {
	const { signInHeaders } = await import('#app/auth/session.server.ts')
	const headers = new Headers(await signInHeaders(db, userId))
	return headers.get('Set-Cookie')!.split(';')[0]!
}

/**
 * Server-renders one route component with the data its loader (and action) returned, inside a
 * root route with root data, the way a page is rendered: to check what a person would see.
 */
export async function renderRoute({
	Component,
	url,
	loaderData,
	actionData,
	language = 'sv',
	rootData = {},
}: {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route component
	Component: any
	url: string
	loaderData: unknown
	actionData?: unknown
	language?: 'sv' | 'en'
	rootData?: Record<string, unknown>
}): Promise<string> {
	const [{ createElement }, { renderToString }, { createRoutesStub, Outlet }, { I18nextProvider }, { serverI18n }] = await Promise.all([
		import('react'),
		import('react-dom/server'),
		import('react-router'),
		import('react-i18next'),
		import('#app/i18n/i18n.server.ts'),
	])
	const path = new URL(url, 'http://localhost').pathname
	const Stub = createRoutesStub([
		{
			id: 'root',
			path: '/',
			Component: () => createElement(Outlet),
			loader: () => null,
			children: [
				path === '/'
					? { id: 'page', index: true, Component, loader: () => null }
					: { id: 'page', path: path.slice(1), Component, loader: () => null, action: () => null },
			],
		},
	])
	const i18n = serverI18n(language)
	const root = { language, user: null, permissions: [], pact: { name: 'Testpakten', city: 'Helsingborg', brandColor: '#1f6f43' }, timeZone: 'Europe/Stockholm', mailboxOpen: false, ...rootData }
	return renderToString(
		createElement(
			I18nextProvider,
			{ i18n },
			createElement(Stub, {
				initialEntries: [url],
				hydrationData: { loaderData: { root, page: loaderData }, actionData: actionData === undefined ? undefined : { page: actionData } },
			}),
		),
	)
}
