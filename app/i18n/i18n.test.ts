import { describe, expect, test } from 'vitest'
import { namespaces, supportedLanguages } from './i18n.ts'
import { resources } from './resources.server.ts'

/** Every key path in a catalogue, e.g. "nav.signIn". */
function keyPaths(value: unknown, prefix = ''): string[] {
	if (typeof value !== 'object' || value === null) return [prefix]
	return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key))
}

function messageAt(root: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root)
}

/** The {{placeholders}} a message uses. */
function placeholders(message: unknown): string[] {
	return typeof message === 'string' ? [...message.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort() : []
}

describe('message catalogues', () => {
	// Swedish is the reference every other language is held against (i18next.d.ts types it).
	const others = supportedLanguages.filter((language) => language !== 'sv')

	test('every language has a catalogue for every namespace', () => {
		expect(Object.keys(resources).sort()).toEqual([...supportedLanguages].sort())
		for (const language of supportedLanguages) {
			expect([...namespaces].sort(), language).toEqual(Object.keys(resources[language]).sort())
		}
	})

	for (const namespace of Object.keys(resources.sv) as Array<keyof typeof resources.sv>) {
		test(`${others.join(', ')} have the same keys as sv in "${namespace}"`, () => {
			for (const language of others) {
				expect(keyPaths(resources[language][namespace]).sort(), language).toEqual(
					keyPaths(resources.sv[namespace]).sort(),
				)
			}
		})

		// A catalogue copied from English passes the key and placeholder checks; this one does not.
		// Some messages are rightly the same ("Status", "Scope 1", a name), a few in a hundred.
		test(`da and nb are translated, not copied from en, in "${namespace}"`, () => {
			const paths = keyPaths(resources.en[namespace])
			for (const language of ['da', 'nb'] as const) {
				const same = paths.filter(
					(path) => messageAt(resources[language][namespace], path) === messageAt(resources.en[namespace], path),
				)
				expect(same.length / paths.length, `${language}: ${same.join(', ')}`).toBeLessThan(0.15)
			}
		})

		test(`${others.join(', ')} use the same placeholders as sv in "${namespace}"`, () => {
			for (const path of keyPaths(resources.sv[namespace])) {
				const sv = messageAt(resources.sv[namespace], path)
				for (const language of others) {
					const message = messageAt(resources[language][namespace], path)
					expect(placeholders(message), `${language}/${namespace}:${path}`).toEqual(placeholders(sv))
				}
			}
		})

		test(`no message in "${namespace}" is empty`, () => {
			for (const language of supportedLanguages) {
				for (const path of keyPaths(resources[language][namespace])) {
					if (path === '') continue // an empty catalogue, while its area is being written
					expect(
						String(messageAt(resources[language][namespace], path)).trim(),
						`${language}/${namespace}:${path}`,
					).not.toBe('')
				}
			}
		})
	}

	// One name for each thing: where two pages name the same thing, they use the same words.
	for (const language of supportedLanguages) {
		test(`the ladder's steps have one name each in ${language}`, () => {
			const { ladder, pledge } = resources[language]
			for (const step of ['1', '2', '3', '4'] as const) {
				expect(pledge.ladder[`step${step}`].title, `step ${step} on the home page`).toBe(ladder.steps[step].title)
			}
		})

		test(`"check your email" is one title in ${language}`, () => {
			expect(resources[language].pledge.checkEmail.title).toBe(resources[language].auth.verify.title)
		})
	}
})
