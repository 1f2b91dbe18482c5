package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"atbalsts/domain"
	"atbalsts/service"
)

// Liepāja in "Kurzeme visiem". The city's social service wrote (seeds/000) that in Liepāja 79
// children with functional impairments have individual support plans of the project, that 63
// families raising children with a disability have used its services, most of all
// physiotherapy, speech therapy and music therapy, and that 52 parents have used the services
// open to parents (together at most 20 sessions for one child's parents). The demo reaches
// these figures, counted over the project's period for Liepāja and the project, from recorded
// data:
//
//   - children with plans: the children declared in Liepāja with a plan of the project whose
//     revision in force (approved, active or closed) is valid within the project's period. The
//     four Liepāja children of cases.go that have one (active, approved, closed, revised) and
//     the 75 children here: 79.
//   - families: a family is the children linked through shared parents (with a child without
//     parents a family of one), counted among the deliveries that were not rejected. The
//     three families of cases.go with deliveries (the fourth plan is only approved) and 60 of
//     the 65 families here: ten of them have two children with plans, and five only a plan
//     not used yet (two approved, three active without a session): 63.
//   - parents: the parents named in the parents' deliveries that were not rejected. The three
//     mothers of cases.go and 49 here: 29 families where one parent came, and 10 where both
//     did: 52.
//
// The families applied in 2020, were assessed before December and have plans of a year
// starting from October 2020 to September 2021: active, closed after their year, revised once
// while active (more sessions of their first service), approved and waiting. Their deliveries
// fall in the year the demo records for Liepāja, March 2021 to January 2022, and go the way
// cases.go's go: recorded before its work, they are verified, and claimed in Liepāja's two
// claims of 2021 or left verified after them, so Liepāja's verification queue, its rejections,
// its correction and its claims' periods stay those of cases.go. Their personal codes follow
// the other demo families' in the test range, from liepajaCodeBase: 329999-9NNNN for the
// children, 329999-8NNNN for the first parent, 329999-7NNNN for the second.

// liepajaChild is a made-up child of Liepāja and their plan.
type liepajaChild struct {
	first, sex, born string
	impairments      string // ImpairmentKinds, space-separated
	services         string // the child's services in the plan's order: short names of liepajaCodes
	stage            string // ACTIVE, CLOSED, REVISED: with deliveries; APPROVED, UNUSED (active): none
	from             string // the plan's first month; it is valid for a year
}

// liepajaFamily is a made-up family: one or two children and their parents (foster parents,
// or a guardian), who share the surname.
type liepajaFamily struct {
	last           [2]string // the surname: masculine, feminine
	mother, father string    // first names; father "" when only one parent is registered
	living         domain.LivingArrangement
	parents        string // who used the services for parents, and which: "mother psych", "both group"; "" nobody
	children       []liepajaChild
}

// liepajaCodes are the service codes of the short names the families use.
var liepajaCodes = map[string]string{"physio": "PHYSIOTHERAPY", "speech": "SPEECH_THERAPY", "music": "MUSIC_THERAPY",
	"ot": "OCCUPATIONAL_THERAPY", "hydro": "HYDROTHERAPY", "massage": "MASSAGE", "art": "ART_THERAPY", "canis": "CANISTHERAPY",
	"psych": "PSYCHOLOGIST", "rehab": "REHABILITATION_PHYSICIAN", "group": "PARENT_SUPPORT_GROUP"}

// liepajaPlanned are a child's line's planned sessions for a year, by service.
var liepajaPlanned = map[string]int{"physio": 20, "speech": 16, "music": 12}

// liepajaGoals are a plan's goals by the child's services (the first two with one).
var liepajaGoals = map[string][2]string{
	"physio": {"Uzlabot līdzsvaru un kustību koordināciju", "Patstāvīgi uzkāpj pa kāpnēm, turoties pie margām"},
	"hydro":  {"Stiprināt muskulatūru un mazināt spasticitāti", "Ūdenī veic vingrinājumus 20 minūtes"},
	"speech": {"Paplašināt aktīvo vārdu krājumu", "Ikdienas sarunā lieto 100 vārdus"},
	"music":  {"Uzlabot uzmanības noturību un sadarbību nodarbībā", "Piedalās grupas nodarbībā 30 minūtes"},
	"art":    {"Izteikt emocijas ar zīmējumu un krāsām", "Pabeidz iesākto darbu nodarbības laikā"},
	"ot":     {"Uzlabot pašaprūpes prasmes ikdienā", "Patstāvīgi apģērbjas un aizpogā pogas"},
}

// liepajaNotes are the notes a specialist writes now and then on a session.
var liepajaNotes = []string{
	"Nodarbība notika attālināti.",
	"Nodarbība bērna mājās.",
	"Vecākiem iedoti vingrinājumi mājām.",
	"Bērns noguris, nodarbība saīsināta.",
	"Nākamā nodarbība pārcelta pēc vecāku lūguma.",
}

