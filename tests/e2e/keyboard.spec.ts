import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { linkIn, newCoordinator, newestMail, organiserEmail, uniqueEmail } from './helpers.ts'
import { activate, expectNextFocus, expectReflow, signInByKeyboard, tabTo, typeInto } from './keyboard.ts'

/**
 * Keyboard, focus, zoom and motion (issue 12): each role's main flow done with Tab, Enter, Space
 * and the arrow keys alone, never the mouse; a visible focus indicator on every control; the skip
 * link; errors that are announced and take focus; pages that reflow at 200 % zoom and at 320 px;
 * no motion for those who ask for none.
 */

/** The pages anyone can read, checked for reflow. */
const publicPages = ['/', '/sign', '/events', '/themes', '/proposals', '/partners', '/stories', '/numbers', '/login']

test('the first Tab reaches a skip link that shows itself and moves focus to the main content', async ({ page }) => {
	await page.goto('/events')
	const skip = page.getByRole('link', { name: 'Hoppa till innehållet' })
	await expect(skip).not.toBeInViewport()
	await page.keyboard.press('Tab')
	await expect(skip).toBeFocused()
	await expect(skip).toBeInViewport()
	await page.keyboard.press('Enter')
	await expect(page.getByRole('main')).toBeFocused()
	// The next Tab goes on from the content, not from the top of the header.
	await page.keyboard.press('Tab')
	const insideMain = await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))
	expect(insideMain, 'the Tab after the skip link lands inside the main content').toBe(true)
})

/** Tabs through the first `count` controls and returns those whose focus cannot be seen. */
async function controlsWithoutVisibleFocus(page: Page, count = 25): Promise<string[]> {
	const unseen: string[] = []
	for (let press = 0; press < count; press++) {
		await page.keyboard.press('Tab')
		const focus = await page.evaluate(() => {
			const element = document.activeElement
			if (!element || element === document.body) return null
			const style = getComputedStyle(element)
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
			const shadow = style.boxShadow !== 'none'
			const label = `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('name') || '').trim().slice(0, 30)}"`
			return { visible: outline || shadow, label }
		})
		if (focus && !focus.visible) unseen.push(focus.label)
	}
	return unseen
}

test('every control on the main pages shows where the focus is', async ({ page }) => {
	for (const path of ['/', '/sign', '/events', '/partners', '/login']) {
		await page.goto(path)
		expect(await controlsWithoutVisibleFocus(page), `controls on ${path} without a visible focus`).toEqual([])
	}
	// The check can fail: with the app's focus style taken away, the same controls are reported.
	await page.goto('/login')
	await page.addStyleTag({ content: ':focus-visible { outline: none !important; box-shadow: none !important }' })
	expect(await controlsWithoutVisibleFocus(page, 5), 'controls once the focus style is removed').toHaveLength(5)
	// The phone's menu button and the links it opens.
	await page.setViewportSize({ width: 360, height: 740 })
	await page.goto('/')
	await tabTo(page, page.getByText('Meny', { exact: true }))
	await page.keyboard.press('Enter')
	expect(await controlsWithoutVisibleFocus(page, 12), 'the open phone menu').toEqual([])
})

test('an empty sign form sent by keyboard marks and describes each error and focuses the first', async ({ page }) => {
	await page.goto('/sign')
	await activate(page, page.getByRole('button', { name: 'Skriv under', exact: true }), { max: 80 })
	const name = page.getByLabel('Namn', { exact: true })
	await expect(name).toBeFocused()
	for (const field of [name, page.getByLabel('E-postadress')]) {
		await expect(field).toHaveAttribute('aria-invalid', 'true')
		const message = await field.evaluate((element) =>
			(element.getAttribute('aria-describedby') ?? '')
				.split(' ')
				.map((id) => document.getElementById(id)?.textContent ?? '')
				.join(' '),
		)
		expect(message).toContain('Fyll i')
	}
})

test('without JavaScript the server marks the errors and describes them', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' })
	const page = await context.newPage()
	try {
		await page.goto('/sign')
		await activate(page, page.getByRole('button', { name: 'Skriv under', exact: true }), { max: 80 })
		await expect(page.getByRole('alert').first()).toBeVisible()
		const name = page.getByLabel('Namn', { exact: true })
		await expect(name).toHaveAttribute('aria-invalid', 'true')
		const describedBy = (await name.getAttribute('aria-describedby')) ?? ''
		const messages = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()))
		expect(messages.join(' ')).toContain('Fyll i')
	} finally {
		await context.close()
	}
})

