import { setupServer } from 'msw/node'
import { resendHandlers } from './resend.ts'

/**
 * Every third party the app talks to, mocked at the HTTP level (one handler file each). Tests
 * call server.listen() / resetHandlers() / close(); for development without accounts, listen with
 * { onUnhandledRequest: 'bypass' } before the app starts and set RESEND_API_KEY=re_mock.
 */
export const handlers = [...resendHandlers]

export const server = setupServer(...handlers)

export { resendMock } from './resend.ts'
