import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The typed schema: one interface per table, written by hand because it says more than the
 * database can (literal unions, 0 | 1). `npm run typecheck` holds it against db/introspected.ts,
 * which `npm run db:types` writes from the migrated database (see db/schema-check.ts).
 * Timestamps are ISO 8601 strings in UTC; booleans are 0/1 integers (SQLite has no boolean).
 */

export type Language = 'sv' | 'en' | 'da' | 'nb'
export type RoleName = 'resident' | 'organiser' | 'coordinator'
export type CommitmentCategory = 'transport' | 'food' | 'energy' | 'consumption' | 'engagement'
export type SignatureStatus = 'pending' | 'confirmed' | 'withdrawn'
export type PledgeProgress = 'chosen' | 'started' | 'everyday'
export type VerificationPurpose = 'sign-in' | 'confirm-signature'
/**
 * queued: waiting for next_attempt_at. sending: claimed by a worker until next_attempt_at (its
 * lease); if the worker dies, the row is due again then and is retried with the same key.
 */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'held' | 'cancelled'
/** held: written but not to be sent yet (a newsletter still queueing, or paused). cancelled: never sent (suppressed, or the newsletter was cancelled). */

type Timestamp = string
type Bool = 0 | 1

export interface UserTable {
	id: Generated<number>
	email: string
	name: string
	language: Language
	created_at: ColumnType<Timestamp, Timestamp | undefined, never>
	/** The engagement ladder's congratulation on a new step; on unless the person turns it off. */
	level_up_emails: Generated<Bool>
	/** Newsletters (issue 5): the personal digest's rhythm, and whether event reminders come. */
	digest_frequency: Generated<DigestFrequency>
	event_reminders: Generated<Bool>
}

export interface RoleTable {
	name: RoleName
}

export interface PermissionTable {
	name: string
}

export interface RolePermissionTable {
	role: RoleName
	permission: string
}

export interface UserRoleTable {
	user_id: number
	role: RoleName
	granted_at: Timestamp
}

export interface SessionTable {
	/** SHA-256 of the cookie's token, hex: the token itself is never stored. */
	id: string
	user_id: number
	expires_at: Timestamp
	created_at: Timestamp
}

export interface VerificationTable {
	id: Generated<number>
	purpose: VerificationPurpose
	/** The email address the code was sent to, lower-cased. */
	target: string
	code_hash: string
	link_hash: string
	attempts: Generated<number>
	expires_at: Timestamp
	used_at: Timestamp | null
	created_at: Timestamp
}

export interface RateLimitHitTable {
	id: Generated<number>
	bucket: string
	at: Timestamp
}

export interface CommitmentTable {
	id: Generated<number>
	category: CommitmentCategory
	title_sv: string
	title_en: string
	kg_co2e_per_year: number | null
	source: string | null
	sort_order: Generated<number>
	/** How many confirmed signatures carry it: kept current by the pledge module. */
	chosen_count: Generated<number>
	retired_at: Timestamp | null
	created_at: Timestamp
}

export interface SignatureTable {
	id: Generated<number>
	user_id: number
	status: SignatureStatus
	lives_in_municipality: Bool
	district: string | null
	show_first_name: Bool
	newsletter_consent: Bool
	newsletter_consent_at: Timestamp | null
	consent_version: string
	consent_at: Timestamp
	confirmed_at: Timestamp | null
	withdrawn_at: Timestamp | null
	created_at: Timestamp
	updated_at: Timestamp
}

export interface PledgeCommitmentTable {
	id: Generated<number>
	signature_id: number
	/** A commitment from the catalogue, or null for one in the person's own words. */
	commitment_id: number | null
	own_words: string | null
	progress: PledgeProgress
	added_at: Timestamp
	updated_at: Timestamp
}

export interface PactCountTable {
	/** Always 1: the pact's running totals, one row. */
	id: number
	residents: number
	others: number
}

