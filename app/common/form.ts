import type { TFunction } from 'i18next'
import { z } from 'zod'
import type { Namespace } from '#app/i18n/i18n.ts'

/**
 * The t function a form schema words its messages with, so a field's error is the finished text
 * in the page's language. An area's own messages go by key (`t('errors.wholeNumber')`), the ones
 * every form shares by common's prefix (`t('common:form.required')`). Pass the area's t:
 * `useTranslation('pledge').t` in the browser, `await getT(request, 'pledge')` in the action, so
 * one schema serves both and both show the same words.
 */
export type SchemaT<Area extends Namespace = Namespace> = TFunction<[Area, 'common']>

/**
 * A schema factory that builds once per t function and then returns the same schema: the browser
 * keeps one t per language and namespace while the page lives, and so does the server (getT), so
 * a form validated on every keystroke, or an action under load, does not rebuild its schema.
 */
export function oncePerT<Area extends Namespace, Schema>(
	build: (t: SchemaT<Area>) => Schema,
): (t: SchemaT<Area>) => Schema {
	const built = new WeakMap<SchemaT<Area>, Schema>()
	return (t) => {
		let schema = built.get(t)
		if (!schema) built.set(t, (schema = build(t)))
		return schema
	}
}

/** "At most {{max}} characters." */
export function tooLong(t: SchemaT, max: number): string {
	return t('common:form.tooLong', { max })
}

/** Control characters have no place in a one-line text: they break emails, exports and .ics. */
export function hasControlCharacters(value: string): boolean {
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	return /[\u0000-\u001f\u007f]/.test(value)
}

/**
 * A one-line text that must be given: trimmed, at most `max` characters, no control characters.
 * Each area words the control-character error its own way, so it passes that message in.
 */
export function requiredLine(t: SchemaT, max: number, controlCharacters: string) {
	return requiredString(t, max).refine((value) => !hasControlCharacters(value), controlCharacters)
}

/** Given, trimmed and at most `max` characters: what every required text field asks first. */
function requiredString(t: SchemaT, max: number) {
	const required = t('common:form.required')
	return z.string({ error: required }).trim().min(1, required).max(max, tooLong(t, max))
}

/** The same line when it may be left empty: empty becomes null. */
export function optionalLine(t: SchemaT, max: number, controlCharacters: string) {
	return z
		.string()
		.trim()
		.max(max, tooLong(t, max))
		.refine((value) => !hasControlCharacters(value), controlCharacters)
		.optional()
		.transform((value) => (value ? value : null))
}

/**
 * Text of several lines that must be given (a summary, an answer): trimmed, at most `max`
 * characters; newlines and tabs are fine, other control characters are not.
 */
export function requiredText(t: SchemaT, max: number, controlCharacters: string) {
	return requiredString(t, max).refine(
		(value) => !hasControlCharacters(value.replace(/[\n\r\t]/g, ' ')),
		controlCharacters,
	)
}
