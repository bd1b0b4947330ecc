import type { Config } from '@react-router/dev/config'

// The framework floor: the smallest React Router app served the way Klimatpakt is served. Its
// build goes under the repository's node_modules, where the server build finds react and
// react-router by ordinary module resolution (a build in /tmp would not) and where neither git,
// ESLint nor tsc look. BENCH_FLOOR_BUILD_DIR overrides it.
export default {
	ssr: true,
	appDirectory: 'app',
	buildDirectory: process.env.BENCH_FLOOR_BUILD_DIR ?? '../../../node_modules/.cache/klimatpakt-bench/floor-build',
} satisfies Config
