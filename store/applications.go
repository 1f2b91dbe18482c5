package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

const applicationSelect = `SELECT a.id, a.child_id, a.project_id, a.applicant_id, a.submitted_on, a.status, a.reason, a.version,
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
	if err := s.selectAll(ctx, &rows, `SELECT application_id, at, actor_id, status, comment FROM application_event
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

func insertApplicationEvent(ctx context.Context, tx *sqlx.Tx, id int, status domain.ApplicationStatus, comment *string) error {
	var actor *int
	if a := domain.ActorFrom(ctx); a.SignedIn() {
		actor = &a.UserID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO application_event (application_id, actor_id, status, comment) VALUES ($1, $2, $3, $4)`,
		id, actor, status, comment)
	return err
}

// SubmitApplication records an application for a child the caller may edit; the applicant,
// when given, must be linked to the child.
func (s *Store) SubmitApplication(ctx context.Context, scope domain.CaseScope, a domain.Application, allowed func(*domain.Child) error) (*domain.Application, error) {
	var id int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		child, err := childInScope(ctx, tx, scope, a.ChildID, true)
		if err != nil {
			return err
		}
		if err := allowed(child); err != nil {
			return err
		}
		if a.ApplicantID != nil {
			var n int
			if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM child_parent WHERE child_id = $1 AND parent_id = $2`, a.ChildID, *a.ApplicantID); err != nil {
				return err
			}
			if n == 0 {
				return domain.FieldErrorf("applicantId", "the applicant is not a parent or representative of the child")
			}
		}
		err = tx.GetContext(ctx, &id, `INSERT INTO application (child_id, project_id, applicant_id, submitted_on, status)
			VALUES ($1, $2, $3, $4, 'SUBMITTED') RETURNING id`, a.ChildID, a.ProjectID, a.ApplicantID, a.SubmittedOn)
		if isForeignKeyViolation(err) {
			return domain.FieldErrorf("projectId", "no such project")
		}
		if err != nil {
			return err
		}
		if err := insertApplicationEvent(ctx, tx, id, domain.AppSubmitted, nil); err != nil {
			return err
		}
		return appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityApplication, entityID: id64(id),
			municipalityID: &child.MunicipalityID, after: map[string]any{"childId": a.ChildID, "projectId": a.ProjectID, "applicantId": a.ApplicantID,
				"submittedOn": a.SubmittedOn.Format(domain.DateLayout), "status": domain.AppSubmitted}})
	})
	if err != nil {
		return nil, wrap("submit application", err)
	}
	return s.ApplicationInScope(ctx, domain.CaseScope{All: true}, id)
}

// DecideApplication moves a submitted application to next (accepted, rejected, withdrawn) at
// version. Acceptance checks eligibility on day inside the transaction; the unique index on
// accepted applications stops two concurrent acceptances of one child into one project.
func (s *Store) DecideApplication(ctx context.Context, scope domain.CaseScope, id, version int, next domain.ApplicationStatus,
	comment *string, day time.Time, allowed func(*domain.Application) error) (*domain.Application, error) {
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		app, err := applicationInScope(ctx, tx, scope, id, true)
		if err != nil {
			return err
		}
		if err := allowed(app); err != nil {
			return err
		}
		if app.Version != version {
			return staleVersion("application", app.Version)
		}
		clean, err := app.Decide(next, comment)
		if err != nil {
			return err
		}
		if next == domain.AppAccepted {
			child, err := childInScope(ctx, tx, domain.CaseScope{All: true}, app.ChildID, true)
			if err != nil {
				return err
			}
			project, err := projectInTx(ctx, tx, app.ProjectID)
			if err != nil {
				return err
			}
			var enrolled int
			if err := tx.GetContext(ctx, &enrolled, `SELECT count(*) FROM application WHERE child_id = $1 AND project_id = $2 AND status = 'ACCEPTED'`,
				app.ChildID, app.ProjectID); err != nil {
				return err
			}
			if err := (domain.Eligibility{Child: child, Project: project, AlreadyEnrolled: enrolled > 0}).Check(day); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE application SET status = $2, reason = CASE WHEN $2 = 'REJECTED' THEN $3 ELSE reason END,
			version = version + 1 WHERE id = $1`, id, next, clean)
		if isUniqueViolation(err) {
			return domain.Errorf(domain.EINVALID, "not eligible: the child is already enrolled in the project")
		}
		if err != nil {
			return err
		}
		if err := insertApplicationEvent(ctx, tx, id, next, clean); err != nil {
			return err
		}
		return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityApplication, entityID: id64(id),
			municipalityID: &app.MunicipalityID, before: map[string]any{"status": app.Status}, after: map[string]any{"status": next, "comment": clean}})
	})
	if err != nil {
		return nil, wrap("decide application", err)
	}
	return s.ApplicationInScope(ctx, domain.CaseScope{All: true}, id)
}

func projectInTx(ctx context.Context, tx *sqlx.Tx, id int) (*domain.Project, error) {
	var rows []projectRow
	if err := tx.SelectContext(ctx, &rows, projectSelect+` WHERE p.id = $1`, id); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("project")
	}
	ps, err := toProjects(rows)
	if err != nil {
		return nil, err
	}
	return &ps[0], nil
}
