import type { TFunction } from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { formatNumber } from '#app/common/format.ts'
import type { PactSettings } from '#app/config.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import type { PactCounts } from '#app/pledge/counts.server.ts'

/**
 * /embed/counter: the signature count and a link to sign, for the municipality to show in an
 * iframe on its own site. A complete page of its own, rendered to static HTML: no site header, no
 * script, no other request, a few kilobytes. Its styles are inline because the page allows no
 * other source (see embedHeaders).
 */

const styles = `
*{box-sizing:border-box}
html,body{margin:0;background:transparent}
body{font:16px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2a21}
main{padding:14px 16px;border:1px solid #cfd9cc;border-radius:8px;background:#fff;max-width:420px}
h1{font-size:14px;margin:0 0 6px;color:var(--brand-dark);text-transform:uppercase;letter-spacing:.06em}
.count{margin:0}
.number{display:block;font-size:40px;font-weight:800;line-height:1.1;color:var(--brand-dark)}
.others{margin:4px 0 0;color:#4e5d52}
a{display:inline-block;margin-top:12px;padding:10px 16px;border-radius:8px;background:var(--brand);color:#fff;font-weight:700;text-decoration:none}
a:hover{background:var(--brand-dark)}
a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
`

function EmbeddedCounter({
	counts,
	pact,
	signUrl,
	language,
	t,
}: {
	counts: PactCounts
	pact: PactSettings
	signUrl: string
	language: SupportedLanguage
	t: TFunction<'numbers'>
}) {
	const n = (value: number) => formatNumber(value, language)
	return (
		<html lang={language}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="robots" content="noindex" />
				<title>{t('embed.title', { pact: pact.name })}</title>
				<style>{`:root{--brand:${pact.brandColor};--brand-dark:color-mix(in srgb,${pact.brandColor} 75%,black)}${styles}`}</style>
			</head>
			<body>
				<main>
					<h1>{pact.name}</h1>
					{counts.residents + counts.others === 0 ? (
						<p className="count">{t('embed.first', { pact: pact.name })}</p>
					) : (
						<>
							<p className="count">
								<span className="number">{n(counts.residents)}</span>{' '}
								{t('key.residents', { count: counts.residents, city: pact.city })}
							</p>
							{counts.others > 0 ? (
								<p className="others">{t('embed.others', { count: counts.others, number: n(counts.others) })}</p>
							) : null}
						</>
					)}
					<a href={signUrl} target="_blank" rel="noopener">
						{t('embed.sign')}
					</a>
				</main>
			</body>
		</html>
	)
}

/**
 * Framing is what this page is for, from any site: frame-ancestors says so explicitly (the app
 * sends no X-Frame-Options anywhere). Everything else is shut: no scripts, no fetches, no forms.
 */
const embedHeaders = {
	'Content-Type': 'text/html; charset=utf-8',
	'Content-Security-Policy':
		"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *",
	'Cache-Control': 'public, max-age=60',
	'X-Content-Type-Options': 'nosniff',
	// The page's language comes from ?lang=, else the visitor's browser or chosen language.
	Vary: 'Accept-Language, Cookie',
}

export function embeddedCounterResponse(props: Parameters<typeof EmbeddedCounter>[0], method: string): Response {
	const html = `<!doctype html>${renderToStaticMarkup(<EmbeddedCounter {...props} />)}`
	return new Response(method === 'HEAD' ? null : html, { headers: embedHeaders })
}
