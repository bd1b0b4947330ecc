import sharp from 'sharp'

/** Test images made on the spot: a real photo-like picture, and files that only pretend to be one. */

/** A PNG of this size: two coloured halves, so resizing has something to keep. */
export async function pictureFile(width: number, height: number, name = 'bild.png'): Promise<File> {
	const half = await sharp({ create: { width: Math.ceil(width / 2), height, channels: 3, background: '#2e7d32' } })
		.png()
		.toBuffer()
	const data = await sharp({ create: { width, height, channels: 3, background: '#f9a825' } })
		.composite([{ input: half, left: 0, top: 0 }])
		.png()
		.toBuffer()
	return new File([new Uint8Array(data)], name, { type: 'image/png' })
}

/** Text that calls itself a JPEG by its name and its type: only decoding tells. */
export function textPretendingToBeJpeg(): File {
	return new File(['Det här är ingen bild, bara text.\n'.repeat(20)], 'semester.jpg', { type: 'image/jpeg' })
}

/** Bytes enough to pass any size check below `bytes`, and over it. */
export function fileOfSize(bytes: number, name = 'stor.jpg'): File {
	return new File([new Uint8Array(bytes).fill(7)], name, { type: 'image/jpeg' })
}