export interface OutboxTable {
	id: Generated<number>
	idempotency_key: string
	to_address: string
	subject: string
	html: string
	text: string
	/** JSON object of extra headers. */
	headers: string
	/** JSON array of { filename, contentType, content (base64) }. */
	attachments: string
	status: OutboxStatus
	/** Deliveries started, counted when a worker claims the row; also fences a stale worker's update. */
	attempts: Generated<number>
	/** When the row is due: the next try for 'queued', the end of the lease for 'sending'. */
	next_attempt_at: Timestamp
	last_error: string | null
	provider_id: string | null
	created_at: Timestamp
	sent_at: Timestamp | null
	/** Newsletters (issue 5): rendered once in email_template; `variables` (JSON) fill its placeholders. */
	template_id: Generated<number | null>
	variables: Generated<string | null>
	/** Rows sent together in one batch request, always the same rows under the same key. */
	batch_key: Generated<string | null>
	newsletter_id: Generated<number | null>
	user_id: Generated<number | null>
	/** From the provider's webhooks. */
	delivered_at: Generated<Timestamp | null>
	bounced_at: Generated<Timestamp | null>
	complained_at: Generated<Timestamp | null>
	/** When the body (html, text, variables, attachments) was emptied after delivery (issue 12). */
	redacted_at: Generated<Timestamp | null>
}

/** The pact's own pages (about, FAQ, …), one row per page and language, in markdown. */
export interface ContentPageTable {
	slug: string
	language: Language
	title: string
	body: string
	updated_at: Timestamp
	updated_by: number | null
}

export interface Database {
	user: UserTable
	role: RoleTable
	permission: PermissionTable
	role_permission: RolePermissionTable
	user_role: UserRoleTable
	session: SessionTable
	verification: VerificationTable
	rate_limit_hit: RateLimitHitTable
	commitment: CommitmentTable
	signature: SignatureTable
	pledge_commitment: PledgeCommitmentTable
	pact_count: PactCountTable
	outbox: OutboxTable
	event_type: EventTypeTable
	event: EventTable
	event_rsvp: EventRsvpTable
	event_helper_shift: EventHelperShiftTable
	event_helper: EventHelperTable
	event_attendance: EventAttendanceTable
	event_reminder: EventReminderTable
	calendar_feed: CalendarFeedTable
	event_co_organiser: EventCoOrganiserTable
	ladder_step: LadderStepTable
	ladder_history: LadderHistoryTable
	ladder_setting: LadderSettingTable
	volunteer_interest: VolunteerInterestTable
	email_template: EmailTemplateTable
	newsletter: NewsletterTable
	newsletter_version: NewsletterVersionTable
	proposal: ProposalTable
	proposal_support: ProposalSupportTable
	proposal_change: ProposalChangeTable
	proposal_report: ProposalReportTable
	question: QuestionTable
	question_vote: QuestionVoteTable
	suppression: SuppressionTable
	webhook_event: WebhookEventTable
	unsubscribe: UnsubscribeTable
	digest: DigestTable
	content_page: ContentPageTable
	theme: ThemeTable
	theme_follow: ThemeFollowTable
	image: ImageTable
	partner: PartnerTable
	partner_member: PartnerMemberTable
	climate_challenge: ClimateChallengeTable
	agreement: AgreementTable
	agreement_challenge: AgreementChallengeTable
	climate_report: ClimateReportTable
	report_reminder: ReportReminderTable
	agreement_renewal_reminder: AgreementRenewalReminderTable
	story: StoryTable
	award_nomination: AwardNominationTable
	award: AwardTable
	partnership_day: PartnershipDayTable
	partnership_day_registration: PartnershipDayRegistrationTable
	partnership_day_tag: PartnershipDayTagTable
	partnership_day_meeting: PartnershipDayMeetingTable
	partnership_day_sit_out: PartnershipDaySitOutTable
	action_pledge: ActionPledgeTable
	mentorship: MentorshipTable
	mentoring_meeting: MentoringMeetingTable
	project: ProjectTable
	project_partner: ProjectPartnerTable
	project_update: ProjectUpdateTable
	consent_log: ConsentLogTable
	signature_change: SignatureChangeTable
	job_lease: JobLeaseTable
}

