package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

type assessmentRow struct {
	domain.Assessment
	TeamJSON  []byte `db:"team"`
	Findings  []byte `db:"findings"`
	Recommend []byte `db:"recommendations"`
}

func (r *assessmentRow) rowID() int { return r.ID }

func (r *assessmentRow) toModel() (domain.Assessment, error) {
	a := r.Assessment
	err := errors.Join(json.Unmarshal(r.TeamJSON, &a.Team), json.Unmarshal(r.Findings, &a.Findings), json.Unmarshal(r.Recommend, &a.Recommendations))
	return a, err
}

// assessmentSelect reads whole assessments: team, findings (in ICF-CY chapter order, the
// order of domain.FunctioningAreas) and recommendations as JSON.
var assessmentSelect = `SELECT a.id, a.child_id, a.provider_id, a.scheduled_on, a.status, a.completed_on, a.cancel_reason, a.version,
	c.municipality_id, cm.region_id,
	coalesce((SELECT json_agg(json_build_object('name', t.name, 'specialty', t.specialty) ORDER BY t.position)
		FROM assessment_team_member t WHERE t.assessment_id = a.id), '[]') AS team,
	coalesce((SELECT json_agg(json_build_object('area', f.area, 'qualifier', f.qualifier, 'note', f.note)
		ORDER BY array_position(ARRAY[` + sqlList(domain.FunctioningAreas) + `], f.area))
		FROM assessment_finding f WHERE f.assessment_id = a.id), '[]') AS findings,
	coalesce((SELECT json_agg(json_build_object('serviceTypeId', r.service_type_id, 'recipient', r.recipient, 'units', r.units,
			'note', r.note) ORDER BY r.position)
		FROM assessment_recommendation r WHERE r.assessment_id = a.id), '[]') AS recommendations
	FROM assessment a JOIN child c ON c.id = a.child_id JOIN municipality cm ON cm.id = c.municipality_id`

// AssessmentsByChildIDs returns each child's assessments, latest first, in key order.
func (s *Store) AssessmentsByChildIDs(ctx context.Context, ids []int) ([][]*domain.Assessment, []error) {
	var rows []assessmentRow
	if err := s.selectAll(ctx, &rows, assessmentSelect+` WHERE a.child_id = ANY($1) ORDER BY a.scheduled_on DESC, a.id DESC`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("assessments of children", err))
	}
	as, err := toModels[domain.Assessment](rows)
	if err != nil {
		return nil, fill(len(ids), err)
	}
	return groupByKey(ids, as, func(a *domain.Assessment) int { return a.ChildID }), nil
}

// AssessmentsByIDs returns assessments by id, in key order, without a scope check.
func (s *Store) AssessmentsByIDs(ctx context.Context, ids []int) ([]*domain.Assessment, []error) {
	var rows []assessmentRow
	if err := s.selectAll(ctx, &rows, assessmentSelect+` WHERE a.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("assessments by id", err))
	}
	as, err := toModels[domain.Assessment](rows)
	if err != nil {
		return nil, fill(len(ids), err)
	}
	return byKey(ids, as, func(a *domain.Assessment) int { return a.ID }, notFound("assessment"))
}

// AssessmentInScope returns an assessment of a child the scope sees, else ENOTFOUND.
func (s *Store) AssessmentInScope(ctx context.Context, scope domain.CaseScope, id int) (*domain.Assessment, error) {
	return assessmentInScope(ctx, s.db, scope, id, false)
}

func assessmentInScope(ctx context.Context, q sqlx.QueryerContext, scope domain.CaseScope, id int, lock bool) (*domain.Assessment, error) {
	args := []any{id}
	query := assessmentSelect + ` WHERE a.id = $1 AND ` + caseScopeSQL(scope, &args)
	if lock {
		query += ` FOR UPDATE OF a`
	}
	var rows []assessmentRow
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return nil, wrap("assessment", err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("assessment")
	}
	as, err := toModels[domain.Assessment](rows)
	if err != nil {
		return nil, err
	}
	return &as[0], nil
}

// Assessments returns up to limit assessments that match f, latest scheduled first.
func (s *Store) Assessments(ctx context.Context, f domain.AssessmentFilter, after *DatedKey, limit int) ([]domain.Assessment, bool, error) {
	c := assessmentWhere(f)
	if after != nil {
		c.add("(a.scheduled_on, a.id) < ($%d, $%d)", after.Date, after.ID)
	}
	query := assessmentSelect + c.sql() + ` ORDER BY a.scheduled_on DESC, a.id DESC LIMIT ` + c.param(limit+1)
	var rows []assessmentRow
	if err := s.selectAll(ctx, &rows, query, c.args...); err != nil {
		return nil, false, wrap("assessments", err)
	}
	as, err := toModels[domain.Assessment](rows)
	if err != nil {
		return nil, false, err
	}
	return page(as, limit)
}

// CountAssessments counts the assessments that match f.
func (s *Store) CountAssessments(ctx context.Context, f domain.AssessmentFilter) (int, error) {
	c := assessmentWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM assessment a JOIN child c ON c.id = a.child_id`+c.sql(), c.args...)
	return n, wrap("count assessments", err)
}

func assessmentWhere(f domain.AssessmentFilter) *conds {
	c := &conds{}
	c.where = append(c.where, caseScopeSQL(f.Scope, &c.args))
	if f.Status != nil {
		c.add("a.status = $%d", string(*f.Status))
	}
	if f.ProviderID != nil {
		c.add("a.provider_id = $%d", *f.ProviderID)
	}
	if f.ChildID != nil {
		c.add("a.child_id = $%d", *f.ChildID)
	}
	return c
}

