import type { Resource } from 'i18next'
import enAuth from './en/auth.json'
import enCommon from './en/common.json'
import enEmail from './en/email.json'
import enEvents from './en/events.json'
import enImages from './en/images.json'
import enLadder from './en/ladder.json'
import enNewsletters from './en/newsletters.json'
import enNumbers from './en/numbers.json'
import enPages from './en/pages.json'
import enPledge from './en/pledge.json'
import enProposals from './en/proposals.json'
import enQuestions from './en/questions.json'
import enThemes from './en/themes.json'
import svAuth from './sv/auth.json'
import svCommon from './sv/common.json'
import svEmail from './sv/email.json'
import svEvents from './sv/events.json'
import svImages from './sv/images.json'
import svLadder from './sv/ladder.json'
import svNewsletters from './sv/newsletters.json'
import svNumbers from './sv/numbers.json'
import svPages from './sv/pages.json'
import svPledge from './sv/pledge.json'
import svProposals from './sv/proposals.json'
import svQuestions from './sv/questions.json'
import svThemes from './sv/themes.json'

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
		images: svImages,
		newsletters: svNewsletters,
		themes: svThemes,
		pages: svPages,
		numbers: svNumbers,
		proposals: svProposals,
		questions: svQuestions,
	},
	en: {
		common: enCommon,
		auth: enAuth,
		pledge: enPledge,
		email: enEmail,
		events: enEvents,
		ladder: enLadder,
		images: enImages,
		newsletters: enNewsletters,
		themes: enThemes,
		pages: enPages,
		numbers: enNumbers,
		proposals: enProposals,
		questions: enQuestions,
	},
} satisfies Resource
