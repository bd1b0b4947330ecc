import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { Migrator, sql, type Kysely, type Transaction } from 'kysely'
import { columnsOf, columnsReferencing, listTables } from './catalog.ts'
import { isPostgres } from './engine.ts'
import { databasePath, describeDatabase, isPostgresUrl, openDatabase } from './index.ts'
import { migrations } from './migrations/index.ts'

/**
 * `npm run db:copy -- <from> <to>` (issue 13): a whole pact from one database into another, SQLite
 * or PostgreSQL either way, ids kept. The target is migrated to the source's version and must hold
 * nothing but what the migrations wrote; the rows go over in one transaction on the target, read
 * from one snapshot of the source; afterwards every table's count and checksum are compared.
 * The engines differ here and only here: foreign keys, triggers and id sequences.
 */

// Tables are read whatever their shape: the copy walks the catalogue, not db/schema.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyDb = Kysely<any>
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyTrx = Transaction<any>

/** A reason the copy did not start: no rows were written (the target may have been migrated). */
export class CopyRefused extends Error {}

export interface TableCheck {
	table: string
	sourceRows: number
	targetRows: number
	sourceChecksum: string
	targetChecksum: string
}

export interface CopyReport {
	version: string
	tables: TableCheck[]
	/** Every table has the same rows on both sides. */
	ok: boolean
	/**
	 * Other sessions on a PostgreSQL source when it was read (null for SQLite, which cannot tell):
	 * an app or worker still running there may write after the snapshot, and the copy lacks that.
	 */
	otherSessionsOnSource: number | null
}

/** Bind parameters per insert: well under SQLite's 32,766 and PostgreSQL's 65,535. */
const parametersPerInsert = 10_000

export async function copyDatabase(from: string, to: string): Promise<CopyReport> {
	if (databasePath(from) === databasePath(to)) throw new CopyRefused('The source and the target are the same database.')
	if (!isPostgresUrl(from) && !fs.existsSync(databasePath(from)))
		throw new CopyRefused(`${describeDatabase(from)}: no such file.`)
	const source = openDatabase(databasePath(from)) as unknown as AnyDb
	const version = await sourceVersion(source, describeDatabase(from)).catch(async (error: unknown) => {
		await source.destroy()
		throw error
	})
	const otherSessionsOnSource = await otherSessions(source)
	// Opened only now: opening a SQLite file creates it, which a refused source should not.
	const target = openDatabase(databasePath(to)) as unknown as AnyDb
	try {
		await refuseUnlessEmpty(target, version, describeDatabase(to))
		await migrateTo(target, version)
		const plan = await planCopy(source, target)
		const sourceSums = await readSnapshot(source, (read) =>
			target.transaction().execute((trx) => copyRows(read, trx, plan)),
		)
		// The planner's statistics at once, rather than when autovacuum gets round to the new rows:
		// without them the app's first minutes on the copy run on plans chosen blind (benchmarks.md).
		if (isPostgres(target)) await sql`analyze`.execute(target)
		const tables: TableCheck[] = []
		for (const table of plan.order) {
			const { rows, checksum } = await checksumOf(target, table, plan.keys.get(table)!)
			const expected = sourceSums.get(table)!
			tables.push({
				table,
				sourceRows: expected.rows,
				targetRows: rows,
				sourceChecksum: expected.checksum,
				targetChecksum: checksum,
			})
		}
		tables.sort((a, b) => (a.table < b.table ? -1 : 1))
		const ok = tables.every((t) => t.sourceRows === t.targetRows && t.sourceChecksum === t.targetChecksum)
		return { version, tables, ok, otherSessionsOnSource }
	} finally {
		await Promise.all([source.destroy(), target.destroy()])
	}
}

/**
 * How many other sessions are connected to a PostgreSQL database (null on SQLite). Not a refusal:
 * a connection pooler keeps its connections when the app is stopped. A pool closed a moment ago
 * is still listed for up to a second (its end() returns before the server sees it go), so a count
 * above zero is looked at again for that long.
 */
