package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// Statistics over the maintained aggregate stat_delivery_month (migration 00011): whole
// months are read from it, the days of a month the period covers only in part from the
// deliveries themselves, so that any period is exact. Plans are counted from the plans.
// Everything is read in one read-only REPEATABLE READ transaction, so the rows and the total
// come from the same moment.

// statDim is how a dimension is read: its SQL over the rows `b` (the deliveries' aggregate,
// with municipality `m`, service type `st` and child `c` joined) and over the plans (plan `p`,
// revision `r`, child `c`, municipality `m`, line `l` when needed, month `g.month`).
type statDim struct {
	delivery, plan string
	child          bool // needs the child joined
	line           bool // over plans: needs the plan's lines
	month          bool // over plans: needs the months the plan covers
}

// ageSQL is the age band of the child on the first day of a month.
func ageSQL(month string) string {
	return `CASE WHEN date_part('year', age(` + month + `, c.birth_date)) <= 4 THEN '0-4'
		WHEN date_part('year', age(` + month + `, c.birth_date)) <= 6 THEN '5-6'
		WHEN date_part('year', age(` + month + `, c.birth_date)) <= 12 THEN '7-12'
		WHEN date_part('year', age(` + month + `, c.birth_date)) <= 17 THEN '13-17' ELSE '18+' END`
}

var statDims = map[domain.StatDimension]statDim{
	domain.DimRegion:            {delivery: "m.region_id", plan: "m.region_id"},
	domain.DimMunicipality:      {delivery: "b.municipality_id", plan: "c.municipality_id"},
	domain.DimProject:           {delivery: "b.project_id", plan: "p.project_id"},
	domain.DimServiceType:       {delivery: "b.service_type_id", plan: "l.service_type_id", line: true},
	domain.DimServiceCategory:   {delivery: "st.category", plan: "lst.category", line: true},
	domain.DimRecipient:         {delivery: "CASE WHEN b.parent_id = 0 THEN 'CHILD' ELSE 'PARENTS' END", plan: "l.recipient", line: true},
	domain.DimYear:              {delivery: "to_char(b.month, 'YYYY')", plan: "to_char(g.month, 'YYYY')", month: true},
	domain.DimQuarter:           {delivery: `to_char(b.month, 'YYYY-"Q"Q')`, plan: `to_char(g.month, 'YYYY-"Q"Q')`, month: true},
	domain.DimMonth:             {delivery: "to_char(b.month, 'YYYY-MM')", plan: "to_char(g.month, 'YYYY-MM')", month: true},
	domain.DimAgeBand:           {delivery: ageSQL("b.month"), plan: ageSQL("g.month"), child: true, month: true},
	domain.DimSex:               {delivery: "c.sex", plan: "c.sex", child: true},
	domain.DimImpairment:        {delivery: "imp.kind", plan: "imp.kind", child: true},
	domain.DimLivingArrangement: {delivery: "c.living_arrangement", plan: "c.living_arrangement", child: true},
}

// statRow is a row of the deliveries' query: the dimensions' values as text (null where the
// row is the total), the grouping bits and the measures.
type statRow struct {
	Dims              pq.StringArray `db:"dims"`
	Total             bool           `db:"is_total"`
	ProjectID         int            `db:"project_id"`
	Children          int            `db:"children"`
	Families          int            `db:"families"`
	Parents           int            `db:"parents"`
	ChildrenWithPlans int            `db:"with_plans"`
	Sessions          int            `db:"sessions"`
	Hours             int            `db:"hours"`
	Days              int            `db:"days"`
	Deliveries        int            `db:"deliveries"`
	CostCents         int64          `db:"cost_cents"`
}

// addPeople adds the row's counts of people to a cell's (the cube's rows add up: see countCube).
func (r statRow) addPeople(m *domain.StatMeasures) {
	m.Children += r.Children
	m.Families += r.Families
	m.Parents += r.Parents
	m.ChildrenWithPlans += r.ChildrenWithPlans
}

// StatisticsQuery is one statistics request as the store runs it.
type StatisticsQuery struct {
	Scope  domain.ClaimScope
	Filter domain.StatisticsFilter
	Dims   []domain.StatDimension // FUNDING_SOURCE is the caller's (it splits cost by project)

	cellsOnly bool // count the cells without the total
}

