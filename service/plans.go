package service

import (
	"context"
	"time"

	"atbalsts/domain"
	"atbalsts/store"
)

// Plans are the use cases of individual support plans.
type Plans struct{ base }

// Create creates a plan from a completed assessment of a child accepted into the project, as
// its first draft revision: the municipality's case workers.
func (p *Plans) Create(ctx context.Context, np domain.NewPlan) (*domain.PlanRevision, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := domain.ValidatePlanKind(np.Kind); err != nil {
		return nil, err
	}
	var revID int
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		as, err := store.AssessmentInScopeTx(ctx, tx, scope, np.AssessmentID, false)
		if err != nil {
			return err
		}
		child, err := store.ChildInScopeTx(ctx, tx, scope, as.ChildID, true)
		if err != nil {
			return err
		}
		if err := domain.CanEditCase(a, child.MunicipalityID); err != nil {
			return err
		}
		// No such project is a rule's answer (CheckNewPlan), after the assessment's.
		project, err := store.ProjectInTx(ctx, tx, np.ProjectID)
		if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		enrolled := false
		if project != nil {
			if enrolled, err = store.Enrolled(ctx, tx, child.ID, project.ID); err != nil {
				return err
			}
		}
		if err := domain.CheckNewPlan(np, as, project, enrolled); err != nil {
			return err
		}
		revID, err = store.InsertPlan(ctx, tx, child, np)
		return err
	})
	if err != nil {
		return nil, err
	}
	rev, err := p.store.Revision(ctx, revID)
	if err == nil {
		wrote(ctx, domain.EntitySupportPlan, rev.PlanID)
		wrote(ctx, domain.EntityPlanRevision, revID)
	}
	return rev, err
}

// UpdateDraft replaces a draft revision's content at version (domain.ApplyDraft has the rules).
func (p *Plans) UpdateDraft(ctx context.Context, revisionID, version int, d domain.DraftContent) (*domain.PlanRevision, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	var saved *domain.PlanRevision
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		plan, old, err := store.LockPlanOfRevision(ctx, tx, scope, revisionID)
		if err != nil {
			return err
		}
		if err := domain.CanEditCase(a, plan.MunicipalityID); err != nil {
			return err
		}
		if err := domain.CheckVersion("plan", old.Version, version); err != nil {
			return err
		}
		facts, err := store.DraftFacts(ctx, tx, plan, revisionID, d)
		if err != nil {
			return err
		}
		next, err := domain.ApplyDraft(old, d, facts)
		if err != nil {
			return err
		}
		saved, err = store.SaveDraft(ctx, tx, plan, old, next)
		return err
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityPlanRevision, revisionID)
	return saved, nil
}

// Step takes a workflow step on a revision at version and returns the revision it leaves in
// front (for revise, the new draft). comment is the step's comment (required to return);
// decidedOn the day of an approval, activation or closing (nil: today; domain.StepDay).
func (p *Plans) Step(ctx context.Context, revisionID, version int, step domain.PlanStep, comment *string, decidedOn *time.Time) (*domain.PlanRevision, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	comment, err = domain.StepComment(step, comment)
	if err != nil {
		return nil, err
	}
	resultID := revisionID
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		plan, rev, err := store.LockPlanOfRevision(ctx, tx, scope, revisionID)
		if err != nil {
			return err
		}
		if err := domain.CanStepPlan(a, step, plan); err != nil {
			return err
		}
		if err := domain.CheckVersion("plan", rev.Version, version); err != nil {
			return err
		}
		next, err := domain.CheckPlanStep(step, plan, rev)
		if err != nil {
			return err
		}
		day, err := domain.StepDay(step, rev, decidedOn, p.today())
		if err != nil {
			return err
		}
		switch step {
		case domain.StepRevise:
			resultID, err = store.CopyRevision(ctx, tx, plan, rev)
			return err
		case domain.StepApprove:
			// The approval commits the plan's budget: an amendment of the project's budget
			// waits until it is written (store.AmendmentFacts counts it).
			if err := store.LockProjectShared(ctx, tx, plan.ProjectID); err != nil {
				return err
			}
			// A revision of a plan in force takes its place, and its status; it must cover
			// what was delivered under the one it replaces.
			inForce, err := store.RevisionInForceNow(ctx, tx, plan.ID)
			if err != nil {
				return err
			}
			if inForce != nil {
				sums, err := store.LockDeliverySums(ctx, tx, plan)
				if err != nil {
					return err
				}
				if err := domain.CheckRevisionCoversDeliveries(rev, sums); err != nil {
					return err
				}
				next = inForce.Status
				if err := store.SupersedeRevision(ctx, tx, plan, inForce, rev); err != nil {
					return err
				}
			}
		}
		return store.StepRevision(ctx, tx, plan, rev, step, next, comment, approver(a), day)
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityPlanRevision, resultID)
	return p.store.Revision(ctx, resultID)
}

// approver is the user who approves, or nil when the system acts (loading demo data).
func approver(a domain.Actor) *int {
	if !a.SignedIn() {
		return nil
	}
	id := a.UserID
	return &id
}

// List returns up to limit plans the caller may see that match f (its scope is the caller's),
// after the plan with id after (newest first), and whether more follow; each is an audited read.
func (p *Plans) List(ctx context.Context, f domain.SupportPlanFilter, after *int, limit int) ([]domain.SupportPlan, bool, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, false, err
	}
	f.Scope = scope
	plans, more, err := p.store.Plans(ctx, f, after, limit)
	for _, pl := range plans {
		domain.AuditCaseRead(ctx, domain.EntitySupportPlan, pl.ID, pl.MunicipalityID)
	}
	return plans, more, err
}

// Count counts the plans the caller may see that match f.
func (p *Plans) Count(ctx context.Context, f domain.SupportPlanFilter) (int, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return 0, err
	}
	f.Scope = scope
	return p.store.CountPlans(ctx, f)
}

// Get returns a plan the caller may see (else not found); an audited read.
func (p *Plans) Get(ctx context.Context, id int) (*domain.SupportPlan, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	plan, err := p.store.PlanInScope(ctx, scope, id)
	if err == nil {
		domain.AuditCaseRead(ctx, domain.EntitySupportPlan, plan.ID, plan.MunicipalityID)
	}
	return plan, err
}

// Revision returns a revision of a plan the caller may see (else not found); the read is
// audited as a read of its plan.
func (p *Plans) Revision(ctx context.Context, id int) (*domain.PlanRevision, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	plan, err := p.store.PlanOfRevision(ctx, scope, id)
	if err != nil {
		return nil, err
	}
	domain.AuditCaseRead(ctx, domain.EntitySupportPlan, plan.ID, plan.MunicipalityID)
	return p.store.Revision(ctx, id)
}