async function otherSessions(db: AnyDb): Promise<number | null> {
	if (!isPostgres(db)) return null
	const count = async () =>
		(
			await sql<{ n: number }>`
				select count(*)::int as n from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid()`.execute(db)
		).rows[0]!.n
	let others = await count()
	for (let look = 0; others > 0 && look < 10; look++) {
		await new Promise((resolve) => setTimeout(resolve, 100))
		others = await count()
	}
	return others
}

/** The report as a table for the terminal, one line per table, mismatches marked. */
export function formatCopyReport(report: CopyReport): string {
	const width = Math.max(5, ...report.tables.map((t) => t.table.length))
	const line = (cells: string[]) =>
		[cells[0]!.padEnd(width), ...cells.slice(1, 3).map((c) => c.padStart(8)), ...cells.slice(3)].join('  ').trimEnd()
	return [
		line(['table', 'source', 'target', 'checksum (source = target)', '']),
		...report.tables.map((t) => {
			const same = t.sourceRows === t.targetRows && t.sourceChecksum === t.targetChecksum
			const checksum =
				t.sourceChecksum === t.targetChecksum ? t.sourceChecksum : `${t.sourceChecksum} ≠ ${t.targetChecksum}`
			return line([t.table, String(t.sourceRows), String(t.targetRows), checksum, same ? 'ok' : 'MISMATCH'])
		}),
	].join('\n')
}

async function migrateTo(db: AnyDb, version: string): Promise<void> {
	const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(version)
	if (error) throw error
}

/** Names of the migrations a database has had, in order; none when it has never been migrated. */
async function appliedMigrations(db: AnyDb): Promise<string[]> {
	const migrated = await sql`select 1 from kysely_migration limit 0`.execute(db).then(
		() => true,
		() => false,
	)
	if (!migrated) return []
	const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute()
	return rows.map((row) => row.name as string)
}

/** The source's migration, which this code must know (a newer release's database is refused). */
async function sourceVersion(source: AnyDb, name: string): Promise<string> {
	const applied = await appliedMigrations(source)
	const known = Object.keys(migrations).sort()
	if (applied.length === 0) throw new CopyRefused(`${name} has never been migrated: it holds no pact to copy.`)
	const unknown = applied.filter((migration) => !known.includes(migration))
	if (unknown.length > 0)
		throw new CopyRefused(`${name} was migrated by a newer release (${unknown.join(', ')}); copy it with that release.`)
	return applied.at(-1)!
}

/**
 * The target may have been migrated already, but must hold no more rows in any table than the
 * migrations themselves write (roles, event types, the pact's counter row…), measured on a fresh
 * in-memory database. Anything more is someone's data, and the copy never overwrites it.
 */
async function refuseUnlessEmpty(target: AnyDb, version: string, name: string): Promise<void> {
	const applied = await appliedMigrations(target)
	if (applied.some((migration) => migration > version))
		throw new CopyRefused(
			`${name} is migrated further (${applied.at(-1)}) than the source (${version}); migrate the source first.`,
		)
	const fresh = openDatabase(':memory:') as unknown as AnyDb
	const baseline = new Map<string, number>()
	try {
		await migrateTo(fresh, version)
		for (const table of await listTables(fresh)) baseline.set(table, await countRows(fresh, table))
	} finally {
		await fresh.destroy()
	}
	const occupied: string[] = []
	for (const table of await listTables(target)) {
		const rows = await countRows(target, table)
		if (rows > (baseline.get(table) ?? 0)) occupied.push(`${table} (${rows})`)
	}
	if (occupied.length > 0)
		throw new CopyRefused(
			`${name} is not empty: ${occupied.join(', ')}. db:copy only writes into a new database and never overwrites one; nothing was changed.`,
		)
}

