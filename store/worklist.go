package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// The worklist's queries: per kind, what waits in the caller's scope, counted, with the most
// urgent few. All kinds go to the database as one statement (a UNION ALL of one part per
// kind), so a home page costs one round trip whatever the role; each part reads through an
// index of its status (deliveries RECORDED, revisions SUBMITTED, ...), never the whole table.

// WorklistScope is where a caller's work lies, as the access rules (domain/access.go) decide it.
type WorklistScope struct {
	EditAll        bool  // edits every child's case (ADMIN)
	MunicipalityID []int // edits the cases of these municipalities (MUNICIPALITY_WORKER)
	LeadRegionID   int   // approves plans and decides claims of projects this region leads (REGION_COORDINATOR)
	ProviderID     int   // records its provider's assessments (ASSESSOR)
}

type worklistRow struct {
	Kind  domain.WorklistKind `db:"kind"`
	Total int                 `db:"total"`
	domain.WorklistEntry
}

// worklistPart is one kind's query: rows of (child_id, revision_id, application_id,
// assessment_id, claim_id, due, amount), and the order that puts the most urgent first. Its
// {scope} is replaced by the condition filter returns (which may bind args).
type worklistPart struct {
	sql    string
	order  string
	filter func(args *[]any) string
}

// Worklist counts each kind of work for the scope on today and returns them in kinds' order
// with up to domain.WorklistEntries entries each.
func (s *Store) Worklist(ctx context.Context, scope WorklistScope, kinds []domain.WorklistKind, today time.Time) ([]domain.WorklistItem, error) {
	if len(kinds) == 0 {
		return nil, nil
	}
	var args []any
	parts := make([]string, 0, len(kinds))
	for _, k := range kinds {
		p := worklistParts(scope, today)[k]
		query := strings.Replace(p.sql, "{scope}", p.filter(&args), 1)
		parts = append(parts, `(SELECT '`+string(k)+`'::text AS kind, count(*) OVER ()::int AS total, w.* FROM (`+
			query+`) w ORDER BY `+p.order+` LIMIT `+itoa(domain.WorklistEntries)+`)`)
	}
	// One statement, in a read-only transaction without JIT: the union of a dozen small
	// queries looks expensive to the planner, and compiling it took longer than running it
	// (bench/worklist).
	var rows []worklistRow
	err := s.readOnly(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SET LOCAL jit = off`); err != nil {
			return err
		}
		return tx.SelectContext(ctx, &rows, strings.Join(parts, "\nUNION ALL\n"), args...)
	})
	if err != nil {
		return nil, wrap("worklist", err)
	}
	byKind := map[domain.WorklistKind]*domain.WorklistItem{}
	items := make([]domain.WorklistItem, len(kinds))
	for i, k := range kinds {
		items[i] = domain.WorklistItem{Kind: k, Entries: []domain.WorklistEntry{}}
		byKind[k] = &items[i]
	}
	for _, r := range rows {
		it := byKind[r.Kind]
		it.Count = r.Total
		it.Entries = append(it.Entries, r.WorklistEntry)
	}
	return items, nil
}

// editScopeSQL limits rows to the cases the scope edits (c is the child).
func editScopeSQL(s WorklistScope, args *[]any) string {
	switch {
	case s.EditAll:
		return "true"
	case len(s.MunicipalityID) > 0:
		return bind(args, "c.municipality_id = ANY($%d)", pq.Array(s.MunicipalityID))
	}
	return "false"
}

// leadScopeSQL limits rows to the projects whose plans and claims the scope decides (p is the
// project).
func leadScopeSQL(s WorklistScope, args *[]any) string {
	switch {
	case s.EditAll:
		return "true"
	case s.LeadRegionID != 0:
		return bind(args, "p.lead_region_id = $%d", s.LeadRegionID)
	}
	return "false"
}

func itoa(n int) string { return strconv.Itoa(n) }

func worklistParts(s WorklistScope, today time.Time) map[domain.WorklistKind]worklistPart {
	edit := func(args *[]any) string { return editScopeSQL(s, args) }
	lead := func(args *[]any) string { return leadScopeSQL(s, args) }
	day := "'" + today.Format(domain.DateLayout) + "'::date"
	within := func(col string, days int) string { return col + " BETWEEN " + day + " AND " + day + " + " + itoa(days) }
	expiring := func(col string) string { return within(col, domain.OpinionsExpiringWithinDays) }
	return map[domain.WorklistKind]worklistPart{
		domain.WorkApplicationsToDecide: {
			sql: `SELECT a.child_id, NULL::int AS revision_id, a.id AS application_id, NULL::int AS assessment_id, NULL::int AS claim_id,
				a.submitted_on AS due, NULL::int AS amount
				FROM application a JOIN child c ON c.id = a.child_id WHERE a.status = 'SUBMITTED' AND {scope}`,
			order: "due, application_id", filter: edit,
		},
		// Accepted, with no assessment of the child scheduled since the application and no plan
		// in the project yet.
		domain.WorkApplicationsAwaitingAssessment: {
			sql: `SELECT a.child_id, NULL::int AS revision_id, a.id AS application_id, NULL::int AS assessment_id, NULL::int AS claim_id,
				a.decided_on AS due, NULL::int AS amount
				FROM application a JOIN child c ON c.id = a.child_id WHERE a.status = 'ACCEPTED' AND {scope}
				AND NOT EXISTS (SELECT 1 FROM assessment s WHERE s.child_id = a.child_id AND s.status <> 'CANCELLED'
					AND s.scheduled_on >= a.submitted_on)
				AND NOT EXISTS (SELECT 1 FROM support_plan sp WHERE sp.child_id = a.child_id AND sp.project_id = a.project_id)`,
			order: "due NULLS LAST, application_id", filter: edit,
		},
		domain.WorkAssessmentsToRecord: {
			sql: `SELECT s.child_id, NULL::int AS revision_id, NULL::int AS application_id, s.id AS assessment_id, NULL::int AS claim_id,
				s.scheduled_on AS due, NULL::int AS amount
				FROM assessment s JOIN child c ON c.id = s.child_id WHERE s.status = 'SCHEDULED' AND {scope}`,
			order: "due, assessment_id",
			filter: func(args *[]any) string {
				if s.ProviderID != 0 {
					return bind(args, "s.provider_id = $%d", s.ProviderID)
				}
				return editScopeSQL(s, args)
			},
		},
		domain.WorkPlansToApprove: {
			sql: `SELECT sp.child_id, r.id AS revision_id, NULL::int AS application_id, NULL::int AS assessment_id, NULL::int AS claim_id,
				(r.submitted_at AT TIME ZONE 'Europe/Riga')::date AS due, NULL::int AS amount
				FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id JOIN project p ON p.id = sp.project_id
				WHERE r.status = 'SUBMITTED' AND {scope}`,
			order: "due, revision_id", filter: lead,
		},
		domain.WorkPlansReturned: {
			sql: `SELECT sp.child_id, r.id AS revision_id, NULL::int AS application_id, NULL::int AS assessment_id, NULL::int AS claim_id,
				(r.submitted_at AT TIME ZONE 'Europe/Riga')::date AS due, NULL::int AS amount
				FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id JOIN child c ON c.id = sp.child_id
				WHERE r.status = 'DRAFT' AND r.return_comment IS NOT NULL AND {scope}`,
			order: "due, revision_id", filter: edit,
		},
		domain.WorkPlansToActivate: {
			sql: `SELECT sp.child_id, r.id AS revision_id, NULL::int AS application_id, NULL::int AS assessment_id, NULL::int AS claim_id,
				r.valid_from AS due, NULL::int AS amount
				FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id JOIN child c ON c.id = sp.child_id
				WHERE r.status = 'APPROVED' AND {scope}`,
			order: "due, revision_id", filter: edit,
		},
		// One entry per child: the oldest delivery waiting, and how many wait. A delivery is
		// verified by the municipality it was recorded for.
		domain.WorkDeliveriesToVerify: {
			sql: `SELECT d.child_id, NULL::int AS revision_id, NULL::int AS application_id, NULL::int AS assessment_id, NULL::int AS claim_id,
				min(d.date) AS due, count(*)::int AS amount
				FROM service_delivery d WHERE d.status = 'RECORDED' AND {scope} GROUP BY d.child_id`,
			order: "due, child_id",
			filter: func(args *[]any) string {
				switch {
				case s.EditAll:
					return "true"
				case len(s.MunicipalityID) > 0:
					return bind(args, "d.municipality_id = ANY($%d)", pq.Array(s.MunicipalityID))
				}
				return "false"
			},
		},
		domain.WorkClaimsToDecide: {
			sql: `SELECT NULL::int AS child_id, NULL::int AS revision_id, NULL::int AS application_id, NULL::int AS assessment_id,
				k.id AS claim_id, (k.submitted_at AT TIME ZONE 'Europe/Riga')::date AS due, NULL::int AS amount
				FROM compensation_claim k JOIN project p ON p.id = k.project_id WHERE k.status = 'SUBMITTED' AND {scope}`,
			order: "due, claim_id", filter: lead,
		},
		domain.WorkClaimsToPay: {
			sql: `SELECT NULL::int AS child_id, NULL::int AS revision_id, NULL::int AS application_id, NULL::int AS assessment_id,
				k.id AS claim_id, (k.decided_at AT TIME ZONE 'Europe/Riga')::date AS due, NULL::int AS amount
				FROM compensation_claim k JOIN project p ON p.id = k.project_id WHERE k.status = 'APPROVED' AND {scope}`,
			order: "due, claim_id", filter: lead,
		},
		domain.WorkPlansEnding: {
			sql: `SELECT sp.child_id, r.id AS revision_id, NULL::int AS application_id, NULL::int AS assessment_id, NULL::int AS claim_id,
				r.valid_to AS due, NULL::int AS amount
				FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id JOIN child c ON c.id = sp.child_id
				WHERE r.status = 'ACTIVE' AND ` + within("r.valid_to", domain.PlansEndingWithinDays) + ` AND {scope}`,
			order: "due, revision_id", filter: edit,
		},
		// The earlier opinion that ends within the window, of children enrolled in a project
		// (whose services depend on it).
		domain.WorkOpinionsExpiring: {
			sql: `SELECT c.id AS child_id, NULL::int AS revision_id, NULL::int AS application_id, NULL::int AS assessment_id,
				NULL::int AS claim_id, least(CASE WHEN ` + expiring("c.disability_to") + ` THEN c.disability_to END,
					CASE WHEN ` + expiring("c.special_care_need_to") + ` THEN c.special_care_need_to END) AS due, NULL::int AS amount
				FROM child c WHERE (` + expiring("c.disability_to") + ` OR ` + expiring("c.special_care_need_to") + `) AND {scope}
				AND EXISTS (SELECT 1 FROM application a WHERE a.child_id = c.id AND a.status = 'ACCEPTED')`,
			order: "due, child_id", filter: edit,
		},
		// Sessions towards the child's cap (CHILD_SESSIONS, the rule in force today) in a project
		// where the child has an active plan; amount is what remains. A null limit is no cap. The
		// sessions are kept per child and project by a trigger (child_project_sessions,
		// migration 00012).
		domain.WorkChildrenNearCap: {
			sql: `SELECT u.child_id, NULL::int AS revision_id, NULL::int AS application_id, NULL::int AS assessment_id,
				NULL::int AS claim_id, NULL::date AS due, greatest(u.cap - u.used, 0)::int AS amount
				FROM (SELECT sp.child_id, rule.cap,
						coalesce((SELECT s.sessions FROM child_project_sessions s
							WHERE s.child_id = sp.child_id AND s.project_id = sp.project_id), 0) AS used
					FROM support_plan sp JOIN child c ON c.id = sp.child_id
					CROSS JOIN LATERAL (SELECT cr.cap_limit AS cap FROM project_cap_rule cr WHERE cr.project_id = sp.project_id
						AND cr.kind = 'CHILD_SESSIONS' AND cr.valid_from <= ` + day + ` ORDER BY cr.valid_from DESC LIMIT 1) rule
					WHERE rule.cap IS NOT NULL AND {scope}
					AND EXISTS (SELECT 1 FROM plan_revision r WHERE r.plan_id = sp.id AND r.status = 'ACTIVE')) u
				WHERE u.used * 100 >= u.cap * ` + itoa(domain.NearCapPercent),
			order: "amount, child_id", filter: edit,
		},
	}
}

// readOnly runs fn in a read-only transaction on the primary (the worklist must show what was
// just done, so not on a replica).
func (s *Store) readOnly(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
