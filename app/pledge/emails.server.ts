import { verificationUrl, type VerificationSecrets } from '#app/auth/verification.server.ts'
import { config } from '#app/config.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { composeEmail, renderEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import AlreadySignedEmail from '#emails/already-signed.tsx'
import ConfirmSignatureEmail from '#emails/confirm-signature.tsx'
import WelcomeEmail from '#emails/welcome.tsx'

/**
 * The emails signing causes, rendered before the transaction that queues them (it holds the
 * write lock, and rendering is slow).
 */

/** Double opt-in: the code and link that make the signature count, and what the person chose. */
export function confirmSignatureEmail(
	to: string,
	language: SupportedLanguage,
	{ name, secrets, commitments }: { name: string; secrets: VerificationSecrets; commitments: string[] },
): Promise<RenderedEmail> {
	const props = {
		language,
		name,
		code: secrets.code,
		url: verificationUrl(config.appUrl, secrets.linkToken),
		commitments,
	}
	return renderEmail(composeEmail(ConfirmSignatureEmail, props, { to }))
}

/** A new signature for an address that has signed already: a way to sign in to it instead. */
export function alreadySignedEmail(
	to: string,
	language: SupportedLanguage,
	{ name, secrets }: { name: string; secrets: VerificationSecrets },
): Promise<RenderedEmail> {
	const props = {
		language,
		name,
		code: secrets.code,
		url: verificationUrl(config.appUrl, secrets.linkToken, '/my-pledge'),
	}
	return renderEmail(composeEmail(AlreadySignedEmail, props, { to }))
}

/** The welcome after confirming: one per signature, however often it is confirmed. */
export function welcomeEmail(
	to: string,
	language: SupportedLanguage,
	{ name, signatureId }: { name: string; signatureId: number },
): Promise<RenderedEmail> {
	const props = { language, name, city: config.pact.city, myPledgeUrl: `${config.appUrl}/my-pledge` }
	return renderEmail(composeEmail(WelcomeEmail, props, { to, idempotencyKey: `welcome:${signatureId}` }))
}
