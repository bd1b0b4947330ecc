import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from 'react-router'
import { formatDate, formatNumber } from '#app/common/format.ts'
import { firstName } from '#app/common/names.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { LadderCard } from '#app/ladder/components.tsx'
import type { StepOrZero } from '#app/ladder/rules.ts'
import { FormErrors, TextField } from '#app/ui/forms.tsx'
import type { CommitmentCategory, PledgeProgress } from '#db/schema.ts'
import {
	CommitmentChoices,
	CommitmentEstimate,
	DistrictField,
	OwnWordsInputs,
	ProgressBadge,
	ResidencyChoice,
	SignatureChoices,
	type OfferedCommitment,
} from './components.tsx'
import type { MyPledge } from './pledge.server.ts'
import { createAddCommitmentsSchema, createDetailsSchema, limits, pledgeProgressSteps } from './schemas.ts'

/**
 * The sections of the my-pledge page (/my-pledge): what the person signed, their commitments with
 * their progress, adding commitments, their details, and withdrawing. Each form posts an `intent`
 * to the page's one action.
 */

export type SignatureData = NonNullable<MyPledge['signature']>
export type PledgeUser = Pick<MyPledge['user'], 'name' | 'email'>

/** A commitment on the pledge, titled in the page's language. */
export interface MyCommitment {
	id: number
	title: string
	ownWords: boolean
	category: CommitmentCategory | null
	kgCo2ePerYear: number | null
	source: string | null
	progress: PledgeProgress
	retired: boolean
}

export function NotSigned({ withdrawn, city }: { withdrawn: boolean; city: string }) {
	const { t } = useTranslation('pledge')
	return (
		<section className="card invite-card" aria-labelledby="invite-title">
			<h2 id="invite-title">{withdrawn ? t('myPledge.withdrawnTitle') : t('myPledge.notSignedTitle')}</h2>
			<p>{withdrawn ? t('myPledge.withdrawnText', { city }) : t('myPledge.notSignedText', { city })}</p>
			<Link to="/sign" className="button primary">
				{withdrawn ? t('myPledge.signAgain') : t('home.signButton')}
			</Link>
		</section>
	)
}

export function PledgeSummary({
	signature,
	commitments,
	user,
	city,
	timeZone,
	language,
	ladderStep,
}: {
	ladderStep: StepOrZero
	signature: SignatureData
	commitments: MyCommitment[]
	user: PledgeUser
	city: string
	timeZone: string
	language: string
}) {
	const { t } = useTranslation('pledge')
	const pending = signature.status === 'pending'
	const kg = commitments.reduce((sum, c) => sum + (c.kgCo2ePerYear ?? 0), 0)
	return (
		<section className="pledge-summary" aria-labelledby="summary-title">
			<div className="card">
				<h2 id="summary-title" className="visually-hidden">
					{t('myPledge.summaryTitle')}
				</h2>
				<p className={`status-line status-${signature.status}`}>
					<span className="status-badge">{t(`status.${signature.status}`)}</span>
					{signature.confirmedAt && !pending ? (
						<span>{t('myPledge.signedOn', { date: formatDate(signature.confirmedAt, language, timeZone) })}</span>
					) : null}
				</p>
				{pending ? (
					<p>
						{t('myPledge.pendingText')}{' '}
						<Link to={`/sign/check-email?${new URLSearchParams({ email: user.email })}`}>
							{t('myPledge.pendingLink')}
						</Link>
					</p>
				) : null}
				<dl className="facts">
					<div>
						<dt>{t('fields.name')}</dt>
						<dd>
							<bdi>{user.name}</bdi>
						</dd>
					</div>
					<div>
						<dt>{t('fields.email')}</dt>
						<dd>{user.email}</dd>
					</div>
					<div>
						<dt>{t('myPledge.residency')}</dt>
						<dd>
							{signature.livesInMunicipality ? t('myPledge.livesIn', { city }) : t('myPledge.livesElsewhere', { city })}
							{signature.district ? (
								<>
									{' · '}
									<bdi>{signature.district}</bdi>
								</>
							) : null}
						</dd>
					</div>
					<div>
						<dt>{t('myPledge.publicName')}</dt>
						<dd>
							{signature.showFirstName
								? t('myPledge.firstNameShown', { name: firstName(user.name) })
								: t('myPledge.nameHidden')}
						</dd>
					</div>
					<div>
						<dt>{t('myPledge.newsletter')}</dt>
						<dd>{signature.newsletterConsent ? t('myPledge.newsletterYes') : t('myPledge.newsletterNo')}</dd>
					</div>
				</dl>
			</div>
			<LadderCard step={ladderStep} pending={pending}>
				{kg > 0 ? <p className="kg-total">{t('myPledge.kgTotal', { kg: formatNumber(kg, language) })}</p> : null}
			</LadderCard>
		</section>
	)
}

