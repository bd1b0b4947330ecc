import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { imageDir, openGraphImageUrl, saveImage } from '#app/images/images.server.ts'
import { readUploadForm, takeImageField } from '#app/images/upload.server.ts'
import * as imageRoute from '#app/routes/images-file.ts'
import { getDb } from '#db/index.ts'
import { fileOfSize, pictureFile, textPretendingToBeJpeg } from '#tests/support/images.ts'
import { callLoader } from '#tests/support/routes.ts'

const db = getDb()

function filesOf(id: number): string[] {
	if (!fs.existsSync(imageDir())) return []
	return fs
		.readdirSync(imageDir())
		.filter((name) => name.startsWith(`${id}-`))
		.sort()
}

async function imageCount(): Promise<number> {
	const row = await db
		.selectFrom('image')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow()
	return Number(row.n)
}

describe('saveImage', () => {
	test('refuses a text file named .jpg and sent as image/jpeg, and keeps nothing', async () => {
		const before = await imageCount()
		const result = await saveImage(db, textPretendingToBeJpeg(), 'En bild')
		expect(result).toEqual({ ok: false, error: 'notAnImage' })
		expect(await imageCount()).toBe(before)
	})

	test('refuses a file over the limit before reading it as an image', async () => {
		const result = await saveImage(db, fileOfSize(2048), 'En bild', { maxBytes: 1024 })
		expect(result).toEqual({ ok: false, error: 'tooLarge' })
	})

	test('refuses an image without alt text', async () => {
		expect(await saveImage(db, await pictureFile(300, 200), '   ')).toEqual({ ok: false, error: 'altMissing' })
	})

	test('stores a real image at each width, never enlarged, as AVIF, WebP and JPEG, and serves them', async () => {
		const result = await saveImage(db, await pictureFile(1000, 600), 'Ett grönt och gult fält')
		expect(result.ok).toBe(true)
		if (!result.ok) return
		const id = result.imageId
		const row = await db.selectFrom('image').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
		expect(row).toMatchObject({ alt: 'Ett grönt och gult fält', width: 1000, height: 600 })

		const expected = [400, 800, 1000].flatMap((w) => ['avif', 'jpg', 'webp'].map((ext) => `${id}-${w}.${ext}`))
		expect(filesOf(id)).toEqual([...expected, `${id}-og.jpg`].sort())
		const formats = { avif: 'heif', webp: 'webp', jpg: 'jpeg' } as const
		for (const name of expected) {
			const meta = await sharp(path.join(imageDir(), name)).metadata()
			const [, width, ext] = /-(\d+)\.(\w+)$/.exec(name)!
			expect(meta.format).toBe(formats[ext as keyof typeof formats])
			expect(meta.width).toBe(Number(width))
		}
		const og = await sharp(path.join(imageDir(), `${id}-og.jpg`)).metadata()
		expect([og.format, og.width, og.height]).toEqual(['jpeg', 1200, 630])
		expect(openGraphImageUrl(id)).toMatch(new RegExp(`^https?://[^/]+/images/${id}-og\\.jpg$`))

		for (const [ext, type] of [
			['avif', 'image/avif'],
			['webp', 'image/webp'],
			['jpg', 'image/jpeg'],
		]) {
			const answer = await callLoader(imageRoute, `/images/${id}-800.${ext}`, { params: { file: `${id}-800.${ext}` } })
			expect(answer.status).toBe(200)
			expect(answer.headers.get('Content-Type')).toBe(type)
			expect(answer.headers.get('Cache-Control')).toContain('immutable')
			const body = Buffer.from(await answer.response!.arrayBuffer())
			expect(body.equals(fs.readFileSync(path.join(imageDir(), `${id}-800.${ext}`)))).toBe(true)
		}
	})

	test('a small image is stored at its own width only', async () => {
		const result = await saveImage(db, await pictureFile(320, 240), 'Liten bild')
		if (!result.ok) throw new Error(result.error)
		expect(filesOf(result.imageId).filter((name) => name.endsWith('.jpg'))).toEqual([
			`${result.imageId}-320.jpg`,
			`${result.imageId}-og.jpg`,
		])
	})
})

describe('/images/:file', () => {
	test('answers 404 to names it never wrote, so no path leads out of the folder', async () => {
		fs.mkdirSync(imageDir(), { recursive: true })
		fs.writeFileSync(path.join(imageDir(), '..', 'secret.jpg'), 'no')
		for (const file of [
			'../secret.jpg',
			'..%2Fsecret.jpg',
			'1-400.png',
			'1-400.jpg/../../secret.jpg',
			'secret.jpg',
			'999999-400.jpg',
		]) {
			const answer = await callLoader(imageRoute, `/images/x`, { params: { file } })
			expect(answer.status, file).toBe(404)
		}
	})
})

function multipartRequest(form: FormData): Request {
	return new Request('http://localhost/upload', { method: 'POST', body: form })
}

describe('readUploadForm and takeImageField', () => {
	test('an oversized file stops the reading with the fields before it kept, and stores nothing', async () => {
		const form = new FormData()
		form.append('title', 'Klädbyte i Planteringen')
		form.append('imageAlt', 'Klädhängare')
		form.append('image', fileOfSize(64 * 1024))
		const upload = await readUploadForm(multipartRequest(form), 16 * 1024)
		expect(upload.tooLarge).toBe(true)
		expect(upload.formData.get('title')).toBe('Klädbyte i Planteringen')
		const before = await imageCount()
		const outcome = await takeImageField(db, upload)
		expect(outcome).toMatchObject({ imageId: null, error: 'tooLarge', alt: 'Klädhängare' })
		expect(await imageCount()).toBe(before)
	})

	test('a real image with alt text is stored, and its id is left in the form for the next showing', async () => {
		const form = new FormData()
		form.append('title', 'Klimatfika')
		form.append('image', await pictureFile(500, 300))
		form.append('imageAlt', 'Kaffekoppar på ett bord')
		const upload = await readUploadForm(multipartRequest(form))
		const outcome = await takeImageField(db, upload)
		expect(outcome.error).toBeNull()
		expect(outcome.imageId).toBeGreaterThan(0)
		expect(upload.formData.get('imageId')).toBe(String(outcome.imageId))
		expect(upload.formData.get('image')).toBeNull()

		// Shown again and sent back without a new file: the image stays, its alt text can change.
		const again = new FormData()
		again.append('imageId', String(outcome.imageId))
		again.append('imageAlt', 'Kaffe och kakor')
		const kept = await takeImageField(db, await readUploadForm(multipartRequest(again)))
		expect(kept).toMatchObject({ imageId: outcome.imageId, error: null })
		const row = await db.selectFrom('image').select('alt').where('id', '=', outcome.imageId!).executeTakeFirstOrThrow()
		expect(row.alt).toBe('Kaffe och kakor')

		const removed = new FormData()
		removed.append('imageId', String(outcome.imageId))
		removed.append('imageAlt', 'Kaffe och kakor')
		removed.append('imageRemove', 'on')
		expect((await takeImageField(db, await readUploadForm(multipartRequest(removed)))).imageId).toBeNull()
	})

	test('an empty file input is no image and no error', async () => {
		const form = new FormData()
		form.append('title', 'Utan bild')
		form.append('image', new File([], ''))
		form.append('imageAlt', '')
		const outcome = await takeImageField(db, await readUploadForm(multipartRequest(form)))
		expect(outcome).toEqual({ imageId: null, error: null, alt: '' })
	})
})
