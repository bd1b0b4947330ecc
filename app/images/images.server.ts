import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { config } from '#app/config.server.ts'
import type { DbHandle } from '#db/index.ts'
import { imageFileName, imageWidths, IMAGE_FORMATS, MAX_ALT_LENGTH, type PictureImage } from './sources.ts'

/**
 * Uploaded images: refused unless sharp can decode them, resized to a few widths (never
 * enlarged), stored as AVIF and WebP with a JPEG for the browsers that take neither, plus one
 * 1200×630 JPEG for link previews. The files live in UPLOAD_DIR/images, named by the row's id.
 */

export type ImageRefusal = 'notAnImage' | 'tooLarge' | 'altMissing'
export type SaveImageResult = { ok: true; imageId: number } | { ok: false; error: ImageRefusal }

/** What a browser can show and sharp can read; SVG is left out (it is a document, not a photo). */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif', 'tiff'])
/** A decompression bomb (a small file claiming billions of pixels) is refused before decoding. */
const MAX_PIXELS = 60_000_000
const OPEN_GRAPH = { width: 1200, height: 630 }

export function imageDir(): string {
	return path.resolve(config.uploadDir, 'images')
}

/**
 * Stores an uploaded image with its alt text. The files are written before the row's transaction
 * ends, so a row never points at missing files; if writing fails, nothing is kept.
 */
export async function saveImage(
	db: DbHandle,
	file: File,
	alt: string,
	{ createdBy = null, maxBytes = config.imageMaxBytes }: { createdBy?: number | null; maxBytes?: number } = {},
): Promise<SaveImageResult> {
	const text = alt.trim().slice(0, MAX_ALT_LENGTH)
	if (file.size > maxBytes) return { ok: false, error: 'tooLarge' }
	const decoded = await decode(Buffer.from(await file.arrayBuffer()))
	if (!decoded) return { ok: false, error: 'notAnImage' }
	if (!text) return { ok: false, error: 'altMissing' }
	const files = await encode(decoded)
	if (!files) return { ok: false, error: 'notAnImage' }

	const dir = imageDir()
	await fs.mkdir(dir, { recursive: true })
	const row = await db
		.insertInto('image')
		.values({
			alt: text,
			width: decoded.width,
			height: decoded.height,
			created_by: createdBy,
			created_at: new Date().toISOString(),
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	const written: string[] = []
	try {
		for (const { name, data } of files) {
			const target = path.join(dir, imageFileName(row.id, name))
			await fs.writeFile(target, data)
			written.push(target)
		}
	} catch (error) {
		await Promise.all(written.map((target) => fs.rm(target, { force: true })))
		await db.deleteFrom('image').where('id', '=', row.id).execute()
		throw error
	}
	return { ok: true, imageId: row.id }
}

/** The upright pixels and their size, or null for anything sharp cannot read as a photo. */
type Decoded = { pixels: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 }

async function decode(input: Buffer): Promise<Decoded | null> {
	try {
		const image = sharp(input, { failOn: 'error', limitInputPixels: MAX_PIXELS })
		const meta = await image.metadata()
		if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) return null
		// Decode once, turned by its EXIF orientation; metadata such as a phone's GPS is dropped here.
		const { data, info } = await image.rotate().raw().toBuffer({ resolveWithObject: true })
		return { pixels: data, width: info.width, height: info.height, channels: info.channels }
	} catch {
		return null
	}
}

/** Every file of one image: each width in each format, and the link-preview JPEG. */
async function encode({
	pixels,
	width,
	height,
	channels,
}: Decoded): Promise<Array<{ name: string; data: Buffer }> | null> {
	const raw = () => sharp(pixels, { raw: { width, height, channels } })
	try {
		const files: Array<{ name: string; data: Buffer }> = []
		for (const w of imageWidths(width)) {
			const resized = raw().resize({ width: w, withoutEnlargement: true })
			for (const format of IMAGE_FORMATS) {
				const data =
					format === 'avif'
						? await resized.clone().avif({ quality: 55, effort: 2 }).toBuffer()
						: format === 'webp'
							? await resized.clone().webp({ quality: 78 }).toBuffer()
							: await resized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
				files.push({ name: `${w}.${format === 'jpeg' ? 'jpg' : format}`, data })
			}
		}
		const preview = await raw()
			.resize({ ...OPEN_GRAPH, fit: 'cover', position: 'attention' })
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: 82, mozjpeg: true })
			.toBuffer()
		files.push({ name: 'og.jpg', data: preview })
		return files
	} catch {
		return null
	}
}

/** The absolute address of the image's 1200×630 JPEG, for Open Graph and Twitter cards. */
export function openGraphImageUrl(imageId: number): string {
	return `${config.appUrl}/images/${imageFileName(imageId, 'og.jpg')}`
}

/** The images with these ids, as a page shows them (missing ids are left out). */
export async function picturesById(db: DbHandle, ids: Array<number | null>): Promise<Map<number, PictureImage>> {
	const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))]
	if (wanted.length === 0) return new Map()
	const rows = await db.selectFrom('image').select(['id', 'alt', 'width', 'height']).where('id', 'in', wanted).execute()
	return new Map(rows.map((row) => [row.id, row]))
}

export async function getPicture(db: DbHandle, id: number | null): Promise<PictureImage | null> {
	if (id === null) return null
	return (await picturesById(db, [id])).get(id) ?? null
}

/** Changes what the alt text says, without touching the files. */
export async function updateImageAlt(db: DbHandle, id: number, alt: string): Promise<void> {
	await db
		.updateTable('image')
		.set({ alt: alt.trim().slice(0, MAX_ALT_LENGTH) })
		.where('id', '=', id)
		.execute()
}

const fileName = /^(\d{1,12})-(\d{1,5}\.(?:avif|webp|jpg)|og\.jpg)$/
const contentTypes = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' } as const

/**
 * One stored file for `/images/:file`, or null. Only names this module writes are accepted, so a
 * request cannot reach outside the folder ("../", encoded slashes, absolute paths).
 */
export async function readImageFile(name: string): Promise<{ data: Buffer; contentType: string } | null> {
	if (!fileName.test(name)) return null
	const extension = name.slice(name.lastIndexOf('.') + 1) as keyof typeof contentTypes
	try {
		return { data: await fs.readFile(path.join(imageDir(), name)), contentType: contentTypes[extension] }
	} catch {
		return null
	}
}