// StatisticsCells are the store's answer: a cell per combination of the dimensions' values
// (their text in Dims, in the query's order), the total, and each cell's cost per project.
type StatisticsCells struct {
	Cells      map[string]*StatCellRow // by the joined dimension values
	Order      []string                // the cells' keys in order
	Total      StatCellRow
	AsOf       time.Time
	ProjectIDs []int // every project with cost in the result
}

// StatCellRow is a cell's figures as counted, with its cost per project.
type StatCellRow struct {
	Dims      []string // the dimensions' values as text; "" for a null (no impairment)
	Measures  domain.StatMeasures
	ByProject map[int]domain.Money
}

// Statistics counts the figures of a request.
func (s *Store) Statistics(ctx context.Context, q StatisticsQuery) (*StatisticsCells, error) {
	out := &StatisticsCells{Cells: map[string]*StatCellRow{}, Total: StatCellRow{ByProject: map[int]domain.Money{}}}
	err := s.readSnapshot(ctx, func(tx *sqlx.Tx) error {
		// On the primary the time of the snapshot; on a replica its last replayed commit.
		asOf, err := AsOf(ctx, tx)
		if err != nil {
			return err
		}
		out.AsOf = asOf
		// The cells and the total each from the cube when it holds them (whole months or
		// years, grouped by region, municipality, project and the period), else counted from
		// the monthly aggregate and the deliveries. A child with several impairments is in
		// several cells but once in the total: with IMPAIRMENT the total is counted apart too.
		cellsGrain, totalGrain := cubeGrains(q)
		cells, total := q, q
		cells.cellsOnly, total.Dims = true, nil
		switch {
		case len(dimsWithout(q.Dims, domain.DimFundingSource)) == 0:
			// the total alone
		case cellsGrain != 0:
			if err := out.countCube(ctx, tx, cells, cellsGrain); err != nil {
				return err
			}
		case totalGrain == 0 && !slices.Contains(q.Dims, domain.DimImpairment):
			return out.count(ctx, tx, q) // cells and total in one pass
		default:
			if err := out.count(ctx, tx, cells); err != nil {
				return err
			}
		}
		if totalGrain != 0 {
			return out.countCube(ctx, tx, total, totalGrain)
		}
		return out.count(ctx, tx, total)
	})
	return out, wrap("statistics", err)
}

// cubeGrains tells at which grain the cube holds the request's cells and its total ('M' for
// months, 'Y' for years), or 0 where it does not: the cube has no service types, recipients
// or children's attributes, and a person is counted once only within one period of its grain.
func cubeGrains(q StatisticsQuery) (cells, total byte) {
	f := q.Filter
	if len(f.ServiceTypeIDs) > 0 || len(f.ServiceCategories) > 0 || f.Recipient != nil {
		return 0, 0
	}
	wholeMonths := f.From.Day() == 1 && f.To.AddDate(0, 0, 1).Day() == 1
	wholeYears := wholeMonths && f.From.Month() == time.January && f.To.Month() == time.December
	oneMonth := wholeMonths && f.From.Year() == f.To.Year() && f.From.Month() == f.To.Month()
	oneYear := wholeYears && f.From.Year() == f.To.Year()
	switch {
	case oneMonth:
		total = 'M'
	case oneYear:
		total = 'Y'
	}
	timeDim := byte(0)
	for _, d := range q.Dims {
		switch d {
		case domain.DimRegion, domain.DimMunicipality, domain.DimProject, domain.DimFundingSource:
		case domain.DimMonth:
			timeDim = 'M'
		case domain.DimYear:
			timeDim = 'Y'
		default:
			return 0, total
		}
	}
	switch {
	case timeDim == 'M' && wholeMonths, timeDim == 'Y' && wholeYears:
		return timeDim, total
	case timeDim == 0:
		return total, total
	}
	return 0, total
}