var liepajaFamilies = []liepajaFamily{
	{[2]string{"Andersons", "Andersone"}, "Inga", "Aigars", domain.LivingFamily, "both psych", []liepajaChild{
		{"Emīlija", "FEMALE", "2013-04-11", "MOBILITY", "physio music speech", "ACTIVE", "2021-01"}}},
	{[2]string{"Auziņš", "Auziņa"}, "Baiba", "", domain.LivingFamily, "mother physio", []liepajaChild{
		{"Gustavs", "MALE", "2015-08-02", "DEVELOPMENTAL", "physio speech", "CLOSED", "2020-10"}}},
	{[2]string{"Beķeris", "Beķere"}, "Santa", "Jānis", domain.LivingFamily, "mother group", []liepajaChild{
		{"Alise", "FEMALE", "2012-06-19", "INTELLECTUAL", "music speech", "ACTIVE", "2021-02"},
		{"Kārlis", "MALE", "2016-01-27", "SPEECH_AND_LANGUAGE DEVELOPMENTAL", "speech physio", "ACTIVE", "2021-02"}}},
	{[2]string{"Briedis", "Briede"}, "Ilze", "", domain.LivingFamily, "", []liepajaChild{
		{"Matīss", "MALE", "2011-03-08", "MOBILITY", "physio hydro", "ACTIVE", "2021-03"}}},
	{[2]string{"Celmiņš", "Celmiņa"}, "Kristīne", "Edgars", domain.LivingFamily, "both group", []liepajaChild{
		{"Līva", "FEMALE", "2014-12-15", "BEHAVIOURAL", "music art", "REVISED", "2021-01"}}},
	{[2]string{"Dambis", "Dambe"}, "Linda", "", domain.LivingFamily, "mother psych", []liepajaChild{
		{"Rūdolfs", "MALE", "2010-08-30", "HEARING SPEECH_AND_LANGUAGE", "speech music", "CLOSED", "2020-11"}}},
	{[2]string{"Dzenis", "Dzene"}, "Evija", "", domain.LivingFamily, "", []liepajaChild{
		{"Hugo", "MALE", "2017-02-21", "DEVELOPMENTAL", "physio speech", "UNUSED", "2021-04"}}},
	{[2]string{"Freimanis", "Freimane"}, "Agnese", "", domain.LivingFosterFamily, "mother psych", []liepajaChild{
		{"Annija", "FEMALE", "2009-11-03", "INTELLECTUAL BEHAVIOURAL", "music ot", "ACTIVE", "2021-01"}}},
	{[2]string{"Grīnbergs", "Grīnberga"}, "Sanita", "Raivis", domain.LivingFamily, "father physio", []liepajaChild{
		{"Teodors", "MALE", "2016-05-12", "MOBILITY", "physio massage", "ACTIVE", "2021-03"}}},
	{[2]string{"Gulbis", "Gulbe"}, "Marika", "", domain.LivingFamily, "mother rehab", []liepajaChild{
		{"Kate", "FEMALE", "2013-10-09", "MOBILITY", "physio music", "CLOSED", "2020-12"},
		{"Valters", "MALE", "2015-07-17", "MOBILITY DEVELOPMENTAL", "physio speech", "ACTIVE", "2021-04"}}},
	{[2]string{"Jansons", "Jansone"}, "Līga", "", domain.LivingFamily, "", []liepajaChild{
		{"Miķelis", "MALE", "2012-02-29", "SPEECH_AND_LANGUAGE", "speech", "ACTIVE", "2021-02"}}},
	{[2]string{"Jēkabsons", "Jēkabsone"}, "Signe", "", domain.LivingFamily, "", []liepajaChild{
		{"Grēta", "FEMALE", "2014-03-23", "VISION", "ot music", "CLOSED", "2020-10"}}},
	{[2]string{"Jurēvičs", "Jurēviča"}, "Vita", "Guntis", domain.LivingFamily, "both psych", []liepajaChild{
		{"Markuss", "MALE", "2011-12-01", "BEHAVIOURAL", "music canis", "ACTIVE", "2021-05"}}},
	{[2]string{"Kociņš", "Kociņa"}, "Sarmīte", "", domain.LivingFamily, "mother physio", []liepajaChild{
		{"Monta", "FEMALE", "2018-04-14", "MOBILITY", "physio hydro speech", "ACTIVE", "2021-01"}}},
	{[2]string{"Krastiņš", "Krastiņa"}, "Elita", "", domain.LivingGuardian, "mother group", []liepajaChild{
		{"Patriks", "MALE", "2010-05-05", "INTELLECTUAL", "music speech", "CLOSED", "2020-12"}}},
	{[2]string{"Krūze", "Krūze"}, "Madara", "", domain.LivingFamily, "", []liepajaChild{
		{"Terēze", "FEMALE", "2012-09-14", "HEARING", "speech", "ACTIVE", "2021-03"},
		{"Edvards", "MALE", "2014-01-30", "HEARING", "speech music", "APPROVED", "2021-09"}}},
	{[2]string{"Lapsa", "Lapsa"}, "Iveta", "", domain.LivingFamily, "", []liepajaChild{
		{"Toms", "MALE", "2013-07-07", "MOBILITY", "physio", "ACTIVE", "2021-06"}}},
	{[2]string{"Leimanis", "Leimane"}, "Jolanta", "Kaspars", domain.LivingFamily, "", []liepajaChild{
		{"Amēlija", "FEMALE", "2016-11-26", "DEVELOPMENTAL", "physio speech music", "APPROVED", "2021-09"}}},
	{[2]string{"Līcis", "Līce"}, "Gita", "", domain.LivingFamily, "mother physio", []liepajaChild{
		{"Rihards", "MALE", "2009-04-18", "MOBILITY", "physio massage", "CLOSED", "2020-11"}}},
	{[2]string{"Lūsis", "Lūse"}, "Zanda", "Normunds", domain.LivingFamily, "father psych", []liepajaChild{
		{"Megija", "FEMALE", "2011-01-22", "BEHAVIOURAL DEVELOPMENTAL", "music art", "ACTIVE", "2021-02"},
		{"Lauris", "MALE", "2013-06-11", "BEHAVIOURAL", "music speech", "ACTIVE", "2021-02"}}},
	{[2]string{"Mednis", "Medne"}, "Solvita", "", domain.LivingFamily, "mother psych", []liepajaChild{
		{"Bruno", "MALE", "2015-10-03", "SPEECH_AND_LANGUAGE", "speech physio", "REVISED", "2021-02"}}},
	{[2]string{"Miezītis", "Miezīte"}, "Anete", "", domain.LivingFamily, "", []liepajaChild{
		{"Nikola", "FEMALE", "2017-08-08", "DEVELOPMENTAL", "physio speech", "ACTIVE", "2021-04"}}},
	{[2]string{"Niedra", "Niedra"}, "Ligita", "Valdis", domain.LivingFosterFamily, "both group", []liepajaChild{
		{"Oskars", "MALE", "2010-10-10", "INTELLECTUAL", "physio music", "ACTIVE", "2021-03"}}},
	{[2]string{"Apinis", "Apine"}, "Antra", "", domain.LivingFamily, "mother psych", []liepajaChild{
		{"Hanna", "FEMALE", "2012-12-12", "VISION MOBILITY", "physio ot", "CLOSED", "2021-01"}}},
	{[2]string{"Bite", "Bite"}, "Liene", "", domain.LivingFamily, "", []liepajaChild{
		{"Endijs", "MALE", "2014-08-19", "SPEECH_AND_LANGUAGE", "speech", "UNUSED", "2021-03"}}},
	{[2]string{"Grava", "Grava"}, "Rasma", "", domain.LivingFamily, "mother group", []liepajaChild{
		{"Sāra", "FEMALE", "2011-05-28", "MOBILITY INTELLECTUAL", "physio music speech", "ACTIVE", "2021-01"},
		{"Jānis", "MALE", "2014-02-06", "MOBILITY", "physio hydro", "ACTIVE", "2021-01"}}},
	{[2]string{"Paegle", "Paegle"}, "Aiga", "Artis", domain.LivingFamily, "both psych", []liepajaChild{
		{"Samanta", "FEMALE", "2013-02-14", "BEHAVIOURAL", "music speech", "ACTIVE", "2021-01"}}},
	{[2]string{"Pētersons", "Pētersone"}, "Dagnija", "", domain.LivingFamily, "mother physio", []liepajaChild{
		{"Leo", "MALE", "2018-06-03", "MOBILITY", "physio hydro", "ACTIVE", "2021-03"}}},
	{[2]string{"Pļaviņš", "Pļaviņa"}, "Lelde", "", domain.LivingFamily, "", []liepajaChild{
		{"Dārta", "FEMALE", "2010-09-17", "INTELLECTUAL", "music ot", "CLOSED", "2020-10"}}},
	{[2]string{"Podnieks", "Podniece"}, "Maija", "Uldis", domain.LivingFamily, "mother psych", []liepajaChild{
		{"Ivo", "MALE", "2012-04-02", "DEVELOPMENTAL", "physio speech", "ACTIVE", "2021-02"},
		{"Una", "FEMALE", "2015-11-19", "DEVELOPMENTAL SPEECH_AND_LANGUAGE", "speech music", "UNUSED", "2021-02"}}},
	{[2]string{"Priede", "Priede"}, "Ingūna", "", domain.LivingFamily, "mother group", []liepajaChild{
		{"Adrians", "MALE", "2011-07-25", "MOBILITY", "physio massage music", "REVISED", "2021-03"}}},
	{[2]string{"Purmalis", "Purmale"}, "Alda", "", domain.LivingFamily, "", []liepajaChild{
		{"Laima", "FEMALE", "2016-03-09", "HEARING", "speech", "ACTIVE", "2021-05"}}},
	{[2]string{"Puriņš", "Puriņa"}, "Daiga", "Māris", domain.LivingFamily, "father physio", []liepajaChild{
		{"Krišjānis", "MALE", "2009-12-20", "MOBILITY", "physio hydro", "CLOSED", "2020-12"}}},
	{[2]string{"Reinsons", "Reinsone"}, "Anda", "", domain.LivingFamily, "", []liepajaChild{
		{"Rūta", "FEMALE", "2014-05-31", "BEHAVIOURAL", "music", "ACTIVE", "2021-04"}}},
	{[2]string{"Riekstiņš", "Riekstiņa"}, "Inita", "", domain.LivingFamily, "", []liepajaChild{
		{"Niks", "MALE", "2017-10-15", "DEVELOPMENTAL", "physio speech", "ACTIVE", "2021-06"}}},
	{[2]string{"Roze", "Roze"}, "Laila", "", domain.LivingFamily, "mother physio", []liepajaChild{
		{"Odrija", "FEMALE", "2012-01-04", "MOBILITY", "physio music", "CLOSED", "2021-01"}}},
	{[2]string{"Rozītis", "Rozīte"}, "Gunita", "Reinis", domain.LivingFamily, "both psych", []liepajaChild{
		{"Aleksis", "MALE", "2010-03-16", "INTELLECTUAL", "music speech", "ACTIVE", "2021-01"},
		{"Elīza", "FEMALE", "2013-08-27", "INTELLECTUAL MOBILITY", "physio music", "ACTIVE", "2021-01"}}},
	{[2]string{"Rudzītis", "Rudzīte"}, "Ieva", "", domain.LivingFamily, "", []liepajaChild{
		{"Olivers", "MALE", "2016-12-07", "SPEECH_AND_LANGUAGE", "speech", "CLOSED", "2020-11"}}},
	{[2]string{"Salmiņš", "Salmiņa"}, "Lāsma", "", domain.LivingFamily, "mother group", []liepajaChild{
		{"Beatrise", "FEMALE", "2011-04-13", "MOBILITY", "physio hydro", "ACTIVE", "2021-02"}}},
	{[2]string{"Saulītis", "Saulīte"}, "Sindija", "Ivars", domain.LivingFamily, "", []liepajaChild{
		{"Gabriels", "MALE", "2015-06-26", "DEVELOPMENTAL", "physio speech music", "ACTIVE", "2021-03"}}},
	{[2]string{"Sīlis", "Sīle"}, "Ramona", "", domain.LivingFamily, "mother psych", []liepajaChild{
		{"Jasmīna", "FEMALE", "2014-10-01", "BEHAVIOURAL", "music art", "ACTIVE", "2021-05"}}},
	{[2]string{"Skujiņš", "Skujiņa"}, "Marita", "", domain.LivingFamily, "", []liepajaChild{
		{"Armands", "MALE", "2012-11-11", "MOBILITY", "physio", "UNUSED", "2021-06"}}},
	{[2]string{"Šmits", "Šmite"}, "Everita", "Gatis", domain.LivingFamily, "both group", []liepajaChild{
		{"Dāvis", "MALE", "2011-02-02", "MOBILITY DEVELOPMENTAL", "physio speech", "REVISED", "2021-02"},
		{"Agate", "FEMALE", "2016-07-22", "DEVELOPMENTAL", "speech music", "ACTIVE", "2021-04"}}},
	{[2]string{"Stepiņš", "Stepiņa"}, "Ilga", "", domain.LivingFamily, "", []liepajaChild{
		{"Sandis", "MALE", "2010-01-19", "MOBILITY", "physio massage", "CLOSED", "2020-12"}}},
	{[2]string{"Strazdiņš", "Strazdiņa"}, "Dace", "", domain.LivingFamily, "", []liepajaChild{
		{"Keita", "FEMALE", "2017-05-05", "SPEECH_AND_LANGUAGE", "speech", "ACTIVE", "2021-09"}}},
	{[2]string{"Sudmalis", "Sudmale"}, "Lolita", "", domain.LivingFosterFamily, "mother psych", []liepajaChild{
		{"Alekss", "MALE", "2009-06-09", "BEHAVIOURAL INTELLECTUAL", "music ot", "ACTIVE", "2021-01"}}},
	{[2]string{"Šulcs", "Šulca"}, "Aija", "Ēriks", domain.LivingFamily, "father psych", []liepajaChild{
		{"Karlīna", "FEMALE", "2013-03-03", "HEARING", "speech music", "ACTIVE", "2021-02"}}},
	{[2]string{"Švarcs", "Švarca"}, "Dita", "", domain.LivingFamily, "", []liepajaChild{
		{"Eduards", "MALE", "2014-09-29", "MOBILITY", "physio hydro", "CLOSED", "2021-02"}}},
	{[2]string{"Tiltiņš", "Tiltiņa"}, "Elīna", "", domain.LivingFamily, "mother group", []liepajaChild{
		{"Rēzija", "FEMALE", "2012-07-08", "DEVELOPMENTAL", "physio speech", "ACTIVE", "2021-03"}}},
	{[2]string{"Tomsons", "Tomsone"}, "Kristīne", "", domain.LivingGuardian, "mother psych", []liepajaChild{
		{"Kristofers", "MALE", "2010-12-24", "INTELLECTUAL", "music", "ACTIVE", "2021-01"},
		{"Vanesa", "FEMALE", "2013-05-16", "INTELLECTUAL BEHAVIOURAL", "music art", "ACTIVE", "2021-01"}}},
	{[2]string{"Treimanis", "Treimane"}, "Sigita", "Aivars", domain.LivingFamily, "both physio", []liepajaChild{
		{"Adele", "FEMALE", "2015-01-08", "MOBILITY", "physio speech music", "REVISED", "2021-04"}}},
	{[2]string{"Upītis", "Upīte"}, "Benita", "", domain.LivingFamily, "", []liepajaChild{
		{"Ernests", "MALE", "2011-08-14", "VISION", "ot", "ACTIVE", "2021-02"}}},
	{[2]string{"Urbāns", "Urbāne"}, "Ance", "", domain.LivingFamily, "", []liepajaChild{
		{"Tīna", "FEMALE", "2016-02-17", "SPEECH_AND_LANGUAGE DEVELOPMENTAL", "speech physio", "CLOSED", "2021-01"}}},
	{[2]string{"Vanags", "Vanaga"}, "Inta", "Jānis", domain.LivingFamily, "", []liepajaChild{
		{"Rolands", "MALE", "2010-04-27", "MOBILITY", "physio massage", "ACTIVE", "2021-03"}}},
	{[2]string{"Vējiņš", "Vējiņa"}, "Renāte", "", domain.LivingFamily, "mother physio", []liepajaChild{
		{"Evelīna", "FEMALE", "2012-10-21", "MOBILITY", "physio hydro music", "ACTIVE", "2021-01"}}},
	{[2]string{"Veinbergs", "Veinberga"}, "Baiba", "Gints", domain.LivingFamily, "both psych", []liepajaChild{
		{"Arvīds", "MALE", "2013-12-05", "BEHAVIOURAL", "music speech", "ACTIVE", "2021-02"}}},
	{[2]string{"Vilks", "Vilka"}, "Kristiāna", "", domain.LivingFamily, "", []liepajaChild{
		{"Nauris", "MALE", "2014-06-18", "SPEECH_AND_LANGUAGE", "speech", "APPROVED", "2021-09"}}},
	{[2]string{"Viļumsons", "Viļumsone"}, "Zanda", "", domain.LivingFamily, "mother group", []liepajaChild{
		{"Laura", "FEMALE", "2011-09-09", "MOBILITY INTELLECTUAL", "physio music", "ACTIVE", "2021-03"},
		{"Kristaps", "MALE", "2014-11-28", "MOBILITY", "physio speech", "REVISED", "2021-03"}}},
	{[2]string{"Vītoliņš", "Vītoliņa"}, "Dzintra", "", domain.LivingFamily, "", []liepajaChild{
		{"Elizabete", "FEMALE", "2017-03-19", "DEVELOPMENTAL", "physio speech", "ACTIVE", "2021-05"}}},
	{[2]string{"Zālītis", "Zālīte"}, "Linda", "Raimonds", domain.LivingFamily, "father physio", []liepajaChild{
		{"Mārcis", "MALE", "2012-05-22", "MOBILITY", "physio", "ACTIVE", "2021-04"}}},
	{[2]string{"Zeltiņš", "Zeltiņa"}, "Velga", "", domain.LivingFamily, "", []liepajaChild{
		{"Luīze", "FEMALE", "2010-02-11", "HEARING", "speech music", "ACTIVE", "2021-06"}}},
	{[2]string{"Ziediņš", "Ziediņa"}, "Mārīte", "Dainis", domain.LivingFosterFamily, "both group", []liepajaChild{
		{"Valts", "MALE", "2011-10-30", "BEHAVIOURAL DEVELOPMENTAL", "music physio", "REVISED", "2021-01"}}},
	{[2]string{"Zvaigzne", "Zvaigzne"}, "Santa", "", domain.LivingFamily, "mother psych", []liepajaChild{
		{"Sanija", "FEMALE", "2012-03-27", "VISION", "ot music", "ACTIVE", "2021-02"}}},
	{[2]string{"Žagars", "Žagare"}, "Ilona", "Uģis", domain.LivingFamily, "", []liepajaChild{
		{"Amanda", "FEMALE", "2016-09-06", "DEVELOPMENTAL", "physio speech", "CLOSED", "2021-02"}}},
	{[2]string{"Vīksna", "Vīksna"}, "Dace", "", domain.LivingFamily, "mother physio", []liepajaChild{
		{"Linards", "MALE", "2013-01-31", "MOBILITY", "physio hydro", "REVISED", "2021-03"}}},
}

