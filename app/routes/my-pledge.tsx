import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, redirect } from 'react-router'
import type { Route } from './+types/my-pledge'
import { requireUser } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { SharePact } from '#app/ui/share.tsx'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { currentLadderStep } from '#app/ladder/my-ladder.server.ts'
import { offeredCommitmentIds, offeredCommitments, toOffered } from '#app/pledge/catalogue.server.ts'
import {
	AddCommitments,
	Commitments,
	Details,
	NotSigned,
	PledgeSummary,
	Withdraw,
} from '#app/pledge/my-pledge-sections.tsx'
import {
	addCommitments,
	commonDistricts,
	dropCommitment,
	getMyPledge,
	setProgress,
	updateDetails,
	withdrawSignature,
} from '#app/pledge/pledge.server.ts'
import { createAddCommitmentsSchema, createDetailsSchema, dropSchema, progressSchema } from '#app/pledge/schemas.ts'
import { getDb } from '#db/index.ts'
import '#app/pledge/pledge.css'
import '#app/ladder/ladder.css'
import { firstName } from '#app/common/names.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { consentHistory } from '#app/privacy/consents.server.ts'
import { YourData } from '#app/privacy/components.tsx'

export const handle: I18nHandle = { i18n: ['pledge', 'ladder', 'pages', 'privacy'] }

/** My pledge: several small forms on one page, each with an `intent`, and one action that dispatches. */

/** The confirmations this page shows after a change (app/common/flash.ts). */
const messages = {
	details: 'myPledge.done.details',
	added: 'myPledge.done.added',
	progress: 'myPledge.done.progress',
	dropped: 'myPledge.done.dropped',
	withdrawn: 'myPledge.done.withdrawn',
} as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const db = getDb()
	const url = new URL(request.url)
	const [language, t, pledge, catalogue, districts, ladderStep, consents] = await Promise.all([
		getLanguage(request),
		getT(request, 'pledge'),
		getMyPledge(db, user.id),
		offeredCommitments(db),
		commonDistricts(db),
		currentLadderStep(db, user.id),
		consentHistory(db, user.id),
	])
	if (!pledge) throw redirect('/login')
	const chosen = new Set(pledge.commitments.map((c) => c.commitmentId))
	return {
		title: t('myPledge.title'),
		city: config.pact.city,
		pactName: config.pact.name,
		shareUrl: `${config.appUrl}/`,
		timeZone: config.timeZone,
		confirmed: url.searchParams.get('confirmed') === '1',
		askWithdraw: url.searchParams.get('withdraw') === '1',
		flash: readFlash(url, messages),
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
		addable: catalogue.filter((c) => !chosen.has(c.id)).map((c) => toOffered(c, language)),
		districts,
		ladderStep,
		language,
		consents,
	}
}

/** A button's failure, shown above the page: a key in the pledge or common catalogue. */
type ButtonError = 'common:form.invalid' | 'pledge:errors.notYourCommitment' | 'pledge:errors.lastCommitment'
type ActionData =
	| { intent: 'details' | 'add'; result: SubmissionResult<string[]> }
	| { intent: 'drop' | 'progress'; error: ButtonError }

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const db = getDb()
	const formData = await request.formData()
	const intent = formData.get('intent')
	const fail = (body: ActionData, status = 400) => data(body, { status })
	const t = await getT(request, 'pledge')

	switch (intent) {
		case 'details': {
			const submission = parseWithZod(formData, { schema: createDetailsSchema(t) })
			if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
			await updateDetails(db, user.id, submission.value)
			return redirect(withFlash('/my-pledge', 'details'))
		}
		case 'add': {
			const submission = parseWithZod(formData, {
				schema: createAddCommitmentsSchema(t, await offeredCommitmentIds(db)),
			})
			if (submission.status !== 'success') return fail({ intent, result: submission.reply() })
			const outcome = await addCommitments(db, user.id, submission.value)
			if (!outcome.ok) {
				const error = outcome.reason === 'too-many-own-words' ? t('errors.ownWordsPerPledge') : t('errors.noSignature')
				return fail({ intent, result: submission.reply({ formErrors: [error] }) })
			}
			return redirect(withFlash('/my-pledge#my-commitments', 'added'))
		}
		case 'progress': {
			const submission = parseWithZod(formData, { schema: progressSchema })
			if (submission.status !== 'success') return fail({ intent, error: 'common:form.invalid' })
			const { pledgeCommitmentId, progress } = submission.value
			if (!(await setProgress(db, user.id, pledgeCommitmentId, progress)))
				return fail({ intent, error: 'pledge:errors.notYourCommitment' }, 404)
			return redirect(withFlash(`/my-pledge#commitment-${pledgeCommitmentId}`, 'progress'))
		}
		case 'drop': {
			const submission = parseWithZod(formData, { schema: dropSchema })
			if (submission.status !== 'success') return fail({ intent, error: 'common:form.invalid' })
			const outcome = await dropCommitment(db, user.id, submission.value.pledgeCommitmentId)
			if (outcome === 'not-found') return fail({ intent, error: 'pledge:errors.notYourCommitment' }, 404)
			if (outcome === 'last-commitment') return fail({ intent, error: 'pledge:errors.lastCommitment' })
			return redirect(withFlash('/my-pledge#my-commitments', 'dropped'))
		}
		case 'withdraw': {
			await withdrawSignature(db, user.id)
			return redirect(withFlash('/my-pledge', 'withdrawn'))
		}
		default:
			return fail({ intent: 'progress', error: 'common:form.invalid' })
	}
}

export default function MyPledge({ loaderData, actionData }: Route.ComponentProps) {
	// Two catalogues: a button's failure may be a general form message (ButtonError).
	const { t, i18n } = useTranslation(['pledge', 'common'])
	const { signature, commitments, user, city, flash, confirmed } = loaderData
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
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			{action && 'error' in action ? (
				<p className="form-errors" role="alert">
					{t(action.error)}
				</p>
			) : null}

			{status === null || status === 'withdrawn' ? (
				<NotSigned withdrawn={status === 'withdrawn'} city={city} />
			) : (
				<>
					<PledgeSummary {...loaderData} signature={signature!} language={i18n.language} />
					<Commitments commitments={commitments} />
					{status === 'confirmed' ? <SharePact url={loaderData.shareUrl} pactName={loaderData.pactName} /> : null}
					<AddCommitments
						addable={loaderData.addable}
						lastResult={action?.intent === 'add' && 'result' in action ? action.result : undefined}
					/>
					<Details
						{...loaderData}
						signature={signature!}
						lastResult={action?.intent === 'details' && 'result' in action ? action.result : undefined}
					/>
					<Withdraw ask={loaderData.askWithdraw} />
				</>
			)}
			<YourData consents={loaderData.consents} language={loaderData.language} timeZone={loaderData.timeZone} />
		</div>
	)
}
