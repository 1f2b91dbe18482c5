package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// projectRow is a project with its parts aggregated as JSON, so that one statement reads a
// batch of whole projects.
type projectRow struct {
	domain.Project
	Funding  []byte        `db:"funding"`
	Partners pq.Int64Array `db:"partners"`
	Targets  []byte        `db:"targets"`
	Caps     []byte        `db:"caps"`
}

func (r *projectRow) rowID() int { return r.ID }

func (r *projectRow) toModel() (domain.Project, error) {
	p := r.Project
	for _, id := range r.Partners {
		p.PartnerMunicipalityIDs = append(p.PartnerMunicipalityIDs, int(id))
	}
	var caps []struct {
		Kind      domain.CapKind `json:"kind"`
		ValidFrom string         `json:"validFrom"`
		Limit     *int           `json:"limit"`
		MinAge    *int           `json:"minAge"`
		MaxAge    *int           `json:"maxAge"`
	}
	err := errors.Join(json.Unmarshal(r.Funding, &p.FundingSources), json.Unmarshal(r.Targets, &p.Targets), json.Unmarshal(r.Caps, &caps))
	for _, c := range caps {
		from, perr := time.Parse(domain.DateLayout, c.ValidFrom)
		err = errors.Join(err, perr)
		p.CapRules = append(p.CapRules, domain.CapRule{Kind: c.Kind, ValidFrom: from, Limit: c.Limit, MinAge: c.MinAge, MaxAge: c.MaxAge})
	}
	return p, err
}

const projectSelect = `SELECT p.id, p.code, p.name, p.lead_region_id, p.start_date, p.end_date, p.total_budget, p.version,
	coalesce((SELECT json_agg(json_build_object('code', f.code, 'shareBp', f.share_bp) ORDER BY f.share_bp DESC, f.code)
		FROM project_funding_source f WHERE f.project_id = p.id), '[]') AS funding,
	coalesce((SELECT array_agg(m.id ORDER BY m.name, m.id) FROM project_municipality pm JOIN municipality m ON m.id = pm.municipality_id
		WHERE pm.project_id = p.id), '{}') AS partners,
	coalesce((SELECT json_agg(json_build_object('group', t.target_group, 'count', t.count) ORDER BY t.target_group)
		FROM project_target t WHERE t.project_id = p.id), '[]') AS targets,
	coalesce((SELECT json_agg(json_build_object('kind', c.kind, 'validFrom', c.valid_from, 'limit', c.cap_limit,
			'minAge', c.min_age, 'maxAge', c.max_age) ORDER BY c.kind, c.valid_from, c.min_age)
		FROM project_cap_rule c WHERE c.project_id = p.id), '[]') AS caps
	FROM project p`

// ProjectsByIDs returns the projects with the given ids, in key order.
func (s *Store) ProjectsByIDs(ctx context.Context, ids []int) ([]*domain.Project, []error) {
	var rows []projectRow
	if err := s.selectAll(ctx, &rows, projectSelect+` WHERE p.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("projects by id", err))
	}
	projects, err := toModels[domain.Project](rows)
	if err != nil {
		return nil, fill(len(ids), err)
	}
	return byKey(ids, projects, func(p *domain.Project) int { return p.ID }, notFound("project"))
}

// Project returns one project.
func (s *Store) Project(ctx context.Context, id int) (*domain.Project, error) {
	ps, errs := s.ProjectsByIDs(ctx, []int{id})
	if errs != nil && errs[0] != nil {
		if domain.ErrorCode(errs[0]) == domain.ENOTFOUND {
			return nil, domain.NotFound("project")
		}
		return nil, errs[0]
	}
	return ps[0], nil
}

// ProjectKey is the position of a project in the list order (code, id).
type ProjectKey struct {
	Code string `json:"c"`
	ID   int    `json:"i"`
}

// Projects returns up to limit projects that match f, by code, after the key, and whether more follow.
func (s *Store) Projects(ctx context.Context, f domain.ProjectFilter, after *ProjectKey, limit int) ([]domain.Project, bool, error) {
	c := projectWhere(f)
	if after != nil {
		c.add("(p.code, p.id) > ($%d, $%d)", after.Code, after.ID)
	}
	query := projectSelect + c.sql() + ` ORDER BY p.code, p.id LIMIT ` + c.param(limit+1)
	var rows []projectRow
	if err := s.selectAll(ctx, &rows, query, c.args...); err != nil {
		return nil, false, wrap("projects", err)
	}
	projects, err := toModels[domain.Project](rows)
	if err != nil {
		return nil, false, err
	}
	return page(projects, limit)
}

// CountProjects counts the projects that match f.
func (s *Store) CountProjects(ctx context.Context, f domain.ProjectFilter) (int, error) {
	c := projectWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM project p`+c.sql(), c.args...)
	return n, wrap("count projects", err)
}

