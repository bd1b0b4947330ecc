import { afterEach, describe, expect, test } from 'vitest'
import { getT } from '#app/i18n/i18n.server.ts'
import { addTestCommitments } from '#tests/support/pledge.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { callAction, callLoader, cookieFor, renderRoute } from '#tests/support/routes.ts'
import { makeTheme, themeForm } from '#tests/support/themes.ts'
import * as adminList from '#app/routes/admin-themes.tsx'
import * as adminNew from '#app/routes/admin-theme-new.tsx'
import * as adminEdit from '#app/routes/admin-theme-edit.tsx'
import * as newEventRoute from '#app/routes/organise-event-new.tsx'
import * as themeRoute from '#app/routes/themes-theme.tsx'
import * as themesRoute from '#app/routes/themes.tsx'
import { saveImage } from '#app/images/images.server.ts'
import { getDb } from '#db/index.ts'
import { pictureFile } from '#tests/support/images.ts'

/** Themes on the site: the coordinators' pages, the public pages, following, and events' theme. */
const db = getDb()
const [t, tc, te] = [await getT('sv', 'themes'), await getT('sv'), await getT('sv', 'events')]
const DAY = 86_400_000

afterEach(async () => {
	for (const table of ['theme_follow', 'event_rsvp', 'event', 'theme', 'session', 'user_role', 'user'] as const)
		await db.deleteFrom(table).execute()
})

async function signedIn(role?: 'organiser' | 'coordinator') {
	const user = await makeUser(db, { role })
	return { user, cookie: await cookieFor(user.id) }
}

describe('who may manage themes', () => {
	test('a visitor is sent to sign in; a resident or an organiser gets 403; a coordinator gets in', async () => {
		const themeId = await makeTheme(db)
		const anonymous = await callLoader(adminList, '/admin/themes')
		expect(anonymous).toMatchObject({ status: 302, location: '/login?redirectTo=%2Fadmin%2Fthemes' })
		for (const role of [undefined, 'organiser'] as const) {
			const { cookie } = await signedIn(role)
			expect((await callLoader(adminList, '/admin/themes', { cookie })).status).toBe(403)
			expect((await callLoader(adminNew, '/admin/themes/new', { cookie })).status).toBe(403)
			expect((await callAction(adminNew, '/admin/themes/new', { cookie, form: themeForm() })).status).toBe(403)
			const params = { themeId: String(themeId) }
			expect((await callLoader(adminEdit, `/admin/themes/${themeId}`, { cookie, params })).status).toBe(403)
			expect(
				(await callAction(adminEdit, `/admin/themes/${themeId}?intent=delete`, { cookie, params, form: {} })).status,
			).toBe(403)
		}
		expect(await db.selectFrom('theme').select('id').execute()).toHaveLength(1)
		const { cookie } = await signedIn('coordinator')
		const list = await callLoader(adminList, '/admin/themes', { cookie })
		expect(list.status).toBe(200)
		expect(list.data.themes.map((theme: { title: string }) => theme.title)).toEqual(['Resor och transporter'])
	})
})

