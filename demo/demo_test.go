package demo

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/service"
	"atbalsts/store"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// TestLoad loads the demo once (it takes seconds: thousands of deliveries, each recorded
// through the store) and checks it part by part; the last part loads it again.
func TestLoad(t *testing.T) {
	t.Parallel()
	db := dbtest.Open(t)
	s := store.New(db)
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	start := time.Now()
	if err := Load(ctx, s, log); err != nil {
		t.Fatal(err)
	}
	t.Logf("the demo loads in %v", time.Since(start).Round(time.Millisecond))
	today := domain.Today(time.Now())

	t.Run("users", func(t *testing.T) { testUsers(t, s) })
	t.Run("cases", func(t *testing.T) { testCases(t, s, db) })
	t.Run("Rēzekne 2021", func(t *testing.T) { testRezekne(t, s, db) })
	t.Run("Liepāja", func(t *testing.T) { testLiepaja(t, s, db) })
	t.Run("Liepāja's source figures", func(t *testing.T) { testLiepajaFigures(t, s, db) })
	t.Run("every delivery keeps the rules", func(t *testing.T) { testRules(t, s, db, today) })
	t.Run("today's work", func(t *testing.T) { testToday(t, s, today) })

	// A second load (the next `make run`) adds nothing.
	counts := func() string {
		var n [5]int
		for i, table := range []string{"app_user", "child", "parent", "service_delivery", "compensation_claim"} {
			if err := db.Get(&n[i], `SELECT count(*) FROM `+table); err != nil {
				t.Fatal(err)
			}
		}
		return fmt.Sprintf("users %d, children %d, parents %d, deliveries %d, claims %d", n[0], n[1], n[2], n[3], n[4])
	}
	before := counts()
	if err := Load(ctx, s, log); err != nil {
		t.Fatal(err)
	}
	if after := counts(); after != before {
		t.Errorf("after the first load: %s; after the second: %s", before, after)
	}
	if want := fmt.Sprintf("users %d, children %d", len(Users), len(demoChildren)+liepajaChildren()+len(rezekneChildren)+5); !strings.HasPrefix(before, want) {
		t.Errorf("loaded %s, want %s", before, want)
	}
}

// testUsers: one user per role, each signing in with the password README.md lists.
func testUsers(t *testing.T, s *store.Store) {
	ctx := context.Background()
	svc := service.New(s, nil)
	roles := map[domain.Role]bool{}
	for _, u := range Users {
		user, err := svc.Sessions.SignIn(ctx, u.Email, u.Password)
		if err != nil {
			t.Errorf("%s does not sign in with its demo password: %v", u.Email, err)
			continue
		}
		roles[user.Role] = true
	}
	for _, r := range domain.Roles {
		if !roles[r] {
			t.Errorf("no demo user has the role %s", r)
		}
	}
}