func projectWhere(f domain.ProjectFilter) *conds {
	c := &conds{}
	if f.LeadRegionID != nil {
		c.add("p.lead_region_id = $%d", *f.LeadRegionID)
	}
	if f.PartnerMunicipalityID != nil {
		c.add("EXISTS (SELECT 1 FROM project_municipality pm WHERE pm.project_id = p.id AND pm.municipality_id = $%d)", *f.PartnerMunicipalityID)
	}
	if f.ActiveOn != nil {
		c.add("$%d BETWEEN p.start_date AND p.end_date", *f.ActiveOn)
	}
	return c
}

// InsertProject writes a validated project with all its parts, audits it, and returns its id.
func InsertProject(ctx context.Context, tx *Tx, np domain.NewProject) (int, error) {
	var id int
	err := tx.GetContext(ctx, &id, `INSERT INTO project (code, name, lead_region_id, start_date, end_date, total_budget)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, np.Code, np.Name, np.LeadRegionID, np.StartDate, np.EndDate, np.TotalBudget)
	if isUniqueViolation(err) {
		return 0, domain.FieldErrorf("code", "a project with the code %q exists already", np.Code)
	}
	if isForeignKeyViolation(err) {
		return 0, domain.FieldErrorf("leadRegionId", "no such planning region")
	}
	if err != nil {
		return 0, wrap("create project", err)
	}
	for _, f := range np.FundingSources {
		if _, err := tx.ExecContext(ctx, `INSERT INTO project_funding_source (project_id, code, share_bp) VALUES ($1, $2, $3)`, id, f.Code, f.ShareBP); err != nil {
			return 0, wrap("create project", err)
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO project_municipality (project_id, municipality_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
		id, pq.Array(np.PartnerMunicipalityIDs))
	if isForeignKeyViolation(err) {
		return 0, domain.FieldErrorf("partnerMunicipalityIds", "no such municipality")
	}
	if err != nil {
		return 0, wrap("create project", err)
	}
	for _, t := range np.Targets {
		if _, err := tx.ExecContext(ctx, `INSERT INTO project_target (project_id, target_group, count) VALUES ($1, $2, $3)`, id, t.Group, t.Count); err != nil {
			return 0, wrap("create project", err)
		}
	}
	for _, c := range np.CapRules {
		if err := insertCapRule(ctx, tx, id, c); err != nil {
			return 0, err
		}
	}
	return id, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityProject, entityID: id64(id), after: np.Project})
}

func insertCapRule(ctx context.Context, tx *sqlx.Tx, projectID int, c domain.CapRule) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO project_cap_rule (project_id, kind, valid_from, cap_limit, min_age, max_age)
		VALUES ($1, $2, $3, $4, $5, $6)`, projectID, c.Kind, c.ValidFrom, c.Limit, c.MinAge, c.MaxAge)
	if isUniqueViolation(err) {
		return domain.FieldErrorf("validFrom", "the project has a %s rule from %s already", c.Kind, c.ValidFrom.Format(domain.DateLayout))
	}
	return wrap("insert cap rule", err)
}

// InsertCapRule adds a validated cap rule to a project (a new version of it) and audits it; an
// unknown project is ENOTFOUND.
func InsertCapRule(ctx context.Context, tx *Tx, projectID int, c domain.CapRule) error {
	res, err := tx.ExecContext(ctx, `UPDATE project SET version = version + 1 WHERE id = $1`, projectID)
	if err != nil {
		return wrap("add cap rule", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("project")
	}
	if err := insertCapRule(ctx, tx, projectID, c); err != nil {
		return err
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityProject, entityID: id64(projectID),
		after: map[string]any{"capRule": c}})
}

// PricesByProviderIDs returns each provider's prices by service type and date, in key order.
func (s *Store) PricesByProviderIDs(ctx context.Context, ids []int) ([][]*domain.ProviderPrice, []error) {
	var rows []domain.ProviderPrice
	err := s.selectAll(ctx, &rows, `SELECT pp.provider_id, pp.service_type_id, pp.unit_price, pp.valid_from
		FROM provider_price pp JOIN service_type st ON st.id = pp.service_type_id
		WHERE pp.provider_id = ANY($1) ORDER BY st.category, st.code, pp.valid_from`, pq.Array(ids))
	if err != nil {
		return nil, fill(len(ids), wrap("provider prices", err))
	}
	return groupByKey(ids, rows, func(p *domain.ProviderPrice) int { return p.ProviderID }), nil
}

// UpsertProviderPrice sets a provider's price of a service type from a date on (replacing a
// price from the same date) and audits it.
func UpsertProviderPrice(ctx context.Context, tx *Tx, p domain.ProviderPrice) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO provider_price (provider_id, service_type_id, valid_from, unit_price)
		VALUES ($1, $2, $3, $4) ON CONFLICT (provider_id, service_type_id, valid_from) DO UPDATE SET unit_price = EXCLUDED.unit_price`,
		p.ProviderID, p.ServiceTypeID, p.ValidFrom, p.UnitPrice)
	if isForeignKeyViolation(err) {
		return domain.Errorf(domain.ENOTFOUND, "no such provider or service type")
	}
	if err != nil {
		return wrap("set provider price", err)
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: "Provider", entityID: id64(p.ProviderID), after: p})
}
