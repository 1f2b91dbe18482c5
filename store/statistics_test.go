package store_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/fixture"
)

// TestStatisticsEqualBruteForce is the property test of the statistics: on random deliveries,
// families and plans, every answer to random filters and groupings equals the figures
// recomputed here in Go from the raw rows, one delivery at a time. Between the questions it
// writes: records, corrects, rejects, un-rejects and deletes deliveries, links and unlinks
// parents, so that the maintained aggregates are compared right after each kind of write.
func TestStatisticsEqualBruteForce(t *testing.T) {
	t.Parallel()
	db := dbtest.Open(t)
	f := fixture.New(t, db)
	rnd := rand.New(rand.NewPCG(13, 2026))

	riga, liep, rez := f.Municipality("Rīga").ID, f.Municipality("Liepāja").ID, f.Municipality("Rēzekne").ID
	p1 := f.Project(domain.RegionKurzeme, liep, riga)
	p2 := f.Project(domain.RegionLatgale, rez, riga)
	p2shares := `UPDATE project_funding_source SET share_bp = CASE code WHEN 'ESF' THEN 8600 ELSE 1400 END WHERE project_id = $1`
	if _, err := dbtest.Superuser(t, db).Exec(p2shares, p2.ID); err != nil {
		t.Fatal(err)
	}
	assessor, provider := f.Provider(), f.Provider()
	type kid struct {
		id, plan, project, municipality int
		parents                         []int
	}
	var kids []kid
	for i := 0; i < 24; i++ {
		m, p := []int{riga, liep, rez}[i%3], p1
		if m == rez || (m == riga && i%2 == 0) {
			p = p2
		}
		c := f.Case(p.ID, m, assessor.ID, provider.ID, domain.PlanActive)
		k := kid{id: c.Child.ID, plan: c.Plan.PlanID, project: p.ID, municipality: m}
		if i%4 != 3 { // some children have no parent: a family of one
			k.parents = append(k.parents, f.Parent(c.Child.ID).ID)
		}
		kids = append(kids, k)
	}
	// Varied children's attributes and plans' periods, for the dimensions.
	must := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	impairments := []string{"VISION", "HEARING", "MOBILITY", "INTELLECTUAL"}
	for i, k := range kids {
		imp := []string{}
		for j, x := range impairments {
			if (i>>j)&1 == 1 {
				imp = append(imp, x)
			}
		}
		must(`UPDATE child SET birth_date = $2, sex = $3, living_arrangement = $4, impairments = $5 WHERE id = $1`, k.id,
			time.Date(2008+i%15, time.Month(1+i%12), 1+i%27, 0, 0, 0, 0, time.UTC), []string{"FEMALE", "MALE"}[i%2],
			[]string{"FAMILY", "FOSTER_FAMILY", "GUARDIAN", "INSTITUTION"}[i%4], pq.Array(imp))
		from := time.Date(2024+rnd.IntN(3), time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), 0, 0, 0, 0, time.UTC)
		must(`UPDATE plan_revision SET valid_from = $2, valid_to = $3 WHERE plan_id = $1`, k.plan, from, from.AddDate(0, 3+rnd.IntN(12), rnd.IntN(20)))
	}
	var types []domain.ServiceType
	for _, st := range f.Service {
		types = append(types, *st)
	}
	slices.SortFunc(types, func(a, b domain.ServiceType) int { return a.ID - b.ID })

	var deliveryIDs []int
	insert := func() {
		k := kids[rnd.IntN(len(kids))]
		st := types[rnd.IntN(len(types))]
		var parent *int
		if len(k.parents) > 0 && rnd.IntN(3) == 0 {
			parent = &k.parents[rnd.IntN(len(k.parents))]
		}
		recipient := "CHILD"
		if parent != nil {
			recipient = "PARENTS"
		}
		status, reason := []string{"RECORDED", "VERIFIED", "VERIFIED", "REJECTED"}[rnd.IntN(4)], (*string)(nil)
		if status == "REJECTED" {
			r := "test"
			reason = &r
		}
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rnd.IntN(1050))
		var id int
		if err := db.Get(&id, `INSERT INTO service_delivery (plan_id, line_key, child_id, project_id, municipality_id, service_type_id,
				date, units, recipient, parent_id, provider_id, specialist_name, unit_price, price_source, status, reject_reason)
			VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10, 'Tests', $11, 'CATALOGUE', $12, $13) RETURNING id`,
			k.plan, k.id, k.project, k.municipality, st.ID, day, 1+rnd.IntN(5), recipient, parent, provider.ID,
			fmt.Sprintf("%d.%02d", 10+rnd.IntN(40), rnd.IntN(100)), status, reason); err != nil {
			t.Fatal(err)
		}
		deliveryIDs = append(deliveryIDs, id)
	}
	change := func() {
		if len(deliveryIDs) == 0 {
			return
		}
		i := rnd.IntN(len(deliveryIDs))
		id := deliveryIDs[i]
		switch rnd.IntN(6) {
		case 0: // a correction of the date and units
			must(`UPDATE service_delivery SET date = date + $2::int, units = 1 + $3::int WHERE id = $1`, id, rnd.IntN(60)-30, rnd.IntN(4))
		case 1: // rejected
			must(`UPDATE service_delivery SET status = 'REJECTED', reject_reason = 'test' WHERE id = $1`, id)
		case 2: // recorded again (a rejected one counts again)
			must(`UPDATE service_delivery SET status = 'VERIFIED', reject_reason = NULL WHERE id = $1`, id)
		case 3: // a price correction
			must(`UPDATE service_delivery SET unit_price = unit_price + 1.01 WHERE id = $1`, id)
		case 4: // gone
			must(`DELETE FROM service_delivery WHERE id = $1`, id)
			deliveryIDs = slices.Delete(deliveryIDs, i, i+1)
		case 5: // recorded for another municipality
			must(`UPDATE service_delivery SET municipality_id = $2 WHERE id = $1`, id, []int{riga, liep, rez}[rnd.IntN(3)])
		}
	}
	relink := func() {
		a, b := kids[rnd.IntN(len(kids))], kids[rnd.IntN(len(kids))]
		if len(a.parents) == 0 || a.id == b.id {
			return
		}
		p := a.parents[0]
		var linked bool
		db.Get(&linked, `SELECT EXISTS (SELECT 1 FROM child_parent WHERE child_id = $1 AND parent_id = $2)`, b.id, p)
		if linked {
			must(`DELETE FROM child_parent WHERE child_id = $1 AND parent_id = $2`, b.id, p)
		} else {
			must(`INSERT INTO child_parent (child_id, parent_id, relation, legal_representative) VALUES ($1, $2, 'GUARDIAN', true)`, b.id, p)
		}
	}
	for range 600 {
		insert()
	}

	ctx := f.Ctx // an ADMIN: national, nothing suppressed
	for round := range 80 {
		for range rnd.IntN(8) {
			switch rnd.IntN(4) {
			case 0:
				insert()
			case 1, 2:
				change()
			case 3:
				relink()
			}
		}
		if round%10 == 9 { // the server folds the cube's appended changes now and then
			must(`SELECT stat_cell_compact()`)
		}
		filter, dims := randomStatRequest(rnd, f, []int{p1.ID, p2.ID}, types)
		got, err := f.Svc.Statistics.Query(ctx, filter, dims, 5, "test")
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		want := bruteForceStatistics(t, db, filter, dims)
		compareStatistics(t, round, filter, dims, got, want)
		if t.Failed() {
			return
		}
	}
}

