import { render } from '@react-email/render'
import { createElement } from 'react'
import { describe, expect, test } from 'vitest'
import { EmailLayout } from '#emails/components/layout.tsx'

describe('the shared email layout', () => {
	test('a message without a footer of its own says who sent it, in its language', async () => {
		const text = (language: 'sv' | 'en') =>
			render(createElement(EmailLayout, { language, preview: 'Hej', pactName: 'Lunds klimatlöfte', children: 'Innehåll' }), { plainText: true })
		expect(await text('sv')).toContain('Det här mejlet kommer från Lunds klimatlöfte.')
		expect(await text('en')).toContain('This email comes from Lunds klimatlöfte.')
	})

	test("a message's own footer replaces it", async () => {
		const text = await render(createElement(EmailLayout, { language: 'sv', preview: 'Hej', pactName: 'P', footer: 'Egen fot', children: 'Innehåll' }), { plainText: true })
		expect(text).toContain('Egen fot')
		expect(text).not.toContain('Det här mejlet kommer från')
	})
})
