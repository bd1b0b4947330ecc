import { describe, expect, test } from 'vitest'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { getDb } from '#db/index.ts'
import { countRecipients, segmentRecipients } from './segments.server.ts'
import { everyone, type Segment } from './segments.ts'
import { addSignatories } from '#tests/support/newsletters.ts'

const db = getDb()

describe('segments', () => {
	test('conditions combine, and only consenting, confirmed, unsuppressed people are ever counted', async () => {
		const tagaborg = await addSignatories(db, 4, {
			district: 'Tågaborg',
			confirmedAt: new Date('2025-03-10T10:00:00Z'),
		})
		const visitors = await addSignatories(db, 3, {
			district: 'Råå',
			resident: false,
			confirmedAt: new Date('2025-04-20T10:00:00Z'),
		})
		await addSignatories(db, 2, { consent: false })
		await addSignatories(db, 2, { status: 'pending' })
		await db
			.insertInto('suppression')
			.values({ email: tagaborg[3]!.email, reason: 'bounce', detail: null, created_at: new Date().toISOString() })
			.execute()
		// Step 2 for one person in Tågaborg; everyone else has no ladder row yet and stands on step 1.
		const now = new Date().toISOString()
		await db
			.insertInto('ladder_step')
			.values({
				user_id: tagaborg[0]!.id,
				step: 2,
				rule_step: 2,
				attended_count: 1,
				helped_count: 0,
				reached_at: now,
				evaluated_at: now,
			})
			.execute()
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, new Date('2025-04-01T16:00:00Z'))
		await db
			.insertInto('event_attendance')
			.values({
				event_id: event.id,
				user_id: visitors[0]!.id,
				name: 'x',
				walk_in: 0,
				checked_in_at: now,
				checked_in_by: null,
			})
			.execute()

		const count = (segment: Partial<Segment>) => countRecipients(db, { ...everyone, ...segment })
		expect(await count({})).toBe(6)
		expect(await count({ districts: ['tågaborg'] })).toBe(3)
		expect(await count({ residency: 'others' })).toBe(3)
		expect(await count({ residency: 'residents', districts: ['Råå'] })).toBe(0)
		expect(await count({ steps: [2] })).toBe(1)
		expect(await count({ steps: [1] })).toBe(5)
		expect(await count({ eventId: event.id })).toBe(1)
		expect(await count({ eventId: event.id, residency: 'residents' })).toBe(0)
		// Local days in Stockholm, both ends included.
		expect(await count({ signedFrom: '2025-04-20', signedTo: '2025-04-20' })).toBe(3)
		expect(await count({ signedTo: '2025-03-31' })).toBe(3)

		const page1 = await segmentRecipients(db, everyone, { limit: 4 })
		const page2 = await segmentRecipients(db, everyone, { afterUserId: page1.at(-1)!.id, limit: 4 })
		expect([...page1, ...page2].map((r) => r.id)).toEqual([...tagaborg.slice(0, 3), ...visitors].map((p) => p.id))
	})
})
