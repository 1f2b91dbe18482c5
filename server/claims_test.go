package server

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"atbalsts/domain"
	"atbalsts/fixture"
)

type claimData struct {
	ID            string
	Status        string
	Version       int
	Total         string
	DeliveryCount int
	ChildCount    int
	ByServiceType []struct {
		Units       int
		Amount      string
		ServiceType struct{ Code string }
	}
	ByFundingSource []struct{ Code, SharePercent, Amount string }
	RejectReason    *string
	Deliveries      struct{ TotalCount int }
}

const claimFields = `id status version total deliveryCount childCount byServiceType { units amount serviceType { code } }
	byFundingSource { code sharePercent amount } rejectReason deliveries { totalCount }`

func (w *deliveryWorld) submitClaim(c caller, from, to string) gqlResponse {
	return w.a.do(c, `mutation($m: ID!, $p: ID!, $k: String!, $f: Date!, $t: Date!) { submitClaim(input: {idempotencyKey: $k,
		municipalityId: $m, projectId: $p, periodFrom: $f, periodTo: $t}) { claim { `+claimFields+` } } }`,
		map[string]any{"m": gid("Municipality", w.liepaja), "p": gid("Project", w.project.ID), "k": w.key(), "f": from, "t": to})
}

func (w *deliveryWorld) decideClaim(c caller, mutation string, cl claimData, reason *string) gqlResponse {
	return w.a.do(c, `mutation($id: ID!, $v: Int!, $r: String) { `+mutation+`(input: {claimId: $id, version: $v, reason: $r}) {
		claim { `+claimFields+` } } }`, map[string]any{"id": cl.ID, "v": cl.Version, "r": reason})
}

func claimOf(t *testing.T, r gqlResponse, mutation string) claimData {
	t.Helper()
	var data map[string]struct{ Claim claimData }
	r.decode(t, &data)
	return data[mutation].Claim
}

func (w *deliveryWorld) delivery(t *testing.T, id string) deliveryData {
	t.Helper()
	var data struct{ Node deliveryData }
	w.a.do(w.worker, `query($id: ID!) { node(id: $id) { ... on ServiceDelivery { `+deliveryFields+` } } }`, map[string]any{"id": id}).decode(t, &data)
	return data.Node
}

func (w *deliveryWorld) verify(t *testing.T, ds ...deliveryData) {
	t.Helper()
	var refs []map[string]any
	for _, d := range ds {
		refs = append(refs, map[string]any{"deliveryId": d.ID, "version": d.Version})
	}
	r := w.a.do(w.worker, `mutation($d: [DeliveryRefInput!]!) { verifyDeliveries(input: {deliveries: $d}) { deliveries { id status } } }`,
		map[string]any{"d": refs})
	if r.code() != "" {
		t.Fatalf("verify: %+v", r.Errors)
	}
}