export type User = Selectable<UserTable>
export type Commitment = Selectable<CommitmentTable>
export type NewCommitment = Insertable<CommitmentTable>
export type CommitmentUpdate = Updateable<CommitmentTable>
export type Signature = Selectable<SignatureTable>
export type OutboxMessage = Selectable<OutboxTable>

// Events (issue 3): see db/migrations/0003_events.ts.
export type EventStatus = 'draft' | 'published' | 'cancelled'
/** going: has a place. waiting: on the waitlist, in `position` order. cancelled: kept for history. */
export type RsvpStatus = 'going' | 'waiting' | 'cancelled'
/** Who may take a place at an event (issue 11): everyone, or people who act for a partner. */
export type EventAudience = 'everyone' | 'partners'

export interface EventTypeTable {
	name: string
	sort_order: number
}

export interface EventTable {
	id: Generated<number>
	/** Set once at creation so links stay stable when the title changes. */
	slug: string
	type: string
	title: string
	/** Markdown, sanitised when rendered. */
	description: string
	starts_at: Timestamp
	ends_at: Timestamp
	place: string | null
	online_url: string | null
	/** null: no limit. */
	capacity: number | null
	/** null: RSVP is open until the event starts. */
	rsvp_closes_at: Timestamp | null
	/** Hours before the start that the reminder goes out; 0 sends none. */
	reminder_hours: number
	status: EventStatus
	/** The iCalendar SEQUENCE: raised on every change of time or place and on cancelling. */
	sequence: Generated<number>
	organiser_id: number
	/** Events created together as a series share it. */
	series_id: string | null
	/** The focus theme it belongs to (issue 10), if any. */
	theme_id: Generated<number | null>
	/** Its picture (issue 10), if any: app/images. */
	image_id: Generated<number | null>
	/** The English title and description (issue 10); null: the English site shows the Swedish. */
	title_en: Generated<string | null>
	description_en: Generated<string | null>
	/** Who may take a place (issue 11); listed publicly either way. */
	audience: Generated<EventAudience>
	published_at: Timestamp | null
	cancelled_at: Timestamp | null
	created_at: Timestamp
	updated_at: Timestamp
}

export interface EventRsvpTable {
	id: Generated<number>
	event_id: number
	user_id: number
	status: RsvpStatus
	/** Arrival order within the event, never reused: the waitlist is served by it. */
	position: number
	created_at: Timestamp
	updated_at: Timestamp
	promoted_at: Timestamp | null
	cancelled_at: Timestamp | null
}

export interface EventHelperShiftTable {
	id: Generated<number>
	event_id: number
	title: string
	needed: number
	sort_order: Generated<number>
}

export interface EventHelperTable {
	id: Generated<number>
	shift_id: number
	user_id: number
	created_at: Timestamp
}

export interface EventAttendanceTable {
	id: Generated<number>
	event_id: number
	/** null for a walk-in without an account. */
	user_id: number | null
	name: string
	walk_in: Bool
	checked_in_at: Timestamp
	checked_in_by: number | null
}

export interface EventReminderTable {
	event_id: number
	user_id: number
	starts_at: Timestamp
	sent_at: Timestamp
}

export interface CalendarFeedTable {
	user_id: number
	token: string
	created_at: Timestamp
}

/** Organisers an event's organiser has added to manage it with them (issue 12, 0019_operators). */
export interface EventCoOrganiserTable {
	event_id: number
	user_id: number
	added_by: number | null
	added_at: Timestamp
}

export type Event = Selectable<EventTable>
export type EventRsvp = Selectable<EventRsvpTable>

