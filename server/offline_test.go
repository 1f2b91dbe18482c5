package server

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"atbalsts/domain"
	"atbalsts/fixture"
)

// Mobile clients: the offline package, delta sync with tombstones, and uploads of offline
// captures through recordDeliveries (outcomes, who used up a limit, exactly once).

type offlinePage struct {
	Today    string
	Children []struct {
		ID        string
		FirstName string
		Plans     []struct {
			ID              string
			BudgetRemaining string
			Lines           []struct {
				Key            string
				Provider       *struct{ ID string }
				PlannedUnits   int
				RemainingUnits int
				UnitPrice      string
			}
		}
		Caps []struct {
			Kind      string
			Limit     *int
			Remaining *int
		}
		Version string
	}
	Removed []string
	HasMore bool
	Cursor  string
}

const offlineFields = `today children { id firstName plans { id budgetRemaining lines { key provider { id } plannedUnits remainingUnits unitPrice } }
	caps { kind limit remaining } version } removed hasMore cursor`

// offlinePackage asks the first page of c's package; changes the next one after cursor.
func (w *deliveryWorld) offlinePackage(t *testing.T, c caller) offlinePage {
	t.Helper()
	var data struct{ OfflinePackage offlinePage }
	w.a.do(c, `{ offlinePackage { `+offlineFields+` } }`, nil).decode(t, &data)
	return data.OfflinePackage
}

func (w *deliveryWorld) changes(t *testing.T, c caller, cursor string) offlinePage {
	t.Helper()
	var data struct{ Changes offlinePage }
	w.a.do(c, `query($s: String!) { changes(since: $s) { `+offlineFields+` } }`, map[string]any{"s": cursor}).decode(t, &data)
	return data.Changes
}

// sync pulls pages until nothing more waits, as a client does, and returns what the device
// holds (child id -> version) and the last cursor; held is what the device held before.
func (w *deliveryWorld) sync(t *testing.T, c caller, held map[string]string, cursor string) (map[string]string, string, offlinePage) {
	t.Helper()
	var last offlinePage
	for pages := 0; ; pages++ {
		if pages > 50 {
			t.Fatal("the sync does not end")
		}
		if cursor == "" {
			last = w.offlinePackage(t, c)
		} else {
			last = w.changes(t, c, cursor)
		}
		for _, id := range last.Removed {
			delete(held, id)
		}
		for _, ch := range last.Children {
			held[ch.ID] = ch.Version
		}
		cursor = last.Cursor
		if !last.HasMore {
			return held, cursor, last
		}
	}
}

