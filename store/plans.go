package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// planSelect reads plans with the revision in force (else the first) and the one in
// preparation, and what scope checks need: the child's municipality and region, the
// project's lead region.
var planSelect = `SELECT sp.id, sp.child_id, sp.project_id, sp.assessment_id, sp.kind, sp.created_at,
	cur.id AS current_id, cur.status, pen.id AS pending_id, c.municipality_id, cm.region_id, p.lead_region_id
	FROM support_plan sp
	JOIN child c ON c.id = sp.child_id
	JOIN municipality cm ON cm.id = c.municipality_id
	JOIN project p ON p.id = sp.project_id
	JOIN LATERAL (SELECT r.id, r.status FROM plan_revision r WHERE r.plan_id = sp.id
		ORDER BY r.status IN ` + revisionInForceSQL + ` DESC, r.number LIMIT 1) cur ON true
	LEFT JOIN LATERAL (SELECT r.id FROM plan_revision r WHERE r.plan_id = sp.id AND r.status IN ('DRAFT', 'SUBMITTED')) pen ON true`

// PlansByChildIDs returns each child's plans, newest first, in key order.
func (s *Store) PlansByChildIDs(ctx context.Context, ids []int) ([][]*domain.SupportPlan, []error) {
	var rows []domain.SupportPlan
	if err := s.selectAll(ctx, &rows, planSelect+` WHERE sp.child_id = ANY($1) ORDER BY sp.id DESC`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("plans of children", err))
	}
	return groupByKey(ids, rows, func(p *domain.SupportPlan) int { return p.ChildID }), nil
}

// PlansByIDs returns plans by id, in key order, without a scope check.
func (s *Store) PlansByIDs(ctx context.Context, ids []int) ([]*domain.SupportPlan, []error) {
	var rows []domain.SupportPlan
	if err := s.selectAll(ctx, &rows, planSelect+` WHERE sp.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("plans by id", err))
	}
	return byKey(ids, rows, func(p *domain.SupportPlan) int { return p.ID }, notFound("plan"))
}

// PlanInScope returns a plan of a child the scope sees, else ENOTFOUND.
func (s *Store) PlanInScope(ctx context.Context, scope domain.CaseScope, id int) (*domain.SupportPlan, error) {
	return planInScope(ctx, s.db, scope, id)
}

func planInScope(ctx context.Context, q sqlx.QueryerContext, scope domain.CaseScope, id int) (*domain.SupportPlan, error) {
	args := []any{id}
	var rows []domain.SupportPlan
	if err := sqlx.SelectContext(ctx, q, &rows, planSelect+` WHERE sp.id = $1 AND `+caseScopeSQL(scope, &args), args...); err != nil {
		return nil, wrap("plan", err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("plan")
	}
	return &rows[0], nil
}

// Plans returns up to limit plans that match f, newest first, after the key (a plan id).
func (s *Store) Plans(ctx context.Context, f domain.SupportPlanFilter, after *int, limit int) ([]domain.SupportPlan, bool, error) {
	c := planWhere(f)
	if after != nil {
		c.add("sp.id < $%d", *after)
	}
	query := planSelect + c.sql() + ` ORDER BY sp.id DESC LIMIT ` + c.param(limit+1)
	var rows []domain.SupportPlan
	if err := s.selectAll(ctx, &rows, query, c.args...); err != nil {
		return nil, false, wrap("plans", err)
	}
	return page(rows, limit)
}

// CountPlans counts the plans that match f.
func (s *Store) CountPlans(ctx context.Context, f domain.SupportPlanFilter) (int, error) {
	c := planWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM (`+planSelect+c.sql()+`) x`, c.args...)
	return n, wrap("count plans", err)
}

func planWhere(f domain.SupportPlanFilter) *conds {
	c := &conds{}
	c.where = append(c.where, caseScopeSQL(f.Scope, &c.args))
	if f.Status != nil {
		c.add("cur.status = $%d", string(*f.Status))
	}
	if f.ProjectID != nil {
		c.add("sp.project_id = $%d", *f.ProjectID)
	}
	if f.ChildID != nil {
		c.add("sp.child_id = $%d", *f.ChildID)
	}
	if f.AwaitingApproval {
		c.add("EXISTS (SELECT 1 FROM plan_revision w WHERE w.plan_id = sp.id AND w.status = 'SUBMITTED')")
	}
	return c
}

