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
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
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
		w := newChildWrite(tx)
		d, err := w.check(ctx, plan, in)
		if err != nil {
			return err
		}
		id, err = w.insert(ctx, d, k)
		return err
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityDelivery, id)
	return s.store.Delivery(ctx, id)
}

// childWrite records deliveries of children whose locks its transaction holds: each child's
// facts are read once, each plan's once, each provider's prices once, and every delivery
// recorded joins the facts the next one of its child is checked against.
type childWrite struct {
	tx       *store.Tx
	children map[int]*domain.DeliveryFacts // a child's facts, with what this write recorded
	plans    map[int]*domain.DeliveryFacts // a plan's facts (its project and revision in force)
	prices   map[[2]int][]domain.ProviderPrice
}

func newChildWrite(tx *store.Tx) *childWrite {
	return &childWrite{tx: tx, children: map[int]*domain.DeliveryFacts{}, plans: map[int]*domain.DeliveryFacts{},
		prices: map[[2]int][]domain.ProviderPrice{}}
}

// check applies every rule to a delivery of plan (whose child's lock the transaction holds)
// and returns it priced, ready to insert; it writes nothing.
func (w *childWrite) check(ctx context.Context, plan *domain.SupportPlan, in domain.DeliveryInput) (*domain.Delivery, error) {
	child, ok := w.children[plan.ChildID]
	if !ok {
		var err error
		if child, err = store.ChildDeliveryFacts(ctx, w.tx, plan.ChildID, 0); err != nil {
			return nil, err
		}
		w.children[plan.ChildID] = child
	}
	pf, ok := w.plans[plan.ID]
	if !ok {
		var err error
		if pf, err = store.PlanDeliveryFacts(ctx, w.tx, plan, child); err != nil {
			return nil, err
		}
		w.plans[plan.ID] = pf
	}
	pf.Others = child.Others // with what this write recorded for the child so far
	f := pf.ForLine(in.LineKey)
	// The line names the provider, whose specialists may record: it comes first.
	if err := domain.CheckLineInForce(in.Date, f); err != nil {
		return nil, err
	}
	providerID, err := domain.DeliveringProvider(f.Line, in.ProviderID)
	if err != nil {
		return nil, err
	}
	if err := domain.CanRecordDelivery(domain.ActorFrom(ctx), plan.MunicipalityID, providerID); err != nil {
		return nil, err
	}
	d := domain.NewDelivery(plan, f.Line, providerID, in)
	pk := [2]int{providerID, f.ServiceType.ID}
	prices, ok := w.prices[pk]
	if !ok {
		if prices, err = store.ProviderPrices(ctx, w.tx, providerID, f.ServiceType.ID); err != nil {
			return nil, err
		}
		w.prices[pk] = prices
	}
	d.UnitPrice, d.PriceSource = domain.LinePrice(f.ServiceType, &providerID, prices, in.Date)
	return d, domain.CheckDelivery(d, f)
}

// insert writes a checked delivery (with its key) and adds it to its child's facts.
func (w *childWrite) insert(ctx context.Context, d *domain.Delivery, k *store.IdempotencyKey) (int, error) {
	id, err := store.InsertDelivery(ctx, w.tx, d, k)
	if err != nil {
		return 0, err
	}
	child := w.children[d.ChildID]
	child.Others = append(child.Others, d.Counted(id))
	return id, nil
}

// BatchItem is one delivery of a batch: the client's key and the delivery, or the error the
// API gave reading it (the item's answer then).
type BatchItem struct {
	Key     *string              // the client's idempotency key
	Input   domain.DeliveryInput // the delivery
	Invalid error                // why the item could not be read; nil when it could
}

// maxItemsPerTx bounds the deliveries one transaction records: each written item is a
// savepoint, and PostgreSQL keeps at most 64 subtransactions of a transaction in shared
// memory before every other session's snapshots get slower.
const maxItemsPerTx = 50

