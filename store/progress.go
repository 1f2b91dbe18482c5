package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// Projects' progress: the facts behind projectProgress, read from the deliveries, claims,
// plans, applications and assessments directly. Five statements serve any number of projects,
// in one read-only snapshot so that the figures agree with each other; the deliveries of the
// projects are read once (progressMonthsSQL).

// The lists of statuses the statements spell out, from their domain definitions.
var (
	claimedSQL          = "(" + sqlList(domain.ClaimedStatuses) + ")"
	deliveryRejectedSQL = pq.QuoteLiteral(string(domain.DeliveryRejected))
)

// progressProjectsScope is the projects a claim scope sees: all, those its region leads, or
// those its municipalities are partners of.
func progressProjectsScope(s domain.ClaimScope, args *[]any) string {
	switch {
	case s.All:
		return "true"
	case s.LeadRegionID != 0:
		return bind(args, "p.lead_region_id = $%d", s.LeadRegionID)
	case len(s.MunicipalityIDs) > 0:
		return bind(args, "EXISTS (SELECT 1 FROM project_municipality pm WHERE pm.project_id = p.id AND pm.municipality_id = ANY($%d))",
			pq.Array(s.MunicipalityIDs))
	}
	return "false"
}

// The statements below take $1 the projects' ids, $2 the day, $3 the municipalities the
// figures are restricted to (NULL: none, the whole projects).

// progressPartnersSQL reads the partner municipalities in scope, by Latvian name (it takes
// no day: $2 is the municipalities).
const progressPartnersSQL = `SELECT pm.project_id, ` + municipalityColumns + `
	FROM project_municipality pm JOIN municipality m ON m.id = pm.municipality_id
	WHERE pm.project_id = ANY($1) AND ($2::int[] IS NULL OR pm.municipality_id = ANY($2))
	ORDER BY pm.project_id, m.name, m.id`

// progressAchievedSQL counts the children of each recorded target group: assessed (an
// accepted application to the project and a completed assessment by the day), of them those
// who live in an institution (as recorded now), and served (a delivery not rejected on the
// project by the day). Children count in the municipality they are declared in now. The
// served are found from the project's plans (a delivery belongs to a plan of its project) by
// the deliveries' plan index, so that no project's deliveries are read in full.
var progressAchievedSQL = `WITH p AS (SELECT unnest($1::int[]) AS id),
	assessed AS (
		SELECT a.project_id, count(*) AS n,
			count(*) FILTER (WHERE c.living_arrangement = ` + pq.QuoteLiteral(string(domain.LivingInstitution)) + `) AS in_institutions
		FROM application a JOIN child c ON c.id = a.child_id
		WHERE a.project_id = ANY($1) AND a.status = ` + pq.QuoteLiteral(string(domain.AppAccepted)) + `
			AND ($3::int[] IS NULL OR c.municipality_id = ANY($3))
			AND EXISTS (SELECT 1 FROM assessment s WHERE s.child_id = a.child_id
				AND s.status = ` + pq.QuoteLiteral(string(domain.AssessmentCompleted)) + ` AND s.completed_on <= $2::date)
		GROUP BY a.project_id),
	served AS (
		SELECT sp.project_id, count(DISTINCT sp.child_id) AS n
		FROM support_plan sp JOIN child c ON c.id = sp.child_id
		WHERE sp.project_id = ANY($1) AND ($3::int[] IS NULL OR c.municipality_id = ANY($3))
			AND EXISTS (SELECT 1 FROM service_delivery d WHERE d.plan_id = sp.id AND d.project_id = sp.project_id
				AND d.status <> ` + deliveryRejectedSQL + ` AND d.date <= $2::date)
		GROUP BY sp.project_id)
	SELECT p.id AS project_id, coalesce(assessed.n, 0) AS assessed, coalesce(assessed.in_institutions, 0) AS in_institutions,
		coalesce(served.n, 0) AS served
	FROM p LEFT JOIN assessed ON assessed.project_id = p.id LEFT JOIN served ON served.project_id = p.id`

// progressCommittedSQL sums the budgets of the plan revisions in force whose validity overlaps
// the project's period, whole (municipality 0) and by the child's municipality now.
var progressCommittedSQL = `SELECT sp.project_id,
		CASE WHEN GROUPING(ch.municipality_id) = 0 THEN ch.municipality_id ELSE 0 END AS municipality_id,
		sum(r.budget) AS committed
	FROM support_plan sp JOIN project p ON p.id = sp.project_id JOIN child ch ON ch.id = sp.child_id
		JOIN plan_revision r ON r.plan_id = sp.id AND r.status IN ` + revisionInForceSQL + `
	WHERE sp.project_id = ANY($1) AND r.valid_from <= p.end_date AND r.valid_to >= p.start_date
		AND ($2::int[] IS NULL OR ch.municipality_id = ANY($2))
	GROUP BY GROUPING SETS ((sp.project_id), (sp.project_id, ch.municipality_id))`

