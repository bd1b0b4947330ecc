import type { ProofHandler } from '#app/auth/sign-in.server.ts'
import { confirmSignature } from './pledge.server.ts'

/** A code or link from the confirmation email confirms the signature, then opens "My pledge". */
export const confirmSignatureOnProof: ProofHandler = async (db, address, now) => {
	const confirmed = await confirmSignature(db, address, now)
	return confirmed ? { userId: confirmed.userId, redirectTo: '/my-pledge?confirmed=1' } : null
}
