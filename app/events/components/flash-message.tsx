import { useTranslation } from '#app/i18n/use-translation.ts'

/** The confirmation after an organiser's action, announced politely to screen readers. */
const keys: Record<string, string> = {
	created: 'flash.created',
	'created-published': 'flash.createdPublished',
	series: 'flash.series',
	saved: 'flash.saved',
	notified: 'flash.notified',
	published: 'flash.published',
	duplicated: 'flash.duplicated',
	cancelled: 'flash.cancelled',
	'start-in-past': 'flash.startInPast',
	'message-sent': 'flash.messageSent',
	undone: 'flash.undone',
}

export function FlashMessage({ flash, values }: { flash: { key: string; count: number } | null; values?: Record<string, string> }) {
	const { t } = useTranslation('events')
	const key = flash ? keys[flash.key] : undefined
	return (
		<div role="status" className="flash-region">
			{flash && key ? <p className={flash.key === 'start-in-past' ? 'notice notice-warning' : 'notice'}>{t(key, { count: flash.count, ...values })}</p> : null}
		</div>
	)
}
