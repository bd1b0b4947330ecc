import { render } from '@react-email/render'
import { createElement } from 'react'
import { describe, expect, test } from 'vitest'
import { config } from '#app/config.server.ts'
import { composeEmail } from '#app/mail/send-email.server.ts'
import { EmailLayout } from '#emails/components/layout.tsx'
import DigestEmail from '#emails/digest.tsx'
import EventConfirmedEmail from '#emails/event-confirmed.tsx'
import LevelUpEmail from '#emails/level-up.tsx'

describe('the shared email layout', () => {
	test('a message without a footer of its own says who sent it, in its language', async () => {
		const text = (language: 'sv' | 'en') =>
			render(
				createElement(EmailLayout, { language, preview: 'Hej', pactName: 'Lunds klimatlöfte', children: 'Innehåll' }),
				{ plainText: true },
			)
		expect(await text('sv')).toContain('Det här mejlet kommer från Lunds klimatlöfte.')
		expect(await text('en')).toContain('This email comes from Lunds klimatlöfte.')
	})

	test("a message's own footer replaces it", async () => {
		const text = await render(
			createElement(EmailLayout, {
				language: 'sv',
				preview: 'Hej',
				pactName: 'P',
				footer: 'Egen fot',
				children: 'Innehåll',
			}),
			{ plainText: true },
		)
		expect(text).toContain('Egen fot')
		expect(text).not.toContain('Det här mejlet kommer från')
	})

	test('the pact’s colour reaches the name on top, the buttons and the links', async () => {
		const brandColor = '#7a1f5c'
		const levelUp = await render(createElement(LevelUpEmail, { ...LevelUpEmail.PreviewProps, brandColor }))
		expect(levelUp).toContain(`color:${brandColor};font-weight:700`)
		expect(levelUp).toMatch(new RegExp(`<a[^>]*background-color:${brandColor}`))
		expect(levelUp).toMatch(new RegExp(`<a[^>]*style="color:${brandColor}[^"]*text-decoration:underline`))
		const digest = await render(createElement(DigestEmail, { ...DigestEmail.PreviewProps, brandColor }))
		expect(digest.match(new RegExp(`<a[^>]*style="color:${brandColor}`, 'g'))!.length).toBeGreaterThanOrEqual(4)
		expect(digest).not.toContain('#1f6f43')
		// Without one (react-email's preview), the default colour.
		expect(await render(createElement(LevelUpEmail, LevelUpEmail.PreviewProps))).toContain('background-color:#1f6f43')
	})
})

describe('composeEmail', () => {
	test('the template gives the subject; the settings give the pact’s name and colour', () => {
		const { PreviewProps } = EventConfirmedEmail
		const email = composeEmail(
			EventConfirmedEmail,
			{ language: 'en', name: 'Alva', event: PreviewProps.event },
			{ to: 'alva@example.se', idempotencyKey: 'k' },
		)
		expect(email.to).toBe('alva@example.se')
		expect(email.idempotencyKey).toBe('k')
		expect(email.subject).toBe(`You're going: ${PreviewProps.event.title}`)
		expect(email.body.props).toMatchObject({
			language: 'en',
			name: 'Alva',
			pactName: config.pact.name,
			brandColor: config.pact.brandColor,
		})
	})
})
