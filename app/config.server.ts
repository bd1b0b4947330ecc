import { isSupportedLanguage, supportedLanguages } from '#app/i18n/i18n.ts'
import type { Language } from '#db/schema.ts'

/**
 * Every setting of a deployment, read from the environment once. All are optional for local
 * use; the README's settings table lists them. One deployment serves one pact.
 */
function env(name: string): string | undefined {
	const value = process.env[name]?.trim()
	return value ? value : undefined
}

function year(name: string, fallback: number): number {
	const value = Number(env(name))
	return Number.isInteger(value) && value > 1990 && value < 2200 ? value : fallback
}

/** A positive number, else the fallback. */
function positive(name: string, fallback: number): number {
	const value = Number(env(name))
	return Number.isFinite(value) && value > 0 ? value : fallback
}

/**
 * The languages a pact offers (LANGUAGES, a comma list; all unless set) and the one a visitor
 * gets when their browser asks for none of them (DEFAULT_LANGUAGE, else Swedish if offered, else
 * the first offered). A default that is set is always offered, so a Danish pact can say just
 * DEFAULT_LANGUAGE=da and still offer the others.
 */
export function languageSettings(
	languagesSetting: string | undefined,
	defaultSetting: string | undefined,
): { languages: Language[]; defaultLanguage: Language } {
	const listed = (languagesSetting ?? '')
		.split(',')
		.map((code) => code.trim().toLowerCase())
		.filter(isSupportedLanguage)
	const offered: Language[] = listed.length > 0 ? [...new Set(listed)] : [...supportedLanguages]
	const chosen = defaultSetting?.toLowerCase()
	if (isSupportedLanguage(chosen)) {
		return { languages: offered.includes(chosen) ? offered : [chosen, ...offered], defaultLanguage: chosen }
	}
	return { languages: offered, defaultLanguage: offered.includes('sv') ? 'sv' : offered[0]! }
}

const languages = languageSettings(env('LANGUAGES'), env('DEFAULT_LANGUAGE'))

const appUrl = (env('APP_URL') ?? `http://localhost:${env('PORT') ?? '3000'}`).replace(/\/$/, '')

/** Whether the app's address is this machine (a laptop, a test run), not a place others reach. */
export function isLocalUrl(url: string): boolean {
	try {
		const host = new URL(url).hostname
		return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
	} catch {
		return false
	}
}

const appUrlIsLocal = isLocalUrl(appUrl)
const localSecret = 'klimatpakt-local-secret-change-me'
// The secret signs the links in emails (unsubscribe, preferences): a deployment others can reach
// must not run with the value everyone can read in this repository.
if (!appUrlIsLocal && (env('SESSION_SECRET') ?? '').length < 32) {
	throw new Error(
		`SESSION_SECRET must be set to a random value of at least 32 characters when APP_URL (${appUrl}) is not a local address.`,
	)
}

