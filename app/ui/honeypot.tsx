import { HONEYPOT_FIELD } from '#app/common/honeypot.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * The honeypot field, for inside a public form's <Form> (docs/decisions/0020). Hidden from sight
 * and from screen readers, and out of the tab order (tabIndex -1, so axe's aria-hidden-focus rule
 * holds); its label tells anyone who still meets it (a text browser, styles off) to leave it empty.
 * Plain markup and a CSS class: nothing inline, so the Content-Security-Policy stays as it is.
 */
export function HoneypotField() {
	const { t } = useTranslation('common')
	return (
		<div className="visually-hidden" aria-hidden="true">
			<label>
				{t('form.honeypot')}
				<input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
			</label>
		</div>
	)
}
