import { handleProof } from '#app/auth/sign-in.server.ts'
import { defineAudience } from '#app/events/audiences.server.ts'
import { actsForApprovedPartner } from '#app/partners/partners.server.ts'
import { confirmSignatureOnProof } from '#app/pledge/proofs.server.ts'

/**
 * Where one area acts on another's behalf without depending on it, the two are joined here, once
 * per process: signing in (auth) confirms a signature (pledge) when the proof was for that, and
 * an event for partners (events) asks the partners area who may take a place.
 * Imported by entry.server.tsx, so the web server, the worker and the commands have it, and by
 * the test set-up (vitest.config.ts), so tests that call an area directly have it too.
 */
handleProof('confirm-signature', confirmSignatureOnProof)
// Network meetings (issue 11): the partners area says who acts for a partner with an approved
// agreement, so events, which many areas build on, does not depend on partners.
defineAudience('partners', actsForApprovedPartner)
