import { getCollectionProps, type FieldMetadata } from '@conform-to/react'
import { useId } from 'react'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { CheckboxField, ErrorList, TextField } from '#app/ui/forms.tsx'
import type { CommitmentCategory, PledgeProgress } from '#db/schema.ts'
import { formatNumber } from '#app/common/format.ts'

/** Pieces the pledge pages share: the catalogue as checkboxes, own-words inputs, estimates. */

export interface OfferedCommitment {
	id: number
	category: CommitmentCategory
	title: string
	kgCo2ePerYear: number | null
	source: string | null
}

/** "≈ 300 kg CO₂e/år · Källa: Naturvårdsverket" */
export function CommitmentEstimate({ kgCo2ePerYear, source }: { kgCo2ePerYear: number | null; source: string | null }) {
	const { t, i18n } = useTranslation('pledge')
	if (kgCo2ePerYear === null && !source) return null
	return (
		<span className="estimate">
			{kgCo2ePerYear !== null ? (
				<span>{t('estimate.kgPerYear', { kg: formatNumber(kgCo2ePerYear, i18n.language) })}</span>
			) : null}
			{kgCo2ePerYear !== null && source ? <span aria-hidden="true"> · </span> : null}
			{source ? (
				<span>
					{t('estimate.source')}: <bdi>{source}</bdi>
				</span>
			) : null}
		</span>
	)
}

/**
 * The catalogue grouped by category, as checkboxes named by the field (commitmentIds). Each
 * category folds (a <details>, so it works without JavaScript): the first is open, and so is any
 * holding a chosen commitment or an error, so nothing chosen is ever hidden when the page loads.
 * Categories come in the order of the commitments given: the sign form gives the most chosen first.
 */
export function CommitmentChoices({
	meta,
	commitments,
	legend,
	hint,
}: {
	meta: FieldMetadata<number[] | undefined>
	commitments: OfferedCommitment[]
	legend: string
	hint?: string
}) {
	const { t } = useTranslation('pledge')
	const hintId = useId()
	const options = getCollectionProps(meta, { type: 'checkbox', options: commitments.map((c) => String(c.id)) })
	const byId = new Map(options.map((props) => [props.value, props]))
	const invalid = Boolean(meta.errors?.length)
	const categories = [...new Set(commitments.map((c) => c.category))]
	return (
		<fieldset
			className="commitment-choices"
			aria-invalid={invalid || undefined}
			aria-describedby={[hint ? hintId : '', invalid ? meta.errorId : ''].filter(Boolean).join(' ') || undefined}
		>
			<legend>{legend}</legend>
			{hint ? (
				<p id={hintId} className="hint">
					{hint}
				</p>
			) : null}
			<ErrorList id={meta.errorId} errors={meta.errors} />
			{categories.map((category, index) => {
				const inCategory = commitments.filter((c) => c.category === category)
				const chosen = inCategory.some((c) => byId.get(String(c.id))?.defaultChecked)
				return (
					<details key={category} className="category-group" open={index === 0 || chosen || invalid || undefined}>
						<summary className={`category-heading category-${category}`}>
							{t(`categories.${category}`)} <span className="category-size">({inCategory.length})</span>
						</summary>
						<ul className="choice-list">
							{inCategory.map((commitment) => {
								const props = byId.get(String(commitment.id))!
								return (
									<li key={commitment.id} className="choice">
										<input {...props} key={props.key} />
										<label htmlFor={props.id}>
											<span className="choice-title">{commitment.title}</span>
											<CommitmentEstimate kgCo2ePerYear={commitment.kgCo2ePerYear} source={commitment.source} />
										</label>
									</li>
								)
							})}
						</ul>
					</details>
				)
			})}
		</fieldset>
	)
}

/**
 * Up to five commitments in the person's own words, as plain inputs so the form works without
 * JavaScript: the first is always shown, the others behind a disclosure.
 */