describe('creating, editing and deleting a theme', () => {
	test('a coordinator creates a theme with its kick-off, edits it and deletes it; its events stay', async () => {
		const { user, cookie } = await signedIn('coordinator')
		const kickOff = await makeEvent(db, user.id, new Date(Date.now() + 20 * DAY), {
			type: 'theme-kick-off',
			title: 'Kick-off: mat',
		})
		const form = themeForm({ kickOffEventId: String(kickOff.id), slug: 'mat-2027' })
		const created = await callAction(adminNew, '/admin/themes/new', { cookie, form })
		expect(created.status).toBe(302)
		const theme = await db.selectFrom('theme').selectAll().executeTakeFirstOrThrow()
		expect(created.location).toBe(`/admin/themes/${theme.id}?done=created`)
		expect(theme).toMatchObject({
			slug: 'mat-2027',
			title_sv: 'Mat',
			title_en: 'Food',
			starts_on: '2027-08-15',
			ends_on: '2027-12-31',
			colour: 'harvest',
			icon: 'carrot',
			kick_off_event_id: kickOff.id,
			commitment_category: 'food',
		})
		// The kick-off counts among the theme's events without a second step.
		expect((await db.selectFrom('event').select('theme_id').executeTakeFirstOrThrow()).theme_id).toBe(theme.id)

		const params = { themeId: String(theme.id) }
		const edit = await callLoader(adminEdit, `/admin/themes/${theme.id}`, { cookie, params })
		expect(edit.data.defaults).toMatchObject({ titleSv: 'Mat', kickOffEventId: String(kickOff.id) })
		const form$ = await renderRoute({
			Component: adminEdit.default,
			url: `/admin/themes/${theme.id}`,
			loaderData: edit.data,
		})
		expect(form$).toContain('value="Mat"')
		expect(form$).toContain(`<option value="${kickOff.id}" selected="">Kick-off: mat`)
		const saved = await callAction(adminEdit, `/admin/themes/${theme.id}`, {
			cookie,
			params,
			form: themeForm({ slug: 'mat-2027', titleSv: 'Mat för framtiden', icon: '' }),
		})
		expect(saved).toMatchObject({ status: 302, location: `/admin/themes/${theme.id}?done=saved` })
		expect(await db.selectFrom('theme').select(['title_sv', 'icon', 'kick_off_event_id']).executeTakeFirst()).toEqual({
			title_sv: 'Mat för framtiden',
			icon: null,
			kick_off_event_id: null,
		})

		const deleted = await callAction(adminEdit, `/admin/themes/${theme.id}?intent=delete`, { cookie, params, form: {} })
		expect(deleted).toMatchObject({ status: 302, location: '/admin/themes?done=deleted' })
		expect(await db.selectFrom('theme').select('id').execute()).toEqual([])
		expect(await db.selectFrom('event').select(['id', 'theme_id']).execute()).toEqual([
			{ id: kickOff.id, theme_id: null },
		])
	})

	test('bad input gets a message by each field and writes nothing', async () => {
		const { cookie } = await signedIn('coordinator')
		const answer = await callAction(adminNew, '/admin/themes/new', {
			cookie,
			form: themeForm({
				titleSv: '   ',
				slug: 'Mat och Dryck!',
				descriptionEn: '',
				startsOn: '2027-09-01',
				endsOn: '2027-08-01',
				colour: 'neon',
				kickOffEventId: '99999',
				commitmentCategory: 'weather',
			}),
		})
		expect(answer.status).toBe(400)
		expect(answer.data.error).toMatchObject({
			titleSv: [tc('form.required')],
			slug: [t('errors.slug')],
			descriptionEn: [tc('form.required')],
			endsOn: [t('errors.endsBeforeStart')],
			colour: [t('errors.colour')],
			kickOffEventId: [t('errors.unknownEvent')],
			commitmentCategory: [t('errors.category')],
		})
		// What was typed comes back to the form.
		expect(answer.data.initialValue).toMatchObject({ titleEn: 'Food', startsOn: '2027-09-01' })
		expect(await db.selectFrom('theme').select('id').execute()).toEqual([])
	})

	test('an address another theme has is refused by its field', async () => {
		const { cookie } = await signedIn('coordinator')
		await makeTheme(db, { slug: 'mat' })
		const answer = await callAction(adminNew, '/admin/themes/new', { cookie, form: themeForm({ slug: 'mat' }) })
		expect(answer.status).toBe(400)
		expect(answer.data.error).toMatchObject({ slug: [t('errors.slugTaken')] })
		expect(await db.selectFrom('theme').select('id').execute()).toHaveLength(1)
	})

	test('a file that is not an image is refused with a message, and nothing is saved', async () => {
		const { cookie } = await signedIn('coordinator')
		const form = new FormData()
		for (const [key, value] of Object.entries(themeForm({ imageAlt: 'En cykel' }))) form.append(key, value)
		form.append('image', new File(['not a picture'], 'notes.txt', { type: 'text/plain' }))
		const answer = await callAction(adminNew, '/admin/themes/new', { cookie, form })
		expect(answer.status).toBe(400)
		expect(answer.data.error).toMatchObject({ image: [t('errors.notAnImage')] })
		expect(await db.selectFrom('theme').select('id').execute()).toEqual([])
	})
})

