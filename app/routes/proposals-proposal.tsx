import { socialMeta } from '#app/common/social.ts'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/proposals-proposal'
import { getUser, userHasPermission } from '#app/auth/session.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { markdownToHtml, webProfile } from '#app/common/markdown.server.ts'
import { idOr404 } from '#app/common/params.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { isSignatory } from '#app/pledge/signatories.server.ts'
import { StatusBadge } from '#app/proposals/components.tsx'
import { publishProposal } from '#app/proposals/drafts.server.ts'
import {
	hideProposal,
	openReports,
	reportProposal,
	resolveReports,
	unhideProposal,
} from '#app/proposals/moderation.server.ts'
import { ProposalTools, ReportForm, type ToolsReply } from '#app/proposals/page-sections.tsx'
import { createAnswerSchema, createReasonSchema, createSubmitSchema, isSimpleIntent } from '#app/proposals/schemas.ts'
import { formatDay, recordCityAnswer, submitToCity } from '#app/proposals/status.server.ts'
import { supportProposal, supportsProposal, withdrawSupport } from '#app/proposals/support.server.ts'
import { proposalForViewer, proposalTimeline } from '#app/proposals/tracker.server.ts'
import { themeChoices } from '#app/themes/themes.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/proposals/proposals.css'

export const handle: I18nHandle = { i18n: ['proposals'] }

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	return [
		{ title: `${data.proposal.title} – ${data.pactName}` },
		{ name: 'description', content: data.proposal.summary },
		...socialMeta({ title: data.proposal.title, description: data.proposal.summary, url: data.url }),
	]
}

/** The confirmations this page shows after an action (app/common/flash.ts). */
const messages = {
	created: 'done.created',
	saved: 'done.saved',
	published: 'done.published',
	supported: 'done.supported',
	'already-supported': 'done.alreadySupported',
	withdrawn: 'done.withdrawn',
	'not-signatory': 'done.notSignatory',
	closed: 'done.closed',
	own: 'done.own',
	reported: 'done.reported',
	'already-reported': 'done.alreadyReported',
	submitted: 'done.submitted',
	answered: 'done.answered',
	unchanged: 'done.unchanged',
	hidden: 'done.hidden',
	shown: 'done.shown',
	resolved: 'done.resolved',
} as const

