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

/** Icons as emoji: no image files to ship, and every phone and mail client shows them. */
export const themeIcons = {
	bicycle: '🚲',
	carrot: '🥕',
	sun: '☀️',
	recycle: '♻️',
	hands: '🤝',
	house: '🏠',
	tree: '🌳',
	water: '💧',
} as const
export type ThemeIcon = keyof typeof themeIcons
export const themeIconNames = Object.keys(themeIcons) as ThemeIcon[]

export function iconGlyph(name: string | null): string | null {
	return name ? (themeIcons[name as ThemeIcon] ?? null) : null
}