func TestDeliveryLifecycleAndClaimLocks(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 1000000, line{"PHYSIOTHERAPY", "CHILD", 50}, line{"SPEECH_THERAPY", "CHILD", 50})
	a := w.recordOK(t, w.specialist, plan, keys[0], "2026-03-02", 2, nil)
	b := w.recordOK(t, w.specialist, plan, keys[1], "2026-03-03", 1, nil)
	c := w.recordOK(t, w.specialist, plan, keys[0], "2026-03-04", 1, nil)

	// The coordinator and the specialist do not verify; the worker does.
	r := w.a.do(w.coordinator, `mutation($d: [DeliveryRefInput!]!) { verifyDeliveries(input: {deliveries: $d}) { deliveries { id } } }`,
		map[string]any{"d": []map[string]any{{"deliveryId": a.ID, "version": a.Version}}})
	wantError(t, r, "FORBIDDEN", "")
	w.verify(t, a, b)
	a = w.delivery(t, a.ID)

	// Correcting a verified delivery keeps what was there and sends it back to RECORDED.
	r = w.a.do(w.worker, `mutation($id: ID!, $v: Int!) { correctDelivery(input: {deliveryId: $id, version: $v, date: "2026-03-02", units: 3,
		reason: "Ierakstīts par maz"}) { delivery { `+deliveryFields+` } } }`, map[string]any{"id": a.ID, "v": a.Version})
	var corrected struct {
		CorrectDelivery struct{ Delivery deliveryData }
	}
	r.decode(t, &corrected)
	a = corrected.CorrectDelivery.Delivery
	if a.Units != 3 || a.Status != "RECORDED" || len(a.Corrections) != 1 || a.Corrections[0].Units != 2 ||
		a.Corrections[0].Status != "VERIFIED" || a.Corrections[0].Amount != "60.00" || a.Corrections[0].Reason != "Ierakstīts par maz" {
		t.Errorf("corrected delivery %+v, want 3 units RECORDED with the 2 verified units kept", a)
	}
	w.verify(t, a)
	a = w.delivery(t, a.ID)

	// The claim takes the verified deliveries of the period (a and b), not the recorded c.
	var preview struct {
		ClaimPreview struct {
			Total                          string
			DeliveryCount, UnverifiedCount int
		}
	}
	w.a.do(w.worker, `query($m: ID!, $p: ID!) { claimPreview(input: {municipalityId: $m, projectId: $p, periodFrom: "2026-03-01",
		periodTo: "2026-03-31"}) { total deliveryCount unverifiedCount } }`,
		map[string]any{"m": gid("Municipality", w.liepaja), "p": gid("Project", w.project.ID)}).decode(t, &preview)
	if preview.ClaimPreview.Total != "120.00" || preview.ClaimPreview.DeliveryCount != 2 || preview.ClaimPreview.UnverifiedCount != 1 {
		t.Errorf("preview %+v, want 120.00 over 2 deliveries with 1 unverified", preview.ClaimPreview)
	}
	wantError(t, w.submitClaim(w.coordinator, "2026-03-01", "2026-03-31"), "FORBIDDEN", "")
	cl := claimOf(t, w.submitClaim(w.worker, "2026-03-01", "2026-03-31"), "submitClaim")
	if cl.Status != "SUBMITTED" || cl.Total != "120.00" || cl.DeliveryCount != 2 || cl.ChildCount != 1 || cl.Deliveries.TotalCount != 2 {
		t.Errorf("claim %+v, want SUBMITTED 120.00 over 2 deliveries of 1 child", cl)
	}
	if len(cl.ByFundingSource) != 2 || cl.ByFundingSource[0].Amount != "102.00" || cl.ByFundingSource[1].Amount != "18.00" {
		t.Errorf("funding split %+v, want ESF 102.00 and state 18.00", cl.ByFundingSource)
	}
	wantError(t, w.submitClaim(w.worker, "2026-03-01", "2026-03-31"), "NOTHING_TO_CLAIM", "")

	// Claimed deliveries are locked.
	a = w.delivery(t, a.ID)
	if a.Status != "CLAIMED" || a.Claim == nil || a.Claim.ID != cl.ID {
		t.Fatalf("delivery %+v, want CLAIMED in %s", a, cl.ID)
	}
	r = w.a.do(w.worker, `mutation($id: ID!, $v: Int!) { correctDelivery(input: {deliveryId: $id, version: $v, date: "2026-03-02", units: 1,
		reason: "x"}) { delivery { id } } }`, map[string]any{"id": a.ID, "v": a.Version})
	wantError(t, r, "DELIVERY_LOCKED", "")
	r = w.a.do(w.worker, `mutation($id: ID!, $v: Int!) { rejectDelivery(input: {deliveryId: $id, version: $v, reason: "x"}) { delivery { id } } }`,
		map[string]any{"id": a.ID, "v": a.Version})
	wantError(t, r, "DELIVERY_LOCKED", "")

	// The worker does not decide; the coordinator rejects with a reason, which frees them.
	wantError(t, w.decideClaim(w.worker, "approveClaim", cl, nil), "FORBIDDEN", "")
	wantError(t, w.decideClaim(w.coordinator, "rejectClaim", cl, nil), "BAD_USER_INPUT", "reason")
	cl = claimOf(t, w.decideClaim(w.coordinator, "rejectClaim", cl, fixture.Ptr("Trūkst parakstu")), "rejectClaim")
	if cl.Status != "REJECTED" || deref(cl.RejectReason) != "Trūkst parakstu" {
		t.Errorf("claim %+v, want REJECTED with the reason", cl)
	}
	if a = w.delivery(t, a.ID); a.Status != "VERIFIED" || a.Claim != nil {
		t.Errorf("after the rejection the delivery is %+v, want VERIFIED without a claim", a)
	}
	// Claimed again, approved, paid; a stale version is a conflict.
	cl = claimOf(t, w.submitClaim(w.worker, "2026-03-01", "2026-03-31"), "submitClaim")
	wantError(t, w.decideClaim(w.coordinator, "markClaimPaid", cl, nil), "BAD_USER_INPUT", "")
	approved := claimOf(t, w.decideClaim(w.coordinator, "approveClaim", cl, nil), "approveClaim")
	wantError(t, w.decideClaim(w.coordinator, "markClaimPaid", cl, nil), "CONFLICT", "")
	if paid := claimOf(t, w.decideClaim(w.coordinator, "markClaimPaid", approved, nil), "markClaimPaid"); paid.Status != "PAID" {
		t.Errorf("claim %s, want PAID", paid.Status)
	}
	// The plan's usage: 3 + 1 verified and claimed, c recorded.
	var usage struct {
		Node struct {
			Usage struct {
				Figures struct {
					PlannedUnits, DeliveredUnits, VerifiedUnits, ClaimedUnits, RemainingUnits int
					DeliveredAmount, ClaimedAmount, RemainingAmount                           string
				}
				Lines []struct {
					Figures struct{ PlannedUnits, DeliveredUnits, ClaimedUnits, RemainingUnits int }
				}
			}
		}
	}
	w.a.do(w.worker, `query($id: ID!) { node(id: $id) { ... on SupportPlan { usage { figures { plannedUnits deliveredUnits verifiedUnits
		claimedUnits remainingUnits deliveredAmount claimedAmount remainingAmount } lines { figures { plannedUnits deliveredUnits claimedUnits remainingUnits } } } } } }`,
		map[string]any{"id": gid("SupportPlan", plan.ID)}).decode(t, &usage)
	f := usage.Node.Usage.Figures
	if f.PlannedUnits != 100 || f.DeliveredUnits != 5 || f.VerifiedUnits != 4 || f.ClaimedUnits != 4 || f.RemainingUnits != 95 ||
		f.DeliveredAmount != "150.00" || f.ClaimedAmount != "120.00" || f.RemainingAmount != "9850.00" {
		t.Errorf("plan usage %+v", f)
	}
	if l := usage.Node.Usage.Lines[0].Figures; l.PlannedUnits != 50 || l.DeliveredUnits != 4 || l.ClaimedUnits != 3 || l.RemainingUnits != 46 {
		t.Errorf("line usage %+v", l)
	}
	_ = c
}

