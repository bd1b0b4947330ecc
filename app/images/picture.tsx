import { imageSources, type PictureImage } from './sources.ts'
import './images.css'

/**
 * An uploaded image: AVIF, then WebP, then JPEG, each at the stored widths, so the browser takes
 * the smallest file it can show. width and height keep its place on the page before it loads.
 * `sizes` says how wide it is drawn ("(min-width: 60rem) 40rem, 100vw"). Lazy unless `eager`:
 * only an image at the top of the page should load at once.
 */
export function Picture({
	image,
	sizes,
	eager = false,
	className,
}: {
	image: PictureImage
	sizes: string
	eager?: boolean
	className?: string
}) {
	const { srcSets, fallback } = imageSources(image)
	return (
		<picture className={className}>
			<source type="image/avif" srcSet={srcSets.avif} sizes={sizes} />
			<source type="image/webp" srcSet={srcSets.webp} sizes={sizes} />
			<img
				src={fallback}
				srcSet={srcSets.jpeg}
				sizes={sizes}
				alt={image.alt}
				width={image.width}
				height={image.height}
				loading={eager ? 'eager' : 'lazy'}
				decoding="async"
				fetchPriority={eager ? 'high' : undefined}
			/>
		</picture>
	)
}
