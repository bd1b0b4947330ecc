/**
 * Form messages travel from the server's schemas to the fields as `key|{"param":…}`; the form
 * components (app/ui/forms.tsx) translate them. Written here once rather than by hand per schema.
 */
export function formMessage(key: string, values: Record<string, string | number>): string {
	return `${key}|${JSON.stringify(values)}`
}

/** "At most {{max}} characters." */
export function tooLong(max: number): string {
	return formMessage('form.tooLong', { max })
}
