package service

import (
	"context"
	"time"

	"atbalsts/domain"
	"atbalsts/store"
)

// Assessments are the use cases of children's needs assessments.
type Assessments struct{ base }

// Schedule schedules an assessment of a child in the caller's case work by a provider's team.
func (p *Assessments) Schedule(ctx context.Context, childID, providerID int, on time.Time, team []domain.TeamMember) (*domain.Assessment, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := domain.CheckDate("scheduledOn", on); err != nil {
		return nil, err
	}
	if err := domain.ValidateTeam(team); err != nil {
		return nil, err
	}
	var id int
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		child, err := p.editChild(ctx, tx, a, scope, childID)
		if err != nil {
			return err
		}
		id, err = store.InsertAssessment(ctx, tx, child, providerID, on, team)
		return err
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityAssessment, id)
	return p.store.Assessment(ctx, id)
}

// Record replaces a scheduled assessment's team, findings and recommendations at version: the
// assessing provider's assessor or the child's case workers (domain.CanRecordAssessment).
func (p *Assessments) Record(ctx context.Context, id, version int, rec domain.AssessmentRecord) (*domain.Assessment, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := rec.Validate(); err != nil {
		return nil, err
	}
	return p.change(ctx, a, scope, id, version, canRecord, func(tx *store.Tx, old *domain.Assessment) error {
		if err := old.CheckRecordable(); err != nil {
			return err
		}
		types, err := store.RecommendedTypes(ctx, tx, rec)
		if err != nil {
			return err
		}
		if err := rec.CheckRecommendations(types); err != nil {
			return err
		}
		return store.RecordAssessment(ctx, tx, old, rec)
	})
}

// Complete completes a scheduled assessment with findings at version, on a day from its
// scheduled day to today: as Record.
func (p *Assessments) Complete(ctx context.Context, id, version int, completedOn time.Time) (*domain.Assessment, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	today := p.today()
	return p.change(ctx, a, scope, id, version, canRecord, func(tx *store.Tx, old *domain.Assessment) error {
		if err := old.CheckComplete(completedOn, today); err != nil {
			return err
		}
		return store.SetAssessmentStatus(ctx, tx, old, domain.AssessmentCompleted, &completedOn, nil)
	})
}

// Cancel cancels a scheduled assessment at version for a reason: the child's case workers.
func (p *Assessments) Cancel(ctx context.Context, id, version int, reason string) (*domain.Assessment, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	return p.change(ctx, a, scope, id, version, func(a domain.Actor, as *domain.Assessment) error {
		return domain.CanEditCase(a, as.MunicipalityID)
	}, func(tx *store.Tx, old *domain.Assessment) error {
		reason, err := old.CheckCancel(reason)
		if err != nil {
			return err
		}
		return store.SetAssessmentStatus(ctx, tx, old, domain.AssessmentCancelled, nil, &reason)
	})
}

// canRecord is who may record findings on an assessment and complete it.
func canRecord(a domain.Actor, as *domain.Assessment) error {
	return domain.CanRecordAssessment(a, as.ProviderID, as.MunicipalityID)
}

// change is the frame of every change of an assessment by a in scope: in one transaction it
// holds the assessment, checks the caller's access (allowed) and the version, and lets write
// decide on the held assessment and write.
func (p *Assessments) change(ctx context.Context, a domain.Actor, scope domain.CaseScope, id, version int,
	allowed func(domain.Actor, *domain.Assessment) error, write func(*store.Tx, *domain.Assessment) error) (*domain.Assessment, error) {
	err := p.store.InTx(ctx, func(tx *store.Tx) error {
		old, err := store.LockAssessment(ctx, tx, scope, id)
		if err != nil {
			return err
		}
		if err := allowed(a, old); err != nil {
			return err
		}
		if err := domain.CheckVersion("assessment", old.Version, version); err != nil {
			return err
		}
		return write(tx, old)
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityAssessment, id)
	return p.store.Assessment(ctx, id)
}

// Get returns an assessment the caller may see (else ENOTFOUND), an audited read.
func (p *Assessments) Get(ctx context.Context, id int) (*domain.Assessment, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	as, err := p.store.AssessmentInScope(ctx, scope, id)
	if err == nil {
		domain.AuditCaseRead(ctx, domain.EntityAssessment, as.ID, as.MunicipalityID)
	}
	return as, err
}

// List returns up to limit assessments the caller may see that match f (its scope is the
// caller's), latest scheduled first after the key, and whether more follow; each is an
// audited read.
func (p *Assessments) List(ctx context.Context, f domain.AssessmentFilter, after *store.DatedKey, limit int) ([]domain.Assessment, bool, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, false, err
	}
	f.Scope = scope
	as, more, err := p.store.Assessments(ctx, f, after, limit)
	for _, x := range as {
		domain.AuditCaseRead(ctx, domain.EntityAssessment, x.ID, x.MunicipalityID)
	}
	return as, more, err
}

// Count counts the assessments the caller may see that match f.
func (p *Assessments) Count(ctx context.Context, f domain.AssessmentFilter) (int, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return 0, err
	}
	f.Scope = scope
	return p.store.CountAssessments(ctx, f)
}
