import { z } from 'zod'
import type { EventAudience } from '#db/schema.ts'
import { addToLocalDate, isLocalDate, isLocalTime, localToUtc } from '#app/common/time.ts'
import {
	oncePerT,
	optionalLine as optionalLineOf,
	requiredLine as requiredLineOf,
	tooLong,
	type SchemaT,
} from '#app/common/form.ts'

/**
 * The events area's forms, one schema each, shared by the browser (Conform) and the server. Each
 * is made from a t function, so its messages are the finished texts in the page's language:
 * `useTranslation('events').t` in the browser, `getT(request, 'events')` in the action.
 */
type EventsT = SchemaT<'events'>

export const eventTypes = [
	'clothing-swap',
	'climate-fika',
	'after-work',
	'politician-qa',
	'course',
	'excursion',
	'cooking-class',
	'film-screening',
	'theme-kick-off',
	'market-stall',
	// For partner organisations (issue 11): usually with the audience 'partners'.
	'network-meeting',
	'partnership-day',
	'other',
] as const
export type EventType = (typeof eventTypes)[number]

/**
 * Who may take a place: everyone, or only people who act for a partner organisation with an
 * approved agreement (and organisers). Either way the event is listed publicly (audiences.server.ts).
 */
export const eventAudiences = ['everyone', 'partners'] as const satisfies readonly EventAudience[]

export const limits = {
	title: 120,
	description: 5000,
	place: 200,
	onlineUrl: 500,
	capacity: 5000,
	reminderHours: 14 * 24,
	shiftTitle: 80,
	shiftNeeded: 50,
	shifts: 10,
	occurrences: 24,
	walkInName: 100,
	messageSubject: 150,
	messageBody: 5000,
	search: 100,
} as const

// The events area's own wording of the control-character error (app/common/form.ts).
const requiredLine = (t: EventsT, max: number) => requiredLineOf(t, max, t('errors.controlCharacters'))
const optionalLine = (t: EventsT, max: number) => optionalLineOf(t, max, t('errors.controlCharacters'))

function wholeNumber(t: EventsT) {
	const message = t('errors.wholeNumber')
	return z.number({ error: message }).int(message)
}

/** The event form's fields that do not depend on the moment or the event being edited. */
const eventFields = oncePerT((t: EventsT) => {
	const required = t('common:form.required')
	const localDate = z.string({ error: required }).refine(isLocalDate, t('errors.invalidDate'))
	const localTime = z.string({ error: required }).refine(isLocalTime, t('errors.invalidTime'))
	const helperShift = z.object({
		id: z.number().int().positive().optional(),
		title: optionalLine(t, limits.shiftTitle),
		needed: wholeNumber(t)
			.min(1, t('errors.neededMin'))
			.max(limits.shiftNeeded, t('errors.neededMax', { max: limits.shiftNeeded }))
			.optional(),
	})
	return z.object({
		intent: z.enum(['save', 'publish']).default('save'),
		type: z.enum(eventTypes, { error: t('errors.typeRequired') }),
		audience: z.enum(eventAudiences, { error: t('errors.audience') }).default('everyone'),
		title: requiredLine(t, limits.title),
		description: z
			.string()
			.trim()
			.max(limits.description, tooLong(t, limits.description))
			.optional()
			.transform((value) => value ?? ''),
		// The English site shows these, or the Swedish when they are left empty (issue 10).
		titleEn: optionalLine(t, limits.title),
		descriptionEn: z
			.string()
			.trim()
			.max(limits.description, tooLong(t, limits.description))
			.optional()
			.transform((value) => value || null),
		/** Set by the action from the image field (app/images/upload.server.ts), never trusted as sent. */
		imageId: z.number().int().positive().optional(),
		/** The focus theme it belongs to (app/themes); the action says which themes exist. */
		themeId: z
			.number({ error: t('errors.unknownTheme') })
			.int(t('errors.unknownTheme'))
			.positive(t('errors.unknownTheme'))
			.optional(),
		date: localDate,
		startTime: localTime,
		endTime: localTime,
		endDate: localDate.optional(),
		place: optionalLine(t, limits.place),
		onlineUrl: z
			.string()
			.trim()
			.max(limits.onlineUrl, tooLong(t, limits.onlineUrl))
			.refine((value) => /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value) && URL.canParse(value), t('errors.invalidUrl'))
			.optional()
			.transform((value) => value ?? null),
		capacity: wholeNumber(t)
			.min(1, t('errors.capacityMin'))
			.max(limits.capacity, t('errors.capacityMax', { max: limits.capacity }))
			.optional()
			.transform((value) => value ?? null),
		rsvpClosesDate: localDate.optional(),
		rsvpClosesTime: localTime.optional(),
		reminderHours: wholeNumber(t)
			.min(0, t('errors.reminderRange'))
			.max(limits.reminderHours, t('errors.reminderRange'))
			.default(24),
		shifts: z
			.array(helperShift)
			.max(limits.shifts, t('errors.tooManyShifts', { max: limits.shifts }))
			.default([]),
		repeat: z.enum(repeatOptions).default('none'),
		occurrences: wholeNumber(t)
			.min(2, t('errors.occurrencesRange'))
			.max(limits.occurrences, t('errors.occurrencesRange'))
			.optional(),
	})
})

