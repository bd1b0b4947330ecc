import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/my-pledge'
import { requireUser } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { LadderCard } from '#app/ladder/components.tsx'
import { currentLadderStep } from '#app/ladder/queries.server.ts'
import { offeredCommitmentIds, offeredCommitments } from '#app/pledge/catalogue.server.ts'
import { CommitmentChoices, CommitmentEstimate, DistrictField, OwnWordsInputs, ProgressBadge, ResidencyChoice } from '#app/pledge/components.tsx'
import { formatDate, formatNumber } from '#app/common/format.ts'
import { addCommitments, commonDistricts, dropCommitment, getMyPledge, setProgress, updateDetails, withdrawSignature } from '#app/pledge/pledge.server.ts'
import {
	addCommitmentsSchema,
	createAddCommitmentsSchema,
	detailsSchema,
	dropSchema,
	limits,
	pledgeProgressSteps,
	progressSchema,
} from '#app/pledge/schemas.ts'
import { CheckboxField, FormErrors, TextField, translateError } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/pledge/pledge.css'
import '#app/ladder/ladder.css'
import { firstName } from '#app/common/names.ts'

export const handle: I18nHandle = { i18n: ['pledge', 'ladder'] }

/** My pledge: several small forms on one page, each with an `intent`, and one action that dispatches. */
const doneMessages = ['details', 'added', 'progress', 'dropped', 'withdrawn'] as const
type Done = (typeof doneMessages)[number]

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const db = getDb()
	const url = new URL(request.url)
	const [language, t, pledge, catalogue, districts, ladderStep] = await Promise.all([
		getLanguage(request),
		getT(request, 'pledge'),
		getMyPledge(db, user.id),
		offeredCommitments(db),
		commonDistricts(db),
		currentLadderStep(db, user.id),
	])
	if (!pledge) throw redirect('/login')
	const chosen = new Set(pledge.commitments.map((c) => c.commitmentId))
	const done = url.searchParams.get('done')
	return {
		title: t('myPledge.title'),
		city: config.pact.city,
		timeZone: config.timeZone,
		confirmed: url.searchParams.get('confirmed') === '1',
		askWithdraw: url.searchParams.get('withdraw') === '1',
		done: doneMessages.includes(done as Done) ? (done as Done) : null,
		user: { name: pledge.user.name, email: pledge.user.email },
		signature: pledge.signature,
		commitments: pledge.commitments.map((c) => ({
			id: c.id,
			title: c.ownWords ?? (language === 'en' ? c.titleEn : c.titleSv) ?? '',
			ownWords: c.ownWords !== null,
			category: c.category,
			kgCo2ePerYear: c.kgCo2ePerYear,
			source: c.source,
			progress: c.progress,
			retired: c.retired,
		})),
		// What can still be added: offered commitments not on the pledge yet.
		addable: catalogue
			.filter((c) => !chosen.has(c.id))
			.map((c) => ({ id: c.id, category: c.category, title: language === 'en' ? c.title_en : c.title_sv, kgCo2ePerYear: c.kg_co2e_per_year, source: c.source })),
		districts,
		ladderStep,
	}
}

