import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { ReactNode } from 'react'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { emailT } from '../i18n.ts'
import { EmailButton, EmailLayout, type EmailBaseProps } from './layout.tsx'
import { palette, textStyle } from './styles.ts'

/** What every event email shows: the title, when, where, and a button back to the event page. */
export interface EmailEvent {
	title: string
	when: string
	place: string | null
	onlineUrl: string | null
	url: string
}

/** The props every event email has; some add their own. */
export interface EventEmailProps extends EmailBaseProps {
	/** The recipient's name as they gave it. */
	name: string
	event: EmailEvent
}

/** The messages about one event, each with its own texts under email.<kind> in the events catalogue. */
export type EventEmailKind =
	| 'confirmed'
	| 'waitlisted'
	| 'promoted'
	| 'rsvpCancelled'
	| 'reminder'
	| 'changed'
	| 'cancelled'
	| 'restored'
	| 'helper'
	| 'message'

/** "Du är anmäld: Klimatfika": the subject of every event email but the organiser's own message. */
export function eventSubject(kind: Exclude<EventEmailKind, 'message'>) {
	return ({ language, event }: EventEmailProps) =>
		emailT(language, 'events')(`email.${kind}.subject`, { title: event.title })
}

/**
 * The shape every event email shares: a greeting, the intro, what the message adds (children),
 * the event's summary with its button, and a line about the calendar entry when one is attached.
 */
export function EventEmail({
	kind,
	intro,
	calendarAttached = false,
	language,
	pactName,
	brandColor,
	name,
	event,
	children,
}: EventEmailProps & { kind: EventEmailKind; intro: string; calendarAttached?: boolean; children?: ReactNode }) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t(`email.${kind}.preview`, { title: event.title })}
			footer={t('email.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{intro}</Text>
			{children}
			<EventSummary language={language} event={event} />
			{calendarAttached ? <Text style={textStyle}>{t('email.calendarAttached')}</Text> : null}
		</EmailLayout>
	)
}

function EventSummary({ language, event }: { language: SupportedLanguage; event: EmailEvent }) {
	const t = emailT(language, 'events')
	const row = { ...textStyle, margin: '0 0 4px' }
	return (
		<>
			<Section style={{ backgroundColor: palette.tint, borderRadius: '6px', padding: '12px 16px', margin: '16px 0' }}>
				<Text style={{ ...textStyle, fontWeight: 700, fontSize: '18px', margin: '0 0 8px' }}>{event.title}</Text>
				<Text style={row}>
					<strong>{t('email.when')}:</strong> {event.when}
				</Text>
				{event.place ? (
					<Text style={row}>
						<strong>{t('email.place')}:</strong> {event.place}
					</Text>
				) : null}
				{event.onlineUrl ? (
					<Text style={row}>
						<strong>{t('email.online')}:</strong> {event.onlineUrl}
					</Text>
				) : null}
			</Section>
			<EmailButton href={event.url} margin="8px 0 16px">
				{t('email.button')}
			</EmailButton>
		</>
	)
}

/** What react-email's preview shows for every event email. */
export const previewEventProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: {
		title: 'Klimatfika på stadsbiblioteket',
		when: 'söndag 28 mars 2027 18:00–20:00',
		place: 'Stadsbiblioteket, Bollbrogatan 1, Helsingborg',
		onlineUrl: null,
		url: 'http://localhost:3000/events/klimatfika-2027-03-28',
	},
} satisfies EventEmailProps
