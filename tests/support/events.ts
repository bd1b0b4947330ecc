import type { DB } from '#db/index.ts'
import type { Event, Language } from '#db/schema.ts'
import { createEvents } from '#app/events/life-cycle.server.ts'
import type { EventInput } from '#app/events/schemas.ts'

/** Test data for the events area: people and events made through the same functions the app uses. */

let counter = 0

export async function makeUser(
	db: DB,
	{ name, language = 'sv', role }: { name?: string; language?: Language; role?: 'organiser' | 'coordinator' } = {},
) {
	counter += 1
	const user = await db
		.insertInto('user')
		.values({
			email: `person-${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`,
			name: name ?? `Person ${counter}`,
			language,
		})
		.returning(['id', 'email', 'name', 'language'])
		.executeTakeFirstOrThrow()
	if (role)
		await db.insertInto('user_role').values({ user_id: user.id, role, granted_at: new Date().toISOString() }).execute()
	return user
}

export function eventInput(startsAt: Date, overrides: Partial<EventInput> = {}): EventInput {
	return {
		type: 'climate-fika',
		title: 'Klimatfika',
		description: 'Vi pratar om **cykling**.',
		startsAt: startsAt.toISOString(),
		endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
		place: 'Stadsbiblioteket, Helsingborg',
		onlineUrl: null,
		capacity: null,
		rsvpClosesAt: null,
		reminderHours: 24,
		shifts: [],
		...overrides,
	}
}

export async function makeEvent(
	db: DB,
	organiserId: number,
	startsAt: Date,
	overrides: Partial<EventInput> = {},
	{ publish = true, now = new Date(startsAt.getTime() - 30 * 86_400_000) } = {},
): Promise<Event> {
	const [event] = await createEvents(db, organiserId, eventInput(startsAt, overrides), { publish, repeat: null }, now)
	return event!
}

export async function outboxTo(db: DB, address: string) {
	return db.selectFrom('outbox').selectAll().where('to_address', '=', address).orderBy('id').execute()
}