// progressMonthsSQL is the money of every month from each project's start month to the day's
// month, whole (municipality 0) and per partner in scope: the delivered cost (months without
// deliveries as 0) with its cumulative, and of it the cost in claims submitted, approved or
// paid, and in paid claims. The deliveries are read once, grouped by municipality, month and
// claim before anything else; the deliveries of the municipalities in scope (by the one they
// were recorded for) count, and one dated before the project's start counts in its first month
// (on a day before that month there are no months, and no figures).
var progressMonthsSQL = `WITH units AS (
		SELECT p.id AS project_id, 0 AS municipality_id, p.start_date FROM project p WHERE p.id = ANY($1)
		UNION ALL
		SELECT p.id, pm.municipality_id, p.start_date FROM project p JOIN project_municipality pm ON pm.project_id = p.id
		WHERE p.id = ANY($1) AND ($3::int[] IS NULL OR pm.municipality_id = ANY($3))),
	grouped AS (
		SELECT d.project_id, d.municipality_id, date_trunc('month', d.date::timestamp) AS month, d.claim_id,
			sum(d.units * d.unit_price) AS amount
		FROM service_delivery d
		WHERE d.project_id = ANY($1) AND d.status <> ` + deliveryRejectedSQL + ` AND d.date <= $2::date
			AND ($3::int[] IS NULL OR d.municipality_id = ANY($3))
		GROUP BY d.project_id, d.municipality_id, date_trunc('month', d.date::timestamp), d.claim_id),
	costs AS (
		SELECT g.project_id, g.municipality_id, greatest(g.month, date_trunc('month', p.start_date::timestamp)) AS month,
			g.amount, k.status AS claim_status
		FROM grouped g JOIN project p ON p.id = g.project_id LEFT JOIN compensation_claim k ON k.id = g.claim_id),
	amounts AS (
		SELECT project_id, CASE WHEN GROUPING(municipality_id) = 0 THEN municipality_id ELSE 0 END AS municipality_id, month,
			sum(amount) AS amount,
			coalesce(sum(amount) FILTER (WHERE claim_status IN ` + claimedSQL + `), 0) AS claimed,
			coalesce(sum(amount) FILTER (WHERE claim_status = ` + pq.QuoteLiteral(string(domain.ClaimPaid)) + `), 0) AS paid
		FROM costs GROUP BY GROUPING SETS ((project_id, month), (project_id, municipality_id, month)))
	SELECT u.project_id, u.municipality_id, m.month::date AS month, coalesce(a.amount, 0) AS amount,
		sum(coalesce(a.amount, 0)) OVER (PARTITION BY u.project_id, u.municipality_id ORDER BY m.month) AS cumulative,
		coalesce(a.claimed, 0) AS claimed, coalesce(a.paid, 0) AS paid
	FROM units u
		CROSS JOIN LATERAL generate_series(date_trunc('month', u.start_date::timestamp), date_trunc('month', $2::date::timestamp),
			interval '1 month') AS m(month)
		LEFT JOIN amounts a ON a.project_id = u.project_id AND a.municipality_id = u.municipality_id AND a.month = m.month
	ORDER BY u.project_id, u.municipality_id, m.month`

// unitKey names the figures of a project as a whole (municipality 0) or of one municipality.
type unitKey struct{ project, municipality int }

// ProjectProgress reads the progress facts, on day on, of the projects in scope: those with
// the given ids (nil: every project in scope), by code. A given id out of scope (or of no
// project) is left out: the caller tells it apart. A scope that does not see whole projects
// (domain.ClaimScope.WholeProjects) gets the figures of its municipalities only.
func (s *Store) ProjectProgress(ctx context.Context, scope domain.ClaimScope, ids []int, on time.Time) ([]domain.ProgressFacts, error) {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, wrap("progress", err)
	}
	defer tx.Rollback()
	facts, err := progressFacts(ctx, tx, scope, ids, on)
	if err != nil {
		return nil, wrap("progress", err)
	}
	return facts, wrap("progress", tx.Commit())
}