export const repeatOptions = ['none', 'weekly', 'monthly'] as const

export interface EventFormContext {
	timeZone: string
	now: Date
	/** When editing: the stored start. A start in the past is refused only when it is new. */
	currentStartsAt?: string
	/** On the server: the themes an event may belong to, so an unknown one is refused by its field. */
	themeIds?: ReadonlySet<number>
}

/**
 * Create and edit an event; `startsAt`/`endsAt`/`rsvpClosesAt` come out as UTC ISO strings. Made
 * for each validation, as "not in the past" depends on the moment.
 */
export function eventFormSchema(t: EventsT, { timeZone, now, currentStartsAt, themeIds }: EventFormContext) {
	return (
		eventFields(t)
			// Cross-field rules run even when another field is wrong, so every message shows at once;
			// each rule reads only fields that parsed.
			.superRefine(
				(value, ctx) => {
					const v = value as Partial<typeof value>
					const text = (x: unknown): x is string => typeof x === 'string' && x.length > 0
					if (themeIds && typeof v.themeId === 'number' && !themeIds.has(v.themeId))
						ctx.addIssue({ code: 'custom', path: ['themeId'], message: t('errors.unknownTheme') })
					if (!v.place && !v.onlineUrl)
						ctx.addIssue({ code: 'custom', path: ['place'], message: t('errors.placeOrLink') })
					if (Array.isArray(v.shifts)) {
						v.shifts.forEach((shift, i) => {
							if (shift?.title && !shift.needed)
								ctx.addIssue({ code: 'custom', path: ['shifts', i, 'needed'], message: t('common:form.required') })
							if (!shift?.title && shift?.needed)
								ctx.addIssue({ code: 'custom', path: ['shifts', i, 'title'], message: t('common:form.required') })
						})
					}
					if (v.repeat && v.repeat !== 'none' && v.occurrences === undefined) {
						ctx.addIssue({ code: 'custom', path: ['occurrences'], message: t('errors.occurrencesRange') })
					}
					// The last occasion of a series must still have a four-digit year, as every date here does.
					if (v.repeat && v.repeat !== 'none' && v.occurrences && isLocalDate(v.date ?? '')) {
						const step = (k: number) => (v.repeat === 'weekly' ? { days: 7 * k } : { months: k })
						const last = [v.date!, v.endDate ?? '']
							.filter(isLocalDate)
							.map((d) => addToLocalDate(d, step(v.occurrences! - 1)))
						if (!last.every(isLocalDate))
							ctx.addIssue({ code: 'custom', path: ['occurrences'], message: t('errors.seriesTooLate') })
					}
					if (Boolean(v.rsvpClosesDate) !== Boolean(v.rsvpClosesTime)) {
						ctx.addIssue({
							code: 'custom',
							path: [v.rsvpClosesDate ? 'rsvpClosesTime' : 'rsvpClosesDate'],
							message: t('errors.dateAndTime'),
						})
					}
					const validDate = (x: unknown): x is string => text(x) && isLocalDate(x)
					const validTime = (x: unknown): x is string => text(x) && isLocalTime(x)
					if (!validDate(v.date) || !validTime(v.startTime)) return
					const startsAt = localToUtc({ date: v.date, time: v.startTime }, timeZone).toISOString()
					if (startsAt !== currentStartsAt && startsAt <= now.toISOString()) {
						ctx.addIssue({ code: 'custom', path: ['date'], message: t('errors.startInPast') })
					}
					const endDate = v.endDate === undefined ? v.date : v.endDate
					if (validDate(endDate) && validTime(v.endTime)) {
						const endsAt = localToUtc({ date: endDate, time: v.endTime }, timeZone).toISOString()
						if (endsAt <= startsAt)
							ctx.addIssue({
								code: 'custom',
								path: [v.endDate ? 'endDate' : 'endTime'],
								message: t('errors.endBeforeStart'),
							})
					}
					if (validDate(v.rsvpClosesDate) && validTime(v.rsvpClosesTime)) {
						const closesAt = localToUtc({ date: v.rsvpClosesDate, time: v.rsvpClosesTime }, timeZone).toISOString()
						if (closesAt > startsAt)
							ctx.addIssue({ code: 'custom', path: ['rsvpClosesDate'], message: t('errors.rsvpClosesAfterStart') })
					}
				},
				{ when: () => true },
			)
			.transform((value) => {
				const startsAt = localToUtc({ date: value.date, time: value.startTime }, timeZone).toISOString()
				const endsAt = localToUtc({ date: value.endDate ?? value.date, time: value.endTime }, timeZone).toISOString()
				const rsvpClosesAt =
					value.rsvpClosesDate && value.rsvpClosesTime
						? localToUtc({ date: value.rsvpClosesDate, time: value.rsvpClosesTime }, timeZone).toISOString()
						: null
				const shifts = value.shifts
					.filter((s): s is { id?: number; title: string; needed: number } => Boolean(s.title && s.needed))
					.map((s) => ({ id: s.id ?? null, title: s.title, needed: s.needed }))
				return {
					intent: value.intent,
					type: value.type,
					audience: value.audience,
					title: value.title,
					description: value.description,
					titleEn: value.titleEn,
					descriptionEn: value.descriptionEn,
					imageId: value.imageId ?? null,
					themeId: value.themeId ?? null,
					startsAt,
					endsAt,
					place: value.place,
					onlineUrl: value.onlineUrl,
					capacity: value.capacity,
					rsvpClosesAt,
					reminderHours: value.reminderHours,
					shifts,
					repeat: value.repeat === 'none' ? null : { every: value.repeat, occurrences: value.occurrences ?? 2 },
				}
			})
	)
}

