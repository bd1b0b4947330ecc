import { useTranslation } from '#app/i18n/use-translation.ts'
import { Form, Link } from 'react-router'
import type { Route } from './+types/dev-mail'
import { localeFor } from '#app/common/format.ts'
import { dateTimeFormat } from '#app/common/intl.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { listMailbox, mailboxIsOpen } from '#app/mail/mailbox.server.ts'
import '#app/mail/dev-mail.css'

export const handle: I18nHandle = { i18n: ['email'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

/** The local mailbox: every message the app "sent" while no Resend key is set, newest first. */
export async function loader({ request }: Route.LoaderArgs) {
	if (!mailboxIsOpen()) throw new Response('Not Found', { status: 404 })
	const to = new URL(request.url).searchParams.get('to')?.trim().slice(0, 254) || ''
	const [messages, language, t] = await Promise.all([
		listMailbox(config.mailDir, { to: to || undefined }),
		getLanguage(request),
		getT(request, 'email'),
	])
	const format = dateTimeFormat(localeFor(language), {
		dateStyle: 'short',
		timeStyle: 'medium',
		timeZone: config.timeZone,
	})
	return {
		title: t('devMail.title'),
		dir: config.mailDir,
		to,
		messages: messages.map((m) => ({
			id: m.id,
			to: m.to,
			subject: m.subject,
			date: m.date.toISOString(),
			time: format.format(m.date),
		})),
	}
}

export default function DevMail({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('email')
	const { to, messages } = loaderData
	const query = to ? `?${new URLSearchParams({ to })}` : ''
	return (
		<div className="page">
			<h1>{t('devMail.title')}</h1>
			<p className="lead">{t('devMail.lead', { dir: loaderData.dir })}</p>

			<Form method="get" className="mail-filter">
				<div className="field">
					<label htmlFor="mail-to">{t('devMail.filterLabel')}</label>
					<p className="hint" id="mail-to-hint">
						{t('devMail.filterHint')}
					</p>
					<input
						id="mail-to"
						type="email"
						name="to"
						defaultValue={to}
						aria-describedby="mail-to-hint"
						autoComplete="off"
					/>
				</div>
				<div className="button-row">
					<button type="submit" className="secondary">
						{t('devMail.filter')}
					</button>
					{to ? <Link to="/dev/mail">{t('devMail.showAll')}</Link> : null}
				</div>
			</Form>

			{messages.length === 0 ? (
				<p className="notice">{to ? t('devMail.emptyFor', { to }) : t('devMail.empty')}</p>
			) : (
				<>
					<p>{t('devMail.count', { count: messages.length })}</p>
					<div className="table-wrap">
						<table>
							<caption className="visually-hidden">{t('devMail.caption')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('devMail.time')}</th>
									<th scope="col">{t('devMail.to')}</th>
									<th scope="col">{t('devMail.subject')}</th>
								</tr>
							</thead>
							<tbody>
								{messages.map((message) => (
									<tr key={message.id}>
										<td className="mail-time">
											<time dateTime={message.date}>{message.time}</time>
										</td>
										<td className="mail-address">{message.to}</td>
										<td>
											<Link to={`/dev/mail/${message.id}${query}`}>{message.subject || t('devMail.noSubject')}</Link>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			)}
		</div>
	)
}