func randomStatRequest(rnd *rand.Rand, f *fixture.F, projects []int, types []domain.ServiceType) (domain.StatisticsFilter, []domain.StatDimension) {
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rnd.IntN(900))
	if rnd.IntN(3) == 0 {
		from = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC) // whole months only
	}
	to := from.AddDate(0, 0, rnd.IntN(500))
	switch rnd.IntN(6) { // the periods the cube holds: whole months, one month, one year
	case 0:
		from = time.Date(2024+rnd.IntN(3), time.Month(1+rnd.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
		to = from.AddDate(0, 1+rnd.IntN(14), -1)
	case 1:
		from = time.Date(2024+rnd.IntN(3), time.Month(1+rnd.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
		to = from.AddDate(0, 1, -1)
	case 2:
		from = time.Date(2024+rnd.IntN(3), 1, 1, 0, 0, 0, 0, time.UTC)
		to = from.AddDate(1, 0, -1)
	}
	var filter domain.StatisticsFilter
	filter.From, filter.To = from, to
	switch rnd.IntN(8) {
	case 0:
		filter.MunicipalityIDs = []int{f.Municipality("Rīga").ID}
	case 1:
		filter.RegionIDs = []int{f.Region(domain.RegionLatgale), f.Region(domain.RegionKurzeme)}
	case 2:
		filter.ProjectIDs = projects[:1]
	case 3:
		filter.ServiceTypeIDs = []int{types[0].ID, types[3].ID, types[5].ID}
	case 4:
		filter.ServiceCategories = []domain.ServiceCategory{"SOCIAL_REHABILITATION"}
	case 5:
		r := domain.Recipient([]string{"CHILD", "PARENTS"}[rnd.IntN(2)])
		filter.Recipient = &r
	}
	var dims []domain.StatDimension
	choices := domain.StatDimensions
	if rnd.IntN(2) == 0 { // what the cube groups by
		choices = []domain.StatDimension{domain.DimRegion, domain.DimMunicipality, domain.DimProject, domain.DimFundingSource,
			domain.DimMonth, domain.DimYear}
	}
	for range rnd.IntN(4) {
		d := choices[rnd.IntN(len(choices))]
		if slices.Contains(dims, d) {
			continue
		}
		timeDim := func(x domain.StatDimension) bool {
			return x == domain.DimYear || x == domain.DimQuarter || x == domain.DimMonth
		}
		if timeDim(d) && slices.ContainsFunc(dims, timeDim) {
			continue
		}
		dims = append(dims, d)
	}
	return filter, dims
}

// bruteForce* recompute the figures from the raw rows, as the schema defines them.
type bfCell struct {
	children, families, parents, withPlans map[int]bool
	sessions, hours, days, deliveries      int
	byProject                              map[int]domain.Money
}

func newBFCell() *bfCell {
	return &bfCell{children: map[int]bool{}, families: map[int]bool{}, parents: map[int]bool{}, withPlans: map[int]bool{}, byProject: map[int]domain.Money{}}
}

type bfChild struct {
	ID           int            `db:"id"`
	Birth        time.Time      `db:"birth_date"`
	Sex          string         `db:"sex"`
	Municipality int            `db:"municipality_id"`
	Region       int            `db:"region_id"`
	Living       string         `db:"living_arrangement"`
	Impairments  pq.StringArray `db:"impairments"`
}

func bruteForceStatistics(t *testing.T, db *sqlx.DB, f domain.StatisticsFilter, dims []domain.StatDimension) map[string]*bfCell {
	t.Helper()
	var children []bfChild
	if err := db.Select(&children, `SELECT c.id, c.birth_date, c.sex, c.municipality_id, m.region_id, c.living_arrangement, c.impairments
		FROM child c JOIN municipality m ON m.id = c.municipality_id`); err != nil {
		t.Fatal(err)
	}
	child := map[int]bfChild{}
	for _, c := range children {
		child[c.ID] = c
	}
	// Families by union-find over the links.
	var links []struct {
		Child  int `db:"child_id"`
		Parent int `db:"parent_id"`
	}
	if err := db.Select(&links, `SELECT child_id, parent_id FROM child_parent`); err != nil {
		t.Fatal(err)
	}
	up := map[int]int{}
	var find func(int) int
	find = func(x int) int {
		if p, ok := up[x]; ok && p != x {
			r := find(p)
			up[x] = r
			return r
		}
		return x
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra != rb {
			up[max(ra, rb)] = min(ra, rb)
		}
	}
	firstChildOf := map[int]int{}
	for _, l := range links {
		if c, ok := firstChildOf[l.Parent]; ok {
			union(c, l.Child)
		} else {
			firstChildOf[l.Parent] = l.Child
		}
	}
	type stype struct {
		ID       int    `db:"id"`
		Category string `db:"category"`
		Unit     string `db:"unit"`
	}
	var sts []stype
	db.Select(&sts, `SELECT id, category, unit FROM service_type`)
	types := map[int]stype{}
	for _, s := range sts {
		types[s.ID] = s
	}
	region := map[int]int{}
	var ms []struct {
		ID     int `db:"id"`
		Region int `db:"region_id"`
	}
	db.Select(&ms, `SELECT id, region_id FROM municipality`)
	for _, m := range ms {
		region[m.ID] = m.Region
	}
	in := func(list []int, v int) bool { return len(list) == 0 || slices.Contains(list, v) }
	serviceOK := func(typeID int, parents bool) bool {
		if !in(f.ServiceTypeIDs, typeID) {
			return false
		}
		if len(f.ServiceCategories) > 0 && !slices.Contains(f.ServiceCategories, domain.ServiceCategory(types[typeID].Category)) {
			return false
		}
		return f.Recipient == nil || (*f.Recipient == "PARENTS") == parents
	}
	month := func(d time.Time) time.Time { return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC) }
	keys := func(c bfChild, m time.Time, municipality, project, typeID int, parents bool) []string {
		if len(dims) == 0 {
			return []string{"total"}
		}
		out := []string{""}
		for _, d := range dims {
			var vals []string
			switch d {
			case domain.DimRegion:
				vals = []string{fmt.Sprint(region[municipality])}
			case domain.DimMunicipality:
				vals = []string{fmt.Sprint(municipality)}
			case domain.DimProject:
				vals = []string{fmt.Sprint(project)}
			case domain.DimServiceType:
				vals = []string{fmt.Sprint(typeID)}
			case domain.DimServiceCategory:
				vals = []string{types[typeID].Category}
			case domain.DimRecipient:
				vals = []string{map[bool]string{false: "CHILD", true: "PARENTS"}[parents]}
			case domain.DimYear:
				vals = []string{m.Format("2006")}
			case domain.DimQuarter:
				vals = []string{fmt.Sprintf("%d-Q%d", m.Year(), (int(m.Month())+2)/3)}
			case domain.DimMonth:
				vals = []string{m.Format("2006-01")}
			case domain.DimAgeBand:
				age := m.Year() - c.Birth.Year()
				if m.Month() < c.Birth.Month() || (m.Month() == c.Birth.Month() && m.Day() < c.Birth.Day()) {
					age--
				}
				vals = []string{domain.AgeBand(age)}
			case domain.DimSex:
				vals = []string{c.Sex}
			case domain.DimImpairment:
				vals = []string(c.Impairments)
				if len(vals) == 0 {
					vals = []string{""}
				}
			case domain.DimLivingArrangement:
				vals = []string{c.Living}
			case domain.DimFundingSource:
				continue // split afterwards
			}
			var next []string
			for _, k := range out {
				for _, v := range vals {
					next = append(next, k+"|"+v)
				}
			}
			out = next
		}
		return append(out, "total")
	}
	cells := map[string]*bfCell{}
	cell := func(k string) *bfCell {
		if cells[k] == nil {
			cells[k] = newBFCell()
		}
		return cells[k]
	}
	var deliveries []struct {
		Child, Municipality, Project, Type int
		Parent                             *int
		Date                               time.Time
		Units                              int
		Price                              domain.Money
	}
	if err := db.Select(&deliveries, `SELECT child_id AS child, municipality_id AS municipality, project_id AS project,
		service_type_id AS type, parent_id AS parent, date, units, unit_price AS price
		FROM service_delivery WHERE status <> 'REJECTED' AND date BETWEEN $1 AND $2`, f.From, f.To); err != nil {
		t.Fatal(err)
	}
	for _, d := range deliveries {
		if !in(f.MunicipalityIDs, d.Municipality) || !in(f.RegionIDs, region[d.Municipality]) || !in(f.ProjectIDs, d.Project) ||
			!serviceOK(d.Type, d.Parent != nil) {
			continue
		}
		for _, k := range keys(child[d.Child], month(d.Date), d.Municipality, d.Project, d.Type, d.Parent != nil) {
			c := cell(k)
			if d.Parent == nil {
				c.children[d.Child] = true
			} else {
				c.parents[*d.Parent] = true
			}
			c.families[find(d.Child)] = true
			switch types[d.Type].Unit {
			case "SESSION":
				c.sessions += d.Units
			case "HOUR":
				c.hours += d.Units
			case "DAY":
				c.days += d.Units
			}
			c.deliveries++
			c.byProject[d.Project] += domain.Money(d.Units) * d.Price
		}
	}
	var plans []struct {
		Child, Project, Revision int
		From                     time.Time `db:"valid_from"`
		To                       time.Time `db:"valid_to"`
	}
	if err := db.Select(&plans, `SELECT p.child_id AS child, p.project_id AS project, r.id AS revision, r.valid_from, r.valid_to
		FROM support_plan p JOIN plan_revision r ON r.plan_id = p.id WHERE r.status IN ('APPROVED', 'ACTIVE', 'CLOSED')`); err != nil {
		t.Fatal(err)
	}
	for _, p := range plans {
		c := child[p.Child]
		if p.From.After(f.To) || p.To.Before(f.From) || !in(f.MunicipalityIDs, c.Municipality) || !in(f.RegionIDs, c.Region) ||
			!in(f.ProjectIDs, p.Project) {
			continue
		}
		var lines []struct {
			Type      int    `db:"service_type_id"`
			Recipient string `db:"recipient"`
		}
		db.Select(&lines, `SELECT service_type_id, recipient FROM plan_line WHERE revision_id = $1`, p.Revision)
		var ok []int
		for i, l := range lines {
			if serviceOK(l.Type, l.Recipient == "PARENTS") {
				ok = append(ok, i)
			}
		}
		if len(ok) == 0 {
			continue
		}
		for m := month(maxTime(p.From, f.From)); !m.After(minTime(p.To, f.To)); m = m.AddDate(0, 1, 0) {
			for _, i := range ok {
				for _, k := range keys(c, m, c.Municipality, p.Project, lines[i].Type, lines[i].Recipient == "PARENTS") {
					cell(k).withPlans[p.Child] = true
				}
			}
		}
	}
	return cells
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func compareStatistics(t *testing.T, round int, f domain.StatisticsFilter, dims []domain.StatDimension, got *domain.StatisticsResult, want map[string]*bfCell) {
	t.Helper()
	fund := slices.Contains(dims, domain.DimFundingSource)
	// The service's rows, keyed as the brute force keys them (without the fund).
	render := func(k domain.StatKey) string {
		s := ""
		for _, d := range dims {
			var v any
			switch d {
			case domain.DimRegion:
				v = k.RegionID
			case domain.DimMunicipality:
				v = k.MunicipalityID
			case domain.DimProject:
				v = k.ProjectID
			case domain.DimServiceType:
				v = k.ServiceTypeID
			case domain.DimServiceCategory:
				v = k.ServiceCategory
			case domain.DimRecipient:
				v = k.Recipient
			case domain.DimYear, domain.DimQuarter, domain.DimMonth:
				v = k.Period
			case domain.DimAgeBand:
				v = k.AgeBand
			case domain.DimSex:
				v = k.Sex
			case domain.DimImpairment:
				v = k.Impairment
			case domain.DimLivingArrangement:
				v = k.LivingArrangement
			default:
				continue
			}
			s += "|" + fmt.Sprint(v)
		}
		return s
	}
	describe := func(m domain.StatMeasures) string {
		return fmt.Sprintf("children %d families %d parents %d plans %d sessions %d hours %d days %d deliveries %d cost %s",
			m.Children, m.Families, m.Parents, m.ChildrenWithPlans, m.Sessions, m.Hours, m.Days, m.Deliveries, m.Cost)
	}
	wantOf := func(c *bfCell) domain.StatMeasures {
		m := domain.StatMeasures{Children: len(c.children), Families: len(c.families), Parents: len(c.parents), ChildrenWithPlans: len(c.withPlans),
			Sessions: c.sessions, Hours: c.hours, Days: c.days, Deliveries: c.deliveries}
		for _, amount := range c.byProject {
			m.Cost += amount
		}
		return m
	}
	ctxt := fmt.Sprintf("round %d, %s..%s, %+v, by %v", round, f.From.Format("2006-01-02"), f.To.Format("2006-01-02"), f, dims)
	totalWant := want["total"]
	if totalWant == nil {
		totalWant = newBFCell()
	}
	wm := wantOf(totalWant)
	gm := got.Total
	gm.ByFund, gm.Suppressed = nil, false
	if describe(gm) != describe(wm) {
		t.Errorf("%s: total\n got %s\nwant %s", ctxt, describe(gm), describe(wm))
	}
	var fundTotal domain.Money
	for _, part := range got.Total.ByFund {
		fundTotal += part.Amount
	}
	if fundTotal != got.Total.Cost {
		t.Errorf("%s: the funds' parts add up to %s, the cost is %s", ctxt, fundTotal, got.Total.Cost)
	}
	gotRows := map[string]domain.StatMeasures{}
	for _, r := range got.Rows {
		k := render(r.Key)
		if fund {
			prev, seen := gotRows[k]
			m := r.StatMeasures
			if seen {
				if prev.Children != m.Children || prev.Sessions != m.Sessions {
					t.Errorf("%s: a fund's row repeats other people or units than its sibling: %s vs %s", ctxt, describe(prev), describe(m))
				}
				m.Cost += prev.Cost
			}
			gotRows[k] = m
			continue
		}
		if _, dup := gotRows[k]; dup {
			t.Errorf("%s: row %q twice", ctxt, k)
		}
		gotRows[k] = r.StatMeasures
	}
	for k, c := range want {
		if k == "total" {
			continue
		}
		g, ok := gotRows[k]
		wm := wantOf(c)
		if !ok {
			t.Errorf("%s: row %q missing, want %s", ctxt, k, describe(wm))
			continue
		}
		g.ByFund = nil
		if describe(g) != describe(wm) {
			t.Errorf("%s: row %q\n got %s\nwant %s", ctxt, k, describe(g), describe(wm))
		}
		delete(gotRows, k)
	}
	for k, g := range gotRows {
		t.Errorf("%s: row %q not expected: %s", ctxt, k, describe(g))
	}
}

// TestStatisticsConcurrentWrites: fifty writers record, correct, reject and delete deliveries
// of siblings at once (locking children and then families in order, as the store does) while
// the cube's changes are folded in; afterwards the cube equals one built anew from the
// deliveries (stat_rebuild), and no writer failed (no deadlock).
func TestStatisticsConcurrentWrites(t *testing.T) {
	t.Parallel()
	db := dbtest.Open(t)
	f := fixture.New(t, db)
	riga, liep := f.Municipality("Rīga").ID, f.Municipality("Liepāja").ID
	p1 := f.Project(domain.RegionKurzeme, liep, riga)
	assessor, provider := f.Provider(), f.Provider()
	type kid struct{ id, plan, municipality, parent int }
	var kids []kid
	for i := 0; i < 18; i++ {
		m := []int{riga, liep}[i%2]
		c := f.Case(p1.ID, m, assessor.ID, provider.ID, domain.PlanActive)
		k := kid{id: c.Child.ID, plan: c.Plan.PlanID, municipality: m}
		if i%3 == 0 {
			k.parent = f.Parent(c.Child.ID).ID
		} else { // a sibling: the first child's parent is theirs too
			k.parent = kids[i-i%3].parent
			if _, err := db.Exec(`INSERT INTO child_parent (child_id, parent_id, relation, legal_representative) VALUES ($1, $2, 'MOTHER', true)`,
				k.id, k.parent); err != nil {
				t.Fatal(err)
			}
		}
		kids = append(kids, k)
	}
	st := f.Service["PHYSIOTHERAPY"]
	stop := make(chan struct{})
	compacted := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stop:
				compacted <- nil
				return
			case <-time.After(20 * time.Millisecond):
				if _, err := db.Exec(`SELECT stat_cell_compact()`); err != nil {
					compacted <- err
					return
				}
			}
		}
	}()
	errs := make(chan error, 50)
	for w := range 50 {
		go func() {
			rnd := rand.New(rand.NewPCG(uint64(w), 7))
			for range 8 {
				batch := make([]kid, 1+rnd.IntN(4))
				ids := make([]int, len(batch))
				for i := range batch {
					batch[i] = kids[rnd.IntN(len(kids))]
					ids[i] = batch[i].id
				}
				tx, err := db.Beginx()
				if err != nil {
					errs <- err
					return
				}
				_, err = tx.Exec(`SELECT 1 FROM child WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`, pq.Array(ids))
				if err == nil {
					_, err = tx.Exec(`SELECT stat_lock_family(family_id) FROM (SELECT DISTINCT family_id FROM child_family
						WHERE child_id = ANY($1) ORDER BY family_id) f`, pq.Array(ids))
				}
				for _, k := range batch { // in the client's order, not the locks'
					if err != nil {
						break
					}
					var parent *int
					if rnd.IntN(3) == 0 {
						parent = &k.parent
					}
					recipient := map[bool]string{false: "CHILD", true: "PARENTS"}[parent != nil]
					var id int
					err = tx.Get(&id, `INSERT INTO service_delivery (plan_id, line_key, child_id, project_id, municipality_id, service_type_id,
							date, units, recipient, parent_id, provider_id, specialist_name, unit_price, price_source, status)
						VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, 1, $7, $8, $9, 'Tests', 20.50, 'CATALOGUE', 'RECORDED') RETURNING id`,
						k.plan, k.id, p1.ID, k.municipality, st.ID, time.Date(2025, time.Month(1+rnd.IntN(3)), 1+rnd.IntN(28), 0, 0, 0, 0, time.UTC),
						recipient, parent, provider.ID)
					if err == nil && rnd.IntN(4) == 0 {
						_, err = tx.Exec(`UPDATE service_delivery SET date = date + 31 WHERE id = $1`, id)
					}
					if err == nil && rnd.IntN(6) == 0 {
						_, err = tx.Exec(`UPDATE service_delivery SET status = 'REJECTED', reject_reason = 'test' WHERE id = $1`, id)
					}
				}
				if err != nil {
					tx.Rollback()
					errs <- err
					return
				}
				if err := tx.Commit(); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 50 {
		if err := <-errs; err != nil {
			t.Errorf("a writer: %v", err)
		}
	}
	close(stop)
	if err := <-compacted; err != nil {
		t.Fatal(err)
	}
	snapshot := func() (cells, members []string) {
		t.Helper()
		if err := db.Select(&cells, `SELECT concat_ws(' ', grain, period, municipality_id, project_id, sum(children), sum(families),
				sum(parents), sum(with_plans), sum(deliveries), sum(sessions), sum(cost_cents))
			FROM (SELECT * FROM stat_cell UNION ALL SELECT * FROM stat_cell_delta) c
			GROUP BY grain, period, municipality_id, project_id
			HAVING sum(deliveries) <> 0 OR sum(with_plans) <> 0 OR sum(children) <> 0 OR sum(families) <> 0 OR sum(parents) <> 0
			ORDER BY 1`); err != nil {
			t.Fatal(err)
		}
		if err := db.Select(&members, `SELECT concat_ws(' ', grain, period, kind, person_id, municipality_id, project_id, refs, served,
				family_id, counted, family_counted, family_multi) FROM stat_member ORDER BY 1`); err != nil {
			t.Fatal(err)
		}
		return cells, members
	}
	cells, members := snapshot()
	var n int
	db.Get(&n, `SELECT count(*) FROM service_delivery`)
	if _, err := dbtest.Superuser(t, db).Exec(`SELECT stat_rebuild()`); err != nil {
		t.Fatal(err)
	}
	wantCells, wantMembers := snapshot()
	t.Logf("%d deliveries by 50 writers: %d cells, %d people's rows", n, len(cells), len(members))
	if !slices.Equal(cells, wantCells) {
		t.Errorf("the cube's cells differ from a rebuild:\n got %v\nwant %v", cells, wantCells)
	}
	if !slices.Equal(members, wantMembers) {
		t.Errorf("the people's rows differ from a rebuild:\n got %v\nwant %v", members, wantMembers)
	}
	// The children's counted sessions (migration 00012), kept by their trigger through the
	// same writes, equal a recount.
	var sessions, wantSessions []string
	countSessions := `SELECT concat_ws(' ', child_id, project_id, sessions) FROM child_project_sessions WHERE sessions <> 0 ORDER BY 1`
	if err := db.Select(&sessions, countSessions); err != nil {
		t.Fatal(err)
	}
	if _, err := dbtest.Superuser(t, db).Exec(`SELECT child_sessions_rebuild()`); err != nil {
		t.Fatal(err)
	}
	if err := db.Select(&wantSessions, countSessions); err != nil {
		t.Fatal(err)
	}
	if len(sessions) == 0 || !slices.Equal(sessions, wantSessions) {
		t.Errorf("the children's counted sessions differ from a recount:\n got %v\nwant %v", sessions, wantSessions)
	}
	// So do the plan lines' delivered units and money (migration 00014).
	var usage, wantUsage []string
	countUsage := `SELECT concat_ws(' ', plan_id, line_key, service_type_id, recipient, child_id, project_id, units, amount)
		FROM plan_line_usage WHERE units <> 0 OR amount <> 0 ORDER BY 1`
	if err := db.Select(&usage, countUsage); err != nil {
		t.Fatal(err)
	}
	if _, err := dbtest.Superuser(t, db).Exec(`SELECT plan_line_usage_rebuild()`); err != nil {
		t.Fatal(err)
	}
	if err := db.Select(&wantUsage, countUsage); err != nil {
		t.Fatal(err)
	}
	if len(usage) == 0 || !slices.Equal(usage, wantUsage) {
		t.Errorf("the plan lines' usage differs from a recount:\n got %v\nwant %v", usage, wantUsage)
	}
}