export const config = {
	port: Number(env('PORT') ?? 3000),
	appUrl,
	/**
	 * "Production" means a public deployment: one served over https. A local `npm start` runs the
	 * production build on http://localhost and keeps the local mailbox reachable (see
	 * docs/decisions/0004-what-production-means.md).
	 */
	isProduction: process.env.NODE_ENV === 'production' && appUrl.startsWith('https://'),
	/** The app runs on this machine only (APP_URL is localhost): demo content and the local mailbox are fine. */
	appUrlIsLocal,
	/** Demo content is loaded into an empty database locally, or anywhere with SEED_DEMO=true. */
	seedDemo: appUrlIsLocal || env('SEED_DEMO') === 'true',
	sessionSecret: env('SESSION_SECRET') ?? localSecret,
	resendApiKey: env('RESEND_API_KEY'),
	resendWebhookSecret: env('RESEND_WEBHOOK_SECRET'),
	mailFrom: env('MAIL_FROM') ?? 'Klimatpakt <hej@klimatpakt.localhost>',
	mailDir: env('MAIL_DIR') ?? 'data/mail',
	/** Uploaded images and their resized copies (app/images), beside the mailbox in the data folder. */
	uploadDir: env('UPLOAD_DIR') ?? 'data/uploads',
	/** The largest image upload, in bytes (IMAGE_MAX_MB, default 8): refused while it is read. */
	imageMaxBytes: Math.round(positive('IMAGE_MAX_MB', 8) * 1024 * 1024),
	timeZone: env('TIME_ZONE') ?? 'Europe/Stockholm',
	pact: {
		name: env('PACT_NAME') ?? 'Helsingborgarnas klimatavtal',
		city: env('PACT_CITY') ?? 'Helsingborg',
		cityNetZeroYear: year('CITY_NET_ZERO_YEAR', 2030),
		nationalNetZeroYear: year('NATIONAL_NET_ZERO_YEAR', 2045),
		defaultLanguage: languages.defaultLanguage,
		/** The languages the switcher offers and the browser's Accept-Language picks among, in this order. */
		languages: languages.languages,
		brandColor: /^#[0-9a-f]{6}$/i.test(env('BRAND_COLOR') ?? '') ? env('BRAND_COLOR')! : '#1f6f43',
		/** What the pact's commitments in progress should save together, tonnes CO₂e per year (/numbers). */
		goalTonnesCo2e: positive('PACT_GOAL_TONNES_CO2E', 1000),
	},
	/** The partner track (issue 11): agreements' default CO₂ targets, how long they run, when to remind. */
	partners: {
		/** Reduction by 2030 against the baseline, in percent (70 means −70 %). */
		target2030Percent: Math.min(100, Math.round(positive('PARTNER_TARGET_2030_PERCENT', 70))),
		climateNeutralYear: year('PARTNER_CLIMATE_NEUTRAL_YEAR', 2050),
		agreementYears: Math.round(positive('AGREEMENT_YEARS', 3)),
		/** How many days before an agreement ends its contacts are reminded to renew it (once per agreement). */
		renewalNoticeDays: Math.round(positive('AGREEMENT_RENEWAL_NOTICE_DAYS', 60)),
		/** Months after a partnership day that its action pledges are followed up by email (1–24). */
		actionPledgeFollowUpMonths: Math.min(24, Math.round(positive('ACTION_PLEDGE_FOLLOW_UP_MONTHS', 3))),
	},
	// Issue 12: sign-in limits and how long personal data is kept (app/auth, the worker's retention job).
	accounts: {
		/** Codes that may be tried for one address in a day (CODE_ATTEMPTS_PER_DAY, default 50), whatever the network. */
		codeAttemptsPerDay: Math.round(positive('CODE_ATTEMPTS_PER_DAY', 50)),
		/** How long things are kept, in days; the worker's retention job purges them after that. */
		retention: {
			/** A signature never confirmed, counted from signing (RETENTION_UNCONFIRMED_DAYS, default 30). */
			unconfirmedDays: positive('RETENTION_UNCONFIRMED_DAYS', 30),
			/** A sign-in or confirmation code after it was used or ran out (RETENTION_CODES_DAYS, default 1). */
			codesDays: positive('RETENTION_CODES_DAYS', 1),
			/** A session after it ran out (RETENTION_SESSIONS_DAYS, default 1). */
			sessionsDays: positive('RETENTION_SESSIONS_DAYS', 1),
			/** An email's delivery log row, counted from queueing (RETENTION_DELIVERY_LOG_DAYS, default 90). */
			deliveryLogDays: positive('RETENTION_DELIVERY_LOG_DAYS', 90),
		},
	},
	// Issue 12: the HTTP layer (server/http.mjs, server.mjs; docs/decisions/0019-http-hardening.md).
	http: {
		/** The largest request body of a form without an image (BODY_MAX_MB, default 1): larger is refused with 413. */
		bodyMaxBytes: Math.round(positive('BODY_MAX_MB', 1) * 1024 * 1024),
		/** The interface to listen on (HOST); unset, loopback only when APP_URL is local, else every interface. */
		host: env('HOST') ?? (appUrlIsLocal ? '127.0.0.1' : undefined),
		/** One JSON line per request on stdout (LOG_REQUESTS, default true; "false" turns it off). */
		logRequests: env('LOG_REQUESTS') !== 'false',
		/** How long SIGTERM waits for requests in flight and the worker's batch before exiting (SHUTDOWN_TIMEOUT_SECONDS, default 20). */
		shutdownTimeoutMs: Math.round(positive('SHUTDOWN_TIMEOUT_SECONDS', 20) * 1000),
	},
	// Issue 12: safe for the people who run it (app/events).
	operators: {
		/** How many hours before an event starts its check-in at the door opens (CHECK_IN_OPENS_HOURS, default 2). */
		checkInOpensHours: positive('CHECK_IN_OPENS_HOURS', 2),
	},
	/** Yearly climate reports: the day (MM-DD, pact's time zone) by which last year's report is due. */
	reportDeadline: /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(env('REPORT_DEADLINE') ?? '')
		? env('REPORT_DEADLINE')!
		: '03-31',
}

export type PactSettings = typeof config.pact
