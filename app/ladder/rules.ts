import type { CommitmentCategory } from '#db/schema.ts'

/**
 * The engagement ladder's rules, without the database: shared by the server, the pages and the
 * tests. After John Thøgersen's model as the Helsingborg pact uses it:
 * 1 sign the pact → 2 take part in events → 3 active member → 4 highly active member.
 */

export const ladderSteps = [1, 2, 3, 4] as const
export type LadderStep = (typeof ladderSteps)[number]
/** 0: not on the ladder yet (no confirmed signature). */
export type StepOrZero = LadderStep | 0

export function isLadderStep(value: unknown): value is LadderStep {
	return ladderSteps.includes(value as LadderStep)
}

export const volunteerInterests = ['events', 'communication', 'politics', 'education', 'outreach'] as const
export type VolunteerInterest = (typeof volunteerInterests)[number]

export function isVolunteerInterest(value: unknown): value is VolunteerInterest {
	return volunteerInterests.includes(value as VolunteerInterest)
}

export interface LadderSettings {
	/** Events a person has been checked in at to reach step 2. */
	eventsForStep2: number
	/** Events a person has helped at (shift held, event over, checked in) to reach step 3. */
	helperEventsForStep3: number
	/** How far back helping counts, in months. */
	helperWindowMonths: number
}

export const defaultLadderSettings: LadderSettings = {
	eventsForStep2: 1,
	helperEventsForStep3: 2,
	helperWindowMonths: 12,
}

/** Column names in ladder_setting, one per setting. */
export const settingNames = {
	eventsForStep2: 'events_for_step_2',
	helperEventsForStep3: 'helper_events_for_step_3',
	helperWindowMonths: 'helper_window_months',
} as const satisfies Record<keyof LadderSettings, string>

/** What the rules look at for one person. */
export interface LadderFacts {
	confirmed: boolean
	/** Distinct events the person was checked in at. */
	attended: number
	/**
	 * Distinct events in the window where the person's helper shift is done. A shift is done when
	 * the person held it at an event that has ended AND was checked in at that event: signing up
	 * alone is a promise, not help given.
	 */
	helped: number
}

/**
 * The step the facts alone earn. Steps build on each other: helping at events counts towards
 * step 3 only for someone who also meets step 2 (they were checked in there, so they almost
 * always do). Step 4 is never reached by rule: a coordinator grants it.
 */
export function ruleStep(facts: LadderFacts, settings: LadderSettings): StepOrZero {
	if (!facts.confirmed) return 0
	if (facts.attended < settings.eventsForStep2) return 1
	if (facts.helped < settings.helperEventsForStep3) return 2
	return 3
}

/** The rule that lets a person onto a step; used for the history's reason. */
export function ruleFor(step: StepOrZero): 'signature' | 'attendance' | 'helping' {
	return step <= 1 ? 'signature' : step === 2 ? 'attendance' : 'helping'
}

/**
 * Whether the rules move a person up. They promote when the facts earn more than the current
 * step and the rules have something new to say: a higher rule step than last time, or more
 * facts than last time. So a coordinator's lowering stands until the person does something new,
 * and nobody is ever lowered by a rule.
 */
export function shouldPromote(
	current: { step: number; ruleStep: number; attended: number; helped: number },
	earned: StepOrZero,
	facts: LadderFacts,
): boolean {
	if (earned <= current.step) return false
	return earned > current.ruleStep || facts.attended > current.attended || facts.helped > current.helped
}

/** The start of the helping window: `months` calendar months before now, in UTC. */
export function windowStart(now: Date, months: number): Date {
	const start = new Date(now.getTime())
	start.setUTCMonth(start.getUTCMonth() - months)
	return start
}

/**
 * Which kinds of event fit which commitments, for a first event to suggest. A guide, not a rule:
 * fikas, after-works and kick-offs welcome everyone and fit any pledge.
 */
export const eventTypesForCategory: Record<CommitmentCategory, string[]> = {
	transport: ['excursion'],
	food: ['cooking-class'],
	energy: ['course'],
	consumption: ['clothing-swap', 'film-screening'],
	engagement: ['politician-qa', 'theme-kick-off', 'market-stall'],
}
export const eventTypesForEveryone = ['climate-fika', 'after-work', 'theme-kick-off']
/** Where the pact plans its coming activities: the theme kick-offs ("we start planning the theme"). */
export const planningEventTypes = ['theme-kick-off']
