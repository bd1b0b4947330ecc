import { Heading } from '@react-email/heading'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { EmailLayout, EmailLink, ListLinks, type EmailBaseProps } from './components/layout.tsx'
import { headingStyles, textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface DigestEvent {
	title: string
	when: string
	url: string
}

export interface DigestEmailProps extends EmailBaseProps {
	name: string
	/** 'weekly' or 'monthly': the period this digest covers. */
	frequency: 'weekly' | 'monthly'
	myEvents: DigestEvent[]
	eventsSoon: DigestEvent[]
	nextStep: { step: number; title: string; text: string; url: string } | null
	growth: { total: number; newSigners: number }
	/** The pact's current focus theme (app/themes), if there is one. */
	theme?: { title: string; summary: string; url: string } | null
	/** The award of the month (app/stories) when it was decided since the last digest; the month already worded. */
	award?: { month: string; name: string; citation: string; url: string } | null
	unsubscribeUrl: string
	preferencesUrl: string
}

const headingStyle = { ...headingStyles.h3, margin: '24px 0 8px' }
const itemStyle = { ...textStyle, margin: '0 0 8px' }

/** A headed list of events with links; nothing at all when there are none. */
function EventList({ title, events }: { title: string; events: DigestEvent[] }) {
	if (events.length === 0) return null
	return (
		<Section>
			<Heading as="h2" style={headingStyle}>
				{title}
			</Heading>
			{events.map((event) => (
				<Text key={event.url} style={itemStyle}>
					<EmailLink href={event.url}>{event.title}</EmailLink>
					{` – ${event.when}`}
				</Text>
			))}
		</Section>
	)
}

/** The personal digest: only the sections that have something in them. */
export default function DigestEmail({
	language,
	pactName,
	brandColor,
	name,
	frequency,
	myEvents,
	eventsSoon,
	nextStep,
	growth,
	theme,
	award,
	unsubscribeUrl,
	preferencesUrl,
}: DigestEmailProps) {
	const t = emailT(language, 'newsletters')
	const number = new Intl.NumberFormat(language).format
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t(`digest.preview.${frequency}`)}
			footer={t('digest.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t(`digest.intro.${frequency}`)}</Text>
			{theme ? (
				<Section>
					<Heading as="h2" style={headingStyle}>
						{t('digest.theme', { title: theme.title })}
					</Heading>
					<Text style={itemStyle}>{theme.summary}</Text>
					<Text style={itemStyle}>
						<EmailLink href={theme.url}>{t('digest.themeLink')}</EmailLink>
					</Text>
				</Section>
			) : null}
			{award ? (
				<Section>
					<Heading as="h2" style={headingStyle}>
						{emailT(language, 'stories')('email.digestAward', { month: award.month, name: award.name })}
					</Heading>
					<Text style={itemStyle}>{award.citation}</Text>
					<Text style={itemStyle}>
						<EmailLink href={award.url}>{emailT(language, 'stories')('email.digestAwardLink')}</EmailLink>
					</Text>
				</Section>
			) : null}
			<EventList title={t('digest.myEvents')} events={myEvents} />
			<EventList title={t('digest.eventsSoon')} events={eventsSoon} />
			{nextStep ? (
				<Section>
					<Heading as="h2" style={headingStyle}>
						{t('digest.nextStep', { step: nextStep.step, title: nextStep.title })}
					</Heading>
					<Text style={itemStyle}>{nextStep.text}</Text>
					<Text style={itemStyle}>
						<EmailLink href={nextStep.url}>{t('digest.nextStepLink')}</EmailLink>
					</Text>
				</Section>
			) : null}
			<Section>
				<Heading as="h2" style={headingStyle}>
					{t('digest.growth')}
				</Heading>
				<Text style={itemStyle}>
					{t('digest.growthText', {
						total: number(growth.total),
						count: growth.newSigners,
						formatted: number(growth.newSigners),
					})}
				</Text>
			</Section>
			<ListLinks
				unsubscribeUrl={unsubscribeUrl}
				unsubscribeLabel={t('digest.unsubscribe')}
				preferencesUrl={preferencesUrl}
				preferencesLabel={t('email.preferences')}
			/>
		</EmailLayout>
	)
}

DigestEmail.subject = ({ language, frequency }: DigestEmailProps) =>
	emailT(language, 'newsletters')(`digest.preview.${frequency}`)

DigestEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva',
	frequency: 'monthly',
	myEvents: [
		{
			title: 'Klimatfika i Tågaborg',
			when: 'lördag 14 juni 10:00',
			url: 'https://klimatpakt.example/events/klimatfika',
		},
	],
	eventsSoon: [
		{ title: 'Cykelreparationskväll', when: 'tisdag 17 juni 18:00', url: 'https://klimatpakt.example/events/cykel' },
	],
	nextStep: {
		step: 2,
		title: 'Delta på evenemang',
		text: 'Håll utkik efter våra evenemang och kom när du har lust.',
		url: 'https://klimatpakt.example/ladder',
	},
	growth: { total: 5120, newSigners: 84 },
	theme: {
		title: 'Resor och transporter',
		summary: 'Hela våren handlar om hur vi tar oss fram: cykel, tåg, samåkning och färre bilresor.',
		url: 'https://klimatpakt.example/themes/resor-och-transporter',
	},
	unsubscribeUrl: 'https://klimatpakt.example/unsubscribe/example',
	preferencesUrl: 'https://klimatpakt.example/preferences',
} satisfies DigestEmailProps
