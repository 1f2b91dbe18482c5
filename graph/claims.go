package graph

import (
	"context"
	"time"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// claimScope is the caller's scope over claims.
func claimScope(ctx context.Context) (domain.ClaimScope, error) {
	return domain.CanReadClaims(domain.ActorFrom(ctx))
}

// claimPeriod decodes a period's ids (the service checks the period against the project).
func claimPeriod(municipalityID, projectID string, from, to time.Time) (domain.ClaimPeriod, error) {
	cp := domain.ClaimPeriod{From: from, To: to}
	var err error
	if cp.MunicipalityID, err = idOf("municipalityId", typeMunicipality, municipalityID); err != nil {
		return cp, err
	}
	cp.ProjectID, err = idOf("projectId", typeProject, projectID)
	return cp, err
}

// claimPreview encodes what a claim of a period would hold.
func claimPreview(t domain.ClaimTotals, unverified int) *model.ClaimPreview {
	return &model.ClaimPreview{Total: t.Total, ByServiceType: pointers(t.ByService), ByFundingSource: pointers(t.ByFund),
		DeliveryCount: t.Deliveries, ChildCount: t.Children, UnverifiedCount: unverified}
}

// stepClaim takes a decision on the claim the input names.
func (r *Resolver) stepClaim(ctx context.Context, in model.DecideClaimInput, step domain.ClaimStep) (*model.ClaimPayload, error) {
	id, err := idOf("claimId", typeClaim, in.ClaimID)
	if err != nil {
		return nil, err
	}
	c, err := r.Service.Claims.Step(ctx, id, in.Version, step, in.Reason)
	if err != nil {
		return nil, err
	}
	return &model.ClaimPayload{Claim: c}, nil
}

// claimFilter decodes the filter of claims (the service sets its scope).
func claimFilter(filter *model.ClaimFilter) (domain.ClaimFilter, error) {
	var f domain.ClaimFilter
	if filter == nil {
		return f, nil
	}
	var err error
	if f.MunicipalityID, err = optionalID("filter.municipalityId", typeMunicipality, filter.MunicipalityID); err != nil {
		return f, err
	}
	f.ProjectID, err = optionalID("filter.projectId", typeProject, filter.ProjectID)
	f.Status = filter.Status
	return f, err
}

// claimConnection reads a page of the claims the caller sees that match f.
func (r *Resolver) claimConnection(ctx context.Context, f domain.ClaimFilter, first *int, after *string) (*model.CompensationClaimConnection, error) {
	rows, cursors, pi, err := listPage(first, after, func(key *int, limit int) ([]domain.Claim, bool, error) {
		return r.Service.Claims.List(ctx, f, key, limit)
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

// claimPermissions is what the caller may do with a claim: the access rule the service
// applies to its decisions.
func claimPermissions(ctx context.Context, c *domain.Claim) *model.ClaimPermissions {
	decide := domain.CanDecideClaim(domain.ActorFrom(ctx), c) == nil
	return &model.ClaimPermissions{Approve: decide, Reject: decide, MarkPaid: decide}
}

// pointers returns pointers to the items of a slice.
func pointers[T any](items []T) []*T {
	out := make([]*T, len(items))
	for i := range items {
		out[i] = &items[i]
	}
	return out
}
