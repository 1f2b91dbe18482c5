package server

import (
	"fmt"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// The cases of the authorization matrix (access_test.go): for each operation, how a role
// runs it against the inside or outside object.

var cases = map[string]matrixCase{
	"node": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		id := gid("User", f.target(role, in).ID)
		r := a.do(f.as(role), `query($id: ID!) { node(id: $id) { id ... on User { name } } }`, map[string]any{"id": id})
		return outcome(a.t, r, contains(r, id))
	},
	"regions": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ regions { code } }`, nil)
		return outcome(a.t, r, contains(r, "KURZEME"))
	},
	"municipalities": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ municipalities(filter: {nameContains: "Liep"}) { edges { node { name } } } }`, nil)
		return outcome(a.t, r, contains(r, "Liepāja"))
	},
	"serviceTypes": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ serviceTypes { code } }`, nil)
		return outcome(a.t, r, contains(r, "PHYSIOTHERAPY"))
	},
	"authProviders": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ authProviders { name startUrl } }`, nil)
		return outcome(a.t, r, contains(r, `"authProviders":[]`)) // the test API has no provider
	},
	"me": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `{ me { id } }`, nil)
		return outcome(a.t, r, contains(r, gid("User", f.self(role).ID)))
	},
	"users": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		u := f.target(role, in)
		r := a.do(f.as(role), `query($s: String) { users(filter: {search: $s}) { edges { node { id email } } } }`, map[string]any{"s": u.Email})
		return outcome(a.t, r, contains(r, gid("User", u.ID)))
	},
	"providers": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		p := f.p1
		if !in {
			p = f.p2
		}
		r := a.do(f.as(role), `{ providers { edges { node { id } } } }`, nil)
		return outcome(a.t, r, contains(r, p))
	},
	"auditEvents": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		// The creation of a Liepāja worker is a Kurzeme event; of the outside user, a Latgale one.
		u := f.users["MUNICIPALITY_WORKER"]
		if !in {
			u = f.outside
		}
		r := a.do(f.as(role), `query($id: ID!) { auditEvents(filter: {entityId: $id, action: CREATE}) { edges { node { id entityId } } } }`,
			map[string]any{"id": gid("User", u.ID)})
		return outcome(a.t, r, contains(r, gid("User", u.ID)))
	},
	"signIn": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		password := testPassword
		if !in {
			password = "a wrong password"
		}
		_, r := a.signIn(f.users[role].Email, password, "")
		return outcome(a.t, r, contains(r, gid("User", f.users[role].ID)))
	},
	"signOut": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		return outcome(a.t, a.do(f.as(role), `mutation { signOut { ok } }`, nil), nil)
	},
	"changePassword": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		current := testPassword
		if !in {
			current = "not the password"
		}
		// The current password is checked under the sign-in throttle: each role from its own
		// address, so that the wrong ones of the other roles (and cases) do not add up on one.
		c := f.as(role)
		f.counter++
		c.address = fmt.Sprintf("198.51.100.%d:1", f.counter%250+1)
		r := a.do(c, `mutation($c: String!, $n: String!) { changePassword(input: {currentPassword: $c, newPassword: $n}) { user { id } } }`,
			map[string]any{"c": current, "n": testPassword})
		return outcome(a.t, r, nil)
	},
	"createUser": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		m := a.municipalityID("Liepāja")
		if !in {
			m = a.municipalityID("Rēzeknes novads")
		}
		email := f.unique("created") + "@matrix.example"
		r := a.do(f.as(role), `mutation($e: String!, $m: ID!, $p: String!) { createUser(input: {email: $e, name: "Jauns Lietotājs",
			role: MUNICIPALITY_WORKER, municipalityIds: [$m], password: $p}) { user { email } } }`,
			map[string]any{"e": email, "m": gid("Municipality", m), "p": testPassword})
		return outcome(a.t, r, contains(r, email))
	},
	"updateUser": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		u := f.target(role, in)
		current, err := a.s.ActiveUser(fixtureCtx(), u.ID)
		if err != nil {
			a.t.Fatal(err)
		}
		vars := map[string]any{"id": gid("User", u.ID), "v": current.Version, "role": string(current.Role)}
		var ms []string
		for _, m := range current.MunicipalityIDs {
			ms = append(ms, gid("Municipality", m))
		}
		vars["ms"] = ms
		if current.RegionID != nil {
			vars["region"] = gid("PlanningRegion", *current.RegionID)
		}
		if current.ProviderID != nil {
			vars["provider"] = gid("Provider", *current.ProviderID)
		}
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $role: Role!, $ms: [ID!], $region: ID, $provider: ID) {
			updateUser(input: {id: $id, version: $v, name: "Pārdēvēts", role: $role, municipalityIds: $ms, regionId: $region, providerId: $provider}) { user { id } } }`, vars)
		return outcome(a.t, r, nil)
	},
	"setUserActive": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		u := f.target(role, in)
		r := a.do(f.as(role), `mutation($id: ID!) { setUserActive(input: {id: $id, active: true}) { user { active } } }`,
			map[string]any{"id": gid("User", u.ID)})
		return outcome(a.t, r, nil)
	},
	"resetUserPassword": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		u := f.target(role, in)
		r := a.do(f.as(role), `mutation($id: ID!, $p: String!) { resetUserPassword(input: {id: $id, password: $p}) { user { id } } }`,
			map[string]any{"id": gid("User", u.ID), "p": testPassword})
		if r.code() == "" && u.ID == f.users[role].ID { // a reset revokes the user's tokens: the caller's own too
			f.tokens[role], _ = a.token(u)
		}
		return outcome(a.t, r, nil)
	},
	"createApiToken": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		vars := map[string]any{}
		if !in {
			vars["u"] = gid("User", f.outside.ID)
		}
		r := a.do(f.as(role), `mutation($u: ID) { createApiToken(input: {name: "matrix", expiresInDays: 1, userId: $u}) { secret } }`, vars)
		return outcome(a.t, r, nil)
	},
	"revokeApiToken": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		owner := f.outside
		if in && role != anonymous {
			owner = f.users[role]
		}
		_, tok := a.token(owner) // a spare token: never the one the role calls with
		r := a.do(f.as(role), `mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { revokedAt } } }`,
			map[string]any{"id": gid("ApiToken", tok.ID)})
		return outcome(a.t, r, nil)
	},

	// The case registry.
	"projects": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		id := gid("Project", f.c.project[side(in)].ID)
		r := a.do(f.as(role), `{ projects(first: 100) { edges { node { id } } } }`, nil)
		return outcome(a.t, r, contains(r, id))
	},
	"children": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.child[side(in)]
		r := a.do(f.as(role), `query($m: ID!) { children(filter: {municipalityId: $m, livingArrangement: GUARDIAN}, first: 100) {
			edges { node { id } } } }`, map[string]any{"m": gid("Municipality", c.MunicipalityID)})
		return outcome(a.t, r, contains(r, gid("Child", c.ID)))
	},
	"possibleDuplicateChildren": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.child[side(in)]
		r := a.do(f.as(role), `query($b: Date!, $f: String, $l: String) {
			possibleDuplicateChildren(input: {birthDate: $b, firstName: $f, lastName: $l}) { id } }`,
			map[string]any{"b": c.BirthDate.Format(domain.DateLayout), "f": c.FirstName, "l": c.LastName})
		return outcome(a.t, r, contains(r, gid("Child", c.ID)))
	},
	"parents": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		p := f.c.parent[side(in)]
		r := a.do(f.as(role), `query($s: String) { parents(filter: {search: $s}) { edges { node { id } } } }`,
			map[string]any{"s": p.LastName})
		return outcome(a.t, r, contains(r, gid("Parent", p.ID)))
	},
	"applications": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		app := f.c.app[side(in)]
		r := a.do(f.as(role), `query($p: ID) { applications(filter: {projectId: $p, status: ACCEPTED}, first: 100) { edges { node { id } } } }`,
			map[string]any{"p": gid("Project", app.ProjectID)})
		return outcome(a.t, r, contains(r, gid("Application", app.ID)))
	},
	"assessments": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		as := f.c.assessment[side(in)]
		r := a.do(f.as(role), `query($c: ID) { assessments(filter: {childId: $c, status: COMPLETED}, first: 100) { edges { node { id } } } }`,
			map[string]any{"c": gid("Child", as.ChildID)})
		return outcome(a.t, r, contains(r, gid("Assessment", as.ID)))
	},
	"supportPlans": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.child[side(in)]
		id := gid("SupportPlan", f.c.plan[side(in)].PlanID)
		r := a.do(f.as(role), `query($c: ID) { supportPlans(filter: {childId: $c, status: ACTIVE}, first: 100) { edges { node { id } } } }`,
			map[string]any{"c": gid("Child", c.ID)})
		return outcome(a.t, r, contains(r, id))
	},
	"createProvider": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `mutation($n: String!) { createProvider(input: {name: "Jauns sniedzējs", registrationNumber: $n}) { provider { id } } }`,
			map[string]any{"n": fmt.Sprintf("REG-%d", f.c.next())})
		return outcome(a.t, r, nil)
	},
	"setProviderPrice": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		p := f.p1
		if !in {
			p = f.p2
		}
		from := fixture.Day("2020-01-01").AddDate(0, 0, f.c.next())
		r := a.do(f.as(role), `mutation($p: ID!, $s: ID!, $d: Date!) { setProviderPrice(input: {providerId: $p, serviceTypeId: $s,
			unitPrice: "31.50", validFrom: $d}) { provider { id } } }`,
			map[string]any{"p": p, "s": gid("ServiceType", f.c.fix.Service["PHYSIOTHERAPY"].ID), "d": from.Format(domain.DateLayout)})
		return outcome(a.t, r, nil)
	},
	"createProject": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		r := a.do(f.as(role), `mutation($c: String!, $r: ID!, $m: ID!) { createProject(input: {code: $c, name: "Jauns projekts",
			leadRegionId: $r, startDate: "2020-01-01", endDate: "2030-12-31", totalBudget: "1000000.00",
			fundingSources: [{code: ESF, sharePercent: "85"}, {code: STATE_BUDGET, sharePercent: "15"}], partnerMunicipalityIds: [$m],
			targets: [{group: CHILDREN_SERVED, count: 10}], capRules: [{kind: CHILD_SESSIONS, validFrom: "2020-01-01", limit: 40}]}) { project { id } } }`,
			map[string]any{"c": fmt.Sprintf("NEW/%d", f.c.next()), "r": gid("PlanningRegion", a.regionID(f.c.lead[i])),
				"m": gid("Municipality", f.c.municipality[i])})
		return outcome(a.t, r, nil)
	},
	"addProjectCapRule": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		from := fixture.Day("2021-01-01").AddDate(0, 0, f.c.next())
		r := a.do(f.as(role), `mutation($p: ID!, $d: Date!) { addProjectCapRule(input: {projectId: $p,
			rule: {kind: CHILD_SESSIONS, validFrom: $d, limit: 100}}) { project { id } } }`,
			map[string]any{"p": gid("Project", f.c.project[side(in)].ID), "d": from.Format(domain.DateLayout)})
		return outcome(a.t, r, nil)
	},
	"createChild": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		d := f.c.fix.ChildData(f.c.municipality[side(in)])
		c := &domain.Child{PersonalCode: domain.PersonalCode(d.PersonalCode), FirstName: d.FirstName, LastName: d.LastName, BirthDate: d.BirthDate,
			Sex: d.Sex, MunicipalityID: d.MunicipalityID, LivingArrangement: d.LivingArrangement, DisabilityFrom: d.DisabilityFrom,
			Impairments: d.Impairments}
		r := a.do(f.as(role), `mutation($c: ChildInput!) { createChild(input: {child: $c}) { child { id } } }`,
			map[string]any{"c": childInput(c)})
		return outcome(a.t, r, nil)
	},
	"updateChild": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.fix.ChildNow(f.c.child[side(in)].ID)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $c: ChildInput!) { updateChild(input: {id: $id, version: $v, child: $c}) { child { id } } }`,
			map[string]any{"id": gid("Child", c.ID), "v": c.Version, "c": childInput(c)})
		return outcome(a.t, r, nil)
	},
	"createParent": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `mutation($c: ID!) { createParent(input: {childId: $c, relation: FATHER, legalRepresentative: true,
			parent: {firstName: "Jānis", lastName: "Tēvs", phone: "+371 20000000"}}) { parent { id } } }`,
			map[string]any{"c": gid("Child", f.c.child[side(in)].ID)})
		return outcome(a.t, r, nil)
	},
	"updateParent": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		p, err := a.s.ParentInScope(fixtureCtx(), f.c.fix.All, f.c.parent[side(in)].ID)
		f.c.fix.Must(err)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $l: String!) { updateParent(input: {id: $id, version: $v,
			parent: {firstName: "Ilze", lastName: $l, email: "ilze@example.lv"}}) { parent { id } } }`,
			map[string]any{"id": gid("Parent", p.ID), "v": p.Version, "l": p.LastName})
		return outcome(a.t, r, nil)
	},
	"linkParent": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		p := f.c.fix.Parent(f.c.sibling[i].ID) // the sibling's parent, seen through the sibling
		r := a.do(f.as(role), `mutation($c: ID!, $p: ID!) { linkParent(input: {childId: $c, parentId: $p, relation: MOTHER,
			legalRepresentative: true}) { child { id } } }`, map[string]any{"c": gid("Child", f.c.child[i].ID), "p": gid("Parent", p.ID)})
		return outcome(a.t, r, nil)
	},
	"unlinkParent": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.child[side(in)]
		p := f.c.fix.Parent(c.ID)
		r := a.do(f.as(role), `mutation($c: ID!, $p: ID!) { unlinkParent(input: {childId: $c, parentId: $p}) { child { id } } }`,
			map[string]any{"c": gid("Child", c.ID), "p": gid("Parent", p.ID)})
		return outcome(a.t, r, nil)
	},
	"submitApplication": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		r := a.do(f.as(role), `mutation($c: ID!, $p: ID!) { submitApplication(input: {childId: $c, projectId: $p, submittedOn: "2021-03-01"}) {
			application { id } } }`, map[string]any{"c": gid("Child", f.c.child[i].ID), "p": gid("Project", f.c.project[i].ID)})
		return outcome(a.t, r, nil)
	},
	"acceptApplication": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		// A project of its own: the child is enrolled in the matrix project already.
		i := side(in)
		p := f.c.fix.Project(f.c.lead[i], f.c.municipality[i])
		return decideApplication(a, f, role, "acceptApplication", f.c.fix.Application(f.c.child[i].ID, p.ID), nil)
	},
	"rejectApplication": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		return decideApplication(a, f, role, "rejectApplication", f.c.fix.Application(f.c.child[i].ID, f.c.project[i].ID), fixture.Ptr("Nav dokumentu"))
	},
	"withdrawApplication": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		return decideApplication(a, f, role, "withdrawApplication", f.c.fix.Application(f.c.child[i].ID, f.c.project[i].ID), nil)
	},
	"scheduleAssessment": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		r := a.do(f.as(role), `mutation($c: ID!, $p: ID!) { scheduleAssessment(input: {childId: $c, providerId: $p, scheduledOn: "2021-05-01",
			team: [{name: "Dace Ozola", specialty: PSYCHOLOGIST}]}) { assessment { id } } }`,
			map[string]any{"c": gid("Child", f.c.child[i].ID), "p": gid("Provider", f.c.provider[i])})
		return outcome(a.t, r, nil)
	},
	"recordAssessment": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		as := f.c.fix.Assessment(f.c.child[i].ID, f.c.provider[i], false, false)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $s: ID!) { recordAssessment(input: {id: $id, version: $v,
			team: [{name: "Dace Ozola", specialty: PHYSIOTHERAPIST}], findings: [{area: MOBILITY, qualifier: 2, note: "ar atbalstu"}],
			recommendations: [{serviceTypeId: $s, recipient: CHILD, units: 10}]}) { assessment { id } } }`,
			map[string]any{"id": gid("Assessment", as.ID), "v": as.Version, "s": gid("ServiceType", f.c.fix.Service["PHYSIOTHERAPY"].ID)})
		return outcome(a.t, r, nil)
	},
	"completeAssessment": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		as := f.c.fix.Assessment(f.c.child[i].ID, f.c.provider[i], true, false)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!) { completeAssessment(input: {id: $id, version: $v, completedOn: "2021-02-02"}) {
			assessment { id } } }`, map[string]any{"id": gid("Assessment", as.ID), "v": as.Version})
		return outcome(a.t, r, nil)
	},
	"cancelAssessment": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		as := f.c.fix.Assessment(f.c.child[i].ID, f.c.provider[i], false, false)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!) { cancelAssessment(input: {id: $id, version: $v, reason: "Slimība"}) {
			assessment { id } } }`, map[string]any{"id": gid("Assessment", as.ID), "v": as.Version})
		return outcome(a.t, r, nil)
	},
	"createSupportPlan": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		r := a.do(f.as(role), `mutation($a: ID!, $p: ID!) { createSupportPlan(input: {assessmentId: $a, projectId: $p, kind: SOCIAL_REHABILITATION,
			validFrom: "2026-01-01", validTo: "2026-12-31", budget: "500.00"}) { revision { id } } }`,
			map[string]any{"a": gid("Assessment", f.c.assessment[i].ID), "p": gid("Project", f.c.project[i].ID)})
		return outcome(a.t, r, nil)
	},
	"updatePlanDraft": func(a *testAPI, f *matrixFixture, role string, in bool) string {
		rev := f.c.freshPlan(in, domain.PlanDraft)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $s: ID!) { updatePlanDraft(input: {revisionId: $id, version: $v,
			validFrom: "2026-01-01", validTo: "2026-12-31", budget: "900.00",
			goals: [{text: "Runāt teikumos", indicator: "5 vārdu teikumi", status: IN_PROGRESS}],
			lines: [{serviceTypeId: $s, recipient: CHILD, plannedUnits: 12}]}) { revision { id } } }`,
			map[string]any{"id": gid("PlanRevision", rev.ID), "v": rev.Version, "s": gid("ServiceType", f.c.fix.Service["PHYSIOTHERAPY"].ID)})
		return outcome(a.t, r, nil)
	},
	"submitPlan":   planStep("submitPlan", domain.PlanDraft, nil),
	"approvePlan":  planStep("approvePlan", domain.PlanSubmitted, nil),
	"returnPlan":   planStep("returnPlan", domain.PlanSubmitted, fixture.Ptr("Precizēt mērķus")),
	"activatePlan": planStep("activatePlan", domain.PlanApproved, nil),
	"closePlan":    planStep("closePlan", domain.PlanActive, nil),
	"revisePlan":   planStep("revisePlan", domain.PlanActive, nil),
}

// decideApplication runs an application decision as role.
func decideApplication(a *testAPI, f *matrixFixture, role, mutation string, app *domain.Application, reason *string) string {
	r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $r: String) { `+mutation+`(input: {id: $id, version: $v, reason: $r}) {
		application { id } } }`, map[string]any{"id": gid("Application", app.ID), "v": app.Version, "r": reason})
	return outcome(a.t, r, nil)
}

// planStep is the case of a plan workflow mutation on a fresh plan in the status the step needs.
func planStep(mutation string, from domain.PlanStatus, comment *string) matrixCase {
	return func(a *testAPI, f *matrixFixture, role string, in bool) string {
		rev := f.c.freshPlan(in, from)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $c: String) { `+mutation+`(input: {revisionId: $id, version: $v, comment: $c}) {
			revision { id } } }`, map[string]any{"id": gid("PlanRevision", rev.ID), "v": rev.Version, "c": comment})
		return outcome(a.t, r, nil)
	}
}