interface Plan {
	/** Parents before children, and a table that triggers write into after the tables whose triggers do. */
	order: string[]
	columns: Map<string, string[]>
	/** What each table's rows are ordered by: its primary key, or every column when it has none. */
	keys: Map<string, string[]>
	/** Nullable columns that close a cycle of foreign keys (an event's theme, a theme's kick-off event). */
	cyclic: Map<string, string[]>
}

/** For each table, the tables it must follow, by the columns that refer to them (none for a trigger). */
type Follows = Map<string, Map<string, string[]>>

async function planCopy(source: AnyDb, target: AnyDb): Promise<Plan> {
	const tables = await listTables(source)
	const targetTables = await listTables(target)
	if (tables.join() !== targetTables.join())
		throw new CopyRefused(
			'After migrating, the target has other tables than the source; is the source a Klimatpakt database?',
		)
	const columns = new Map<string, string[]>()
	const keys = new Map<string, string[]>()
	const follows: Follows = new Map(tables.map((table) => [table, new Map()]))
	const nullable = new Map<string, Set<string>>()
	const selfReferences: { table: string; column: string }[] = []
	const follow = (table: string, parent: string, column?: string) => {
		const by = follows.get(table)?.get(parent) ?? []
		follows.get(table)?.set(parent, column ? [...by, column] : by)
	}
	for (const table of tables) {
		const sourceColumns = await columnsOf(source, table)
		const targetColumns = await columnsOf(target, table)
		if ([...sourceColumns].sort().join() !== [...targetColumns].sort().join())
			throw new CopyRefused(`The table ${table} has other columns in the target than in the source.`)
		columns.set(table, sourceColumns)
		nullable.set(table, await nullableColumns(target, table))
		const primaryKey = await primaryKeyOf(source, table)
		keys.set(table, primaryKey.length > 0 ? primaryKey : sourceColumns)
		for (const reference of await columnsReferencing(source, table))
			if (reference.table !== table) follow(reference.table, table, reference.column)
			else if (nullable.get(table)!.has(reference.column)) selfReferences.push(reference)
	}
	for (const { on, writes } of await sqliteTriggerWrites(target)) follow(writes, on)
	const { order, cyclic } = dependencyOrder(tables, follows, nullable)
	// A row that refers to another of its table's rows (none do today) may come before it.
	for (const { table, column } of selfReferences) cyclic.set(table, [...(cyclic.get(table) ?? []), column])
	return { order, cyclic, columns, keys }
}

/**
 * Tables in an order where each comes after those it must follow. Where a cycle of foreign keys
 * leaves no table ready, the first table on the cycle (by name) whose remaining references are
 * all nullable columns goes next, and those columns are filled in once the rest is there.
 */
function dependencyOrder(
	tables: string[],
	follows: Follows,
	nullable: Map<string, Set<string>>,
): Pick<Plan, 'order' | 'cyclic'> {
	const order: string[] = []
	const cyclic = new Map<string, string[]>()
	const placed = new Set<string>()
	const waitingFor = (table: string) => [...follows.get(table)!].filter(([parent]) => !placed.has(parent))
	const onCycle = (table: string) => {
		const seen = new Set<string>()
		const stack = waitingFor(table).map(([parent]) => parent)
		while (stack.length > 0) {
			const next = stack.pop()!
			if (next === table) return true
			if (!seen.has(next)) stack.push(...waitingFor(next).map(([parent]) => parent))
			seen.add(next)
		}
		return false
	}
	while (order.length < tables.length) {
		const unplaced = tables.filter((table) => !placed.has(table))
		let next = unplaced.filter((table) => waitingFor(table).length === 0)
		if (next.length === 0) {
			const breaker = unplaced.find(
				(table) =>
					onCycle(table) &&
					waitingFor(table).every(([, by]) => by.length > 0 && by.every((column) => nullable.get(table)!.has(column))),
			)
			if (!breaker)
				throw new CopyRefused(`The tables ${unplaced.join(', ')} refer to each other in a way db:copy cannot order.`)
			cyclic.set(
				breaker,
				waitingFor(breaker).flatMap(([, by]) => by),
			)
			next = [breaker]
		}
		for (const table of next) placed.add(table)
		order.push(...next)
	}
	return { order, cyclic }
}