test('a visitor signs by keyboard, signs in with the emailed code on another device, and RSVPs and cancels', async ({
	page,
	newPerson,
}) => {
	const email = uniqueEmail('tangentbord')
	await page.goto('/sign')
	const name = page.getByLabel('Namn', { exact: true })
	await typeInto(page, name, 'Tove Tangent')
	await expectNextFocus(page, page.getByLabel('E-postadress'))
	await page.keyboard.type(email)
	// Into the residency group: the arrow keys choose, as in any radio group.
	await expectNextFocus(page, page.getByRole('radio', { name: 'Ja' }))
	await page.keyboard.press('Space')
	await expect(page.getByRole('radio', { name: 'Ja' })).toBeChecked()
	await page.keyboard.press('ArrowRight')
	await expect(page.getByRole('radio', { name: 'Nej' })).toBeChecked()
	await page.keyboard.press('ArrowLeft')
	await expect(page.getByRole('radio', { name: 'Ja' })).toBeChecked()
	await expectNextFocus(page, page.getByLabel('Stadsdel eller ort'))
	await page.keyboard.type('Tågaborg')
	const commitment = page.getByRole('group', { name: 'Välj bland åtagandena' }).getByRole('checkbox').first()
	await tabTo(page, commitment)
	await page.keyboard.press('Space')
	await expect(commitment).toBeChecked()
	const consent = page.getByLabel('Jag samtycker till att mina uppgifter sparas enligt texten ovan.')
	await tabTo(page, consent)
	await page.keyboard.press('Space')
	await expect(consent).toBeChecked()
	await activate(page, page.getByRole('button', { name: 'Skriv under', exact: true }))
	await expect(page.getByRole('heading', { level: 1, name: 'Titta i din e-post' })).toBeVisible()
	await page.goto(linkIn(await newestMail(email), '/verify?token='))
	await activate(page, page.getByRole('button', { name: 'Bekräfta min underskrift' }))
	await expect(page).toHaveURL(/\/my-pledge/)

	// On a second device: sign in with the code, then RSVP to an event and cancel.
	const phone = await newPerson()
	await phone.goto('/events')
	await activate(phone, phone.getByRole('link', { name: 'Logga in' }))
	await signInByKeyboard(phone, email)
	await expect(phone).toHaveURL(/\/events$/)
	await activate(phone, phone.getByRole('link', { name: 'Klimatfika på stadsbiblioteket' }).first())
	await expect(phone.getByRole('heading', { level: 1, name: 'Klimatfika på stadsbiblioteket' })).toBeVisible()
	await activate(phone, phone.getByRole('button', { name: 'Anmäl mig' }))
	await expect(phone.getByText('Klart! Du är anmäld.')).toBeVisible()
	await activate(phone, phone.getByRole('button', { name: 'Avanmäl mig' }))
	await expect(phone.getByText('Du är avanmäld. Tack för att du gav platsen vidare!')).toBeVisible()

	await expectReflow(phone, [...publicPages, '/my-pledge', '/events/mine', '/ladder', '/preferences'])
})

test('an organiser creates an event by keyboard', async ({ page }) => {
	await page.goto('/login?redirectTo=%2Forganise%2Fevents%2Fnew')
	await signInByKeyboard(page, organiserEmail)
	await expect(page.getByRole('heading', { level: 1, name: 'Nytt evenemang' })).toBeVisible()
	const type = page.getByLabel('Typ av evenemang')
	await tabTo(page, type)
	// A closed select changes with the arrow keys; typing a choice's first letters picks it too.
	await page.keyboard.type('Klimatfika')
	await expect(type).toHaveValue('climate-fika')
	const title = `Tangentbordsfika ${Date.now().toString(36)}`
	await typeInto(page, page.getByLabel('Rubrik', { exact: true }), title)
	// The form proposes a date and times a week ahead; they come next in the order, and are kept. (Typing
	// into a date's parts depends on the browser's own locale, mm/dd/yyyy or yyyy-mm-dd, so it is left out.)
	for (const label of ['Datum', 'Börjar', 'Slutar'])
		await tabTo(page, page.getByLabel(label, { exact: true }), { max: 8 })
	await typeInto(page, page.getByLabel(/^Adress eller plats/), 'Stadsbiblioteket, Bollbrogatan 1')
	await activate(page, page.getByRole('button', { name: 'Publicera', exact: true }))
	await expect(page.getByText('Evenemanget är publicerat.')).toBeVisible()

	await expectReflow(page, ['/organise/events', '/organise/events/new', '/events'])
})

