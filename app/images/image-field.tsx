import { useId, useState } from 'react'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ErrorList } from '#app/ui/forms.tsx'
import { Picture } from './picture.tsx'
import { MAX_ALT_LENGTH, type PictureImage } from './sources.ts'
import './images.css'

/**
 * An image in a form: the current one (with a way to remove it), a file input and the alt text,
 * which is required with an image. The form needs encType="multipart/form-data"; its action reads
 * it with readUploadForm and takeImageField (upload.server.ts), which name the inputs the same
 * way. Place it after the form's other fields: see upload.server.ts. A route using it lists
 * 'images' in its handle's namespaces.
 */
export function ImageField({
	name = 'image',
	current,
	alt,
	error,
	maxBytes,
	legend,
}: {
	name?: string
	/** The image the record has now (or that an earlier submission of this form stored). */
	current: PictureImage | null
	/** The alt text as last typed, when the form is shown again. */
	alt?: string
	/** The server's message, already worded. */
	error?: string | null
	maxBytes: number
	legend?: string
}) {
	const { t } = useTranslation('images')
	const id = useId()
	const maxMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10
	// Refused in the browser as soon as it is chosen, so nobody waits for a large upload to fail.
	const [tooLarge, setTooLarge] = useState(false)
	const message = tooLarge ? t('errors.tooLarge', { max: maxMb }) : error
	const errorId = `${id}-error`
	return (
		<fieldset className="image-field">
			<legend>{legend ?? t('field.legend')}</legend>
			<p className="hint" id={`${id}-hint`}>
				{t('field.hint', { max: maxMb })}
			</p>
			<input type="hidden" name={`${name}Id`} value={current ? String(current.id) : ''} readOnly />
			{current ? (
				<div className="image-field-current">
					<p className="image-field-label">{t('field.current')}</p>
					<Picture image={current} sizes="(min-width: 40rem) 20rem, 100vw" />
					<div className="field field-checkbox">
						<input id={`${id}-remove`} type="checkbox" name={`${name}Remove`} />
						<label htmlFor={`${id}-remove`}>{t('field.remove')}</label>
					</div>
				</div>
			) : null}
			<div className="field">
				<label htmlFor={`${id}-file`}>{current ? t('field.replace') : t('field.file')}</label>
				<input
					id={`${id}-file`}
					type="file"
					name={name}
					// Only a hint for the file picker: the server decides by decoding the file.
					accept="image/*"
					aria-describedby={message ? `${id}-hint ${errorId}` : `${id}-hint`}
					aria-invalid={message ? true : undefined}
					onChange={(event) => {
						const file = event.currentTarget.files?.[0]
						const refused = Boolean(file && file.size > maxBytes)
						if (refused) event.currentTarget.value = ''
						setTooLarge(refused)
					}}
				/>
				<ErrorList id={errorId} errors={message ? [message] : null} />
			</div>
			<div className="field">
				<label htmlFor={`${id}-alt`}>{t('field.alt')}</label>
				<p className="hint" id={`${id}-alt-hint`}>
					{t('field.altHint')}
				</p>
				<input
					id={`${id}-alt`}
					type="text"
					name={`${name}Alt`}
					defaultValue={alt ?? current?.alt ?? ''}
					maxLength={MAX_ALT_LENGTH}
					aria-describedby={`${id}-alt-hint`}
				/>
			</div>
		</fieldset>
	)
}