type ActionData = { intent: 'details' | 'add'; result: SubmissionResult<string[]> } | { intent: 'drop' | 'progress'; error: string }

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const db = getDb()
	const formData = await request.formData()
	const intent = formData.get('intent')
	const fail = (body: ActionData, status = 400) => data(body, { status })

	switch (intent) {
		case 'details': {
			const submission = parseWithZod(formData, { schema: detailsSchema })
			if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
			await updateDetails(db, user.id, submission.value)
			return redirect('/my-pledge?done=details')
		}
		case 'add': {
			const submission = parseWithZod(formData, { schema: createAddCommitmentsSchema(await offeredCommitmentIds(db)) })
			if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
			const outcome = await addCommitments(db, user.id, submission.value)
			if (!outcome.ok) {
				const error = outcome.reason === 'too-many-own-words' ? 'pledge:errors.ownWordsPerPledge' : 'pledge:errors.noSignature'
				return fail({ intent, result: submission.reply({ formErrors: [error] }) })
			}
			return redirect('/my-pledge?done=added#my-commitments')
		}
		case 'progress': {
			const submission = parseWithZod(formData, { schema: progressSchema })
			if (submission.status !== 'success') return fail({ intent, error: 'form.invalid' })
			const { pledgeCommitmentId, progress } = submission.value
			if (!(await setProgress(db, user.id, pledgeCommitmentId, progress))) return fail({ intent, error: 'pledge:errors.notYourCommitment' }, 404)
			return redirect(`/my-pledge?done=progress#commitment-${pledgeCommitmentId}`)
		}
		case 'drop': {
			const submission = parseWithZod(formData, { schema: dropSchema })
			if (submission.status !== 'success') return fail({ intent, error: 'form.invalid' })
			const outcome = await dropCommitment(db, user.id, submission.value.pledgeCommitmentId)
			if (outcome === 'not-found') return fail({ intent, error: 'pledge:errors.notYourCommitment' }, 404)
			if (outcome === 'last-commitment') return fail({ intent, error: 'pledge:errors.lastCommitment' })
			return redirect('/my-pledge?done=dropped#my-commitments')
		}
		case 'withdraw': {
			await withdrawSignature(db, user.id)
			return redirect('/my-pledge?done=withdrawn')
		}
		default:
			return fail({ intent: 'progress', error: 'form.invalid' })
	}
}

