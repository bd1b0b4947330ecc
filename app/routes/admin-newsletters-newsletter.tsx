import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-newsletters-newsletter'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { utcToLocal } from '#app/common/time.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import {
	cancelNewsletter,
	flashStillTrue,
	getNewsletter,
	isEditable,
	pauseNewsletter,
	resumeNewsletter,
} from '#app/newsletters/campaigns.server.ts'
import { previewNewsletter, versionFor } from '#app/newsletters/rendering.server.ts'
import { newsletterProgress, newsletterStatistics } from '#app/newsletters/statistics.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { composeNewsletter, confirmSending } from '#app/newsletters/compose.server.ts'
import { Compose, Sending, type ComposeData, type ComposeDefaults } from '#app/newsletters/components.tsx'
import { confirmSendSchema, controlSchema, createComposeSchema } from '#app/newsletters/schemas.ts'
import { countRecipients, eventsWithAttendance } from '#app/newsletters/segments.server.ts'
import { placeStoryError } from '#app/newsletters/story-blocks.server.ts'
import { approvedStories } from '#app/stories/stories.server.ts'
import { signatoryDistricts } from '#app/pledge/pledge.server.ts'
import { formatDate } from '#app/common/format.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { themeChoices } from '#app/themes/themes.server.ts'
import { getDb } from '#db/index.ts'
import '#app/newsletters/newsletters.css'

export const handle: I18nHandle = { i18n: ['newsletters', 'ladder'] }

/** The confirmations this page shows after an action (app/common/flash.ts). */
const messages = {
	saved: 'notice.saved',
	started: 'notice.started',
	scheduled: 'notice.scheduled',
	'not-editable': 'notice.not-editable',
	pause: 'notice.pause',
	resume: 'notice.resume',
	cancel: 'notice.cancel',
	unchanged: 'notice.unchanged',
	'story-placed': 'notice.storyPlaced',
} as const

/**
 * One newsletter. While it is a draft (or scheduled): compose both languages, choose the
 * audience with a live count, preview with the real template, test-send, send or schedule.
 * Afterwards: progress, pause/resume/cancel, and statistics.
 */
export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

async function load(request: Request, params: { newsletterId: string }) {
	const user = await requirePermission(request, 'newsletters:send')
	const id = Number(params.newsletterId)
	const found = Number.isInteger(id) ? await getNewsletter(getDb(), id) : null
	if (!found) throw data(null, { status: 404 })
	return { user, id, ...found }
}

