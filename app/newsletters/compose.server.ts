import type { SessionUser } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { localToUtc } from '#app/common/time.ts'
import type { DB } from '#db/index.ts'
import { getNewsletter, isEditable, saveNewsletter, scheduleNewsletter } from './campaigns.server.ts'
import { previewNewsletter, sendTestNewsletter, versionFor } from './rendering.server.ts'
import { newsletterFromForm, splitList, type ComposeInput } from './schemas.ts'
import { countRecipients } from './segments.server.ts'
import { placeStory, type PlaceStoryOutcome } from './story-blocks.server.ts'

export type ComposeOutcome =
	| { kind: 'preview'; previewHtml: string | null; count: number }
	| { kind: 'saved' }
	| { kind: 'tested'; sent: number }
	| { kind: 'started' }
	| { kind: 'confirm-send'; count: number }
	| { kind: 'scheduled' }
	| { kind: 'not-editable' }
	| { kind: 'in-the-past' }
	| PlaceStoryOutcome

/**
 * One submit of the compose form. Preview and count change nothing; every other intent saves
 * the draft first, so nothing the coordinator wrote is lost, and then tests, sends or schedules
 * (placing a partner story saves it with the story in it).
 */
export async function composeNewsletter(
	db: DB,
	id: number,
	user: SessionUser,
	value: ComposeInput,
	now = new Date(),
): Promise<ComposeOutcome> {
	const input = newsletterFromForm(value)
	if (value.intent === 'preview' || value.intent === 'count') {
		const versions = (['sv', 'en'] as const)
			.map((language) => ({ language, ...input.versions[language] }))
			.filter((v) => v.subject && v.body)
		const version = versionFor(versions, value.previewLanguage)
		const previewHtml = version ? await previewNewsletter(version, user.name) : null
		return { kind: 'preview', previewHtml, count: await countRecipients(db, input.segment) }
	}
	if (value.intent === 'place-story') return placeStory(db, id, input, value.storyId!, value.storyVersion, now)
	let at = now
	if (value.intent === 'schedule') {
		at = localToUtc({ date: value.scheduledDate!, time: value.scheduledTime! }, config.timeZone)
		if (at.getTime() <= now.getTime()) return { kind: 'in-the-past' }
	}
	if (!(await saveNewsletter(db, id, input, now))) return { kind: 'not-editable' }
	if (value.intent === 'test') {
		const addresses = splitList(value.testAddresses)
		return { kind: 'tested', sent: await sendTestNewsletter(db, id, addresses.length ? addresses : [user.email], now) }
	}
	// Sending now cannot be undone, so it only asks first, with the number of people it will reach.
	if (value.intent === 'send') return { kind: 'confirm-send', count: await countRecipients(db, input.segment) }
	if (value.intent === 'schedule') {
		if (!(await scheduleNewsletter(db, id, at, now))) return { kind: 'not-editable' }
		return { kind: 'scheduled' }
	}
	return { kind: 'saved' }
}

/**
 * The coordinator confirmed sending the saved draft to `confirmed` people. When the audience has
 * changed since they were asked (people signed or unsubscribed), they are asked again with the new
 * number rather than sending to a number they did not see.
 */
export async function confirmSending(
	db: DB,
	id: number,
	confirmed: number,
	now = new Date(),
): Promise<{ kind: 'started' } | { kind: 'not-editable' } | { kind: 'confirm-send'; count: number }> {
	const found = await getNewsletter(db, id)
	if (!found || !isEditable(found.newsletter.status)) return { kind: 'not-editable' }
	const count = await countRecipients(db, found.segment)
	if (count !== confirmed) return { kind: 'confirm-send', count }
	if (!(await scheduleNewsletter(db, id, now, now))) return { kind: 'not-editable' }
	return { kind: 'started' }
}
