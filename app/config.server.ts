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
	/** Yearly climate reports: the day (MM-DD, pact's time zone) by which last year's report is due. */
	reportDeadline: /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(env('REPORT_DEADLINE') ?? '')
		? env('REPORT_DEADLINE')!
		: '03-31',
}

export type PactSettings = typeof config.pact
