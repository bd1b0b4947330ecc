import { describe, expect, test } from 'vitest'
import { overduePeriod, sendReportReminders } from '#app/climate-reports/reminders.server.ts'
import { getDb } from '#db/index.ts'
import { approvedPartner, reportRow } from '#tests/support/partners-reports.ts'

const db = getDb()

async function remindersTo(email: string) {
	return db
		.selectFrom('outbox')
		.select(['subject', 'text', 'idempotency_key'])
		.where('to_address', '=', email)
		.where('idempotency_key', 'like', 'report-reminder:%')
		.execute()
}

describe('reminders to report last year', () => {
	test('the period is last year once the deadline (31 March by default) has passed in the pact time zone', () => {
		expect(overduePeriod(new Date('2026-03-31T12:00:00Z'))).toBeNull()
		expect(overduePeriod(new Date('2026-03-31T22:30:00Z'))).toEqual({ year: 2025, dueOn: '2026-03-31' })
		expect(overduePeriod(new Date('2026-11-02T09:00:00Z'))?.year).toBe(2025)
		expect(overduePeriod(new Date('2026-02-01T09:00:00Z'))).toBeNull()
	})

	test('go once per period to partners that have not reported, however often the job runs', async () => {
		const late = await approvedPartner(db, { name: 'Sena Bageriet' })
		const english = await approvedPartner(db, { name: 'Late Ltd', language: 'en', role: 'reporter' })
		const done = await approvedPartner(db)
		await reportRow(db, done.id, 2025, 10, 5, { baseline: true })
		const now = new Date('2026-04-02T08:00:00Z')

		await sendReportReminders(db, now)
		await sendReportReminders(db, now)
		await sendReportReminders(db, new Date('2026-06-01T08:00:00Z'))

		const swedish = await remindersTo(late.person.email)
		expect(swedish).toHaveLength(1)
		expect(swedish[0]!.subject).toBe('Dags att rapportera Sena Bageriets utsläpp för 2025')
		expect(swedish[0]!.text).toContain('31 mars 2026')
		expect(swedish[0]!.text).toContain(`/partners/${late.slug}/reports`)
		const inEnglish = await remindersTo(english.person.email)
		expect(inEnglish.map((m) => m.subject)).toEqual(["Time to report Late Ltd's emissions for 2025"])
		expect(await remindersTo(done.person.email)).toEqual([])
		const rows = await db.selectFrom('report_reminder').selectAll().where('partner_id', '=', late.id).execute()
		expect(rows.map((r) => r.period)).toEqual(['2025'])

		// The next year is a new period.
		await sendReportReminders(db, new Date('2027-04-02T08:00:00Z'))
		expect(await remindersTo(late.person.email)).toHaveLength(2)
	})

	test('nothing is sent before the deadline', async () => {
		const partner = await approvedPartner(db)
		await sendReportReminders(db, new Date('2026-03-15T08:00:00Z'))
		expect(await remindersTo(partner.person.email)).toEqual([])
	})
})