func TestOfflinePackageScopeAndDeltaSync(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	// Ours: a child with a line of p1 and a line of p2; theirs: a child with p2's lines only.
	ours, oursChild, oursKeys := w.activePlanBy(nil, 1000000, []line{{"PHYSIOTHERAPY", "CHILD", 30}, {"SPEECH_THERAPY", "CHILD", 20}},
		[]*domain.Provider{w.p1, w.p2})
	_, theirsChild, _ := w.activePlanBy(nil, 1000000, []line{{"MASSAGE", "CHILD", 10}}, []*domain.Provider{w.p2})
	oursID, theirsID := gid("Child", oursChild.ID), gid("Child", theirsChild.ID)

	// Only the roles who record in the field get a package.
	for _, c := range []caller{w.admin, w.coordinator, w.analyst} {
		wantError(t, w.a.do(c, `{ offlinePackage { cursor } }`, nil), "FORBIDDEN", "")
	}

	p := w.offlinePackage(t, w.specialist)
	if len(p.Children) != 1 || p.Children[0].ID != oursID || p.HasMore || len(p.Removed) != 0 {
		t.Fatalf("specialist's package %+v, want only child %s", p, oursID)
	}
	lines := p.Children[0].Plans[0].Lines
	if len(lines) != 1 || lines[0].Key != oursKeys[0] || lines[0].RemainingUnits != 30 || lines[0].UnitPrice != "30.00" {
		t.Errorf("specialist's lines %+v, want only p1's line with 30 units at 30.00", lines)
	}
	if p.Today != domain.Today(time.Now()).Format(domain.DateLayout) {
		t.Errorf("today %s", p.Today)
	}
	if caps := p.Children[0].Caps; len(caps) == 0 {
		t.Errorf("no caps in the package")
	}
	// The package's read of the child is audited.
	r := w.a.do(w.specialist, `{ offlinePackage { children { id } } }`, nil)
	audited := false
	for _, row := range w.a.auditRows(r.requestID) {
		sets, err := row.ReadSets()
		w.fix.Must(err)
		for _, set := range sets {
			audited = audited || (set.EntityType == domain.EntityChild && slices.Contains(set.IDs, int64(oursChild.ID)))
		}
	}
	if !audited {
		t.Error("the package's read of the child has no audit row")
	}

	// The worker of Liepāja records for both children: every line of both.
	wp := w.offlinePackage(t, w.worker)
	if len(wp.Children) != 2 {
		t.Fatalf("worker's package has %d children, want 2", len(wp.Children))
	}

	// Nothing changed: nothing is sent again.
	held, cursor, last := w.sync(t, w.specialist, map[string]string{oursID: p.Children[0].Version}, p.Cursor)
	if len(last.Children) != 0 || len(last.Removed) != 0 || cursor != p.Cursor {
		t.Fatalf("changes without a change: %+v", last)
	}
	// Another provider's session changes the child's caps: the entry comes again, whole.
	w.recordOK(t, w.otherSpecialist, ours, oursKeys[1], "2026-11-02", 3, nil)
	held, cursor, last = w.sync(t, w.specialist, held, cursor)
	if len(last.Children) != 1 || last.Children[0].ID != oursID || held[oursID] == p.Children[0].Version {
		t.Fatalf("after another provider's session: %+v", last)
	}
	// Our own line's session lowers its remaining units.
	w.recordOK(t, w.specialist, ours, oursKeys[0], "2026-11-03", 4, nil)
	_, cursor, last = w.sync(t, w.specialist, held, cursor)
	if got := last.Children[0].Plans[0].Lines[0].RemainingUnits; got != 26 {
		t.Errorf("remaining units %d after 4 of 30, want 26", got)
	}
	// The child leaves the specialist's scope (its plan is closed): a tombstone, and the
	// worker's sync never sends a child of another municipality.
	w.closePlan(t, ours)
	held, _, last = w.sync(t, w.specialist, map[string]string{oursID: "x"}, cursor)
	if len(last.Children) != 0 || !slices.Equal(last.Removed, []string{oursID}) || len(held) != 0 {
		t.Fatalf("after the plan closed: %+v, device holds %v; want a tombstone for %s", last, held, oursID)
	}
	held, _, _ = w.sync(t, w.worker, map[string]string{}, "")
	if _, ok := held[theirsID]; !ok || len(held) != 1 {
		t.Errorf("worker holds %v after the close, want only %s", held, theirsID)
	}
	// A cursor naming children of another municipality only gets tombstones for them.
	rezekneChild := w.fix.Child(w.rezekne, nil)
	forged := domain.EncodeOfflineCursor([]domain.OfflineHeld{{ChildID: rezekneChild.ID, Version: 1}})
	last = w.changes(t, w.worker, forged)
	for _, c := range last.Children {
		if c.ID != theirsID {
			t.Errorf("worker got child %s outside the package", c.ID)
		}
	}
	if !slices.Equal(last.Removed, []string{gid("Child", rezekneChild.ID)}) {
		t.Errorf("forged cursor: removed %v", last.Removed)
	}
	// A cursor that cannot be read is refused on `since`.
	for _, bad := range []string{"", "o1.!!", "o2.AAAA", "o1.AQ"} {
		wantError(t, w.a.do(w.worker, `query($s: String!) { changes(since: $s) { cursor } }`, map[string]any{"s": bad}), "BAD_USER_INPUT", "since")
	}
}

// closePlan closes an active plan as ADMIN.
func (w *deliveryWorld) closePlan(t *testing.T, plan *domain.SupportPlan) {
	t.Helper()
	f := w.fix
	revs, errs := f.Store.RevisionsByPlanIDs(f.Ctx, []int{plan.ID})
	for _, err := range errs {
		f.Must(err)
	}
	for _, rev := range revs[0] {
		if rev.Status == domain.PlanActive {
			_, err := f.Svc.Plans.Step(f.Ctx, rev.ID, rev.Version, domain.StepClose, nil, nil)
			f.Must(err)
			return
		}
	}
	t.Fatal("no active revision to close")
}

