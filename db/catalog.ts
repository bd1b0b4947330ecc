import { sql } from 'kysely'
import { isPostgres } from './engine.ts'
import type { DbHandle } from './index.ts'

/**
 * What the migrated schema holds, read from the engine's own catalogue (issue 13): code that must
 * see every table or every reference to a table, including ones added later (the retention job,
 * the privacy tests), asks here instead of keeping a list. Kysely's bookkeeping tables are left out.
 */

/** The app's tables, by name. */
export async function listTables(db: DbHandle): Promise<string[]> {
	const query = isPostgres(db)
		? sql<{ name: string }>`
			select table_name as name from information_schema.tables
			where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
			order by table_name`
		: sql<{ name: string }>`
			select name from sqlite_master
			where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
			order by name`
	return (await query.execute(db)).rows.map((row) => row.name)
}

/** A table's columns, in their order. */
export async function columnsOf(db: DbHandle, table: string): Promise<string[]> {
	const query = isPostgres(db)
		? sql<{ name: string }>`
			select column_name as name from information_schema.columns
			where table_schema = current_schema() and table_name = ${table}
			order by ordinal_position`
		: sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`
	return (await query.execute(db)).rows.map((row) => row.name)
}

/** Every column, in any table, with a foreign key to `table`. */
export async function columnsReferencing(db: DbHandle, table: string): Promise<{ table: string; column: string }[]> {
	const query = isPostgres(db)
		? sql<{ table: string; column: string }>`
			select cl.relname as "table", a.attname as "column"
			from pg_constraint c
			join pg_class cl on cl.oid = c.conrelid
			join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
			where c.contype = 'f' and c.confrelid = quote_ident(${table})::regclass
			order by cl.relname, a.attname`
		: sql<{ table: string; column: string }>`
			select m.name as "table", f."from" as "column"
			from sqlite_master m join pragma_foreign_key_list(m.name) f
			where m.type = 'table' and f."table" = ${table}
			order by m.name, f."from"`
	return (await query.execute(db)).rows
}
