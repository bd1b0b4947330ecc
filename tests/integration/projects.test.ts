import { describe, expect, test } from 'vitest'
import * as adminProjects from '#app/routes/admin-projects.tsx'
import * as adminProjectNew from '#app/routes/admin-projects-new.tsx'
import * as adminProjectEdit from '#app/routes/admin-projects-edit.tsx'
import * as partnerPage from '#app/routes/partners-partner.tsx'
import * as projectsList from '#app/routes/projects.tsx'
import * as projectPage from '#app/routes/projects-project.tsx'
import { getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import {
	addMember,
	approvedPartner,
	coordinator,
	projectForm,
	projectRow,
	waitingPartner,
} from '#tests/support/mentoring-projects.ts'
import { pictureFile } from '#tests/support/images.ts'
import { callAction, callLoader, cookieFor, formData, renderRoute } from '#tests/support/routes.ts'

/** Lighthouse projects: the coordinators' form with its checks, the public pages, and updates by partners. */
const db = getDb()

async function coordinatorCookie() {
	return cookieFor((await coordinator(db)).id)
}

const projectRowBySlug = (slug: string) =>
	db.selectFrom('project').selectAll().where('slug', '=', slug).executeTakeFirst()

const participants = (projectId: number) =>
	db
		.selectFrom('project_partner')
		.select(['partner_id', 'is_lead'])
		.where('project_id', '=', projectId)
		.orderBy('partner_id')
		.execute()

const page = (slug: string, cookie?: string) =>
	callLoader(projectPage, `/projects/${slug}`, { cookie, params: { slug } })

function post(slug: string, intent: string, form: Record<string, string>, cookie?: string) {
	return callAction(projectPage, `/projects/${slug}?intent=${intent}`, { cookie, params: { slug }, form })
}

describe('coordinators create, edit and delete a project', () => {
	test('a project is created with its partners and lead, edited, and deleted with its updates', async () => {
		const cookie = await coordinatorCookie()
		const school = await approvedPartner(db, { name: 'Filbornaskolan' })
		const housing = await approvedPartner(db, { name: 'Öresundsbostäder' })
		const created = await callAction(adminProjectNew, '/admin/projects/new', {
			cookie,
			form: projectForm([school.id, housing.id], { title: 'Solpark på skolans tak' }),
		})
		expect(created.status).toBe(303)
		const project = await projectRowBySlug('solpark-pa-skolans-tak')
		expect(project).toMatchObject({
			title: 'Solpark på skolans tak',
			title_en: 'A solar park on the school roof',
			description_en: null,
			status: 'idea',
			starts_on: '2026-03-01',
		})
		expect(created.location).toBe(`/admin/projects/${project!.id}?done=created`)
		expect(await participants(project!.id)).toEqual([
			{ partner_id: school.id, is_lead: 1 },
			{ partner_id: housing.id, is_lead: 0 },
		])

		// A second project of the same name gets an address of its own.
		await callAction(adminProjectNew, '/admin/projects/new', { cookie, form: projectForm([school.id]) })
		expect(await projectRowBySlug('solpark-pa-skolans-tak-2')).toBeDefined()

		const params = { projectId: String(project!.id) }
		const edited = await callAction(adminProjectEdit, `/admin/projects/${project!.id}`, {
			cookie,
			params,
			form: projectForm([housing.id], { title: 'Solpark på taket', status: 'under-way', leadId: String(housing.id) }),
		})
		expect(edited.location).toBe(`/admin/projects/${project!.id}?done=saved`)
		expect(await projectRowBySlug(project!.slug)).toMatchObject({ title: 'Solpark på taket', status: 'under-way' })
		expect(await participants(project!.id)).toEqual([{ partner_id: housing.id, is_lead: 1 }])
		const list = await callLoader(adminProjects, '/admin/projects', { cookie })
		expect(list.data.projects.find((row: { id: number }) => row.id === project!.id)).toMatchObject({
			title: 'Solpark på taket',
			partners: [{ name: 'Öresundsbostäder', isLead: true }],
		})

		await db
			.insertInto('project_update')
			.values({ project_id: project!.id, body: 'Taket håller.', created_at: new Date().toISOString() })
			.execute()
		const deleted = await callAction(adminProjectEdit, `/admin/projects/${project!.id}?intent=delete`, {
			cookie,
			params,
			form: {},
		})
		expect(deleted.location).toBe('/admin/projects?done=deleted')
		expect(await projectRowBySlug(project!.slug)).toBeUndefined()
		expect(await db.selectFrom('project_update').select('id').where('project_id', '=', project!.id).execute()).toEqual(
			[],
		)
		expect((await page(project!.slug)).status).toBe(404)
	})

	test('missing fields, a lead that is not taking part and a partner without an approved agreement are refused', async () => {
		const cookie = await coordinatorCookie()
		const school = await approvedPartner(db)
		const other = await approvedPartner(db)
		const waiting = await waitingPartner(db)
		const before = await db.selectFrom('project').select('id').execute()

		const empty = await callAction(adminProjectNew, '/admin/projects/new', {
			cookie,
			form: projectForm([], { title: '', description: '', startsOn: '2026-02-30', leadId: '' }),
		})
		expect(empty.status).toBe(400)
		expect(empty.data.result.error).toMatchObject({
			title: ['Fyll i det här fältet.'],
			description: ['Fyll i det här fältet.'],
			startsOn: ['Ange startdatum som ÅÅÅÅ-MM-DD.'],
			partners: ['Välj minst en partner som är med i projektet.'],
			leadId: ['Välj vilken partner som leder projektet.'],
		})
		// What was typed comes back.
		expect(empty.data.result.initialValue).toMatchObject({ titleEn: 'A solar park on the school roof' })

		const wrongLead = await callAction(adminProjectNew, '/admin/projects/new', {
			cookie,
			form: projectForm([school.id], { leadId: String(other.id) }),
		})
		expect(wrongLead.data.result.error.leadId).toEqual([
			'Partnern som leder projektet måste vara en av dem som är med.',
		])

		const unapproved = await callAction(adminProjectNew, '/admin/projects/new', {
			cookie,
			form: projectForm([school.id, waiting.id]),
		})
		expect(unapproved.status).toBe(400)
		expect(unapproved.data.result.error.partners).toEqual([
			'Välj bland partnerna i listan: bara partner med godkänt avtal kan vara med.',
		])
		expect(await db.selectFrom('project').select('id').execute()).toEqual(before)
	})

	test('an image with its alt text is kept through another field’s error and shown on the pages', async () => {
		const cookie = await coordinatorCookie()
		const partner = await approvedPartner(db)
		const form = formData({ ...projectForm([partner.id], { title: '' }), imageAlt: 'Solpaneler på ett skoltak' })
		form.append('image', await pictureFile(1200, 800))
		const refused = await callAction(adminProjectNew, '/admin/projects/new', { cookie, form })
		expect(refused.status).toBe(400)
		expect(refused.data.image.current).toMatchObject({ alt: 'Solpaneler på ett skoltak' })

		const again = formData({
			...projectForm([partner.id], { title: 'Solpark med bild' }),
			imageId: String(refused.data.image.current.id),
			imageAlt: 'Solpaneler på ett skoltak',
		})
		expect((await callAction(adminProjectNew, '/admin/projects/new', { cookie, form: again })).status).toBe(303)
		const project = await projectRowBySlug('solpark-med-bild')
		expect(project!.image_id).toBe(refused.data.image.current.id)
		expect((await page(project!.slug)).data.project.image).toMatchObject({ alt: 'Solpaneler på ett skoltak' })

		// An image without its alt text is refused beside the field.
		const noAlt = formData(projectForm([partner.id], { title: 'Utan alt-text' }))
		noAlt.append('image', await pictureFile(800, 600))
		const missing = await callAction(adminProjectNew, '/admin/projects/new', { cookie, form: noAlt })
		expect(missing.status).toBe(400)
		expect(missing.data.image.error).toBeTruthy()
		expect(await projectRowBySlug('utan-alt-text')).toBeUndefined()
	})

	test('only coordinators reach the project pages for coordinators', async () => {
		const partner = await approvedPartner(db)
		const cookie = await cookieFor(partner.person.id)
		expect((await callLoader(adminProjects, '/admin/projects', { cookie })).status).toBe(403)
		const refused = await callAction(adminProjectNew, '/admin/projects/new', {
			cookie,
			form: projectForm([partner.id]),
		})
		expect(refused.status).toBe(403)
		expect((await callLoader(adminProjectNew, '/admin/projects/new')).location).toMatch(/^\/login/)
		expect(
			(
				await callLoader(adminProjectEdit, '/admin/projects/999999', {
					cookie: await coordinatorCookie(),
					params: { projectId: '999999' },
				})
			).status,
		).toBe(404)
	})
})

describe('the public pages', () => {
	test('the list filters by status and names only approved partners, the lead first', async () => {
		const lead = await approvedPartner(db, { name: 'Cykelköket Söder' })
		const bakery = await approvedPartner(db, { name: 'Bageriet Kärnan' })
		const waiting = await waitingPartner(db, 'Kullabergs Solenergi')
		const running = await projectRow(db, [lead.id, waiting.id, bakery.id], {
			title: 'Lådcykelpool',
			status: 'under-way',
		})
		const done = await projectRow(db, [bakery.id], { title: 'Matsvinn till skolköket', status: 'completed' })

		const all = await callLoader(projectsList, '/projects')
		const card = all.data.projects.find((project: { slug: string }) => project.slug === running.slug)
		expect(card.partners.map((partner: { name: string }) => partner.name)).toEqual([
			'Cykelköket Söder',
			'Bageriet Kärnan',
		])
		expect(card.partners[0].isLead).toBe(true)
		expect(card.extract).toBe('Butikerna delar på lådcyklar.')
		const slugs = (answer: { data: { projects: Array<{ slug: string }> } }) => answer.data.projects.map((p) => p.slug)
		expect(slugs(all)).toEqual(expect.arrayContaining([running.slug, done.slug]))

		const completed = await callLoader(projectsList, '/projects?status=completed')
		expect(slugs(completed)).toContain(done.slug)
		expect(slugs(completed)).not.toContain(running.slug)
		expect(completed.data.status).toBe('completed')
		expect(completed.data.projects.every((p: { status: string }) => p.status === 'completed')).toBe(true)
		// An unknown status shows them all.
		expect(slugs(await callLoader(projectsList, '/projects?status=nonsense'))).toEqual(slugs(all))

		// The project page: its text as HTML, its approved partners linked to their pages.
		const answer = await page(running.slug)
		expect(answer.data.project.descriptionHtml).toContain('<strong>lådcyklar</strong>')
		expect(answer.data.project.partners.map((p: { slug: string }) => p.slug)).toEqual([lead.slug, bakery.slug])
		const html = await renderRoute({
			Component: projectPage.default,
			url: `/projects/${running.slug}`,
			loaderData: answer.data,
		})
		expect(html).toContain(`href="/partners/${lead.slug}"`)
		expect(html).not.toContain('Kullabergs Solenergi')
		expect((await page('no-such-project')).status).toBe(404)

		// The partner's own page lists the projects it takes part in.
		const onPartnerPage = await callLoader(partnerPage, `/partners/${bakery.slug}`, { params: { slug: bakery.slug } })
		expect(onPartnerPage.data.projects).toEqual([
			{ slug: running.slug, title: 'Lådcykelpool', status: 'under-way', isLead: false },
			{ slug: done.slug, title: 'Matsvinn till skolköket', status: 'completed', isLead: true },
		])
	})

	test('the English site shows the English title and description when there are', async () => {
		const partner = await approvedPartner(db)
		const project = await projectRow(db, [partner.id], { title: 'Solpark' })
		await db
			.updateTable('project')
			.set({ title_en: 'Solar park', description_en: 'Owned **together**.' })
			.where('id', '=', project.id)
			.execute()
		const english = await callLoader(projectPage, `/projects/${project.slug}`, {
			params: { slug: project.slug },
			language: 'en',
		})
		expect(english.data.project).toMatchObject({ title: 'Solar park' })
		expect(english.data.project.descriptionHtml).toContain('<strong>together</strong>')
		expect((await page(project.slug)).data.project.title).toBe('Solpark')
	})
})

describe('updates on a project’s page', () => {
	test('a participating partner’s member posts an update that moves the status; it is shown newest first', async () => {
		const partner = await approvedPartner(db, { name: 'Cykelköket Söder' })
		const reporter = await addMember(db, partner.id, 'reporter', 'Rut Rapportör')
		const project = await projectRow(db, [partner.id], { status: 'idea' })
		const cookie = await cookieFor(reporter.id)
		expect((await page(project.slug, cookie)).data.posting).toEqual([{ id: partner.id, name: 'Cykelköket Söder' }])

		const first = await post(
			project.slug,
			'post',
			{ partnerId: String(partner.id), body: 'Cyklarna är köpta.', newStatus: 'under-way' },
			cookie,
		)
		expect(first.location).toBe(`/projects/${project.slug}?done=posted#updates-heading`)
		expect((await projectRowBySlug(project.slug))!.status).toBe('under-way')
		await post(project.slug, 'post', { partnerId: String(partner.id), body: 'Första leveransen gick bra.' }, cookie)

		const answer = await page(project.slug)
		expect(answer.data.project.status).toBe('under-way')
		expect(answer.data.updates).toEqual([
			expect.objectContaining({ body: 'Första leveransen gick bra.', newStatus: null, author: 'Rut Rapportör' }),
			expect.objectContaining({
				body: 'Cyklarna är köpta.',
				newStatus: 'under-way',
				partner: { slug: partner.slug, name: 'Cykelköket Söder' },
			}),
		])
		// Visitors get no form.
		expect(answer.data.posting).toEqual([])

		const empty = await post(project.slug, 'post', { partnerId: String(partner.id), body: '  ' }, cookie)
		expect(empty.status).toBe(400)
		expect(empty.data.result.error.body).toEqual(['Fyll i det här fältet.'])
	})

	test('only members of a participating, approved partner post: others get 403, visitors sign in first', async () => {
		const taking = await approvedPartner(db)
		const waiting = await waitingPartner(db)
		const outsider = await approvedPartner(db)
		const resident = await makeUser(db)
		const project = await projectRow(db, [taking.id, waiting.id])
		const update = (partnerId: number) => ({ partnerId: String(partnerId), body: 'Hej från oss!' })

		expect((await post(project.slug, 'post', update(outsider.id), await cookieFor(outsider.person.id))).status).toBe(
			403,
		)
		// Posting for a partner that takes part, while acting for another one.
		expect((await post(project.slug, 'post', update(taking.id), await cookieFor(outsider.person.id))).status).toBe(403)
		expect((await post(project.slug, 'post', update(waiting.id), await cookieFor(waiting.person.id))).status).toBe(403)
		expect((await post(project.slug, 'post', update(taking.id), await cookieFor(resident.id))).status).toBe(403)
		const visitor = await post(project.slug, 'post', update(taking.id))
		expect(visitor.location).toMatch(/^\/login\?redirectTo=/)
		expect((await page(project.slug, await cookieFor(waiting.person.id))).data.posting).toEqual([])
		expect(await db.selectFrom('project_update').select('id').where('project_id', '=', project.id).execute()).toEqual(
			[],
		)
	})

	test('coordinators correct and hide updates; visitors no longer see a hidden one', async () => {
		const partner = await approvedPartner(db)
		const project = await projectRow(db, [partner.id])
		await post(
			project.slug,
			'post',
			{ partnerId: String(partner.id), body: 'Stavfel i tetxen.' },
			await cookieFor(partner.person.id),
		)
		const [{ id }] = (await page(project.slug)).data.updates
		const cookie = await coordinatorCookie()

		const corrected = await post(project.slug, 'edit', { updateId: String(id), body: 'Rättad text.' }, cookie)
		expect(corrected.location).toBe(`/projects/${project.slug}?done=edited`)
		expect((await page(project.slug)).data.updates[0]).toMatchObject({ body: 'Rättad text.', edited: true })

		const emptied = await post(project.slug, 'edit', { updateId: String(id), body: '' }, cookie)
		expect(emptied.status).toBe(400)
		expect(emptied.data).toMatchObject({ updateId: id, result: { error: { body: ['Fyll i det här fältet.'] } } })

		expect((await post(project.slug, 'hide', { updateId: String(id) }, cookie)).location).toBe(
			`/projects/${project.slug}?done=hidden`,
		)
		expect((await page(project.slug)).data.updates).toEqual([])
		expect((await page(project.slug, await cookieFor(partner.person.id))).data.updates).toEqual([])
		expect((await page(project.slug, cookie)).data.updates).toEqual([expect.objectContaining({ id, hidden: true })])

		// A partner's member cannot hide or edit, not even its own update.
		const memberCookie = await cookieFor(partner.person.id)
		expect((await post(project.slug, 'show', { updateId: String(id) }, memberCookie)).status).toBe(403)
		expect((await post(project.slug, 'edit', { updateId: String(id), body: 'Min text' }, memberCookie)).status).toBe(
			403,
		)

		await post(project.slug, 'show', { updateId: String(id) }, cookie)
		expect((await page(project.slug)).data.updates).toEqual([expect.objectContaining({ id, body: 'Rättad text.' })])
	})
})