func TestClaimRoundingAndConcurrentClaims(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	// A project of 86 % and 14 %: 100.01 EUR splits into 86.01 and 14.00 (86.0086 and
	// 14.0014, the leftover cent to the larger remainder).
	np := domain.NewProject{Project: domain.Project{Code: "TEST/ROUND", Name: "Latgale", LeadRegionID: w.a.regionID(domain.RegionKurzeme),
		StartDate: fixture.Day("2020-01-01"), EndDate: fixture.Day("2030-12-31"), TotalBudget: 100000000,
		FundingSources:         []domain.FundingSource{{Code: domain.FundESF, ShareBP: 8600}, {Code: domain.FundState, ShareBP: 1400}},
		PartnerMunicipalityIDs: []int{w.liepaja}}}
	w.fix.Must(np.Validate())
	p, err := w.fix.Svc.Projects.Create(w.fix.Ctx, np)
	w.fix.Must(err)
	w.project = p
	plan, _, keys := w.activePlan(nil, 1000000, line{"PHYSIOTHERAPY", "CHILD", 50})
	w.fix.Must(w.fix.Svc.Providers.SetPrice(w.fix.Ctx, domain.ProviderPrice{ProviderID: w.p1.ID, ServiceTypeID: w.fix.Service["PHYSIOTHERAPY"].ID,
		ValidFrom: fixture.Day("2026-01-01"), UnitPrice: 3333}))
	var ds []deliveryData
	for _, date := range []string{"2026-04-01", "2026-04-02", "2026-04-03"} {
		ds = append(ds, w.recordOK(t, w.worker, plan, keys[0], date, 1, nil))
	}
	w.fix.Must(w.fix.Svc.Providers.SetPrice(w.fix.Ctx, domain.ProviderPrice{ProviderID: w.p1.ID, ServiceTypeID: w.fix.Service["PHYSIOTHERAPY"].ID,
		ValidFrom: fixture.Day("2026-04-04"), UnitPrice: 2}))
	ds = append(ds, w.recordOK(t, w.worker, plan, keys[0], "2026-04-04", 1, nil)) // 3 x 33.33 + 0.02 = 100.01
	w.verify(t, ds...)

	// Two claims of the same period at once: one takes every delivery, the other none.
	var wg sync.WaitGroup
	rs := make([]gqlResponse, 2)
	for i := range rs {
		wg.Add(1)
		go func() { defer wg.Done(); rs[i] = w.submitClaim(w.worker, "2026-04-01", "2026-04-30") }()
	}
	wg.Wait()
	var cl claimData
	codes := []string{rs[0].code(), rs[1].code()}
	switch {
	case codes[0] == "" && codes[1] == "NOTHING_TO_CLAIM":
		cl = claimOf(t, rs[0], "submitClaim")
	case codes[1] == "" && codes[0] == "NOTHING_TO_CLAIM":
		cl = claimOf(t, rs[1], "submitClaim")
	default:
		t.Fatalf("concurrent claims answered %v, want one claim and NOTHING_TO_CLAIM", codes)
	}
	if cl.Total != "100.01" || cl.DeliveryCount != 4 {
		t.Errorf("claim total %s over %d deliveries, want 100.01 over 4", cl.Total, cl.DeliveryCount)
	}
	got := []string{}
	for _, f := range cl.ByFundingSource {
		got = append(got, f.Code+" "+f.SharePercent+" "+f.Amount)
	}
	if strings.Join(got, ", ") != "ESF 86.00 86.01, STATE_BUDGET 14.00 14.00" {
		t.Errorf("funding split %v, want ESF 86.01 and state 14.00", got)
	}
	if len(cl.ByServiceType) != 1 || cl.ByServiceType[0].Units != 4 || cl.ByServiceType[0].Amount != "100.01" {
		t.Errorf("per service %+v, want physiotherapy 4 units 100.01", cl.ByServiceType)
	}
}

