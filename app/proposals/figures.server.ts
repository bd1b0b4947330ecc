import type { DB } from '#db/index.ts'
import { isPublic } from './tracker.server.ts'

export interface ProposalFigures {
	/** Published and not hidden: open for support, submitted or answered. */
	total: number
	/** Sent to the city, answered or not. */
	submitted: number
	answered: number
	accepted: number
	partlyAccepted: number
	rejected: number
}

/** The pact's proposals in numbers (/numbers), counting only what the public tracker shows. */
export async function proposalFigures(db: DB): Promise<ProposalFigures> {
	const rows = await db
		.selectFrom('proposal')
		.select(['status', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
		.where(isPublic)
		.groupBy(['status', 'outcome'])
		.execute()
	const figures: ProposalFigures = { total: 0, submitted: 0, answered: 0, accepted: 0, partlyAccepted: 0, rejected: 0 }
	for (const row of rows) {
		const n = Number(row.n)
		figures.total += n
		if (row.status === 'submitted' || row.status === 'answered') figures.submitted += n
		if (row.status !== 'answered') continue
		figures.answered += n
		if (row.outcome === 'accepted') figures.accepted += n
		else if (row.outcome === 'partly-accepted') figures.partlyAccepted += n
		else if (row.outcome === 'rejected') figures.rejected += n
	}
	return figures
}
