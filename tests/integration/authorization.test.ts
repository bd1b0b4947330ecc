import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { createNewsletter } from '#app/newsletters/campaigns.server.ts'
import { getDb } from '#db/index.ts'
import { seedIfEmpty } from '#db/seed.ts'
import { callAction, callLoader, cookieFor, freshIp, type Answer, type RouteModule } from '#tests/support/routes.ts'
import {
	addressOf,
	addressParams,
	paramsFor,
	roles,
	rolePeople,
	routeEntries,
	type AddressParams,
	type People,
	type Role,
} from '#tests/support/trust.ts'

const db = getDb()
let people: People
let params: AddressParams

beforeAll(async () => {
	await seedIfEmpty(db)
	people = await rolePeople(db)
	params = await addressParams(db, people, await createNewsletter(db, people.ids.coordinator, 'Nyhetsbrev i december'))
	// Seeding the demo content takes a while on a busy machine.
}, 60_000)

/** A fresh session for the role each time: signing out on one route must not sign the role out of the rest of the table. */
const cookie = async (role: Role) => (role === 'anonymous' ? undefined : cookieFor(people.ids[role]))

/**
 * What each kind of visitor gets, in the order of `roles`: anonymous, resident, organiser,
 * coordinator, partner contact. `login` is a redirect to the sign-in page. POSTs carry an empty
 * form, so a visitor let through gets the form's 400; one kept out gets the guard's answer.
 */
type Row = readonly [string, string, string, string, string]
const everyone: Row = ['200', '200', '200', '200', '200']
const signedIn: Row = ['login', '200', '200', '200', '200']
const signedInForm: Row = ['login', '400', '400', '400', '400']
const organisers: Row = ['login', '403', '200', '200', '403']
const organisersForm: Row = ['login', '403', '400', '400', '403']
const coordinators: Row = ['login', '403', '403', '200', '403']
const coordinatorsForm: Row = ['login', '403', '403', '400', '403']
const partnerContacts: Row = ['login', '403', '403', '403', '200']
const partnerContactsForm: Row = ['login', '403', '403', '403', '400']
const partnersAndCoordinators: Row = ['login', '403', '403', '200', '200']
const partnersAndCoordinatorsForm: Row = ['login', '403', '403', '400', '400']
const all = (status: string): Row => [status, status, status, status, status]

