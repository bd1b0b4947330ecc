import { expect, type Locator, type Page } from '@playwright/test'
import { codeIn, mailCount, newestMail } from './helpers.ts'

/** What the focused element is, in words a failure message can show: tag, role and name. */
function describeFocus(page: Page): Promise<string> {
	return page.evaluate(() => {
		const element = document.activeElement
		if (!element || element === document.body) return '(body)'
		const name =
			element.getAttribute('aria-label') ??
			(element as HTMLInputElement).labels?.[0]?.textContent ??
			element.textContent ??
			''
		return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${name.trim().slice(0, 40)}"`
	})
}

function isFocused(target: Locator): Promise<boolean> {
	return target.evaluate((element) => element === document.activeElement)
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user moves through a page, and
 * fails when it is not reached within `max` presses: a control taken out of the tab order, or hidden
 * behind another, fails here. Returns the elements passed on the way, for a test of the order.
 */
export async function tabTo(
	page: Page,
	target: Locator,
	{ max = 60, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<string[]> {
	const passed: string[] = []
	for (let press = 0; press <= max; press++) {
		if (await isFocused(target)) return passed
		passed.push(await describeFocus(page))
		await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
	}
	throw new Error(`${String(target)} not reached with ${max} presses of Tab; passed ${passed.join(' → ')}`)
}

/** One press of Tab lands on `target`: the next control in the order is the one a reader expects. */
export async function expectNextFocus(page: Page, target: Locator) {
	await page.keyboard.press('Tab')
	await expect(target).toBeFocused()
}

/** Tabs to a text field and types into it; the field is emptied first (Ctrl+A, Delete), as a person would. */
export async function typeInto(page: Page, field: Locator, text: string, options?: { max?: number }) {
	await tabTo(page, field, options)
	await page.keyboard.press('ControlOrMeta+A')
	await page.keyboard.press('Delete')
	await page.keyboard.type(text)
	await expect(field).toHaveValue(text)
}

/** Tabs to a button or link and presses Enter. */
export async function activate(page: Page, target: Locator, options?: { max?: number }) {
	await tabTo(page, target, options)
	await page.keyboard.press('Enter')
}

/**
 * Signs in with the emailed code by keyboard alone, starting on the login page: the address, Enter,
 * then the code, Enter. Ends once the app has left the sign-in pages.
 */
export async function signInByKeyboard(page: Page, email: string) {
	await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible()
	const before = await mailCount(email)
	await typeInto(page, page.getByLabel('E-postadress'), email)
	await page.keyboard.press('Enter')
	await expect(page.getByRole('heading', { level: 1, name: 'Titta i din e-post' })).toBeVisible()
	const code = codeIn(await newestMail(email, { after: before }))
	await typeInto(page, page.getByLabel('Kod från mejlet'), code)
	await page.keyboard.press('Enter')
	await expect(page).not.toHaveURL(/\/(login|verify)([?#]|$)/)
}

/**
 * WCAG 1.4.10: at 200 % zoom of a 1280 px window (640 CSS px) and at 320 CSS px, each page reads
 * without scrolling sideways. A table may scroll inside its own container; the page may not.
 * Restores the viewport it found.
 */
export async function expectReflow(page: Page, paths: string[]) {
	const viewport = page.viewportSize()
	try {
		for (const width of [640, 320]) {
			await page.setViewportSize({ width, height: 800 })
			for (const path of paths) {
				await page.goto(path)
				const overflow = await page.evaluate(() => ({
					scrollWidth: document.documentElement.scrollWidth,
					innerWidth: window.innerWidth,
					// The elements reaching furthest past the right edge, to say what to fix.
					culprits: [...document.querySelectorAll('body *')]
						.filter((element) => element.checkVisibility())
						.map((element) => ({ element, right: Math.round(element.getBoundingClientRect().right) }))
						.filter(({ right }) => right > window.innerWidth)
						.sort((a, b) => b.right - a.right)
						.slice(0, 5)
						.map(
							({ element, right }) =>
								`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${right} px)`,
						),
				}))
				if (overflow.scrollWidth > overflow.innerWidth && process.env.REFLOW_SHOTS)
					await page.screenshot({
						path: `${process.env.REFLOW_SHOTS}/${width}${path.replaceAll('/', '_')}.png`,
						fullPage: true,
					})
				expect(
					overflow.scrollWidth,
					`${path} at ${width} px scrolls sideways; sticking out: ${overflow.culprits.join(', ')}`,
				).toBeLessThanOrEqual(overflow.innerWidth)
			}
		}
	} finally {
		if (viewport) await page.setViewportSize(viewport)
	}
}