type revisionRow struct {
	domain.PlanRevision
	GoalsJSON []byte `db:"goals"`
	LinesJSON []byte `db:"lines"`
}

func (r *revisionRow) toModel() (domain.PlanRevision, error) {
	rev := r.PlanRevision
	var goals []struct {
		domain.PlanGoal
		Target *string `json:"targetDate"`
	}
	err := errors.Join(json.Unmarshal(r.GoalsJSON, &goals), json.Unmarshal(r.LinesJSON, &rev.Lines))
	for _, g := range goals {
		goal := g.PlanGoal
		if g.Target != nil {
			t, perr := time.Parse(domain.DateLayout, *g.Target)
			err = errors.Join(err, perr)
			goal.TargetDate = &t
		}
		rev.Goals = append(rev.Goals, goal)
	}
	return rev, err
}

func toRevisions(rows []revisionRow) ([]domain.PlanRevision, error) {
	out := make([]domain.PlanRevision, len(rows))
	for i := range rows {
		r, err := rows[i].toModel()
		if err != nil {
			return nil, fmt.Errorf("store: plan revision %d: %w", rows[i].ID, err)
		}
		out[i] = r
	}
	return out, nil
}

// revisionSelect reads whole revisions, goals and lines in their order, as JSON; one
// statement per batch.
const revisionSelect = `SELECT r.id, r.plan_id, r.number, r.status, r.valid_from, r.valid_to, r.budget, r.submitted_at,
	r.approved_at, r.approved_by, r.return_comment, r.created_at, r.version,
	coalesce((SELECT json_agg(json_build_object('key', g.key, 'text', g.text, 'indicator', g.indicator,
		'targetDate', g.target_date, 'status', g.status) ORDER BY g.position)
		FROM plan_goal g WHERE g.revision_id = r.id), '[]') AS goals,
	coalesce((SELECT json_agg(json_build_object('id', l.id, 'key', l.key, 'serviceTypeId', l.service_type_id, 'recipient', l.recipient,
		'providerId', l.provider_id, 'plannedUnits', l.planned_units, 'unitPrice', (l.unit_price * 100)::bigint,
		'priceSource', l.price_source) ORDER BY l.position)
		FROM plan_line l WHERE l.revision_id = r.id), '[]') AS lines
	FROM plan_revision r`

