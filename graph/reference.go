package graph

import (
	"context"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/graph/model"
	"atbalsts/store"
)

// primeRegions primes the loader with the regions (a municipality's region is one of them) and
// queues their municipalities now, so that that batch does not wait for the timer.
func primeRegions(ctx context.Context, regions []domain.Region) []*domain.Region {
	out := make([]*domain.Region, len(regions))
	ids := make([]int, len(regions))
	l := loader.For(ctx)
	for i := range regions {
		out[i], ids[i] = &regions[i], regions[i].ID
		l.RegionByID.Prime(out[i].ID, out[i])
	}
	l.MunicipalitiesByRegionID.LoadAllThunk(ctx, ids)
	return out
}

// childrenOf is a page of a municipality's children that the caller sees, from the loader
// that reads the pages of many municipalities at once.
func childrenOf(ctx context.Context, m *domain.Municipality, first *int, after *string) (*model.ChildConnection, error) {
	scope, err := caseScope(ctx)
	if err != nil {
		return nil, err
	}
	limit, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	key := store.ChildPageKey{MunicipalityID: m.ID, Limit: limit}
	if after != nil {
		key.After = &store.ChildKey{}
		if err := decodeCursor(*after, key.After); err != nil {
			return nil, err
		}
	}
	l := loader.For(ctx)
	if selects(ctx, "edges", "node", "supportPlans") {
		l.WantPlans()
		wantPlanReads(ctx, l, "edges", "node", "supportPlans")
	}
	p, err := l.ChildPageByMunicipality.Load(ctx, key)
	if err != nil {
		return nil, err
	}
	children, cursors := make([]*domain.Child, len(p.Children)), make([]string, len(p.Children))
	for i := range p.Children {
		children[i], cursors[i] = &p.Children[i], encodeCursor(store.ChildKeyOf(scope, &p.Children[i]))
	}
	conn := childConnection(ctx, domain.ChildFilter{Scope: scope}, children, cursors, pageInfo(cursors, p.HasNext, after != nil))
	conn.Total = &p.Total
	return conn, nil
}