function stillTrue<F extends { key: string }>(flash: F | null, status: Parameters<typeof flashStillTrue>[1]) {
	return flash && flashStillTrue(flash.key, status) ? flash : null
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { user, id, newsletter, versions, segment } = await load(request, params)
	const db = getDb()
	const [t, language] = [await getT(request, 'newsletters'), await getLanguage(request)]
	const url = new URL(request.url)
	const sv = versions.find((v) => v.language === 'sv')
	const en = versions.find((v) => v.language === 'en')
	const editable = isEditable(newsletter.status)
	const first = versionFor(versions, 'sv')
	const scheduledLocal = newsletter.scheduled_at ? utcToLocal(newsletter.scheduled_at, config.timeZone) : null
	return {
		title: t('compose.pageTitle', { title: newsletter.title }),
		newsletter,
		editable,
		userEmail: user.email,
		defaults: {
			title: newsletter.title,
			subjectSv: sv?.subject ?? '',
			preheaderSv: sv?.preheader ?? '',
			bodySv: sv?.body ?? '',
			subjectEn: en?.subject ?? '',
			preheaderEn: en?.preheader ?? '',
			bodyEn: en?.body ?? '',
			steps: segment.steps.map(String),
			districts: segment.districts.join(', '),
			residency: segment.residency,
			eventId: segment.eventId ? String(segment.eventId) : '',
			themeId: segment.themeId ? String(segment.themeId) : '',
			signedFrom: segment.signedFrom ?? '',
			signedTo: segment.signedTo ?? '',
			testAddresses: '',
			storyId: '',
			storyVersion: 'sv',
			scheduledDate: scheduledLocal?.date ?? '',
			scheduledTime: scheduledLocal?.time ?? '',
		} satisfies ComposeDefaults,
		subjects: versions.map((v) => ({ language: v.language, subject: v.subject })),
		count: editable ? await countRecipients(db, segment) : null,
		previewHtml: editable && first ? await previewNewsletter(first, user.name) : null,
		districts: editable ? await signatoryDistricts(db, 200) : [],
		events: editable
			? (await eventsWithAttendance(db)).map((e) => ({
					id: e.id,
					title: e.title,
					date: formatDate(e.starts_at, language, config.timeZone),
				}))
			: [],
		themes: editable ? await themeChoices(db, language) : [],
		// The newest published partner stories, to place in the newsletter (issue 11).
		stories: editable
			? (await approvedStories(db, 20)).map((story) => ({
					id: story.id,
					title: story.title,
					partner: story.partner?.name ?? null,
					date: formatDate(story.approvedAt, language, config.timeZone),
				}))
			: [],
		scheduledFor:
			newsletter.scheduled_at && scheduledLocal
				? { date: formatDate(newsletter.scheduled_at, language, config.timeZone), time: scheduledLocal.time }
				: null,
		progress: editable ? null : await newsletterProgress(db, id),
		statistics: editable ? null : await newsletterStatistics(db, id),
		flash: stillTrue(readFlash(url, messages), newsletter.status),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, id, newsletter } = await load(request, params)
	const db = getDb()
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'pause' || intent === 'resume' || intent === 'cancel') {
		const control = controlSchema.parse({ intent })
		const done =
			control.intent === 'pause'
				? await pauseNewsletter(db, id)
				: control.intent === 'resume'
					? await resumeNewsletter(db, id)
					: await cancelNewsletter(db, id)
		return redirect(withFlash(`/admin/newsletters/${id}`, done ? control.intent : 'unchanged'))
	}
	if (!isEditable(newsletter.status)) return redirect(withFlash(`/admin/newsletters/${id}`, 'unchanged'))
	if (intent === 'confirm-send') {
		const confirmed = confirmSendSchema.safeParse({ intent, count: formData.get('count') })
		if (!confirmed.success)
			return data({ result: undefined, previewHtml: null, count: null, tested: null }, { status: 400 })
		const outcome = await confirmSending(db, id, confirmed.data.count)
		if (outcome.kind !== 'confirm-send') return redirect(withFlash(`/admin/newsletters/${id}`, outcome.kind))
		// The audience changed since the coordinator was asked: ask again with the new number.
		return data({ ...asked(outcome.count), countChanged: true }, { status: 409 })
	}

	const t = await getT(request, 'newsletters')
	const submission = parseWithZod(formData, { schema: createComposeSchema(t) })
	// The form shown again with its messages beside the fields, everything typed kept.
	const refused = (fieldErrors?: Record<string, string[]>) =>
		data({ result: submission.reply({ fieldErrors }), previewHtml: null, count: null, tested: null }, { status: 400 })
	if (submission.status !== 'success') return refused()
	const outcome = await composeNewsletter(db, id, user, submission.value)
	switch (outcome.kind) {
		case 'preview':
			return { result: submission.reply(), previewHtml: outcome.previewHtml, count: outcome.count, tested: null }
		case 'tested':
			return { result: submission.reply(), previewHtml: null, count: null, tested: outcome.sent }
		case 'confirm-send':
			return { ...asked(outcome.count), result: submission.reply() }
		case 'in-the-past':
			return refused({ scheduledDate: [t('errors.inThePast')] })
		case 'story-not-published':
		case 'story-needs-subject':
		case 'story-too-long':
			return refused(placeStoryError(outcome.kind, submission.value.storyVersion, t))
		case 'story-placed':
		case 'saved':
		case 'started':
		case 'scheduled':
		case 'not-editable':
			return redirect(withFlash(`/admin/newsletters/${id}`, outcome.kind))
	}
}

/** The answer that asks "send to N people?" (the draft is saved by then). */
function asked(count: number) {
	return { result: undefined, previewHtml: null, count, tested: null, confirmSend: count, countChanged: false }
}

export default function AdminNewsletter({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletters')
	const { newsletter, flash } = loaderData
	return (
		<div className="page newsletter-page">
			<p>
				<Link to="/admin/newsletters">{t('compose.back')}</Link>
			</p>
			<h1>{newsletter.title}</h1>
			<p className="status-line">
				{t('compose.status')}: <strong>{t(`status.${newsletter.status}`)}</strong>
			</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			{loaderData.editable ? (
				// Drawn afresh after each save, so text the server added (a placed story) shows in the form.
				<Compose key={newsletter.updated_at} {...loaderData} actionData={actionData as ComposeData | undefined} />
			) : (
				<Sending {...loaderData} />
			)}
		</div>
	)
}
