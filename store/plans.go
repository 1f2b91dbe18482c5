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

func (r *revisionRow) rowID() int { return r.ID }

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

// revisionSelect reads whole revisions, goals and lines in their order, as JSON; one
// statement per batch.
const revisionSelect = `SELECT r.id, r.plan_id, r.number, r.status, r.valid_from, r.valid_to, r.budget, r.submitted_at,
	r.approved_at, r.approved_by, r.approved_on, r.activated_on, r.closed_on, r.return_comment, r.created_at, r.version,
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
	revs, err := toModels[domain.PlanRevision](rows)
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
	revs, err := toModels[domain.PlanRevision](rows)
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
	revs, err := toModels[domain.PlanRevision](rows)
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

// The plan's writes: the service (service.Plans) holds the plan with LockPlanOfRevision, reads
// the facts its rules need, decides with domain rules, and then calls these. Each writes its
// change row to the audit log in the same transaction.

// Enrolled tells whether the child has an accepted application to the project.
func Enrolled(ctx context.Context, tx *Tx, childID, projectID int) (bool, error) {
	var enrolled bool
	err := tx.GetContext(ctx, &enrolled, `SELECT EXISTS (SELECT 1 FROM application WHERE child_id = $1 AND project_id = $2 AND status = 'ACCEPTED')`,
		childID, projectID)
	return enrolled, wrap("enrolled", err)
}

// InsertPlan writes a new plan of a child with its first DRAFT revision, and returns the
// revision's id.
func InsertPlan(ctx context.Context, tx *Tx, child *domain.Child, np domain.NewPlan) (int, error) {
	var planID, revID int
	if err := tx.GetContext(ctx, &planID, `INSERT INTO support_plan (child_id, project_id, assessment_id, kind) VALUES ($1, $2, $3, $4) RETURNING id`,
		child.ID, np.ProjectID, np.AssessmentID, np.Kind); err != nil {
		return 0, wrap("insert plan", err)
	}
	if err := tx.GetContext(ctx, &revID, `INSERT INTO plan_revision (plan_id, number, status, valid_from, valid_to, budget)
		VALUES ($1, 1, 'DRAFT', $2, $3, $4) RETURNING id`, planID, np.ValidFrom, np.ValidTo, np.Budget); err != nil {
		return 0, wrap("insert plan revision", err)
	}
	return revID, appendAudit(ctx, tx,
		auditEntry{action: domain.AuditCreate, entityType: domain.EntitySupportPlan, entityID: id64(planID), municipalityID: &child.MunicipalityID,
			after: map[string]any{"childId": child.ID, "projectId": np.ProjectID, "assessmentId": np.AssessmentID, "kind": np.Kind}},
		auditEntry{action: domain.AuditCreate, entityType: domain.EntityPlanRevision, entityID: id64(revID), municipalityID: &child.MunicipalityID,
			after: revisionAudit(&domain.PlanRevision{Number: 1, Status: domain.PlanDraft, ValidFrom: np.ValidFrom, ValidTo: np.ValidTo, Budget: np.Budget})})
}

// Revision returns a plan revision with its goals and lines.
func (s *Store) Revision(ctx context.Context, id int) (*domain.PlanRevision, error) {
	return one(s.RevisionsByIDs(ctx, []int{id}))
}

func revisionAudit(r *domain.PlanRevision) map[string]any {
	return map[string]any{"number": r.Number, "status": r.Status, "validFrom": r.ValidFrom.Format(domain.DateLayout),
		"validTo": r.ValidTo.Format(domain.DateLayout), "budget": r.Budget.String(), "goals": r.Goals, "lines": r.Lines,
		"returnComment": r.ReturnComment}
}

// LockPlanOfRevision locks the plan of a revision the scope sees (so that steps on one plan
// run one after another) and returns the plan and the revision.
func LockPlanOfRevision(ctx context.Context, tx *Tx, scope domain.CaseScope, revisionID int) (*domain.SupportPlan, *domain.PlanRevision, error) {
	// The scope is checked before the lock: nobody may hold up a plan they cannot see.
	args := []any{revisionID}
	var planIDs []int
	if err := tx.SelectContext(ctx, &planIDs, `SELECT sp.id FROM support_plan sp JOIN plan_revision r ON r.plan_id = sp.id
		JOIN child c ON c.id = sp.child_id WHERE r.id = $1 AND `+caseScopeSQL(scope, &args), args...); err != nil {
		return nil, nil, wrap("plan of revision", err)
	}
	if len(planIDs) == 0 {
		return nil, nil, domain.NotFound("plan revision")
	}
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM support_plan WHERE id = $1 FOR UPDATE`, planIDs[0]); err != nil {
		return nil, nil, wrap("lock plan", err)
	}
	plan, err := planInScope(ctx, tx, scope, planIDs[0])
	if err != nil {
		return nil, nil, err
	}
	rev, err := revisionInTx(ctx, tx, revisionID)
	return plan, rev, err
}

