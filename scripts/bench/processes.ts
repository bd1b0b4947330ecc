// Child processes for the benchmark: servers started in their own process group (so stopping one
// also stops the web processes it forked), their output in a log file, and their memory.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

export interface Child {
	name: string
	pid: number
	log: string
	exited: Promise<number | null>
	/** True once the process has ended. */
	done: () => boolean
	/** How it ended: "exit code 1", "signal SIGTERM"; empty while it runs. */
	howEnded: () => string
}

const running = new Set<Child>()

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

/** Starts `node <args>` detached (its own process group), stdout and stderr into `log`. */
export function startNode(
	name: string,
	args: string[],
	{ env, log, cwd = process.cwd() }: { env: NodeJS.ProcessEnv; log: string; cwd?: string },
): Child {
	const out = fs.openSync(log, 'a')
	const proc = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', out, out] })
	fs.closeSync(out)
	let ended = ''
	const exited = new Promise<number | null>((resolve) => {
		proc.once('exit', (code, signal) => {
			ended = signal ? `signal ${signal}` : `exit code ${code}`
			resolve(code)
		})
		proc.once('error', (error) => {
			ended = String(error)
			resolve(null)
		})
	})
	const child: Child = { name, pid: proc.pid!, log, exited, done: () => ended !== '', howEnded: () => ended }
	running.add(child)
	return child
}

/** Stops a child and everything it started: SIGTERM to the group, SIGKILL after a grace period. */
export async function stop(child: Child, graceMs = 5_000): Promise<void> {
	running.delete(child)
	const signalGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-child.pid, signal)
		} catch {
			// The group is gone already.
		}
	}
	signalGroup('SIGTERM')
	await Promise.race([child.exited, sleep(graceMs, undefined, { ref: false })])
	// Forked web processes may outlive their primary for a moment: make sure none is left.
	signalGroup('SIGKILL')
}

/** For error paths and signals: stop whatever is still running. */
export async function stopAll(): Promise<void> {
	await Promise.all([...running].map((child) => stop(child, 2_000)))
}

/** Synchronous last resort (process 'exit' handlers cannot wait). */
export function killAllNow(): void {
	for (const child of running) {
		try {
			process.kill(-child.pid, 'SIGKILL')
		} catch {
			// Already gone.
		}
	}
	running.clear()
}

export function logTail(file: string, lines = 30): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
	} catch {
		return '(no log)'
	}
}

/** Waits until `url` answers 200; fails early, with the log's end, if the child exits. */
export async function waitForOk(url: string, child: Child, timeoutMs = 90_000): Promise<void> {
	const deadline = Date.now() + timeoutMs
	while (Date.now() < deadline) {
		if (child.done()) throw new Error(`${child.name} exited before ${url} answered:\n${logTail(child.log)}`)
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
			await response.arrayBuffer()
			if (response.status === 200) return
		} catch {
			// Not listening yet.
		}
		await sleep(200)
	}
	throw new Error(`${child.name}: ${url} did not answer 200 within ${timeoutMs / 1000} s:\n${logTail(child.log)}`)
}

/** Every process whose parent is `pid`, and theirs, from /proc (Linux). */
function descendants(pid: number): number[] {
	const children = new Map<number, number[]>()
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue
		try {
			// The command name may hold spaces and parentheses: the fields after the last ')' are safe.
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
			const siblings = children.get(ppid) ?? []
			siblings.push(Number(name))
			children.set(ppid, siblings)
		} catch {
			// Ended while we looked.
		}
	}
	const found: number[] = []
	const queue = [pid]
	while (queue.length > 0) {
		for (const child of children.get(queue.shift()!) ?? []) {
			found.push(child)
			queue.push(child)
		}
	}
	return found
}

function rssKb(pid: number): number {
	try {
		const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
		return match ? Number(match[1]) : 0
	} catch {
		return 0
	}
}

export interface TreeMemory {
	processes: number
	totalMb: number
	largestMb: number
}

/** Resident memory of a process and all its descendants (cluster web processes, for instance). */
export function treeMemory(pid: number): TreeMemory {
	const sizes = [pid, ...descendants(pid)].map(rssKb).filter((kb) => kb > 0)
	return {
		processes: sizes.length,
		totalMb: sizes.reduce((a, b) => a + b, 0) / 1024,
		largestMb: Math.max(0, ...sizes) / 1024,
	}
}

/** Waits until the process tree stops growing (a cluster forks its web processes after the first listens). */
export async function waitForSteadyTree(pid: number, timeoutMs = 15_000): Promise<number> {
	const deadline = Date.now() + timeoutMs
	let last = -1
	let sameSince = Date.now()
	while (Date.now() < deadline) {
		const count = treeMemory(pid).processes
		if (count !== last) {
			last = count
			sameSince = Date.now()
		} else if (Date.now() - sameSince >= 1_500) break
		await sleep(250)
	}
	return last
}