test('a coordinator composes a newsletter draft by keyboard', async ({ page }) => {
	await page.goto('/login?redirectTo=%2Fadmin%2Fnewsletters')
	await signInByKeyboard(page, await newCoordinator('Kai Tangent'))
	await expect(page.getByRole('heading', { level: 1, name: 'Nyhetsbrev' })).toBeVisible()
	const internal = `Tangentbordsbrev ${Date.now().toString(36)}`
	await typeInto(page, page.getByLabel('Internt namn'), internal)
	await page.keyboard.press('Enter')
	await expect(page.getByRole('heading', { level: 1, name: internal })).toBeVisible()
	const swedish = page.getByRole('group', { name: 'Svenska versionen' })
	await typeInto(page, swedish.getByLabel('Ämnesrad'), 'Vårens klimatfika')
	await expectNextFocus(page, swedish.getByLabel('Förhandstext'))
	await page.keyboard.type('Kaffe och samtal')
	await expectNextFocus(page, swedish.getByLabel('Innehåll'))
	await page.keyboard.type('Välkommen på klimatfika i biblioteket.')
	await activate(page, page.getByRole('button', { name: 'Spara utkast' }))
	await expect(page.getByText('Utkastet är sparat.')).toBeVisible()
	const newsletterPath = new URL(page.url()).pathname

	await expectReflow(page, ['/admin/newsletters', newsletterPath, '/admin/commitments', '/admin/ladder'])
})

test('a partner contact corrects a climate report by keyboard', async ({ page }) => {
	const lastYear = new Date().getFullYear() - 1
	// The report is for the partner's people only: the guard sends a visitor to sign in first.
	await page.goto('/partners/bageriet-karnan/reports')
	await signInByKeyboard(page, 'lina.bagare@klimatpakt.example')
	await expect(page.getByRole('heading', { level: 1, name: 'Klimatrapport – Bageriet Kärnan' })).toBeVisible()
	await activate(page, page.getByRole('link', { name: `Ändra ${lastYear}` }))
	await expect(page.getByRole('heading', { name: `Ändra rapporten för ${lastYear}` })).toBeVisible()
	await typeInto(page, page.getByLabel('Scope 1 (ton CO₂e)'), '48,5')
	await activate(page, page.getByRole('button', { name: 'Spara rapporten' }))
	await expect(page.getByText('Ändringen är sparad.')).toBeVisible()
	await expect(page.getByRole('row', { name: new RegExp(`^${lastYear}`) })).toContainText('48,5')

	await expectReflow(page, [
		'/partners/bageriet-karnan',
		'/partners/bageriet-karnan/reports',
		'/partners/bageriet-karnan/manage',
	])
})

/**
 * Motion the stylesheets loaded on the page would still play for someone who asked for reduced
 * motion: rules in force now that animate, transition or scroll smoothly, and elements whose
 * computed style does.
 */
async function motionInForce(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const found: string[] = []
		const moves = (style: CSSStyleDeclaration) =>
			(style.animationName && style.animationName !== 'none') ||
			(style.transitionDuration && style.transitionDuration.split(',').some((d) => parseFloat(d) > 0)) ||
			style.scrollBehavior === 'smooth'
		const visit = (rules: CSSRuleList) => {
			for (const rule of rules) {
				if (rule instanceof CSSMediaRule) {
					if (window.matchMedia(rule.conditionText).matches) visit(rule.cssRules)
				} else if (rule instanceof CSSStyleRule) {
					if (moves(rule.style)) found.push(`rule ${rule.selectorText}`)
					if (rule.cssRules.length) visit(rule.cssRules)
				}
			}
		}
		for (const sheet of document.styleSheets) visit(sheet.cssRules)
		for (const element of document.querySelectorAll('*')) {
			for (const pseudo of [null, '::before', '::after']) {
				if (moves(getComputedStyle(element, pseudo))) found.push(`${element.tagName.toLowerCase()}${pseudo ?? ''}`)
			}
		}
		return found
	})
}

test('nothing moves for a reader who asks for reduced motion', async ({ page }) => {
	// The check sees motion where there is some: the ladder's climber hops for everyone else.
	await page.goto('/login?redirectTo=%2Fladder')
	await signInByKeyboard(page, await newCoordinator('Mo Stilla'))
	// A whole page load, so the ladder's stylesheet is in before the look: after the sign-in's
	// client-side navigation the URL can change before the page's styles have arrived.
	await page.goto('/ladder')
	expect(await motionInForce(page), 'motion on the ladder without a preference').not.toEqual([])

	await page.emulateMedia({ reducedMotion: 'reduce' })
	for (const path of ['/', '/ladder', '/admin/ladder', '/sign', '/events', '/partners', '/numbers', '/stories']) {
		await page.goto(path)
		expect(await motionInForce(page), `motion on ${path} with reduced motion asked for`).toEqual([])
	}
})
