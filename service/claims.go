package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// Claims are the use cases of compensation claims: preview, submit, decide, list. Claims hold
// sums, not names: reading them is not audited.
type Claims struct{ base }

// Preview is what a claim of the period would hold, and how many of the period's deliveries
// still wait for verification: for who may claim for the municipality.
func (s *Claims) Preview(ctx context.Context, cp domain.ClaimPeriod) (domain.ClaimTotals, int, error) {
	if err := domain.CanSubmitClaim(domain.ActorFrom(ctx), cp.MunicipalityID); err != nil {
		return domain.ClaimTotals{}, 0, err
	}
	p, err := s.store.Project(ctx, cp.ProjectID)
	if err != nil {
		return domain.ClaimTotals{}, 0, err
	}
	// The same rule as Submit: a period the claim could not be submitted for has no preview.
	if err := domain.CheckClaimPeriod(cp, s.today(), p); err != nil {
		return domain.ClaimTotals{}, 0, err
	}
	rows, unverified, err := s.store.Claimable(ctx, cp)
	if err != nil {
		return domain.ClaimTotals{}, 0, err
	}
	return domain.ClaimTotalsOf(rows, p), unverified, nil
}

// Submit claims every verified, unclaimed delivery of the period and locks them in the claim:
// the municipality's workers. Two claims submitted at once cannot take the same delivery (the
// rows are locked and rechecked). With a key, a retry returns the first claim.
func (s *Claims) Submit(ctx context.Context, key *string, cp domain.ClaimPeriod) (*domain.Claim, error) {
	if err := domain.CanSubmitClaim(domain.ActorFrom(ctx), cp.MunicipalityID); err != nil {
		return nil, err
	}
	k, err := idempotencyKey(ctx, key, "submitClaim", cp)
	if err != nil {
		return nil, err
	}
	var id int
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if id, err = store.ClaimKey(ctx, tx, k); err != nil || id != 0 {
			return err
		}
		p, err := store.ProjectInTx(ctx, tx, cp.ProjectID)
		if err != nil {
			return err
		}
		if err := domain.CheckClaimPeriod(cp, s.today(), p); err != nil {
			return err
		}
		rows, err := store.LockClaimable(ctx, tx, cp)
		if err != nil {
			return err
		}
		if err := domain.CheckClaimable(rows); err != nil {
			return err
		}
		id, err = store.InsertClaim(ctx, tx, cp, p, rows, domain.ClaimTotalsOf(rows, p), k)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.store.Claim(ctx, id)
}

// Step takes a decision on a claim at version: approve, reject (with a reason; its deliveries
// are freed) or mark paid: the coordinator of the project's lead region.
func (s *Claims) Step(ctx context.Context, id, version int, step domain.ClaimStep, reason *string) (*domain.Claim, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadClaims(a)
	if err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		c, err := store.LockClaim(ctx, tx, scope, id)
		if err != nil {
			return err
		}
		if err := domain.CanDecideClaim(a, c); err != nil {
			return err
		}
		if err := domain.CheckVersion("claim", c.Version, version); err != nil {
			return err
		}
		next, reason, err := domain.CheckClaimStep(step, c, reason)
		if err != nil {
			return err
		}
		return store.StepClaim(ctx, tx, c, step, next, reason)
	})
	if err != nil {
		return nil, err
	}
	return s.store.Claim(ctx, id)
}

// List returns up to limit claims the caller may see that match f (its scope is the caller's),
// after the claim with id after (newest first), and whether more follow.
func (s *Claims) List(ctx context.Context, f domain.ClaimFilter, after *int, limit int) ([]domain.Claim, bool, error) {
	scope, err := domain.CanReadClaims(domain.ActorFrom(ctx))
	if err != nil {
		return nil, false, err
	}
	f.Scope = scope
	return s.store.Claims(ctx, f, after, limit)
}

// Count counts the claims the caller may see that match f.
func (s *Claims) Count(ctx context.Context, f domain.ClaimFilter) (int, error) {
	scope, err := domain.CanReadClaims(domain.ActorFrom(ctx))
	if err != nil {
		return 0, err
	}
	f.Scope = scope
	return s.store.CountClaims(ctx, f)
}

// Get returns a claim the caller may see. For a caller who sees no claims at all it is not
// found (as node(id) answers for what one may not see).
func (s *Claims) Get(ctx context.Context, id int) (*domain.Claim, error) {
	scope, err := domain.CanReadClaims(domain.ActorFrom(ctx))
	if domain.ErrorCode(err) == domain.EFORBIDDEN {
		return nil, domain.NotFound("claim")
	}
	if err != nil {
		return nil, err
	}
	return s.store.ClaimInScope(ctx, scope, id)
}