// DraftFacts reads what the rules of a draft of the plan need (domain.ApplyDraft): the
// project, every key of the plan, the lines of its other revisions, the service types and
// the prices of the providers the draft names; one statement each.
func DraftFacts(ctx context.Context, tx *Tx, plan *domain.SupportPlan, revisionID int, d domain.DraftContent) (domain.DraftFacts, error) {
	f := domain.DraftFacts{KnownKeys: map[string]bool{}}
	// The project's period holds until the draft is saved (an amendment waits).
	if err := LockProjectShared(ctx, tx, plan.ProjectID); err != nil {
		return f, err
	}
	var err error
	if f.Project, err = projectInTx(ctx, tx, plan.ProjectID); err != nil {
		return f, err
	}
	var keys []string
	if err := tx.SelectContext(ctx, &keys, `SELECT g.key::text FROM plan_goal g JOIN plan_revision r ON r.id = g.revision_id WHERE r.plan_id = $1
		UNION SELECT l.key::text FROM plan_line l JOIN plan_revision r ON r.id = l.revision_id WHERE r.plan_id = $1`, plan.ID); err != nil {
		return f, wrap("plan keys", err)
	}
	for _, k := range keys {
		f.KnownKeys[k] = true
	}
	var typeIDs, providerIDs []int
	for _, l := range d.Lines {
		typeIDs = append(typeIDs, l.ServiceTypeID)
		if l.ProviderID != nil {
			providerIDs = append(providerIDs, *l.ProviderID)
		}
	}
	if f.Types, err = serviceTypesIn(ctx, tx, typeIDs); err != nil {
		return f, wrap("service types", err)
	}
	if err := tx.SelectContext(ctx, &f.Prices, `SELECT provider_id, service_type_id, unit_price, valid_from FROM provider_price
		WHERE provider_id = ANY($1)`, pq.Array(providerIDs)); err != nil {
		return f, wrap("provider prices", err)
	}
	var earlier []struct {
		Key           string           `db:"key"`
		ServiceTypeID int              `db:"service_type_id"`
		Recipient     domain.Recipient `db:"recipient"`
	}
	if err := tx.SelectContext(ctx, &earlier, `SELECT DISTINCT l.key::text AS key, l.service_type_id, l.recipient FROM plan_line l
		JOIN plan_revision r ON r.id = l.revision_id WHERE r.plan_id = $1 AND r.id <> $2`, plan.ID, revisionID); err != nil {
		return f, wrap("earlier lines", err)
	}
	for _, e := range earlier {
		f.Earlier = append(f.Earlier, domain.PlanLine{Key: e.Key, ServiceTypeID: e.ServiceTypeID, Recipient: e.Recipient})
	}
	return f, nil
}

