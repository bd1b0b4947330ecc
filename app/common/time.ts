/**
 * Wall-clock time in the deployment's time zone ↔ UTC instants, with Intl only. Forms speak
 * local date and time; the database speaks UTC. Shared by the browser (form validation) and the
 * server, so no Node-only code here.
 */

export interface LocalDateTime {
	/** YYYY-MM-DD */
	date: string
	/** HH:mm */
	time: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone)
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		})
		formatters.set(timeZone, formatter)
	}
	return formatter
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(instant: number, timeZone: string) {
	const parts: Record<string, number> = {}
	for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value)
	}
	return {
		year: parts.year!,
		month: parts.month!,
		day: parts.day!,
		hour: parts.hour!,
		minute: parts.minute!,
		second: parts.second!,
	}
}

/** Milliseconds the zone is ahead of UTC at an instant (Stockholm: one hour in winter, two in summer). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
	const w = wallClock(instant, timeZone)
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
	return asUtc - Math.floor(instant / 1000) * 1000
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/

export function isLocalDate(value: string): boolean {
	const m = datePattern.exec(value)
	if (!m) return false
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
	const check = new Date(Date.UTC(y, mo - 1, d))
	return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d
}

export function isLocalTime(value: string): boolean {
	return timePattern.test(value)
}

/**
 * The UTC instant of a local date and time. A time that does not exist (the hour skipped when
 * clocks go forward) moves forward by the gap, as calendars do; a time that happens twice (when
 * clocks go back) is the first of the two.
 */
export function localToUtc({ date, time }: LocalDateTime, timeZone: string): Date {
	if (!isLocalDate(date) || !isLocalTime(time)) throw new RangeError(`not a local date and time: ${date} ${time}`)
	const [y, mo, d] = date.split('-').map(Number) as [number, number, number]
	const [h, mi] = time.split(':').map(Number) as [number, number]
	const asUtc = Date.UTC(y, mo - 1, d, h, mi)
	// Try the offsets in force a day either side: one of them (or both) fits.
	const candidates = [
		...new Set([zoneOffsetMs(asUtc - 86_400_000, timeZone), zoneOffsetMs(asUtc + 86_400_000, timeZone)]),
	]
		.map((offset) => asUtc - offset)
		.filter((instant) => {
			const w = wallClock(instant, timeZone)
			return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === asUtc
		})
		.sort((a, b) => a - b)
	if (candidates.length > 0) return new Date(candidates[0]!)
	// In the gap: read it with the offset from before the change, which lands after the gap.
	return new Date(asUtc - zoneOffsetMs(asUtc - 86_400_000, timeZone))
}

/** The local date and time of an instant, as a form shows them. */
export function utcToLocal(instant: Date | string, timeZone: string): LocalDateTime {
	const w = wallClock(new Date(instant).getTime(), timeZone)
	const pad = (n: number) => String(n).padStart(2, '0')
	return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` }
}

/** A local date moved by whole days or months, for series; the 31st in a short month becomes its last day. */
export function addToLocalDate(date: string, amount: { days?: number; months?: number }): string {
	const [y, mo, d] = date.split('-').map(Number) as [number, number, number]
	let result: Date
	if (amount.months) {
		const first = new Date(Date.UTC(y, mo - 1 + amount.months, 1))
		const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
		result = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay)))
	} else {
		result = new Date(Date.UTC(y, mo - 1, d + (amount.days ?? 0)))
	}
	return result.toISOString().slice(0, 10)
}

/** The local month (YYYY-MM) an instant falls in, for the list's month filter. */
export function localMonth(instant: Date | string, timeZone: string): string {
	return utcToLocal(instant, timeZone).date.slice(0, 7)
}
