import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrateToLatest, openDatabase } from '#db/index.ts'
import { tmpRoot } from './paths.ts'
import { createPostgresDatabase, dropPostgresDatabases, onPostgres } from './postgres.ts'

/**
 * Migrates one template database per run; every test file works on its own copy of it. Each run
 * has its own folder, so two runs at once (two terminals, two people) never touch each other. On
 * PostgreSQL (TEST_DATABASE_URL) the template is a database named after the run, and every
 * database the run made carries that name as a prefix, so the end of the run drops them all.
 */
export default async function setup(project: TestProject) {
	const runDir = path.join(tmpRoot, `run-${process.pid}`)
	fs.mkdirSync(runDir, { recursive: true })
	const databasePrefix = `kp_${process.pid}_`
	if (onPostgres) await dropPostgresDatabases(databasePrefix)
	const template = onPostgres
		? await createPostgresDatabase(`${databasePrefix}template`)
		: path.join(runDir, 'template.db')
	const db = openDatabase(template)
	await migrateToLatest(db)
	await db.destroy()
	project.provide('runDir', runDir)
	project.provide('templateDatabase', template)
	project.provide('databasePrefix', databasePrefix)
	return async () => {
		fs.rmSync(runDir, { recursive: true, force: true })
		if (onPostgres) await dropPostgresDatabases(databasePrefix)
	}
}
