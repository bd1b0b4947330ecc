/**
 * Edmonds' blossom algorithm: grows a matching in a general graph until no augmenting path is
 * left, which makes it a maximum matching. The rounds' planner uses it to repair a greedy round
 * that left partners without a table although the unused pairs could still seat everyone.
 * Cubic in the number of vertices, a few milliseconds at a partnership day's size (≤ 62).
 */

/**
 * Augments `match` (match[v] is v's partner, or -1) in place to a maximum matching of the graph
 * given as adjacency lists. Lists are tried in their order, so a caller who sorts them best first
 * keeps the repair close to its preferences, and the same input always gives the same result.
 */
export function augmentToMaximum(adjacency: readonly (readonly number[])[], match: number[]): void {
	const size = adjacency.length
	const base = Array.from({ length: size }, (_, i) => i)
	const parent = new Array<number>(size).fill(-1)
	const inTree = new Array<boolean>(size).fill(false)
	const inBlossom = new Array<boolean>(size).fill(false)

	// The nearest common ancestor of two vertices in the alternating tree, through blossom bases.
	const commonAncestor = (from: number, to: number): number => {
		const seen = new Array<boolean>(size).fill(false)
		let a = from
		for (;;) {
			a = base[a]!
			seen[a] = true
			if (match[a] === -1) break
			a = parent[match[a]!]!
		}
		let b = to
		for (;;) {
			b = base[b]!
			if (seen[b]) return b
			b = parent[match[b]!]!
		}
	}

	const markPath = (from: number, blossomBase: number, child: number) => {
		let v = from
		let next = child
		while (base[v] !== blossomBase) {
			inBlossom[base[v]!] = true
			inBlossom[base[match[v]!]!] = true
			parent[v] = next
			next = match[v]!
			v = parent[match[v]!]!
		}
	}

	// An augmenting path from root: its free end, or -1 when there is none.
	const findPath = (root: number): number => {
		inTree.fill(false)
		parent.fill(-1)
		for (let i = 0; i < size; i += 1) base[i] = i
		inTree[root] = true
		const queue = [root]
		for (let head = 0; head < queue.length; head += 1) {
			const v = queue[head]!
			for (const to of adjacency[v]!) {
				if (base[v] === base[to] || match[v] === to) continue
				if (to === root || (match[to] !== -1 && parent[match[to]!] !== -1)) {
					// An odd cycle: contract it into a blossom whose vertices all join the search.
					const blossomBase = commonAncestor(v, to)
					inBlossom.fill(false)
					markPath(v, blossomBase, to)
					markPath(to, blossomBase, v)
					for (let i = 0; i < size; i += 1) {
						if (!inBlossom[base[i]!]) continue
						base[i] = blossomBase
						if (!inTree[i]) {
							inTree[i] = true
							queue.push(i)
						}
					}
				} else if (parent[to] === -1) {
					parent[to] = v
					if (match[to] === -1) return to
					inTree[match[to]!] = true
					queue.push(match[to]!)
				}
			}
		}
		return -1
	}

	for (let v = 0; v < size; v += 1) {
		if (match[v] !== -1) continue
		// Flip the path: every other edge along it changes sides, and both ends are matched.
		for (let u = findPath(v); u !== -1;) {
			const via = parent[u]!
			const next = match[via]!
			match[u] = via
			match[via] = u
			u = next
		}
	}
}
