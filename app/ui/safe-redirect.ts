/** Only same-site paths: a redirectTo from a form or link must never send people elsewhere. */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback
	}
	return value
}
