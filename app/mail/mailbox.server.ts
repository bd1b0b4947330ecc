export function mailboxIsOpen(): boolean {
	return false
}
