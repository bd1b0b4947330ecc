import type { ReactNode } from 'react'

/**
 * The confirmation after an action (app/common/flash.ts), announced politely to screen readers.
 * The live region is there even when empty, so a message that arrives with a client-side
 * navigation is announced too.
 */
export function FlashMessage({ children, warning = false }: { children?: ReactNode; warning?: boolean }) {
	return (
		<div role="status" className="flash-region">
			{children ? <p className={warning ? 'notice notice-warning' : 'notice'}>{children}</p> : null}
		</div>
	)
}
