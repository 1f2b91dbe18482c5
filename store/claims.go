package store

import (
	"context"
	"encoding/json"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// claimSelect reads claims with what scope checks need: the project's lead region and the
// municipality's region.
const claimSelect = `SELECT k.id, k.municipality_id, k.project_id, k.period_from, k.period_to, k.status, k.total, k.totals,
	k.delivery_count, k.child_count, k.submitted_at, k.decided_at, k.reject_reason, k.paid_at, k.version,
	p.lead_region_id, m.region_id
	FROM compensation_claim k JOIN project p ON p.id = k.project_id JOIN municipality m ON m.id = k.municipality_id`

type claimRow struct {
	domain.Claim
	TotalsJSON []byte `db:"totals"`
}

func toClaims(rows []claimRow) ([]domain.Claim, error) {
	out := make([]domain.Claim, len(rows))
	for i, r := range rows {
		out[i] = r.Claim
		if err := json.Unmarshal(r.TotalsJSON, &out[i].Totals); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func claimScopeSQL(s domain.ClaimScope, args *[]any) string {
	switch {
	case s.All:
		return "true"
	case len(s.MunicipalityIDs) > 0:
		return bind(args, "k.municipality_id = ANY($%d)", pq.Array(s.MunicipalityIDs))
	case s.LeadRegionID != 0:
		return bind(args, "p.lead_region_id = $%d", s.LeadRegionID)
	}
	return "false"
}

func selectClaims(ctx context.Context, q sqlx.QueryerContext, query string, args ...any) ([]domain.Claim, error) {
	var rows []claimRow
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return nil, err
	}
	return toClaims(rows)
}

// ClaimsByIDs returns claims by id, in key order, without a scope check.
func (s *Store) ClaimsByIDs(ctx context.Context, ids []int) ([]*domain.Claim, []error) {
	rows, err := selectClaims(ctx, s.db, claimSelect+` WHERE k.id = ANY($1)`, pq.Array(ids))
	if err != nil {
		return nil, fill(len(ids), wrap("claims by id", err))
	}
	return byKey(ids, rows, func(c *domain.Claim) int { return c.ID }, notFound("claim"))
}

// ClaimInScope returns a claim the scope sees, else ENOTFOUND.
func (s *Store) ClaimInScope(ctx context.Context, scope domain.ClaimScope, id int) (*domain.Claim, error) {
	return claimInScope(ctx, s.db, scope, id, false)
}

func claimInScope(ctx context.Context, q sqlx.QueryerContext, scope domain.ClaimScope, id int, lock bool) (*domain.Claim, error) {
	args := []any{id}
	query := claimSelect + ` WHERE k.id = $1 AND ` + claimScopeSQL(scope, &args)
	if lock {
		query += ` FOR UPDATE OF k`
	}
	rows, err := selectClaims(ctx, q, query, args...)
	if err != nil {
		return nil, wrap("claim", err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("claim")
	}
	return &rows[0], nil
}

// Claims returns up to limit claims that match f, newest first, after the key (a claim id).
func (s *Store) Claims(ctx context.Context, f domain.ClaimFilter, after *int, limit int) ([]domain.Claim, bool, error) {
	c := claimWhere(f)
	if after != nil {
		c.add("k.id < $%d", *after)
	}
	query := claimSelect + c.sql() + ` ORDER BY k.id DESC LIMIT ` + c.param(limit+1)
	rows, err := selectClaims(ctx, s.db, query, c.args...)
	if err != nil {
		return nil, false, wrap("claims", err)
	}
	return page(rows, limit)
}

// CountClaims counts the claims that match f.
func (s *Store) CountClaims(ctx context.Context, f domain.ClaimFilter) (int, error) {
	c := claimWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM compensation_claim k JOIN project p ON p.id = k.project_id`+c.sql(), c.args...)
	return n, wrap("count claims", err)
}

func claimWhere(f domain.ClaimFilter) *conds {
	c := &conds{}
	c.where = append(c.where, claimScopeSQL(f.Scope, &c.args))
	if f.MunicipalityID != nil {
		c.add("k.municipality_id = $%d", *f.MunicipalityID)
	}
	if f.ProjectID != nil {
		c.add("k.project_id = $%d", *f.ProjectID)
	}
	if f.Status != nil {
		c.add("k.status = $%d", string(*f.Status))
	}
	return c
}

const claimableSQL = `SELECT id, child_id, service_type_id, units, units * unit_price AS amount FROM service_delivery
	WHERE municipality_id = $1 AND project_id = $2 AND date BETWEEN $3 AND $4 AND status = 'VERIFIED' ORDER BY id`

// Claimable returns the verified, unclaimed deliveries of a period (what a claim of it would
// hold) and how many of the period's deliveries still wait for verification.
func (s *Store) Claimable(ctx context.Context, cp domain.ClaimPeriod) ([]domain.Claimable, int, error) {
	var rows []domain.Claimable
	if err := s.selectAll(ctx, &rows, claimableSQL, cp.MunicipalityID, cp.ProjectID, cp.From, cp.To); err != nil {
		return nil, 0, wrap("claim preview", err)
	}
	var unverified int
	if err := s.getOne(ctx, &unverified, `SELECT count(*) FROM service_delivery WHERE municipality_id = $1 AND project_id = $2
		AND date BETWEEN $3 AND $4 AND status = 'RECORDED'`, cp.MunicipalityID, cp.ProjectID, cp.From, cp.To); err != nil {
		return nil, 0, wrap("claim preview", err)
	}
	return rows, unverified, nil
}

// LockClaimable returns the verified, unclaimed deliveries of a period, locked. FOR UPDATE
// waits for a concurrent claim, then rechecks the status: a delivery that claim took is skipped,
// so that two claims submitted at once cannot take the same delivery.
func LockClaimable(ctx context.Context, tx *Tx, cp domain.ClaimPeriod) ([]domain.Claimable, error) {
	var rows []domain.Claimable
	err := tx.SelectContext(ctx, &rows, claimableSQL+` FOR UPDATE`, cp.MunicipalityID, cp.ProjectID, cp.From, cp.To)
	return rows, wrap("claimable deliveries", err)
}

// InsertClaim submits a claim of the period with totals t over the deliveries rows, which it
// locks in the claim (CLAIMED), with its change row, and stores the idempotency key (if any)
// with it; it returns the claim's id.
func InsertClaim(ctx context.Context, tx *Tx, cp domain.ClaimPeriod, p *domain.Project, rows []domain.Claimable, t domain.ClaimTotals,
	key *IdempotencyKey) (int, error) {
	totals, err := json.Marshal(t)
	if err != nil {
		return 0, err
	}
	var id int
	if err := tx.GetContext(ctx, &id, `INSERT INTO compensation_claim (municipality_id, project_id, period_from, period_to, status,
		total, totals, delivery_count, child_count, submitted_by) VALUES ($1, $2, $3, $4, 'SUBMITTED', $5, $6, $7, $8, $9) RETURNING id`,
		cp.MunicipalityID, cp.ProjectID, cp.From, cp.To, t.Total, totals, t.Deliveries, t.Children, actorID(ctx)); err != nil {
		return 0, wrap("submit claim", err)
	}
	ids := make([]int, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	if _, err := tx.ExecContext(ctx, `UPDATE service_delivery SET status = 'CLAIMED', claim_id = $2, version = version + 1 WHERE id = ANY($1)`,
		pq.Array(ids), id); err != nil {
		return 0, wrap("claim deliveries", err)
	}
	if err := rememberKey(ctx, tx, key, id); err != nil {
		return 0, wrap("idempotency key", err)
	}
	return id, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityClaim, entityID: id64(id),
		regionID: &p.LeadRegionID, municipalityID: &cp.MunicipalityID,
		after: map[string]any{"periodFrom": cp.From.Format(domain.DateLayout), "periodTo": cp.To.Format(domain.DateLayout),
			"projectId": cp.ProjectID, "total": t.Total.String(), "deliveries": ids}})
}

// Claim returns a claim by id, without a scope check (what a write wrote).
func (s *Store) Claim(ctx context.Context, id int) (*domain.Claim, error) {
	return one(s.ClaimsByIDs(ctx, []int{id}))
}

// LockClaim returns a claim the scope sees, locked (FOR UPDATE).
func LockClaim(ctx context.Context, tx *Tx, scope domain.ClaimScope, id int) (*domain.Claim, error) {
	return claimInScope(ctx, tx, scope, id, true)
}

// StepClaim writes a decision on claim c (domain.CheckClaimStep's next status and reason):
// approve and reject stamp the decision, a rejection frees the claim's deliveries (VERIFIED
// again), pay stamps the payment.
func StepClaim(ctx context.Context, tx *Tx, c *domain.Claim, step domain.ClaimStep, next domain.ClaimStatus, reason *string) error {
	var err error
	switch step {
	case domain.ClaimStepApprove:
		_, err = tx.ExecContext(ctx, `UPDATE compensation_claim SET status = $2, decided_at = now(), decided_by = $3, version = version + 1 WHERE id = $1`,
			c.ID, next, actorID(ctx))
	case domain.ClaimStepReject:
		_, err = tx.ExecContext(ctx, `UPDATE compensation_claim SET status = $2, decided_at = now(), decided_by = $3, reject_reason = $4,
			version = version + 1 WHERE id = $1`, c.ID, next, actorID(ctx), *reason)
		if err == nil {
			_, err = tx.ExecContext(ctx, `UPDATE service_delivery SET status = 'VERIFIED', claim_id = NULL, version = version + 1 WHERE claim_id = $1`, c.ID)
		}
	case domain.ClaimStepPay:
		_, err = tx.ExecContext(ctx, `UPDATE compensation_claim SET status = $2, paid_at = now(), version = version + 1 WHERE id = $1`, c.ID, next)
	}
	if err != nil {
		return wrap("claim "+string(step), err)
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityClaim, entityID: id64(c.ID),
		regionID: &c.LeadRegionID, municipalityID: &c.MunicipalityID, before: map[string]any{"status": c.Status},
		after: map[string]any{"status": next, "reason": reason}})
}

// ClaimDeliveries returns every delivery of a claim, by date and id (for the exports).
func (s *Store) ClaimDeliveries(ctx context.Context, claimID int) ([]domain.Delivery, error) {
	var rows []domain.Delivery
	err := s.selectAll(ctx, &rows, `SELECT `+deliveryColumns+deliveryFrom+` WHERE d.claim_id = $1 ORDER BY d.date, d.id`, claimID)
	return rows, wrap("claim deliveries", err)
}

// AuditClaimExport records that the caller downloaded a claim in a format: an EXPORT of the
// claim, and a READ of each delivery in it (each is part of a child's record).
func (s *Store) AuditClaimExport(ctx context.Context, c *domain.Claim, format string, deliveryIDs []int) error {
	entries := []auditEntry{{action: domain.AuditExport, entityType: domain.EntityClaim, entityID: id64(c.ID),
		regionID: &c.LeadRegionID, municipalityID: &c.MunicipalityID, details: map[string]any{"format": format}}}
	for _, id := range deliveryIDs {
		entries = append(entries, auditEntry{action: domain.AuditRead, entityType: domain.EntityDelivery, entityID: id64(id),
			municipalityID: &c.MunicipalityID, details: map[string]any{"export": format}})
	}
	return appendAudit(ctx, s.db, entries...)
}
