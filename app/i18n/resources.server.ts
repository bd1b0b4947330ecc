import type { Resource } from 'i18next'
import enAuth from './en/auth.json'
import enCommon from './en/common.json'
import enEmail from './en/email.json'
import enEvents from './en/events.json'
import enLadder from './en/ladder.json'
import enNewsletters from './en/newsletters.json'
import enPledge from './en/pledge.json'
import svAuth from './sv/auth.json'
import svCommon from './sv/common.json'
import svEmail from './sv/email.json'
import svEvents from './sv/events.json'
import svLadder from './sv/ladder.json'
import svNewsletters from './sv/newsletters.json'
import svPledge from './sv/pledge.json'

/**
 * Every catalogue, for the server and the emails. Never imported by browser code (the `.server`
 * suffix makes the build refuse it): the browser loads one language's namespaces as it needs them.
 */
export const resources = {
	sv: {
		common: svCommon,
		auth: svAuth,
		pledge: svPledge,
		email: svEmail,
		events: svEvents,
		ladder: svLadder,
		newsletters: svNewsletters,
	},
	en: {
		common: enCommon,
		auth: enAuth,
		pledge: enPledge,
		email: enEmail,
		events: enEvents,
		ladder: enLadder,
		newsletters: enNewsletters,
	},
} satisfies Resource
