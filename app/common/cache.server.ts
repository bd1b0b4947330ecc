/**
 * Remembers what `load` answered for a database handle for `ms` milliseconds. For figures that
 * may be a few minutes old and cost a scan of a large table, such as the districts people have
 * named: counting them over 100,000 signatures on every view of the sign form was its
 * slowest part. Each process keeps its own copy; a new handle (a test's database) starts empty.
 */
export function rememberFor<K extends object, T>(ms: number, load: (key: K) => Promise<T>): (key: K) => Promise<T> {
	const remembered = new WeakMap<K, { until: number; value: Promise<T> }>()
	return (key) => {
		const hit = remembered.get(key)
		if (hit && hit.until > Date.now()) return hit.value
		const value = load(key)
		remembered.set(key, { until: Date.now() + ms, value })
		// A failed load is not remembered: the next caller tries again.
		value.catch(() => remembered.delete(key))
		return value
	}
}
