import sharp from 'sharp'
import { saveImage } from '#app/images/images.server.ts'
import type { DB } from './index.ts'

/**
 * Demo content for issue 10: the demo events in English too, and pictures for a few of them.
 * The pictures are drawn here, at seed time, as simple shapes in the pact's colours (no text,
 * nothing fetched), and stored through saveImage like any upload. One event type is left in
 * Swedish only, to show the English site falling back to the Swedish text.
 */

const english: Record<string, { title: string; description: string }> = {
	'Klädbyte på Dunkers kulturhus': {
		title: 'Clothing swap at Dunkers kulturhus',
		description:
			'Bring up to ten whole, clean garments and swap them for new favourites. What is left over goes to charity.\n\n- Hand in clothes 10–11\n- The swap opens at 11',
	},
	'Klimatfika på stadsbiblioteket': {
		title: 'Climate fika at the city library',
		description:
			'An hour of coffee, a bun and talk about small and big climate steps. New and long-standing members are equally welcome.',
	},
	'Klimat-afterwork vid Norra hamnen': {
		title: 'Climate after-work at Norra hamnen',
		description: 'Meet after work to talk climate and get to know each other. Alcohol-free drinks, of course.',
	},
	'Politikerutfrågning: hur når Helsingborg klimatmålet 2030?': {
		title: 'Politician Q&A: how will Helsingborg reach its 2030 climate goal?',
		description:
			'Representatives of the parties on the city council answer questions from the pact’s members. Questions are collected beforehand.',
	},
	'Kurs: klimatsmart ekonomi i vardagen': {
		title: 'Course: climate-smart everyday finances',
		description:
			'How do your pension and savings affect the climate? An evening on sustainable funds, banks and spending.',
	},
	'Cykelutflykt till Fredriksdals odlingar': {
		title: 'Bike trip to the Fredriksdal gardens',
		description:
			'We cycle together at an easy pace and get a guided tour of the urban garden. Bring your own packed lunch.',
	},
	'Matlagningskurs: vegetariskt från säsongens råvaror': {
		title: 'Cooking class: vegetarian food from the season’s produce',
		description: 'We cook three dishes from local vegetables and eat together. 100 SEK for the ingredients.',
	},
	'Klimatavtalet på Gustav Adolfs torg': {
		title: 'The climate pact at Gustav Adolfs torg',
		description:
			'We are at the Saturday market telling people about the climate pact. Come and say hello, or help us run the stall.',
	},
	'Digital kurs: räkna på ditt klimatavtryck': {
		title: 'Online course: work out your carbon footprint',
		description: 'An evening online going through carbon calculators and what the numbers mean.',
	},
	'Kick-off: temat transport': {
		title: 'Kick-off: the transport theme',
		description:
			'We open the half-year’s theme with short talks, mingling and ideas for travelling climate-smart in Helsingborg.',
	},
	'Kick-off: temat mat': {
		title: 'Kick-off: the food theme',
		description: 'The half-year’s theme is food: from growing it to food waste. Tastings from local growers.',
	},
}

interface DemoPicture {
	title: string
	alt: string
	svg: string
}

/** The size every demo drawing is made at: wide enough for every stored width and the link preview. */
export const W = 1200
export const H = 800

