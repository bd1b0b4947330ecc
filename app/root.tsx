import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration } from 'react-router'
import type { Route } from './+types/root'
import { sessionCookieHeaderIfRenewed, getUser, userPermissions } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import { mailboxIsOpen } from '#app/mail/mailbox.server.ts'
import { SiteFooter, SiteHeader } from '#app/ui/layout.tsx'
import { useRootData } from '#app/ui/use-root-data.ts'
import { openGraphLocale } from '#app/common/social.ts'
import { getDb } from '#db/index.ts'
import './ui/app.css'

// The icons live in public/. Browsers that understand SVG icons pick the SVG; the ICO is for the
// rest (its sizes keeps Chrome from preferring it over the SVG) and answers the /favicon.ico
// they request on their own. iOS rounds home-screen icons itself, so the touch icon is square.
export const links: Route.LinksFunction = () => [
	{ rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
	{ rel: 'apple-touch-icon', href: '/apple-touch-icon.png' },
	{ rel: 'manifest', href: '/manifest.webmanifest' },
]

export async function loader({ request }: Route.LoaderArgs) {
	const [language, user, renewedCookie] = await Promise.all([
		getLanguage(request),
		getUser(request),
		sessionCookieHeaderIfRenewed(request),
	])
	const permissions = user ? await userPermissions(getDb(), user.id) : []
	return data(
		{
			language,
			/** The languages the pact offers, for the switcher. */
			languages: config.pact.languages,
			user: user ? { name: user.name, email: user.email } : null,
			permissions,
			pact: { name: config.pact.name, city: config.pact.city, brandColor: config.pact.brandColor },
			timeZone: config.timeZone,
			mailboxOpen: mailboxIsOpen(),
		},
		renewedCookie ? { headers: { 'Set-Cookie': renewedCookie } } : undefined,
	)
}

export function Layout({ children }: { children: React.ReactNode }) {
	const root = useRootData()
	const { i18n } = useTranslation()
	const language = root?.language ?? i18n.language
	return (
		<html lang={language}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="color-scheme" content="light" />
				{root ? <style>{`:root{--brand:${root.pact.brandColor}}`}</style> : null}
				{root ? <meta property="og:site_name" content={root.pact.name} /> : null}
				<meta property="og:locale" content={openGraphLocale(language)} />
				<Meta />
				{/* Styles need no nonce (style-src allows inline, server/security.mjs), and the browser hides a
				nonce from the client's render: an empty one keeps the server's and the client's markup alike. */}
				<Links nonce="" />
			</head>
			<body>
				{children}
				<ScrollRestoration />
				<Scripts />
			</body>
		</html>
	)
}

export default function App() {
	return (
		<>
			<SiteHeader />
			<main id="main" tabIndex={-1}>
				<Outlet />
			</main>
			<SiteFooter />
		</>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	const { t } = useTranslation()
	let title = t('errors.genericTitle')
	let message = t('errors.generic')
	if (isRouteErrorResponse(error)) {
		if (error.status === 404) {
			title = t('errors.notFoundTitle')
			message = t('errors.notFound')
		} else if (error.status === 403) {
			title = t('errors.forbiddenTitle')
			message = t('errors.forbidden')
		} else if (error.status === 429) {
			message = t('errors.tooManyRequests')
		}
	} else if (import.meta.env.DEV && error instanceof Error) {
		message = error.message
	}
	return (
		<main id="main" className="page narrow">
			<title>{title}</title>
			<h1>{title}</h1>
			<p>{message}</p>
			<p>
				<a href="/">{t('errors.backHome')}</a>
			</p>
		</main>
	)
}
