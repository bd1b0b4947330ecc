import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrateToLatest, openDatabase } from '#db/index.ts'
import { tmpRoot } from './paths.ts'

/**
 * Migrates one template database per run; every test file works on its own copy of it. Each run
 * has its own folder, so two runs at once (two terminals, two people) never touch each other.
 */
export default async function setup(project: TestProject) {
	const runDir = path.join(tmpRoot, `run-${process.pid}`)
	fs.mkdirSync(runDir, { recursive: true })
	const templateDbPath = path.join(runDir, 'template.db')
	const db = openDatabase(templateDbPath)
	await migrateToLatest(db)
	await db.destroy()
	project.provide('runDir', runDir)
	project.provide('templateDbPath', templateDbPath)
	return () => fs.rmSync(runDir, { recursive: true, force: true })
}