func writeTeam(ctx context.Context, tx *sqlx.Tx, id int, team []domain.TeamMember) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM assessment_team_member WHERE assessment_id = $1`, id); err != nil {
		return err
	}
	for i, m := range team {
		if _, err := tx.ExecContext(ctx, `INSERT INTO assessment_team_member (assessment_id, position, name, specialty) VALUES ($1, $2, $3, $4)`,
			id, i, m.Name, m.Specialty); err != nil {
			return err
		}
	}
	return nil
}

// The writes of assessments: the service holds the child (ChildInScopeTx, lock set) or the
// assessment (LockAssessment), decides, and calls these. Each writes its change row to the
// audit log in the same transaction.

// InsertAssessment schedules an assessment of the held child by the provider's team and
// returns its id.
func InsertAssessment(ctx context.Context, tx *Tx, child *domain.Child, providerID int, on time.Time, team []domain.TeamMember) (int, error) {
	var id int
	err := tx.GetContext(ctx, &id, `INSERT INTO assessment (child_id, provider_id, scheduled_on, status) VALUES ($1, $2, $3, 'SCHEDULED') RETURNING id`,
		child.ID, providerID, on)
	if isForeignKeyViolation(err) {
		return 0, domain.FieldErrorf("providerId", "no such provider")
	}
	if err != nil {
		return 0, wrap("insert assessment", err)
	}
	if err := writeTeam(ctx, tx, id, team); err != nil {
		return 0, wrap("assessment team", err)
	}
	return id, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityAssessment, entityID: id64(id),
		municipalityID: &child.MunicipalityID, after: map[string]any{"childId": child.ID, "providerId": providerID, "scheduledOn": on.Format(domain.DateLayout), "team": team}})
}

// Assessment returns an assessment by id, without a scope check: a record the caller wrote.
func (s *Store) Assessment(ctx context.Context, id int) (*domain.Assessment, error) {
	return s.AssessmentInScope(ctx, domain.CaseScope{All: true}, id)
}

// LockAssessment returns an assessment the scope sees, locked against changes.
func LockAssessment(ctx context.Context, tx *Tx, scope domain.CaseScope, id int) (*domain.Assessment, error) {
	return assessmentInScope(ctx, tx, scope, id, true)
}

// RecommendedTypes returns the service types a record recommends that exist, by id.
func RecommendedTypes(ctx context.Context, tx *Tx, r domain.AssessmentRecord) (map[int]*domain.ServiceType, error) {
	ids := make([]int, len(r.Recommendations))
	for i, rec := range r.Recommendations {
		ids[i] = rec.ServiceTypeID
	}
	types, err := serviceTypesIn(ctx, tx, ids)
	return types, wrap("service types", err)
}

// RecordAssessment replaces the team, findings and recommendations of a held assessment.
func RecordAssessment(ctx context.Context, tx *Tx, old *domain.Assessment, r domain.AssessmentRecord) error {
	id := old.ID
	if err := writeTeam(ctx, tx, id, r.Team); err != nil {
		return wrap("assessment team", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM assessment_finding WHERE assessment_id = $1`, id); err != nil {
		return wrap("assessment findings", err)
	}
	for _, f := range r.Findings {
		if _, err := tx.ExecContext(ctx, `INSERT INTO assessment_finding (assessment_id, area, qualifier, note) VALUES ($1, $2, $3, $4)`,
			id, f.Area, f.Qualifier, f.Note); err != nil {
			return wrap("assessment finding", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM assessment_recommendation WHERE assessment_id = $1`, id); err != nil {
		return wrap("assessment recommendations", err)
	}
	for i, rec := range r.Recommendations {
		_, err := tx.ExecContext(ctx, `INSERT INTO assessment_recommendation (assessment_id, position, service_type_id, recipient, units, note)
			VALUES ($1, $2, $3, $4, $5, $6)`, id, i, rec.ServiceTypeID, rec.Recipient, rec.Units, rec.Note)
		if isForeignKeyViolation(err) {
			return domain.FieldErrorf("recommendations", "no such service type")
		}
		if err != nil {
			return wrap("assessment recommendation", err)
		}
	}
	return changedAssessment(ctx, tx, old)
}

// SetAssessmentStatus completes (on completedOn) or cancels (for reason) a held assessment.
func SetAssessmentStatus(ctx context.Context, tx *Tx, old *domain.Assessment, status domain.AssessmentStatus, completedOn *time.Time, reason *string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE assessment SET status = $2, completed_on = $3, cancel_reason = $4 WHERE id = $1`,
		old.ID, status, completedOn, reason); err != nil {
		return wrap("assessment status", err)
	}
	return changedAssessment(ctx, tx, old)
}

// changedAssessment counts a change of an assessment in its version and audits it: before and
// after, as read back.
func changedAssessment(ctx context.Context, tx *sqlx.Tx, old *domain.Assessment) error {
	if _, err := tx.ExecContext(ctx, `UPDATE assessment SET version = version + 1 WHERE id = $1`, old.ID); err != nil {
		return wrap("assessment version", err)
	}
	now, err := assessmentInScope(ctx, tx, domain.CaseScope{All: true}, old.ID, false)
	if err != nil {
		return err
	}
	before, after := diff(assessmentAudit(old), assessmentAudit(now))
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityAssessment, entityID: id64(old.ID),
		municipalityID: &old.MunicipalityID, before: before, after: after})
}

func assessmentAudit(a *domain.Assessment) map[string]any {
	return map[string]any{"status": a.Status, "completedOn": dateText(a.CompletedOn), "cancelReason": a.CancelReason,
		"team": a.Team, "findings": a.Findings, "recommendations": a.Recommendations}
}