// countCube adds the cells (or the total) of q from the cube at a grain: the sums and the
// people counted in one cell from stat_cell (and its appended changes), the people in several
// cells of a period from their stat_member rows.
func (out *StatisticsCells) countCube(ctx context.Context, tx *sqlx.Tx, q StatisticsQuery, grain byte) error {
	dims := dimsWithout(q.Dims, domain.DimFundingSource)
	var exprs []string
	for _, d := range dims {
		switch d {
		case domain.DimRegion:
			exprs = append(exprs, "m.region_id::text")
		case domain.DimMunicipality:
			exprs = append(exprs, "c.municipality_id::text")
		case domain.DimProject:
			exprs = append(exprs, "c.project_id::text")
		case domain.DimMonth:
			exprs = append(exprs, "to_char(c.period, 'YYYY-MM')")
		case domain.DimYear:
			exprs = append(exprs, "to_char(c.period, 'YYYY')")
		}
	}
	list := "ARRAY[" + strings.Join(exprs, ", ") + "]::text[]"
	group := strings.Join(exprs, ", ")
	total := len(exprs) == 0
	where := func(args *[]any) string {
		conds := deliveryFilterSQL(q, "c", "false", args)
		conds = append(conds, bind(args, "c.grain = $%d AND c.period BETWEEN $%d AND $%d", string(grain), q.Filter.From, q.Filter.To))
		return and(conds)
	}
	var args []any
	cellWhere := where(&args)
	query := `SELECT ` + list + ` AS dims, ` + fmt.Sprint(total) + ` AS is_total, c.project_id,
		sum(c.children) AS children, sum(c.families) AS families, sum(c.parents) AS parents, sum(c.with_plans) AS with_plans,
		sum(c.deliveries) AS deliveries, sum(c.sessions) AS sessions, sum(c.hours) AS hours, sum(c.days) AS days,
		sum(c.cost_cents) AS cost_cents
		FROM (SELECT * FROM stat_cell c` + cellWhere + ` UNION ALL SELECT * FROM stat_cell_delta c` + cellWhere + `) c
		JOIN municipality m ON m.id = c.municipality_id
		GROUP BY ` + strings.TrimPrefix(group+", c.project_id", ", ") + `
		HAVING sum(c.deliveries) <> 0 OR sum(c.with_plans) <> 0 OR sum(c.children) <> 0 OR sum(c.families) <> 0 OR sum(c.parents) <> 0`
	var rows []statRow
	if err := sqlx.SelectContext(ctx, tx, &rows, query, args...); err != nil {
		return fmt.Errorf("cube: %w", err)
	}
	for _, r := range rows {
		c := out.cell(r)
		m := &c.Measures
		r.addPeople(m)
		m.Deliveries += r.Deliveries
		m.Sessions += r.Sessions
		m.Hours += r.Hours
		m.Days += r.Days
		if r.CostCents != 0 {
			c.ByProject[r.ProjectID] += domain.Money(r.CostCents)
			m.Cost += domain.Money(r.CostCents)
			if !slices.Contains(out.ProjectIDs, r.ProjectID) {
				out.ProjectIDs = append(out.ProjectIDs, r.ProjectID)
			}
		}
	}
	// The people in several cells of a period, each once per cell of the answer.
	args = nil
	query = `SELECT ` + list + ` AS dims, ` + fmt.Sprint(total) + ` AS is_total,
		count(DISTINCT c.person_id) FILTER (WHERE c.kind = 'C' AND c.served > 0 AND NOT c.counted) AS children,
		count(DISTINCT c.family_id) FILTER (WHERE c.kind = 'C' AND c.family_multi) AS families,
		count(DISTINCT c.person_id) FILTER (WHERE c.kind = 'P' AND NOT c.counted) AS parents,
		count(DISTINCT c.person_id) FILTER (WHERE c.kind = 'L' AND NOT c.counted) AS with_plans
		FROM stat_member c JOIN municipality m ON m.id = c.municipality_id` + where(&args) + `
		AND ((c.kind <> 'C' AND NOT c.counted) OR (c.kind = 'C' AND ((c.served > 0 AND NOT c.counted) OR c.family_multi)))`
	if !total {
		query += ` GROUP BY ` + group
	}
	rows = nil
	if err := sqlx.SelectContext(ctx, tx, &rows, query, args...); err != nil {
		return fmt.Errorf("cube people: %w", err)
	}
	for _, r := range rows {
		if total && r.Children+r.Families+r.Parents+r.ChildrenWithPlans == 0 {
			continue
		}
		r.addPeople(&out.cell(r).Measures)
	}
	return nil
}

