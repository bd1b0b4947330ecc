import type { ThemeIconName } from './palette.ts'

/**
 * The themes' icons, drawn by hand on a 24-unit grid as one stroked path each (round ends, no
 * fill), so components.tsx can draw every one the same way in the text's colour. Circles are two
 * arcs. Kept simple: they are shown at the size of a heading's letters.
 */
export const themeIconPaths: Record<ThemeIconName, string> = {
	// Two wheels, the frame, the fork, handlebars and a saddle.
	bicycle:
		'M2 16a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0M15 16a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0' +
		'M5.5 16L9 9L12 16ZM9 9H15.5L12 16M15.5 9L18.5 16M15.5 9L14.5 6H17M7.5 8H10.5',
	// A carrot pointing down to the left, with its greens.
	carrot:
		'M14.5 9.5a3 3 0 0 0 -4.2 0L4 19a0.7 0.7 0 0 0 1 1L14.5 13.7a3 3 0 0 0 0 -4.2Z' +
		'M15 9L19 5M15.5 7.5L17 3.5M16.5 9L20.5 7.5M9 14l1.5 1.5M7 16.5l1 1',
	// A leaf with its middle vein.
	leaf: 'M5 19C5 10 10 5 20 4C19 14 14 19 5 19ZM5 19L13 11',
	// A sun and eight rays.
	sun:
		'M8 12a4 4 0 1 0 8 0a4 4 0 1 0 -8 0M12 2v2M12 20v2M2 12h2M20 12h2' +
		'M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M4.9 19.1l1.4 -1.4M17.7 6.3l1.4 -1.4',
	// A lightning bolt: energy.
	bolt: 'M13 2L4 14H11L10 22L20 10H13Z',
	// A shopping bag with its handle: what we buy.
	bag: 'M5 8H19L18 21H6ZM9 8V6.5a3 3 0 0 1 6 0V8',
	// Two arrows chasing each other round a circle.
	recycle: 'M16 5.1A8 8 0 0 1 16 18.9M19.2 19.5L16 18.9L17.1 15.9' + 'M8 18.9A8 8 0 0 1 8 5.1M4.8 4.5L8 5.1L6.9 8.1',
	// Two people holding hands: doing it together.
	hands:
		'M5.5 7a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0M13.5 7a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0' +
		'M4.5 21V17.5a3.5 3.5 0 0 1 7 0V21M12.5 21V17.5a3.5 3.5 0 0 1 7 0V21M11.5 17.5h1',
	// A house with a door.
	house: 'M3 11.5L12 4L21 11.5M5.5 9.5V20H18.5V9.5M10 20v-5h4v5',
	// A round crown on a trunk with two branches.
	tree: 'M6 9a6 6 0 1 0 12 0a6 6 0 1 0 -12 0M12 12V21M12 15l-2.5 -2M12 14l2 -1.5M8 21h8',
	// A drop of water.
	water: 'M12 3C9 7 5.5 11 5.5 14.5a6.5 6.5 0 0 0 13 0C18.5 11 15 7 12 3Z',
}
