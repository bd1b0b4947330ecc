import type { DB } from '#db/index.ts'
import { interestsByUser, wouldHelpWith } from './interests.server.ts'
import type { LadderStep, VolunteerInterest } from './rules.ts'

/** For organisers: whom to ask. */

export interface Volunteer {
	userId: number
	name: string
	email: string
	district: string | null
	step: LadderStep
	interests: VolunteerInterest[]
}

/** Signatories who said what they would help with; organisers see them to know whom to ask. */
export async function volunteers(db: DB, interest?: VolunteerInterest): Promise<Volunteer[]> {
	let query = db
		.selectFrom('user')
		.innerJoin('signature', 'signature.user_id', 'user.id')
		.leftJoin('ladder_step', 'ladder_step.user_id', 'user.id')
		.select(['user.id', 'user.name', 'user.email', 'signature.district', 'ladder_step.step'])
		.where('signature.status', '=', 'confirmed')
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('volunteer_interest')
					.select('volunteer_interest.user_id')
					.whereRef('volunteer_interest.user_id', '=', 'user.id'),
			),
		)
		.orderBy('ladder_step.step', 'desc')
		.orderBy('user.name')
		.limit(2000)
	if (interest) query = query.where(wouldHelpWith(interest))
	const rows = await query.execute()
	const interests = await interestsByUser(
		db,
		rows.map((r) => r.id),
	)
	return rows.map((r) => ({
		userId: r.id,
		name: r.name,
		email: r.email,
		district: r.district,
		step: (r.step ?? 1) as LadderStep,
		interests: interests.get(r.id) ?? [],
	}))
}
