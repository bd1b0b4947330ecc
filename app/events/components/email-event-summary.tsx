import { Button } from '@react-email/button'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { buttonStyle, textStyle } from '#emails/components/layout.tsx'

/** What every event email shows: the title, when, where, and a button back to the event page. */
export interface EmailEvent {
	title: string
	when: string
	place: string | null
	onlineUrl: string | null
	url: string
}

export function EmailEventSummary({ event, labels }: { event: EmailEvent; labels: { when: string; place: string; online: string; button: string } }) {
	const row = { ...textStyle, margin: '0 0 4px' }
	return (
		<>
			<Section style={{ backgroundColor: '#eef4ec', borderRadius: '6px', padding: '12px 16px', margin: '16px 0' }}>
				<Text style={{ ...textStyle, fontWeight: 700, fontSize: '18px', margin: '0 0 8px' }}>{event.title}</Text>
				<Text style={row}>
					<strong>{labels.when}:</strong> {event.when}
				</Text>
				{event.place ? (
					<Text style={row}>
						<strong>{labels.place}:</strong> {event.place}
					</Text>
				) : null}
				{event.onlineUrl ? (
					<Text style={row}>
						<strong>{labels.online}:</strong> {event.onlineUrl}
					</Text>
				) : null}
			</Section>
			<Section style={{ margin: '8px 0 16px' }}>
				<Button href={event.url} style={buttonStyle}>
					{labels.button}
				</Button>
			</Section>
		</>
	)
}

export const previewEvent: EmailEvent = {
	title: 'Klimatfika på stadsbiblioteket',
	when: 'söndag 28 mars 2027 18:00–20:00',
	place: 'Stadsbiblioteket, Bollbrogatan 1, Helsingborg',
	onlineUrl: null,
	url: 'http://localhost:3000/events/klimatfika-2027-03-28',
}

/** The summary's labels from the events catalogue of the recipient's language. */
export function summaryLabels(t: (key: string) => string) {
	return { when: t('email.when'), place: t('email.place'), online: t('email.online'), button: t('email.button') }
}