// SaveDraft replaces a draft revision's content with next (domain.ApplyDraft's result) and
// returns the revision as saved (read back for the audit's diff).
func SaveDraft(ctx context.Context, tx *Tx, plan *domain.SupportPlan, old, next *domain.PlanRevision) (*domain.PlanRevision, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE plan_revision SET valid_from = $2, valid_to = $3, budget = $4, version = version + 1 WHERE id = $1`,
		old.ID, next.ValidFrom, next.ValidTo, next.Budget); err != nil {
		return nil, wrap("update draft", err)
	}
	if err := writeContent(ctx, tx, old.ID, next); err != nil {
		return nil, err
	}
	now, err := revisionInTx(ctx, tx, old.ID)
	if err != nil {
		return nil, err
	}
	before, after := diff(revisionAudit(old), revisionAudit(now))
	return now, appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityPlanRevision, entityID: id64(old.ID),
		municipalityID: &plan.MunicipalityID, before: before, after: after})
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

// RevisionInForceNow returns the plan's revision that is approved or active, if any.
func RevisionInForceNow(ctx context.Context, tx *Tx, planID int) (*domain.PlanRevision, error) {
	var rows []domain.PlanRevision
	if err := tx.SelectContext(ctx, &rows, `SELECT id, plan_id, number, status, version FROM plan_revision
		WHERE plan_id = $1 AND status IN `+revisionOpenSQL, planID); err != nil {
		return nil, wrap("revision in force", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

// LockDeliverySums holds the child's deliveries still (as recording a delivery does) and
// returns the sums of the plan's deliveries per line and status.
func LockDeliverySums(ctx context.Context, tx *Tx, plan *domain.SupportPlan) ([]domain.DeliverySum, error) {
	if err := lockChild(ctx, tx, plan.ChildID); err != nil {
		return nil, wrap("lock child", err)
	}
	var sums []domain.DeliverySum
	err := tx.SelectContext(ctx, &sums, deliverySumsSQL, pq.Array([]int{plan.ID}))
	return sums, wrap("delivery sums", err)
}

// SupersedeRevision marks the revision in force as replaced by rev.
func SupersedeRevision(ctx context.Context, tx *Tx, plan *domain.SupportPlan, inForce, rev *domain.PlanRevision) error {
	if _, err := tx.ExecContext(ctx, `UPDATE plan_revision SET status = 'SUPERSEDED', version = version + 1 WHERE id = $1`, inForce.ID); err != nil {
		return wrap("supersede revision", err)
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityPlanRevision,
		entityID: id64(inForce.ID), municipalityID: &plan.MunicipalityID, before: map[string]any{"status": inForce.Status},
		after: map[string]any{"status": domain.PlanSuperseded, "supersededBy": rev.Number}})
}

// StepRevision moves a revision to the status next by a workflow step (all but revise):
// submit stamps the submission, return keeps the comment, approve stamps the approval and its
// approver (nil when the system loads demo data).
func StepRevision(ctx context.Context, tx *Tx, plan *domain.SupportPlan, rev *domain.PlanRevision, step domain.PlanStep,
	next domain.PlanStatus, comment *string, approver *int, day time.Time) error {
	var err error
	switch step {
	case domain.StepSubmit:
		_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, submitted_at = now(), version = version + 1 WHERE id = $1`, rev.ID, next)
	case domain.StepReturn:
		_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, return_comment = $3, version = version + 1 WHERE id = $1`, rev.ID, next, comment)
	case domain.StepApprove:
		// A revision approved into a plan in effect (next is ACTIVE) keeps the day the plan
		// was put into effect: the revision it supersedes has it.
		_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, approved_at = now(), approved_by = $3, approved_on = $4,
			activated_on = CASE WHEN $2 = 'ACTIVE' THEN (SELECT s.activated_on FROM plan_revision s
				WHERE s.plan_id = $5 AND s.status = 'SUPERSEDED' ORDER BY s.number DESC LIMIT 1) END,
			return_comment = NULL, version = version + 1 WHERE id = $1`, rev.ID, next, approver, day, plan.ID)
	case domain.StepActivate:
		_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, activated_on = $3, version = version + 1 WHERE id = $1`, rev.ID, next, day)
	case domain.StepClose:
		_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, closed_on = $3, version = version + 1 WHERE id = $1`, rev.ID, next, day)
	default:
		_, err = tx.ExecContext(ctx, `UPDATE plan_revision SET status = $2, version = version + 1 WHERE id = $1`, rev.ID, next)
	}
	if isUniqueViolation(err) {
		return domain.ErrPlanChanged
	}
	if err != nil {
		return wrap("plan "+string(step), err)
	}
	after := map[string]any{"status": next, "step": step, "comment": comment}
	if domain.StepTakesDay(step) {
		after["decidedOn"] = day.Format(domain.DateLayout)
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityPlanRevision, entityID: id64(rev.ID),
		municipalityID: &plan.MunicipalityID, before: map[string]any{"status": rev.Status}, after: after})
}

// CopyRevision starts the next revision of a plan as a DRAFT copy of rev and returns its id.
func CopyRevision(ctx context.Context, tx *Tx, plan *domain.SupportPlan, rev *domain.PlanRevision) (int, error) {
	var id int
	err := tx.GetContext(ctx, &id, `INSERT INTO plan_revision (plan_id, number, status, valid_from, valid_to, budget)
		SELECT plan_id, (SELECT max(number) + 1 FROM plan_revision WHERE plan_id = $2), 'DRAFT', valid_from, valid_to, budget
		FROM plan_revision WHERE id = $1 RETURNING id`, rev.ID, plan.ID)
	if isUniqueViolation(err) {
		return 0, domain.ErrPlanChanged
	}
	if err != nil {
		return 0, wrap("copy revision", err)
	}
	if err := writeContent(ctx, tx, id, rev); err != nil {
		return 0, err
	}
	return id, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityPlanRevision, entityID: id64(id),
		municipalityID: &plan.MunicipalityID, after: map[string]any{"revisedFrom": rev.Number, "status": domain.PlanDraft}})
}