// testCases: the demo case registry has both source projects with the figures of the
// sources, and plans in every status.
func testCases(t *testing.T, s *store.Store, db *sqlx.DB) {
	ctx := context.Background()
	projects, _, err := s.Projects(ctx, domain.ProjectFilter{}, nil, 10)
	if err != nil || len(projects) != 3 {
		t.Fatalf("projects: %d, %v; want 3", len(projects), err)
	}
	kurzeme := projects[0]
	if kurzeme.Name != "Kurzeme visiem" {
		t.Fatalf("first project %q, want Kurzeme visiem", kurzeme.Name)
	}
	split := domain.SplitBy(kurzeme.TotalBudget, kurzeme.FundingSources)
	if kurzeme.TotalBudget.String() != "7700000.00" || split[0].String() != "6545000.00" || split[1].String() != "1155000.00" {
		t.Errorf("Kurzeme visiem: %s split %v, want 7700000.00 = 6545000.00 ESF + 1155000.00 state", kurzeme.TotalBudget, split)
	}
	for _, c := range []struct {
		day   string
		limit *int
	}{{"2020-08-31", ptr(40)}, {"2020-09-01", ptr(100)}, {"2022-04-22", nil}} {
		day, _ := domain.ParseDate(c.day)
		rule, ok := domain.CapInForce(kurzeme.CapRules, domain.CapChildSessions, day, 8)
		if !ok || (rule.Limit == nil) != (c.limit == nil) || (c.limit != nil && *rule.Limit != *c.limit) {
			t.Errorf("child session cap on %s: %v, want %v", c.day, rule.Limit, c.limit)
		}
	}

	var statuses []string
	if err := db.Select(&statuses, `SELECT DISTINCT status FROM plan_revision ORDER BY status`); err != nil {
		t.Fatal(err)
	}
	want := []string{"ACTIVE", "APPROVED", "CLOSED", "DRAFT", "SUBMITTED", "SUPERSEDED"}
	if strings.Join(statuses, " ") != strings.Join(want, " ") {
		t.Errorf("plan revision statuses %v, want every one of %v", statuses, want)
	}
	var returned int
	db.Get(&returned, `SELECT count(*) FROM plan_revision WHERE status = 'DRAFT' AND return_comment IS NOT NULL`)
	if returned != 1 {
		t.Errorf("%d returned drafts, want 1", returned)
	}
	// The closed plans and the revised one have deliveries too: recorded while they were active.
	var withDeliveries []string
	db.Select(&withDeliveries, `SELECT DISTINCT r.status FROM plan_revision r JOIN service_delivery d ON d.plan_id = r.plan_id ORDER BY r.status`)
	if strings.Join(withDeliveries, " ") != "ACTIVE CLOSED SUPERSEDED" {
		t.Errorf("revisions of plans with deliveries: %v, want ACTIVE CLOSED SUPERSEDED", withDeliveries)
	}
}

func municipalityID(t *testing.T, db *sqlx.DB, name string) int {
	var id int
	if err := db.Get(&id, `SELECT id FROM municipality WHERE name = $1 AND valid_to IS NULL`, name); err != nil {
		t.Fatalf("municipality %s: %v", name, err)
	}
	return id
}

