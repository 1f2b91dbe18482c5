package server

import (
	"encoding/json"
	"fmt"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// The authorization matrix rows of deliveries and claims. Inside: a delivery of p1 on the
// Liepāja child's active plan and a claim of Liepāja on the Kurzeme-led project; outside: the
// same for the Rēzeknes novads child (p2) and the Latgale-led project.

var (
	// deliveryWrite: the municipality's workers and the line's provider's specialists record
	// and correct; those who see the child otherwise may not, the others do not find it.
	deliveryWrite = expect("denied/denied", "ok/ok", "denied/denied", "denied/hidden", "ok/hidden", "denied/hidden", "ok/hidden")
	// claimWork: a municipality's claims are prepared by its workers; a municipality that is not
	// theirs is refused (there is no object to hide).
	claimWork = expect("denied/denied", "ok/ok", "denied/denied", "denied/denied", "ok/denied", "denied/denied", "denied/denied")
	// claimDecision: the coordinator of the project's lead region decides; others who see the
	// claim may not; assessors and specialists have no part in claims.
	claimDecision = expect("denied/denied", "ok/ok", "denied/denied", "ok/hidden", "denied/hidden", "denied/denied", "denied/denied")
	// claimRead: claims hold sums, not names: the analyst reads them all.
	claimRead = expect("denied/denied", "ok/ok", "ok/ok", "ok/hidden", "ok/hidden", "denied/denied", "denied/denied")
)

func init() {
	rows := map[string]map[string]string{
		"deliveries": caseRead, "recordDelivery": deliveryWrite, "recordDeliveries": deliveryWrite, "correctDelivery": deliveryWrite,
		"verifyDeliveries": caseEdit, "rejectDelivery": caseEdit, "claimPreview": claimWork, "submitClaim": claimWork,
		"claims": claimRead, "approveClaim": claimDecision, "rejectClaim": claimDecision, "markClaimPaid": claimDecision,
	}
	for op, row := range rows {
		matrix[op] = row
	}
	nodeMatrix["ServiceDelivery"] = caseRead
	nodeMatrix["CompensationClaim"] = expect("denied/denied", "ok/ok", "ok/ok", "ok/hidden", "ok/hidden", "hidden/hidden", "hidden/hidden")
	nodeIDs = func(f *matrixFixture, typ string, in bool) (int, bool) {
		switch typ {
		case "ServiceDelivery":
			return f.c.freshDelivery(in, false).ID, true
		case "CompensationClaim":
			return f.c.freshClaim(in, domain.ClaimSubmitted).ID, true
		}
		return 0, false
	}

	cases["deliveries"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		d := f.c.freshDelivery(in, false)
		id := gid("ServiceDelivery", d.ID)
		r := a.do(f.as(role), `query($p: ID) { deliveries(filter: {planId: $p}) { edges { node { id } } } }`,
			map[string]any{"p": gid("SupportPlan", d.PlanID)})
		return outcome(a.t, r, contains(r, id))
	}
	cases["recordDelivery"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `mutation($in: RecordDeliveryInput!) { recordDelivery(input: $in) { delivery { id } } }`,
			map[string]any{"in": f.c.deliveryInput(f, in)})
		return outcome(a.t, r, nil)
	}
	cases["recordDeliveries"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		r := a.do(f.as(role), `mutation($in: [RecordDeliveryInput!]!) { recordDeliveries(input: {deliveries: $in}) {
			results { delivery { id } error { code } } } }`, map[string]any{"in": []any{f.c.deliveryInput(f, in)}})
		if r.code() != "" {
			return outcome(a.t, r, nil)
		}
		// The batch answers; its item carries the code a single record would have given.
		var data struct {
			RecordDeliveries struct {
				Results []struct{ Error *struct{ Code string } }
			}
		}
		if err := json.Unmarshal(r.Data, &data); err != nil {
			a.t.Fatal(err)
		}
		if e := data.RecordDeliveries.Results[0].Error; e != nil {
			r.Errors = append(r.Errors, struct {
				Message    string         `json:"message"`
				Extensions map[string]any `json:"extensions"`
			}{Message: "batch item", Extensions: map[string]any{"code": e.Code}})
		}
		return outcome(a.t, r, nil)
	}
	cases["correctDelivery"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		d := f.c.freshDelivery(in, false)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!) { correctDelivery(input: {deliveryId: $id, version: $v, date: "2026-03-03",
			units: 1, reason: "Datums"}) { delivery { id } } }`, map[string]any{"id": gid("ServiceDelivery", d.ID), "v": d.Version})
		return outcome(a.t, r, nil)
	}
	cases["verifyDeliveries"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		d := f.c.freshDelivery(in, false)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!) { verifyDeliveries(input: {deliveries: [{deliveryId: $id, version: $v}]}) {
			deliveries { id } } }`, map[string]any{"id": gid("ServiceDelivery", d.ID), "v": d.Version})
		return outcome(a.t, r, nil)
	}
	cases["rejectDelivery"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		d := f.c.freshDelivery(in, false)
		r := a.do(f.as(role), `mutation($id: ID!, $v: Int!) { rejectDelivery(input: {deliveryId: $id, version: $v, reason: "Nenotika"}) {
			delivery { id } } }`, map[string]any{"id": gid("ServiceDelivery", d.ID), "v": d.Version})
		return outcome(a.t, r, nil)
	}
	cases["claimPreview"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		r := a.do(f.as(role), `query($m: ID!, $p: ID!) { claimPreview(input: {municipalityId: $m, projectId: $p, periodFrom: "2026-01-01",
			periodTo: "2026-03-31"}) { total } }`, map[string]any{"m": gid("Municipality", f.c.municipality[i]), "p": gid("Project", f.c.project[i].ID)})
		return outcome(a.t, r, nil)
	}
	cases["submitClaim"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		i := side(in)
		f.c.freshDelivery(in, true)
		r := a.do(f.as(role), `mutation($m: ID!, $p: ID!, $k: String!) { submitClaim(input: {idempotencyKey: $k, municipalityId: $m,
			projectId: $p, periodFrom: "2026-01-01", periodTo: "2026-03-31"}) { claim { id } } }`,
			map[string]any{"m": gid("Municipality", f.c.municipality[i]), "p": gid("Project", f.c.project[i].ID), "k": f.c.uuid()})
		return outcome(a.t, r, nil)
	}
	cases["claims"] = func(a *testAPI, f *matrixFixture, role string, in bool) string {
		c := f.c.freshClaim(in, domain.ClaimSubmitted)
		id := gid("CompensationClaim", c.ID)
		r := a.do(f.as(role), `{ claims(first: 100) { edges { node { id } } } }`, nil)
		return outcome(a.t, r, contains(r, id))
	}
	claimStep := func(mutation string, from domain.ClaimStatus, reason *string) matrixCase {
		return func(a *testAPI, f *matrixFixture, role string, in bool) string {
			c := f.c.freshClaim(in, from)
			r := a.do(f.as(role), `mutation($id: ID!, $v: Int!, $r: String) { `+mutation+`(input: {claimId: $id, version: $v, reason: $r}) {
				claim { id } } }`, map[string]any{"id": gid("CompensationClaim", c.ID), "v": c.Version, "r": reason})
			return outcome(a.t, r, nil)
		}
	}
	cases["approveClaim"] = claimStep("approveClaim", domain.ClaimSubmitted, nil)
	cases["rejectClaim"] = claimStep("rejectClaim", domain.ClaimSubmitted, fixture.Ptr("Trūkst dokumentu"))
	cases["markClaimPaid"] = claimStep("markClaimPaid", domain.ClaimApproved, nil)
}

