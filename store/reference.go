package store

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

const regionColumns = `r.id, r.code, r.name, r.name_en`

const municipalityColumns = `m.id, m.region_id, m.name, m.kind, m.atvk_code, m.iso_code, m.valid_from, m.valid_to`

const serviceTypeColumns = `s.id, s.code, s.name, s.name_en, s.category, s.unit, s.default_unit_price,
	s.counts_towards_session_cap, s.for_child, s.for_parents`

// Regions lists the planning regions by Latvian name.
func (s *Store) Regions(ctx context.Context) ([]domain.Region, error) {
	var out []domain.Region
	err := s.selectAll(ctx, &out, `SELECT `+regionColumns+` FROM planning_region r ORDER BY r.name, r.id`)
	return out, wrap("regions", err)
}

// RegionsByIDs returns the regions with the given ids, in key order.
func (s *Store) RegionsByIDs(ctx context.Context, ids []int) ([]*domain.Region, []error) {
	var rows []domain.Region
	if err := s.selectAll(ctx, &rows, `SELECT `+regionColumns+` FROM planning_region r WHERE r.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("regions by id", err))
	}
	return byKey(ids, rows, func(r *domain.Region) int { return r.ID }, notFound("planning region"))
}

// MunicipalitiesByIDs returns the municipalities with the given ids, in key order.
func (s *Store) MunicipalitiesByIDs(ctx context.Context, ids []int) ([]*domain.Municipality, []error) {
	var rows []domain.Municipality
	if err := s.selectAll(ctx, &rows, `SELECT `+municipalityColumns+` FROM municipality m WHERE m.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("municipalities by id", err))
	}
	return byKey(ids, rows, func(m *domain.Municipality) int { return m.ID }, notFound("municipality"))
}

// MunicipalitiesByRegionIDs returns, for each region id in order, its municipalities by name.
func (s *Store) MunicipalitiesByRegionIDs(ctx context.Context, regionIDs []int) ([][]*domain.Municipality, []error) {
	var rows []domain.Municipality
	err := s.selectAll(ctx, &rows, `SELECT `+municipalityColumns+` FROM municipality m
		WHERE m.region_id = ANY($1) ORDER BY m.name, m.id`, pq.Array(regionIDs))
	if err != nil {
		return nil, fill(len(regionIDs), wrap("municipalities by region", err))
	}
	return groupByKey(regionIDs, rows, func(m *domain.Municipality) int { return m.RegionID }), nil
}

// MunicipalityKey is the position of a municipality in the list order (Latvian name, id).
type MunicipalityKey struct {
	Name string `json:"n"` // the Latvian name
	ID   int    `json:"i"` // the id, for equal names
}

// Municipalities returns up to limit municipalities that match f, in the order of their
// Latvian names, after the given key (from the start when nil), and whether more follow.
func (s *Store) Municipalities(ctx context.Context, f domain.MunicipalityFilter, after *MunicipalityKey, limit int) ([]domain.Municipality, bool, error) {
	c := municipalityWhere(f)
	if after != nil {
		c.add("(m.name, m.id) > ($%d, $%d)", after.Name, after.ID)
	}
	query := `SELECT ` + municipalityColumns + ` FROM municipality m` + c.sql() +
		` ORDER BY m.name, m.id LIMIT ` + c.param(limit+1) // one more tells whether a next page exists
	var rows []domain.Municipality
	if err := s.selectAll(ctx, &rows, query, c.args...); err != nil {
		return nil, false, wrap("municipalities", err)
	}
	return page(rows, limit)
}

// CountMunicipalities counts the municipalities that match f.
func (s *Store) CountMunicipalities(ctx context.Context, f domain.MunicipalityFilter) (int, error) {
	c := municipalityWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM municipality m`+c.sql(), c.args...)
	return n, wrap("count municipalities", err)
}

func municipalityWhere(f domain.MunicipalityFilter) *conds {
	c := &conds{}
	if f.RegionID != nil {
		c.add("m.region_id = $%d", *f.RegionID)
	}
	if f.NameContains != "" {
		c.add("m.name ILIKE $%d", "%"+escapeLike(f.NameContains)+"%")
	}
	if f.ActiveOn != nil {
		c.add("m.valid_from <= $%d AND (m.valid_to IS NULL OR m.valid_to >= $%[1]d)", *f.ActiveOn)
	}
	return c
}

// ServiceTypes lists the service catalogue by category, then code.
func (s *Store) ServiceTypes(ctx context.Context) ([]domain.ServiceType, error) {
	var out []domain.ServiceType
	err := s.selectAll(ctx, &out, `SELECT `+serviceTypeColumns+` FROM service_type s ORDER BY s.category, s.code`)
	return out, wrap("service types", err)
}

// ServiceTypesByIDs returns the service types with the given ids, in key order.
func (s *Store) ServiceTypesByIDs(ctx context.Context, ids []int) ([]*domain.ServiceType, []error) {
	var rows []domain.ServiceType
	if err := s.selectAll(ctx, &rows, `SELECT `+serviceTypeColumns+` FROM service_type s WHERE s.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("service types by id", err))
	}
	return byKey(ids, rows, func(t *domain.ServiceType) int { return t.ID }, notFound("service type"))
}

// serviceTypesIn reads the service types with the given ids in one statement, in the caller's
// transaction, by id; an unknown id is absent from the map.
func serviceTypesIn(ctx context.Context, q sqlx.QueryerContext, ids []int) (map[int]*domain.ServiceType, error) {
	var rows []domain.ServiceType
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT `+serviceTypeColumns+` FROM service_type s WHERE s.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, err
	}
	out := make(map[int]*domain.ServiceType, len(rows))
	for i := range rows {
		out[rows[i].ID] = &rows[i]
	}
	return out, nil
}
