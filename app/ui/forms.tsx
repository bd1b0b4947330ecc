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

/** What a field's control carries so its label, hint and errors are announced with it. */
interface ControlAria {
	'aria-invalid': true | undefined
	'aria-describedby': string | undefined
}

/**
 * The shell every field shares: label (marked optional when it is), hint and errors around the
 * control, which gets the aria attributes that tie them together. A checkbox comes before its
 * label; every other control after the hint.
 */
function Field({
	meta,
	label,
	hint,
	optional,
	className = 'field',
	controlFirst,
	control,
}: {
	meta: FieldMetadata<unknown>
	label: ReactNode
	hint?: ReactNode
	optional?: boolean
	className?: string
	controlFirst?: boolean
	control: (aria: ControlAria) => ReactNode
}) {
	const { t } = useTranslation()
	const hintId = useId()
	const invalid = Boolean(meta.errors?.length)
	const rendered = control({
		'aria-invalid': invalid || undefined,
		'aria-describedby': describedBy(hint ? hintId : undefined, invalid && meta.errorId),
	})
	return (
		<div className={className}>
			{controlFirst ? rendered : null}
			<label htmlFor={meta.id}>
				{label}
				{optional ? <span className="optional"> ({t('form.optional')})</span> : null}
			</label>
			{hint ? (
				<p id={hintId} className="hint">
					{hint}
				</p>
			) : null}
			{controlFirst ? null : rendered}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
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
	const props = getInputProps(meta, { type })
	return (
		<Field
			meta={meta}
			label={label}
			hint={hint}
			optional={optional}
			className={className ? `field ${className}` : 'field'}
			control={(aria) => (
				<input
					{...props}
					key={props.key}
					min={min}
					max={max}
					autoComplete={autoComplete}
					inputMode={inputMode ?? (type === 'number' ? 'numeric' : undefined)}
					{...aria}
				/>
			)}
		/>
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
	const props = getSelectProps(meta)
	return (
		<Field
			meta={meta}
			label={label}
			hint={hint}
			control={(aria) => (
				<select {...props} key={props.key} {...aria}>
					{placeholder ? <option value="">{placeholder}</option> : null}
					{options.map((o) => (
						<option key={o.value} value={o.value}>
							{o.label}
						</option>
					))}
				</select>
			)}
		/>
	)
}

/**
 * One filter of a list page's GET form: a labelled select whose empty first choice means "all".
 * Not a Conform field: the value comes from the page's URL and nothing is validated.
 */
export function FilterSelect({
	name,
	label,
	value,
	allLabel,
	options,
}: {
	name: string
	label: ReactNode
	value: string | number | null | undefined
	allLabel: string
	options: ReadonlyArray<{ value: string | number; label: string }>
}) {
	const id = `filter-${name}`
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select id={id} name={name} defaultValue={value ?? ''}>
				<option value="">{allLabel}</option>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
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
	const props = getTextareaProps(meta)
	return (
		<Field
			meta={meta}
			label={label}
			hint={hint}
			optional={optional}
			control={(aria) => <textarea {...props} key={props.key} rows={rows} {...aria} />}
		/>
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
	const props = getInputProps(meta, { type: 'checkbox' })
	return (
		<Field
			meta={meta}
			label={label}
			hint={hint}
			className="field field-checkbox"
			controlFirst
			control={(aria) => <input {...props} key={props.key} {...aria} />}
		/>
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