func TestOfflinePackagePages(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	n := domain.OfflinePageChildren + 5
	want := map[string]bool{}
	for range n {
		_, c, _ := w.activePlan(nil, 100000, line{"PHYSIOTHERAPY", "CHILD", 10})
		want[gid("Child", c.ID)] = true
	}
	first := w.offlinePackage(t, w.specialist)
	if len(first.Children) != domain.OfflinePageChildren || !first.HasMore {
		t.Fatalf("first page: %d children, hasMore %v", len(first.Children), first.HasMore)
	}
	held := map[string]string{}
	held, cursor, _ := w.sync(t, w.specialist, held, "")
	if len(held) != n {
		t.Fatalf("after paging the device holds %d children, want %d", len(held), n)
	}
	for id := range held {
		if !want[id] {
			t.Errorf("unexpected child %s", id)
		}
	}
	if again := w.changes(t, w.specialist, cursor); len(again.Children) != 0 || again.HasMore {
		t.Errorf("a full device gets %d children again", len(again.Children))
	}
}

type batchResult struct {
	IdempotencyKey string
	Outcome        string
	Delivery       *struct{ ID string }
	Error          *struct {
		Code, Message string
		Remaining     *string
		Limit         *string
		LastCounted   *struct {
			Date, RecordedOn  string
			Units             int
			Provider          struct{ Name string }
			ByAnotherProvider bool
		}
	}
}

// upload sends captures as a mobile client does and returns the outcomes in order.
func (w *deliveryWorld) upload(t *testing.T, c caller, items []map[string]any) []batchResult {
	t.Helper()
	var data struct {
		RecordDeliveries struct{ Results []batchResult }
	}
	w.a.do(c, `mutation($in: RecordDeliveriesInput!) { recordDeliveries(input: $in) { results { idempotencyKey outcome delivery { id }
		error { code message remaining limit lastCounted { date recordedOn units provider { name } byAnotherProvider } } } } }`,
		map[string]any{"in": map[string]any{"deliveries": items}}).decode(t, &data)
	return data.RecordDeliveries.Results
}

func TestOfflineUploadAfterACapWasUsedUpMeanwhile(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, _, keys := w.activePlanBy(nil, 10000000, []line{{"PHYSIOTHERAPY", "CHILD", 200}, {"SPEECH_THERAPY", "CHILD", 200}},
		[]*domain.Provider{w.p1, w.p2})
	other, _, otherKeys := w.activePlan(nil, 10000000, line{"PHYSIOTHERAPY", "CHILD", 200})
	// The specialist captures offline: two sessions of the child, one of another child.
	capture := func(p *domain.SupportPlan, key, date string) map[string]any {
		return map[string]any{"idempotencyKey": w.key(), "planId": gid("SupportPlan", p.ID), "lineKey": key, "date": date, "units": 1}
	}
	items := []map[string]any{capture(plan, keys[0], "2026-11-30"), capture(plan, keys[0], "2026-12-01"), capture(other, otherKeys[0], "2026-12-01")}
	// Meanwhile another provider uses up the child's sessions (the cap is 100 from June).
	w.recordOK(t, w.otherSpecialist, plan, keys[1], "2026-11-02", 100, nil)

	for try := range 3 { // the first upload, then retries as after a lost answer
		res := w.upload(t, w.specialist, items)
		for i := range 2 {
			e := res[i].Error
			if res[i].Outcome != "REFUSED" || e == nil || e.Code != "CHILD_SESSION_CAP_EXCEEDED" || *e.Remaining != "0" || *e.Limit != "100" {
				t.Fatalf("try %d item %d: %+v, want REFUSED by the cap with 0 remaining of 100", try, i, res[i])
			}
			lc := e.LastCounted
			if lc == nil || !lc.ByAnotherProvider || lc.Units != 100 || lc.Date != "2026-11-02" || lc.Provider.Name != w.p2.Name ||
				lc.RecordedOn != domain.Today(time.Now()).Format(domain.DateLayout) {
				t.Fatalf("try %d item %d: last counted %+v, want p2's 100 sessions of 2026-11-02 recorded today", try, i, lc)
			}
			if want := "by " + w.p2.Name; !strings.Contains(e.Message, want) {
				t.Errorf("message %q does not say %q", e.Message, want)
			}
		}
		want := "RECORDED"
		if try > 0 {
			want = "ALREADY_RECORDED"
		}
		if res[2].Outcome != want || res[2].Delivery == nil || res[2].Error != nil {
			t.Fatalf("try %d: the other child's capture %+v, want %s", try, res[2], want)
		}
	}
	var stored int
	w.fix.Must(w.a.s.DB().Get(&stored, `SELECT count(*) FROM service_delivery WHERE plan_id IN ($1, $2)`, plan.ID, other.ID))
	if stored != 2 {
		t.Errorf("%d deliveries stored, want 2 (p2's and the other child's once)", stored)
	}
}

