import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Each area's public modules: what routes, other areas and the rest of the app may import from
 * it. Everything else in the area is its own business (docs/decisions/0014-areas-and-their-seams.md).
 */
const publicModules = {
	auth: [
		'session.server.ts',
		'sign-in.server.ts',
		'verification.server.ts',
		'rate-limit.server.ts',
		'roles.server.ts',
		'retention.server.ts',
		'schemas.ts',
		'auth.css',
	],
	events: [
		'listing.server.ts',
		'life-cycle.server.ts',
		'attendees.server.ts',
		'my-events.server.ts',
		'participation.server.ts',
		'rsvp.server.ts',
		'check-in.server.ts',
		'calendar.server.ts',
		'reminders.server.ts',
		'schemas.ts',
		'form-defaults.ts',
		'names.ts',
		'components/event-card.tsx',
		'components/event-form.tsx',
		'languages.ts',
		'events.css',
		'figures.server.ts',
		'audiences.server.ts',
		'components/audience.tsx',
		'organisers.server.ts',
	],
	ladder: [
		'ladder.server.ts',
		'my-ladder.server.ts',
		'coordinators.server.ts',
		'volunteers.server.ts',
		'interests.server.ts',
		'rules.ts',
		'schemas.ts',
		'filters.ts',
		'csv.ts',
		'components.tsx',
		'charts.tsx',
		'ladder.css',
	],
	newsletters: [
		'campaigns.server.ts',
		'compose.server.ts',
		'rendering.server.ts',
		'queueing.server.ts',
		'statistics.server.ts',
		'digest.server.ts',
		'segments.server.ts',
		'segments.ts',
		'unsubscribe.server.ts',
		'story-blocks.server.ts',
		'schemas.ts',
		'components.tsx',
		'newsletters.css',
	],
	pledge: [
		'pledge.server.ts',
		'catalogue.server.ts',
		'counts.server.ts',
		'shown-names.server.ts',
		'proofs.server.ts',
		'schemas.ts',
		'components.tsx',
		'commitment-form.tsx',
		'my-pledge-sections.tsx',
		'signatories.server.ts',
		'pledge.css',
		'figures.server.ts',
	],
	proposals: [
		'drafts.server.ts',
		'support.server.ts',
		'status.server.ts',
		'moderation.server.ts',
		'tracker.server.ts',
		'figures.server.ts',
		'schemas.ts',
		'components.tsx',
		'page-sections.tsx',
		'proposals.css',
	],
	numbers: ['figures.server.ts', 'api.server.ts', 'embed.server.tsx', 'labels.ts', 'sections.tsx', 'numbers.css'],
	questions: ['questions.server.ts', 'actions.server.ts', 'schemas.ts', 'components.tsx', 'questions.css'],
	stories: [
		'stories.server.ts',
		'awards.server.ts',
		'home.server.ts',
		'schemas.ts',
		'components.tsx',
		'forms.tsx',
		'pages.server.ts',
		'stories.css',
	],
	pages: ['pages.server.ts', 'schemas.ts', 'pages.css'],
	themes: [
		'themes.server.ts',
		'manage.server.ts',
		'follow.server.ts',
		'theme-page.server.ts',
		'admin.server.ts',
		'schemas.ts',
		'palette.ts',
		'components.tsx',
		'theme-form.tsx',
		'themes.css',
	],
	partners: [
		'partners.server.ts',
		'agreements.server.ts',
		'challenges.server.ts',
		'forms.server.ts',
		'renewals.server.ts',
		'schemas.ts',
		'components.tsx',
		'partners.css',
	],
	'climate-reports': [
		'reports.server.ts',
		'reminders.server.ts',
		'rollup.server.ts',
		'trajectory.ts',
		'schemas.ts',
		'components.tsx',
		'reports.css',
	],
	// Partnership day: matchmaking rounds, schedules and action pledges with their follow-up.
	'partnership-day': [
		'partnership-day.server.ts',
		'registrations.server.ts',
		'rounds.server.ts',
		'pledges.server.ts',
		'follow-up.server.ts',
		'schemas.ts',
		'components.tsx',
		'forms.tsx',
		'partnership-day.css',
	],
	// Lighthouse projects shared by several partners.
	projects: [
		'projects.server.ts',
		'updates.server.ts',
		'forms.server.ts',
		'schemas.ts',
		'components.tsx',
		'projects.css',
	],
	// Mentor partners paired with new partners by coordinators, and the meetings they log.
	mentoring: ['mentoring.server.ts', 'schemas.ts', 'components.tsx', 'mentoring.css'],
	images: ['images.server.ts', 'upload.server.ts', 'sources.ts', 'picture.tsx', 'image-field.tsx', 'images.css'],
	mail: [
		'send-email.server.ts',
		'outbox.server.ts',
		'mailbox.server.ts',
		'eml.server.ts',
		'webhooks.server.ts',
		'placeholders.ts',
		'settings.server.ts',
		'transports/transport.server.ts',
		'transports/resend.server.ts',
		'dev-mail.css',
	],
	home: ['member.server.ts', 'components.tsx'],
	// Privacy (issue 12): a person's data download, account deletion and consent history.
	privacy: [
		'export.server.ts',
		'delete-account.server.ts',
		'consents.server.ts',
		'schemas.ts',
		'components.tsx',
		'privacy.css',
	],
}
const areas = Object.keys(publicModules)
/** What every area may use; it uses no area itself. */
const shared = ['common', 'ui', 'i18n']

