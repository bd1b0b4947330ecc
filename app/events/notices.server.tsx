import { formatEventWhen } from '#app/common/format.ts'
import { markdownToText } from '#app/common/markdown.server.ts'
import { config } from '#app/config.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import {
	composeEmail,
	renderEmail,
	type EmailAttachment,
	type EmailTemplate,
	type RenderedEmail,
	type TemplateProps,
} from '#app/mail/send-email.server.ts'
import type { Event, Language } from '#db/schema.ts'
import type { EmailEvent, EventEmailProps } from '#emails/components/event-email.tsx'
import EventCancelledEmail from '#emails/event-cancelled.tsx'
import EventChangedEmail from '#emails/event-changed.tsx'
import EventConfirmedEmail from '#emails/event-confirmed.tsx'
import EventHelperEmail from '#emails/event-helper.tsx'
import EventMessageEmail from '#emails/event-message.tsx'
import EventPromotedEmail from '#emails/event-promoted.tsx'
import EventReminderEmail from '#emails/event-reminder.tsx'
import EventRestoredEmail from '#emails/event-restored.tsx'
import EventRsvpCancelledEmail from '#emails/event-rsvp-cancelled.tsx'
import EventWaitlistedEmail from '#emails/event-waitlisted.tsx'
import { buildCalendar, calendarContentType, eventUid, type CalendarEntry, type CalendarMethod } from './ical.server.ts'
import { eventDescription, eventTitle } from './languages.ts'

/**
 * Every email the events area sends, rendered in the recipient's language with the calendar entry
 * that belongs to it. Callers queue the result in the transaction that makes the change.
 */

export interface Recipient {
	id: number
	email: string
	name: string
	language: Language
}

export function eventUrl(event: Pick<Event, 'slug'>): string {
	return `${config.appUrl}/events/${encodeURIComponent(event.slug)}`
}

/** The pact as the organiser in calendar invitations: replies go to the pact's address. */
function pactOrganizer() {
	const match = /<([^>]+)>/.exec(config.mailFrom)
	return { name: config.pact.name, email: (match?.[1] ?? config.mailFrom).trim() }
}

/**
 * The event as a calendar entry, with its title and description in `language` (the Swedish where
 * there is no English): an invitation in the attendee's, a feed or download in the reader's.
 */
export function calendarEntry(event: Event, language: string, attendee?: Recipient): CalendarEntry {
	const description = eventDescription(event, language).text
	return {
		uid: eventUid(event.id, config.appUrl),
		sequence: event.sequence,
		title: eventTitle(event, language).text,
		description: [markdownToText(description), event.online_url].filter(Boolean).join('\n\n'),
		startsAt: event.starts_at,
		endsAt: event.ends_at,
		location: event.place ?? event.online_url,
		url: eventUrl(event),
		cancelled: event.status === 'cancelled',
		createdAt: event.created_at,
		updatedAt: event.updated_at,
		organizer: attendee ? pactOrganizer() : undefined,
		attendee: attendee ? { name: attendee.name, email: attendee.email } : undefined,
	}
}

/** An invitation (REQUEST) or its cancellation (CANCEL) for one person, as an email attachment. */
export function calendarAttachment(
	event: Event,
	method: CalendarMethod,
	recipient: Recipient,
	now = new Date(),
): EmailAttachment {
	const ics = buildCalendar({ method, entries: [calendarEntry(event, recipient.language, recipient)], now })
	return {
		filename: 'event.ics',
		contentType: calendarContentType(method),
		content: Buffer.from(ics, 'utf8').toString('base64'),
	}
}

function emailEvent(event: Event, language: SupportedLanguage): EmailEvent {
	return {
		title: eventTitle(event, language).text,
		when: formatEventWhen(event.starts_at, event.ends_at, language, config.timeZone),
		place: event.place,
		onlineUrl: event.online_url,
		url: eventUrl(event),
	}
}

/** One event email to one person: the template, what it adds to the event and the greeting, and the envelope. */
function eventEmail<P extends EventEmailProps>(
	template: EmailTemplate<P>,
	event: Event,
	recipient: Recipient,
	extra: Omit<TemplateProps<P>, keyof TemplateProps<EventEmailProps>>,
	envelope: { idempotencyKey?: string; attachments?: EmailAttachment[] } = {},
): Promise<RenderedEmail> {
	const props = {
		...extra,
		language: recipient.language,
		name: recipient.name,
		event: emailEvent(event, recipient.language),
	} as TemplateProps<P>
	return renderEmail(composeEmail(template, props, { to: recipient.email, ...envelope }))
}

