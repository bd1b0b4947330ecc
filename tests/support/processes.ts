import fs from 'node:fs'

/**
 * What the operating system says about the processes a test started (Linux's /proc): which web
 * processes a server's supervisor runs, and which processes hold a connection to a TCP port (the
 * database server's), so a test can show that several processes really served its requests.
 */

/** The processes `pid` started (a cluster's web processes), as /proc lists them. */
export function childrenOf(pid: number): number[] {
	const listed = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
	return listed ? listed.split(/\s+/).map(Number) : []
}

/** The inodes of the established TCP connections to `port` on any address, from /proc/net/tcp and tcp6. */
function connectionsTo(port: number): Set<string> {
	const inodes = new Set<string>()
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		if (!fs.existsSync(table)) continue
		for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
			const columns = line.trim().split(/\s+/)
			const remote = columns[2]
			// 01: ESTABLISHED; the remote address ends with its port in hexadecimal.
			if (remote && columns[3] === '01' && parseInt(remote.split(':')[1]!, 16) === port) inodes.add(columns[9]!)
		}
	}
	return inodes
}

/** Those of `pids` that hold an open connection to `port` right now. */
export function connectedTo(port: number, pids: number[]): number[] {
	const inodes = connectionsTo(port)
	return pids.filter((pid) => {
		let descriptors: string[]
		try {
			descriptors = fs.readdirSync(`/proc/${pid}/fd`)
		} catch {
			return false // ended meanwhile
		}
		return descriptors.some((fd) => {
			try {
				const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`)
				return target.startsWith('socket:[') && inodes.has(target.slice(8, -1))
			} catch {
				return false
			}
		})
	})
}
