import { config } from '#app/config.server.ts'
import { saveContentPage } from '#app/pages/pages.server.ts'
import type { ContentPageSlug } from '#app/pages/schemas.ts'
import type { DB } from './index.ts'

/**
 * The pact's own pages as a new deployment starts with them, in Swedish and English: a first
 * draft the coordinators rewrite at /admin/pages with their own names, addresses and dates.
 * Does nothing when any page exists.
 */
export async function seedPages(db: DB, now = new Date()): Promise<void> {
	const any = await db.selectFrom('content_page').select('slug').limit(1).executeTakeFirst()
	if (any) return
	const { name: pact, city, cityNetZeroYear: cityYear, nationalNetZeroYear: nationalYear } = config.pact
	const texts = demoPages({ pact, city, cityYear, nationalYear })
	for (const [slug, languages] of Object.entries(texts) as Array<[ContentPageSlug, (typeof texts)[ContentPageSlug]]>) {
		for (const language of ['sv', 'en'] as const) {
			await saveContentPage(db, { slug, language, ...languages[language] }, null, now)
		}
	}
}

type Page = { title: string; body: string }

function demoPages(p: { pact: string; city: string; cityYear: number; nationalYear: number }) {
	const { pact, city, cityYear, nationalYear } = p
	const pages: Record<ContentPageSlug, { sv: Page; en: Page }> = {
		about: {
			sv: {
				title: 'Om klimatavtalet',
				body: `${pact} är ett personligt löfte som du som bor eller verkar i ${city} kan skriva under. Du väljer själv några saker du ska göra för klimatet – cykla oftare, äta mer vegetariskt, laga i stället för att köpa nytt – och blir en del av en gemenskap som gör samma sak.

## Varför

${city} har bestämt sig för att bli klimatneutralt ${cityYear}, långt före Sveriges mål ${nationalYear}. Kommunen kan bygga cykelbanor och ställa om sina egna verksamheter, men en stor del av utsläppen kommer från hur vi reser, äter och konsumerar. Det klimatavtalet visar är att många invånare vill vara med – och det är det antalet som lyfts fram för politikerna.

## Vad vi gör

- Ungefär trettio evenemang om året: klädbyten, klimatfika, matlagningskurser, filmvisningar, utflykter och en politikerutfrågning.
- Två fokusteman om året, som vi öppnar med en kick-off.
- Medborgarförslag till kommunen, som medlemmarna skriver och stöttar tillsammans.

## Vilka som driver det

Klimatavtalet drivs av en ideell förening med en styrelse av volontärer, med stöd av ${city}s kommun. Samordnarna sköter nyhetsbrev, evenemang och den här webbplatsen. Vill du vara med och planera? Gå till [din trappa](/ladder) och berätta vad du vill hjälpa till med, eller [hör av dig](/contact).`,
			},
			en: {
				title: 'About the pact',
				body: `${pact} is a personal pledge that anyone who lives or works in ${city} can sign. You choose a few things you will do for the climate – cycle more often, eat more vegetarian food, repair instead of buying new – and join a community doing the same.

## Why

${city} has decided to become climate neutral by ${cityYear}, well before Sweden's goal of ${nationalYear}. The municipality can build cycle lanes and change how it runs itself, but much of the emissions come from how we travel, eat and shop. The pact shows that many residents want to take part – and that number is what politicians are shown.

## What we do

- About thirty events a year: clothing swaps, climate fikas, cooking classes, film screenings, excursions and a Q&A with politicians.
- Two focus themes a year, each opened with a kick-off.
- Citizen proposals to the municipality, written and supported by the members together.

## Who runs it

The pact is run by a non-profit association with a board of volunteers, supported by the municipality of ${city}. The coordinators look after newsletters, events and this website. Would you like to help plan? Go to [your ladder](/ladder) and say what you would help with, or [get in touch](/contact).`,
			},
		},
		faq: {
			sv: {
				title: 'Frågor och svar',
				body: `## Kan min granne i en annan kommun skriva under?

Ja. Alla är välkomna, och du som bor utanför ${city} blir en lika viktig del av gemenskapen. Vi räknar er för sig: siffran vi visar politikerna är hur många invånare i ${city} som har skrivit under, så den måste stämma.

## Hur lång tid tar det?

Ett par minuter. Du skriver ditt namn och din e-postadress, väljer ett eller flera åtaganden och bekräftar med länken i mejlet vi skickar.

## Vad händer om jag inte klarar mitt åtagande?

Ingenting. Avtalet är ett löfte till dig själv, inte ett kontrakt. Du kan byta åtaganden, lägga till nya när de första sitter, eller ta bort dem, på sidan [Mitt avtal](/my-pledge).

## Kostar det något?

Nej. Att skriva under och komma på evenemangen är gratis. Någon gång tar vi en liten avgift för material, till exempel på en matlagningskurs, och det står då på evenemanget.

## Får jag massor av mejl?

Du får ett mejl när du skriver under och ett när du bekräftar. Nyhetsbrevet får du bara om du har kryssat i det, och under [Mina mejl](/preferences) väljer du hur ofta du vill ha sammanfattningar och påminnelser.

## Hur drar jag tillbaka min underskrift?

Logga in och gå till [Mitt avtal](/my-pledge). Där kan du dra tillbaka underskriften, och då räknas den inte längre.`,
			},
			en: {
				title: 'Questions and answers',
				body: `## Can my neighbour in another municipality sign?

Yes. Everyone is welcome, and if you live outside ${city} you are just as much part of the community. We count you separately: the figure we show politicians is how many residents of ${city} have signed, so it has to be right.

## How long does it take?

A couple of minutes. You give your name and email address, choose one or more commitments, and confirm with the link in the email we send.

## What if I do not keep my commitment?

Nothing happens. The pact is a promise to yourself, not a contract. You can change commitments, add new ones once the first feel natural, or drop them, on [My pledge](/my-pledge).

## Does it cost anything?

No. Signing and coming to the events is free. Now and then there is a small fee for materials, for example at a cooking class, and the event says so.

## Will I get lots of email?

You get one email when you sign and one when you confirm. You get the newsletter only if you ticked the box, and under [My emails](/preferences) you choose how often you want summaries and reminders.

## How do I withdraw my signature?

Sign in and go to [My pledge](/my-pledge). You can withdraw your signature there, and it no longer counts.`,
			},
		},
		contact: {
			sv: {
				title: 'Kontakt',
				body: `Vi svarar gärna på frågor om klimatavtalet, evenemangen eller dina uppgifter.

## Mejla oss

[hej@klimatpakt.example](mailto:hej@klimatpakt.example) – vi svarar oftast inom ett par dagar. Det är volontärer som svarar, så ha tålamod i semestertider.

## Träffa oss

Kom på en klimatfika eller ett annat [evenemang](/events). Samordnarna är nästan alltid där.

## Personuppgifter och tillgänglighet

Frågor om vad vi sparar om dig: se [Personuppgifter](/privacy). Problem med att använda webbplatsen: se [Tillgänglighet](/accessibility).`,
			},
			en: {
				title: 'Contact',
				body: `We are happy to answer questions about the pact, the events or your details.

## Email us

[hej@klimatpakt.example](mailto:hej@klimatpakt.example) – we usually answer within a couple of days. Volunteers answer, so please be patient during holidays.

## Meet us

Come to a climate fika or another [event](/events). The coordinators are nearly always there.

## Privacy and accessibility

Questions about what we keep about you: see [Privacy](/privacy). Trouble using the website: see [Accessibility](/accessibility).`,
			},
		},
		privacy: {
			sv: {
				title: 'Så hanterar vi dina personuppgifter',
				body: `Vi sparar det som behövs för att klimatavtalet ska fungera, och vi säljer eller lämnar aldrig ut uppgifterna. Den som ansvarar för uppgifterna är föreningen bakom ${pact}.

## Det här sparar vi

- **Ditt konto:** namn, e-postadress och språk, och vilka roller du har (till exempel arrangör).
- **När du skriver under:** om du bor i ${city}s kommun, stadsdel om du anger den, dina åtaganden och hur långt du har kommit med dem, om du vill visa ditt förnamn på startsidan och om du vill ha nyhetsbrevet.
- **Dina samtycken:** vilken version av samtyckestexten du godkände och när, och varje gång du sagt ja eller nej till nyhetsbrevet, sammanfattningar, påminnelser och andra mejl. Historiken syns på [Mitt avtal](/my-pledge).
- **Det du gör här:** anmälningar till evenemang och platser på väntelistan, pass som hjälpare, incheckningar vid dörren, förslag du skriver och stödjer, frågor till politiker och röster på dem, teman du följer, berättelser och nomineringar, och vilka partnerorganisationer du företräder.
- **Engagemangstrappan:** vilket steg du står på, när och varför det ändrades, och vad du har sagt att du vill hjälpa till med.
- **Mejl:** vilka mejl vi har skickat till dig och om de kom fram eller studsade, dina val under Mina mejl och om du har avregistrerat dig.
- **Inloggning:** en kaka med din inloggning (vi sparar bara en kontrollsumma av den) och engångskoder som gäller en kort stund. För att stoppa missbruk räknar vi försök per e-postadress och IP-adress, sparade som kontrollsummor i högst ett dygn.

Vi använder inga kakor för statistik eller reklam, bara inloggningen och ditt språkval.

## Varför

Ett åtagande kan säga något om dina åsikter. Därför frågar vi om ditt samtycke när du skriver under. Evenemangen, förslagen och trappan bygger på att du själv anmäler dig och deltar.

## Hur länge

Ditt konto och det du har gjort finns kvar tills du raderar kontot. Drar du bara tillbaka din underskrift slutar den räknas direkt, men kontot finns kvar tills du raderar det. Underskrifter som aldrig bekräftades, använda eller utgångna engångskoder, gamla inloggningar och gamla leveransuppgifter för mejl raderas automatiskt efter en bestämd tid, från några dagar till några månader.

## Vilka som ser uppgifterna

Samordnarna ser medlemmarnas uppgifter. Arrangörer ser namn och e-post för dem som anmält sig till deras evenemang. Förslag, berättelser och frågor visas med ditt namn. Mejlen skickas genom vår e-postleverantör, som bara får det som behövs för att leverera dem.

## Dina rättigheter

- **Se och ändra:** på [Mitt avtal](/my-pledge) ser och ändrar du dina uppgifter, dina samtycken och dina mejlval.
- **Ladda ner allt:** under Dina uppgifter på [Mitt avtal](/my-pledge) laddar du ner allt vi sparar om dig som en fil (JSON).
- **Radera:** under Dina uppgifter kan du [radera ditt konto](/account/delete). Då raderas underskriften, åtagandena, anmälningarna (platsen går till nästa på väntelistan), stöd, röster, inloggningar och mejlval. Förslag, berättelser och frågor du har skrivit finns kvar utan ditt namn.

Har du frågor, eller är något fel som du inte kan ändra själv, [kontakta oss](/contact). Är du inte nöjd med hur vi hanterar dina uppgifter kan du klaga hos Integritetsskyddsmyndigheten (IMY).`,
			},
			en: {
				title: 'How we handle your personal data',
				body: `We keep what the pact needs to work, and we never sell or pass on your details. The association behind ${pact} is responsible for them.

## What we keep

- **Your account:** your name, email address and language, and the roles you have (organiser, for example).
- **When you sign:** whether you live in the municipality of ${city}, your district if you give it, your commitments and how far you have come with them, whether to show your first name on the home page, and whether you want the newsletter.
- **Your consents:** which version of the consent text you agreed to and when, and each time you said yes or no to the newsletter, digests, reminders and other emails. The history is shown on [My pledge](/my-pledge).
- **What you do here:** event sign-ups and places on waiting lists, helper shifts, check-ins at the door, proposals you write and support, questions to politicians and votes on them, themes you follow, stories and nominations, and the partner organisations you act for.
- **The engagement ladder:** the step you are on, when and why it changed, and what you have said you would help with.
- **Email:** which emails we have sent you and whether they arrived or bounced, your choices under My emails, and whether you have unsubscribed.
- **Signing in:** a cookie with your sign-in (we keep only a checksum of it) and one-time codes that are valid for a short while. To stop abuse we count attempts per email address and IP address, kept as checksums for at most a day.

We use no cookies for statistics or advertising, only your sign-in and your choice of language.

## Why

A commitment can say something about your opinions. That is why we ask for your consent when you sign. Events, proposals and the ladder rest on you signing up and taking part yourself.

## How long

Your account and what you did here are kept until you delete your account. If you only withdraw your signature, it stops counting at once, but your account stays until you delete it. Signatures that were never confirmed, used or expired one-time codes, old sign-ins and old email delivery records are deleted automatically after a set time, from a few days to a few months.

## Who sees your details

The coordinators see members' details. Organisers see the names and email addresses of those who signed up for their events. Proposals, stories and questions are shown with your name. Emails are sent through our email provider, which gets only what it needs to deliver them.

## Your rights

- **See and change:** on [My pledge](/my-pledge) you see and change your details, your consents and your email choices.
- **Download everything:** under Your data on [My pledge](/my-pledge) you download everything we keep about you as a file (JSON).
- **Delete:** under Your data you can [delete your account](/account/delete). Your signature, commitments, event sign-ups (your place goes to the next person on the waiting list), support, votes, sign-ins and email choices are deleted. Proposals, stories and questions you wrote stay, without your name.

If you have questions, or something is wrong that you cannot change yourself, [contact us](/contact). If you are unhappy with how we handle your data, you can complain to the Swedish Authority for Privacy Protection (IMY).`,
			},
		},
		accessibility: {
			sv: {
				title: 'Tillgänglighetsredogörelse',
				body: `${pact} vill att så många som möjligt ska kunna använda webbplatsen, oavsett hur du surfar. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service (DOS-lagen), kända problem och hur du kan rapportera brister.

## Hur tillgänglig är webbplatsen?

Vi bedömer att webbplatsen till största delen uppfyller kraven i WCAG 2.1 på nivå AA:

- Alla sidor fungerar med tangentbord och skärmläsare, och formulär har synliga etiketter och felmeddelanden vid fälten.
- Texterna har tillräcklig kontrast, och sidorna fungerar i mobilen och förstorade till 200 procent.
- Webbplatsen fungerar utan JavaScript för det viktigaste: skriva under, anmäla sig och logga in.
- Varje sida testas automatiskt med verktyget axe innan den publiceras.

## Kända brister

- Diagrammen på trappsidan och sidan I siffror har textalternativ, men vissa detaljer finns bara i tabellen under.
- Texter som samordnare och arrangörer skriver själva, till exempel evenemangsbeskrivningar, granskas inte alltid för klarspråk.
- Alla evenemang finns inte på engelska.

## Rapportera brister

Upplever du att något inte fungerar, eller behöver du innehåll i ett annat format? [Kontakta oss](/contact) och beskriv vad du försökte göra och på vilken sida. Vi svarar inom en vecka.

## Tillsyn

Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Är du inte nöjd med vårt svar kan du [anmäla det till Digg](https://www.digg.se/tdosanmalan).

## Om redogörelsen

Redogörelsen bygger på en egen granskning och automatiska tester. Den uppdateras när webbplatsen ändras.`,
			},
			en: {
				title: 'Accessibility statement',
				body: `${pact} wants as many people as possible to be able to use this website, however you browse. This statement describes how the site meets the Swedish Act on accessibility to digital public services (DOS-lagen), the problems we know of, and how to report others.

## How accessible is the website?

We believe the website for the most part meets WCAG 2.1 at level AA:

- Every page works with a keyboard and a screen reader, and forms have visible labels and error messages beside the fields.
- Text has enough contrast, and the pages work on a phone and zoomed to 200 percent.
- The essentials work without JavaScript: signing, signing up for events and signing in.
- Every page is tested automatically with the axe tool before it is published.

## Known problems

- The charts on the ladder page and the In numbers page have text alternatives, but some details are only in the table beneath.
- Text that coordinators and organisers write themselves, such as event descriptions, is not always reviewed for plain language.
- Not every event is available in English.

## Report a problem

If something does not work for you, or you need content in another format, [contact us](/contact) and tell us what you were trying to do and on which page. We answer within a week.

## Enforcement

The Agency for Digital Government (Digg) enforces the law. If you are not satisfied with our answer, you can [report it to Digg](https://www.digg.se/tdosanmalan).

## About this statement

This statement is based on our own review and automated tests. It is updated when the website changes.`,
			},
		},
	}
	return pages
}
