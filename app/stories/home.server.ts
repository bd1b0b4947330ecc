import { rememberFor } from '#app/common/cache.server.ts'
import type { DB } from '#db/index.ts'
import { latestAward } from './awards.server.ts'
import { approvedStories } from './stories.server.ts'

/**
 * What the home page shows of stories and the award: the three newest approved stories and the
 * newest award. The busiest page reads it at most once a minute per process (both are indexed
 * reads, but the page is hot and neither changes often); a new story or winner shows within a
 * minute.
 */
export const homeNews = rememberFor(60_000, async (db: DB) => {
	const [stories, award] = await Promise.all([approvedStories(db, 3), latestAward(db)])
	return { stories, award }
})

export type HomeNews = Awaited<ReturnType<typeof homeNews>>