func progressFacts(ctx context.Context, tx *sqlx.Tx, scope domain.ClaimScope, ids []int, on time.Time) ([]domain.ProgressFacts, error) {
	args := []any{}
	query := projectSelect + ` WHERE ` + progressProjectsScope(scope, &args)
	if ids != nil {
		query += bind(&args, ` AND p.id = ANY($%d)`, pq.Array(ids))
	}
	var projectRows []projectRow
	if err := sqlx.SelectContext(ctx, tx, &projectRows, query+` ORDER BY p.code, p.id`, args...); err != nil {
		return nil, err
	}
	projects, err := toModels[domain.Project](projectRows)
	if err != nil || len(projects) == 0 {
		return nil, err
	}
	found := make([]int, len(projects))
	for i, p := range projects {
		found[i] = p.ID
	}
	// The municipalities the figures are restricted to: NULL for whole projects; a worker's
	// (never NULL, even when they have none).
	var mine pq.Int64Array
	if !scope.WholeProjects() {
		mine = pq.Int64Array{}
		for _, m := range scope.MunicipalityIDs {
			mine = append(mine, int64(m))
		}
	}
	common := []any{pq.Array(found), on, mine}

	var partners []struct {
		ProjectID int `db:"project_id"`
		domain.Municipality
	}
	if err := sqlx.SelectContext(ctx, tx, &partners, progressPartnersSQL, common[0], mine); err != nil {
		return nil, err
	}
	var achieved []struct {
		ProjectID      int `db:"project_id"`
		Assessed       int `db:"assessed"`
		InInstitutions int `db:"in_institutions"`
		Served         int `db:"served"`
	}
	if err := sqlx.SelectContext(ctx, tx, &achieved, progressAchievedSQL, common...); err != nil {
		return nil, err
	}
	var committed []struct {
		ProjectID      int          `db:"project_id"`
		MunicipalityID int          `db:"municipality_id"`
		Committed      domain.Money `db:"committed"`
	}
	if err := sqlx.SelectContext(ctx, tx, &committed, progressCommittedSQL, common[0], mine); err != nil {
		return nil, err
	}
	var months []struct {
		ProjectID      int `db:"project_id"`
		MunicipalityID int `db:"municipality_id"`
		domain.MonthAmount
		Claimed domain.Money `db:"claimed"`
		Paid    domain.Money `db:"paid"`
	}
	if err := sqlx.SelectContext(ctx, tx, &months, progressMonthsSQL, common...); err != nil {
		return nil, err
	}

	// Each unit's figures add up its months: the delivered, claimed and paid cost of every
	// month up to the day, and the delivered cost of the pace's months.
	funds := map[unitKey]*domain.Funds{}
	unit := func(k unitKey) *domain.Funds {
		if funds[k] == nil {
			funds[k] = &domain.Funds{ByMonth: []domain.MonthAmount{}}
		}
		return funds[k]
	}
	paceFrom, paceUntil := domain.PaceWindow(on)
	for _, r := range months {
		f := unit(unitKey{r.ProjectID, r.MunicipalityID})
		f.ByMonth = append(f.ByMonth, r.MonthAmount)
		f.Delivered += r.Amount
		f.Claimed += r.Claimed
		f.Paid += r.Paid
		if !r.Month.Before(paceFrom) && r.Month.Before(paceUntil) {
			f.LastSixMonths += r.Amount
		}
	}
	for _, r := range committed {
		unit(unitKey{r.ProjectID, r.MunicipalityID}).Committed = r.Committed
	}
	out := make([]domain.ProgressFacts, len(projects))
	index := map[int]*domain.ProgressFacts{}
	for i := range projects {
		out[i] = domain.ProgressFacts{Project: &projects[i], Achieved: map[domain.TargetGroup]int{},
			Funds: *unit(unitKey{projects[i].ID, 0}), Partial: !scope.WholeProjects()}
		index[projects[i].ID] = &out[i]
	}
	for _, a := range achieved {
		f := index[a.ProjectID]
		f.Achieved[domain.TargetChildrenAssessed] = a.Assessed
		f.Achieved[domain.TargetChildrenInInstitutionsAssessed] = a.InInstitutions
		f.Achieved[domain.TargetChildrenServed] = a.Served
	}
	for _, p := range partners {
		f := index[p.ProjectID]
		f.Partners = append(f.Partners, domain.PartnerFacts{Municipality: p.Municipality, Funds: *unit(unitKey{p.ProjectID, p.ID})})
	}
	return out, nil
}