func TestClaimExports(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlan(nil, 1000000, line{"PHYSIOTHERAPY", "CHILD", 50})
	w.verify(t, w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 2, nil))
	cl := claimOf(t, w.submitClaim(w.worker, "2026-03-01", "2026-03-31"), "submitClaim")
	raw, _ := base64.RawURLEncoding.DecodeString(cl.ID)
	number, err := strconv.Atoi(strings.TrimPrefix(string(raw), "CompensationClaim:"))
	w.fix.Must(err)
	get := func(c caller, file string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/exports/claims/"+file, nil)
		if c.token != "" {
			req.Header.Set("Authorization", "Bearer "+c.token)
		}
		rec := httptest.NewRecorder()
		w.a.h.ServeHTTP(rec, req)
		return rec
	}
	csv := get(w.worker, fmt.Sprintf("%d.csv", number))
	if csv.Code != http.StatusOK || !strings.HasPrefix(csv.Body.String(), "\ufeff") || !strings.Contains(csv.Body.String(), "Fizioterapija") ||
		!strings.Contains(csv.Body.String(), "60,00") {
		t.Errorf("CSV: %d %q", csv.Code, csv.Body.String())
	}
	if got := csv.Header().Get("Content-Disposition"); !strings.Contains(got, ".csv") {
		t.Errorf("Content-Disposition %q", got)
	}
	for ext, magic := range map[string]string{"xlsx": "PK", "pdf": "%PDF-"} {
		rec := get(w.coordinator, fmt.Sprintf("%d.%s", number, ext))
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), magic) {
			t.Errorf("%s: status %d, starts %q", ext, rec.Code, rec.Body.String()[:min(10, rec.Body.Len())])
		}
	}
	if rec := get(caller{}, fmt.Sprintf("%d.csv", number)); rec.Code != http.StatusUnauthorized {
		t.Errorf("anonymous download: %d, want 401", rec.Code)
	}
	rezekneWorker := w.a.createUser("rezekne.worker@cases.example", domain.UserScope{Role: domain.RoleMunicipalityWorker, MunicipalityIDs: []int{w.rezekne}})
	var other caller
	other.token, _ = w.a.token(rezekneWorker)
	if rec := get(other, fmt.Sprintf("%d.csv", number)); rec.Code != http.StatusNotFound {
		t.Errorf("another municipality's download: %d, want 404", rec.Code)
	}
	// An analyst reads the claim's sums but gets no statement, which lists sessions by date.
	analystUser := w.a.createUser("analyst@exports.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	var analyst caller
	analyst.token, _ = w.a.token(analystUser)
	if rec := get(analyst, fmt.Sprintf("%d.csv", number)); rec.Code != http.StatusForbidden {
		t.Errorf("an analyst's download: %d, want 403", rec.Code)
	}
	if r := w.a.do(analyst, `query($id: ID!) { node(id: $id) { ... on CompensationClaim { total exportPath } } }`, map[string]any{"id": cl.ID}); len(r.Errors) > 0 ||
		!strings.Contains(string(r.Data), `"exportPath":""`) || !strings.Contains(string(r.Data), `"total":"60.00"`) {
		t.Errorf("an analyst's claim: %s %v, want the total and no export path", r.Data, r.Errors)
	}
	if rec := get(w.worker, fmt.Sprintf("%d.doc", number)); rec.Code != http.StatusNotFound {
		t.Errorf("unknown format: %d, want 404", rec.Code)
	}
	var n int
	w.fix.Must(w.a.s.DB().Get(&n, `SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND entity_type = 'CompensationClaim' AND entity_id = $1`, number))
	if n != 3 {
		t.Errorf("%d export audit rows, want 3", n)
	}
}
