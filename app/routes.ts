import { index, route, type RouteConfig } from '@react-router/dev/routes'

// Every URL of the app in one table. Route modules are thin: guard, parse, call the area, render.
export default [
	// The pledge: home page with the counter, signing, my pledge, the catalogue.
	index('routes/home.tsx'),
	route('sign', 'routes/sign.tsx'),
	route('sign/check-email', 'routes/sign-check-email.tsx'),
	route('my-pledge', 'routes/my-pledge.tsx'),
	// Privacy (issue 12, app/privacy): everything stored about me as a file, and deleting my account.
	route('my-pledge/data.json', 'routes/my-data.ts'),
	route('account/delete', 'routes/account-delete.tsx'),
	route('admin/commitments', 'routes/admin-commitments.tsx'),
	route('admin/commitments/:commitmentId', 'routes/admin-commitment-edit.tsx'),

	// Accounts: passwordless sign-in and the one page that checks every emailed code or link.
	route('login', 'routes/login.tsx'),
	route('verify', 'routes/verify.tsx'),
	route('logout', 'routes/logout.tsx'),
	route('language', 'routes/language.tsx'),

	// Events: the public list and pages, calendar files and feeds, and the organisers' tools.
	route('events', 'routes/events.tsx'),
	route('events.ics', 'routes/events-feed.ts'),
	route('events/mine', 'routes/events-mine.tsx'),
	route('events/feed/:token', 'routes/events-personal-feed.ts'),
	route('events/:event', 'routes/events-event.tsx'),
	route('events/:event/calendar.ics', 'routes/events-event-calendar.ts'),
	route('organise/events', 'routes/organise-events.tsx'),
	route('organise/events/new', 'routes/organise-event-new.tsx'),
	route('organise/events/:eventId', 'routes/organise-event.tsx'),
	route('organise/events/:eventId/attendees', 'routes/organise-event-attendees.tsx'),
	route('organise/events/:eventId/attendees.csv', 'routes/organise-event-attendees-csv.ts'),
	route('organise/events/:eventId/check-in', 'routes/organise-event-check-in.tsx'),

	// The engagement ladder: my step and next step, whom organisers can ask, the coordinators' view.
	route('ladder', 'routes/ladder.tsx'),
	route('ladder/volunteers', 'routes/ladder-volunteers.tsx'),
	route('admin/ladder', 'routes/admin-ladder.tsx'),
	route('admin/ladder.csv', 'routes/admin-ladder-csv.ts'),
	route('admin/ladder/settings', 'routes/admin-ladder-settings.tsx'),
	route('admin/ladder/:userId', 'routes/admin-ladder-person.tsx'),

	// Newsletters and email: coordinators' newsletters, one-click unsubscribe, each person's email
	// preferences, and the provider's webhooks.
	route('admin/newsletters', 'routes/admin-newsletters.tsx'),
	route('admin/newsletters/:newsletterId', 'routes/admin-newsletters-newsletter.tsx'),
	route('unsubscribe/:token', 'routes/unsubscribe.tsx'),
	route('preferences', 'routes/preferences.tsx'),
	route('webhooks/resend', 'routes/webhooks.resend.ts'),

	// The pact's own pages, the same address in every language, and the coordinators' editor.
	...(['about', 'faq', 'contact', 'privacy', 'accessibility'] as const).map((slug) =>
		route(slug, 'routes/content-page.tsx', { id: `content-page-${slug}` }),
	),
	route('admin/pages', 'routes/admin-pages.tsx'),
	route('admin/pages/:slug/:language', 'routes/admin-page-edit.tsx'),

	// Uploaded images, resized and in modern formats (app/images).
	route('images/:file', 'routes/images-file.ts'),

	// Themes: two focus themes a year, each with its kick-off, events, commitments and followers.
	route('themes', 'routes/themes.tsx'),
	route('themes/:slug', 'routes/themes-theme.tsx'),
	route('admin/themes', 'routes/admin-themes.tsx'),
	route('admin/themes/new', 'routes/admin-theme-new.tsx'),
	route('admin/themes/:themeId', 'routes/admin-theme-edit.tsx'),

	// The pact in numbers: the public page with its charts, the same figures as JSON for other
	// sites, and the counter a municipality shows in an iframe.
	route('numbers', 'routes/numbers.tsx'),
	route('api/numbers', 'routes/api-numbers.ts'),
	route('embed/counter', 'routes/embed-counter.ts'),

	// Citizen proposals: the public tracker, drafting, each proposal with its timeline and the
	// coordinators' tools. Questions to politicians live on the Q&A event's page (app/questions).
	route('proposals', 'routes/proposals.tsx'),
	route('proposals/new', 'routes/proposals-new.tsx'),
	route('proposals/:proposalId', 'routes/proposals-proposal.tsx'),
	route('proposals/:proposalId/edit', 'routes/proposals-edit.tsx'),
	route('admin/proposals', 'routes/admin-proposals.tsx'),

	// Partners: organisations in the pact, their agreements (signed online, reviewed by coordinators,
	// renewed each period), the public directory and the coordinators' challenge catalogue.
	route('partners', 'routes/partners.tsx'),
	route('partners/join', 'routes/partners-join.tsx'),
	route('partners/:slug', 'routes/partners-partner.tsx'),
	route('partners/:slug/agreement', 'routes/partners-agreement.tsx'),
	route('partners/:slug/sign', 'routes/partners-sign.tsx'),
	route('partners/:slug/manage', 'routes/partners-manage.tsx'),
	// Yearly climate reports (app/climate-reports): a partner's own, and the coordinators' roll-up with its CSV.
	route('partners/:slug/reports', 'routes/partners-reports.tsx'),
	route('admin/climate-reports', 'routes/admin-climate-reports.tsx'),
	route('admin/climate-reports.csv', 'routes/admin-climate-reports-csv.ts'),
	route('admin/partners', 'routes/admin-partners.tsx'),
	route('admin/partners/challenges', 'routes/admin-partner-challenges.tsx'),

	// Partner stories (approved by coordinators) and the award of the month, månadens tårta.
	route('stories', 'routes/stories.tsx'),
	route('stories/new', 'routes/stories-new.tsx'),
	route('stories/:storyId', 'routes/stories-story.tsx'),
	route('admin/stories', 'routes/admin-stories.tsx'),
	route('awards', 'routes/awards.tsx'),
	route('awards/nominate', 'routes/awards-nominate.tsx'),
	route('admin/awards', 'routes/admin-awards.tsx'),

	// Mentoring between partners (app/mentoring) and lighthouse projects shared by several partners (app/projects).
	route('partners/:slug/mentoring', 'routes/partners-mentoring.tsx'),
	route('admin/mentoring', 'routes/admin-mentoring.tsx'),
	route('projects', 'routes/projects.tsx'),
	route('projects/:slug', 'routes/projects-project.tsx'),
	route('admin/projects', 'routes/admin-projects.tsx'),
	route('admin/projects/new', 'routes/admin-projects-new.tsx'),
	route('admin/projects/:projectId', 'routes/admin-projects-edit.tsx'),

	// The partnership day (app/partnership-day): partners sign up with what they offer and seek, meet
	// in speed-dating rounds, make action pledges and answer their follow-up; coordinators run it.
	route('partnership-day/:eventId', 'routes/partnership-day.tsx'),
	route('partnership-day/:eventId/pledges', 'routes/partnership-day-pledges.tsx'),
	route('admin/partnership-days', 'routes/admin-partnership-days.tsx'),
	route('admin/partnership-days/:eventId', 'routes/admin-partnership-day.tsx'),
	route('admin/partnership-days/:eventId/room', 'routes/admin-partnership-day-room.tsx'),
	route('admin/partnership-days/:eventId/pledges', 'routes/admin-partnership-day-pledges.tsx'),

	// Operations.
	route('healthz', 'routes/healthz.ts'),
	route('dev/mail', 'routes/dev-mail.tsx'),
	route('dev/mail/:messageId', 'routes/dev-mail-message.tsx'),
] satisfies RouteConfig
