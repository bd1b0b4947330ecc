// One static page about as large as Klimatpakt's home page: headings, paragraphs and links in
// the same kind of markup, no loader, no database, no translations.
declare const __FLOOR_PAGE_BYTES__: number

const words = [
	'klimat',
	'avtal',
	'cykla',
	'tåget',
	'solceller',
	'kommunen',
	'grannar',
	'klädbyte',
	'fika',
	'energi',
	'mat',
	'resor',
	'hållbar',
	'vardag',
	'tillsammans',
	'mål',
	'utsläpp',
	'framtid',
]

/** Deterministic, varied text (so it compresses like real text, not like one repeated word). */
function sentence(seed: number, length: number): string {
	const out: string[] = []
	for (let i = 0; i < length; i++) out.push(words[(seed * 31 + i * i * 7 + i) % words.length]!)
	const text = out.join(' ')
	return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

// The document around them is about 3.3 KB (head, scripts, hydration data); each section
// renders to about 500 bytes of HTML.
const sections = Array.from({ length: Math.max(1, Math.round((__FLOOR_PAGE_BYTES__ - 3_300) / 505)) }, (_, i) => ({
	id: i,
	title: sentence(i, 4),
	text: sentence(i + 1, 40),
	links: [sentence(i + 2, 3), sentence(i + 3, 3)],
}))

export function meta() {
	return [{ title: 'Framework floor' }]
}

export default function Home() {
	return (
		<main data-bench-floor="">
			<h1>Klimatpakt framework floor</h1>
			{sections.map((s) => (
				<section key={s.id} className="card">
					<h2>{s.title}</h2>
					<p>{s.text}</p>
					<ul>
						{s.links.map((link, k) => (
							<li key={k}>
								<a href={`/section/${s.id}/${k}`}>{link}</a>
							</li>
						))}
					</ul>
				</section>
			))}
		</main>
	)
}