// RecordBatch records each delivery of a batch (captured offline) as Record does: one refused
// does not stop the others, and each answer is what Record would give. The batch is one
// transaction (per 50 items): it locks all the children at once, reads each child's and each
// plan's facts once, and writes each item in a savepoint, so that a write that fails undoes
// only itself. It returns each item's delivery or error, in order, and whether the delivery
// was recorded by an earlier request with the item's key (a retry) rather than by this one.
func (s *Deliveries) RecordBatch(ctx context.Context, items []BatchItem) ([]*domain.Delivery, []error, []bool, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, nil, nil, err
	}
	if err := domain.CheckBatch(len(items)); err != nil {
		return nil, nil, nil, err
	}
	out := make([]*domain.Delivery, len(items))
	errs := make([]error, len(items))
	replayed := make([]bool, len(items))
	keys := make([]*store.IdempotencyKey, len(items))
	var planIDs []int
	for i, item := range items {
		if errs[i] = item.Invalid; errs[i] != nil {
			continue
		}
		if errs[i] = item.Input.Validate(s.today()); errs[i] != nil {
			continue
		}
		if keys[i], errs[i] = idempotencyKey(ctx, item.Key, "recordDelivery", item.Input); errs[i] != nil {
			continue
		}
		planIDs = append(planIDs, item.Input.PlanID)
	}
	plans, err := s.store.PlansInScope(ctx, scope, planIDs)
	if err != nil {
		return nil, nil, nil, err
	}
	var todo []int // the items to record, each child's together
	for i, item := range items {
		if errs[i] != nil {
			continue
		}
		if _, ok := plans[item.Input.PlanID]; !ok {
			errs[i] = domain.NotFound("plan")
			continue
		}
		todo = append(todo, i)
	}
	slices.SortStableFunc(todo, func(a, b int) int {
		return plans[items[a].Input.PlanID].ChildID - plans[items[b].Input.PlanID].ChildID
	})
	ids := make([]int, len(items))
	for chunk := range slices.Chunk(todo, maxItemsPerTx) {
		if err := s.recordChunk(ctx, chunk, items, keys, plans, ids, errs, replayed); err != nil {
			for _, i := range chunk {
				if errs[i] == nil {
					errs[i] = err
				}
			}
		}
	}
	var recorded []int
	for i, id := range ids {
		if errs[i] == nil {
			recorded = append(recorded, id)
			wrote(ctx, domain.EntityDelivery, id)
		}
	}
	if len(recorded) == 0 {
		return out, errs, replayed, nil
	}
	read, readErrs := s.store.DeliveriesByIDs(ctx, recorded)
	for _, err := range readErrs {
		if err != nil {
			return nil, nil, nil, err
		}
	}
	for i, n := 0, 0; i < len(ids); i++ {
		if errs[i] == nil {
			out[i], n = read[n], n+1
		}
	}
	return out, errs, replayed, nil
}

// recordChunk records the items in one transaction; it sets each item's id or error, and
// returns an error when the transaction itself failed (then nothing of it was recorded).
func (s *Deliveries) recordChunk(ctx context.Context, chunk []int, batch []BatchItem, keys []*store.IdempotencyKey,
	plans map[int]*domain.SupportPlan, ids []int, errs []error, replayed []bool) error {
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		var children []int
		chunkKeys := make([]*store.IdempotencyKey, 0, len(chunk))
		for _, i := range chunk {
			children = append(children, plans[batch[i].Input.PlanID].ChildID)
			chunkKeys = append(chunkKeys, keys[i])
		}
		// Children first, then keys, each in a fixed order: two batches never wait in a cycle.
		if err := store.LockChildren(ctx, tx, children); err != nil {
			return err
		}
		claimed, err := store.ClaimKeys(ctx, tx, chunkKeys)
		if err != nil {
			return err
		}
		w := newChildWrite(tx)
		for _, i := range chunk {
			if ids[i], errs[i] = claimed.Result(keys[i]); errs[i] != nil || ids[i] != 0 {
				replayed[i] = errs[i] == nil
				continue // a retry's answer, or a key used for another request
			}
			d, err := w.check(ctx, plans[batch[i].Input.PlanID], batch[i].Input)
			if err != nil {
				errs[i] = err // refused: nothing written
				continue
			}
			if err := store.Savepoint(ctx, tx); err != nil {
				return err
			}
			if ids[i], errs[i] = w.insert(ctx, d, keys[i]); errs[i] != nil {
				if err := store.RollbackToSavepoint(ctx, tx); err != nil {
					return err
				}
				continue
			}
			claimed.Remember(keys[i], ids[i])
		}
		return nil
	})
	if err != nil {
		for _, i := range chunk {
			ids[i], replayed[i] = 0, false // rolled back with the transaction
		}
	}
	return err
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
