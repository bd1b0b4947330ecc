import { tooLong, type SchemaT } from '#app/common/form.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { imageSources } from '#app/images/sources.ts'
import { approvedStory, storyUrl } from '#app/stories/stories.server.ts'
import type { DB } from '#db/index.ts'
import { saveNewsletter, type NewsletterInput } from './campaigns.server.ts'
import { limits } from './schemas.ts'

/**
 * Partner stories in a newsletter (issue 11): a coordinator places an approved story in one of the
 * versions, and it goes in as markdown like the rest of the body, the title, the opening words,
 * the image (by its address on the site) and a link to the whole story. From then on it is text
 * the coordinator can move or shorten; the preview and the sent newsletter render it as they do
 * everything else.
 */

export type PlaceStoryOutcome =
	| { kind: 'story-placed' }
	| { kind: 'story-not-published' }
	| { kind: 'story-needs-subject' }
	| { kind: 'story-too-long' }
	| { kind: 'not-editable' }

type Story = NonNullable<Awaited<ReturnType<typeof approvedStory>>>

/** Text that markdown would read as markup (emphasis, links, HTML, entities), kept as written. */
function inline(text: string): string {
	return text.replace(/[\\`*_[\]<>~|&]/g, '\\$&')
}

/** As `inline`, and a paragraph that would begin a heading, quote, list or numbered list does not. */
function paragraph(text: string): string {
	return inline(text)
		.replace(/^([#>+-])/, '\\$1')
		.replace(/^(\d+)([.)])/, '$1\\$2')
}

/** The block a story becomes, in the language of the version it goes into. */
export async function storyBlock(story: Story, language: 'sv' | 'en'): Promise<string> {
	const t = await getT(language, 'newsletters')
	const readMore = story.partner
		? t('email.storyReadMoreFrom', { partner: story.partner.name })
		: t('email.storyReadMore')
	return [
		`## ${inline(story.title)}`,
		// Mail clients need the image's full address; the site serves it at the middle width.
		story.image ? `![${inline(story.image.alt)}](${config.appUrl}${imageSources(story.image).fallback})` : null,
		paragraph(story.extract),
		`[${inline(readMore)}](${storyUrl(story.id)})`,
	]
		.filter((part) => part !== null)
		.join('\n\n')
}

/**
 * Places a published story at the end of one version's body and saves the draft with everything
 * else the form held. A story that is not published (or not a story) is refused, and so is a
 * version without a subject, which could not be saved with a body.
 */
export async function placeStory(
	db: DB,
	newsletterId: number,
	input: NewsletterInput,
	storyId: number,
	language: 'sv' | 'en',
	now = new Date(),
): Promise<PlaceStoryOutcome> {
	const story = await approvedStory(db, storyId)
	if (!story) return { kind: 'story-not-published' }
	const version = input.versions[language] ?? { subject: '', preheader: '', body: '' }
	if (!version.subject.trim()) return { kind: 'story-needs-subject' }
	const block = await storyBlock(story, language)
	// A browser sends the text with CRLF line ends; the story's lines join it in one style.
	const before = version.body.replace(/\r\n?/g, '\n').trimEnd()
	const body = before ? `${before}\n\n${block}\n` : `${block}\n`
	if (body.length > limits.body) return { kind: 'story-too-long' }
	const versions = { ...input.versions, [language]: { ...version, body } }
	return (await saveNewsletter(db, newsletterId, { ...input, versions }, now))
		? { kind: 'story-placed' }
		: { kind: 'not-editable' }
}

/** Which field a refused placement is told beside, and what it says. */
export function placeStoryError(
	kind: Exclude<PlaceStoryOutcome['kind'], 'story-placed' | 'not-editable'>,
	language: 'sv' | 'en',
	t: SchemaT<'newsletters'>,
): Record<string, string[]> {
	const version = language === 'sv' ? 'Sv' : 'En'
	if (kind === 'story-not-published') return { storyId: [t('errors.storyNotPublished')] }
	if (kind === 'story-needs-subject') return { [`subject${version}`]: [t('errors.storySubjectFirst')] }
	return { [`body${version}`]: [tooLong(t, limits.body)] }
}
