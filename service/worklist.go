package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// Worklist tells a user what waits for them: the kinds of work of their role
// (domain.WorklistKindsOf), counted in their scope.
type Worklist struct{ base }

// Get returns the caller's worklist for today. It reads counts and ids only; the records an
// entry links to are read (and audited) when the caller asks for their fields.
func (p *Worklist) Get(ctx context.Context) (*domain.Worklist, error) {
	a := domain.ActorFrom(ctx)
	if _, err := domain.CanReadCases(a); err != nil {
		return nil, err
	}
	today := p.today()
	w := &domain.Worklist{Today: today, Items: []domain.WorklistItem{}}
	kinds := domain.WorklistKindsOf(a)
	if len(kinds) == 0 {
		return w, nil
	}
	scope := store.WorklistScope{EditAll: a.Role == domain.RoleAdmin}
	switch a.Role {
	case domain.RoleMunicipalityWorker:
		scope.MunicipalityID = a.MunicipalityIDs
	case domain.RoleRegionCoordinator:
		scope.LeadRegionID = a.RegionID
	case domain.RoleAssessor:
		scope.ProviderID = a.ProviderID
	}
	items, err := p.store.Worklist(ctx, scope, kinds, today)
	if err != nil {
		return nil, err
	}
	w.Items = items
	return w, nil
}
