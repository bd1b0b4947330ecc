import { describe, expect, test } from 'vitest'
import { namespaces } from './i18n.ts'
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
	test('the list of namespaces names every catalogue', () => {
		expect([...namespaces].sort()).toEqual(Object.keys(resources.sv).sort())
		expect([...namespaces].sort()).toEqual(Object.keys(resources.en).sort())
	})

	for (const namespace of Object.keys(resources.sv) as Array<keyof typeof resources.sv>) {
		test(`sv and en have the same keys in "${namespace}"`, () => {
			expect(keyPaths(resources.en[namespace]).sort()).toEqual(keyPaths(resources.sv[namespace]).sort())
		})

		test(`sv and en use the same placeholders in "${namespace}"`, () => {
			for (const path of keyPaths(resources.sv[namespace])) {
				const [en, sv] = [messageAt(resources.en[namespace], path), messageAt(resources.sv[namespace], path)]
				expect(placeholders(en), `${namespace}:${path}`).toEqual(placeholders(sv))
			}
		})

		test(`no message in "${namespace}" is empty`, () => {
			for (const language of ['sv', 'en'] as const) {
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
	for (const language of ['sv', 'en'] as const) {
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
