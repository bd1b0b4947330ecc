/**
 * Places left at an event: none to count without a capacity, never below zero (a lowered capacity
 * can leave more people going than places). Shared by the event pages, the lists and the ladder's
 * suggestions, so every page says the same.
 */
export function placesLeft(capacity: number | null, going: number): number | null {
	return capacity === null ? null : Math.max(0, capacity - going)
}
