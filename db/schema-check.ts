// Holds the hand-written db/schema.ts against db/introspected.ts (what the migrations really
// create, written by `npm run db:types`). `npm run typecheck` fails with one line per mismatch,
// e.g. `"signature.district: the database allows null, db/schema.ts does not"`.
//
// db/schema.ts stays hand-written because it says more than the database can: 'pending' |
// 'confirmed' rather than string, 0 | 1 rather than number, what a timestamp is. The check makes
// sure it never says something the database contradicts.
import type { Insertable, Selectable } from 'kysely'
import type { DB as Introspected } from './introspected.ts'
import type { Database } from './schema.ts'

type Tables = keyof Database | keyof Introspected

/** The keys an insert may leave out. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T]

/**
 * SQLite reports an INTEGER PRIMARY KEY (the rowid) as nullable; it never holds null. Such a
 * column introspects as an optional, nullable number and is spared the nullability check.
 */
type IsRowid<Row, Insert, C extends keyof Row> =
	C extends OptionalKeys<Insert> ? (null extends Row[C] ? (Row[C] extends number | null ? true : false) : false) : false

/**
 * Text primary keys that SQLite, for old compatibility, would let hold null because their
 * migrations do not say NOT NULL. The app always writes them; introspection cannot tell a primary
 * key, so they are named here rather than rebuilding the tables.
 */
type TextPrimaryKey =
	| 'role.name'
	| 'permission.name'
	| 'session.id'
	| 'event_type.name'
	| 'ladder_setting.name'
	| 'suppression.email'
	| 'webhook_event.id'

type ColumnProblems<T extends string, Hand, Real> = {
	[C in keyof Selectable<Hand> | keyof Selectable<Real>]: C extends string
		? C extends keyof Selectable<Real>
			? C extends keyof Selectable<Hand>
				? Selectable<Hand>[C] extends Selectable<Real>[C]
					? null extends Selectable<Real>[C]
						? null extends Selectable<Hand>[C]
							? C extends OptionalKeys<Insertable<Hand>>
								? C extends OptionalKeys<Insertable<Real>>
									? never
									: `${T}.${C}: db/schema.ts lets an insert leave it out, the database has no default`
								: never
							: IsRowid<Selectable<Real>, Insertable<Real>, C> extends true
								? never
								: `${T}.${C}` extends TextPrimaryKey
									? never
									: `${T}.${C}: the database allows null, db/schema.ts does not`
						: C extends OptionalKeys<Insertable<Hand>>
							? C extends OptionalKeys<Insertable<Real>>
								? never
								: `${T}.${C}: db/schema.ts lets an insert leave it out, the database has no default`
							: never
					: `${T}.${C}: db/schema.ts's type is not one the database column holds`
				: `${T}.${C}: in the database, missing from db/schema.ts`
			: `${T}.${C}: in db/schema.ts, missing from the database`
		: never
}[keyof Selectable<Hand> | keyof Selectable<Real>]

type Problems = {
	[T in Tables]: T extends keyof Database
		? T extends keyof Introspected
			? ColumnProblems<T, Database[T], Introspected[T]>
			: `${T}: in db/schema.ts, not in the database`
		: `${T}: in the database, not in db/schema.ts`
}[Tables]

/** Fails to compile, naming a problem, unless there is none. */
type NoProblems<T extends never> = T
export type SchemaMatchesDatabase = NoProblems<Problems>
