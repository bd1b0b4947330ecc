import { describe, expect, test } from 'vitest'
import { unsubscribe } from '#app/newsletters/unsubscribe.server.ts'
import { saveEmailPreferences } from '#app/newsletters/unsubscribe.server.ts'
import { confirmSignature, signPledge, withdrawSignature } from '#app/pledge/pledge.server.ts'
import { consentHistory } from '#app/privacy/consents.server.ts'
import * as myPledgeRoute from '#app/routes/my-pledge.tsx'
import { getDb } from '#db/index.ts'
import { CONSENT_VERSION, signInput } from '#tests/support/pledge.ts'
import { cookieFor, renderRoute, routeArgs } from '#tests/support/routes.ts'

/** The consent history: every change of what a person agreed to, whichever page or link made it. */
const db = getDb()
const minute = 60_000

describe('consent history', () => {
	test('signing, confirming, the preferences page, a one-click link and withdrawing are each recorded, with when', async () => {
		const start = new Date('2026-12-01T09:00:00Z')
		const at = (minutes: number) => new Date(start.getTime() + minutes * minute)
		const input = signInput({ newsletterConsent: true })
		await signPledge(db, input, { language: 'sv', now: at(0) })
		const { userId } = (await confirmSignature(db, input.email, at(1)))!
		await saveEmailPreferences(
			db,
			userId,
			{ newsletters: false, digestFrequency: 'weekly', eventReminders: true, levelUpEmails: false },
			at(2),
		)
		await unsubscribe(db, { userId, list: 'digest', newsletterId: null }, at(3))
		await withdrawSignature(db, userId, at(4))

		const history = await consentHistory(db, userId)
		// The email choices have no time of their own in the data, so they are stamped by the database's clock.
		const expected = [
			['pledge-consent', CONSENT_VERSION],
			['newsletter', 'on'],
			['pledge-confirmed', null],
			['newsletter', 'off'],
			['digest', 'weekly'],
			['level-up', 'off'],
			['digest', 'off'],
			['pledge-withdrawn', null],
		]
		expect(history.map(({ kind, detail }) => [kind, detail])).toEqual(expect.arrayContaining(expected))
		expect(history).toHaveLength(expected.length)
		expect(history.find((entry) => entry.kind === 'pledge-consent')?.at).toBe(at(0).toISOString())
		expect(history.find((entry) => entry.kind === 'pledge-confirmed')?.at).toBe(at(1).toISOString())
		expect(history.find((entry) => entry.kind === 'newsletter' && entry.detail === 'off')?.at).toBe(at(2).toISOString())
		expect(history.find((entry) => entry.kind === 'pledge-withdrawn')?.at).toBe(at(4).toISOString())
	})

	test('My pledge shows the history in the page language, with the download and delete links', async () => {
		const input = signInput({ newsletterConsent: true })
		await signPledge(db, input, { language: 'sv' })
		const { userId } = (await confirmSignature(db, input.email))!
		const loaderData = await myPledgeRoute.loader(routeArgs('/my-pledge', { cookie: await cookieFor(userId) }))
		expect(loaderData.consents.map((entry) => entry.kind)).toEqual(
			expect.arrayContaining(['pledge-consent', 'pledge-confirmed', 'newsletter']),
		)
		const html = await renderRoute({ Component: myPledgeRoute.default, url: '/my-pledge', loaderData })
		expect(html).toContain(`Godkände villkoren för klimatavtalet (version ${CONSENT_VERSION})`)
		expect(html).toContain('Tackade ja till nyhetsbrevet')
		expect(html).toContain('href="/my-pledge/data.json"')
		expect(html).toContain('href="/account/delete"')
	})
})