// The engagement ladder (issue 4): see db/migrations/0004_ladder.ts.
export type LadderSource = 'rule' | 'coordinator'
export type LadderRule = 'signature' | 'attendance' | 'helping' | 'thresholds'
export type LadderEmail = 'pending' | 'queued' | 'none'

export interface LadderStepTable {
	user_id: number
	step: number
	/** What the rules said at the last evaluation; they promote past it, or on new facts. */
	rule_step: number
	/** Events checked in at, and helper events done in the window, at the last evaluation. */
	attended_count: number
	helped_count: number
	reached_at: Timestamp
	seen_step: Generated<number>
	evaluated_at: Timestamp
}

export interface LadderHistoryTable {
	id: Generated<number>
	user_id: number
	from_step: number
	to_step: number
	source: LadderSource
	rule: LadderRule | null
	reason: string | null
	event_id: number | null
	changed_by: number | null
	changed_at: Timestamp
	email: Generated<LadderEmail>
}

export interface LadderSettingTable {
	name: string
	value: number
	updated_at: Timestamp | null
	updated_by: number | null
}

export interface VolunteerInterestTable {
	user_id: number
	interest: string
	created_at: Timestamp
}

// Newsletters and digests (issue 5): see db/migrations/0005_newsletters.ts.
export type DigestFrequency = 'weekly' | 'monthly' | 'off'
export type NewsletterStatus = 'draft' | 'scheduled' | 'queueing' | 'sending' | 'paused' | 'sent' | 'cancelled'
export type EmailList = 'newsletter' | 'digest' | 'event-reminders' | 'level-up'

export interface EmailTemplateTable {
	id: Generated<number>
	subject: string
	/** With %%name%% placeholders that delivery fills in per recipient. */
	html: string
	text: string
	created_at: Timestamp
}

export interface NewsletterTable {
	id: Generated<number>
	title: string
	status: NewsletterStatus
	/** JSON of the audience's conditions. */
	segment: string
	scheduled_at: Timestamp | null
	/** Set once every recipient's outbox row is written. */
	recipient_count: number | null
	created_by: number | null
	created_at: Timestamp
	updated_at: Timestamp
	queued_at: Timestamp | null
	finished_at: Timestamp | null
}

export interface NewsletterVersionTable {
	newsletter_id: number
	language: Language
	subject: string
	preheader: string
	/** Markdown. */
	body: string
	template_id: number | null
}

export interface SuppressionTable {
	/** Lower-cased. */
	email: string
	reason: 'bounce' | 'complaint' | 'manual'
	detail: string | null
	created_at: Timestamp
}

export interface WebhookEventTable {
	/** The svix-id header. */
	id: string
	type: string
	received_at: Timestamp
}

export interface UnsubscribeTable {
	id: Generated<number>
	user_id: number
	list: EmailList
	newsletter_id: number | null
	created_at: Timestamp
}

export interface DigestTable {
	user_id: number
	/** '2025-W18' (weekly) or '2025-05' (monthly). */
	period: string
	outcome: 'queued' | 'skipped'
	created_at: Timestamp
}

export type Newsletter = Selectable<NewsletterTable>
export type NewsletterVersion = Selectable<NewsletterVersionTable>

// Themes (issue 10): see db/migrations/0008_themes.ts.
export interface ThemeTable {
	id: Generated<number>
	slug: string
	title_sv: string
	title_en: string
	/** Markdown, sanitised when rendered. */
	description_sv: string
	description_en: string
	/** Local days, YYYY-MM-DD, both included. */
	starts_on: string
	ends_on: string
	/** A name from app/themes/palette.ts. */
	colour: string
	icon: string | null
	image_id: number | null
	kick_off_event_id: number | null
	commitment_category: CommitmentCategory | null
	/** Kept current by follow and unfollow (decision 0007). */
	follower_count: Generated<number>
	created_at: Timestamp
	updated_at: Timestamp
}

