import { useEffect, useId, useState } from 'react'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * "Share the pact" after signing: the link to copy, an email to a friend (a mailto: link, which
 * works without JavaScript), and, where the browser has them, the phone's own share sheet and a
 * copy button. Those two appear only once the page runs JavaScript, so no button does nothing.
 */
export function SharePact({ url, pactName }: { url: string; pactName: string }) {
	const { t } = useTranslation('pages')
	const inputId = useId()
	const [canShare, setCanShare] = useState(false)
	const [canCopy, setCanCopy] = useState(false)
	const [status, setStatus] = useState<'copied' | 'copyFailed' | null>(null)
	useEffect(() => {
		setCanShare(typeof navigator.share === 'function')
		setCanCopy(Boolean(navigator.clipboard))
	}, [])

	const text = t('share.shareText', { pact: pactName })
	const mailto = `mailto:?${new URLSearchParams({
		subject: t('share.emailSubject', { pact: pactName }),
		body: t('share.emailBody', { pact: pactName, url }),
	})
		.toString()
		// Mail apps read "+" literally: spaces must be %20 in a mailto: address.
		.replace(/\+/g, '%20')}`

	async function share() {
		try {
			await navigator.share({ title: pactName, text, url })
		} catch {
			// Closing the share sheet is a choice, not an error.
		}
	}
	async function copy() {
		try {
			await navigator.clipboard.writeText(url)
			setStatus('copied')
		} catch {
			setStatus('copyFailed')
		}
	}

	return (
		<section className="card share-card" aria-labelledby={`${inputId}-title`}>
			<h2 id={`${inputId}-title`}>{t('share.title')}</h2>
			<p>{t('share.lead')}</p>
			<label htmlFor={inputId} className="visually-hidden">
				{t('share.linkLabel')}
			</label>
			<input
				id={inputId}
				className="share-link"
				type="url"
				readOnly
				value={url}
				onFocus={(event) => event.currentTarget.select()}
			/>
			<div className="share-actions">
				{canShare ? (
					<button type="button" className="primary" onClick={share}>
						{t('share.native')}
					</button>
				) : null}
				{canCopy ? (
					<button type="button" className="secondary" onClick={copy}>
						{t('share.copy')}
					</button>
				) : null}
				<a href={mailto}>{t('share.email')}</a>
			</div>
			<p role="status" className="share-status">
				{status ? t(`share.${status}`) : null}
			</p>
		</section>
	)
}
