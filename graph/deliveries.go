package graph

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/graph/model"
	"atbalsts/store"
)

// Type names of deliveries and claims inside global IDs.
const (
	typeDelivery = domain.EntityDelivery
	typeClaim    = domain.EntityClaim
)

// maxBatch is the most deliveries one recordDeliveries takes: a day or two of a specialist's
// offline work, and a bounded transaction count per request.
const maxBatch = 100

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// uuidOf refuses a key that is not a UUID (it would otherwise reach SQL as one) and returns it
// in lower case, as PostgreSQL writes it, so that keys compare as the database does.
func uuidOf(field, s string) (string, error) {
	if !uuidPattern.MatchString(s) {
		return "", domain.FieldErrorf(field, "%q is not a UUID", s)
	}
	return strings.ToLower(s), nil
}

// idempotencyKey is the caller's key for a create mutation of operation with input request.
func idempotencyKey(ctx context.Context, key, operation string, request any) (*store.IdempotencyKey, error) {
	key, err := uuidOf("idempotencyKey", key)
	if err != nil {
		return nil, err
	}
	return &store.IdempotencyKey{UserID: domain.ActorFrom(ctx).UserID, Key: key, Operation: operation, Request: request}, nil
}

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

// deliveryInput turns a record input into the domain's, with the specialist's name defaulting
// to the caller's.
func deliveryInput(ctx context.Context, in *model.RecordDeliveryInput) (domain.DeliveryInput, error) {
	var d domain.DeliveryInput
	var err error
	if d.PlanID, err = idOf("planId", typeSupportPlan, in.PlanID); err != nil {
		return d, err
	}
	if d.LineKey, err = uuidOf("lineKey", in.LineKey); err != nil {
		return d, err
	}
	if d.ParentID, err = optionalID("parentId", typeParent, in.ParentID); err != nil {
		return d, err
	}
	if d.ProviderID, err = optionalID("providerId", typeProvider, in.ProviderID); err != nil {
		return d, err
	}
	d.Date, d.Units, d.Note, d.SpecialistName = in.Date, in.Units, in.Note, specialistName(ctx, in.SpecialistName)
	return d, d.Validate(domain.Today(time.Now()))
}

// recordDelivery records one delivery as recordDelivery and each item of recordDeliveries do.
func (r *Resolver) recordDelivery(ctx context.Context, in *model.RecordDeliveryInput) (*domain.Delivery, error) {
	scope, err := caseScope(ctx)
	if err != nil {
		return nil, err
	}
	d, err := deliveryInput(ctx, in)
	if err != nil {
		return nil, err
	}
	key, err := idempotencyKey(ctx, in.IdempotencyKey, "recordDelivery", d)
	if err != nil {
		return nil, err
	}
	a := domain.ActorFrom(ctx)
	delivery, err := r.Store.RecordDelivery(ctx, scope, key, d, func(p *domain.SupportPlan, providerID int) error {
		return domain.CanRecordDelivery(a, p.MunicipalityID, providerID, true)
	})
	if err != nil {
		return nil, err
	}
	wroteRecord(ctx, typeDelivery, delivery.ID)
	return delivery, nil
}

