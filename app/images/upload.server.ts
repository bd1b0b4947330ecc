import {
	isMultipartRequest,
	MaxFileSizeExceededError,
	MaxTotalSizeExceededError,
	parseMultipartRequest,
} from '@remix-run/multipart-parser'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { DbHandle } from '#db/index.ts'
import { getPicture, saveImage, updateImageAlt, type ImageRefusal } from './images.server.ts'
import type { ImageFieldView } from './sources.ts'

/**
 * Reading a form with an image in it. React Router's guide reads uploads with Remix's streaming
 * form-data parser; this uses the multipart parser beneath it directly, because a refused upload
 * must still give back what was typed: the fields read before the oversized file are kept, and
 * reading stops there, so a 1 GB upload is never held in memory (at most IMAGE_MAX_MB).
 * Put the image field after the other fields of a form (its buttons may follow): the parts after
 * an oversized file are not read.
 */
export interface UploadForm {
	formData: FormData
	/** A file was larger than the limit: reading stopped there. */
	tooLarge: boolean
}

export async function readUploadForm(request: Request, maxBytes = config.imageMaxBytes): Promise<UploadForm> {
	if (!isMultipartRequest(request)) return { formData: await request.formData(), tooLarge: false }
	const formData = new FormData()
	try {
		// The text fields of a form are small; the total allows one image and a generous form around it.
		const parts = parseMultipartRequest(request, { maxFileSize: maxBytes, maxTotalSize: maxBytes + 1024 * 1024 })
		for await (const part of parts) {
			if (!part.name) continue
			if (!part.isFile) formData.append(part.name, part.text)
			// A file input left empty arrives as a part with no name and no bytes.
			else if (part.size > 0)
				formData.append(
					part.name,
					new File(part.content as BlobPart[], part.filename ?? 'upload', {
						type: part.mediaType ?? 'application/octet-stream',
					}),
				)
		}
		return { formData, tooLarge: false }
	} catch (error) {
		if (error instanceof MaxFileSizeExceededError || error instanceof MaxTotalSizeExceededError)
			return { formData, tooLarge: true }
		throw error
	}
}

/** The names of one image field's inputs (app/images/image-field.tsx), from its name. */
export function imageFieldNames(name: string) {
	return { file: name, alt: `${name}Alt`, id: `${name}Id`, remove: `${name}Remove` }
}

export interface ImageFieldOutcome {
	/** The image the record should point at now: new, kept, or null (none or removed). */
	imageId: number | null
	/** Why the upload was refused; the record's other fields may still be saved or shown again. */
	error: ImageRefusal | null
	/** The alt text as typed, to show again. */
	alt: string
}

/**
 * What one image field of a submitted form comes to: a new image stored, the current one kept
 * (its alt text updated), or removed. The form data is left with the image's id in the hidden
 * field and no file, so a form shown again after another field's error keeps the image.
 */
export async function takeImageField(
	db: DbHandle,
	form: UploadForm,
	{ name = 'image', createdBy = null }: { name?: string; createdBy?: number | null } = {},
): Promise<ImageFieldOutcome> {
	const names = imageFieldNames(name)
	const { formData } = form
	const alt = String(formData.get(names.alt) ?? '').trim()
	const file = formData.get(names.file)
	const currentId = await existingImageId(db, formData.get(names.id))
	const remove = formData.get(names.remove) === 'on'
	formData.delete(names.file)

	let outcome: ImageFieldOutcome
	if (form.tooLarge) outcome = { imageId: currentId, error: 'tooLarge', alt }
	else if (file instanceof File && file.size > 0) {
		const saved = await saveImage(db, file, alt, { createdBy })
		outcome = saved.ok ? { imageId: saved.imageId, error: null, alt } : { imageId: currentId, error: saved.error, alt }
	} else if (remove || currentId === null) outcome = { imageId: null, error: null, alt: '' }
	else if (!alt) outcome = { imageId: currentId, error: 'altMissing', alt }
	else {
		await updateImageAlt(db, currentId, alt)
		outcome = { imageId: currentId, error: null, alt }
	}
	formData.set(names.id, outcome.imageId === null ? '' : String(outcome.imageId))
	return outcome
}

async function existingImageId(db: DbHandle, value: FormDataEntryValue | null): Promise<number | null> {
	if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) return null
	const row = await db.selectFrom('image').select('id').where('id', '=', Number(value)).executeTakeFirst()
	return row?.id ?? null
}

/** The image field of a form about a stored record: its image, or none. */
export async function imageFieldView(db: DbHandle, imageId: number | null): Promise<ImageFieldView> {
	const current = await getPicture(db, imageId)
	return { current, alt: current?.alt ?? '', error: null, maxBytes: config.imageMaxBytes }
}

/** The image field shown again after a submission: what it came to, and why an upload was refused. */
export async function imageFieldAfter(
	db: DbHandle,
	request: Request,
	outcome: ImageFieldOutcome,
): Promise<ImageFieldView> {
	const t = await getT(request, 'images')
	const error = outcome.error
		? t(`errors.${outcome.error}`, { max: Math.round(config.imageMaxBytes / 104857.6) / 10 })
		: null
	return { current: await getPicture(db, outcome.imageId), alt: outcome.alt, error, maxBytes: config.imageMaxBytes }
}