/** A table's columns that may hold null. */
async function nullableColumns(db: AnyDb, table: string): Promise<Set<string>> {
	const query = isPostgres(db)
		? sql<{ name: string }>`
			select column_name as name from information_schema.columns
			where table_schema = current_schema() and table_name = ${table} and is_nullable = 'YES'`
		: sql<{ name: string }>`select name from pragma_table_info(${table}) where "notnull" = 0 and pk = 0`
	return new Set((await query.execute(db)).rows.map((row) => row.name))
}

async function primaryKeyOf(db: AnyDb, table: string): Promise<string[]> {
	const query = isPostgres(db)
		? sql<{ name: string }>`
			select a.attname as name from pg_index i
			join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
			where i.indrelid = quote_ident(${table})::regclass and i.indisprimary
			order by array_position(i.indkey::int2[], a.attnum)`
		: sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`
	return (await query.execute(db)).rows.map((row) => row.name)
}

/**
 * SQLite's triggers that insert into another table (0018's consent log), read from their SQL.
 * SQLite cannot switch triggers off for a transaction, and dropping and recreating them would
 * change the schema, so they fire while the copy inserts; the table they write into is copied
 * after the tables whose triggers fire, and what they wrote is deleted first (copyRows). On
 * PostgreSQL the triggers are switched off instead, and this returns nothing.
 */
async function sqliteTriggerWrites(db: AnyDb): Promise<{ on: string; writes: string }[]> {
	if (isPostgres(db)) return []
	const { rows } = await sql<{ on: string; body: string }>`
		select tbl_name as "on", sql as body from sqlite_master where type = 'trigger'`.execute(db)
	return rows.flatMap(({ on, body }) =>
		[...body.matchAll(/\binsert\s+into\s+["`]?(\w+)/gi)].map((match) => ({ on, writes: match[1]! })),
	)
}

/** Where checksums are added up: a 128-bit sum of each row's hash, so the order rows come in does not matter. */
const checksumModulus = 1n << 128n

interface TableSum {
	rows: number
	checksum: string
}

function rowHash(row: Record<string, unknown>): bigint {
	const canonical = Object.keys(row)
		.sort()
		.map((column) => {
			const value = row[column]
			return [column, Buffer.isBuffer(value) ? value.toString('base64') : value]
		})
	return BigInt(`0x${createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32)}`)
}

/** A table's rows, `batch` at a time in key order. */
async function* batches(db: AnyDb | AnyTrx, table: string, key: string[], batch: number) {
	for (let offset = 0; ; offset += batch) {
		let query = db.selectFrom(table).selectAll().limit(batch).offset(offset)
		for (const column of key) query = query.orderBy(column)
		const rows: Record<string, unknown>[] = await query.execute()
		if (rows.length > 0) yield rows
		if (rows.length < batch) return
	}
}

async function checksumOf(db: AnyDb, table: string, key: string[]): Promise<TableSum> {
	let rows = 0
	let sum = 0n
	for await (const batch of batches(db, table, key, 1000)) {
		rows += batch.length
		for (const row of batch) sum = (sum + rowHash(row)) % checksumModulus
	}
	return { rows, checksum: sum.toString(16).padStart(32, '0') }
}

type Reader = (table: string, key: string[], batch: number) => AsyncGenerator<Record<string, unknown>[]>

/**
 * Runs `work` with a reader over one consistent snapshot of the source: a repeatable-read
 * transaction on PostgreSQL; on SQLite, the app's immediate transaction, which also keeps writers
 * out while the copy reads.
 */