describe('the theme pages', () => {
	test('a theme page gathers its kick-off, its events and the commitments of its category', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const [bike] = await addTestCommitments(db, ['transport', 'food'])
		const kickOff = await makeEvent(db, organiser.id, new Date(Date.now() + 5 * DAY), {
			type: 'theme-kick-off',
			title: 'Kick-off: cykelvåren',
		})
		const ride = await makeEvent(db, organiser.id, new Date(Date.now() + 12 * DAY), { title: 'Cykeltur till Sofiero' })
		const other = await makeEvent(db, organiser.id, new Date(Date.now() + 13 * DAY), { title: 'Klädbyte i Ramlösa' })
		const themeId = await makeTheme(db, { slug: 'cykelvaren', kickOffEventId: kickOff.id })
		await db.updateTable('event').set({ theme_id: themeId }).where('id', '=', ride.id).execute()

		const page = await callLoader(themeRoute, '/themes/cykelvaren', { params: { slug: 'cykelvaren' } })
		expect(page.status).toBe(200)
		const { theme } = page.data
		expect(theme.kickOff).toMatchObject({ slug: kickOff.slug, title: 'Kick-off: cykelvåren' })
		expect(theme.upcoming.map((e: { id: number }) => e.id)).toEqual([kickOff.id, ride.id])
		expect(theme.commitments.map((c: { id: number; category: string }) => [c.id, c.category])).toEqual([
			[bike, 'transport'],
		])
		expect(theme.following).toBe(false)

		const html = await renderRoute({ Component: themeRoute.default, url: '/themes/cykelvaren', loaderData: page.data })
		expect(html).toContain('Cykeltur till Sofiero')
		expect(html).not.toContain(other.title)
		expect(html).toContain('Hela våren handlar om <strong>cykel</strong> och tåg.')
		expect(html).toContain(t('page.signInToFollow'))
		expect(html).toContain('href="/sign"')

		expect((await callLoader(themeRoute, '/themes/finns-inte', { params: { slug: 'finns-inte' } })).status).toBe(404)
	})

	test('/themes lists what runs now, what is coming and what is past', async () => {
		const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)
		await makeTheme(db, { slug: 'nu', titleSv: 'Nu', startsOn: day(-30), endsOn: day(30) })
		await makeTheme(db, { slug: 'sen', titleSv: 'Sen', startsOn: day(60), endsOn: day(120) })
		await makeTheme(db, { slug: 'forr', titleSv: 'Förr', startsOn: day(-200), endsOn: day(-100) })
		const list = await callLoader(themesRoute, '/themes')
		const titles = (key: string) => list.data[key].map((theme: { title: string }) => theme.title)
		expect([titles('current'), titles('upcoming'), titles('past')]).toEqual([['Nu'], ['Sen'], ['Förr']])
		expect(list.data.current[0].summary).toBe('Hela våren handlar om cykel och tåg.')
	})
})

describe("themes' icons and pictures", () => {
	/** The radio button of one choice in a rendered form, whatever the order of its attributes. */
	function radio(html: string, value: string): string | undefined {
		return html.match(/<input[^>]*>/g)?.find((tag) => tag.includes('type="radio"') && tag.includes(`value="${value}"`))
	}

	test('icons are inline SVG hidden from screen readers and chosen by their picture; a stored name not drawn shows none', async () => {
		const { cookie } = await signedIn('coordinator')
		// "hands" is a name stored when icons were emoji: it is drawn now without any row changing.
		const themeId = await makeTheme(db, { slug: 'tillsammans', icon: 'hands' })
		const params = { slug: 'tillsammans' }
		const page = await callLoader(themeRoute, '/themes/tillsammans', { params })
		expect(page.data.theme.icon).toBe('hands')
		const html = await renderRoute({ Component: themeRoute.default, url: '/themes/tillsammans', loaderData: page.data })
		expect(html).toMatch(/<svg class="theme-icon"[^>]*aria-hidden="true"[^>]*><path d="M5.5 7a2.5/)
		expect(html).not.toContain('🤝')

		const list = await callLoader(themesRoute, '/themes')
		const listHtml = await renderRoute({ Component: themesRoute.default, url: '/themes', loaderData: list.data })
		expect(listHtml).toMatch(/<svg class="theme-icon"[^>]*aria-hidden="true"/)

		const adminParams = { themeId: String(themeId) }
		const edit = await callLoader(adminEdit, `/admin/themes/${themeId}`, { cookie, params: adminParams })
		const form = await renderRoute({
			Component: adminEdit.default,
			url: `/admin/themes/${themeId}`,
			loaderData: edit.data,
		})
		expect(radio(form, 'hands')).toContain('checked=""')
		expect(radio(form, '')).not.toContain('checked=""')
		expect(radio(form, 'bolt')).not.toContain('checked=""')
		// Each choice has its own id: the field's one id repeated would be invalid HTML.
		const ids = (form.match(/<input[^>]*name="icon"[^>]*>/g) ?? []).map((tag) => /id="([^"]+)"/.exec(tag)?.[1])
		expect(ids.length).toBeGreaterThan(10)
		expect(new Set(ids).size).toBe(ids.length)
		expect(form).toContain(`${t('icons.hands')}</label>`)

		const saved = await callAction(adminEdit, `/admin/themes/${themeId}`, {
			cookie,
			params: adminParams,
			form: themeForm({ slug: 'tillsammans', icon: 'bolt' }),
		})
		expect(saved.status).toBe(302)
		expect((await db.selectFrom('theme').select('icon').executeTakeFirstOrThrow()).icon).toBe('bolt')

		// A name from before that is no longer drawn (or an emoji written by hand) shows no icon.
		await db.updateTable('theme').set({ icon: '🚲' }).where('id', '=', themeId).execute()
		expect((await callLoader(themeRoute, '/themes/tillsammans', { params })).data.theme.icon).toBeNull()
		const none = await callLoader(adminEdit, `/admin/themes/${themeId}`, { cookie, params: adminParams })
		const noneForm = await renderRoute({
			Component: adminEdit.default,
			url: `/admin/themes/${themeId}`,
			loaderData: none.data,
		})
		expect(radio(noneForm, '')).toContain('checked=""')
	})

	test("a theme's picture shows on its card in /themes, with its alt text", async () => {
		const saved = await saveImage(db, await pictureFile(900, 450), 'Cyklar längs strandpromenaden')
		if (!saved.ok) throw new Error(saved.error)
		const themeId = await makeTheme(db, { slug: 'med-bild' })
		await db.updateTable('theme').set({ image_id: saved.imageId }).where('id', '=', themeId).execute()
		const list = await callLoader(themesRoute, '/themes')
		const card = [...list.data.current, ...list.data.upcoming, ...list.data.past][0]
		expect(card.image).toEqual({ id: saved.imageId, alt: 'Cyklar längs strandpromenaden', width: 900, height: 450 })
		const html = await renderRoute({ Component: themesRoute.default, url: '/themes', loaderData: list.data })
		expect(html).toContain('<picture class="theme-card-image">')
		expect(html).toContain('alt="Cyklar längs strandpromenaden" width="900" height="450"')
	})
})