// testRezekne: Rēzekne's claim for 1 January - 11 November 2021 reproduces the city's report
// (seeds/004) from the recorded deliveries.
func testRezekne(t *testing.T, s *store.Store, db *sqlx.DB) {
	ctx := context.Background()
	rezekne := municipalityID(t, db, "Rēzekne")
	claims, _, err := s.Claims(ctx, domain.ClaimFilter{Scope: domain.ClaimScope{All: true}, MunicipalityID: &rezekne}, nil, 10)
	if err != nil || len(claims) != 1 {
		t.Fatalf("Rēzekne's claims: %d, %v; want 1", len(claims), err)
	}
	c := claims[0]
	project, err := s.Project(ctx, c.ProjectID)
	if err != nil {
		t.Fatal(err)
	}
	if project.Name != "DI Latgalē" || c.Status != domain.ClaimPaid || c.PeriodFrom.Format(domain.DateLayout) != "2021-01-01" ||
		c.PeriodTo.Format(domain.DateLayout) != "2021-11-11" {
		t.Errorf("Rēzekne's claim: %s %s %s..%s, want a PAID claim on DI Latgalē for 2021-01-01..2021-11-11", project.Name, c.Status,
			c.PeriodFrom.Format(domain.DateLayout), c.PeriodTo.Format(domain.DateLayout))
	}

	types, err := s.ServiceTypes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	code := map[int]string{}
	for _, st := range types {
		code[st.ID] = st.Code
	}
	got := map[string]string{}
	sessions, sessionMoney := 0, domain.Money(0)
	for _, st := range c.Totals.ByService {
		got[code[st.ServiceTypeID]] = fmt.Sprintf("%d %s", st.Units, st.Amount)
		if code[st.ServiceTypeID] == "HOME_CARE" {
			got["HOME_CARE"] += fmt.Sprintf(" for %d children", st.Children)
		} else {
			sessions += st.Units
			sessionMoney += st.Amount
		}
	}
	want := map[string]string{
		"PHYSIOTHERAPY": "477 14310.00", "SPEECH_THERAPY": "202 6060.00", "CANISTHERAPY": "10 426.00", "OCCUPATIONAL_THERAPY": "24 720.00",
		"MASSAGE": "207 5175.00", "PSYCHOLOGIST": "86 3010.00", "BAK_THERAPY": "30 1200.00", "ABA_THERAPY": "106 4770.00",
		"SAND_THERAPY": "4 120.00", "HOME_CARE": "9988 37867.98 for 21 children",
	}
	if !maps.Equal(got, want) {
		t.Errorf("Rēzekne's claim by service:\n got %v\nwant %v", got, want)
	}
	if sessions != 1146 || sessionMoney.String() != "35791.00" {
		t.Errorf("sessions: %d for %s EUR, want 1146 for 35791.00", sessions, sessionMoney)
	}
	if c.Total.String() != "73658.98" || c.Totals.Total != c.Total || c.ChildCount != 32 {
		t.Errorf("claim total %s (totals %s) for %d children, want 73658.98 for 32", c.Total, c.Totals.Total, c.ChildCount)
	}
	funds := map[domain.FundingSourceCode]string{}
	for _, f := range c.Totals.ByFund {
		funds[f.Code] = f.Amount.String()
	}
	// 86 % and 14 % of 73,658.98 are 63,346.7228 and 10,312.2572: the cent left over goes to
	// the larger remainder.
	if want := map[domain.FundingSourceCode]string{domain.FundESF: "63346.72", domain.FundState: "10312.26"}; !maps.Equal(funds, want) {
		t.Errorf("claim by fund %v, want %v", funds, want)
	}

	// The claim's figures are its deliveries': 32 children had sessions, 21 of them home care.
	var children struct {
		Sessions int `db:"sessions"`
		HomeCare int `db:"home_care"`
		Total    int `db:"total"`
	}
	if err := db.Get(&children, `SELECT count(DISTINCT d.child_id) FILTER (WHERE s.code <> 'HOME_CARE') AS sessions,
		count(DISTINCT d.child_id) FILTER (WHERE s.code = 'HOME_CARE') AS home_care, count(DISTINCT d.child_id) AS total
		FROM service_delivery d JOIN service_type s ON s.id = d.service_type_id WHERE d.claim_id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	if children.Sessions != 32 || children.HomeCare != 21 || children.Total != 32 {
		t.Errorf("children with sessions %d, with home care %d, in all %d; want 32, 21, 32", children.Sessions, children.HomeCare, children.Total)
	}
	// The home-care price in force on each day: 3.79 before 4 October 2021, 3.80 from it, for
	// exactly 1,346 hours.
	var prices []struct {
		Price string `db:"price"`
		Hours int    `db:"hours"`
		First string `db:"first"`
		Last  string `db:"last"`
	}
	if err := db.Select(&prices, `SELECT d.unit_price::text AS price, sum(d.units) AS hours, min(d.date)::text AS first, max(d.date)::text AS last
		FROM service_delivery d JOIN service_type s ON s.id = d.service_type_id WHERE d.claim_id = $1 AND s.code = 'HOME_CARE'
		GROUP BY d.unit_price ORDER BY d.unit_price`, c.ID); err != nil {
		t.Fatal(err)
	}
	if len(prices) != 2 || prices[0].Price != "3.79" || prices[0].Hours != 8642 || prices[0].Last >= "2021-10-04" ||
		prices[1].Price != "3.80" || prices[1].Hours != 1346 || prices[1].First < "2021-10-04" {
		t.Errorf("home care by price: %+v; want 8642 h at 3.79 before 2021-10-04 and 1346 h at 3.80 from it", prices)
	}
	// Nothing of Rēzekne is left out of the claim.
	var outside int
	db.Get(&outside, `SELECT count(*) FROM service_delivery WHERE municipality_id = $1 AND claim_id IS DISTINCT FROM $2`, rezekne, c.ID)
	if outside != 0 {
		t.Errorf("%d deliveries of Rēzekne are not in its claim", outside)
	}
}

// testLiepaja: the Liepāja worker's data shows the whole workflow: a verification queue, a
// rejection with its reason, a correction with its history, a paid claim, one awaiting the
// Kurzeme coordinator, and verified deliveries for a new claim.
func testLiepaja(t *testing.T, s *store.Store, db *sqlx.DB) {
	ctx := context.Background()
	liepaja := municipalityID(t, db, "Liepāja")
	var byStatus []struct {
		Status string `db:"status"`
		N      int    `db:"n"`
	}
	// Of "Kurzeme visiem" (the current project's, loadToday, come on top).
	if err := db.Select(&byStatus, `SELECT status, count(*) AS n FROM service_delivery WHERE municipality_id = $1
		AND project_id = (SELECT id FROM project WHERE name = 'Kurzeme visiem') GROUP BY status ORDER BY status`, liepaja); err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, r := range byStatus {
		n[r.Status] = r.N
	}
	if n["RECORDED"] == 0 || n["VERIFIED"] == 0 || n["CLAIMED"] == 0 || n["REJECTED"] != 2 {
		t.Errorf("Liepāja's deliveries by status %v: want some RECORDED, VERIFIED and CLAIMED, and 2 REJECTED", n)
	}
	recorded := domain.DeliveryRecorded
	queue, err := s.CountDeliveries(ctx, domain.DeliveryFilter{Scope: domain.CaseScope{MunicipalityIDs: []int{liepaja}}, Status: &recorded})
	var allRecorded int
	db.Get(&allRecorded, `SELECT count(*) FROM service_delivery WHERE municipality_id = $1 AND status = 'RECORDED'`, liepaja)
	if err != nil || queue != allRecorded || queue <= n["RECORDED"] || n["RECORDED"] == 0 {
		t.Errorf("the Liepāja worker's queue: %d, %v; want the %d recorded (%d of Kurzeme visiem)", queue, err, allRecorded, n["RECORDED"])
	}
	var reasons []string
	db.Select(&reasons, `SELECT coalesce(reject_reason, '') FROM service_delivery WHERE municipality_id = $1 AND status = 'REJECTED'`, liepaja)
	for _, r := range reasons {
		if r == "" {
			t.Errorf("a rejected delivery without a reason")
		}
	}

	var corrected []int
	db.Select(&corrected, `SELECT DISTINCT c.delivery_id FROM service_delivery_correction c JOIN service_delivery d ON d.id = c.delivery_id
		WHERE d.municipality_id = $1`, liepaja)
	if len(corrected) != 1 {
		t.Fatalf("%d corrected deliveries in Liepāja, want 1", len(corrected))
	}
	history, errs := s.CorrectionsByDeliveryIDs(ctx, corrected)
	ds, _ := s.DeliveriesByIDs(ctx, corrected)
	if errs != nil && errs[0] != nil {
		t.Fatal(errs[0])
	}
	if h, d := history[0], ds[0]; len(h) != 1 || h[0].Reason == "" || h[0].Units+1 != d.Units || h[0].Status != domain.DeliveryVerified ||
		d.Status != domain.DeliveryClaimed {
		t.Errorf("the correction: %+v of %+v; want one from a VERIFIED delivery, an hour more, verified again and claimed", h, d)
	}

	claims, _, err := s.Claims(ctx, domain.ClaimFilter{Scope: domain.ClaimScope{MunicipalityIDs: []int{liepaja}}}, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range claims {
		got = append(got, fmt.Sprintf("%s %s..%s", c.Status, c.PeriodFrom.Format(domain.DateLayout), c.PeriodTo.Format(domain.DateLayout)))
	}
	slices.Sort(got)
	if want := []string{"PAID 2021-03-01..2021-06-30", "SUBMITTED 2021-07-01..2021-09-30"}; !slices.Equal(got, want) {
		t.Errorf("Liepāja's claims %v, want %v", got, want)
	}
	// The submitted one is the Kurzeme coordinator's to decide: "Kurzeme visiem" is led by Kurzeme.
	var kurzeme int
	db.Get(&kurzeme, `SELECT id FROM planning_region WHERE code = 'KURZEME'`)
	submitted := domain.ClaimSubmitted
	if k, err := s.CountClaims(ctx, domain.ClaimFilter{Scope: domain.ClaimScope{LeadRegionID: kurzeme}, Status: &submitted}); err != nil || k != 1 {
		t.Errorf("claims awaiting the Kurzeme coordinator: %d, %v; want 1", k, err)
	}
	// Verified deliveries after the summer wait for a new claim.
	project := claims[0].ProjectID
	admin, err := demoAdmin(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	asAdmin := domain.WithActor(ctx, domain.ActorOf(admin, domain.AuthSystem, 0))
	preview, unverified, err := service.New(s, nil).Claims.Preview(asAdmin, domain.ClaimPeriod{MunicipalityID: liepaja, ProjectID: project,
		From: day("2021-10-01"), To: day("2022-02-28")})
	if err != nil || preview.Deliveries == 0 || preview.Deliveries != n["VERIFIED"] || unverified != n["RECORDED"] {
		t.Errorf("a new claim from October: %d deliveries, %d unverified, %v; want the %d verified and %d recorded",
			preview.Deliveries, unverified, err, n["VERIFIED"], n["RECORDED"])
	}
}

// testLiepajaFigures: the figures of seeds/000 for Liepāja in "Kurzeme visiem", counted by brute
// force over the project's period: 79 children with a plan in force, 63 families and 52 parents
// who used the services.
func testLiepajaFigures(t *testing.T, s *store.Store, db *sqlx.DB) {
	ctx := context.Background()
	liepaja := municipalityID(t, db, "Liepāja")
	var p struct {
		ID   int    `db:"id"`
		From string `db:"start_date"`
		To   string `db:"end_date"`
	}
	if err := db.Get(&p, `SELECT id, start_date::text, end_date::text FROM project WHERE code = '9.2.2.1/15/I/002'`); err != nil {
		t.Fatal(err)
	}
	if p.From != "2015-12-01" || p.To != "2023-12-31" {
		t.Errorf("Kurzeme visiem runs %s..%s, want 2015-12-01..2023-12-31", p.From, p.To)
	}
	args := []any{liepaja, p.ID, p.From, p.To}

	var children int
	if err := db.Get(&children, `SELECT count(DISTINCT sp.child_id) FROM support_plan sp JOIN child c ON c.id = sp.child_id
		JOIN plan_revision r ON r.plan_id = sp.id
		WHERE c.municipality_id = $1 AND sp.project_id = $2 AND r.status IN ('APPROVED', 'ACTIVE', 'CLOSED')
		AND r.valid_from <= $4::date AND r.valid_to >= $3::date`, args...); err != nil {
		t.Fatal(err)
	}
	// A family is a connected component of the graph of children and parents: each child's
	// family is named by the least child id it reaches through shared parents.
	var families int
	if err := db.Get(&families, `WITH RECURSIVE siblings AS (
			SELECT a.child_id AS child, b.child_id AS other FROM child_parent a JOIN child_parent b ON b.parent_id = a.parent_id),
		reach(child, other) AS (SELECT id, id FROM child UNION SELECT r.child, s.other FROM reach r JOIN siblings s ON s.child = r.other),
		family AS (SELECT child, min(other) AS family FROM reach GROUP BY child)
		SELECT count(DISTINCT f.family) FROM service_delivery d JOIN family f ON f.child = d.child_id
		WHERE d.municipality_id = $1 AND d.project_id = $2 AND d.status <> 'REJECTED' AND d.date BETWEEN $3::date AND $4::date`,
		args...); err != nil {
		t.Fatal(err)
	}
	var parents int
	if err := db.Get(&parents, `SELECT count(DISTINCT d.parent_id) FROM service_delivery d
		WHERE d.municipality_id = $1 AND d.project_id = $2 AND d.status <> 'REJECTED' AND d.recipient = 'PARENTS'
		AND d.date BETWEEN $3::date AND $4::date`, args...); err != nil {
		t.Fatal(err)
	}
	t.Logf("Liepāja: %d children with plans, %d families and %d parents used services", children, families, parents)
	if children != 79 || families != 63 || parents != 52 {
		t.Errorf("Liepāja: %d children with plans, %d families, %d parents; want 79, 63, 52", children, families, parents)
	}

	// The services used most (children's and parents' sessions) are the source's three.
	var top []string
	if err := db.Select(&top, `SELECT s.code FROM service_delivery d JOIN service_type s ON s.id = d.service_type_id
		WHERE d.municipality_id = $1 AND d.project_id = $2 AND d.status <> 'REJECTED' AND s.unit = 'SESSION'
		GROUP BY s.code ORDER BY sum(d.units) DESC, s.code LIMIT 3`, liepaja, p.ID); err != nil {
		t.Fatal(err)
	}
	if slices.Sort(top); !slices.Equal(top, []string{"MUSIC_THERAPY", "PHYSIOTHERAPY", "SPEECH_THERAPY"}) {
		t.Errorf("Liepāja's most used services %v, want physiotherapy, speech therapy and music therapy", top)
	}

	// The Liepāja worker's first page of children (the web app's 50, by name) still shows the
	// children the browser tests open from it.
	page, _, err := s.Children(ctx, domain.ChildFilter{Scope: domain.CaseScope{MunicipalityIDs: []int{liepaja}}}, nil, 50)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range page {
		names = append(names, c.LastName+" "+c.FirstName)
	}
	for _, want := range []string{"Kalniņa Elza", "Ozols Mārtiņš"} {
		if !slices.Contains(names, want) {
			t.Errorf("the Liepāja worker's first page of children lacks %s: %v", want, names)
		}
	}
}

// testRules: every delivery that counts keeps every rule of domain.CheckDelivery against all
// the others of its child as they are now (the store checked each against those before it;
// now that all are there, line units, caps, weekly hours and budgets still hold), at the
// price in force on its day, on no day after today.
func testRules(t *testing.T, s *store.Store, db *sqlx.DB, today time.Time) {
	ctx := context.Background()
	var ids []int
	if err := db.Select(&ids, `SELECT id FROM service_delivery WHERE status <> 'REJECTED' ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if len(ids) < 2000 {
		t.Fatalf("%d deliveries, want thousands", len(ids))
	}
	deliveries, errs := s.DeliveriesByIDs(ctx, ids)
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	byChild := map[int][]*domain.Delivery{}
	for _, d := range deliveries {
		byChild[d.ChildID] = append(byChild[d.ChildID], d)
	}
	childIDs := slices.Sorted(maps.Keys(byChild))
	children, _ := s.ChildrenByIDs(ctx, childIDs)
	links, _ := s.ParentLinksByChildIDs(ctx, childIDs)
	var providerIDs []int
	db.Select(&providerIDs, `SELECT id FROM provider ORDER BY id`)
	priceLists, _ := s.PricesByProviderIDs(ctx, providerIDs)
	var prices []domain.ProviderPrice
	for _, list := range priceLists {
		for _, p := range list {
			prices = append(prices, *p)
		}
	}
	catalogue, err := s.ServiceTypes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	types := map[int]*domain.ServiceType{}
	for i := range catalogue {
		types[catalogue[i].ID] = &catalogue[i]
	}
	broken := 0
	for k, childID := range childIDs {
		ds := byChild[childID]
		project, err := s.Project(ctx, ds[0].ProjectID)
		if err != nil {
			t.Fatal(err)
		}
		countedOf, errs := s.CountedUnitsByChildIDs(ctx, []int{childID})
		if errs != nil {
			t.Fatal(errs[0])
		}
		counted := countedOf[0]
		planIDs := []int{}
		for _, d := range ds {
			if !slices.Contains(planIDs, d.PlanID) {
				planIDs = append(planIDs, d.PlanID)
			}
		}
		revisions, _ := s.RevisionsByPlanIDs(ctx, planIDs)
		inForce := map[int]*domain.PlanRevision{}
		for i, revs := range revisions {
			for _, r := range revs {
				switch r.Status {
				case domain.PlanActive:
					inForce[planIDs[i]] = r
				case domain.PlanClosed:
					// Closed after its deliveries: they were recorded while it was active.
					active := *r
					active.Status = domain.PlanActive
					inForce[planIDs[i]] = &active
				}
			}
		}
		var parents []int
		for _, l := range links[k] {
			parents = append(parents, l.ParentID)
		}
		for _, d := range ds {
			f := &domain.DeliveryFacts{Child: children[k], Project: project, Revision: inForce[d.PlanID], Parents: parents, Types: types,
				Others: slices.DeleteFunc(slices.Clone(counted), func(o domain.CountedUnits) bool { return o.ID == d.ID })}
			if f.Revision != nil {
				for i := range f.Revision.Lines {
					if f.Revision.Lines[i].Key == d.LineKey {
						f.Line = &f.Revision.Lines[i]
						f.ServiceType = types[f.Line.ServiceTypeID]
					}
				}
			}
			err := domain.CheckDelivery(d, f)
			if f.ServiceType != nil {
				if price, _ := domain.LinePrice(f.ServiceType, &d.ProviderID, prices, d.Date); price != d.UnitPrice {
					err = fmt.Errorf("unit price %s, but the price on its day is %s", d.UnitPrice, price)
				}
			}
			if d.Date.After(today) {
				err = fmt.Errorf("dated after today")
			}
			if err != nil {
				if broken++; broken <= 5 {
					t.Errorf("delivery %d (child %d, %s, %d units on %s): %v", d.ID, childID, types[d.ServiceTypeID].Code, d.Units,
						d.Date.Format(domain.DateLayout), err)
				}
			}
		}
	}
	if broken > 0 {
		t.Errorf("%d of %d deliveries break a rule", broken, len(deliveries))
	}
}

// TestPlanRezekne: the share of the report's figures among the children is the same from the
// same seed (the demo is the same at every first start), meets the caps it reads from the
// project, and adds up to the report's totals.
func TestPlanRezekne(t *testing.T) {
	limit := func(n int) *int { return &n }
	project := &domain.Project{CapRules: []domain.CapRule{
		{Kind: domain.CapChildSessions, ValidFrom: day("2016-01-01"), Limit: limit(40)},
		{Kind: domain.CapParentSessions, ValidFrom: day("2016-01-01"), Limit: limit(20)},
		{Kind: domain.CapHomeCareWeekly, ValidFrom: day("2016-01-01"), Limit: limit(50), MinAge: limit(0), MaxAge: limit(4)},
		{Kind: domain.CapHomeCareWeekly, ValidFrom: day("2016-01-01"), Limit: limit(10), MinAge: limit(5), MaxAge: limit(17)},
	}}
	a, err := planRezekne(project, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := planRezekne(project, rand.New(rand.NewPCG(1, 2)))
	if !reflect.DeepEqual(a, b) {
		t.Error("two shares from one seed differ")
	}
	weeks := weeksOf(rezekneFrom, rezekneTo)
	if len(weeks) != 45 || weeks[0].Format(domain.DateLayout) != "2021-01-04" {
		t.Errorf("%d weeks from %s, want 45 from 2021-01-04", len(weeks), weeks[0].Format(domain.DateLayout))
	}
	sessions, parents, hours, afterRise := 0, 0, 0, 0
	for i, u := range a {
		child := 0
		for _, n := range u.sessions {
			child += n
		}
		if child > 40 || u.parentSessions > 20 || child == 0 {
			t.Errorf("child %d: %d sessions, parents %d; want 1 to 40 and at most 20", i, child, u.parentSessions)
		}
		sessions += child
		parents += u.parentSessions
		young := domain.AgeOn(day(rezekneChildren[i].born), rezekneTo) <= 4
		for w, h := range u.homeCare {
			if h > 10 && !young || h > 50 {
				t.Errorf("child %d: %d hours of home care in the week of %s", i, h, weeks[w].Format(domain.DateLayout))
			}
			hours += h
			if !weeks[w].Before(homeCareRise) {
				afterRise += h
			}
		}
		if (len(u.homeCare) > 0) != rezekneChildren[i].careNeed {
			t.Errorf("child %d: home care %v without a special care need, or none with one", i, u.homeCare)
		}
	}
	if sessions+parents != 1146 || hours != 9988 || afterRise != 1346 {
		t.Errorf("%d + %d sessions, %d hours (%d from the rise); want 1146, 9988 (1346)", sessions, parents, hours, afterRise)
	}
}

func ptr(i int) *int { return &i }

// testToday: the current project runs today with Liepāja and Rēzekne among its partners, and
// the worklists of the Liepāja worker and the Kurzeme coordinator have today's work in them.
func testToday(t *testing.T, s *store.Store, today time.Time) {
	ctx := context.Background()
	projects, _, err := s.Projects(ctx, domain.ProjectFilter{ActiveOn: &today}, nil, 10)
	if err != nil || len(projects) != 1 {
		t.Fatalf("projects running today: %d, %v; want 1", len(projects), err)
	}
	svc := service.New(s, nil)
	worklist := func(email string) map[domain.WorklistKind]int {
		users, _, err := s.Users(ctx, domain.UserFilter{Search: email}, nil, 1)
		if err != nil || len(users) != 1 {
			t.Fatalf("user %s: %v", email, err)
		}
		w, err := svc.Worklist.Get(domain.WithActor(ctx, domain.ActorOf(&users[0], domain.AuthSystem, 0)))
		if err != nil {
			t.Fatal(err)
		}
		out := map[domain.WorklistKind]int{}
		for _, it := range w.Items {
			out[it.Kind] = it.Count
		}
		return out
	}
	worker := worklist("darbiniece.liepaja@atbalsts.example")
	for _, k := range []domain.WorklistKind{domain.WorkApplicationsToDecide, domain.WorkDeliveriesToVerify, domain.WorkPlansEnding,
		domain.WorkOpinionsExpiring, domain.WorkChildrenNearCap, domain.WorkAssessmentsToRecord} {
		if worker[k] == 0 {
			t.Errorf("the Liepāja worker has no %s today: %v", k, worker)
		}
	}
	if coordinator := worklist("koordinators.kurzeme@atbalsts.example"); coordinator[domain.WorkPlansToApprove] == 0 {
		t.Errorf("the Kurzeme coordinator has no plan to approve today: %v", coordinator)
	}
	rezekne := worklist("darbinieks.rezekne@atbalsts.example")
	if rezekne[domain.WorkApplicationsAwaitingAssessment] == 0 {
		t.Errorf("the Rēzekne worker has no accepted application waiting for an assessment: %v", rezekne)
	}
	partners := map[int]bool{}
	for _, m := range projects[0].PartnerMunicipalityIDs {
		partners[m] = true
	}
	for _, name := range []string{"Liepāja", "Rēzekne"} {
		ms, _, _ := s.Municipalities(ctx, domain.MunicipalityFilter{}, nil, 1000)
		found := false
		for _, m := range ms {
			if m.Name == name && partners[m.ID] {
				found = true
			}
		}
		if !found {
			t.Errorf("%s is not a partner of the current project", name)
		}
	}
}