export interface ThemeFollowTable {
	theme_id: number
	user_id: number
	created_at: Timestamp
}

export type Theme = Selectable<ThemeTable>

// Citizen proposals and questions to politicians (issue 10): see db/migrations/0009_proposals.ts.
export type ProposalStatus = 'draft' | 'open' | 'submitted' | 'answered'
export type ProposalOutcome = 'accepted' | 'partly-accepted' | 'rejected'

export interface ProposalTable {
	id: Generated<number>
	author_id: number
	theme_id: number | null
	title: string
	summary: string
	/** Markdown, sanitised when rendered. */
	body: string
	status: Generated<ProposalStatus>
	/** How many support it: kept current by the proposals area. */
	support_count: Generated<number>
	/** Days as YYYY-MM-DD, as the city writes them. */
	submitted_on: string | null
	city_reference: string | null
	city_url: string | null
	outcome: ProposalOutcome | null
	answer: string | null
	answered_on: string | null
	hidden_at: Timestamp | null
	hidden_reason: string | null
	hidden_by: number | null
	published_at: Timestamp | null
	created_at: Timestamp
	updated_at: Timestamp
}

export interface ProposalSupportTable {
	proposal_id: number
	user_id: number
	created_at: Timestamp
}

export interface ProposalChangeTable {
	id: Generated<number>
	proposal_id: number
	from_status: ProposalStatus
	to_status: ProposalStatus
	changed_by: number | null
	changed_at: Timestamp
}

export interface ProposalReportTable {
	id: Generated<number>
	proposal_id: number
	user_id: number
	reason: string
	created_at: Timestamp
	resolved_at: Timestamp | null
}

export interface QuestionTable {
	id: Generated<number>
	event_id: number
	author_id: number
	text: string
	/** Kept current by the questions area. */
	vote_count: Generated<number>
	asked_at: Timestamp | null
	answer: string | null
	answered_at: Timestamp | null
	/** YYYY-MM-DD: when the pact asks again. */
	follow_up_on: string | null
	answered_by: number | null
	created_at: Timestamp
}

export interface QuestionVoteTable {
	question_id: number
	user_id: number
	created_at: Timestamp
}

export type Proposal = Selectable<ProposalTable>
export type Question = Selectable<QuestionTable>

// Images (issue 10): see db/migrations/0007_images.ts and app/images.
export interface ImageTable {
	id: Generated<number>
	/** What the picture shows, for those who cannot see it: required. */
	alt: string
	/** The upright original's size in pixels; the files are this size or smaller. */
	width: number
	height: number
	created_by: number | null
	created_at: Timestamp
}

export type Image = Selectable<ImageTable>

// Partners (issue 11): see db/migrations/0011_partners.ts and app/partners.
export type PartnerType = 'business' | 'association' | 'school' | 'public-body'
export type PartnerSize = '1-9' | '10-49' | '50-249' | '250+'
export type PartnerRole = 'contact' | 'reporter'
export type AgreementStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'expired'

export interface PartnerTable {
	id: Generated<number>
	slug: string
	name: string
	type: PartnerType
	sector: string
	size: PartnerSize
	district: string | null
	website: string | null
	logo_image_id: number | null
	description: string
	created_at: Timestamp
}

export interface PartnerMemberTable {
	partner_id: number
	user_id: number
	role: PartnerRole
}

export interface ClimateChallengeTable {
	id: Generated<number>
	title_sv: string
	title_en: string
	description: Generated<string>
	retired_at: Timestamp | null
}

export interface AgreementTable {
	id: Generated<number>
	partner_id: number
	status: Generated<AgreementStatus>
	/** Local days, YYYY-MM-DD, both included. */
	period_start: string
	period_end: string
	communication_commitment: Generated<string>
	education_commitment: Generated<string>
	co2_baseline_year: number | null
	/** Reduction by 2030 against the baseline in percent: 70 means −70 %. */
	co2_target_2030_percent: Generated<number>
	climate_neutral_year: Generated<number>
	signed_by: number | null
	signed_at: Timestamp | null
	reviewed_by: number | null
	reviewed_at: Timestamp | null
	review_comment: string | null
	created_at: Timestamp
}

