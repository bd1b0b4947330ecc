import type { Event } from '#db/schema.ts'
import { BLANK_SHIFT_ROWS, type EventFormDefaults } from './components/event-form.tsx'
import { utcToLocal } from '#app/common/time.ts'

/** A stored event as the edit form's starting values, in the pact's local time. */
export function eventFormDefaults(
	event: Event,
	shifts: Array<{ id: number; title: string; needed: number }>,
	timeZone: string,
): EventFormDefaults {
	const start = utcToLocal(event.starts_at, timeZone)
	const end = utcToLocal(event.ends_at, timeZone)
	const closes = event.rsvp_closes_at ? utcToLocal(event.rsvp_closes_at, timeZone) : null
	return {
		type: event.type,
		audience: event.audience,
		title: event.title,
		description: event.description,
		titleEn: event.title_en ?? undefined,
		descriptionEn: event.description_en ?? undefined,
		themeId: event.theme_id === null ? undefined : String(event.theme_id),
		date: start.date,
		startTime: start.time,
		endTime: end.time,
		endDate: end.date === start.date ? undefined : end.date,
		place: event.place ?? undefined,
		onlineUrl: event.online_url ?? undefined,
		capacity: event.capacity === null ? undefined : String(event.capacity),
		rsvpClosesDate: closes?.date,
		rsvpClosesTime: closes?.time,
		reminderHours: String(event.reminder_hours),
		shifts: [
			...shifts.map((s) => ({ id: String(s.id), title: s.title, needed: String(s.needed) })),
			...Array.from({ length: BLANK_SHIFT_ROWS }, () => ({})),
		],
	}
}

/** A new event's starting values: a week from today at 18–20, a reminder the day before. */
export function newEventDefaults(now: Date, timeZone: string): EventFormDefaults {
	const inAWeek = utcToLocal(new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000), timeZone)
	return {
		audience: 'everyone',
		date: inAWeek.date,
		startTime: '18:00',
		endTime: '20:00',
		reminderHours: '24',
		repeat: 'none',
		shifts: Array.from({ length: BLANK_SHIFT_ROWS + 1 }, () => ({})),
	}
}
