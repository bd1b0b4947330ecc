import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useId, type ReactNode } from 'react'
import { useTranslation } from '#app/i18n/use-translation.ts'

/**
 * Accessible form fields on top of Conform: every input has a visible label, and its errors are
 * announced through aria-invalid and aria-describedby. Errors arrive as finished texts: the
 * schemas word them with the page's t function (app/common/form.ts), in the browser and on the
 * server alike.
 */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
	if (!errors?.length) return null
	return (
		<ul id={id} className="field-errors">
			{errors.map((error) => (
				<li key={error}>{error}</li>
			))}
		</ul>
	)
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
	const list = ids.filter(Boolean).join(' ')
	return list || undefined
}

export function TextField({
	meta,
	label,
	hint,
	type = 'text',
	autoComplete,
	inputMode,
	optional,
	min,
	max,
	className,
}: {
	meta: FieldMetadata<string | number | undefined | null>
	label: ReactNode
	hint?: ReactNode
	type?: 'text' | 'email' | 'number' | 'url' | 'date' | 'time' | 'search'
	autoComplete?: string
	inputMode?: 'numeric' | 'email' | 'text'
	optional?: boolean
	min?: number | string
	max?: number | string
	className?: string
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
				inputMode={inputMode ?? (type === 'number' ? 'numeric' : undefined)}
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

export function TextareaField({
	meta,
	label,
	hint,
	optional,
	rows = 3,
}: {
	meta: FieldMetadata<string | undefined | null>
	label: ReactNode
	hint?: ReactNode
	optional?: boolean
	rows?: number
}) {
	const { t } = useTranslation()
	const hintId = useId()
	const props = getTextareaProps(meta)
	const invalid = Boolean(meta.errors?.length)
	return (
		<div className="field">
			<label htmlFor={meta.id}>
				{label}
				{optional ? <span className="optional"> ({t('form.optional')})</span> : null}
			</label>
			{hint ? (
				<p id={hintId} className="hint">
					{hint}
				</p>
			) : null}
			<textarea
				{...props}
				key={props.key}
				rows={rows}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(hint ? hintId : undefined, invalid && meta.errorId)}
			/>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function CheckboxField({
	meta,
	label,
	hint,
}: {
	meta: FieldMetadata<boolean | string | undefined | null>
	label: ReactNode
	hint?: ReactNode
}) {
	const hintId = useId()
	const props = getInputProps(meta, { type: 'checkbox' })
	const invalid = Boolean(meta.errors?.length)
	return (
		<div className="field field-checkbox">
			<input
				{...props}
				key={props.key}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(hint ? hintId : undefined, invalid && meta.errorId)}
			/>
			<label htmlFor={meta.id}>{label}</label>
			{hint ? (
				<p id={hintId} className="hint">
					{hint}
				</p>
			) : null}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

/** A summary at the top of a form that failed on the server, linked for screen readers. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] | null }) {
	if (!errors?.length) return null
	return (
		<div className="form-errors" role="alert">
			<ErrorList id={id} errors={errors} />
		</div>
	)
}