// RevisionsByIDs returns revisions by id, in key order.
func (s *Store) RevisionsByIDs(ctx context.Context, ids []int) ([]*domain.PlanRevision, []error) {
	var rows []revisionRow
	if err := s.selectAll(ctx, &rows, revisionSelect+` WHERE r.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("revisions by id", err))
	}
	revs, err := toRevisions(rows)
	if err != nil {
		return nil, fill(len(ids), err)
	}
	return byKey(ids, revs, func(r *domain.PlanRevision) int { return r.ID }, notFound("plan revision"))
}

// RevisionsByPlanIDs returns each plan's revisions, oldest first, in key order.
func (s *Store) RevisionsByPlanIDs(ctx context.Context, ids []int) ([][]*domain.PlanRevision, []error) {
	var rows []revisionRow
	if err := s.selectAll(ctx, &rows, revisionSelect+` WHERE r.plan_id = ANY($1) ORDER BY r.number`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("revisions of plans", err))
	}
	revs, err := toRevisions(rows)
	if err != nil {
		return nil, fill(len(ids), err)
	}
	return groupByKey(ids, revs, func(r *domain.PlanRevision) int { return r.PlanID }), nil
}

func revisionInTx(ctx context.Context, tx *sqlx.Tx, id int) (*domain.PlanRevision, error) {
	var rows []revisionRow
	if err := tx.SelectContext(ctx, &rows, revisionSelect+` WHERE r.id = $1`, id); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("plan revision")
	}
	revs, err := toRevisions(rows)
	if err != nil {
		return nil, err
	}
	return &revs[0], nil
}

// PlanOfRevision returns the plan a revision belongs to, if the scope sees it.
func (s *Store) PlanOfRevision(ctx context.Context, scope domain.CaseScope, revisionID int) (*domain.SupportPlan, error) {
	var planID int
	err := s.getOne(ctx, &planID, `SELECT plan_id FROM plan_revision WHERE id = $1`, revisionID)
	if err != nil {
		return nil, domain.NotFound("plan revision")
	}
	return s.PlanInScope(ctx, scope, planID)
}

// NewPlan is a plan to create with its first draft revision.
type NewPlan struct {
	AssessmentID int             // a completed assessment of the child
	ProjectID    int             // a project the child is enrolled in
	Kind         domain.PlanKind // care or rehabilitation
	ValidFrom    time.Time       // first day
	ValidTo      time.Time       // last day
	Budget       domain.Money    // the individual budget
}

// CreatePlan creates a plan from a completed assessment of a child enrolled (an accepted
// application) in the project, as a first DRAFT revision.
func (s *Store) CreatePlan(ctx context.Context, scope domain.CaseScope, np NewPlan, allowed func(*domain.Child) error) (*domain.PlanRevision, error) {
	var revID int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		a, err := assessmentInScope(ctx, tx, scope, np.AssessmentID, false)
		if err != nil {
			return err
		}
		child, err := childInScope(ctx, tx, scope, a.ChildID, true)
		if err != nil {
			return err
		}
		if err := allowed(child); err != nil {
			return err
		}
		if a.Status != domain.AssessmentCompleted {
			return domain.FieldErrorf("assessmentId", "a plan rests on a completed assessment; this one is %s", a.Status)
		}
		project, err := projectInTx(ctx, tx, np.ProjectID)
		if err != nil {
			return domain.FieldErrorf("projectId", "no such project")
		}
		var enrolled int
		if err := tx.GetContext(ctx, &enrolled, `SELECT count(*) FROM application WHERE child_id = $1 AND project_id = $2 AND status = 'ACCEPTED'`,
			child.ID, project.ID); err != nil {
			return err
		}
		if enrolled == 0 {
			return domain.FieldErrorf("projectId", "the child has no accepted application to this project")
		}
		if err := domain.ValidatePlanPeriod(np.ValidFrom, np.ValidTo, project); err != nil {
			return err
		}
		if err := domain.CheckBudget(np.Budget, 0); err != nil {
			return err
		}
		var planID int
		if err := tx.GetContext(ctx, &planID, `INSERT INTO support_plan (child_id, project_id, assessment_id, kind) VALUES ($1, $2, $3, $4) RETURNING id`,
			child.ID, project.ID, a.ID, np.Kind); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &revID, `INSERT INTO plan_revision (plan_id, number, status, valid_from, valid_to, budget)
			VALUES ($1, 1, 'DRAFT', $2, $3, $4) RETURNING id`, planID, np.ValidFrom, np.ValidTo, np.Budget); err != nil {
			return err
		}
		return appendAudit(ctx, tx,
			auditEntry{action: domain.AuditCreate, entityType: domain.EntitySupportPlan, entityID: id64(planID), municipalityID: &child.MunicipalityID,
				after: map[string]any{"childId": child.ID, "projectId": project.ID, "assessmentId": a.ID, "kind": np.Kind}},
			auditEntry{action: domain.AuditCreate, entityType: domain.EntityPlanRevision, entityID: id64(revID), municipalityID: &child.MunicipalityID,
				after: revisionAudit(&domain.PlanRevision{Number: 1, Status: domain.PlanDraft, ValidFrom: np.ValidFrom, ValidTo: np.ValidTo, Budget: np.Budget})})
	})
	if err != nil {
		return nil, wrap("create plan", err)
	}
	return s.revision(ctx, revID)
}

func (s *Store) revision(ctx context.Context, id int) (*domain.PlanRevision, error) {
	return one(s.RevisionsByIDs(ctx, []int{id}))
}

func revisionAudit(r *domain.PlanRevision) map[string]any {
	return map[string]any{"number": r.Number, "status": r.Status, "validFrom": r.ValidFrom.Format(domain.DateLayout),
		"validTo": r.ValidTo.Format(domain.DateLayout), "budget": r.Budget.String(), "goals": r.Goals, "lines": r.Lines,
		"returnComment": r.ReturnComment}
}

// lockPlanOfRevision locks the plan of a revision the scope sees (so that steps on one plan
// run one after another) and returns the plan and the revision.
func lockPlanOfRevision(ctx context.Context, tx *sqlx.Tx, scope domain.CaseScope, revisionID int) (*domain.SupportPlan, *domain.PlanRevision, error) {
	// The scope is checked before the lock: nobody may hold up a plan they cannot see.
	args := []any{revisionID}
	var planIDs []int
	if err := tx.SelectContext(ctx, &planIDs, `SELECT sp.id FROM support_plan sp JOIN plan_revision r ON r.plan_id = sp.id
		JOIN child c ON c.id = sp.child_id WHERE r.id = $1 AND `+caseScopeSQL(scope, &args), args...); err != nil {
		return nil, nil, err
	}
	if len(planIDs) == 0 {
		return nil, nil, domain.NotFound("plan revision")
	}
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM support_plan WHERE id = $1 FOR UPDATE`, planIDs[0]); err != nil {
		return nil, nil, err
	}
	plan, err := planInScope(ctx, tx, scope, planIDs[0])
	if err != nil {
		return nil, nil, err
	}
	rev, err := revisionInTx(ctx, tx, revisionID)
	return plan, rev, err
}