async function readSnapshot<T>(source: AnyDb, work: (read: Reader) => Promise<T>): Promise<T> {
	const transaction = isPostgres(source)
		? source.transaction().setIsolationLevel('repeatable read').setAccessMode('read only')
		: source.transaction()
	return transaction.execute((trx) => work((table, key, batch) => batches(trx, table, key, batch)))
}

async function copyRows(read: Reader, trx: AnyTrx, plan: Plan): Promise<Map<string, TableSum>> {
	const postgres = isPostgres(trx)
	const triggered = postgres ? await switchOffTriggers(trx) : []
	// SQLite checks foreign keys at commit, so a cycle (an event's theme, a theme's kick-off event)
	// needs nothing more there; PostgreSQL checks each insert, so the plan's cyclic columns are
	// inserted empty and filled in at the end.
	if (!postgres) await sql`pragma defer_foreign_keys = on`.execute(trx)
	// What the migrations wrote goes first, children before parents; the source has the same rows.
	for (const table of [...plan.order].reverse()) await trx.deleteFrom(table).execute()
	const sums = new Map<string, TableSum>()
	const fillIns: { table: string; key: string[]; row: Record<string, unknown>; columns: string[] }[] = []
	for (const table of plan.order) {
		// Rows a SQLite trigger wrote while earlier tables were copied: the source's own follow.
		await trx.deleteFrom(table).execute()
		const columns = plan.columns.get(table)!
		const key = plan.keys.get(table)!
		const later = postgres ? (plan.cyclic.get(table) ?? []) : []
		let rows = 0
		let sum = 0n
		for await (const batch of read(table, key, Math.floor(parametersPerInsert / columns.length))) {
			await trx
				.insertInto(table)
				.values(batch.map((row) => ({ ...row, ...Object.fromEntries(later.map((column) => [column, null])) })))
				.execute()
			for (const row of batch) {
				const filled = later.filter((column) => row[column] !== null)
				if (filled.length > 0) fillIns.push({ table, key, row, columns: filled })
			}
			rows += batch.length
			for (const row of batch) sum = (sum + rowHash(row)) % checksumModulus
		}
		sums.set(table, { rows, checksum: sum.toString(16).padStart(32, '0') })
	}
	for (const { table, key, row, columns } of fillIns) {
		let update = trx.updateTable(table).set(Object.fromEntries(columns.map((column) => [column, row[column]])))
		for (const column of key) update = update.where(column, '=', row[column])
		await update.execute()
	}
	if (postgres) {
		await setSequencesPastIds(trx)
		for (const table of triggered) await sql`alter table ${sql.table(table)} enable trigger user`.execute(trx)
	}
	return sums
}

/**
 * Switches off the triggers the migrations made (0018's consent log) for this transaction, so
 * copying a signature does not log its consent a second time beside the copied log. `alter table`
 * is transactional on PostgreSQL and needs only the tables' owner, where `session_replication_role`
 * needs a superuser; the caller switches them on again before committing.
 */
async function switchOffTriggers(trx: AnyTrx): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
		where not t.tgisinternal and c.relnamespace = current_schema()::regnamespace
		order by name`.execute(trx)
	for (const { name } of rows) await sql`alter table ${sql.table(name)} disable trigger user`.execute(trx)
	return rows.map((row) => row.name)
}

/** Identity columns continue after the largest copied id, so the next row the app inserts gets a new one. */
async function setSequencesPastIds(trx: AnyTrx): Promise<void> {
	const { rows } = await sql<{ table: string; column: string }>`
		select table_name as "table", column_name as "column" from information_schema.columns
		where table_schema = current_schema() and is_identity = 'YES'`.execute(trx)
	for (const { table, column } of rows)
		await sql`select setval(pg_get_serial_sequence(${sql.lit(`"${table}"`)}, ${column}),
			coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(trx)
}

async function countRows(db: AnyDb, table: string): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('rows'))
		.executeTakeFirstOrThrow()
	return Number(row.rows)
}
