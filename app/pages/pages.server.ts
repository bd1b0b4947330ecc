import { markdownToHtml, webProfile, type MarkdownProfile } from '#app/common/markdown.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import type { DB } from '#db/index.ts'
import type { ContentPageSlug } from './schemas.ts'

/** The pact's own pages (about, FAQ, contact, privacy, accessibility), written by coordinators. */

export interface ContentPage {
	slug: ContentPageSlug
	language: SupportedLanguage
	title: string
	body: string
	updatedAt: string
	updatedBy: string | null
}

// A content page is a page of its own: its markdown headings are the page's sections (h2) under
// the title (h1), where an event description's sit one level lower.
const pageProfile: MarkdownProfile = {
	...webProfile,
	headings: { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6' },
}

export function contentPageHtml(markdown: string): string {
	return markdownToHtml(markdown, pageProfile)
}

function pages(db: DB) {
	return db
		.selectFrom('content_page')
		.leftJoin('user', 'user.id', 'content_page.updated_by')
		.select([
			'content_page.slug',
			'content_page.language',
			'content_page.title',
			'content_page.body',
			'content_page.updated_at',
			'user.name as updated_by_name',
		])
}

function toPage(row: Awaited<ReturnType<ReturnType<typeof pages>['execute']>>[number]): ContentPage {
	return {
		slug: row.slug as ContentPageSlug,
		language: row.language,
		title: row.title,
		body: row.body,
		updatedAt: row.updated_at,
		updatedBy: row.updated_by_name,
	}
}

/**
 * The page in the reader's language; when it has not been written in that language yet, the
 * Swedish one (or any), so a link in the footer never leads nowhere. Null when there is none.
 */
export async function readContentPage(
	db: DB,
	slug: ContentPageSlug,
	language: SupportedLanguage,
): Promise<ContentPage | null> {
	const rows = await pages(db).where('content_page.slug', '=', slug).execute()
	const row = rows.find((r) => r.language === language) ?? rows.find((r) => r.language === 'sv') ?? rows[0] ?? null
	return row ? toPage(row) : null
}

/** The one version a coordinator edits: exactly this language, or null when not written yet. */
export async function contentPageToEdit(
	db: DB,
	slug: ContentPageSlug,
	language: SupportedLanguage,
): Promise<ContentPage | null> {
	const row = await pages(db)
		.where('content_page.slug', '=', slug)
		.where('content_page.language', '=', language)
		.executeTakeFirst()
	return row ? toPage(row) : null
}

/** Every page in every language, for the coordinators' list. */
export async function listContentPages(db: DB): Promise<ContentPage[]> {
	return (await pages(db).execute()).map(toPage)
}

/** Writes (or first creates) one page in one language, noting who changed it and when. */
export async function saveContentPage(
	db: DB,
	page: { slug: ContentPageSlug; language: SupportedLanguage; title: string; body: string },
	editorId: number | null,
	now = new Date(),
): Promise<void> {
	const row = { ...page, updated_at: now.toISOString(), updated_by: editorId }
	await db
		.insertInto('content_page')
		.values(row)
		.onConflict((oc) =>
			oc.columns(['slug', 'language']).doUpdateSet({
				title: row.title,
				body: row.body,
				updated_at: row.updated_at,
				updated_by: row.updated_by,
			}),
		)
		.execute()
}