export interface AgreementChallengeTable {
	agreement_id: number
	challenge_id: number
}

export type Partner = Selectable<PartnerTable>
export type Agreement = Selectable<AgreementTable>

// Yearly climate reports (issue 11): see db/migrations/0012_climate_reports.ts.
export interface ClimateReportTable {
	id: Generated<number>
	partner_id: number
	year: number
	/** Tonnes CO₂e. */
	scope1_tonnes: number
	scope2_tonnes: number
	scope3_tonnes: number | null
	/** Markdown: what the partner did that year. */
	actions: Generated<string>
	/** The partner's first reported year, which its trajectory starts from. */
	is_baseline: Generated<Bool>
	submitted_by: number | null
	submitted_at: Timestamp
	updated_at: Timestamp
}

/** One reminder per partner and reporting period ('2025': the report on 2025, due next spring). */
export interface ReportReminderTable {
	partner_id: number
	period: string
	sent_at: Timestamp
}

export type ClimateReport = Selectable<ClimateReportTable>

/** One renewal reminder per agreement (db/migrations/0016_event_audience_renewals.ts). */
export interface AgreementRenewalReminderTable {
	agreement_id: number
	sent_at: Timestamp
}

// Partner stories and the award of the month (issue 11): see db/migrations/0013_stories_awards.ts.
export type StoryStatus = 'submitted' | 'approved' | 'rejected'
export type NomineeKind = 'resident' | 'partner'

export interface StoryTable {
	id: Generated<number>
	partner_id: number | null
	author_id: number
	title: string
	/** Markdown. */
	body: string
	image_id: number | null
	status: Generated<StoryStatus>
	/** The coordinator's words to the author, on approval or rejection. */
	review_comment: string | null
	reviewed_by: number | null
	approved_at: Timestamp | null
	created_at: Timestamp
}

export interface AwardNominationTable {
	id: Generated<number>
	/** 'YYYY-MM' in the pact's time zone. */
	month: string
	nominee_kind: NomineeKind
	nominee_name: string
	/** The name lower-cased with spaces collapsed: one nomination per person, nominee and month. */
	nominee_key: string
	partner_id: number | null
	action: string
	nominated_by: number
	created_at: Timestamp
}

export interface AwardTable {
	month: string
	nomination_id: number
	citation: string
	decided_by: number | null
	decided_at: Timestamp
}

export type Story = Selectable<StoryTable>

// The partnership day (issue 11): see db/migrations/0014_partnership_day.ts and app/partnership-day.
export type PartnershipDayTagKind = 'offer' | 'seek'
export type ActionPledgeAnswer = 'done' | 'in-progress' | 'dropped'

export interface PartnershipDayTable {
	id: Generated<number>
	/** The events area's event; one partnership day per event. */
	event_id: number
	/** The rounds as last generated: minutes each and the first one's start; null before. */
	round_minutes: number | null
	first_round_at: Timestamp | null
	rounds_generated_at: Timestamp | null
	rounds_generated_by: number | null
	created_by: number | null
	created_at: Timestamp
}

export interface PartnershipDayRegistrationTable {
	day_id: number
	partner_id: number
	registered_by: number | null
	created_at: Timestamp
	updated_at: Timestamp
}

/** Normalised: trimmed, lower-cased, spaces collapsed; each tag once per partner, day and kind. */
export interface PartnershipDayTagTable {
	day_id: number
	partner_id: number
	kind: PartnershipDayTagKind
	tag: string
}

export interface PartnershipDayMeetingTable {
	id: Generated<number>
	day_id: number
	round: number
	table_number: number
	/** The lower partner id of the two. */
	partner_a: number
	partner_b: number
	score: number
	/** JSON arrays of tags: what a offers that b seeks, and the other way round. */
	a_offers_b_seeks: string
	b_offers_a_seeks: string
}