export function Commitments({ commitments }: { commitments: MyCommitment[] }) {
	const { t } = useTranslation('pledge')
	return (
		<section aria-labelledby="my-commitments" className="my-commitments">
			<h2 id="my-commitments" tabIndex={-1}>
				{t('myPledge.commitmentsTitle')}
			</h2>
			<p className="hint">{t('myPledge.commitmentsHint')}</p>
			<ul className="commitment-list">
				{commitments.map((commitment) => (
					<li
						key={commitment.id}
						id={`commitment-${commitment.id}`}
						className={`commitment-item progress-${commitment.progress}`}
					>
						<div className="commitment-text">
							<p className="commitment-title">
								{commitment.category ? (
									<span className={`category-dot category-${commitment.category}`} aria-hidden="true" />
								) : null}
								<bdi>{commitment.title}</bdi>
							</p>
							<p className="commitment-meta">
								{commitment.category ? (
									<span>{t(`categories.${commitment.category}`)}</span>
								) : (
									<span>{t('myPledge.ownWords')}</span>
								)}
								{commitment.retired ? <span className="retired-note">{t('myPledge.retired')}</span> : null}
								<CommitmentEstimate kgCo2ePerYear={commitment.kgCo2ePerYear} source={commitment.source} />
							</p>
						</div>
						<div className="commitment-actions">
							<p className="visually-hidden">
								<ProgressBadge progress={commitment.progress} />
							</p>
							<Form method="post" className="progress-form" preventScrollReset>
								<input type="hidden" name="intent" value="progress" />
								<input type="hidden" name="pledgeCommitmentId" value={commitment.id} />
								<div
									role="group"
									aria-label={t('myPledge.progressLabel', { title: commitment.title })}
									className="segmented"
								>
									{pledgeProgressSteps.map((step) => (
										<button
											key={step}
											type="submit"
											name="progress"
											value={step}
											aria-pressed={commitment.progress === step}
										>
											{t(`progress.${step}`)}
										</button>
									))}
								</div>
							</Form>
							{commitments.length > 1 ? (
								<Form method="post" className="drop-form" preventScrollReset>
									<input type="hidden" name="intent" value="drop" />
									<input type="hidden" name="pledgeCommitmentId" value={commitment.id} />
									<button
										type="submit"
										className="link-button"
										aria-label={t('myPledge.dropLabel', { title: commitment.title })}
									>
										{t('myPledge.drop')}
									</button>
								</Form>
							) : null}
						</div>
					</li>
				))}
			</ul>
		</section>
	)
}

export function AddCommitments({
	addable,
	lastResult,
}: {
	addable: OfferedCommitment[]
	lastResult?: SubmissionResult<string[]>
}) {
	const { t } = useTranslation('pledge')
	const schema = createAddCommitmentsSchema(t)
	const [form, fields] = useForm({
		id: 'add-commitments',
		lastResult,
		constraint: getZodConstraint(schema),
		defaultValue: { ownWords: Array.from({ length: limits.ownWordsLines }, () => '') },
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
	})
	return (
		<section aria-labelledby="add-title" className="add-commitments">
			<details className="card" open={Boolean(lastResult) || undefined}>
				<summary>
					<h2 id="add-title">{t('myPledge.addTitle')}</h2>
				</summary>
				<p>{t('myPledge.addLead')}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="add" />
					<FormErrors id={form.errorId} errors={form.errors} />
					{addable.length > 0 ? (
						<CommitmentChoices meta={fields.commitmentIds} commitments={addable} legend={t('sign.fromCatalogue')} />
					) : null}
					<OwnWordsInputs
						meta={fields.ownWords}
						legend={t('ownWords.legend')}
						hint={t('ownWords.hint', { max: limits.ownWords })}
					/>
					<div className="button-row">
						<button type="submit" className="primary">
							{t('myPledge.addSubmit')}
						</button>
					</div>
				</Form>
			</details>
		</section>
	)
}

export function Details({
	signature,
	user,
	city,
	districts,
	lastResult,
}: {
	signature: SignatureData
	user: PledgeUser
	city: string
	districts: string[]
	lastResult?: SubmissionResult<string[]>
}) {
	const { t } = useTranslation('pledge')
	const schema = createDetailsSchema(t)
	const [form, fields] = useForm({
		id: 'details',
		lastResult,
		constraint: getZodConstraint(schema),
		defaultValue: {
			name: user.name,
			livesInMunicipality: signature.livesInMunicipality ? 'yes' : 'no',
			district: signature.district ?? '',
			showFirstName: signature.showFirstName ? 'on' : undefined,
			newsletterConsent: signature.newsletterConsent ? 'on' : undefined,
		},
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
	})
	return (
		<section aria-labelledby="details-title" className="details">
			<details className="card" open={Boolean(lastResult) || undefined}>
				<summary>
					<h2 id="details-title">{t('myPledge.detailsTitle')}</h2>
				</summary>
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="details" />
					<FormErrors id={form.errorId} errors={form.errors} />
					<TextField meta={fields.name} label={t('fields.name')} autoComplete="name" />
					<ResidencyChoice meta={fields.livesInMunicipality} city={city} />
					<DistrictField meta={fields.district} suggestions={districts} />
					<SignatureChoices showFirstName={fields.showFirstName} newsletterConsent={fields.newsletterConsent} />
					<div className="button-row">
						<button type="submit" className="primary">
							{t('myPledge.detailsSubmit')}
						</button>
					</div>
				</Form>
			</details>
		</section>
	)
}

export function Withdraw({ ask }: { ask: boolean }) {
	const { t } = useTranslation('pledge')
	return (
		<section aria-labelledby="withdraw-title" className="withdraw" id="withdraw">
			<h2 id="withdraw-title" className="small-heading">
				{t('myPledge.withdrawTitle')}
			</h2>
			{ask ? (
				<div className="card danger-zone">
					<p>
						<strong>{t('myPledge.withdrawConfirmQuestion')}</strong>
					</p>
					<p>{t('myPledge.withdrawConfirmText')}</p>
					<Form method="post" className="button-row">
						<input type="hidden" name="intent" value="withdraw" />
						<button type="submit" className="danger">
							{t('myPledge.withdrawConfirm')}
						</button>
						<Link to="/my-pledge">{t('myPledge.withdrawCancel')}</Link>
					</Form>
				</div>
			) : (
				<>
					<p>{t('myPledge.withdrawText')}</p>
					<Link to="/my-pledge?withdraw=1#withdraw" className="button secondary">
						{t('myPledge.withdrawStart')}
					</Link>
				</>
			)}
		</section>
	)
}
