import fs from 'node:fs'
import { migrateToLatest, openDatabase } from '#db/index.ts'
import { templateDbPath, tmpDir } from './paths.ts'

/** Migrates one template database; every test file works on its own copy of it. */
export default async function setup() {
	fs.rmSync(tmpDir, { recursive: true, force: true })
	fs.mkdirSync(tmpDir, { recursive: true })
	const db = openDatabase(templateDbPath)
	await migrateToLatest(db)
	await db.destroy()
	return () => fs.rmSync(tmpDir, { recursive: true, force: true })
}
