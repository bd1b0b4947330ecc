/**
 * Placeholders in a message rendered once for many recipients. Delivery fills them in per
 * recipient: escaped in HTML, as they are in plain text and headers. The markers are plain ASCII
 * that neither React nor the plain-text renderer changes.
 */
export function placeholder(name: string): string {
	return `%%${name}%%`
}

const pattern = /%%([a-zA-Z][a-zA-Z0-9]*)%%/g

export function escapeHtml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;')
}

/** Replaces every known placeholder; unknown ones stay as they are, so a typo shows in the preview. */
export function fillPlaceholders(template: string, variables: Record<string, string>, as: 'html' | 'text'): string {
	return template.replace(pattern, (whole, name: string) => {
		const value = variables[name]
		if (value === undefined) return whole
		return as === 'html' ? escapeHtml(value) : value
	})
}