// TestOfflineUploadsExactlyOnce: 10,000 captures uploaded by eight clients (devices, each
// with its own children) in batches, in random order, each batch at random sent twice at
// once (a retry while the first request still runs) or again later (after a lost answer), and
// mixed with captures already sent, end with each capture stored exactly once.
func TestOfflineUploadsExactlyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 uploads")
	}
	t.Parallel()
	w := &deliveryWorld{caseWorld: newCaseWorld(t)} // a project without caps: only the lines and budgets bound it
	const children, perChild, clients = 20, 500, 8
	captures := make([][]map[string]any, clients) // each client's captures
	for i := range children {
		plan, _, keys := w.activePlan(nil, 100000000, line{"PHYSIOTHERAPY", "CHILD", perChild})
		for d := range perChild {
			day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d%300)
			captures[i%clients] = append(captures[i%clients], map[string]any{"idempotencyKey": w.key(),
				"planId": gid("SupportPlan", plan.ID), "lineKey": keys[0], "date": day.Format(domain.DateLayout), "units": 1})
		}
	}
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	outcomes := map[string]map[string]int{} // key -> outcome -> count
	calls := 0
	send := func(batch []map[string]any) {
		res := w.upload(t, w.worker, batch)
		mu.Lock()
		defer mu.Unlock()
		calls++
		for _, x := range res {
			if outcomes[x.IdempotencyKey] == nil {
				outcomes[x.IdempotencyKey] = map[string]int{}
			}
			outcomes[x.IdempotencyKey][x.Outcome]++
			if x.Outcome == "REFUSED" {
				t.Errorf("capture %s refused: %+v", x.IdempotencyKey, x.Error)
			}
		}
	}
	for c := range clients {
		mine := captures[c]
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(c), 99))
			r.Shuffle(len(mine), func(i, j int) { mine[i], mine[j] = mine[j], mine[i] })
			var sent []map[string]any
			for len(mine) > 0 {
				n := min(len(mine), 1+r.IntN(100))
				batch := slices.Clone(mine[:n])
				mine = mine[n:]
				// Mix in captures sent before (their answers "lost"), up to the batch limit.
				for len(sent) > 0 && len(batch) < 100 && r.IntN(3) == 0 {
					batch = append(batch, sent[r.IntN(len(sent))])
				}
				r.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
				switch r.IntN(4) {
				case 0: // sent twice at once
					var both sync.WaitGroup
					both.Go(func() { send(batch) })
					both.Go(func() { send(batch) })
					both.Wait()
				case 1: // sent again after the answer
					send(batch)
					send(batch)
				default:
					send(batch)
				}
				sent = append(sent, batch...)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	total := 0
	for _, mine := range captures {
		for _, item := range mine {
			total++
			k := item["idempotencyKey"].(string)
			if outcomes[k]["RECORDED"] != 1 {
				t.Fatalf("capture %s: outcomes %v, want RECORDED exactly once", k, outcomes[k])
			}
		}
	}
	var stored int
	w.fix.Must(w.a.s.DB().Get(&stored, `SELECT count(*) FROM service_delivery`))
	if stored != total || total != children*perChild {
		t.Fatalf("%d deliveries stored of %d captures, want %d", stored, total, children*perChild)
	}
	var perChildCounts []int
	w.fix.Must(w.a.s.DB().Select(&perChildCounts, `SELECT sum(units)::int FROM service_delivery GROUP BY child_id`))
	for _, n := range perChildCounts {
		if n != perChild {
			t.Fatalf("a child has %d units, want %d", n, perChild)
		}
	}
	t.Logf("%d captures in %d uploads (with retries and resent captures) by %d clients: %v, %.0f captures/s",
		total, calls, clients, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds())
}

