package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/graph/model"
	"atbalsts/service"
	"atbalsts/store"
)

// Type names of deliveries and claims inside global IDs.
const (
	typeDelivery = domain.EntityDelivery
	typeClaim    = domain.EntityClaim
)

// specialistName is the name given, else the caller's: a specialist records their own sessions.
func specialistName(ctx context.Context, given *string) string {
	if given != nil {
		return *given
	}
	if u := domain.ActorFrom(ctx).User; u != nil {
		return u.Name
	}
	return ""
}

// deliveryInput decodes a record input, with the specialist's name defaulting to the caller's
// (the service validates it).
func deliveryInput(ctx context.Context, in *model.RecordDeliveryInput) (domain.DeliveryInput, error) {
	var d domain.DeliveryInput
	var err error
	if d.PlanID, err = idOf("planId", typeSupportPlan, in.PlanID); err != nil {
		return d, err
	}
	if d.LineKey, err = domain.CheckUUID("lineKey", in.LineKey); err != nil {
		return d, err
	}
	if d.ParentID, err = optionalID("parentId", typeParent, in.ParentID); err != nil {
		return d, err
	}
	if d.ProviderID, err = optionalID("providerId", typeProvider, in.ProviderID); err != nil {
		return d, err
	}
	d.Date, d.Units, d.Note, d.SpecialistName = in.Date, in.Units, in.Note, specialistName(ctx, in.SpecialistName)
	return d, nil
}

// correctionInput decodes a correction: the delivery and its new values.
func correctionInput(ctx context.Context, in *model.CorrectDeliveryInput) (int, domain.DeliveryInput, error) {
	d := domain.DeliveryInput{Date: in.Date, Units: in.Units, Note: in.Note, SpecialistName: specialistName(ctx, in.SpecialistName)}
	id, err := idOf("deliveryId", typeDelivery, in.DeliveryID)
	if err != nil {
		return 0, d, err
	}
	d.ParentID, err = optionalID("parentId", typeParent, in.ParentID)
	return id, d, err
}

// recordDeliveries records each delivery of a batch on its own: one refused (or unreadable)
// does not stop the others, and each outcome carries the error a single record would have given.
func (r *Resolver) recordDeliveries(ctx context.Context, input model.RecordDeliveriesInput) (*model.RecordDeliveriesPayload, error) {
	items := make([]service.BatchItem, len(input.Deliveries))
	for i, in := range input.Deliveries {
		items[i].Key = &in.IdempotencyKey
		items[i].Input, items[i].Invalid = deliveryInput(ctx, in)
	}
	ds, errs, replayed, err := r.Service.Deliveries.RecordBatch(ctx, items)
	if err != nil {
		return nil, err
	}
	out := &model.RecordDeliveriesPayload{}
	for i, in := range input.Deliveries {
		res := &model.DeliveryResult{IdempotencyKey: in.IdempotencyKey, Delivery: ds[i], Outcome: domain.OutcomeRecorded}
		switch {
		case errs[i] != nil:
			res.Outcome, res.Error = domain.OutcomeRefused, deliveryError(ctx, errs[i])
		case replayed[i]:
			res.Outcome = domain.OutcomeAlreadyRecorded
		}
		out.Results = append(out.Results, res)
	}
	return out, nil
}

// deliveryError is a batch item's error exactly as the API presents a single record's error
// (presentError: the code, message, field and remaining, and INTERNAL for a fault of ours).
func deliveryError(ctx context.Context, err error) *model.DeliveryError {
	presented := presentError(ctx, err)
	out := &model.DeliveryError{Code: fmt.Sprint(presented.Extensions["code"]), Message: presented.Message}
	if f, ok := presented.Extensions["field"].(string); ok {
		out.Field = &f
	}
	if r, ok := presented.Extensions["remaining"].(string); ok {
		out.Remaining = &r
	}
	var de *domain.Error
	if errors.As(err, &de) {
		if de.Limit != "" {
			out.Limit = &de.Limit
		}
		if c := de.LastCounted; c != nil {
			out.LastCounted = c
			// Who used it up and when, in the message too: what a client that was offline shows.
			who := "another provider"
			if p, err := loader.For(ctx).ProviderByID.Load(ctx, c.ProviderID); err == nil {
				who = p.Name
			}
			out.Message += fmt.Sprintf(" (the last delivery that counts was recorded on %s by %s)",
				domain.Today(c.RecordedAt).Format(domain.DateLayout), who)
		}
	}
	return out
}

