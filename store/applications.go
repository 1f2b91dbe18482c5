package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

const applicationSelect = `SELECT a.id, a.child_id, a.project_id, a.applicant_id, a.submitted_on, a.status, a.reason, a.decided_on, a.version,
	c.municipality_id, cm.region_id
	FROM application a JOIN child c ON c.id = a.child_id JOIN municipality cm ON cm.id = c.municipality_id`

// ApplicationsByChildIDs returns each child's applications, newest first, in key order.
func (s *Store) ApplicationsByChildIDs(ctx context.Context, ids []int) ([][]*domain.Application, []error) {
	var rows []domain.Application
	if err := s.selectAll(ctx, &rows, applicationSelect+` WHERE a.child_id = ANY($1) ORDER BY a.submitted_on DESC, a.id DESC`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("applications of children", err))
	}
	return groupByKey(ids, rows, func(a *domain.Application) int { return a.ChildID }), nil
}

// EventsByApplicationIDs returns each application's status changes, oldest first.
func (s *Store) EventsByApplicationIDs(ctx context.Context, ids []int) ([][]*domain.ApplicationEvent, []error) {
	var rows []domain.ApplicationEvent
	if err := s.selectAll(ctx, &rows, `SELECT application_id, at, on_date, actor_id, status, comment FROM application_event
		WHERE application_id = ANY($1) ORDER BY id`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("application events", err))
	}
	return groupByKey(ids, rows, func(e *domain.ApplicationEvent) int { return e.ApplicationID }), nil
}

// ApplicationInScope returns an application of a child the scope sees, else ENOTFOUND.
func (s *Store) ApplicationInScope(ctx context.Context, scope domain.CaseScope, id int) (*domain.Application, error) {
	return applicationInScope(ctx, s.db, scope, id, false)
}

func applicationInScope(ctx context.Context, q sqlx.QueryerContext, scope domain.CaseScope, id int, lock bool) (*domain.Application, error) {
	args := []any{id}
	query := applicationSelect + ` WHERE a.id = $1 AND ` + caseScopeSQL(scope, &args)
	if lock {
		query += ` FOR UPDATE OF a`
	}
	var rows []domain.Application
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return nil, wrap("application", err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("application")
	}
	return &rows[0], nil
}

// DatedKey is the position of a record in a newest-first list (date, id).
type DatedKey struct {
	Date time.Time `json:"d"`
	ID   int       `json:"i"`
}

// Applications returns up to limit applications that match f, newest first, after the key.
func (s *Store) Applications(ctx context.Context, f domain.ApplicationFilter, after *DatedKey, limit int) ([]domain.Application, bool, error) {
	c := applicationWhere(f)
	if after != nil {
		c.add("(a.submitted_on, a.id) < ($%d, $%d)", after.Date, after.ID)
	}
	query := applicationSelect + c.sql() + ` ORDER BY a.submitted_on DESC, a.id DESC LIMIT ` + c.param(limit+1)
	var rows []domain.Application
	if err := s.selectAll(ctx, &rows, query, c.args...); err != nil {
		return nil, false, wrap("applications", err)
	}
	return page(rows, limit)
}

// CountApplications counts the applications that match f.
func (s *Store) CountApplications(ctx context.Context, f domain.ApplicationFilter) (int, error) {
	c := applicationWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM application a JOIN child c ON c.id = a.child_id`+c.sql(), c.args...)
	return n, wrap("count applications", err)
}

func applicationWhere(f domain.ApplicationFilter) *conds {
	c := &conds{}
	c.where = append(c.where, caseScopeSQL(f.Scope, &c.args))
	if f.Status != nil {
		c.add("a.status = $%d", string(*f.Status))
	}
	if f.ProjectID != nil {
		c.add("a.project_id = $%d", *f.ProjectID)
	}
	if f.ChildID != nil {
		c.add("a.child_id = $%d", *f.ChildID)
	}
	return c
}

// insertApplicationEvent records a status change entered now and decided on day.
func insertApplicationEvent(ctx context.Context, tx *sqlx.Tx, id int, status domain.ApplicationStatus, comment *string, day time.Time) error {
	var actor *int
	if a := domain.ActorFrom(ctx); a.SignedIn() {
		actor = &a.UserID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO application_event (application_id, actor_id, status, comment, on_date) VALUES ($1, $2, $3, $4, $5)`,
		id, actor, status, comment, day)
	return err
}

// The writes of applications: the service holds the child (ChildInScopeTx, lock set) or the
// application (LockApplication), reads the facts its rules need, decides, and calls these.
// Each records the status change as an application event and writes its change row to the
// audit log in the same transaction.