// liepajaCodeBase numbers the Liepāja families' personal codes after the Rēzekne ones.
const liepajaCodeBase = 200

// The year of Liepāja's deliveries the demo records (cases.go's plans are valid from its
// first day): the first claim's first day to verifiedUpTo, so that every new delivery is
// claimed or verified and Liepāja's verification queue keeps cases.go's February.
var liepajaFirst, liepajaLast = day(paidClaim[0]), verifiedUpTo

// liepajaCase is a Liepāja child's case as the demo builds it.
type liepajaCase struct {
	n       int // the child's number among the Liepāja children, from 1
	family  *liepajaFamily
	ci      int // the child's place in the family
	child   *domain.Child
	parents []*domain.Parent // the family's: the mother (foster parent, guardian) first
	app     *domain.Application
	rev     *domain.PlanRevision
	draft   domain.DraftContent
	visits  []visit
	revised time.Time // REVISED: the first day of the second revision
}

// stage is what happens to the child's plan.
func (c *liepajaCase) stage() string { return c.family.children[c.ci].stage }

// loadLiepaja registers the Liepāja families and their applications, decides the applications
// (on their days), assesses the children and makes their plans, then records the plans'
// deliveries: the revised plans' first revisions' part, then their second revisions, then the
// rest; and it closes the closed plans. The families' cases are independent: registering and
// planning run eight families side by side (each child's draws come from its own seed, so
// every load makes the same cases); the decisions, which move the demo's clock, run one by one.
func loadLiepaja(ctx context.Context, dl *recorder, refs references, kurzeme *domain.Project, providerIDs map[string]int,
	typeID map[string]int) error {
	piemers, tilts := providerIDs["DEMO-0001"], providerIDs["DEMO-0002"]
	city := refs.municipalities["Liepāja"]
	dl.clock.set(dl.today)
	families := make([][]*liepajaCase, len(liepajaFamilies))
	n := 0
	for fi := range liepajaFamilies {
		for ci := range liepajaFamilies[fi].children {
			n++
			families[fi] = append(families[fi], &liepajaCase{n: n, family: &liepajaFamilies[fi], ci: ci})
		}
	}
	if err := sideBySide(len(families), func(fi int) error {
		if err := liepajaRegister(ctx, dl, city, kurzeme, families[fi]); err != nil {
			return fmt.Errorf("Liepāja family %d: %w", fi, err)
		}
		return nil
	}); err != nil {
		return err
	}
	cases := slices.Concat(families...)
	byDecision := slices.Clone(cases)
	slices.SortStableFunc(byDecision, func(a, b *liepajaCase) int { return a.app.SubmittedOn.Compare(b.app.SubmittedOn) })
	for _, c := range byDecision {
		if err := decide(ctx, dl, c.app, domain.AppAccepted, nil, liepajaDays(c)[1]); err != nil {
			return fmt.Errorf("Liepāja child %d: %w", c.n, err)
		}
	}
	if err := sideBySide(len(cases), func(i int) error {
		if err := liepajaPlan(ctx, dl, kurzeme, cases[i], piemers, tilts, typeID); err != nil {
			return fmt.Errorf("Liepāja child %d: %w", cases[i].n, err)
		}
		return nil
	}); err != nil {
		return err
	}

	// The first revisions' deliveries, then the revisions and the second revisions' deliveries.
	var before, after []visit
	for _, c := range cases {
		for _, v := range c.visits {
			if c.stage() == "REVISED" && !v.date.Before(c.revised) {
				after = append(after, v)
			} else {
				before = append(before, v)
			}
		}
	}
	if err := dl.recordBatches(ctx, before); err != nil {
		return err
	}
	for _, c := range cases {
		if c.stage() == "REVISED" {
			if err := liepajaRevise(ctx, dl, c); err != nil {
				return err
			}
		}
	}
	if err := dl.recordBatches(ctx, after); err != nil {
		return err
	}
	for _, c := range cases {
		if c.stage() == "CLOSED" {
			if _, err := dl.svc.Plans.Step(ctx, c.rev.ID, c.rev.Version, domain.StepClose, nil, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// sideBySide runs f(0) to f(n-1), eight at a time, and returns the first error by index.
func sideBySide(n int, f func(i int) error) error {
	errs := make([]error, n)
	slots := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			errs[i] = f(i)
		})
	}
	wg.Wait()
	return errors.Join(slices.DeleteFunc(errs, func(err error) bool { return err == nil })...)
}

// liepajaDays are the days of a child's case before the plan: the application four months
// before the plan (in October 2020 at the latest), its acceptance ten days later, the
// assessment a week after that and completed three days later; and the plan's first and last.
func liepajaDays(c *liepajaCase) [6]time.Time {
	from := day(c.family.children[c.ci].from + "-01")
	submitted := from.AddDate(0, -4, c.n%17)
	if latest := day("2020-10-26"); submitted.After(latest) {
		submitted = latest.AddDate(0, 0, -c.n%9)
	}
	submitted = weekday(submitted)
	decided := weekday(submitted.AddDate(0, 0, 10))
	scheduled := weekday(decided.AddDate(0, 0, 7))
	return [6]time.Time{submitted, decided, scheduled, weekday(scheduled.AddDate(0, 0, 3)), from, from.AddDate(1, 0, -1)}
}

// liepajaRegister registers a family's children and parents (the first child with the
// family's parents, a sibling linked to them) and submits each child's application.
func liepajaRegister(ctx context.Context, dl *recorder, city int, kurzeme *domain.Project, cases []*liepajaCase) error {
	f := cases[0].family
	relation := func(father bool) domain.ParentRelation {
		switch f.living {
		case domain.LivingFosterFamily:
			return "FOSTER_PARENT"
		case domain.LivingGuardian:
			return "GUARDIAN"
		}
		if father {
			return "FATHER"
		}
		return "MOTHER"
	}
	var parents []*domain.Parent
	for _, c := range cases {
		lc := f.children[c.ci]
		n := liepajaCodeBase + c.n
		born := day(lc.born)
		d := domain.ChildData{FirstName: lc.first, LastName: f.last[1], BirthDate: born, Sex: domain.Sex(lc.sex), MunicipalityID: city,
			LivingArrangement: f.living, DisabilityFrom: &born}
		if lc.sex == "MALE" {
			d.LastName = f.last[0]
		}
		for _, k := range strings.Fields(lc.impairments) {
			d.Impairments = append(d.Impairments, domain.ImpairmentKind(k))
		}
		if c.ci == 0 {
			child, mother, err := family(ctx, dl, n, d, [2]string{f.mother, f.last[1]})
			if err != nil {
				return err
			}
			c.child, parents = child, []*domain.Parent{mother}
			if f.father != "" {
				phone := fmt.Sprintf("+371 2%07d", 6000000+(n-1)*6271)
				pd := domain.ParentData{PersonalCode: strp(fmt.Sprintf("329999-7%04d", n)), FirstName: f.father, LastName: f.last[0], Phone: &phone}
				father, _, err := dl.svc.Parents.Create(ctx, domain.ParentLink{ChildID: child.ID, Relation: relation(true), LegalRepresentative: true}, pd)
				if err != nil {
					return fmt.Errorf("father: %w", err)
				}
				parents = append(parents, father)
			}
		} else {
			d.PersonalCode = fmt.Sprintf("329999-9%04d", n)
			child, err := dl.svc.Children.Create(ctx, d)
			if err != nil {
				return err
			}
			for i, p := range parents {
				if _, err := dl.svc.Parents.Link(ctx, domain.ParentLink{ChildID: child.ID, ParentID: p.ID, Relation: relation(i == 1),
					LegalRepresentative: true}); err != nil {
					return fmt.Errorf("sibling's parent: %w", err)
				}
			}
			c.child = child
		}
		c.parents = parents
		app, err := dl.svc.Applications.Submit(ctx, domain.Application{ChildID: c.child.ID, ProjectID: kurzeme.ID, ApplicantID: &parents[0].ID,
			SubmittedOn: liepajaDays(c)[0]})
		if err != nil {
			return err
		}
		c.app = app
	}
	return nil
}

// liepajaPlan assesses a child whose application was accepted, takes their plan as far as
// the stage says, and draws the plan's deliveries: each line's sessions on working days of the
// part of the plan's year within the demo's year of Liepāja (liepajaFirst..liepajaLast), most
// of what the line plans for that part; the parents' sessions on the first child's plan (for
// both parents, in turns).
func liepajaPlan(ctx context.Context, dl *recorder, kurzeme *domain.Project, c *liepajaCase, piemers, tilts int,
	typeID map[string]int) error {
	rng := rand.New(rand.NewPCG(2020, uint64(c.n)))
	f, lc := c.family, c.family.children[c.ci]
	days := liepajaDays(c)
	from, to := days[4], days[5]
	services := strings.Fields(lc.services)
	var lines []domain.DraftLine
	var recommended []domain.Recommendation
	for _, s := range services {
		units := liepajaPlanned[s]
		if units == 0 {
			units = 10
		}
		lines = append(lines, domain.DraftLine{ServiceTypeID: typeID[liepajaCodes[s]], Recipient: domain.RecipientChild, ProviderID: &piemers,
			PlannedUnits: units})
	}
	who, parentService, _ := strings.Cut(f.parents, " ")
	if c.ci == 0 && who != "" {
		provider := tilts
		if parentService == "physio" {
			provider = piemers
		}
		units := 8 + rng.IntN(7)
		if who == "both" {
			units = 14 + rng.IntN(7)
		}
		lines = append(lines, domain.DraftLine{ServiceTypeID: typeID[liepajaCodes[parentService]], Recipient: domain.RecipientParents,
			ProviderID: &provider, PlannedUnits: units})
	}
	for _, l := range lines {
		recommended = append(recommended, domain.Recommendation{ServiceTypeID: l.ServiceTypeID, Recipient: l.Recipient, Units: l.PlannedUnits})
	}
	as, err := assess(ctx, dl, c.child.ID, piemers, days[2], days[3], recommended)
	if err != nil {
		return err
	}
	rev, err := dl.svc.Plans.Create(ctx, domain.NewPlan{AssessmentID: as.ID, ProjectID: kurzeme.ID, Kind: "SOCIAL_REHABILITATION",
		ValidFrom: from, ValidTo: to})
	if err != nil {
		return err
	}
	var goals []domain.PlanGoal
	for _, s := range services {
		if g, ok := liepajaGoals[s]; ok && len(goals) < 2 {
			goals = append(goals, domain.PlanGoal{Text: g[0], Indicator: g[1], TargetDate: &to, Status: "IN_PROGRESS"})
		}
	}
	c.draft = domain.DraftContent{ValidFrom: from, ValidTo: to, Goals: goals, Lines: lines, Budget: liepajaBudget(dl, lines, from)}
	if rev, err = dl.svc.Plans.UpdateDraft(ctx, rev.ID, rev.Version, c.draft); err != nil {
		return err
	}
	steps := []domain.PlanStep{domain.StepSubmit, domain.StepApprove, domain.StepActivate}
	if lc.stage == "APPROVED" {
		steps = steps[:2]
	}
	for _, st := range steps {
		if rev, err = dl.svc.Plans.Step(ctx, rev.ID, rev.Version, st, nil, nil); err != nil {
			return err
		}
	}
	c.rev = rev
	if lc.stage == "APPROVED" || lc.stage == "UNUSED" {
		return nil
	}

	first, last := from, to
	if first.Before(liepajaFirst) {
		first = liepajaFirst
	}
	if last.After(liepajaLast) {
		last = liepajaLast
	}
	part := float64(last.Sub(first)) / float64(to.Sub(from))
	if lc.stage == "REVISED" {
		mid := first.AddDate(0, 0, int(last.Sub(first).Hours()/48))
		c.revised = time.Date(mid.Year(), mid.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	for _, l := range rev.Lines {
		st := dl.types[l.ServiceTypeID]
		v := visit{plan: rev.PlanID, line: l.Key, units: 1, specialist: specialists[st.Code]}
		sessions := max(int(float64(l.PlannedUnits)*part*(0.65+0.3*rng.Float64())), 1)
		for i, date := range spread(first, last, sessions, rng) {
			if l.Recipient == domain.RecipientParents {
				v.parent = &c.parents[0].ID
				if who == "father" || who == "both" && i%2 == 1 {
					v.parent = &c.parents[1].ID
				}
			}
			v.date, v.note = date, nil
			if rng.IntN(8) == 0 {
				v.note = &liepajaNotes[rng.IntN(len(liepajaNotes))]
			}
			c.visits = append(c.visits, v)
		}
	}
	return nil
}

// liepajaBudget is an individual budget for lines: their sum at the prices of the plan's
// first day and 15 % for price changes, in whole hundreds of euros.
func liepajaBudget(dl *recorder, lines []domain.DraftLine, from time.Time) domain.Money {
	var total domain.Money
	for _, l := range lines {
		price, _ := domain.LinePrice(dl.types[l.ServiceTypeID], l.ProviderID, dl.prices, from)
		total += domain.Money(l.PlannedUnits) * price
	}
	return (total*115/100 + 9999) / 10000 * 10000
}

// liepajaRevise updates an active plan by a second revision from c.revised: ten physiotherapy
// sessions more on its first line (or more of its first service), the budget with them, the
// first goal achieved; approved, it takes the first revision's place as the active one.
func liepajaRevise(ctx context.Context, dl *recorder, c *liepajaCase) error {
	dl.clock.set(dl.today)
	rev, err := dl.svc.Plans.Step(ctx, c.rev.ID, c.rev.Version, domain.StepRevise, nil, nil)
	if err != nil {
		return err
	}
	draft := c.draft
	draft.Lines, draft.Goals = slices.Clone(draft.Lines), slices.Clone(draft.Goals)
	for i := range draft.Lines {
		draft.Lines[i].Key = rev.Lines[i].Key
	}
	for i := range draft.Goals {
		draft.Goals[i].Key = rev.Goals[i].Key
	}
	draft.Lines[0].PlannedUnits += 10
	draft.Goals[0].Status = "ACHIEVED"
	draft.Budget = liepajaBudget(dl, draft.Lines, draft.ValidFrom)
	if rev, err = dl.svc.Plans.UpdateDraft(ctx, rev.ID, rev.Version, draft); err != nil {
		return err
	}
	for _, st := range []domain.PlanStep{domain.StepSubmit, domain.StepApprove} {
		if rev, err = dl.svc.Plans.Step(ctx, rev.ID, rev.Version, st, nil, nil); err != nil {
			return err
		}
	}
	c.rev = rev
	return nil
}

// weekday moves a Saturday or Sunday to the Monday after.
func weekday(d time.Time) time.Time {
	switch d.Weekday() {
	case time.Saturday:
		return d.AddDate(0, 0, 2)
	case time.Sunday:
		return d.AddDate(0, 0, 1)
	}
	return d
}

// recordBatches records visits as batches of the API's recordDeliveries (one transaction per
// fifty deliveries, each child's facts read once), each child's in date order, four batches
// side by side; like record, it keeps what it recorded in r.done, in the visits' order of
// children.
func (r *recorder) recordBatches(ctx context.Context, visits []visit) error {
	r.clock.set(r.today)
	var order []int // the plans in their first visit's order
	byPlan := map[int][]visit{}
	for _, v := range visits {
		if _, ok := byPlan[v.plan]; !ok {
			order = append(order, v.plan)
		}
		byPlan[v.plan] = append(byPlan[v.plan], v)
	}
	var batches [][]service.BatchItem
	var batch []service.BatchItem
	for _, plan := range order {
		vs := byPlan[plan]
		slices.SortStableFunc(vs, func(a, b visit) int { return a.date.Compare(b.date) })
		if len(batch)+len(vs) > domain.MaxBatch && len(batch) > 0 {
			batches, batch = append(batches, batch), nil
		}
		for _, v := range vs {
			batch = append(batch, service.BatchItem{Input: domain.DeliveryInput{PlanID: v.plan, LineKey: v.line, Date: v.date, Units: v.units,
				ParentID: v.parent, ProviderID: v.provider, SpecialistName: v.specialist, Note: v.note}})
			if len(batch) == domain.MaxBatch {
				batches, batch = append(batches, batch), nil
			}
		}
	}
	if len(batch) > 0 {
		batches = append(batches, batch)
	}
	done := make([][]*domain.Delivery, len(batches))
	errs := make([]error, len(batches))
	slots := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, b := range batches {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			ds, itemErrs, _, err := r.svc.Deliveries.RecordBatch(ctx, b)
			for k, e := range itemErrs {
				if e != nil && err == nil {
					in := b[k].Input
					err = fmt.Errorf("delivery of plan %d on %s: %w", in.PlanID, in.Date.Format(domain.DateLayout), e)
				}
			}
			done[i], errs[i] = ds, err
		})
	}
	wg.Wait()
	for i := range batches {
		if errs[i] != nil {
			return errs[i]
		}
		r.done = append(r.done, done[i]...)
	}
	return nil
}

// liepajaChildren is the number of children of liepajaFamilies.
func liepajaChildren() int {
	n := 0
	for _, f := range liepajaFamilies {
		n += len(f.children)
	}
	return n
}