// count runs the three queries of a request (people and units, cost by project, plans) and
// adds their rows to the cells.
func (out *StatisticsCells) count(ctx context.Context, tx *sqlx.Tx, q StatisticsQuery) error {
	var rows []statRow
	query, args := deliveryStatsSQL(q)
	if err := sqlx.SelectContext(ctx, tx, &rows, query, args...); err != nil {
		return fmt.Errorf("deliveries: %w", err)
	}
	for _, r := range rows {
		c := out.cell(r)
		c.Measures.Children, c.Measures.Families, c.Measures.Parents = r.Children, r.Families, r.Parents
		c.Measures.Sessions, c.Measures.Hours, c.Measures.Days, c.Measures.Deliveries = r.Sessions, r.Hours, r.Days, r.Deliveries
	}
	rows = nil
	query, args = deliveryCostSQL(q)
	if err := sqlx.SelectContext(ctx, tx, &rows, query, args...); err != nil {
		return fmt.Errorf("cost: %w", err)
	}
	for _, r := range rows {
		c := out.cell(r)
		c.ByProject[r.ProjectID] += domain.Money(r.CostCents)
		c.Measures.Cost += domain.Money(r.CostCents)
		if !slices.Contains(out.ProjectIDs, r.ProjectID) {
			out.ProjectIDs = append(out.ProjectIDs, r.ProjectID)
		}
	}
	rows = nil
	query, args = planStatsSQL(q)
	if err := sqlx.SelectContext(ctx, tx, &rows, query, args...); err != nil {
		return fmt.Errorf("plans: %w", err)
	}
	for _, r := range rows {
		out.cell(r).Measures.ChildrenWithPlans = r.ChildrenWithPlans
	}
	return nil
}

func (out *StatisticsCells) cell(r statRow) *StatCellRow {
	if r.Total {
		return &out.Total
	}
	key := strings.Join(r.Dims, "\x00")
	c, ok := out.Cells[key]
	if !ok {
		c = &StatCellRow{Dims: []string(r.Dims), ByProject: map[int]domain.Money{}}
		out.Cells[key] = c
		out.Order = append(out.Order, key)
	}
	return c
}

