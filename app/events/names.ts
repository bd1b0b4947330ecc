/** Names that contain every word searched for, ignoring case and accents ("asa" finds "Åsa"). */
export function matchesName(name: string, query: string): boolean {
	const fold = (s: string) =>
		s
			.toLocaleLowerCase('sv')
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
	const haystack = fold(name)
	return fold(query)
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => haystack.includes(word))
}
