import type { Resource } from 'i18next'
import daCommon from './da/common.json'
import daAuth from './da/auth.json'
import daPledge from './da/pledge.json'
import daEmail from './da/email.json'
import daEvents from './da/events.json'
import daLadder from './da/ladder.json'
import daImages from './da/images.json'
import nbCommon from './nb/common.json'
import nbAuth from './nb/auth.json'
import nbPledge from './nb/pledge.json'
import nbEmail from './nb/email.json'
import nbEvents from './nb/events.json'
import nbImages from './nb/images.json'
import daNewsletters from './da/newsletters.json'
import daThemes from './da/themes.json'
import daPages from './da/pages.json'
import daNumbers from './da/numbers.json'
import daProposals from './da/proposals.json'
import daQuestions from './da/questions.json'
import daPartners from './da/partners.json'
import daReports from './da/reports.json'
import daStories from './da/stories.json'
import nbLadder from './nb/ladder.json'
import nbNewsletters from './nb/newsletters.json'
import nbThemes from './nb/themes.json'
import nbPages from './nb/pages.json'
import nbNumbers from './nb/numbers.json'
import nbProposals from './nb/proposals.json'
import nbQuestions from './nb/questions.json'
import nbPartners from './nb/partners.json'
import nbReports from './nb/reports.json'
import nbStories from './nb/stories.json'
import enAuth from './en/auth.json'
import enCommon from './en/common.json'
import enEmail from './en/email.json'
import enEvents from './en/events.json'
import enImages from './en/images.json'
import enLadder from './en/ladder.json'
import enNewsletters from './en/newsletters.json'
import enNumbers from './en/numbers.json'
import enPages from './en/pages.json'
import enPartners from './en/partners.json'
import enPledge from './en/pledge.json'
import enProposals from './en/proposals.json'
import enQuestions from './en/questions.json'
import enReports from './en/reports.json'
import enStories from './en/stories.json'
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
import svPartners from './sv/partners.json'
import svPledge from './sv/pledge.json'
import svProposals from './sv/proposals.json'
import svQuestions from './sv/questions.json'
import svReports from './sv/reports.json'
import svStories from './sv/stories.json'
import svThemes from './sv/themes.json'

import svPartnershipDay from './sv/partnership-day.json'
import svProjects from './sv/projects.json'
import svMentoring from './sv/mentoring.json'
import enPartnershipDay from './en/partnership-day.json'
import enProjects from './en/projects.json'
import enMentoring from './en/mentoring.json'
import daPartnershipDay from './da/partnership-day.json'
import daProjects from './da/projects.json'
import daMentoring from './da/mentoring.json'
import nbPartnershipDay from './nb/partnership-day.json'
import nbProjects from './nb/projects.json'
import nbMentoring from './nb/mentoring.json'
import svPrivacy from './sv/privacy.json'
import enPrivacy from './en/privacy.json'
import daPrivacy from './da/privacy.json'
import nbPrivacy from './nb/privacy.json'

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
		partners: svPartners,
		reports: svReports,
		stories: svStories,
		'partnership-day': svPartnershipDay,
		projects: svProjects,
		mentoring: svMentoring,
		privacy: svPrivacy,
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
		partners: enPartners,
		reports: enReports,
		stories: enStories,
		'partnership-day': enPartnershipDay,
		projects: enProjects,
		mentoring: enMentoring,
		privacy: enPrivacy,
	},
	da: {
		common: daCommon,
		auth: daAuth,
		pledge: daPledge,
		email: daEmail,
		events: daEvents,
		ladder: daLadder,
		images: daImages,
		newsletters: daNewsletters,
		themes: daThemes,
		pages: daPages,
		numbers: daNumbers,
		proposals: daProposals,
		questions: daQuestions,
		partners: daPartners,
		reports: daReports,
		stories: daStories,
		'partnership-day': daPartnershipDay,
		projects: daProjects,
		mentoring: daMentoring,
		privacy: daPrivacy,
	},
	nb: {
		common: nbCommon,
		auth: nbAuth,
		pledge: nbPledge,
		email: nbEmail,
		events: nbEvents,
		ladder: nbLadder,
		images: nbImages,
		newsletters: nbNewsletters,
		themes: nbThemes,
		pages: nbPages,
		numbers: nbNumbers,
		proposals: nbProposals,
		questions: nbQuestions,
		partners: nbPartners,
		reports: nbReports,
		stories: nbStories,
		'partnership-day': nbPartnershipDay,
		projects: nbProjects,
		mentoring: nbMentoring,
		privacy: nbPrivacy,
	},
} satisfies Resource
