import { sql, type Kysely } from 'kysely'
import { postgresNowIso } from '../dialect.ts'
import { isPostgres } from '../engine.ts'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Consent history (issue 12): what a person agreed to and when. Before this migration only the
	// latest state was kept (the signature's consent and newsletter columns, the user's email
	// choices), so the history starts here. Triggers write it, so every path that changes a
	// consent (signing, confirming, withdrawing, the preferences page, one-click unsubscribe) is
	// covered without each area having to remember; app/privacy/consents.server.ts reads it.
	await db.schema
		.createTable('consent_log')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		// pledge-consent (detail: the consent text's version), pledge-confirmed, pledge-withdrawn,
		// newsletter (detail: on/off), digest (detail: weekly/monthly/off), event-reminders and
		// level-up (detail: on/off).
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('detail', 'text')
		.addColumn('at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('consent_log_user').on('consent_log').columns(['user_id', 'at']).execute()

	if (isPostgres(db)) return consentTriggersOnPostgres(db)
	const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
	const onOff = (column: string) => `case when NEW.${column} = 1 then 'on' else 'off' end`
	await sql
		.raw(
			`create trigger consent_log_signature_insert after insert on signature begin
				insert into consent_log (user_id, kind, detail, at) values (NEW.user_id, 'pledge-consent', NEW.consent_version, NEW.consent_at);
				insert into consent_log (user_id, kind, detail, at)
					select NEW.user_id, 'newsletter', 'on', coalesce(NEW.newsletter_consent_at, NEW.consent_at) where NEW.newsletter_consent = 1;
			end`,
		)
		.execute(db)
	await sql
		.raw(
			`create trigger consent_log_signature_update after update on signature begin
				insert into consent_log (user_id, kind, detail, at)
					select NEW.user_id, 'pledge-consent', NEW.consent_version, NEW.consent_at
					where NEW.consent_at is not OLD.consent_at or NEW.consent_version is not OLD.consent_version;
				insert into consent_log (user_id, kind, detail, at)
					select NEW.user_id, 'pledge-confirmed', null, coalesce(NEW.confirmed_at, ${now})
					where NEW.status = 'confirmed' and OLD.status is not 'confirmed';
				insert into consent_log (user_id, kind, detail, at)
					select NEW.user_id, 'pledge-withdrawn', null, coalesce(NEW.withdrawn_at, ${now})
					where NEW.status = 'withdrawn' and OLD.status is not 'withdrawn';
				insert into consent_log (user_id, kind, detail, at)
					select NEW.user_id, 'newsletter', ${onOff('newsletter_consent')}, coalesce(NEW.newsletter_consent_at, NEW.updated_at)
					where NEW.newsletter_consent is not OLD.newsletter_consent;
			end`,
		)
		.execute(db)
	await sql
		.raw(
			`create trigger consent_log_user_update after update on user begin
				insert into consent_log (user_id, kind, detail, at)
					select NEW.id, 'digest', NEW.digest_frequency, ${now} where NEW.digest_frequency is not OLD.digest_frequency;
				insert into consent_log (user_id, kind, detail, at)
					select NEW.id, 'event-reminders', ${onOff('event_reminders')}, ${now} where NEW.event_reminders is not OLD.event_reminders;
				insert into consent_log (user_id, kind, detail, at)
					select NEW.id, 'level-up', ${onOff('level_up_emails')}, ${now} where NEW.level_up_emails is not OLD.level_up_emails;
			end`,
		)
		.execute(db)
}

/**
 * The same three triggers in PostgreSQL's terms (issue 13, decision 0021): a trigger there runs a
 * plpgsql function, `is not` between values is `is distinct from`, and `user` is a reserved word.
 * A branch beside the SQLite SQL above, which stays byte for byte what it was.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as up()
async function consentTriggersOnPostgres(db: Kysely<any>): Promise<void> {
	const now = postgresNowIso
	const onOff = (column: string) => `case when NEW.${column} = 1 then 'on' else 'off' end`
	const trigger = async (name: string, on: string, body: string) => {
		await sql
			.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`)
			.execute(db)
		await sql.raw(`create trigger ${name} after ${on} for each row execute function ${name}()`).execute(db)
	}
	await trigger(
		'consent_log_signature_insert',
		'insert on signature',
		`insert into consent_log (user_id, kind, detail, at) values (NEW.user_id, 'pledge-consent', NEW.consent_version, NEW.consent_at);
		insert into consent_log (user_id, kind, detail, at)
			select NEW.user_id, 'newsletter', 'on', coalesce(NEW.newsletter_consent_at, NEW.consent_at) where NEW.newsletter_consent = 1;`,
	)
	await trigger(
		'consent_log_signature_update',
		'update on signature',
		`insert into consent_log (user_id, kind, detail, at)
			select NEW.user_id, 'pledge-consent', NEW.consent_version, NEW.consent_at
			where NEW.consent_at is distinct from OLD.consent_at or NEW.consent_version is distinct from OLD.consent_version;
		insert into consent_log (user_id, kind, detail, at)
			select NEW.user_id, 'pledge-confirmed', null, coalesce(NEW.confirmed_at, ${now})
			where NEW.status = 'confirmed' and OLD.status is distinct from 'confirmed';
		insert into consent_log (user_id, kind, detail, at)
			select NEW.user_id, 'pledge-withdrawn', null, coalesce(NEW.withdrawn_at, ${now})
			where NEW.status = 'withdrawn' and OLD.status is distinct from 'withdrawn';
		insert into consent_log (user_id, kind, detail, at)
			select NEW.user_id, 'newsletter', ${onOff('newsletter_consent')}, coalesce(NEW.newsletter_consent_at, NEW.updated_at)
			where NEW.newsletter_consent is distinct from OLD.newsletter_consent;`,
	)
	await trigger(
		'consent_log_user_update',
		'update on "user"',
		`insert into consent_log (user_id, kind, detail, at)
			select NEW.id, 'digest', NEW.digest_frequency, ${now} where NEW.digest_frequency is distinct from OLD.digest_frequency;
		insert into consent_log (user_id, kind, detail, at)
			select NEW.id, 'event-reminders', ${onOff('event_reminders')}, ${now} where NEW.event_reminders is distinct from OLD.event_reminders;
		insert into consent_log (user_id, kind, detail, at)
			select NEW.id, 'level-up', ${onOff('level_up_emails')}, ${now} where NEW.level_up_emails is distinct from OLD.level_up_emails;`,
	)
}