// TestOfflinePackageFiguresEqualUsage: what the package says remains (lines, budget, every cap
// including those counted by date) is what the usage report says on the same day, for a child
// with sessions of the child and of the parents, home care this week and respite this year.
func TestOfflinePackageFiguresEqualUsage(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	plan, child, keys := w.activePlan(func(d *domain.ChildData) { d.SpecialCareNeedFrom = fixture.Ptr(fixture.Day("2026-01-01")) }, 2000000,
		line{"PHYSIOTHERAPY", "CHILD", 60}, line{"PSYCHOLOGIST", "PARENTS", 20}, line{"HOME_CARE", "CHILD", 500}, line{"RESPITE_CARE", "CHILD", 30})
	mother := map[string]any{"parentId": gid("Parent", w.fix.Parent(child.ID).ID)}
	today := domain.Today(time.Now())
	monday, _ := domain.WeekOf(today)
	w.recordOK(t, w.worker, plan, keys[0], "2026-03-02", 30, nil)
	w.recordOK(t, w.specialist, plan, keys[0], "2026-09-01", 5, nil)
	w.recordOK(t, w.worker, plan, keys[1], "2026-03-03", 7, mother)
	w.recordOK(t, w.worker, plan, keys[2], "2026-02-02", 9, nil) // an earlier week
	w.recordOK(t, w.worker, plan, keys[2], monday.Format(domain.DateLayout), 4, nil)
	w.recordOK(t, w.worker, plan, keys[3], "2026-05-04", 6, nil)
	rejected := w.recordOK(t, w.worker, plan, keys[0], "2026-10-01", 2, nil)
	w.a.do(w.worker, `mutation($id: ID!, $v: Int!) { rejectDelivery(input: {deliveryId: $id, version: $v, reason: "Kļūda"}) { delivery { id } } }`,
		map[string]any{"id": rejected.ID, "v": rejected.Version})

	var usage struct {
		Node struct {
			Usage struct {
				Caps []struct {
					Kind                 string
					Limit, Remaining     *int
					Used                 int
					PeriodFrom, PeriodTo string
				}
			}
		}
		Plan struct {
			Usage struct {
				Figures struct{ RemainingAmount string }
				Lines   []struct {
					Line    struct{ Key string }
					Figures struct{ RemainingUnits int }
				}
			}
		}
	}
	w.a.do(w.worker, `query($c: ID!, $p: ID!) { node(id: $c) { ... on Child { usage { caps { kind limit used remaining periodFrom periodTo } } } }
		plan: node(id: $p) { ... on SupportPlan { usage { figures { remainingAmount } lines { line { key } figures { remainingUnits } } } } } }`,
		map[string]any{"c": gid("Child", child.ID), "p": gid("SupportPlan", plan.ID)}).decode(t, &usage)
	var pkg struct {
		OfflinePackage struct {
			Children []struct {
				ID    string
				Plans []struct {
					BudgetRemaining string
					Lines           []struct {
						Key            string
						RemainingUnits int
					}
				}
				Caps []struct {
					Kind                 string
					Limit, Remaining     *int
					Used                 int
					PeriodFrom, PeriodTo string
				}
			}
		}
	}
	w.a.do(w.worker, `{ offlinePackage { children { id plans { budgetRemaining lines { key remainingUnits } }
		caps { kind limit used remaining periodFrom periodTo } } } }`, nil).decode(t, &pkg)
	var found bool
	for _, c := range pkg.OfflinePackage.Children {
		if c.ID != gid("Child", child.ID) {
			continue
		}
		found = true
		got, _ := json.Marshal(c.Caps)
		want, _ := json.Marshal(usage.Node.Usage.Caps)
		if string(got) != string(want) || len(c.Caps) != 4 {
			t.Errorf("package caps\n %s\nusage caps\n %s", got, want)
		}
		if c.Plans[0].BudgetRemaining != usage.Plan.Usage.Figures.RemainingAmount {
			t.Errorf("budget remaining %s, usage %s", c.Plans[0].BudgetRemaining, usage.Plan.Usage.Figures.RemainingAmount)
		}
		for i, l := range c.Plans[0].Lines {
			u := usage.Plan.Usage.Lines[i]
			if l.Key != u.Line.Key || l.RemainingUnits != u.Figures.RemainingUnits {
				t.Errorf("line %s remaining %d, usage %s %d", l.Key, l.RemainingUnits, u.Line.Key, u.Figures.RemainingUnits)
			}
		}
	}
	if !found {
		t.Fatal("the child is not in the worker's package")
	}
}
