package service

import (
	"context"
	"time"

	"atbalsts/domain"
	"atbalsts/store"
)

// Applications are the use cases of applications to include a child in a project.
type Applications struct{ base }

// Submit records an application received for a child in the caller's case work; the
// applicant, when given, must be linked to the child.
func (p *Applications) Submit(ctx context.Context, app domain.Application) (*domain.Application, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := domain.CheckSubmittedOn(app.SubmittedOn, p.today()); err != nil {
		return nil, err
	}
	var id int
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		child, err := p.editChild(ctx, tx, a, scope, app.ChildID)
		if err != nil {
			return err
		}
		if app.ApplicantID != nil {
			linked, err := store.ParentLinked(ctx, tx, app.ChildID, *app.ApplicantID)
			if err != nil {
				return err
			}
			if err := domain.CheckApplicant(linked); err != nil {
				return err
			}
		}
		id, err = store.InsertApplication(ctx, tx, child, app)
		return err
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityApplication, id)
	return p.store.Application(ctx, id)
}

// Decide moves a submitted application at version to next (accepted, rejected or withdrawn),
// with a reason (a rejection needs one), dated decidedOn (nil: today; see domain.DecisionDay).
// Acceptance checks the child's eligibility on that day (domain.Eligibility) while the child
// is held.
func (p *Applications) Decide(ctx context.Context, id, version int, next domain.ApplicationStatus, reason *string, decidedOn *time.Time) (*domain.Application, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	today := p.today()
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		app, err := store.LockApplication(ctx, tx, scope, id)
		if err != nil {
			return err
		}
		if err := domain.CanEditCase(a, app.MunicipalityID); err != nil {
			return err
		}
		if err := domain.CheckVersion("application", app.Version, version); err != nil {
			return err
		}
		comment, err := app.Decide(next, reason)
		if err != nil {
			return err
		}
		day, err := domain.DecisionDay("decidedOn", decidedOn, app.SubmittedOn, today)
		if err != nil {
			return err
		}
		if next == domain.AppAccepted {
			facts, err := store.EligibilityFacts(ctx, tx, app)
			if err != nil {
				return err
			}
			if err := facts.Check(day); err != nil {
				return err
			}
		}
		return store.DecideApplication(ctx, tx, app, next, comment, day)
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityApplication, id)
	return p.store.Application(ctx, id)
}

// Get returns an application the caller may see (else ENOTFOUND), an audited read.
func (p *Applications) Get(ctx context.Context, id int) (*domain.Application, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	app, err := p.store.ApplicationInScope(ctx, scope, id)
	if err == nil {
		domain.AuditCaseRead(ctx, domain.EntityApplication, app.ID, app.MunicipalityID)
	}
	return app, err
}

// List returns up to limit applications the caller may see that match f (its scope is the
// caller's), newest first after the key, and whether more follow; each is an audited read.
func (p *Applications) List(ctx context.Context, f domain.ApplicationFilter, after *store.DatedKey, limit int) ([]domain.Application, bool, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, false, err
	}
	f.Scope = scope
	apps, more, err := p.store.Applications(ctx, f, after, limit)
	for _, app := range apps {
		domain.AuditCaseRead(ctx, domain.EntityApplication, app.ID, app.MunicipalityID)
	}
	return apps, more, err
}

// Count counts the applications the caller may see that match f.
func (p *Applications) Count(ctx context.Context, f domain.ApplicationFilter) (int, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return 0, err
	}
	f.Scope = scope
	return p.store.CountApplications(ctx, f)
}