type EventFormOutput = z.output<ReturnType<typeof eventFormSchema>>
/**
 * What an event is made of; the English texts and the image may be left out (then: none), and
 * the audience (then: everyone).
 */
export type EventInput = Omit<
	EventFormOutput,
	'intent' | 'repeat' | 'titleEn' | 'descriptionEn' | 'imageId' | 'themeId' | 'audience'
> &
	Partial<Pick<EventFormOutput, 'titleEn' | 'descriptionEn' | 'imageId' | 'themeId' | 'audience'>>
export type RepeatInput = { every: 'weekly' | 'monthly'; occurrences: number }

/** The buttons on an event page: each a small form with its own intent. */
export const rsvpSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('rsvp') }),
	z.object({ intent: z.literal('cancel') }),
	z.object({ intent: z.literal('take-shift'), shiftId: z.number().int().positive() }),
	z.object({ intent: z.literal('leave-shift'), shiftId: z.number().int().positive() }),
])

/** Adding a co-organiser on an event's manage page, by the address they sign in with (issue 12). */
export const createCoOrganiserSchema = oncePerT((t: EventsT) =>
	z.object({
		intent: z.literal('add-co-organiser'),
		email: z
			.string({ error: t('common:form.required') })
			.trim()
			.min(1, t('common:form.required'))
			.max(254, tooLong(t, 254))
			.pipe(z.email({ error: t('common:form.invalidEmail') }))
			.transform((value) => value.toLowerCase()),
	}),
)

export const createWalkInSchema = oncePerT((t: EventsT) =>
	z.object({
		intent: z.literal('walk-in'),
		name: requiredLine(t, limits.walkInName),
		/** Optional: links the visit to an existing member, so it counts on their ladder. */
		email: z
			.string()
			.trim()
			.max(254, tooLong(t, 254))
			.pipe(z.email({ error: t('common:form.invalidEmail') }))
			.optional()
			.transform((value) => value?.toLowerCase() ?? null),
	}),
)

export const createCheckInSchema = oncePerT((t: EventsT) =>
	z.discriminatedUnion('intent', [
		z.object({ intent: z.literal('check-in'), userId: z.number().int().positive() }),
		z.object({ intent: z.literal('undo-check-in'), attendanceId: z.number().int().positive() }),
		createWalkInSchema(t),
	]),
)

export const createMessageSchema = oncePerT((t: EventsT) =>
	z.object({
		subject: requiredLine(t, limits.messageSubject),
		body: z
			.string({ error: t('common:form.required') })
			.trim()
			.min(1, t('common:form.required'))
			.max(limits.messageBody, tooLong(t, limits.messageBody)),
		includeWaiting: z.boolean().default(false),
	}),
)

/** Cancelling an event: an optional note to everyone who was coming. */
export const createCancelSchema = oncePerT((t: EventsT) =>
	z.object({ note: z.string().trim().max(1000, tooLong(t, 1000)).optional() }),
)

export const eventFilterSchema = z.object({
	type: z.enum(eventTypes).optional().catch(undefined),
	/** Only the events for partner organisations (issue 11). */
	audience: z.literal('partners').optional().catch(undefined),
	/**
	 * A month the calendar can count to the end of: from 1970 to 9998 (the month after 9999-12 has
	 * no four-digit year). Any other is left out, and the page says so (issue 12).
	 */
	month: z
		.string()
		.regex(/^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])$/)
		.refine((month) => month < '9999')
		.optional()
		.catch(undefined),
	when: z.enum(['upcoming', 'past']).default('upcoming').catch('upcoming'),
	page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
})