// deliveryRefs decodes the deliveries to verify.
func deliveryRefs(in model.VerifyDeliveriesInput) ([]domain.DeliveryRef, error) {
	refs := make([]domain.DeliveryRef, len(in.Deliveries))
	for i, ref := range in.Deliveries {
		id, err := idOf(fmt.Sprintf("deliveries.%d.deliveryId", i), typeDelivery, ref.DeliveryID)
		if err != nil {
			return nil, err
		}
		refs[i] = domain.DeliveryRef{ID: id, Version: ref.Version}
	}
	return refs, nil
}

// deliveryConnection reads a page of the deliveries the caller sees that match f (the
// service audits their reads: a delivery is part of the child's record).
func (r *Resolver) deliveryConnection(ctx context.Context, f domain.DeliveryFilter, first *int, after *string) (*model.ServiceDeliveryConnection, error) {
	return r.deliveryPage(ctx, f, first, after, func(key *store.DeliveryKey, limit int) ([]domain.Delivery, bool, error) {
		return r.Service.Deliveries.List(ctx, f, key, limit)
	})
}

// nestedDeliveries is a plan's or a claim's deliveries: the first page through the loader that
// reads the first pages of all the plans or claims of the response at once; a later page (one
// parent at a time, as a client pages through it) on its own.
func (r *Resolver) nestedDeliveries(ctx context.Context, by store.DeliveryParent, id int, f domain.DeliveryFilter, first *int, after *string) (*model.ServiceDeliveryConnection, error) {
	return r.deliveryPage(ctx, f, first, after, func(key *store.DeliveryKey, limit int) ([]domain.Delivery, bool, error) {
		if key != nil {
			return r.Service.Deliveries.List(ctx, f, key, limit)
		}
		p, err := loader.For(ctx).DeliveryFirstPage.Load(ctx, loader.DeliveryPageKey{By: by, ID: id, Limit: limit})
		if err != nil {
			return nil, false, err
		}
		for _, d := range p.Rows {
			domain.AuditCaseRead(ctx, domain.EntityDelivery, d.ID, d.MunicipalityID)
		}
		return p.Rows, p.More, nil
	})
}

func (r *Resolver) deliveryPage(ctx context.Context, f domain.DeliveryFilter, first *int, after *string, fetch func(key *store.DeliveryKey, limit int) ([]domain.Delivery, bool, error)) (*model.ServiceDeliveryConnection, error) {
	rows, cursors, pi, err := listPage(first, after, func(key *store.DeliveryKey, limit int) ([]domain.Delivery, bool, error) {
		if key != nil {
			if err := cursorPosition(ctx, &key.Date, key.ID, r.deliveryDate); err != nil {
				return nil, false, err
			}
		}
		return fetch(key, limit)
	}, func(d *domain.Delivery) store.DeliveryKey {
		return store.DeliveryKey{Date: cursorDate(ctx, d.Date), ID: d.ID}
	})
	if err != nil {
		return nil, err
	}
	conn := &model.ServiceDeliveryConnection{Filter: f, PageInfo: pi}
	for i, d := range rows {
		conn.Edges = append(conn.Edges, &model.ServiceDeliveryEdge{Cursor: cursors[i], Node: d})
	}
	return conn, nil
}

// deliveryFilter decodes the filter of deliveries (the service sets its scope).
func deliveryFilter(filter *model.DeliveryFilter) (domain.DeliveryFilter, error) {
	var f domain.DeliveryFilter
	if filter == nil {
		return f, nil
	}
	ids := []struct {
		field, typ string
		in         *string
		out        **int
	}{
		{"filter.planId", typeSupportPlan, filter.PlanID, &f.PlanID},
		{"filter.childId", typeChild, filter.ChildID, &f.ChildID},
		{"filter.municipalityId", typeMunicipality, filter.MunicipalityID, &f.MunicipalityID},
		{"filter.projectId", typeProject, filter.ProjectID, &f.ProjectID},
		{"filter.claimId", typeClaim, filter.ClaimID, &f.ClaimID},
	}
	for _, x := range ids {
		var err error
		if *x.out, err = optionalID(x.field, x.typ, x.in); err != nil {
			return f, err
		}
	}
	f.Status, f.From, f.To = filter.Status, filter.From, filter.To
	return f, nil
}

// planUsage adds up a plan's deliveries per line of the revision it is measured against (the
// one in force, else the first): planned from the line, the rest from the deliveries.
func planUsage(rev *domain.PlanRevision, sums []domain.DeliverySum) *model.PlanUsage {
	u := &model.PlanUsage{Figures: &domain.UsageFigures{PlannedAmount: rev.Budget}}
	byKey := map[string]*domain.UsageFigures{}
	for i := range rev.Lines {
		l := &rev.Lines[i]
		f := &domain.UsageFigures{PlannedUnits: l.PlannedUnits, PlannedAmount: l.Amount()}
		byKey[l.Key] = f
		u.Lines = append(u.Lines, &model.LineUsage{Line: l, Figures: f})
		u.Figures.PlannedUnits += l.PlannedUnits
	}
	for _, s := range sums {
		u.Figures.Add(s.Status, s.Units, s.Amount)
		if f := byKey[s.LineKey]; f != nil {
			f.Add(s.Status, s.Units, s.Amount)
		}
	}
	return u
}

