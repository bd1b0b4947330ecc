import { parseWithZod } from '@conform-to/zod/v4'
import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/partners-manage'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { nextEventsFor } from '#app/events/listing.server.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { imageFieldView } from '#app/images/upload.server.ts'
import { agreementsOf, formatDay, mayRenew, renewAgreement, shownStatus } from '#app/partners/agreements.server.ts'
import { NetworkMeetings, PartnerForm } from '#app/partners/components.tsx'
import { contactsPage, submitPartnerForm } from '#app/partners/forms.server.ts'
import { addReporter, partnerMembers, removeReporter } from '#app/partners/partners.server.ts'
import { memberSchema } from '#app/partners/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { ErrorList } from '#app/ui/forms.tsx'
import '#app/partners/partners.css'

export const handle: I18nHandle = { i18n: ['partners', 'images', 'mentoring'] }

/** A partner's contacts manage it: details and logo, reporters, and its agreements (sign, renew). */

const messages = {
	signed: 'done.signed',
	saved: 'done.saved',
	added: 'done.added',
	already: 'done.already',
	removed: 'done.removed',
} as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { db, partner, t } = await contactsPage(request, params.slug)
	const language = await getLanguage(request)
	const agreements = await agreementsOf(db, partner.id)
	return {
		title: t('manage.title', { partner: partner.name }),
		flash: readFlash(new URL(request.url), messages),
		partner: { id: partner.id, slug: partner.slug, name: partner.name },
		details: {
			name: partner.name,
			type: partner.type,
			sector: partner.sector,
			size: partner.size,
			district: partner.district ?? '',
			website: partner.website ?? '',
			description: partner.description,
		},
		logo: await imageFieldView(db, partner.logo_image_id),
		agreements: agreements.map((agreement) => ({
			id: agreement.id,
			status: shownStatus(agreement),
			start: formatDay(agreement.period_start, language),
			end: formatDay(agreement.period_end, language),
		})),
		mayRenew: mayRenew(agreements),
		members: await partnerMembers(db, partner.id),
		meetings: await nextEventsFor(db, 'partners', language),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { db, partner, user, t } = await contactsPage(request, params.slug)
	const here = `/partners/${partner.slug}/manage`
	const intent = new URL(request.url).searchParams.get('intent') ?? 'details'
	if (intent === 'details') {
		const outcome = await submitPartnerForm(db, request, t, { partnerId: partner.id, userId: user.id })
		if (outcome.kind === 'refused')
			return data({ intent, result: outcome.result, logo: null }, { status: outcome.status })
		if (outcome.kind === 'invalid') return data({ intent, result: outcome.result, logo: outcome.logo }, { status: 400 })
		return redirect(withFlash(here, 'saved'))
	}
	const formData = await request.formData()
	if (intent === 'add-reporter') {
		const submission = parseWithZod(formData, { schema: memberSchema(t) })
		if (submission.status !== 'success')
			return data({ intent, result: submission.reply(), logo: null }, { status: 400 })
		const outcome = await addReporter(db, partner.id, submission.value.email)
		if (outcome === 'no-account')
			return data(
				{ intent, result: submission.reply({ fieldErrors: { email: [t('manage.noAccount')] } }), logo: null },
				{ status: 400 },
			)
		return redirect(withFlash(here, outcome))
	}
	if (intent === 'remove-reporter') {
		await removeReporter(db, partner.id, Number(formData.get('userId')))
		return redirect(withFlash(here, 'removed'))
	}
	if (intent === 'renew') {
		const outcome = await renewAgreement(db, partner.id)
		if (outcome.kind === 'nothing-to-renew') throw new Response('Conflict', { status: 409 })
		return redirect(withFlash(`/partners/${partner.slug}/sign`, 'renewed'))
	}
	throw new Response('Bad request', { status: 400 })
}

export default function ManagePartner({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partners')
	const { t: tCommon } = useTranslation()
	const { t: tMentoring } = useTranslation('mentoring')
	const { partner, agreements, members, flash } = loaderData
	const open = agreements.find((a) => a.status === 'draft' || a.status === 'returned')
	return (
		<div className="page narrow">
			<p>
				<Link to={`/partners/${partner.slug}`}>{t('manage.public')}</Link>
				{' · '}
				<Link to={`/partners/${partner.slug}/reports`}>{tCommon('nav.climateReport')}</Link>
				{' · '}
				<Link to={`/partners/${partner.slug}/mentoring`}>{tMentoring('link')}</Link>
			</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<h1>{loaderData.title}</h1>

			<section aria-labelledby="agreements-heading">
				<h2 id="agreements-heading">{t('manage.agreements')}</h2>
				<ul>
					{agreements.map((agreement) => (
						<li key={agreement.id}>
							{t('manage.period', { start: agreement.start, end: agreement.end })}: {t(`status.${agreement.status}`)}
						</li>
					))}
				</ul>
				{open ? (
					<p>
						<Link to={`/partners/${partner.slug}/sign`} className="button">
							{t('manage.fill')}
						</Link>
					</p>
				) : null}
				{loaderData.mayRenew ? (
					<Form method="post" action="?intent=renew">
						<p className="hint">{t('manage.renewHint')}</p>
						<button type="submit" className="secondary">
							{t('manage.renew')}
						</button>
					</Form>
				) : null}
			</section>

			<NetworkMeetings meetings={loaderData.meetings} />

			<section aria-labelledby="people-heading">
				<h2 id="people-heading">{t('manage.people')}</h2>
				<ul className="member-list">
					{members.map((member) => (
						<li key={member.userId}>
							<span>
								{member.name} ({member.email}) – {t(`manage.${member.role}`)}
							</span>
							{member.role === 'reporter' ? (
								<Form method="post" action="?intent=remove-reporter">
									<input type="hidden" name="userId" value={member.userId} />
									<button type="submit" className="secondary">
										{t('manage.remove', { name: member.name })}
									</button>
								</Form>
							) : null}
						</li>
					))}
				</ul>
				<AddReporter lastResult={actionData?.intent === 'add-reporter' ? actionData.result : undefined} />
			</section>

			<section aria-labelledby="details-heading">
				<h2 id="details-heading">{t('manage.details')}</h2>
				<PartnerForm
					id="partner-details"
					action="?intent=details"
					defaultValue={loaderData.details}
					lastResult={actionData?.intent === 'details' ? actionData.result : undefined}
					logo={(actionData?.intent === 'details' ? actionData.logo : null) ?? loaderData.logo}
					submitLabel={t('manage.save')}
				/>
			</section>
		</div>
	)
}

function AddReporter({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
	const { t } = useTranslation('partners')
	const [form, fields] = useForm<{ email: string }>({
		id: 'add-reporter',
		lastResult,
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: memberSchema(t) }),
	})
	return (
		<Form method="post" action="?intent=add-reporter" className="form" {...getFormProps(form)}>
			<div className="field">
				<label htmlFor={fields.email.id}>{t('manage.addReporter')}</label>
				<p id={`${fields.email.id}-hint`} className="hint">
					{t('manage.addReporterHint')}
				</p>
				<input
					{...getInputProps(fields.email, { type: 'email' })}
					key={fields.email.key}
					autoComplete="off"
					aria-describedby={
						fields.email.errors?.length ? `${fields.email.id}-hint ${fields.email.errorId}` : `${fields.email.id}-hint`
					}
				/>
				<ErrorList id={fields.email.errorId} errors={fields.email.errors} />
			</div>
			<button type="submit" className="secondary">
				{t('manage.add')}
			</button>
		</Form>
	)
}