export interface PartnershipDaySitOutTable {
	day_id: number
	round: number
	partner_id: number
}

export interface ActionPledgeTable {
	id: Generated<number>
	day_id: number
	partner_id: number
	text: string
	recorded_by: number | null
	recorded_at: Timestamp
	follow_up_due_at: Timestamp
	/** Written in the same transaction as the follow-up emails: set once, never sent twice. */
	follow_up_sent_at: Timestamp | null
	answer: ActionPledgeAnswer | null
	answer_comment: string | null
	answered_by: number | null
	answered_at: Timestamp | null
}

export type PartnershipDay = Selectable<PartnershipDayTable>
export type ActionPledge = Selectable<ActionPledgeTable>

// Mentoring between partners and lighthouse projects (issue 11): see db/migrations/0015_mentoring_projects.ts.
export interface MentorshipTable {
	id: Generated<number>
	mentor_partner_id: number
	mentee_partner_id: number
	started_at: Timestamp
	started_by: number | null
	/** Null while it runs; a mentee has at most one running mentorship. */
	ended_at: Timestamp | null
	ended_by: number | null
}

export interface MentoringMeetingTable {
	id: Generated<number>
	mentorship_id: number
	/** A local day, YYYY-MM-DD, never in the future. */
	met_on: string
	note: string | null
	logged_by: number | null
	logged_at: Timestamp
}

export type ProjectStatus = 'idea' | 'under-way' | 'completed' | 'paused'

export interface ProjectTable {
	id: Generated<number>
	slug: string
	title: string
	title_en: string | null
	/** Markdown. */
	description: string
	description_en: string | null
	status: Generated<ProjectStatus>
	/** A local day, YYYY-MM-DD. */
	starts_on: string
	image_id: number | null
	created_by: number | null
	created_at: Timestamp
	updated_at: Timestamp
}

export interface ProjectPartnerTable {
	project_id: number
	partner_id: number
	/** One partner per project leads it. */
	is_lead: Generated<Bool>
}

export interface ProjectUpdateTable {
	id: Generated<number>
	project_id: number
	/** The partner the author posted for. */
	partner_id: number | null
	author_id: number | null
	body: string
	/** The project's status this update moved it to, if it did. */
	new_status: ProjectStatus | null
	hidden_at: Timestamp | null
	hidden_by: number | null
	edited_at: Timestamp | null
	edited_by: number | null
	created_at: Timestamp
}

export type Mentorship = Selectable<MentorshipTable>
export type Project = Selectable<ProjectTable>

// Privacy (issue 12): see db/migrations/0018_privacy.ts and app/privacy.
export type ConsentKind =
	'pledge-consent' | 'pledge-confirmed' | 'pledge-withdrawn' | 'newsletter' | 'digest' | 'event-reminders' | 'level-up'

/** Written by triggers on signature and user: the history of what a person agreed to, from issue 12 on. */
export interface ConsentLogTable {
	id: Generated<number>
	user_id: number
	kind: ConsentKind
	detail: string | null
	at: Timestamp
}

// Trust (issue 12): see db/migrations/0017_trust_auth.ts.
/** Details from signing again with a pending or withdrawn signature's address, waiting for its owner's confirmation. */
export interface SignatureChangeTable {
	user_id: number
	/** JSON: the sign form's details (app/pledge/pledge.server.ts). */
	details: string
	language: Language
	created_at: Timestamp
}

// The worker (issue 13): see db/migrations/0020_job_leases.ts and app/jobs.server.ts.
/** One row per worker job: when it may run next, and which worker holds it until when. */
export interface JobLeaseTable {
	name: string
	next_run_at: Timestamp
	/** Null when no worker is running the job; a dead worker's lease runs out at this time. */
	leased_until: Timestamp | null
	owner: string | null
}
