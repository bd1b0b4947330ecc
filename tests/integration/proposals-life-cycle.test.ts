import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import * as adminProposals from '#app/routes/admin-proposals.tsx'
import * as proposalEdit from '#app/routes/proposals-edit.tsx'
import * as proposalNew from '#app/routes/proposals-new.tsx'
import * as proposalPage from '#app/routes/proposals-proposal.tsx'
import * as tracker from '#app/routes/proposals.tsx'
import { listMailbox } from '#app/mail/mailbox.server.ts'
import { deliverDueEmails, transportFromConfig } from '#app/mail/outbox.server.ts'
import { proposalFigures } from '#app/proposals/figures.server.ts'
import { recordCityAnswer, submitToCity } from '#app/proposals/status.server.ts'
import { supportProposal } from '#app/proposals/support.server.ts'
import { getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import { coordinator, openProposal, proposalMails, proposalRow, signedPerson } from '#tests/support/proposals.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'

const db = getDb()

const draftForm = (overrides: Record<string, string> = {}) => ({
	title: 'Solceller på kommunens tak',
	summary: 'En plan för solceller på alla kommunala tak.',
	body: 'Kommunen äger **hundratals** tak.',
	...overrides,
})

describe('drafting a proposal', () => {
	test('a signatory drafts, edits and publishes; the tracker then shows it with its timeline', async () => {
		const author = await signedPerson(db)
		const cookie = await cookieFor(author.userId)
		const created = await callAction(proposalNew, '/proposals/new', { cookie, form: draftForm() })
		expect(created.status).toBe(303)
		const id = Number(/\/proposals\/(\d+)/.exec(created.location!)![1])

		// A draft is the author's alone.
		expect((await callLoader(tracker, '/proposals')).data.proposals.map((p: { id: number }) => p.id)).not.toContain(id)
		expect((await callLoader(proposalPage, `/proposals/${id}`)).status).toBe(404)

		const edited = await callAction(proposalEdit, `/proposals/${id}/edit`, {
			cookie,
			params: { proposalId: String(id) },
			form: draftForm({ title: 'Solceller på alla kommunala tak' }),
		})
		expect(edited.location).toBe(`/proposals/${id}?done=saved`)
		expect((await proposalRow(db, id)).title).toBe('Solceller på alla kommunala tak')

		const published = await callAction(proposalPage, `/proposals/${id}`, {
			cookie,
			params: { proposalId: String(id) },
			form: { intent: 'publish' },
		})
		expect(published.location).toBe(`/proposals/${id}?done=published`)

		const page = await callLoader(proposalPage, `/proposals/${id}`, { params: { proposalId: String(id) } })
		expect(page.data.proposal).toMatchObject({ status: 'open', supportCount: 0 })
		expect(page.data.timeline.map((entry: { toStatus: string }) => entry.toStatus)).toEqual(['open'])
		expect(page.data.bodyHtml).toContain('<strong>hundratals</strong>')
		expect((await callLoader(tracker, '/proposals')).data.proposals.map((p: { id: number }) => p.id)).toContain(id)
		// The author hears that it is published.
		expect((await proposalMails(db, id)).map((m) => m.to_address)).toEqual([author.email])

		// Published, it can no longer be edited.
		const late = await callAction(proposalEdit, `/proposals/${id}/edit`, {
			cookie,
			params: { proposalId: String(id) },
			form: draftForm({ title: 'Ändrad i efterhand' }),
		})
		expect(late.location).toBe(`/proposals/${id}`)
		expect((await proposalRow(db, id)).title).toBe('Solceller på alla kommunala tak')
	})

	test('someone without a confirmed signature cannot draft', async () => {
		const visitor = await makeUser(db)
		const cookie = await cookieFor(visitor.id)
		expect((await callLoader(proposalNew, '/proposals/new', { cookie })).data.signatory).toBe(false)
		const refused = await callAction(proposalNew, '/proposals/new', { cookie, form: draftForm() })
		expect(refused.status).toBe(403)
		expect(await db.selectFrom('proposal').select('id').where('author_id', '=', visitor.id).execute()).toEqual([])
	})

	test('bad input gets a message next to the field and writes nothing', async () => {
		const author = await signedPerson(db)
		const answer = await callAction(proposalNew, '/proposals/new', {
			cookie: await cookieFor(author.userId),
			form: draftForm({ title: '', themeId: '999999' }),
		})
		expect(answer.status).toBe(400)
		expect(answer.data.error.title).toEqual(['Fyll i det här fältet.'])
		expect(answer.data.error.themeId).toEqual(['Välj ett tema i listan.'])
		expect(await db.selectFrom('proposal').select('id').where('author_id', '=', author.userId).execute()).toEqual([])
	})

	test('only the author edits or publishes a draft; to anyone else it does not exist', async () => {
		const author = await signedPerson(db)
		const other = await signedPerson(db)
		const created = await callAction(proposalNew, '/proposals/new', {
			cookie: await cookieFor(author.userId),
			form: draftForm(),
		})
		const id = String(/\/proposals\/(\d+)/.exec(created.location!)![1])
		const cookie = await cookieFor(other.userId)
		expect(
			(await callLoader(proposalEdit, `/proposals/${id}/edit`, { cookie, params: { proposalId: id } })).status,
		).toBe(404)
		const edit = await callAction(proposalEdit, `/proposals/${id}/edit`, {
			cookie,
			params: { proposalId: id },
			form: draftForm({ title: 'Kapad' }),
		})
		expect(edit.status).toBe(404)
		const publish = await callAction(proposalPage, `/proposals/${id}`, {
			cookie,
			params: { proposalId: id },
			form: { intent: 'publish' },
		})
		expect(publish.status).toBe(404)
		expect(await proposalRow(db, Number(id))).toMatchObject({ title: 'Solceller på kommunens tak', status: 'draft' })
	})
})

describe('moving a proposal through the city', () => {
	test('only coordinators move it; supporters and the author are told once per move, however often it is repeated', async () => {
		const { proposalId, author } = await openProposal(db)
		const supporters = [await signedPerson(db), await signedPerson(db)]
		for (const s of supporters) await supportProposal(db, proposalId, s.userId)
		const id = String(proposalId)
		const submit = { intent: 'submit', submittedOn: '2026-03-03', reference: 'KS 2026/0412', cityUrl: '' }

		// A supporter (a signatory, not a coordinator) may not move it.
		const refused = await callAction(proposalPage, `/proposals/${id}`, {
			cookie: await cookieFor(supporters[0]!.userId),
			params: { proposalId: id },
			form: submit,
		})
		expect(refused.status).toBe(403)
		expect((await proposalRow(db, proposalId)).status).toBe('open')

		const boss = await coordinator(db)
		const cookie = await cookieFor(boss.id)
		const invalid = await callAction(proposalPage, `/proposals/${id}`, {
			cookie,
			params: { proposalId: id },
			form: { ...submit, reference: '', cityUrl: 'inte en länk' },
		})
		expect(invalid.status).toBe(400)
		expect(invalid.data.form).toBe('submit')
		expect(Object.keys(invalid.data.reply.error).sort()).toEqual(['cityUrl', 'reference'])
		expect((await proposalRow(db, proposalId)).status).toBe('open')

		// Pressed twice, as a double click or a retried request would.
		for (let i = 0; i < 2; i += 1) {
			await callAction(proposalPage, `/proposals/${id}`, { cookie, params: { proposalId: id }, form: submit })
		}
		expect(await proposalRow(db, proposalId)).toMatchObject({
			status: 'submitted',
			submitted_on: '2026-03-03',
			city_reference: 'KS 2026/0412',
		})
		expect(
			await submitToCity(db, proposalId, { submittedOn: '2026-03-04', reference: 'X', cityUrl: null }, boss.id),
		).toEqual({
			kind: 'unchanged',
		})

		const answer = {
			outcome: 'partly-accepted' as const,
			answer: 'Ett garage byggs vid Knutpunkten.',
			answeredOn: '2026-10-12',
		}
		await callAction(proposalPage, `/proposals/${id}`, {
			cookie,
			params: { proposalId: id },
			form: { intent: 'answer', ...answer },
		})
		expect(await recordCityAnswer(db, proposalId, answer, boss.id)).toEqual({ kind: 'unchanged' })

		const everyone = [author.email, ...supporters.map((s) => s.email)].sort()
		const mails = await proposalMails(db, proposalId)
		const about = (word: string) =>
			mails
				.filter((m) => m.subject.includes(word))
				.map((m) => m.to_address)
				.sort()
		expect(about('publicerat')).toEqual([author.email])
		expect(about('Inlämnat till kommunen')).toEqual(everyone)
		expect(about('Kommunen har svarat')).toEqual(everyone)
		expect(mails).toHaveLength(1 + 2 * everyone.length)
		expect(mails.find((m) => m.to_address === supporters[0]!.email && m.subject.includes('svarat'))!.text).toContain(
			'Förslaget bifölls delvis 12 oktober 2026.',
		)

		const page = await callLoader(proposalPage, `/proposals/${id}`, { params: { proposalId: id } })
		expect(page.data.timeline.map((entry: { toStatus: string }) => entry.toStatus)).toEqual([
			'open',
			'submitted',
			'answered',
		])
		expect(page.data.proposal).toMatchObject({ outcome: 'partly-accepted', reference: 'KS 2026/0412', supportCount: 2 })

		// The worker run twice (a retry after a crash): each person's message is delivered once.
		const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-mail-'))
		const transport = transportFromConfig({ mailFrom: 'Klimatpakt <hej@klimatpakt.example>', mailDir })
		await deliverDueEmails(db, transport)
		await deliverDueEmails(db, transport)
		const delivered = await listMailbox(mailDir)
		for (const email of everyone) {
			expect(delivered.filter((m) => m.to.includes(email) && m.subject.includes('svarat'))).toHaveLength(1)
		}
		fs.rmSync(mailDir, { recursive: true, force: true })
	})
})

describe('moderation', () => {
	test('a report reaches coordinators; a hidden proposal vanishes for others, and its author sees why', async () => {
		const { proposalId, author } = await openProposal(db, { title: 'Ett förslag att dölja' })
		const id = String(proposalId)
		const reporter = await makeUser(db)
		const reported = await callAction(proposalPage, `/proposals/${id}`, {
			cookie: await cookieFor(reporter.id),
			params: { proposalId: id },
			form: { intent: 'report', reason: 'Innehåller personuppgifter.' },
		})
		expect(reported.location).toBe(`/proposals/${id}?done=reported`)

		const boss = await coordinator(db)
		const cookie = await cookieFor(boss.id)
		const overview = await callLoader(adminProposals, '/admin/proposals', { cookie })
		expect(overview.data.proposals.find((p: { id: number }) => p.id === proposalId)).toMatchObject({ openReports: 1 })
		expect(
			(await callLoader(adminProposals, '/admin/proposals', { cookie: await cookieFor(reporter.id) })).status,
		).toBe(403)

		// Only coordinators hide.
		const notAllowed = await callAction(proposalPage, `/proposals/${id}`, {
			cookie: await cookieFor(reporter.id),
			params: { proposalId: id },
			form: { intent: 'hide', reason: 'Nej' },
		})
		expect(notAllowed.status).toBe(403)

		await callAction(proposalPage, `/proposals/${id}`, {
			cookie,
			params: { proposalId: id },
			form: { intent: 'hide', reason: 'Förslaget innehåller personuppgifter om en granne.' },
		})

		const ids = async (cookieHeader?: string) =>
			(await callLoader(tracker, '/proposals', { cookie: cookieHeader })).data.proposals.map(
				(p: { id: number }) => p.id,
			)
		expect(await ids()).not.toContain(proposalId)
		expect(await ids(await cookieFor(reporter.id))).not.toContain(proposalId)
		expect((await callLoader(proposalPage, `/proposals/${id}`, { params: { proposalId: id } })).status).toBe(404)
		expect(
			(
				await callLoader(proposalPage, `/proposals/${id}`, {
					cookie: await cookieFor(reporter.id),
					params: { proposalId: id },
				})
			).status,
		).toBe(404)
		expect((await proposalFigures(db)).total).toBe(
			(
				await db
					.selectFrom('proposal')
					.select('id')
					.where('status', '!=', 'draft')
					.where('hidden_at', 'is', null)
					.execute()
			).length,
		)
		// Nobody can support what they cannot see.
		expect(await supportProposal(db, proposalId, (await signedPerson(db)).userId)).toEqual({ kind: 'not-found' })

		const authorCookie = await cookieFor(author.userId)
		const authorView = await callLoader(proposalPage, `/proposals/${id}`, {
			cookie: authorCookie,
			params: { proposalId: id },
		})
		expect(authorView.data.proposal.hiddenReason).toBe('Förslaget innehåller personuppgifter om en granne.')
		expect(
			(await callLoader(tracker, '/proposals', { cookie: authorCookie })).data.mine.map((p: { id: number }) => p.id),
		).toContain(proposalId)
		const coordinatorView = await callLoader(proposalPage, `/proposals/${id}`, { cookie, params: { proposalId: id } })
		expect(coordinatorView.status).toBe(200)
		expect(coordinatorView.data.reports).toEqual([])
	})
})

describe('figures for the pact in numbers', () => {
	test('count only public proposals, by stage and outcome', async () => {
		const before = await proposalFigures(db)
		const boss = await coordinator(db)
		const make = async (outcome?: 'accepted' | 'partly-accepted' | 'rejected', submit = true) => {
			const { proposalId } = await openProposal(db)
			if (submit)
				await submitToCity(db, proposalId, { submittedOn: '2026-01-10', reference: 'KS 1', cityUrl: null }, boss.id)
			if (outcome)
				await recordCityAnswer(db, proposalId, { outcome, answer: 'Svar.', answeredOn: '2026-02-01' }, boss.id)
			return proposalId
		}
		await make(undefined, false)
		await make()
		await make('accepted')
		await make('partly-accepted')
		await make('rejected')
		const hidden = await make('accepted')
		await db
			.updateTable('proposal')
			.set({ hidden_at: new Date().toISOString(), hidden_reason: 'x' })
			.where('id', '=', hidden)
			.execute()
		const author = await signedPerson(db)
		await callAction(proposalNew, '/proposals/new', { cookie: await cookieFor(author.userId), form: draftForm() })

		const after = await proposalFigures(db)
		expect({
			total: after.total - before.total,
			submitted: after.submitted - before.submitted,
			answered: after.answered - before.answered,
			accepted: after.accepted - before.accepted,
			partlyAccepted: after.partlyAccepted - before.partlyAccepted,
			rejected: after.rejected - before.rejected,
		}).toEqual({ total: 5, submitted: 4, answered: 3, accepted: 1, partlyAccepted: 1, rejected: 1 })
	})
})
