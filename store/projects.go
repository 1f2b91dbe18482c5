package store

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
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

// LockProject reads a project for an amendment, locked against concurrent amendments and the
// plan writes that read it shared (LockProjectShared).
func LockProject(ctx context.Context, tx *Tx, id int) (*domain.Project, error) {
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM project WHERE id = $1 FOR UPDATE`, id); err != nil {
		return nil, wrap("lock project", err)
	}
	p, err := projectInTx(ctx, tx, id)
	if err != nil {
		return nil, wrap("project", err)
	}
	return p, nil
}

// LockProjectShared holds a project's row against amendments until the transaction ends:
// a plan written meanwhile is checked against the project as it stays.
func LockProjectShared(ctx context.Context, tx *Tx, id int) error {
	_, err := tx.ExecContext(ctx, `SELECT 1 FROM project WHERE id = $1 FOR SHARE`, id)
	return wrap("lock project", err)
}

// AmendmentFacts reads what an amendment of the held project must still fit.
func AmendmentFacts(ctx context.Context, tx *Tx, p *domain.Project, am domain.Amendment) (domain.AmendmentFacts, error) {
	f := domain.AmendmentFacts{Enrolled: map[int]int{}, Municipalities: map[int]string{}}
	var bounds struct {
		From      *time.Time   `db:"plans_from"`
		To        *time.Time   `db:"plans_to"`
		Committed domain.Money `db:"committed"`
		Last      *time.Time   `db:"last_decided_on"`
	}
	err := tx.GetContext(ctx, &bounds, `SELECT
		(SELECT min(r.valid_from) FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id WHERE sp.project_id = $1 AND r.status <> 'SUPERSEDED') AS plans_from,
		(SELECT max(r.valid_to) FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id WHERE sp.project_id = $1 AND r.status <> 'SUPERSEDED') AS plans_to,
		(SELECT coalesce(sum(r.budget), 0) FROM plan_revision r JOIN support_plan sp ON sp.id = r.plan_id
			WHERE sp.project_id = $1 AND r.status IN `+revisionInForceSQL+`) AS committed,
		(SELECT max(decided_on) FROM project_amendment WHERE project_id = $1) AS last_decided_on`, p.ID)
	if err != nil {
		return f, wrap("amendment facts", err)
	}
	f.PlansFrom, f.PlansTo, f.Committed, f.LastDecidedOn = bounds.From, bounds.To, bounds.Committed, bounds.Last
	var enrolled []struct {
		MunicipalityID int `db:"municipality_id"`
		N              int `db:"n"`
	}
	if err := tx.SelectContext(ctx, &enrolled, `SELECT c.municipality_id, count(*) AS n FROM application a JOIN child c ON c.id = a.child_id
		WHERE a.project_id = $1 AND a.status = 'ACCEPTED' GROUP BY c.municipality_id`, p.ID); err != nil {
		return f, wrap("amendment facts", err)
	}
	for _, e := range enrolled {
		f.Enrolled[e.MunicipalityID] = e.N
	}
	ids := append(slices.Clone(p.PartnerMunicipalityIDs), am.PartnerMunicipalityIDs...)
	var names []struct {
		ID   int    `db:"id"`
		Name string `db:"name"`
	}
	if err := tx.SelectContext(ctx, &names, `SELECT id, name FROM municipality WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return f, wrap("amendment facts", err)
	}
	for _, n := range names {
		f.Municipalities[n.ID] = n.Name
	}
	for _, id := range am.PartnerMunicipalityIDs {
		if _, ok := f.Municipalities[id]; !ok {
			return f, domain.FieldErrorf("partnerMunicipalityIds", "no such municipality")
		}
	}
	return f, nil
}

// AmendProject writes the amended project over the held one (its parts replaced, the new cap
// rules added, the version raised), records the amendment in its history and audits it.
func AmendProject(ctx context.Context, tx *Tx, old, next *domain.Project, am domain.Amendment, changes []domain.ProjectChange, day time.Time) error {
	if _, err := tx.ExecContext(ctx, `UPDATE project SET name = $2, start_date = $3, end_date = $4, total_budget = $5, version = version + 1
		WHERE id = $1`, old.ID, next.Name, next.StartDate, next.EndDate, next.TotalBudget); err != nil {
		return wrap("amend project", err)
	}
	if am.FundingSources != nil {
		if _, err := tx.ExecContext(ctx, `DELETE FROM project_funding_source WHERE project_id = $1`, old.ID); err != nil {
			return wrap("amend project", err)
		}
		for _, f := range next.FundingSources {
			if _, err := tx.ExecContext(ctx, `INSERT INTO project_funding_source (project_id, code, share_bp) VALUES ($1, $2, $3)`, old.ID, f.Code, f.ShareBP); err != nil {
				return wrap("amend project", err)
			}
		}
	}
	if am.PartnerMunicipalityIDs != nil {
		if _, err := tx.ExecContext(ctx, `DELETE FROM project_municipality WHERE project_id = $1 AND NOT municipality_id = ANY($2)`,
			old.ID, pq.Array(next.PartnerMunicipalityIDs)); err != nil {
			return wrap("amend project", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO project_municipality (project_id, municipality_id) SELECT $1, unnest($2::int[])
			ON CONFLICT DO NOTHING`, old.ID, pq.Array(next.PartnerMunicipalityIDs)); err != nil {
			return wrap("amend project", err)
		}
	}
	if am.Targets != nil {
		if _, err := tx.ExecContext(ctx, `DELETE FROM project_target WHERE project_id = $1`, old.ID); err != nil {
			return wrap("amend project", err)
		}
		for _, t := range next.Targets {
			if _, err := tx.ExecContext(ctx, `INSERT INTO project_target (project_id, target_group, count) VALUES ($1, $2, $3)`, old.ID, t.Group, t.Count); err != nil {
				return wrap("amend project", err)
			}
		}
	}
	for _, c := range am.AddCapRules {
		if err := insertCapRule(ctx, tx, old.ID, c); err != nil {
			return err
		}
	}
	js, err := json.Marshal(changes)
	if err != nil {
		return wrap("amend project", err)
	}
	var actor *int
	if a := domain.ActorFrom(ctx); a.SignedIn() {
		actor = &a.UserID
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO project_amendment (project_id, number, decided_on, actor_id, reason, changes)
		VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM project_amendment WHERE project_id = $1), $2, $3, $4, $5)`,
		old.ID, day, actor, am.Reason, js); err != nil {
		return wrap("record amendment", err)
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityProject, entityID: id64(old.ID),
		after: map[string]any{"amendment": changes, "reason": am.Reason, "decidedOn": day.Format(domain.DateLayout)}})
}

// AmendmentsByProjectIDs returns each project's amendments, newest first, in key order.
func (s *Store) AmendmentsByProjectIDs(ctx context.Context, ids []int) ([][]*domain.ProjectAmendment, []error) {
	var rows []struct {
		domain.ProjectAmendment
		Changes []byte `db:"changes"`
	}
	if err := s.selectAll(ctx, &rows, `SELECT project_id, number, decided_on, entered_at, actor_id, reason, changes
		FROM project_amendment WHERE project_id = ANY($1) ORDER BY number DESC`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("project amendments", err))
	}
	out := make([]domain.ProjectAmendment, len(rows))
	for i := range rows {
		out[i] = rows[i].ProjectAmendment
		if err := json.Unmarshal(rows[i].Changes, &out[i].Changes); err != nil {
			return nil, fill(len(ids), wrap("project amendments", err))
		}
	}
	return groupByKey(ids, out, func(a *domain.ProjectAmendment) int { return a.ProjectID }), nil
}