// PlanDraft is the whole content of a draft as the editor saves it.
type PlanDraft struct {
	ValidFrom time.Time          // first day
	ValidTo   time.Time          // last day
	Budget    domain.Money       // individual budget
	Goals     []domain.PlanGoal  // goals, keys of continued goals kept
	Lines     []domain.DraftLine // lines, keys of continued lines kept
}

// UpdateDraft replaces a DRAFT revision's content at version. Prices come from the provider's
// price in force on the first day, else the catalogue; the budget must cover the lines.
func (s *Store) UpdateDraft(ctx context.Context, scope domain.CaseScope, revisionID, version int, d PlanDraft,
	allowed func(*domain.SupportPlan) error) (*domain.PlanRevision, error) {
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		plan, old, err := lockPlanOfRevision(ctx, tx, scope, revisionID)
		if err != nil {
			return err
		}
		if err := allowed(plan); err != nil {
			return err
		}
		if old.Version != version {
			return staleVersion("plan", old.Version)
		}
		if old.Status != domain.PlanDraft {
			return domain.Errorf(domain.EINVALID, "only a draft can be edited; this revision is %s", old.Status)
		}
		project, err := projectInTx(ctx, tx, plan.ProjectID)
		if err != nil {
			return err
		}
		if err := domain.ValidatePlanPeriod(d.ValidFrom, d.ValidTo, project); err != nil {
			return err
		}
		knownKeys := map[string]bool{}
		var keys []string
		if err := tx.SelectContext(ctx, &keys, `SELECT g.key::text FROM plan_goal g JOIN plan_revision r ON r.id = g.revision_id WHERE r.plan_id = $1
			UNION SELECT l.key::text FROM plan_line l JOIN plan_revision r ON r.id = l.revision_id WHERE r.plan_id = $1`, plan.ID); err != nil {
			return err
		}
		for _, k := range keys {
			knownKeys[k] = true
		}
		next := &domain.PlanRevision{ID: old.ID, Number: old.Number, Status: old.Status, ValidFrom: d.ValidFrom, ValidTo: d.ValidTo, Budget: d.Budget}
		for i, g := range d.Goals {
			if g.Key != "" && !knownKeys[g.Key] {
				return domain.FieldErrorf(fmt.Sprintf("goals.%d.key", i), "no goal of this plan has the key %q", g.Key)
			}
			next.Goals = append(next.Goals, g)
		}
		// The lines' service types and their providers' prices, one statement each for the
		// whole draft.
		var typeIDs, providerIDs []int
		for _, l := range d.Lines {
			typeIDs = append(typeIDs, l.ServiceTypeID)
			if l.ProviderID != nil {
				providerIDs = append(providerIDs, *l.ProviderID)
			}
		}
		types, err := serviceTypesIn(ctx, tx, typeIDs)
		if err != nil {
			return err
		}
		var prices []domain.ProviderPrice
		if err := tx.SelectContext(ctx, &prices, `SELECT provider_id, service_type_id, unit_price, valid_from FROM provider_price
			WHERE provider_id = ANY($1)`, pq.Array(providerIDs)); err != nil {
			return err
		}
		var earlierRows []struct {
			Key           string           `db:"key"`
			ServiceTypeID int              `db:"service_type_id"`
			Recipient     domain.Recipient `db:"recipient"`
		}
		if err := tx.SelectContext(ctx, &earlierRows, `SELECT DISTINCT l.key::text AS key, l.service_type_id, l.recipient FROM plan_line l
			JOIN plan_revision r ON r.id = l.revision_id WHERE r.plan_id = $1 AND r.id <> $2`, plan.ID, revisionID); err != nil {
			return err
		}
		earlier := make([]domain.PlanLine, len(earlierRows))
		for i, e := range earlierRows {
			earlier[i] = domain.PlanLine{Key: e.Key, ServiceTypeID: e.ServiceTypeID, Recipient: e.Recipient}
		}
		for i, l := range d.Lines {
			if l.Key != "" && !knownKeys[l.Key] {
				return domain.FieldErrorf(fmt.Sprintf("lines.%d.key", i), "no line of this plan has the key %q", l.Key)
			}
			if err := domain.CheckContinuedLine(i, l, earlier); err != nil {
				return err
			}
			st := types[l.ServiceTypeID]
			if st == nil {
				return domain.FieldErrorf(fmt.Sprintf("lines.%d.serviceTypeId", i), "no such service type")
			}
			if err := domain.ValidateLine(i, l, st); err != nil {
				return err
			}
			price, source := domain.LinePrice(st, l.ProviderID, prices, d.ValidFrom)
			next.Lines = append(next.Lines, domain.PlanLine{Key: l.Key, ServiceTypeID: l.ServiceTypeID, Recipient: l.Recipient,
				ProviderID: l.ProviderID, PlannedUnits: l.PlannedUnits, UnitPrice: price, PriceSource: source})
		}
		if err := domain.CheckBudget(d.Budget, next.LinesTotal()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plan_revision SET valid_from = $2, valid_to = $3, budget = $4, version = version + 1 WHERE id = $1`,
			revisionID, d.ValidFrom, d.ValidTo, d.Budget); err != nil {
			return err
		}
		if err := writeContent(ctx, tx, revisionID, next); err != nil {
			return err
		}
		now, err := revisionInTx(ctx, tx, revisionID)
		if err != nil {
			return err
		}
		before, after := diff(revisionAudit(old), revisionAudit(now))
		return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityPlanRevision, entityID: id64(revisionID),
			municipalityID: &plan.MunicipalityID, before: before, after: after})
	})
	if err != nil {
		return nil, wrap("update plan draft", err)
	}
	return s.revision(ctx, revisionID)
}

// writeContent replaces a revision's goals and lines; items without a key get a new one.
func writeContent(ctx context.Context, tx *sqlx.Tx, revisionID int, r *domain.PlanRevision) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM plan_goal WHERE revision_id = $1`, revisionID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM plan_line WHERE revision_id = $1`, revisionID); err != nil {
		return err
	}
	for i, g := range r.Goals {
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_goal (revision_id, position, key, text, indicator, target_date, status)
			VALUES ($1, $2, coalesce(nullif($3, '')::uuid, gen_random_uuid()), $4, $5, $6, $7)`,
			revisionID, i, g.Key, g.Text, g.Indicator, g.TargetDate, g.Status); err != nil {
			if isUniqueViolation(err) {
				return domain.FieldErrorf(fmt.Sprintf("goals.%d.key", i), "a goal's key is given twice")
			}
			return err
		}
	}
	for i, l := range r.Lines {
		_, err := tx.ExecContext(ctx, `INSERT INTO plan_line (revision_id, position, key, service_type_id, recipient, provider_id,
			planned_units, unit_price, price_source) VALUES ($1, $2, coalesce(nullif($3, '')::uuid, gen_random_uuid()), $4, $5, $6, $7, $8, $9)`,
			revisionID, i, l.Key, l.ServiceTypeID, l.Recipient, l.ProviderID, l.PlannedUnits, l.UnitPrice, l.PriceSource)
		if isUniqueViolation(err) {
			return domain.FieldErrorf(fmt.Sprintf("lines.%d.key", i), "a line's key is given twice")
		}
		if isForeignKeyViolation(err) {
			return domain.FieldErrorf(fmt.Sprintf("lines.%d.providerId", i), "no such provider")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// StepPlan takes a workflow step on a revision at version and returns the revision it leaves
// in front (for revise, the new draft). The comment is one domain.StepComment has cleaned. allowed decides from the plan whether the caller may
// take the step.
func (s *Store) StepPlan(ctx context.Context, scope domain.CaseScope, revisionID, version int, step domain.PlanStep, comment *string,
	allowed func(*domain.SupportPlan) error) (*domain.PlanRevision, error) {
	resultID := revisionID
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		plan, rev, err := lockPlanOfRevision(ctx, tx, scope, revisionID)
		if err != nil {
			return err
		}
		if err := allowed(plan); err != nil {
			return err
		}
		if rev.Version != version {
			return staleVersion("plan", rev.Version)
		}
		next, err := domain.NextStatus(step, rev.Status)
		if err != nil {
			return err
		}
		var approver *int // nil when loaded by the system (demo data), not a user
		if actor := domain.ActorFrom(ctx); actor.SignedIn() {
			approver = &actor.UserID
		}
		switch step {
		case domain.StepSubmit:
			if len(rev.Goals) == 0 || len(rev.Lines) == 0 {
				return domain.Errorf(domain.EINVALID, "a plan needs at least one goal and one service line before it is submitted")
			}
			_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, submitted_at = now(), version = version + 1 WHERE id = $1`, rev.ID, next)
		case domain.StepReturn:
			_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, return_comment = $3, version = version + 1 WHERE id = $1`, rev.ID, next, comment)
		case domain.StepApprove:
			// A revision of a plan in force takes its place, and its status.
			var inForce []struct {
				ID     int               `db:"id"`
				Status domain.PlanStatus `db:"status"`
			}
			if err = tx.SelectContext(ctx, &inForce, `SELECT id, status FROM plan_revision WHERE plan_id = $1 AND status IN `+revisionOpenSQL, plan.ID); err != nil {
				return err
			}
			if len(inForce) == 1 {
				// The new revision must cover what was delivered under the old one: hold the
				// child's deliveries still (as recording does) and compare.
				if err = lockChild(ctx, tx, plan.ChildID); err != nil {
					return err
				}
				var sums []domain.DeliverySum
				if err = tx.SelectContext(ctx, &sums, deliverySumsSQL, pq.Array([]int{plan.ID})); err != nil {
					return err
				}
				if err = domain.CheckRevisionCoversDeliveries(rev, sums); err != nil {
					return err
				}
				next = inForce[0].Status
				if _, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = 'SUPERSEDED', version = version + 1 WHERE id = $1`, inForce[0].ID); err != nil {
					return err
				}
				if err = appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityPlanRevision,
					entityID: id64(inForce[0].ID), municipalityID: &plan.MunicipalityID, before: map[string]any{"status": inForce[0].Status},
					after: map[string]any{"status": domain.PlanSuperseded, "supersededBy": rev.Number}}); err != nil {
					return err
				}
			}
			_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, approved_at = now(), approved_by = $3, return_comment = NULL,
				version = version + 1 WHERE id = $1`, rev.ID, next, approver)
		case domain.StepClose:
			// A revision in preparation could never come into force on a closed plan.
			if plan.PendingID != nil {
				return domain.Errorf(domain.EINVALID, "the plan has a revision in preparation: it must be approved before the plan can be closed")
			}
			_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, version = version + 1 WHERE id = $1`, rev.ID, next)
		case domain.StepActivate:
			_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, version = version + 1 WHERE id = $1`, rev.ID, next)
		case domain.StepRevise:
			if plan.PendingID != nil {
				return domain.Errorf(domain.EINVALID, "the plan has a revision in preparation already")
			}
			err = tx.GetContext(ctx, &resultID, `INSERT INTO plan_revision (plan_id, number, status, valid_from, valid_to, budget)
				SELECT plan_id, (SELECT max(number) + 1 FROM plan_revision WHERE plan_id = $2), 'DRAFT', valid_from, valid_to, budget
				FROM plan_revision WHERE id = $1 RETURNING id`, rev.ID, plan.ID)
			if err == nil {
				err = writeContent(ctx, tx, resultID, rev)
			}
		}
		if isUniqueViolation(err) {
			return domain.Errorf(domain.ECONFLICT, "the plan changed meanwhile: reload it")
		}
		if err != nil {
			return err
		}
		entry := auditEntry{action: domain.AuditUpdate, entityType: domain.EntityPlanRevision, entityID: id64(rev.ID), municipalityID: &plan.MunicipalityID,
			before: map[string]any{"status": rev.Status}, after: map[string]any{"status": next, "step": step, "comment": comment}}
		if step == domain.StepRevise {
			entry = auditEntry{action: domain.AuditCreate, entityType: domain.EntityPlanRevision, entityID: id64(resultID), municipalityID: &plan.MunicipalityID,
				after: map[string]any{"revisedFrom": rev.Number, "status": domain.PlanDraft}}
		}
		return appendAudit(ctx, tx, entry)
	})
	if err != nil {
		return nil, wrap("plan "+string(step), err)
	}
	return s.revision(ctx, resultID)
}
