import type { Migration } from 'kysely'
import * as m0001 from './0001_foundation.ts'
import * as m0003 from './0003_events.ts'
import * as m0004 from './0004_ladder.ts'
import * as m0005 from './0005_newsletters.ts'
import * as m0006 from './0006_outbox_claim.ts'
import * as m0007 from './0007_images.ts'
import * as m0009 from './0009_proposals.ts'
import * as m0010 from './0010_content_pages.ts'
import * as m0008 from './0008_themes.ts'
import * as m0012 from './0012_climate_reports.ts'
import * as m0011 from './0011_partners.ts'
import * as m0013 from './0013_stories_awards.ts'
import * as m0014 from './0014_partnership_day.ts'
import * as m0015 from './0015_mentoring_projects.ts'
import * as m0016 from './0016_event_audience_renewals.ts'
import * as m0017 from './0017_trust_auth.ts'
import * as m0018 from './0018_privacy.ts'
import * as m0019 from './0019_operators.ts'
import * as m0020 from './0020_job_leases.ts'

/**
 * Every migration, in order. Listed here rather than read from the folder at run time so that
 * the server build carries them and `npm start` can migrate without TypeScript tooling.
 * Add a new file and one line below; never edit a migration that has landed on main.
 */
export const migrations: Record<string, Migration> = {
	'0001_foundation': m0001,
	'0003_events': m0003,
	'0004_ladder': m0004,
	'0005_newsletters': m0005,
	'0006_outbox_claim': m0006,
	'0007_images': m0007,
	'0009_proposals': m0009,
	'0008_themes': m0008,
	'0010_content_pages': m0010,
	'0011_partners': m0011,
	'0012_climate_reports': m0012,
	'0013_stories_awards': m0013,
	'0014_partnership_day': m0014,
	'0015_mentoring_projects': m0015,
	'0016_event_audience_renewals': m0016,
	'0017_trust_auth': m0017,
	'0018_privacy': m0018,
	'0019_operators': m0019,
	'0020_job_leases': m0020,
}