// readSnapshot runs fn in a read-only transaction that sees one snapshot throughout, on the
// read replica when one is configured and up (StatisticsDB), else on the primary.
func (s *Store) readSnapshot(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	db, _ := s.StatisticsDB()
	tx, err := db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// The grouping's hash tables fit in memory rather than spilling to disk.
	if _, err := tx.ExecContext(ctx, `SET LOCAL work_mem = '64MB'`); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// statPeriod splits a period into whole months [fullFrom, fullEnd) read from the aggregate
// and the days before and after them read from the deliveries.
func statPeriod(from, to time.Time) (fullFrom, fullEnd time.Time) {
	fullFrom = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if from.Day() != 1 {
		fullFrom = fullFrom.AddDate(0, 1, 0)
	}
	after := to.AddDate(0, 0, 1)
	fullEnd = time.Date(after.Year(), after.Month(), 1, 0, 0, 0, 0, time.UTC)
	if fullEnd.Before(fullFrom) {
		fullEnd = fullFrom // no whole month: every day from the deliveries
	}
	return fullFrom, fullEnd
}

// deliveryFilterSQL is the filter and scope over rows with the columns municipality_id,
// project_id, service_type_id and parent_id of alias a (the aggregate or the deliveries).
func deliveryFilterSQL(q StatisticsQuery, a, toParents string, args *[]any) []string {
	f := q.Filter
	var where []string
	if len(f.RegionIDs) > 0 {
		where = append(where, bind(args, a+".municipality_id IN (SELECT id FROM municipality WHERE region_id = ANY($%d))", pq.Array(f.RegionIDs)))
	}
	if len(f.MunicipalityIDs) > 0 {
		where = append(where, bind(args, a+".municipality_id = ANY($%d)", pq.Array(f.MunicipalityIDs)))
	}
	if len(f.ProjectIDs) > 0 {
		where = append(where, bind(args, a+".project_id = ANY($%d)", pq.Array(f.ProjectIDs)))
	}
	if len(f.ServiceTypeIDs) > 0 {
		where = append(where, bind(args, a+".service_type_id = ANY($%d)", pq.Array(f.ServiceTypeIDs)))
	}
	if len(f.ServiceCategories) > 0 {
		where = append(where, bind(args, a+".service_type_id IN (SELECT id FROM service_type WHERE category = ANY($%d))", pq.Array(f.ServiceCategories)))
	}
	if f.Recipient != nil {
		if *f.Recipient == domain.RecipientParents {
			where = append(where, toParents)
		} else {
			where = append(where, "NOT "+toParents)
		}
	}
	switch sc := q.Scope; {
	case sc.All:
	case len(sc.MunicipalityIDs) > 0:
		where = append(where, bind(args, a+".municipality_id = ANY($%d)", pq.Array(sc.MunicipalityIDs)))
	case sc.LeadRegionID != 0:
		where = append(where, bind(args, a+".project_id IN (SELECT id FROM project WHERE lead_region_id = $%d)", sc.LeadRegionID))
	default:
		where = append(where, "false")
	}
	return where
}

// deliveryBase is the rows the deliveries' figures are counted over, as `b`: whole months from
// the aggregate, the rest from the deliveries, with the same columns.
func deliveryBase(q StatisticsQuery, args *[]any) string {
	fullFrom, fullEnd := statPeriod(q.Filter.From, q.Filter.To)
	agg := deliveryFilterSQL(q, "s", "s.parent_id <> 0", args)
	agg = append(agg, bind(args, "s.month >= $%d AND s.month < $%d", fullFrom, fullEnd))
	raw := deliveryFilterSQL(q, "d", "d.parent_id IS NOT NULL", args)
	raw = append(raw, "d.status <> 'REJECTED'")
	if fullEnd.Equal(fullFrom) { // no whole month: every day
		raw = append(raw, bind(args, "d.date BETWEEN $%d AND $%d", q.Filter.From, q.Filter.To))
	} else {
		raw = append(raw, bind(args, "((d.date >= $%d AND d.date < $%d) OR (d.date >= $%d AND d.date <= $%d))",
			q.Filter.From, fullFrom, fullEnd, q.Filter.To))
	}
	return `(SELECT s.month, s.municipality_id, s.project_id, s.service_type_id, s.child_id, s.parent_id, s.deliveries, s.units, s.cost_cents
		FROM stat_delivery_month s` + and(agg) + `
		UNION ALL
		SELECT date_trunc('month', d.date)::date, d.municipality_id, d.project_id, d.service_type_id, d.child_id,
			coalesce(d.parent_id, 0), 1, d.units, (d.units * d.unit_price * 100)::bigint
		FROM service_delivery d` + and(raw) + `) b`
}

// groupingSQL is the SELECT list of the dimensions (as a text array) and the GROUP BY of the
// cells and the total.
func groupingSQL(dims []domain.StatDimension, plan, cellsOnly bool, extra string) (selectDims, groupBy string) {
	var exprs []string
	for _, d := range dims {
		sd := statDims[d]
		e := sd.delivery
		if plan {
			e = sd.plan
		}
		exprs = append(exprs, "coalesce(("+e+")::text, '')")
	}
	if len(exprs) == 0 {
		if extra == "" {
			return "ARRAY[]::text[] AS dims, true AS is_total", "GROUP BY ()"
		}
		return "ARRAY[]::text[] AS dims, true AS is_total", "GROUP BY " + strings.TrimPrefix(extra, ", ")
	}
	list := strings.Join(exprs, ", ")
	cells := list + extra
	total := strings.TrimPrefix(extra, ", ")
	// In the total's rows the grouped expressions are null.
	shown := make([]string, len(exprs))
	for i, e := range exprs {
		shown[i] = "coalesce(" + e + ", '')"
	}
	if cellsOnly {
		return "ARRAY[" + strings.Join(shown, ", ") + "] AS dims, false AS is_total", "GROUP BY " + cells
	}
	return "ARRAY[" + strings.Join(shown, ", ") + "] AS dims, GROUPING(" + list + ") <> 0 AS is_total",
		"GROUP BY GROUPING SETS ((" + cells + "), (" + total + "))"
}

// deliveryJoins joins what the dimensions read.
func deliveryJoins(dims []domain.StatDimension, families bool) string {
	j := " JOIN municipality m ON m.id = b.municipality_id JOIN service_type st ON st.id = b.service_type_id"
	child := false
	for _, d := range dims {
		child = child || statDims[d].child
	}
	if child {
		j += " JOIN child c ON c.id = b.child_id"
	}
	for _, d := range dims {
		if d == domain.DimImpairment {
			j += " LEFT JOIN LATERAL unnest(c.impairments) AS imp(kind) ON true"
		}
	}
	if families {
		j += " JOIN child_family f ON f.child_id = b.child_id"
	}
	return j
}

func dimsWithout(dims []domain.StatDimension, drop domain.StatDimension) []domain.StatDimension {
	var out []domain.StatDimension
	for _, d := range dims {
		if d != drop {
			out = append(out, d)
		}
	}
	return out
}

// deliveryStatsSQL counts people, units and deliveries per cell and in total.
func deliveryStatsSQL(q StatisticsQuery) (string, []any) {
	var args []any
	dims := dimsWithout(q.Dims, domain.DimFundingSource)
	sel, group := groupingSQL(dims, false, q.cellsOnly, "")
	return `SELECT ` + sel + `,
		count(DISTINCT b.child_id) FILTER (WHERE b.parent_id = 0) AS children,
		count(DISTINCT f.family_id) AS families,
		count(DISTINCT b.parent_id) FILTER (WHERE b.parent_id <> 0) AS parents,
		coalesce(sum(b.units) FILTER (WHERE st.unit = 'SESSION'), 0) AS sessions,
		coalesce(sum(b.units) FILTER (WHERE st.unit = 'HOUR'), 0) AS hours,
		coalesce(sum(b.units) FILTER (WHERE st.unit = 'DAY'), 0) AS days,
		coalesce(sum(b.deliveries), 0) AS deliveries
		FROM ` + deliveryBase(q, &args) + deliveryJoins(dims, true) + ` ` + group, args
}

// deliveryCostSQL sums the cost per cell and project (the caller splits it by each project's
// funding shares).
func deliveryCostSQL(q StatisticsQuery) (string, []any) {
	var args []any
	dims := dimsWithout(q.Dims, domain.DimFundingSource)
	sel, group := groupingSQL(dims, false, q.cellsOnly, ", b.project_id")
	return `SELECT ` + sel + `, b.project_id, sum(b.cost_cents) AS cost_cents
		FROM ` + deliveryBase(q, &args) + deliveryJoins(dims, false) + ` ` + group, args
}

// planStatsSQL counts the children with a plan in force (approved, active or closed) whose
// validity overlaps the period, per cell and in total. A plan's municipality is its child's.
func planStatsSQL(q StatisticsQuery) (string, []any) {
	var args []any
	f := q.Filter
	dims := dimsWithout(q.Dims, domain.DimFundingSource)
	line, month := false, false
	for _, d := range dims {
		line = line || statDims[d].line
		month = month || statDims[d].month
	}
	where := []string{"r.status IN ('APPROVED', 'ACTIVE', 'CLOSED')",
		bind(&args, "r.valid_from <= $%d AND r.valid_to >= $%d", f.To, f.From)}
	if len(f.RegionIDs) > 0 {
		where = append(where, bind(&args, "m.region_id = ANY($%d)", pq.Array(f.RegionIDs)))
	}
	if len(f.MunicipalityIDs) > 0 {
		where = append(where, bind(&args, "c.municipality_id = ANY($%d)", pq.Array(f.MunicipalityIDs)))
	}
	if len(f.ProjectIDs) > 0 {
		where = append(where, bind(&args, "p.project_id = ANY($%d)", pq.Array(f.ProjectIDs)))
	}
	// Service conditions hold for the plan's lines: on the line itself when lines are rows,
	// else for some line of the revision.
	var lineConds []string
	if len(f.ServiceTypeIDs) > 0 {
		lineConds = append(lineConds, bind(&args, "l.service_type_id = ANY($%d)", pq.Array(f.ServiceTypeIDs)))
	}
	if len(f.ServiceCategories) > 0 {
		lineConds = append(lineConds, bind(&args, "lst.category = ANY($%d)", pq.Array(f.ServiceCategories)))
	}
	if f.Recipient != nil {
		lineConds = append(lineConds, bind(&args, "l.recipient = $%d", *f.Recipient))
	}
	switch sc := q.Scope; {
	case sc.All:
	case len(sc.MunicipalityIDs) > 0:
		where = append(where, bind(&args, "c.municipality_id = ANY($%d)", pq.Array(sc.MunicipalityIDs)))
	case sc.LeadRegionID != 0:
		where = append(where, bind(&args, "p.project_id IN (SELECT id FROM project WHERE lead_region_id = $%d)", sc.LeadRegionID))
	default:
		where = append(where, "false")
	}
	joins := ` JOIN plan_revision r ON r.plan_id = p.id JOIN child c ON c.id = p.child_id JOIN municipality m ON m.id = c.municipality_id`
	if line {
		joins += ` JOIN plan_line l ON l.revision_id = r.id JOIN service_type lst ON lst.id = l.service_type_id`
		where = append(where, lineConds...)
	} else if len(lineConds) > 0 {
		where = append(where, `EXISTS (SELECT 1 FROM plan_line l JOIN service_type lst ON lst.id = l.service_type_id
			WHERE l.revision_id = r.id AND `+strings.Join(lineConds, " AND ")+`)`)
	}
	if month {
		joins += bind(&args, ` CROSS JOIN LATERAL generate_series(date_trunc('month', greatest(r.valid_from, $%d::date)),
			least(r.valid_to, $%d::date), interval '1 month') AS g(month)`, f.From, f.To)
	}
	for _, d := range dims {
		if d == domain.DimImpairment {
			joins += " LEFT JOIN LATERAL unnest(c.impairments) AS imp(kind) ON true"
		}
	}
	sel, group := groupingSQL(dims, true, q.cellsOnly, "")
	return `SELECT ` + sel + `, count(DISTINCT p.child_id) AS with_plans FROM support_plan p` + joins + and(where) + ` ` + group, args
}

// EntityStatistics is the entity type of the audit rows of statistics requests.
const EntityStatistics = "Statistics"

// AuditStatistics records a statistics request: who (the row's actor), the filter and the
// grouping, and the format asked for. It goes through the group-committing writer and returns
// once durable, as the reads of records do.
func (s *Store) AuditStatistics(ctx context.Context, f domain.StatisticsFilter, dims []domain.StatDimension, format string) error {
	filter := map[string]any{"from": f.From.Format(domain.DateLayout), "to": f.To.Format(domain.DateLayout)}
	for name, ids := range map[string][]int{"regionIds": f.RegionIDs, "municipalityIds": f.MunicipalityIDs,
		"projectIds": f.ProjectIDs, "serviceTypeIds": f.ServiceTypeIDs} {
		if len(ids) > 0 {
			filter[name] = ids
		}
	}
	if len(f.ServiceCategories) > 0 {
		filter["serviceCategories"] = f.ServiceCategories
	}
	if f.Recipient != nil {
		filter["recipient"] = *f.Recipient
	}
	details := map[string]any{"filter": filter, "groupBy": dims, "format": format}
	if a := domain.ActorFrom(ctx); a.Method == domain.AuthToken {
		details["tokenId"] = a.TokenID
	}
	return s.audit.write(ctx, rowsOf(ctx, []auditEntry{{action: domain.AuditRead, entityType: EntityStatistics, details: details}}))
}

// CompactStatistics folds the statistics cube's appended changes into its cells (migration
// 00011) and returns how many cells changed. Readers add both, so it changes no answer; it
// keeps what they add small.
func (s *Store) CompactStatistics(ctx context.Context) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT stat_cell_compact()`)
	return n, wrap("compact statistics", err)
}
