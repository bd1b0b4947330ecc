// `npm start`: build when the build is missing or older than the source, then serve the
// production build with the worker. Migrating and seeding an empty database happen in server.mjs.
import { buildIfStale } from './build.mjs'

buildIfStale()
process.env.NODE_ENV ??= 'production'
await import('../server.mjs')
