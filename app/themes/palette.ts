/**
 * The colours and icons a theme may have. A fixed palette rather than a colour picker: each colour
 * carries white text at well over 4.5:1 and reads as text on white too, so no theme can make its
 * own page fail WCAG 2.1 AA.
 */
export const themeColours = {
	forest: '#1f6f43',
	sea: '#0b5f7a',
	harvest: '#8a4b08',
	berry: '#8c1d4f',
	plum: '#5b3a8c',
	slate: '#3d4a5c',
} as const
export type ThemeColour = keyof typeof themeColours
export const themeColourNames = Object.keys(themeColours) as ThemeColour[]

/** The hex value of a stored colour name; an unknown name (an old row) falls back to the first. */
export function colourHex(name: string): string {
	return themeColours[name as ThemeColour] ?? themeColours.forest
}

/**
 * The icons a theme may have, by the name stored in `theme.icon`; icons.ts draws each as inline
 * SVG. They were emoji, which headless browsers and systems without a colour-emoji font showed
 * as empty boxes. The names are the ones stored then, so no row needs to change.
 */
export const themeIconNames = [
	'bicycle',
	'carrot',
	'leaf',
	'sun',
	'bolt',
	'bag',
	'recycle',
	'hands',
	'house',
	'tree',
	'water',
] as const
export type ThemeIconName = (typeof themeIconNames)[number]

/** The stored name if it is an icon we draw; null for none or an unknown name. */
export function iconName(stored: string | null): ThemeIconName | null {
	return themeIconNames.includes(stored as ThemeIconName) ? (stored as ThemeIconName) : null
}