/** The proposal as this person may see it (a draft only for its author, a hidden one also for coordinators), or 404. */
async function viewedProposal(request: Request, param: string | undefined) {
	const id = idOr404(param)
	const user = await getUser(request)
	const db = getDb()
	const canManage = user ? await userHasPermission(db, user.id, 'proposals:manage') : false
	const proposal = await proposalForViewer(db, id, { userId: user?.id ?? null, canManage })
	if (!proposal) throw new Response('Not found', { status: 404 })
	return { proposal, user, canManage }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { proposal, user, canManage } = await viewedProposal(request, params.proposalId)
	const db = getDb()
	const language = await getLanguage(request)
	const [timeline, supported, signatory, reports, themes] = await Promise.all([
		proposalTimeline(db, proposal.id),
		user ? supportsProposal(db, proposal.id, user.id) : false,
		user ? isSignatory(db, user.id) : false,
		canManage ? openReports(db, proposal.id) : [],
		proposal.theme_id ? themeChoices(db, language) : [],
	])
	const day = (value: string | null) => formatDay(value, language)
	return {
		pactName: config.pact.name,
		url: `${config.appUrl}/proposals/${proposal.id}`,
		proposal: {
			id: proposal.id,
			title: proposal.title,
			summary: proposal.summary,
			status: proposal.status,
			outcome: proposal.outcome,
			supportCount: proposal.support_count,
			author: proposal.author_name,
			theme: themes.find((theme) => theme.id === proposal.theme_id) ?? null,
			hiddenReason: proposal.hidden_at ? proposal.hidden_reason : null,
			submittedOn: day(proposal.submitted_on),
			reference: proposal.city_reference,
			cityUrl: proposal.city_url,
			answer: proposal.answer,
			answeredOn: day(proposal.answered_on),
		},
		bodyHtml: markdownToHtml(proposal.body, webProfile),
		timeline: timeline.map((entry) => ({
			id: entry.id,
			toStatus: entry.toStatus,
			when: formatDate(entry.changedAt, language, config.timeZone),
		})),
		viewer: {
			signedIn: Boolean(user),
			isAuthor: proposal.isAuthor,
			supported,
			signatory,
			canManage,
		},
		reports,
		today: new Date().toISOString().slice(0, 10),
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { proposal, user, canManage } = await viewedProposal(request, params.proposalId)
	const here = `/proposals/${proposal.id}`
	if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: here })}`)
	const db = getDb()
	const form = await request.formData()
	const intent = String(form.get('intent') ?? '')
	const done = (key: keyof typeof messages) => redirect(withFlash(here, key), 303)
	const forbidden = () => new Response('Forbidden', { status: 403 })
	const t = await getT(request, 'proposals')

	if (isSimpleIntent(intent)) {
		switch (intent) {
			case 'publish': {
				const outcome = await publishProposal(db, proposal.id, user.id)
				if (outcome.kind === 'not-author' || outcome.kind === 'not-found') throw forbidden()
				return done(outcome.kind === 'moved' ? 'published' : 'unchanged')
			}
			case 'support': {
				const outcome = await supportProposal(db, proposal.id, user.id)
				if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
				if (outcome.kind === 'supported') return done(outcome.changed ? 'supported' : 'already-supported')
				return done(outcome.kind === 'own-proposal' ? 'own' : outcome.kind)
			}
			case 'withdraw-support':
				await withdrawSupport(db, proposal.id, user.id)
				return done('withdrawn')
			case 'unhide':
				if (!canManage) throw forbidden()
				await unhideProposal(db, proposal.id)
				return done('shown')
			case 'resolve-reports':
				if (!canManage) throw forbidden()
				await resolveReports(db, proposal.id)
				return done('resolved')
		}
	}
	if (intent === 'report' || intent === 'hide') {
		if (intent === 'hide' && !canManage) throw forbidden()
		const submission = parseWithZod(form, { schema: createReasonSchema(t) })
		if (submission.status !== 'success') return data({ form: intent, reply: submission.reply() }, { status: 400 })
		if (intent === 'hide') {
			await hideProposal(db, proposal.id, user.id, submission.value.reason)
			return done('hidden')
		}
		const outcome = await reportProposal(db, proposal.id, user.id, submission.value.reason)
		if (outcome === 'not-found') throw new Response('Not found', { status: 404 })
		return done(outcome)
	}
	if (intent === 'submit' || intent === 'answer') {
		if (!canManage) throw forbidden()
		if (intent === 'submit') {
			const submission = parseWithZod(form, { schema: createSubmitSchema(t) })
			if (submission.status !== 'success') return data({ form: intent, reply: submission.reply() }, { status: 400 })
			const outcome = await submitToCity(db, proposal.id, submission.value, user.id)
			return done(outcome.kind === 'moved' ? 'submitted' : 'unchanged')
		}
		const submission = parseWithZod(form, { schema: createAnswerSchema(t) })
		if (submission.status !== 'success') return data({ form: intent, reply: submission.reply() }, { status: 400 })
		const outcome = await recordCityAnswer(db, proposal.id, submission.value, user.id)
		return done(outcome.kind === 'moved' ? 'answered' : 'unchanged')
	}
	throw new Response('Bad request', { status: 400 })
}

export default function ProposalPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('proposals')
	const { proposal, viewer, timeline, flash } = loaderData
	const reply = actionData as ToolsReply | undefined
	return (
		<div className="page proposal-page">
			<p className="breadcrumb">
				<Link to="/proposals">← {t('page.back')}</Link>
			</p>
			<p>
				<StatusBadge status={proposal.status} outcome={proposal.outcome} hidden={proposal.hiddenReason !== null} />
				{proposal.theme ? <span className="muted"> · {proposal.theme.title}</span> : null}
			</p>
			<h1>{proposal.title}</h1>
			<p className="muted">{t('page.by', { name: proposal.author })}</p>
			{proposal.status === 'draft' ? <p className="notice notice-warning">{t('page.draftBanner')}</p> : null}
			{proposal.hiddenReason !== null ? (
				<p className="notice notice-warning">{t('page.hiddenBanner', { reason: proposal.hiddenReason })}</p>
			) : null}
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>

			<div className="proposal-layout">
				<div className="proposal-main">
					<p className="proposal-summary">{proposal.summary}</p>
					<section aria-labelledby="proposal-heading">
						<h2 id="proposal-heading">{t('page.proposal')}</h2>
						<div className="proposal-body" dangerouslySetInnerHTML={{ __html: loaderData.bodyHtml }} />
					</section>
					{proposal.submittedOn ? (
						<section aria-labelledby="city-heading">
							<h2 id="city-heading">{t('page.city')}</h2>
							<dl className="proposal-facts">
								<div>
									<dt>{t('page.submittedOn')}</dt>
									<dd>{proposal.submittedOn}</dd>
								</div>
								{proposal.reference ? (
									<div>
										<dt>{t('page.reference')}</dt>
										<dd>{proposal.reference}</dd>
									</div>
								) : null}
								{proposal.cityUrl ? (
									<div>
										<dt>{t('page.cityLink')}</dt>
										<dd>
											<a href={proposal.cityUrl} rel="nofollow noreferrer">
												{proposal.cityUrl}
											</a>
										</dd>
									</div>
								) : null}
								{proposal.answeredOn && proposal.outcome ? (
									<div>
										<dt>{t('page.answeredOn')}</dt>
										<dd>
											{proposal.answeredOn}: {t(`outcome.${proposal.outcome}`)}
										</dd>
									</div>
								) : null}
							</dl>
							{proposal.answer ? (
								<>
									<h3>{t('page.answer')}</h3>
									<p className="city-answer">{proposal.answer}</p>
								</>
							) : null}
						</section>
					) : null}
				</div>

				<aside className="proposal-aside">
					<section className="card stack" aria-labelledby="support-heading">
						<h2 id="support-heading">{t('page.supportHeading')}</h2>
						<p className="proposal-count">{t('backing', { count: proposal.supportCount })}</p>
						<SupportBox data={loaderData} />
					</section>
					{timeline.length > 0 ? (
						<section className="card" aria-labelledby="timeline-heading">
							<h2 id="timeline-heading">{t('page.timeline')}</h2>
							<ol className="timeline">
								{timeline.map((entry) => (
									<li key={entry.id}>
										<p className="timeline-title">{t(`timeline.${entry.toStatus}`)}</p>
										<p className="muted">{entry.when}</p>
									</li>
								))}
							</ol>
						</section>
					) : null}
					{viewer.canManage ? (
						<ProposalTools
							status={proposal.status}
							hidden={proposal.hiddenReason !== null}
							reports={loaderData.reports}
							today={loaderData.today}
							reply={reply}
						/>
					) : null}
					{viewer.signedIn && !viewer.isAuthor && proposal.status !== 'draft' ? <ReportForm reply={reply} /> : null}
				</aside>
			</div>
		</div>
	)
}

function SupportBox({ data }: { data: Route.ComponentProps['loaderData'] }) {
	const { t } = useTranslation('proposals')
	const { proposal, viewer } = data
	if (proposal.status === 'draft') {
		return (
			<>
				<p>
					<Link to={`/proposals/${proposal.id}/edit`} className="button secondary">
						{t('page.edit')}
					</Link>
				</p>
				<Form method="post">
					<button type="submit" name="intent" value="publish" className="primary" aria-describedby="publish-hint">
						{t('page.publish')}
					</button>
				</Form>
				<p className="hint" id="publish-hint">
					{t('page.publishHint')}
				</p>
			</>
		)
	}
	if (viewer.isAuthor) return <p>{t('page.own')}</p>
	if (proposal.status !== 'open') return <p>{viewer.supported ? t('page.youSupport') : t('page.closed')}</p>
	if (!viewer.signedIn) {
		const signIn = `/login?${new URLSearchParams({ redirectTo: `/proposals/${proposal.id}` })}`
		return (
			<p>
				<Link to={signIn} className="button">
					{t('page.signInToSupport')}
				</Link>
			</p>
		)
	}
	if (viewer.supported) {
		return (
			<>
				<p>{t('page.youSupport')}</p>
				<Form method="post">
					<button type="submit" name="intent" value="withdraw-support" className="secondary">
						{t('page.withdraw')}
					</button>
				</Form>
			</>
		)
	}
	if (!viewer.signatory) {
		return (
			<>
				<p>{t('page.signToSupport')}</p>
				<p>
					<Link to="/sign">{t('page.signLink')}</Link>
				</p>
			</>
		)
	}
	return (
		<Form method="post">
			<button type="submit" name="intent" value="support" className="primary">
				{t('page.support')}
			</button>
		</Form>
	)
}
