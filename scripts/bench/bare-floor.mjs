// The machine's floor: plain node:http in one process, answering every request with the exact
// bytes (and content headers) our server sent for the home page. Plain JavaScript run by node,
// so no TypeScript loader sits in the process. Usage: node bare-floor.mjs <port> <body file> <headers JSON file>
import fs from 'node:fs'
import http from 'node:http'

const [port, bodyFile, headersFile] = process.argv.slice(2)
const body = fs.readFileSync(bodyFile)
const headers = { ...JSON.parse(fs.readFileSync(headersFile, 'utf8')), 'content-length': body.length }

http
	.createServer((_req, res) => {
		res.writeHead(200, headers)
		res.end(body)
	})
	.listen(Number(port), '127.0.0.1', () => console.log(`bare floor on ${port}`))