// uuid is a fresh idempotency key.
func (m *matrixCases) uuid() string {
	return fmt.Sprintf("00000000-0000-4000-9000-%012d", m.next())
}

// deliveryInput is a recordDelivery input for a fresh active plan of the inside or outside child.
func (m *matrixCases) deliveryInput(f *matrixFixture, in bool) map[string]any {
	rev := m.freshPlan(in, domain.PlanActive)
	return map[string]any{"idempotencyKey": m.uuid(), "planId": gid("SupportPlan", rev.PlanID), "lineKey": rev.Lines[0].Key,
		"date": "2026-03-02", "units": 1}
}

// freshDelivery records a delivery on a fresh active plan of the inside or outside child, by
// the plan's provider; verified verifies it too.
func (m *matrixCases) freshDelivery(in, verified bool) *domain.Delivery {
	f := m.fix
	rev := m.freshPlan(in, domain.PlanActive)
	d, err := f.Svc.Deliveries.Record(f.Ctx, nil, domain.DeliveryInput{PlanID: rev.PlanID, LineKey: rev.Lines[0].Key,
		Date: fixture.Day("2026-03-02"), Units: 1, SpecialistName: "Dace Ozola"})
	f.Must(err)
	if verified {
		ds, err := f.Svc.Deliveries.Verify(f.Ctx, []domain.DeliveryRef{{ID: d.ID, Version: d.Version}})
		f.Must(err)
		d = ds[0]
	}
	return d
}

// freshClaim submits a claim of the inside or outside municipality over a fresh verified
// delivery and takes it to status.
func (m *matrixCases) freshClaim(in bool, status domain.ClaimStatus) *domain.Claim {
	f := m.fix
	i := side(in)
	m.freshDelivery(in, true)
	c, err := f.Svc.Claims.Submit(f.Ctx, nil, domain.ClaimPeriod{MunicipalityID: m.municipality[i], ProjectID: m.project[i].ID,
		From: fixture.Day("2026-01-01"), To: fixture.Day("2026-03-31")})
	f.Must(err)
	if status == domain.ClaimApproved {
		c, err = f.Svc.Claims.Step(f.Ctx, c.ID, c.Version, domain.ClaimStepApprove, nil)
		f.Must(err)
	}
	return c
}
