import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '#app/ui/forms.tsx'

/**
 * Field components the shared set lacks (date, time, number with bounds, select), built the same
 * way as app/ui/forms.tsx: a visible label, the hint and errors tied to the input for screen readers.
 */

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
	const list = ids.filter(Boolean).join(' ')
	return list || undefined
}

export function InputField({
	meta,
	label,
	hint,
	type,
	optional,
	min,
	max,
	className,
	autoComplete,
}: {
	meta: FieldMetadata<string | number | undefined | null>
	label: ReactNode
	hint?: ReactNode
	type: 'text' | 'date' | 'time' | 'number' | 'url' | 'email' | 'search'
	optional?: boolean
	min?: number | string
	max?: number | string
	className?: string
	autoComplete?: string
}) {
	const { t } = useTranslation()
	const hintId = useId()
	const props = getInputProps(meta, { type })
	const invalid = Boolean(meta.errors?.length)
	return (
		<div className={className ? `field ${className}` : 'field'}>
			<label htmlFor={meta.id}>
				{label}
				{optional ? <span className="optional"> ({t('form.optional')})</span> : null}
			</label>
			{hint ? (
				<p id={hintId} className="hint">
					{hint}
				</p>
			) : null}
			<input
				{...props}
				key={props.key}
				min={min}
				max={max}
				autoComplete={autoComplete}
				inputMode={type === 'number' ? 'numeric' : undefined}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(hint ? hintId : undefined, invalid && meta.errorId)}
			/>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function SelectField({
	meta,
	label,
	hint,
	options,
	placeholder,
}: {
	meta: FieldMetadata<string | undefined | null>
	label: ReactNode
	hint?: ReactNode
	options: Array<{ value: string; label: string }>
	placeholder?: string
}) {
	const hintId = useId()
	const props = getSelectProps(meta)
	const invalid = Boolean(meta.errors?.length)
	return (
		<div className="field">
			<label htmlFor={meta.id}>{label}</label>
			{hint ? (
				<p id={hintId} className="hint">
					{hint}
				</p>
			) : null}
			<select {...props} key={props.key} aria-invalid={invalid || undefined} aria-describedby={describedBy(hint ? hintId : undefined, invalid && meta.errorId)}>
				{placeholder ? <option value="">{placeholder}</option> : null}
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}