export function confirmedEmail(
	event: Event,
	recipient: Recipient,
	position: number,
	now = new Date(),
): Promise<RenderedEmail> {
	return eventEmail(
		EventConfirmedEmail,
		event,
		recipient,
		{},
		{
			idempotencyKey: `rsvp-going:${event.id}:${recipient.id}:${position}`,
			attachments: [calendarAttachment(event, 'REQUEST', recipient, now)],
		},
	)
}

/** Rendered before the RSVP's transaction, when the place in the queue is not yet known. */
export const POSITION_PLACEHOLDER = '\u2063position\u2063'

export function waitlistedEmail(event: Event, recipient: Recipient): Promise<RenderedEmail> {
	return eventEmail(EventWaitlistedEmail, event, recipient, { position: POSITION_PLACEHOLDER })
}

/** Fills in the place in the queue and the message's key once the transaction knows them. */
export function withWaitlistPosition(
	email: RenderedEmail,
	eventId: number,
	userId: number,
	position: number,
	placeInQueue: number,
): RenderedEmail {
	const fill = (text: string) => text.split(POSITION_PLACEHOLDER).join(String(placeInQueue))
	return {
		...email,
		html: fill(email.html),
		text: fill(email.text),
		idempotencyKey: `rsvp-waiting:${eventId}:${userId}:${position}`,
	}
}

export function promotedEmail(
	event: Event,
	recipient: Recipient,
	position: number,
	now = new Date(),
): Promise<RenderedEmail> {
	return eventEmail(
		EventPromotedEmail,
		event,
		recipient,
		{},
		{
			idempotencyKey: `rsvp-promoted:${event.id}:${recipient.id}:${position}`,
			attachments: [calendarAttachment(event, 'REQUEST', recipient, now)],
		},
	)
}

export function rsvpCancelledEmail(
	event: Event,
	recipient: Recipient,
	position: number,
	now = new Date(),
): Promise<RenderedEmail> {
	// The person's own copy is cancelled; the event itself is not (the calendar entry says CANCEL).
	return eventEmail(
		EventRsvpCancelledEmail,
		event,
		recipient,
		{},
		{
			idempotencyKey: `rsvp-cancelled:${event.id}:${recipient.id}:${position}`,
			attachments: [calendarAttachment(event, 'CANCEL', recipient, now)],
		},
	)
}

export function reminderEmail(event: Event, recipient: Recipient, shifts: string[]): Promise<RenderedEmail> {
	return eventEmail(
		EventReminderEmail,
		event,
		recipient,
		{ shifts },
		{ idempotencyKey: `reminder:${event.id}:${recipient.id}:${event.starts_at}` },
	)
}

export function changedEmail(event: Event, recipient: Recipient, now = new Date()): Promise<RenderedEmail> {
	return eventEmail(
		EventChangedEmail,
		event,
		recipient,
		{},
		{
			idempotencyKey: `event-changed:${event.id}:${event.sequence}:${recipient.id}`,
			attachments: [calendarAttachment(event, 'REQUEST', recipient, now)],
		},
	)
}

export function cancelledEmail(
	event: Event,
	recipient: Recipient,
	note: string | null,
	now = new Date(),
): Promise<RenderedEmail> {
	return eventEmail(
		EventCancelledEmail,
		event,
		recipient,
		{ note },
		{
			// With the sequence: an event cancelled, restored and cancelled again is news each time.
			idempotencyKey: `event-cancelled:${event.id}:${event.sequence}:${recipient.id}`,
			attachments: [calendarAttachment(event, 'CANCEL', recipient, now)],
		},
	)
}

/** A cancelled event is on again, and the person's place with it. */
export function restoredEmail(event: Event, recipient: Recipient, now = new Date()): Promise<RenderedEmail> {
	return eventEmail(
		EventRestoredEmail,
		event,
		recipient,
		{},
		{
			idempotencyKey: `event-restored:${event.id}:${event.sequence}:${recipient.id}`,
			attachments: [calendarAttachment(event, 'REQUEST', recipient, now)],
		},
	)
}

export function helperEmail(
	event: Event,
	recipient: Recipient,
	shift: { id: number; title: string },
	signupId: number,
	now = new Date(),
): Promise<RenderedEmail> {
	return eventEmail(
		EventHelperEmail,
		event,
		recipient,
		{ shift: shift.title },
		{
			idempotencyKey: `helper:${shift.id}:${recipient.id}:${signupId}`,
			attachments: [calendarAttachment(event, 'REQUEST', recipient, now)],
		},
	)
}

export function messageEmail(
	event: Event,
	recipient: Recipient,
	message: { id: string; subject: string; body: string; organiser: string },
): Promise<RenderedEmail> {
	return eventEmail(
		EventMessageEmail,
		event,
		recipient,
		{ subject: message.subject, message: message.body, organiser: message.organiser },
		{
			idempotencyKey: `event-message:${event.id}:${message.id}:${recipient.id}`,
		},
	)
}
