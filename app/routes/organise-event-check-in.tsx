import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useState } from 'react'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect, useFetcher } from 'react-router'
import type { Route } from './+types/organise-event-check-in'
import { dateTimeFormat } from '#app/common/intl.ts'
import { config } from '#app/config.server.ts'
import {
	addWalkIn,
	checkIn,
	checkInIsOpen,
	checkInOpensAt,
	doorList,
	undoCheckIn,
	type DoorListPerson,
} from '#app/events/check-in.server.ts'
import { organisersEvent } from '#app/events/listing.server.ts'
import { formatDateTime, formatEventWhen, localeFor } from '#app/common/format.ts'
import { matchesName } from '#app/events/names.ts'
import { createCheckInSchema, createWalkInSchema, limits } from '#app/events/schemas.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { FormErrors, TextField } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'

export const handle: I18nHandle = { i18n: ['events'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

function clock(iso: string, language: SupportedLanguage) {
	return dateTimeFormat(localeFor(language), {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: config.timeZone,
	}).format(new Date(iso))
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { event } = await organisersEvent(getDb(), request, params.eventId)
	const [t, language] = [await getT(request, 'events'), await getLanguage(request)]
	const url = new URL(request.url)
	const people = await doorList(getDb(), event.id)
	return {
		title: `${t('checkIn.title')}: ${event.title}`,
		event: { id: event.id, title: event.title },
		time: formatEventWhen(event.starts_at, event.ends_at, language, config.timeZone),
		people: people.map((p) => ({ ...p, clock: p.checkedInAt ? clock(p.checkedInAt, language) : null })),
		expected: people.filter((p) => p.status === 'going' || p.status === 'helper').length,
		q: url.searchParams.get('q')?.slice(0, limits.search) ?? '',
		added: url.searchParams.get('added')?.slice(0, limits.walkInName) ?? null,
		/** Until the door opens: when it does, in the page's language. */
		opensAt: checkInIsOpen(event)
			? null
			: formatDateTime(checkInOpensAt(event).toISOString(), language, config.timeZone),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { organiser, event } = await organisersEvent(getDb(), request, params.eventId)
	const db = getDb()
	const formData = await request.formData()
	const t = await getT(request, 'events')
	// Nobody is checked in before the door opens: a check-in counts on the engagement ladder at once.
	const notOpen = () => data({ walkInResult: null, notOpen: true }, { status: 409 })
	if (formData.get('intent') === 'walk-in') {
		const submission = parseWithZod(formData, { schema: createWalkInSchema(t) })
		if (submission.status !== 'success')
			return data({ walkInResult: submission.reply(), notOpen: false }, { status: 400 })
		if (!checkInIsOpen(event)) return notOpen()
		await addWalkIn(db, event.id, submission.value, organiser.id)
		return redirect(
			`/organise/events/${event.id}/check-in?${new URLSearchParams({ added: submission.value.name })}`,
			303,
		)
	}
	const submission = parseWithZod(formData, { schema: createCheckInSchema(t) })
	if (submission.status !== 'success') throw new Response('Bad request', { status: 400 })
	const input = submission.value
	if (!checkInIsOpen(event)) return notOpen()
	if (input.intent === 'check-in') await checkIn(db, event.id, input.userId, organiser.id)
	else if (input.intent === 'undo-check-in') await undoCheckIn(db, event.id, input.attendanceId)
	return data({ walkInResult: null, notOpen: false })
}

type Person = Route.ComponentProps['loaderData']['people'][number]

export default function CheckIn({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('events')
	const { event } = loaderData
	const [query, setQuery] = useState(loaderData.q)
	const shown = loaderData.people.filter((p) => matchesName(p.name, query))
	const checkedIn = loaderData.people.filter((p) => p.checkedInAt).length
	const [form, fields] = useForm({
		id: 'walk-in',
		lastResult: actionData?.walkInResult,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createWalkInSchema(t) }),
	})
	return (
		<div className="page check-in-page">
			<p>
				<Link to={`/organise/events/${event.id}`}>← {event.title}</Link>
			</p>
			<h1>
				{t('checkIn.title')}: {event.title}
			</h1>
			<p className="lead">{loaderData.time}</p>
			<p className="check-in-count" role="status">
				{t('checkIn.count', { count: checkedIn, expected: loaderData.expected })}
			</p>
			<FlashMessage>{loaderData.added ? t('flash.walkIn', { name: loaderData.added }) : null}</FlashMessage>
			{loaderData.opensAt ? (
				<p className="notice notice-warning">{t('checkIn.opensAt', { time: loaderData.opensAt })}</p>
			) : null}

			<Form method="get" role="search" className="check-in-search" aria-label={t('checkIn.search')}>
				<div className="field">
					<label htmlFor="check-in-q">{t('checkIn.search')}</label>
					<input
						id="check-in-q"
						type="search"
						name="q"
						value={query}
						onChange={(e) => setQuery(e.currentTarget.value)}
						autoComplete="off"
						maxLength={limits.search}
					/>
				</div>
				<button type="submit" className="secondary">
					{t('checkIn.searchButton')}
				</button>
			</Form>

			{loaderData.people.length === 0 ? (
				<p>{t('checkIn.empty')}</p>
			) : shown.length === 0 ? (
				<p>{t('checkIn.none')}</p>
			) : null}
			<ul className="door-list" aria-label={t('checkIn.listLabel')}>
				{shown.map((person) => (
					<DoorListRow
						key={person.attendanceId ? `a${person.attendanceId}` : `u${person.userId}`}
						person={person}
						open={!loaderData.opensAt}
					/>
				))}
			</ul>

			{loaderData.opensAt ? null : (
				<section aria-labelledby="walk-in-heading" className="card stack walk-in">
					<h2 id="walk-in-heading">{t('checkIn.walkInHeading')}</h2>
					<Form method="post" className="form" {...getFormProps(form)}>
						<input type="hidden" name="intent" value="walk-in" />
						<FormErrors id={form.errorId} errors={form.errors} />
						<TextField meta={fields.name} label={t('checkIn.walkInName')} autoComplete="off" />
						<TextField
							meta={fields.email}
							type="email"
							label={t('checkIn.walkInEmail')}
							hint={t('checkIn.walkInEmailHint')}
							optional
							autoComplete="off"
							inputMode="email"
						/>
						<div className="button-row">
							<button type="submit" className="primary">
								{t('checkIn.addWalkIn')}
							</button>
						</div>
					</Form>
				</section>
			)}
		</div>
	)
}

const statusKeys = {
	going: 'checkIn.statusGoing',
	waiting: 'checkIn.statusWaiting',
	helper: 'checkIn.statusHelper',
	'walk-in': 'checkIn.statusWalkIn',
	cancelled: 'checkIn.statusGoing',
} as const satisfies Record<DoorListPerson['status'], string>

/** One person at the door; the button answers at once (optimistically) while the server records it. */
function DoorListRow({ person, open }: { person: Person; open: boolean }) {
	const { t } = useTranslation('events')
	const fetcher = useFetcher()
	const pending = fetcher.formData?.get('intent')
	const present = pending ? pending === 'check-in' : Boolean(person.checkedInAt)
	const nameId = `person-${person.attendanceId ?? 'u'}-${person.userId ?? 'w'}`
	return (
		<li className={present ? 'door-row is-present' : 'door-row'}>
			<div className="door-person">
				<span className="door-name" id={nameId}>
					{person.name}
				</span>
				<span className="door-meta">
					<span className={`badge badge-${person.status}`}>{t(statusKeys[person.status])}</span>
					{person.shifts.length > 0 ? <span className="muted"> {person.shifts.join(', ')}</span> : null}
				</span>
				<span className="door-state" aria-live="polite">
					{present ? t('checkIn.present', { time: person.clock ?? '' }).trim() : ''}
				</span>
			</div>
			{open ? (
				<fetcher.Form method="post">
					{present ? (
						person.attendanceId ? (
							<>
								<input type="hidden" name="attendanceId" value={person.attendanceId} />
								<button
									type="submit"
									name="intent"
									value="undo-check-in"
									className="secondary"
									aria-describedby={nameId}
								>
									{t('checkIn.undo')}
								</button>
							</>
						) : null
					) : person.userId ? (
						<>
							<input type="hidden" name="userId" value={person.userId} />
							<button
								type="submit"
								name="intent"
								value="check-in"
								className="primary check-in-button"
								aria-describedby={nameId}
							>
								{t('checkIn.mark')}
							</button>
						</>
					) : null}
				</fetcher.Form>
			) : null}
		</li>
	)
}