// ParentLinked tells whether the parent is linked to the child.
func ParentLinked(ctx context.Context, tx *Tx, childID, parentID int) (bool, error) {
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM child_parent WHERE child_id = $1 AND parent_id = $2`, childID, parentID); err != nil {
		return false, wrap("parent linked", err)
	}
	return n > 0, nil
}

// InsertApplication records a submitted application for the held child and returns its id.
func InsertApplication(ctx context.Context, tx *Tx, child *domain.Child, a domain.Application) (int, error) {
	var id int
	err := tx.GetContext(ctx, &id, `INSERT INTO application (child_id, project_id, applicant_id, submitted_on, status)
		VALUES ($1, $2, $3, $4, 'SUBMITTED') RETURNING id`, a.ChildID, a.ProjectID, a.ApplicantID, a.SubmittedOn)
	if isForeignKeyViolation(err) {
		return 0, domain.FieldErrorf("projectId", "no such project")
	}
	if err != nil {
		return 0, wrap("insert application", err)
	}
	if err := insertApplicationEvent(ctx, tx, id, domain.AppSubmitted, nil, a.SubmittedOn); err != nil {
		return 0, wrap("application event", err)
	}
	return id, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityApplication, entityID: id64(id),
		municipalityID: &child.MunicipalityID, after: map[string]any{"childId": a.ChildID, "projectId": a.ProjectID, "applicantId": a.ApplicantID,
			"submittedOn": a.SubmittedOn.Format(domain.DateLayout), "status": domain.AppSubmitted}})
}

// Application returns an application by id, without a scope check: a record the caller wrote.
func (s *Store) Application(ctx context.Context, id int) (*domain.Application, error) {
	return s.ApplicationInScope(ctx, domain.CaseScope{All: true}, id)
}

// LockApplication returns an application the scope sees, locked against changes.
func LockApplication(ctx context.Context, tx *Tx, scope domain.CaseScope, id int) (*domain.Application, error) {
	return applicationInScope(ctx, tx, scope, id, true)
}

// EligibilityFacts reads what acceptance decides on (domain.Eligibility): the child, locked
// so that its record holds until the decision is written, the project, and whether the child
// has an accepted application to the project already.
func EligibilityFacts(ctx context.Context, tx *Tx, app *domain.Application) (domain.Eligibility, error) {
	var e domain.Eligibility
	var err error
	if e.Child, err = childInScope(ctx, tx, domain.CaseScope{All: true}, app.ChildID, true); err != nil {
		return e, err
	}
	if e.Project, err = projectInTx(ctx, tx, app.ProjectID); err != nil {
		return e, err
	}
	var enrolled int
	if err := tx.GetContext(ctx, &enrolled, `SELECT count(*) FROM application WHERE child_id = $1 AND project_id = $2 AND status = 'ACCEPTED'`,
		app.ChildID, app.ProjectID); err != nil {
		return e, wrap("enrolment", err)
	}
	e.AlreadyEnrolled = enrolled > 0
	return e, nil
}

// DecideApplication moves a held application to next (accepted, rejected, withdrawn) with the
// decision's comment (a rejection's reason) and day. The unique index on accepted applications
// stops two concurrent acceptances of one child into one project. The audit row keeps the
// decision's day; its own time is when it was entered.
func DecideApplication(ctx context.Context, tx *Tx, app *domain.Application, next domain.ApplicationStatus, comment *string, day time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE application SET status = $2, reason = CASE WHEN $2 = 'REJECTED' THEN $3 ELSE reason END,
		decided_on = $4, version = version + 1 WHERE id = $1`, app.ID, next, comment, day)
	if isUniqueViolation(err) {
		e := domain.FieldErrorf("id", "not eligible: the child is already enrolled in the project").Because(domain.ReasonAlreadyEnrolled)
		e.Reasons = []string{domain.ReasonAlreadyEnrolled}
		return e
	}
	if err != nil {
		return wrap("decide application", err)
	}
	if err := insertApplicationEvent(ctx, tx, app.ID, next, comment, day); err != nil {
		return wrap("application event", err)
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityApplication, entityID: id64(app.ID),
		municipalityID: &app.MunicipalityID, before: map[string]any{"status": app.Status},
		after: map[string]any{"status": next, "comment": comment, "decidedOn": day.Format(domain.DateLayout)}})
}

func projectInTx(ctx context.Context, tx *sqlx.Tx, id int) (*domain.Project, error) {
	var rows []projectRow
	if err := tx.SelectContext(ctx, &rows, projectSelect+` WHERE p.id = $1`, id); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("project")
	}
	ps, err := toModels[domain.Project](rows)
	if err != nil {
		return nil, err
	}
	return &ps[0], nil
}