export function OwnWordsInputs({
	meta,
	legend,
	hint,
}: {
	meta: FieldMetadata<Array<string | undefined> | undefined>
	legend: string
	hint: string
}) {
	const { t } = useTranslation('pledge')
	const fields = meta.getFieldList()
	const [first, ...more] = fields
	const moreInUse = more.some((field) => field.initialValue || field.errors?.length)
	return (
		<fieldset className="own-words">
			<legend>{legend}</legend>
			<p className="hint">{hint}</p>
			<ErrorList id={meta.errorId} errors={meta.errors} />
			{first ? <TextField meta={first} label={t('ownWords.label', { number: 1 })} /> : null}
			{more.length > 0 ? (
				<details open={moreInUse || undefined}>
					<summary>{t('ownWords.more')}</summary>
					<div className="stack">
						{more.map((field, index) => (
							<TextField key={field.key} meta={field} label={t('ownWords.label', { number: index + 2 })} />
						))}
					</div>
				</details>
			) : null}
		</fieldset>
	)
}

/** Yes/no: do you live in the municipality? (Counted apart, because the count goes to politicians.) */
export function ResidencyChoice({ meta, city }: { meta: FieldMetadata<string | undefined>; city: string }) {
	const { t } = useTranslation('pledge')
	const hintId = useId()
	const options = getCollectionProps(meta, { type: 'radio', options: ['yes', 'no'] })
	const invalid = Boolean(meta.errors?.length)
	return (
		<fieldset
			className="radio-group"
			aria-invalid={invalid || undefined}
			aria-describedby={[hintId, invalid ? meta.errorId : ''].filter(Boolean).join(' ')}
		>
			<legend>{t('residency.legend', { city })}</legend>
			<p id={hintId} className="hint">
				{t('residency.hint')}
			</p>
			<div className="radio-row">
				{options.map((props) => (
					<div key={props.key} className="radio">
						<input {...props} key={props.key} />
						<label htmlFor={props.id}>{t(`residency.${props.value as 'yes' | 'no'}`)}</label>
					</div>
				))}
			</div>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</fieldset>
	)
}

/** A text input with suggestions (a datalist) that still takes any text: districts are free text. */
export function DistrictField({
	meta,
	suggestions,
}: {
	meta: FieldMetadata<string | undefined | null>
	suggestions: string[]
}) {
	const { t } = useTranslation('pledge')
	const { t: tc } = useTranslation()
	const hintId = useId()
	const listId = useId()
	const invalid = Boolean(meta.errors?.length)
	return (
		<div className="field">
			<label htmlFor={meta.id}>
				{t('district.label')}
				<span className="optional"> ({tc('form.optional')})</span>
			</label>
			<p id={hintId} className="hint">
				{t('district.hint')}
			</p>
			<input
				id={meta.id}
				name={meta.name}
				key={meta.key}
				type="text"
				defaultValue={typeof meta.initialValue === 'string' ? meta.initialValue : ''}
				list={suggestions.length ? listId : undefined}
				maxLength={80}
				autoComplete="address-level3"
				aria-invalid={invalid || undefined}
				aria-describedby={[hintId, invalid ? meta.errorId : ''].filter(Boolean).join(' ')}
			/>
			{suggestions.length ? (
				<datalist id={listId}>
					{suggestions.map((district) => (
						<option key={district} value={district} />
					))}
				</datalist>
			) : null}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

/** The two choices a signature carries, on the sign form and in my details alike. */
export function SignatureChoices({
	showFirstName,
	newsletterConsent,
}: {
	showFirstName: FieldMetadata<boolean | string | undefined | null>
	newsletterConsent: FieldMetadata<boolean | string | undefined | null>
}) {
	const { t } = useTranslation('pledge')
	return (
		<>
			<CheckboxField meta={showFirstName} label={t('fields.showFirstName')} hint={t('fields.showFirstNameHint')} />
			<CheckboxField
				meta={newsletterConsent}
				label={t('fields.newsletterConsent')}
				hint={t('fields.newsletterConsentHint')}
			/>
		</>
	)
}

export function ProgressBadge({ progress }: { progress: PledgeProgress }) {
	const { t } = useTranslation('pledge')
	return <span className={`progress-badge progress-${progress}`}>{t(`progress.${progress}`)}</span>
}