// recordDeliveries records each delivery of a batch on its own: one refused does not stop the
// others, and each outcome carries the error a single record would have given.
func (r *Resolver) recordDeliveries(ctx context.Context, input model.RecordDeliveriesInput) (*model.RecordDeliveriesPayload, error) {
	if _, err := caseScope(ctx); err != nil {
		return nil, err
	}
	if len(input.Deliveries) > maxBatch {
		return nil, domain.FieldErrorf("deliveries", "a batch holds at most %d deliveries, not %d", maxBatch, len(input.Deliveries))
	}
	out := &model.RecordDeliveriesPayload{}
	for _, in := range input.Deliveries {
		res := &model.DeliveryResult{IdempotencyKey: in.IdempotencyKey}
		d, err := r.recordDelivery(ctx, in)
		if err != nil {
			res.Error = deliveryError(ctx, err)
		} else {
			res.Delivery = d
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
	return out
}

// verifyDelivery: the municipality of the child verifies, rejects and corrects.
func verifyDelivery(ctx context.Context) func(*domain.Delivery) error {
	a := domain.ActorFrom(ctx)
	return func(d *domain.Delivery) error { return domain.CanVerifyDelivery(a, d.MunicipalityID, true) }
}

// correctDelivery: who may record a delivery may correct it.
func correctDelivery(ctx context.Context) func(*domain.Delivery) error {
	a := domain.ActorFrom(ctx)
	return func(d *domain.Delivery) error {
		return domain.CanRecordDelivery(a, d.MunicipalityID, d.ProviderID, true)
	}
}

// deliveryChange reads what a correction or rejection names: the caller's scope, the delivery
// and the (required) reason.
func deliveryChange(ctx context.Context, gid, reasonText string) (domain.CaseScope, int, string, error) {
	scope, err := caseScope(ctx)
	if err != nil {
		return scope, 0, "", err
	}
	id, err := idOf("deliveryId", typeDelivery, gid)
	if err != nil {
		return scope, 0, "", err
	}
	reason, err := domain.Reason("reason", reasonText)
	return scope, id, reason, err
}

func (r *Resolver) correctDelivery(ctx context.Context, in model.CorrectDeliveryInput) (*domain.Delivery, error) {
	scope, id, reason, err := deliveryChange(ctx, in.DeliveryID, in.Reason)
	if err != nil {
		return nil, err
	}
	d := domain.DeliveryInput{Date: in.Date, Units: in.Units, Note: in.Note}
	if d.ParentID, err = optionalID("parentId", typeParent, in.ParentID); err != nil {
		return nil, err
	}
	d.SpecialistName = specialistName(ctx, in.SpecialistName)
	if err := d.Validate(domain.Today(time.Now())); err != nil {
		return nil, err
	}
	out, err := r.Store.CorrectDelivery(ctx, scope, id, in.Version, d, reason, correctDelivery(ctx))
	if err != nil {
		return nil, err
	}
	wroteRecord(ctx, typeDelivery, out.ID)
	return out, nil
}

func (r *Resolver) verifyDeliveries(ctx context.Context, in model.VerifyDeliveriesInput) ([]*domain.Delivery, error) {
	scope, err := caseScope(ctx)
	if err != nil {
		return nil, err
	}
	if len(in.Deliveries) == 0 || len(in.Deliveries) > maxPageSize {
		return nil, domain.FieldErrorf("deliveries", "verify 1 to %d deliveries at a time", maxPageSize)
	}
	refs := make([]store.DeliveryRef, len(in.Deliveries))
	for i, ref := range in.Deliveries {
		id, err := idOf(fmt.Sprintf("deliveries.%d.deliveryId", i), typeDelivery, ref.DeliveryID)
		if err != nil {
			return nil, err
		}
		refs[i] = store.DeliveryRef{ID: id, Version: ref.Version}
	}
	out, err := r.Store.VerifyDeliveries(ctx, scope, refs, verifyDelivery(ctx))
	if err != nil {
		return nil, err
	}
	for _, d := range out {
		wroteRecord(ctx, typeDelivery, d.ID)
	}
	return out, nil
}

func (r *Resolver) rejectDelivery(ctx context.Context, in model.RejectDeliveryInput) (*domain.Delivery, error) {
	scope, id, reason, err := deliveryChange(ctx, in.DeliveryID, in.Reason)
	if err != nil {
		return nil, err
	}
	out, err := r.Store.RejectDelivery(ctx, scope, id, in.Version, reason, verifyDelivery(ctx))
	if err != nil {
		return nil, err
	}
	wroteRecord(ctx, typeDelivery, out.ID)
	return out, nil
}

// deliveryConnection reads a page of deliveries and audits their reads: a delivery is part of
// the child's record.
func (r *Resolver) deliveryConnection(ctx context.Context, f domain.DeliveryFilter, first *int, after *string) (*model.ServiceDeliveryConnection, error) {
	rows, cursors, pi, err := listPage(first, after, func(key *store.DeliveryKey, limit int) ([]domain.Delivery, bool, error) {
		return r.Store.Deliveries(ctx, f, key, limit)
	}, func(d *domain.Delivery) store.DeliveryKey { return store.DeliveryKey{Date: d.Date, ID: d.ID} })
	if err != nil {
		return nil, err
	}
	conn := &model.ServiceDeliveryConnection{Filter: f, PageInfo: pi}
	for i, d := range rows {
		conn.Edges = append(conn.Edges, &model.ServiceDeliveryEdge{Cursor: cursors[i], Node: d})
		auditRead(ctx, typeDelivery, d.ID, d.MunicipalityID)
	}
	return conn, nil
}

func (r *Resolver) deliveries(ctx context.Context, filter *model.DeliveryFilter, first *int, after *string) (*model.ServiceDeliveryConnection, error) {
	scope, err := caseScope(ctx)
	if err != nil {
		return nil, err
	}
	f := domain.DeliveryFilter{Scope: scope}
	if filter != nil {
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
			if *x.out, err = optionalID(x.field, x.typ, x.in); err != nil {
				return nil, err
			}
		}
		f.Status, f.From, f.To = filter.Status, filter.From, filter.To
	}
	return r.deliveryConnection(ctx, f, first, after)
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

// childUsage sums the child's plans and reports the caps of their projects on day.
func (r *Resolver) childUsage(ctx context.Context, c *domain.Child, on *time.Time) (*model.ChildUsage, error) {
	day := domain.Today(time.Now())
	if on != nil {
		if err := domain.CheckDate("on", *on); err != nil {
			return nil, err
		}
		day = *on
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
	counted, types, err := r.Store.CountedUnits(ctx, c.ID)
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

// claimScope is the caller's scope over claims.
func claimScope(ctx context.Context) (domain.ClaimScope, error) {
	return domain.CanReadClaims(domain.ActorFrom(ctx))
}

// claimPeriod checks a period's ids and that the caller may claim for the municipality.
func claimPeriod(ctx context.Context, municipalityID, projectID string, from, to time.Time) (store.ClaimPeriod, error) {
	var cp store.ClaimPeriod
	var err error
	if cp.MunicipalityID, err = idOf("municipalityId", typeMunicipality, municipalityID); err != nil {
		return cp, err
	}
	if cp.ProjectID, err = idOf("projectId", typeProject, projectID); err != nil {
		return cp, err
	}
	cp.From, cp.To = from, to // checked by the store against the project (domain.ValidateClaimPeriod)
	return cp, domain.CanSubmitClaim(domain.ActorFrom(ctx), cp.MunicipalityID)
}

func (r *Resolver) claimPreview(ctx context.Context, in model.ClaimPeriodInput) (*model.ClaimPreview, error) {
	cp, err := claimPeriod(ctx, in.MunicipalityID, in.ProjectID, in.PeriodFrom, in.PeriodTo)
	if err != nil {
		return nil, err
	}
	t, unverified, err := r.Store.ClaimPreview(ctx, cp, domain.Today(time.Now()))
	if err != nil {
		return nil, err
	}
	return &model.ClaimPreview{Total: t.Total, ByServiceType: pointers(t.ByService), ByFundingSource: pointers(t.ByFund),
		DeliveryCount: t.Deliveries, ChildCount: t.Children, UnverifiedCount: unverified}, nil
}

func (r *Resolver) submitClaim(ctx context.Context, in model.SubmitClaimInput) (*domain.Claim, error) {
	cp, err := claimPeriod(ctx, in.MunicipalityID, in.ProjectID, in.PeriodFrom, in.PeriodTo)
	if err != nil {
		return nil, err
	}
	key, err := idempotencyKey(ctx, in.IdempotencyKey, "submitClaim", cp)
	if err != nil {
		return nil, err
	}
	return r.Store.SubmitClaim(ctx, key, cp, domain.Today(time.Now()))
}

func (r *Resolver) stepClaim(ctx context.Context, in model.DecideClaimInput, step domain.ClaimStep) (*model.ClaimPayload, error) {
	scope, err := claimScope(ctx)
	if err != nil {
		return nil, err
	}
	id, err := idOf("claimId", typeClaim, in.ClaimID)
	if err != nil {
		return nil, err
	}
	a := domain.ActorFrom(ctx)
	c, err := r.Store.StepClaim(ctx, scope, id, in.Version, step, in.Reason, func(c *domain.Claim) error { return domain.CanDecideClaim(a, c) })
	if err != nil {
		return nil, err
	}
	return &model.ClaimPayload{Claim: c}, nil
}

func (r *Resolver) claims(ctx context.Context, filter *model.ClaimFilter, first *int, after *string) (*model.CompensationClaimConnection, error) {
	scope, err := claimScope(ctx)
	if err != nil {
		return nil, err
	}
	f := domain.ClaimFilter{Scope: scope}
	if filter != nil {
		if f.MunicipalityID, err = optionalID("filter.municipalityId", typeMunicipality, filter.MunicipalityID); err != nil {
			return nil, err
		}
		if f.ProjectID, err = optionalID("filter.projectId", typeProject, filter.ProjectID); err != nil {
			return nil, err
		}
		f.Status = filter.Status
	}
	rows, cursors, pi, err := listPage(first, after, func(key *int, limit int) ([]domain.Claim, bool, error) {
		return r.Store.Claims(ctx, f, key, limit)
	}, func(c *domain.Claim) int { return c.ID })
	if err != nil {
		return nil, err
	}
	conn := &model.CompensationClaimConnection{Filter: f, PageInfo: pi}
	for i, c := range rows {
		conn.Edges = append(conn.Edges, &model.CompensationClaimEdge{Cursor: cursors[i], Node: c})
	}
	return conn, nil
}

// claimDeliveries lists a claim's deliveries within the caller's case scope: a coordinator
// sees them as they see the children; an analyst pseudonymously.
func (r *Resolver) claimDeliveries(ctx context.Context, c *domain.Claim, first *int, after *string) (*model.ServiceDeliveryConnection, error) {
	scope, err := caseScope(ctx)
	if err != nil {
		return nil, err
	}
	return r.deliveryConnection(ctx, domain.DeliveryFilter{Scope: scope, ClaimID: &c.ID}, first, after)
}

// deliveryParent is the parent a delivery was for, among the child's parents; analysts get none.
func (r *Resolver) deliveryParent(ctx context.Context, d *domain.Delivery) (*domain.Parent, error) {
	if d.ParentID == nil || !domain.SeesPersonalData(domain.ActorFrom(ctx)) {
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

// pointers returns pointers to the items of a slice.
func pointers[T any](items []T) []*T {
	out := make([]*T, len(items))
	for i := range items {
		out[i] = &items[i]
	}
	return out
}

// deliveryNode is node(id) of a delivery (in the caller's case scope, audited) or a claim (in
// their claim scope).
func (r *Resolver) deliveryNode(ctx context.Context, typ string, id int) (model.Node, error) {
	if typ == typeClaim {
		scope, err := claimScope(ctx)
		if err != nil {
			if domain.ErrorCode(err) == domain.EFORBIDDEN {
				return nil, domain.NotFound("claim")
			}
			return nil, err
		}
		return r.Store.ClaimInScope(ctx, scope, id)
	}
	scope, err := caseScope(ctx)
	if err != nil {
		return nil, err
	}
	d, err := r.Store.DeliveryInScope(ctx, scope, id)
	if err == nil {
		auditRead(ctx, typeDelivery, d.ID, d.MunicipalityID)
	}
	return d, err
}
