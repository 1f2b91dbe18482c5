package service

import (
	"context"
	"slices"
	"time"

	"atbalsts/domain"
	"atbalsts/store"
)

// Deliveries are the use cases of delivered sessions: record, correct, verify, reject, list.
//
// Every write of a delivery holds the child's row first (store.LockChildOfPlan,
// LockChildAndDelivery) and only then reads the child's deliveries for the rules
// (domain.CheckDelivery): concurrent writes of one child queue there and each sees the ones
// before it.
type Deliveries struct{ base }

// idempotencyKey is the caller's key for a create mutation of operation with input request;
// nil without a key (the demo, tests).
func idempotencyKey(ctx context.Context, key *string, operation string, request any) (*store.IdempotencyKey, error) {
	if key == nil {
		return nil, nil
	}
	k, err := domain.CheckUUID("idempotencyKey", *key)
	if err != nil {
		return nil, err
	}
	return &store.IdempotencyKey{UserID: domain.ActorFrom(ctx).UserID, Key: k, Operation: operation, Request: request}, nil
}

// Record records a delivery for a line of a plan, after every rule of domain.CheckDelivery
// holds: the provider's specialists, the child's municipality's workers. With a key (a UUID
// the client made once per delivery), a retry returns the first delivery and records nothing.
func (s *Deliveries) Record(ctx context.Context, key *string, in domain.DeliveryInput) (*domain.Delivery, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := in.Validate(s.today()); err != nil {
		return nil, err
	}
	k, err := idempotencyKey(ctx, key, "recordDelivery", in)
	if err != nil {
		return nil, err
	}
	var id int
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		plan, err := store.LockChildOfPlan(ctx, tx, scope, in.PlanID)
		if err != nil {
			return err
		}
		if id, err = store.ClaimKey(ctx, tx, k); err != nil || id != 0 {
			return err
		}
		f, err := store.DeliveryFacts(ctx, tx, plan, in.LineKey, 0)
		if err != nil {
			return err
		}
		// The line names the provider, whose specialists may record: it comes first.
		if err := domain.CheckLineInForce(in.Date, f); err != nil {
			return err
		}
		providerID, err := domain.DeliveringProvider(f.Line, in.ProviderID)
		if err != nil {
			return err
		}
		if err := domain.CanRecordDelivery(a, plan.MunicipalityID, providerID); err != nil {
			return err
		}
		d := domain.NewDelivery(plan, f.Line, providerID, in)
		if d.UnitPrice, d.PriceSource, err = store.UnitPrice(ctx, tx, f.ServiceType, providerID, in.Date); err != nil {
			return err
		}
		if err := domain.CheckDelivery(d, f); err != nil {
			return err
		}
		id, err = store.InsertDelivery(ctx, tx, d, k)
		return err
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityDelivery, id)
	return s.store.Delivery(ctx, id)
}

// BatchItem is one delivery of a batch: the client's key and the delivery, or the error the
// API gave reading it (the item's answer then).
type BatchItem struct {
	Key     *string              // the client's idempotency key
	Input   domain.DeliveryInput // the delivery
	Invalid error                // why the item could not be read; nil when it could
}

// RecordBatch records each delivery of a batch (captured offline) on its own, as Record does:
// one refused does not stop the others. It returns each item's delivery or error, in order.
func (s *Deliveries) RecordBatch(ctx context.Context, items []BatchItem) ([]*domain.Delivery, []error, error) {
	if _, err := domain.CanReadCases(domain.ActorFrom(ctx)); err != nil {
		return nil, nil, err
	}
	if err := domain.CheckBatch(len(items)); err != nil {
		return nil, nil, err
	}
	out := make([]*domain.Delivery, len(items))
	errs := make([]error, len(items))
	for i, item := range items {
		if errs[i] = item.Invalid; errs[i] == nil {
			out[i], errs[i] = s.Record(ctx, item.Key, item.Input)
		}
	}
	return out, errs, nil
}