describe('following a theme', () => {
	test('a signed-in person follows and unfollows; the count follows along; twice is once', async () => {
		const themeId = await makeTheme(db, { slug: 'mat' })
		const params = { slug: 'mat' }
		const anonymous = await callAction(themeRoute, '/themes/mat', { params, form: { intent: 'follow' } })
		expect(anonymous).toMatchObject({ status: 302, location: '/login?redirectTo=%2Fthemes%2Fmat' })

		const { user, cookie } = await signedIn()
		const followers = async () =>
			(await db.selectFrom('theme').select('follower_count').where('id', '=', themeId).executeTakeFirstOrThrow())
				.follower_count
		for (let i = 0; i < 2; i += 1) {
			const followed = await callAction(themeRoute, '/themes/mat', { cookie, params, form: { intent: 'follow' } })
			expect(followed).toMatchObject({ status: 302, location: '/themes/mat?done=followed' })
		}
		expect(await followers()).toBe(1)
		const page = await callLoader(themeRoute, '/themes/mat?done=followed', { cookie, params })
		expect(page.data.theme).toMatchObject({ following: true, followerCount: 1 })
		const html = await renderRoute({ Component: themeRoute.default, url: '/themes/mat', loaderData: page.data })
		expect(html).toContain(t('page.unfollow'))
		expect(html).toContain(t('flash.followed'))

		const unfollowed = await callAction(themeRoute, '/themes/mat', { cookie, params, form: { intent: 'unfollow' } })
		expect(unfollowed.location).toBe('/themes/mat?done=unfollowed')
		await callAction(themeRoute, '/themes/mat', { cookie, params, form: { intent: 'unfollow' } })
		expect(await followers()).toBe(0)
		expect(await db.selectFrom('theme_follow').selectAll().where('user_id', '=', user.id).execute()).toEqual([])
		const crafted = await callAction(themeRoute, '/themes/mat', { cookie, params, form: { intent: 'shout' } })
		expect(crafted.status).toBe(400)
	})
})

describe("an event's theme", () => {
	test('an organiser puts a new event in a theme; a theme that does not exist is refused by its field', async () => {
		const { cookie } = await signedIn('organiser')
		const themeId = await makeTheme(db, { slug: 'mat', titleSv: 'Mat' })
		const form = (theme: string) => {
			const date = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10)
			return {
				intent: 'save',
				type: 'cooking-class',
				title: 'Matlagning med bönor',
				date,
				startTime: '18:00',
				endTime: '20:00',
				place: 'Tågaborgsskolan',
				reminderHours: '24',
				repeat: 'none',
				themeId: theme,
			}
		}
		const loader = await callLoader(newEventRoute, '/organise/events/new', { cookie })
		expect(loader.data.themes).toEqual([{ id: themeId, title: 'Mat' }])
		const refused = await callAction(newEventRoute, '/organise/events/new', { cookie, form: form('99999') })
		expect(refused.status).toBe(400)
		expect(refused.data.result.error).toMatchObject({ themeId: [te('errors.unknownTheme')] })
		const created = await callAction(newEventRoute, '/organise/events/new', { cookie, form: form(String(themeId)) })
		expect(created.status).toBe(302)
		expect((await db.selectFrom('event').select('theme_id').executeTakeFirstOrThrow()).theme_id).toBe(themeId)
	})
})
