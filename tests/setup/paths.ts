import path from 'node:path'

/** All test runs keep their files under here, each run in a folder of its own. */
export const tmpRoot = path.resolve('tests/.tmp')

declare module 'vitest' {
	export interface ProvidedContext {
		runDir: string
		templateDbPath: string
	}
}