const table: Record<string, { GET?: Row; POST?: Row }> = {
	'/': { GET: everyone },
	'/sign': { GET: everyone, POST: all('400') },
	'/sign/check-email': { GET: everyone },
	'/my-pledge': { GET: signedIn, POST: signedInForm },
	'/my-pledge/data.json': { GET: signedIn },
	'/account/delete': { GET: signedIn, POST: signedInForm },
	'/admin/commitments': { GET: coordinators, POST: coordinatorsForm },
	'/admin/commitments/:commitmentId': { GET: coordinators, POST: coordinatorsForm },
	// A signed-in person is sent on from the sign-in page.
	'/login': { GET: ['200', '302', '302', '302', '302'], POST: all('400') },
	'/verify': { GET: everyone, POST: all('400') },
	'/logout': { GET: all('302'), POST: all('302') },
	'/language': { GET: all('302'), POST: all('302') },
	'/events': { GET: everyone },
	'/events.ics': { GET: everyone },
	'/events/mine': { GET: signedIn, POST: ['login', '303', '303', '303', '303'] },
	// An unknown feed token, unsubscribe token, image or mailbox message.
	'/events/feed/:token': { GET: all('404') },
	'/events/:event': { GET: everyone, POST: signedInForm },
	'/events/:event/calendar.ics': { GET: everyone },
	// The event is the organiser's own.
	'/organise/events': { GET: organisers },
	'/organise/events/new': { GET: organisers, POST: organisersForm },
	'/organise/events/:eventId': { GET: organisers, POST: organisersForm },
	'/organise/events/:eventId/attendees': { GET: organisers, POST: organisersForm },
	'/organise/events/:eventId/attendees.csv': { GET: organisers },
	'/organise/events/:eventId/check-in': { GET: organisers, POST: organisersForm },
	'/ladder': { GET: signedIn, POST: signedInForm },
	'/ladder/volunteers': { GET: organisers },
	'/admin/ladder': { GET: coordinators },
	'/admin/ladder.csv': { GET: coordinators },
	'/admin/ladder/settings': { GET: coordinators, POST: coordinatorsForm },
	'/admin/ladder/:userId': { GET: coordinators, POST: coordinatorsForm },
	'/admin/newsletters': { GET: coordinators, POST: coordinatorsForm },
	'/admin/newsletters/:newsletterId': { GET: coordinators, POST: coordinatorsForm },
	'/unsubscribe/:token': { GET: all('400'), POST: all('400') },
	// Preferences open with an emailed token too, so a visitor without one is refused rather than sent to sign in.
	'/preferences': { GET: signedIn, POST: ['403', '400', '400', '400', '400'] },
	// Without a signing secret configured the webhook is switched off.
	'/webhooks/resend': { GET: all('405'), POST: all('503') },
	'/about': { GET: everyone },
	'/faq': { GET: everyone },
	'/contact': { GET: everyone },
	'/privacy': { GET: everyone },
	'/accessibility': { GET: everyone },
	'/admin/pages': { GET: coordinators },
	'/admin/pages/:slug/:language': { GET: coordinators, POST: coordinatorsForm },
	'/images/:file': { GET: all('404') },
	'/themes': { GET: everyone },
	'/themes/:slug': { GET: everyone, POST: signedInForm },
	'/admin/themes': { GET: coordinators },
	'/admin/themes/new': { GET: coordinators, POST: coordinatorsForm },
	'/admin/themes/:themeId': { GET: coordinators, POST: coordinatorsForm },
	'/numbers': { GET: everyone },
	'/api/numbers': { GET: everyone, POST: all('405') },
	'/embed/counter': { GET: everyone },
	'/proposals': { GET: everyone },
	'/proposals/new': { GET: signedIn, POST: signedInForm },
	'/proposals/:proposalId': { GET: everyone, POST: signedInForm },
	// Someone else's proposal: not found, to the page and to the form alike.
	'/proposals/:proposalId/edit': {
		GET: ['login', '404', '404', '404', '404'],
		POST: ['login', '404', '404', '404', '404'],
	},
	'/admin/proposals': { GET: coordinators },
	'/partners': { GET: everyone },
	'/partners/join': { GET: signedIn, POST: signedInForm },
	'/partners/:slug': { GET: everyone },
	'/partners/:slug/agreement': { GET: everyone },
	// The partner's agreement is approved: there is nothing open to sign.
	'/partners/:slug/sign': { GET: partnerContacts, POST: ['login', '403', '403', '403', '404'] },
	'/partners/:slug/manage': { GET: partnerContacts, POST: partnerContactsForm },
	'/partners/:slug/reports': { GET: partnerContacts, POST: partnerContactsForm },
	'/admin/climate-reports': { GET: coordinators },
	'/admin/climate-reports.csv': { GET: coordinators },
	'/admin/partners': { GET: coordinators, POST: coordinatorsForm },
	'/admin/partners/challenges': { GET: coordinators, POST: coordinatorsForm },
	'/stories': { GET: everyone },
	// Anyone signed in sees how a partner tells a story; only a partner's people may send one.
	'/stories/new': { GET: signedIn, POST: partnerContactsForm },
	'/stories/:storyId': { GET: everyone },
	'/admin/stories': { GET: coordinators, POST: coordinatorsForm },
	'/awards': { GET: everyone },
	'/awards/nominate': { GET: signedIn, POST: signedInForm },
	'/admin/awards': { GET: coordinators, POST: coordinatorsForm },
	'/partners/:slug/mentoring': { GET: partnerContacts, POST: partnerContactsForm },
	'/admin/mentoring': { GET: coordinators, POST: coordinatorsForm },
	'/projects': { GET: everyone },
	'/projects/:slug': { GET: everyone, POST: coordinatorsForm },
	'/admin/projects': { GET: coordinators },
	'/admin/projects/new': { GET: coordinators, POST: coordinatorsForm },
	'/admin/projects/:projectId': { GET: coordinators, POST: coordinatorsForm },
	'/partnership-day/:eventId': { GET: partnersAndCoordinators, POST: partnersAndCoordinatorsForm },
	'/partnership-day/:eventId/pledges': { GET: partnersAndCoordinators, POST: partnersAndCoordinatorsForm },
	'/admin/partnership-days': { GET: coordinators, POST: coordinatorsForm },
	'/admin/partnership-days/:eventId': { GET: coordinators, POST: coordinatorsForm },
	'/admin/partnership-days/:eventId/room': { GET: coordinators },
	'/admin/partnership-days/:eventId/pledges': { GET: coordinators, POST: coordinatorsForm },
	'/healthz': { GET: everyone },
	// The local mailbox, open while APP_URL is local (as in tests); issue 12 narrows who may read it.
	'/dev/mail': { GET: everyone },
	'/dev/mail/:messageId': { GET: all('404') },
}