/** A demo drawing: SVG shapes on a plain background (db/seed-themes.ts draws the themes' with it too). */
export function svg(background: string, shapes: string): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="${background}"/>${shapes}</svg>`
}

/**
 * Renders a drawing to PNG with sharp and stores it through saveImage, like any upload; returns
 * the new image's id. `what` names the drawing in the error if it is refused.
 */
export async function saveDrawing(db: DB, drawing: string, alt: string, what: string): Promise<number> {
	const png = await sharp(Buffer.from(drawing)).png().toBuffer()
	const saved = await saveImage(db, new File([new Uint8Array(png)], 'demo.png'), alt)
	if (!saved.ok) throw new Error(`The demo picture for "${what}" was refused: ${saved.error}`)
	return saved.imageId
}

const garments = ['#c0392b', '#f4d03f', '#1f6f43', '#2e86c1', '#af7ac5', '#e67e22']
const pictures: DemoPicture[] = [
	{
		title: 'Klädbyte på Dunkers kulturhus',
		alt: 'Illustration: sex plagg i olika färger hänger på en klädstång',
		svg: svg(
			'#f6efe4',
			`<rect x="120" y="150" width="960" height="16" rx="8" fill="#5d4037"/>` +
				garments
					.map((colour, i) => {
						const x = 150 + i * 155
						return `<rect x="${x + 50}" y="158" width="10" height="60" fill="#5d4037"/><path d="M${x} 230 h110 l30 60 -30 10 v330 h-110 v-330 l-30 -10 z" fill="${colour}"/>`
					})
					.join(''),
		),
	},
	{
		title: 'Klimatfika på stadsbiblioteket',
		alt: 'Illustration: kaffekoppar och kanelbullar på ett träbord',
		svg: svg(
			'#dfe9e1',
			`<rect x="0" y="520" width="${W}" height="280" fill="#a1775b"/>` +
				[220, 600, 980]
					.map(
						(x, i) =>
							`<ellipse cx="${x}" cy="600" rx="120" ry="30" fill="#fdfdfd"/><rect x="${x - 70}" y="440" width="140" height="150" rx="24" fill="${garments[i + 2]}"/><circle cx="${x + 95}" cy="500" r="38" fill="none" stroke="${garments[i + 2]}" stroke-width="18"/>`,
					)
					.join('') +
				[410, 790]
					.map(
						(x) =>
							`<circle cx="${x}" cy="640" r="70" fill="#d68910"/><circle cx="${x}" cy="640" r="38" fill="#b9770e"/><circle cx="${x}" cy="640" r="12" fill="#f5cba7"/>`,
					)
					.join(''),
		),
	},
	{
		title: 'Cykelutflykt till Fredriksdals odlingar',
		alt: 'Illustration: en cykel på en väg genom gröna kullar under en gul sol',
		svg: svg(
			'#aed6f1',
			`<circle cx="960" cy="180" r="90" fill="#f4d03f"/>` +
				`<ellipse cx="300" cy="820" rx="620" ry="330" fill="#52be80"/><ellipse cx="950" cy="860" rx="600" ry="320" fill="#1f6f43"/>` +
				`<path d="M0 760 C 400 640, 800 700, ${W} 620 L ${W} 700 C 800 780, 400 720, 0 ${H} Z" fill="#d5d8dc"/>` +
				`<g fill="none" stroke="#17202a" stroke-width="14"><circle cx="500" cy="600" r="70"/><circle cx="720" cy="600" r="70"/><path d="M500 600 L580 480 L690 480 L720 600 M580 480 L620 600 L690 480"/></g>`,
		),
	},
	{
		title: 'Matlagningskurs: vegetariskt från säsongens råvaror',
		alt: 'Illustration: en skärbräda med tomater, morötter och gröna blad',
		svg: svg(
			'#fbeee6',
			`<rect x="180" y="180" width="840" height="460" rx="60" fill="#c49a6c"/>` +
				`<circle cx="380" cy="330" r="85" fill="#e74c3c"/><circle cx="520" cy="470" r="70" fill="#cb4335"/>` +
				`<path d="M650 300 l260 70 -20 40 z" fill="#e67e22"/><path d="M640 420 l250 90 -25 38 z" fill="#eb984e"/>` +
				`<ellipse cx="330" cy="520" rx="90" ry="40" fill="#28b463" transform="rotate(-25 330 520)"/><ellipse cx="800" cy="560" rx="80" ry="34" fill="#1e8449" transform="rotate(20 800 560)"/>`,
		),
	},
	{
		title: 'Kick-off: temat transport',
		alt: 'Illustration: ett grönt tåg och en buss på väg mot en stad i skymningen',
		svg: svg(
			'#283747',
			`<circle cx="200" cy="160" r="60" fill="#f9e79f"/>` +
				[760, 840, 920, 1000, 1080]
					.map((x, i) => `<rect x="${x}" y="${320 - i * 25}" width="70" height="${380 + i * 25}" fill="#566573"/>`)
					.join('') +
				`<rect x="0" y="640" width="${W}" height="12" fill="#aab7b8"/><rect x="0" y="700" width="${W}" height="100" fill="#1c2833"/>` +
				`<rect x="80" y="500" width="520" height="140" rx="40" fill="#1f6f43"/>` +
				[130, 230, 330, 430]
					.map((x) => `<rect x="${x}" y="530" width="70" height="50" rx="8" fill="#d6eaf8"/>`)
					.join('') +
				`<rect x="660" y="560" width="300" height="120" rx="20" fill="#f4d03f"/><circle cx="720" cy="690" r="26" fill="#17202a"/><circle cx="900" cy="690" r="26" fill="#17202a"/>`,
		),
	},
]

export async function seedImages(db: DB): Promise<void> {
	const any = await db.selectFrom('image').select('id').limit(1).executeTakeFirst()
	if (any) return
	for (const [title, text] of Object.entries(english)) {
		await db
			.updateTable('event')
			.set({ title_en: text.title, description_en: text.description })
			.where('title', '=', title)
			.execute()
	}
	for (const picture of pictures) {
		const imageId = await saveDrawing(db, picture.svg, picture.alt, picture.title)
		await db.updateTable('event').set({ image_id: imageId }).where('title', '=', picture.title).execute()
	}
}
