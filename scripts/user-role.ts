// `npm run user:role -- <email> <role>`: gives a person a role (resident, organiser or coordinator).
import { grantRole, roleNames } from '#app/auth/roles.server.ts'
import { databasePath, migrateToLatest, openDatabase } from '#db/index.ts'

const [email, role] = process.argv.slice(2)
const usage = `Usage: npm run user:role -- <email> <role>   (role: ${roleNames.join(', ')})`

if (!email || !role) {
	console.error(usage)
	process.exit(1)
}

const db = openDatabase(databasePath())
try {
	await migrateToLatest(db)
	const result = await grantRole(db, email, role)
	if (result.ok) {
		console.log(result.alreadyHad ? `${email} already has the role ${role}.` : `${email} is now ${role}.`)
	} else if (result.reason === 'unknown-role') {
		console.error(`Unknown role "${role}". ${usage}`)
		process.exitCode = 1
	} else {
		console.error(`No account with the address ${email}. An account is made when the person signs the pact.`)
		process.exitCode = 1
	}
} finally {
	await db.destroy()
}