/** An answer as the table writes it: the status, or `login` for a redirect to the sign-in page. */
function outcome(status: number, location: string | null): string {
	if (status >= 300 && status < 400 && location?.startsWith('/login')) return 'login'
	return String(status)
}

/** Calls a loader or action; a guard's thrown data() counts like a thrown Response, anything else is a 500. */
async function knock(run: () => Promise<Answer>): Promise<string> {
	try {
		const answer = await run()
		return outcome(answer.status, answer.location)
	} catch (thrown) {
		const init = (thrown as { type?: string; init?: ResponseInit | null }).init
		if ((thrown as { type?: string }).type === 'DataWithResponseInit') return outcome(init?.status ?? 200, null)
		return `500 (${String(thrown).slice(0, 80)})`
	}
}

test('every route with a loader or an action answers each kind of visitor as the table says', async () => {
	const found: Record<string, { GET?: string[]; POST?: string[] }> = {}
	for (const entry of routeEntries) {
		const route = (await import(path.resolve('app', entry.file))) as RouteModule
		if (!route.loader && !route.action) continue
		const p = paramsFor(params, entry.path)
		const url = addressOf(params, entry.path)
		const row: { GET?: string[]; POST?: string[] } = {}
		for (const role of roles) {
			// A fresh session and address each time: signing out or a rate limit on one route must not colour the next.
			const options = () =>
				cookie(role).then((cookie) => ({ cookie, params: p, ip: freshIp(), headers: { Origin: 'http://localhost' } }))
			if (route.loader) (row.GET ??= []).push(await knock(async () => callLoader(route, url, await options())))
			if (route.action)
				(row.POST ??= []).push(await knock(async () => callAction(route, url, { ...(await options()), form: {} })))
		}
		found['/' + entry.path] = row
	}

	const missing = Object.keys(found).filter((route) => !(route in table))
	expect(missing, `routes without a row in the authorization table: ${missing.join(', ')}`).toEqual([])
	const gone = Object.keys(table).filter((route) => !(route in found))
	expect(gone, `rows for routes that no longer have a loader or action: ${gone.join(', ')}`).toEqual([])
	const requests = Object.values(found).reduce((sum, row) => sum + (row.GET ? 5 : 0) + (row.POST ? 5 : 0), 0)
	console.info(
		`authorization table: ${Object.keys(found).length} routes × ${roles.length} roles, ${requests} requests (loaders and POSTs)`,
	)
	const expected = Object.fromEntries(
		Object.entries(table).map(([route, row]) => [
			route,
			{ ...(row.GET && { GET: [...row.GET] }), ...(row.POST && { POST: [...row.POST] }) },
		]),
	)
	expect(found).toEqual(expected)
}, 60_000)
