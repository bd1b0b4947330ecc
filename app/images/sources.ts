/**
 * Where an image's files are, for the browser as well as the server: the widths that exist of an
 * image and the names of its files. An image is stored at these widths, never wider than itself.
 */

/** What a page needs to show an image: its id, its alt text and its size (to reserve the space). */
export interface PictureImage {
	id: number
	alt: string
	width: number
	height: number
}

export const IMAGE_STEPS = [400, 800, 1600] as const
export const IMAGE_FORMATS = ['avif', 'webp', 'jpeg'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]
export const MAX_ALT_LENGTH = 250

/** The widths stored for an image this wide: each step below it, and itself up to the largest step. */
export function imageWidths(width: number): number[] {
	const largest = Math.max(...IMAGE_STEPS)
	const below = IMAGE_STEPS.filter((step) => step < Math.min(width, largest))
	return [...below, Math.min(width, largest)]
}

/** `12-800.webp`, `12-og.jpg`: the only names /images/:file serves. */
export function imageFileName(id: number, variant: string): string {
	return `${id}-${variant}`
}

function url(id: number, width: number, format: ImageFormat): string {
	return `/images/${imageFileName(id, `${width}.${format === 'jpeg' ? 'jpg' : format}`)}`
}

/** The srcset of each format and the JPEG the `<img>` falls back to (the middle width). */
export function imageSources(image: Pick<PictureImage, 'id' | 'width'>): {
	srcSets: Record<ImageFormat, string>
	fallback: string
} {
	const widths = imageWidths(image.width)
	const srcSet = (format: ImageFormat) => widths.map((w) => `${url(image.id, w, format)} ${w}w`).join(', ')
	const fallbackWidth = widths[Math.min(1, widths.length - 1)]!
	return {
		srcSets: { avif: srcSet('avif'), webp: srcSet('webp'), jpeg: srcSet('jpeg') },
		fallback: url(image.id, fallbackWidth, 'jpeg'),
	}
}

/** What a form's image field shows: the image it has now, the alt text typed, and any refusal. */
export interface ImageFieldView {
	current: PictureImage | null
	alt: string
	error: string | null
	/** The upload limit in bytes, so the browser refuses a larger file at once. */
	maxBytes: number
}
