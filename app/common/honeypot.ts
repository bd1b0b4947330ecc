/**
 * The honeypot on every public form (docs/decisions/0020): a text field people never see or
 * reach with the keyboard, which programs that fill in every field they find do fill in. Its
 * name looks like a field worth filling, and no form of ours has a real field by that name (the
 * partner form's own is `website`). An absent field counts as empty, so scripts and tests
 * that post a form without it are people as far as this check goes.
 */
export const HONEYPOT_FIELD = 'homepage'

/** True when the form's honeypot holds anything. */
export function honeypotFilled(form: FormData): boolean {
	const value = form.get(HONEYPOT_FIELD)
	return value !== null && (typeof value !== 'string' || value !== '')
}