export default tseslint.config(
	{
		ignores: [
			'build/',
			'.react-router/',
			'node_modules/',
			'tests/.tmp/',
			'test-results/',
			'playwright-report/',
			'.react-email/',
			'data/',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx,js,mjs}'],
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		plugins: { 'react-hooks': reactHooks },
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
			],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
		},
	},
	{
		// The seams between areas: a route or another area imports an area only through its public
		// modules; shared code imports no area and no route. Tests may reach inside an area.
		files: ['app/**/*.{ts,tsx}', 'db/**/*.ts', 'emails/**/*.tsx', 'scripts/**/*.{ts,mjs}'],
		plugins: { boundaries },
		settings: {
			// `#app/…` and the other aliases are package.json "imports", which this resolver follows.
			'import/resolver': { typescript: { project: './tsconfig.json' } },
			'boundaries/elements': [
				{ type: 'area', pattern: `app/{${areas.join(',')}}`, capture: ['area'], partialMatch: false },
				{ type: 'shared', pattern: `app/{${shared.join(',')}}`, capture: ['name'], partialMatch: false },
				{ type: 'route', pattern: 'app/routes', partialMatch: false },
				{ type: 'outside', pattern: '{db,emails,scripts}', capture: ['name'], partialMatch: false },
			],
			'boundaries/files': [
				{ category: 'test', pattern: '**/*.test.{ts,tsx}' },
				// The app's own top-level modules (root, entry, worker, commands, areas.server.ts) are checked too.
				{ category: 'app', pattern: 'app/*.{ts,tsx}' },
			],
		},
		rules: {
			'boundaries/dependencies': [
				'error',
				{
					default: 'allow',
					policies: [
						...areas.flatMap((area) => [
							{
								to: { element: { type: 'area', captured: { area } } },
								disallow: { to: { element: { fileInternalPath: '**' } } },
								message: `app/${area}/{{ to.element.fileInternalPath }} is internal to the ${area} area: import one of its public modules (eslint.config.js)`,
							},
							{
								to: { element: { type: 'area', captured: { area } } },
								allow: { to: { element: { fileInternalPath: publicModules[area] } } },
							},
						]),
						{
							from: { element: { type: 'shared' } },
							disallow: { to: { element: { type: ['area', 'route'] } } },
							message:
								'app/{{ from.element.captured.name }} is shared by every area and may not depend on one (eslint.config.js)',
						},
						// A unit test beside an area's code may test another area's internals it needs.
						{ from: { file: { categories: 'test' } }, allow: { to: { element: { type: 'area' } } } },
					],
				},
			],
		},
	},
)