// Correct changes a recorded or verified delivery at version (date, units, parent, specialist,
// note) under the same rules as a new one, keeping the values before with the reason; a
// verified delivery goes back to RECORDED. Who may record it may correct it.
func (s *Deliveries) Correct(ctx context.Context, id, version int, in domain.DeliveryInput, reason string) (*domain.Delivery, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if reason, err = domain.Reason("reason", reason); err != nil {
		return nil, err
	}
	if err := in.Validate(s.today()); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		old, err := store.LockChildAndDelivery(ctx, tx, scope, id)
		if err != nil {
			return err
		}
		if err := domain.CanRecordDelivery(a, old.MunicipalityID, old.ProviderID); err != nil {
			return err
		}
		if err := domain.CheckDeliveryChange(old, version); err != nil {
			return err
		}
		plan, err := store.PlanInScopeTx(ctx, tx, domain.CaseScope{All: true}, old.PlanID)
		if err != nil {
			return err
		}
		f, err := store.DeliveryFacts(ctx, tx, plan, old.LineKey, old.ID)
		if err != nil {
			return err
		}
		d := old.Corrected(in)
		if f.ServiceType != nil {
			if d.UnitPrice, d.PriceSource, err = store.UnitPrice(ctx, tx, f.ServiceType, d.ProviderID, d.Date); err != nil {
				return err
			}
		}
		if err := domain.CheckDelivery(d, f); err != nil {
			return err
		}
		return store.CorrectDelivery(ctx, tx, old, d, reason)
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityDelivery, id)
	return s.store.Delivery(ctx, id)
}

// Verify verifies recorded deliveries, each at the version given, all or none: the workers of
// the children's municipality. It returns them in id order.
func (s *Deliveries) Verify(ctx context.Context, refs []domain.DeliveryRef) ([]*domain.Delivery, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := domain.CheckVerifyRefs(refs); err != nil {
		return nil, err
	}
	// In id order, so that two overlapping batches lock in the same order.
	refs = slices.Clone(refs)
	slices.SortFunc(refs, func(a, b domain.DeliveryRef) int { return a.ID - b.ID })
	ids := make([]int, len(refs))
	for i, ref := range refs {
		ids[i] = ref.ID
	}
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		ds, err := store.LockDeliveries(ctx, tx, scope, ids)
		if err != nil {
			return err
		}
		for i := range ds {
			if err := domain.CanVerifyDelivery(a, ds[i].MunicipalityID); err != nil {
				return err
			}
			if err := domain.CheckVerify(&ds[i], refs[i].Version); err != nil {
				return err
			}
		}
		return store.VerifyDeliveries(ctx, tx, ds)
	})
	if err != nil {
		return nil, err
	}
	out, errs := s.store.DeliveriesByIDs(ctx, ids)
	for _, e := range errs {
		if e != nil {
			return nil, e
		}
	}
	for _, d := range out {
		wrote(ctx, domain.EntityDelivery, d.ID)
	}
	return out, nil
}

// Reject rejects a recorded or verified delivery at version with a reason: it counts no more.
// The workers of the child's municipality, who verify.
func (s *Deliveries) Reject(ctx context.Context, id, version int, reason string) (*domain.Delivery, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if reason, err = domain.Reason("reason", reason); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		d, err := store.LockDelivery(ctx, tx, scope, id)
		if err != nil {
			return err
		}
		if err := domain.CanVerifyDelivery(a, d.MunicipalityID); err != nil {
			return err
		}
		if err := domain.CheckDeliveryChange(d, version); err != nil {
			return err
		}
		return store.RejectDelivery(ctx, tx, d, reason)
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityDelivery, id)
	return s.store.Delivery(ctx, id)
}

// List returns up to limit deliveries the caller may see that match f (its scope is the
// caller's), after the key (latest date first), and whether more follow; each is an audited
// read (a delivery is part of the child's record).
func (s *Deliveries) List(ctx context.Context, f domain.DeliveryFilter, after *store.DeliveryKey, limit int) ([]domain.Delivery, bool, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, false, err
	}
	f.Scope = scope
	rows, more, err := s.store.Deliveries(ctx, f, after, limit)
	for _, d := range rows {
		domain.AuditCaseRead(ctx, domain.EntityDelivery, d.ID, d.MunicipalityID)
	}
	return rows, more, err
}

// Count counts the deliveries the caller may see that match f.
func (s *Deliveries) Count(ctx context.Context, f domain.DeliveryFilter) (int, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return 0, err
	}
	f.Scope = scope
	return s.store.CountDeliveries(ctx, f)
}

// Get returns a delivery the caller may see (an audited read).
func (s *Deliveries) Get(ctx context.Context, id int) (*domain.Delivery, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	d, err := s.store.DeliveryInScope(ctx, scope, id)
	if err == nil {
		domain.AuditCaseRead(ctx, domain.EntityDelivery, d.ID, d.MunicipalityID)
	}
	return d, err
}

// UsageDay is the day a child's usage is reported on: on, when given, else today.
func (s *Deliveries) UsageDay(on *time.Time) (time.Time, error) {
	if on == nil {
		return s.today(), nil
	}
	return *on, domain.CheckDate("on", *on)
}
