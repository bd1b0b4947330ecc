// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	interface Histogram {
		average: number
		mean: number
		total: number
		p50: number
		p99: number
		max: number
	}
	export interface Result {
		requests: Histogram
		latency: Histogram
		throughput: Histogram
		errors: number
		timeouts: number
		non2xx: number
		duration: number
		statusCodeStats: Record<string, { count: number }>
	}
	export interface Options {
		url: string
		connections?: number
		duration?: number
		headers?: Record<string, string>
		method?: string
		body?: string
	}
	export default function autocannon(options: Options): Promise<Result> & { stop: () => void }
}
