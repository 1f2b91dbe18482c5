package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// Reference is reading the reference data: planning regions, municipalities and the service
// catalogue, open to anyone.
type Reference struct{ base }

// Regions lists the planning regions by Latvian name.
func (r *Reference) Regions(ctx context.Context) ([]domain.Region, error) {
	if err := domain.CanReadReferenceData(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	return r.store.Regions(ctx)
}

// Municipalities returns up to limit municipalities that match f, by Latvian name, after the
// key, and whether more follow.
func (r *Reference) Municipalities(ctx context.Context, f domain.MunicipalityFilter, after *store.MunicipalityKey, limit int) ([]domain.Municipality, bool, error) {
	if err := domain.CanReadReferenceData(domain.ActorFrom(ctx)); err != nil {
		return nil, false, err
	}
	return r.store.Municipalities(ctx, f, after, limit)
}

// CountMunicipalities counts the municipalities that match f.
func (r *Reference) CountMunicipalities(ctx context.Context, f domain.MunicipalityFilter) (int, error) {
	if err := domain.CanReadReferenceData(domain.ActorFrom(ctx)); err != nil {
		return 0, err
	}
	return r.store.CountMunicipalities(ctx, f)
}

// ServiceTypes lists the service catalogue by category, then code.
func (r *Reference) ServiceTypes(ctx context.Context) ([]domain.ServiceType, error) {
	if err := domain.CanReadReferenceData(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	return r.store.ServiceTypes(ctx)
}