func (r *Resolver) planUsage(ctx context.Context, p *domain.SupportPlan) (*model.PlanUsage, error) {
	rev, err := loader.For(ctx).RevisionByID.Load(ctx, p.CurrentID)
	if err != nil {
		return nil, err
	}
	sums, err := loader.For(ctx).DeliverySumsByPlanID.Load(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	return planUsage(rev, sums), nil
}

// childUsage sums the child's plans and reports the caps of their projects on the day (on,
// else the service's today).
func (r *Resolver) childUsage(ctx context.Context, c *domain.Child, on *time.Time) (*model.ChildUsage, error) {
	day, err := r.Service.Deliveries.UsageDay(on)
	if err != nil {
		return nil, err
	}
	if pseudonymous(ctx) {
		// An analyst's day is the last of its month, and the child's age is counted from the
		// start of the birth year: what is used "up to the day" would otherwise change on a
		// delivery's exact day, and an age band's limit on the exact birthday.
		day = coarsen(day, model.CoarsenessMonth, false).AddDate(0, 1, -1)
		born := *c
		born.BirthDate = time.Date(c.BirthDate.Year(), time.January, 1, 0, 0, 0, 0, c.BirthDate.Location())
		c = &born
	}
	l := loader.For(ctx)
	plans, err := l.PlansByChildID.Load(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	out := &model.ChildUsage{Figures: &domain.UsageFigures{}}
	if len(plans) == 0 {
		return out, nil
	}
	counted, err := l.CountedUnitsByChildID.Load(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	types, err := serviceTypesOf(ctx, counted)
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	for _, p := range plans {
		u, err := r.planUsage(ctx, p)
		if err != nil {
			return nil, err
		}
		*out.Figures = out.Figures.Plus(*u.Figures)
		if seen[p.ProjectID] {
			continue
		}
		seen[p.ProjectID] = true
		project, err := l.ProjectByID.Load(ctx, p.ProjectID)
		if err != nil {
			return nil, err
		}
		for _, cu := range domain.CapUsages(c, project, counted, types, day) {
			out.Caps = append(out.Caps, &cu)
		}
	}
	return out, nil
}

// deliveryParent is the parent a delivery was for, among the child's parents (analysts get
// none: the field is @personal).
func (r *Resolver) deliveryParent(ctx context.Context, d *domain.Delivery) (*domain.Parent, error) {
	if d.ParentID == nil {
		return nil, nil
	}
	rows, err := loader.For(ctx).ParentLinksByChildID.Load(ctx, d.ChildID)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		if row.ParentID == *d.ParentID {
			domain.AuditReads(ctx, domain.AuditRef{EntityType: typeParent, EntityID: int64(row.ParentID), MunicipalityID: &d.MunicipalityID})
			return &row.Parent, nil
		}
	}
	return nil, nil // unlinked since
}

// deliveryPermissions is what the caller may do with a delivery: the access rules the
// service applies to its changes.
func deliveryPermissions(ctx context.Context, d *domain.Delivery) *model.DeliveryPermissions {
	a := domain.ActorFrom(ctx)
	verify := domain.CanVerifyDelivery(a, d.MunicipalityID) == nil
	return &model.DeliveryPermissions{
		Verify:  verify,
		Correct: domain.CanRecordDelivery(a, d.MunicipalityID, d.ProviderID) == nil,
		Reject:  verify, // the service rejects under the verifier's rule
	}
}

// deliveryNode is node(id) of a delivery (in the caller's case scope, audited) or a claim (in
// their claim scope).
func (r *Resolver) deliveryNode(ctx context.Context, typ string, id int) (model.Node, error) {
	if typ == typeClaim {
		return r.Service.Claims.Get(ctx, id)
	}
	return r.Service.Deliveries.Get(ctx, id)
}

// serviceTypesOf is the service types of the deliveries, by id, from the request's loader.
func serviceTypesOf(ctx context.Context, counted []domain.CountedUnits) (map[int]*domain.ServiceType, error) {
	ids := make([]int, len(counted))
	for i, c := range counted {
		ids[i] = c.ServiceTypeID
	}
	sts, err := loader.For(ctx).ServiceTypeByID.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int]*domain.ServiceType, len(sts))
	for _, st := range sts {
		byID[st.ID] = st
	}
	return byID, nil
}