export default function MyPledge({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation('pledge')
	const { t: tc } = useTranslation()
	const { signature, commitments, user, city, done, confirmed } = loaderData
	const action = actionData as ActionData | undefined
	const status = signature?.status ?? null

	return (
		<div className="page my-pledge">
			<h1>{t('myPledge.title')}</h1>
			{confirmed && status === 'confirmed' ? (
				<div className="notice welcome-notice" role="status">
					<h2>{t('myPledge.welcomeTitle', { name: firstName(user.name) })}</h2>
					<p>{t('myPledge.welcomeText', { city })}</p>
				</div>
			) : null}
			{done ? (
				<p className="notice" role="status">
					{t(`myPledge.done.${done}`)}
				</p>
			) : null}
			{action && 'error' in action ? (
				<p className="form-errors" role="alert">
					{translateError(tc, action.error)}
				</p>
			) : null}

			{status === null || status === 'withdrawn' ? (
				<NotSigned withdrawn={status === 'withdrawn'} city={city} />
			) : (
				<>
					<PledgeSummary {...loaderData} signature={signature!} language={i18n.language} />
					<Commitments commitments={commitments} />
					<AddCommitments addable={loaderData.addable} lastResult={action?.intent === 'add' && 'result' in action ? action.result : undefined} />
					<Details {...loaderData} signature={signature!} lastResult={action?.intent === 'details' && 'result' in action ? action.result : undefined} />
					<Withdraw ask={loaderData.askWithdraw} />
				</>
			)}
		</div>
	)
}


type LoaderData = Route.ComponentProps['loaderData']
type SignatureData = NonNullable<LoaderData['signature']>

function NotSigned({ withdrawn, city }: { withdrawn: boolean; city: string }) {
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

function PledgeSummary({
	signature,
	commitments,
	user,
	city,
	timeZone,
	language,
	ladderStep,
}: {
	ladderStep: LoaderData['ladderStep']
	signature: SignatureData
	commitments: LoaderData['commitments']
	user: LoaderData['user']
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
					{signature.confirmedAt && !pending ? <span>{t('myPledge.signedOn', { date: formatDate(signature.confirmedAt, language, timeZone) })}</span> : null}
				</p>
				{pending ? (
					<p>
						{t('myPledge.pendingText')} <Link to={`/sign/check-email?${new URLSearchParams({ email: user.email })}`}>{t('myPledge.pendingLink')}</Link>
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
						<dd>{signature.showFirstName ? t('myPledge.firstNameShown', { name: firstName(user.name) }) : t('myPledge.nameHidden')}</dd>
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

function Commitments({ commitments }: { commitments: LoaderData['commitments'] }) {
	const { t } = useTranslation('pledge')
	return (
		<section aria-labelledby="my-commitments" className="my-commitments">
			<h2 id="my-commitments" tabIndex={-1}>
				{t('myPledge.commitmentsTitle')}
			</h2>
			<p className="hint">{t('myPledge.commitmentsHint')}</p>
			<ul className="commitment-list">
				{commitments.map((commitment) => (
					<li key={commitment.id} id={`commitment-${commitment.id}`} className={`commitment-item progress-${commitment.progress}`}>
						<div className="commitment-text">
							<p className="commitment-title">
								{commitment.category ? <span className={`category-dot category-${commitment.category}`} aria-hidden="true" /> : null}
								<bdi>{commitment.title}</bdi>
							</p>
							<p className="commitment-meta">
								{commitment.category ? <span>{t(`categories.${commitment.category}`)}</span> : <span>{t('myPledge.ownWords')}</span>}
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
								<div role="group" aria-label={t('myPledge.progressLabel', { title: commitment.title })} className="segmented">
									{pledgeProgressSteps.map((step) => (
										<button key={step} type="submit" name="progress" value={step} aria-pressed={commitment.progress === step}>
											{t(`progress.${step}`)}
										</button>
									))}
								</div>
							</Form>
							{commitments.length > 1 ? (
								<Form method="post" className="drop-form" preventScrollReset>
									<input type="hidden" name="intent" value="drop" />
									<input type="hidden" name="pledgeCommitmentId" value={commitment.id} />
									<button type="submit" className="link-button" aria-label={t('myPledge.dropLabel', { title: commitment.title })}>
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

function AddCommitments({ addable, lastResult }: { addable: LoaderData['addable']; lastResult?: SubmissionResult<string[]> }) {
	const { t } = useTranslation('pledge')
	const [form, fields] = useForm({
		id: 'add-commitments',
		lastResult,
		constraint: getZodConstraint(addCommitmentsSchema),
		defaultValue: { ownWords: Array.from({ length: limits.ownWordsLines }, () => '') },
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: addCommitmentsSchema }),
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
					{addable.length > 0 ? <CommitmentChoices meta={fields.commitmentIds} commitments={addable} legend={t('sign.fromCatalogue')} /> : null}
					<OwnWordsInputs meta={fields.ownWords} legend={t('ownWords.legend')} hint={t('ownWords.hint', { max: limits.ownWords })} />
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

function Details({
	signature,
	user,
	city,
	districts,
	lastResult,
}: {
	signature: SignatureData
	user: LoaderData['user']
	city: string
	districts: string[]
	lastResult?: SubmissionResult<string[]>
}) {
	const { t } = useTranslation('pledge')
	const [form, fields] = useForm({
		id: 'details',
		lastResult,
		constraint: getZodConstraint(detailsSchema),
		defaultValue: {
			name: user.name,
			livesInMunicipality: signature.livesInMunicipality ? 'yes' : 'no',
			district: signature.district ?? '',
			showFirstName: signature.showFirstName ? 'on' : undefined,
			newsletterConsent: signature.newsletterConsent ? 'on' : undefined,
		},
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: detailsSchema }),
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
					<CheckboxField meta={fields.showFirstName} label={t('fields.showFirstName')} hint={t('fields.showFirstNameHint')} />
					<CheckboxField meta={fields.newsletterConsent} label={t('fields.newsletterConsent')} hint={t('fields.newsletterConsentHint')} />
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

function Withdraw({ ask }: { ask: boolean }) {
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
