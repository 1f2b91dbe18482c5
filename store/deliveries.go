package store

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// deliveryColumns reads a delivery (alias d) with its municipality's region (alias dm).
const deliveryColumns = `d.id, d.plan_id, d.line_key::text AS line_key, d.child_id, d.project_id, d.municipality_id,
	d.service_type_id, d.date, d.units, d.recipient, d.parent_id, d.provider_id, d.specialist_name, d.note, d.unit_price,
	d.price_source, d.status, d.reject_reason, d.claim_id, d.recorded_at, d.verified_at, d.version, dm.region_id`

// deliveryFrom joins what the scope condition (on alias c, the child) needs.
const deliveryFrom = ` FROM service_delivery d JOIN child c ON c.id = d.child_id JOIN municipality dm ON dm.id = d.municipality_id`

// deliveryScopeSQL is the case scope over deliveries: the child's, and for a provider's
// specialist only their own provider's deliveries (not what other providers did for the child).
func deliveryScopeSQL(scope domain.CaseScope, args *[]any) string {
	cond := caseScopeSQL(scope, args)
	if scope.DeliveringProviderID != 0 {
		cond += bind(args, " AND d.provider_id = $%d", scope.DeliveringProviderID)
	}
	return cond
}

// IdempotencyKey is a client's key for one create mutation, with the user it belongs to.
// A nil key (the demo loader, tests of the store) creates without one.
type IdempotencyKey struct {
	UserID    int    // whose key
	Key       string // the client's UUID
	Operation string // which mutation
	Request   any    // the input, hashed: the same key with other input is refused
}

// ClaimKey takes the key inside tx: it waits for a concurrent request with the same key
// (an advisory lock), then returns the id the first request created (0 when this is the first,
// or when there is no key).
func ClaimKey(ctx context.Context, tx *Tx, k *IdempotencyKey) (int, error) {
	if k == nil {
		return 0, nil
	}
	claimed, err := ClaimKeys(ctx, tx, []*IdempotencyKey{k})
	if err != nil {
		return 0, err
	}
	return claimed.Result(k)
}

// rememberKey stores the key with the id it created, in the creating transaction.
func rememberKey(ctx context.Context, tx *sqlx.Tx, k *IdempotencyKey, resultID int) error {
	if k == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO idempotency_key (user_id, key, operation, request_hash, result_id) VALUES ($1, $2::uuid, $3, $4, $5)`,
		k.UserID, k.Key, k.Operation, k.hash(), resultID)
	return err
}

// ClaimedKeys are the keys of a batch that earlier requests stored, by key.
type ClaimedKeys map[string]storedKey

type storedKey struct {
	Hash     []byte `db:"request_hash"`
	Op       string `db:"operation"`
	ResultID int    `db:"result_id"`
	Key      string `db:"key"`
}

// Result is what k's earlier request created (0: none, k is new), or
// IDEMPOTENCY_KEY_REUSED when that request was another.
func (c ClaimedKeys) Result(k *IdempotencyKey) (int, error) {
	if k == nil {
		return 0, nil
	}
	stored, ok := c[k.Key]
	if !ok {
		return 0, nil
	}
	if stored.Op != k.Operation || string(stored.Hash) != string(k.hash()) {
		return 0, &domain.Error{Code: domain.EIdempotencyReused, Field: "idempotencyKey",
			Message: "this idempotency key was used for a different request: make a new key for a new request"}
	}
	return stored.ResultID, nil
}

// Remember notes that k's request created id in this transaction, so that the same key later
// in the batch answers as a retry does.
func (c ClaimedKeys) Remember(k *IdempotencyKey, id int) {
	if k != nil {
		c[k.Key] = storedKey{Hash: k.hash(), Op: k.Operation, ResultID: id, Key: k.Key}
	}
}

// ClaimKeys takes the keys (all of one user) inside tx: it waits for concurrent requests with
// any of them (advisory locks, taken in one fixed order so that two batches sharing keys never
// wait for each other in a cycle), then reads which of them earlier requests stored.
func ClaimKeys(ctx context.Context, tx *Tx, keys []*IdempotencyKey) (ClaimedKeys, error) {
	claimed := ClaimedKeys{}
	var texts []string
	var users []int
	for _, k := range keys {
		if k != nil {
			texts, users = append(texts, k.Key), append(users, k.UserID)
		}
	}
	if len(texts) == 0 {
		return claimed, nil
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(h) FROM (
			SELECT DISTINCT hashtextextended(k, u) AS h FROM unnest($1::text[], $2::int[]) AS x(k, u) ORDER BY 1) s`,
		pq.Array(texts), pq.Array(users)); err != nil {
		return nil, wrap("idempotency keys", err)
	}
	var rows []storedKey
	if err := tx.SelectContext(ctx, &rows, `SELECT i.key::text AS key, i.request_hash, i.operation, i.result_id
		FROM idempotency_key i JOIN unnest($1::text[], $2::int[]) AS x(k, u) ON i.user_id = x.u AND i.key = x.k::uuid`,
		pq.Array(texts), pq.Array(users)); err != nil {
		return nil, wrap("idempotency keys", err)
	}
	for _, r := range rows {
		claimed[r.Key] = r
	}
	return claimed, nil
}

func (k *IdempotencyKey) hash() []byte {
	b, _ := json.Marshal(k.Request)
	h := sha256.Sum256(append([]byte(k.Operation+"\x00"), b...))
	return h[:]
}

// DeliveriesByIDs returns deliveries by id, in key order, without a scope check.
func (s *Store) DeliveriesByIDs(ctx context.Context, ids []int) ([]*domain.Delivery, []error) {
	var rows []domain.Delivery
	if err := s.selectAll(ctx, &rows, `SELECT `+deliveryColumns+deliveryFrom+` WHERE d.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("deliveries by id", err))
	}
	return byKey(ids, rows, func(d *domain.Delivery) int { return d.ID }, notFound("delivery"))
}

// DeliveryInScope returns a delivery the scope sees, else ENOTFOUND.
func (s *Store) DeliveryInScope(ctx context.Context, scope domain.CaseScope, id int) (*domain.Delivery, error) {
	return deliveryInScope(ctx, s.db, scope, id, false)
}

func deliveryInScope(ctx context.Context, q sqlx.QueryerContext, scope domain.CaseScope, id int, lock bool) (*domain.Delivery, error) {
	args := []any{id}
	query := `SELECT ` + deliveryColumns + deliveryFrom + ` WHERE d.id = $1 AND ` + deliveryScopeSQL(scope, &args)
	if lock {
		query += ` FOR UPDATE OF d`
	}
	var rows []domain.Delivery
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return nil, wrap("delivery", err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("delivery")
	}
	return &rows[0], nil
}

// DeliveryKey is the position of a delivery in the list order: latest date first, then id.
type DeliveryKey struct {
	Date time.Time `json:"d"`
	ID   int       `json:"i"`
}

// Deliveries returns up to limit deliveries that match f, latest date first, after the key.
func (s *Store) Deliveries(ctx context.Context, f domain.DeliveryFilter, after *DeliveryKey, limit int) ([]domain.Delivery, bool, error) {
	c := deliveryWhere(f)
	if after != nil {
		c.add("(d.date, d.id) < ($%d, $%d)", after.Date, after.ID)
	}
	query := `SELECT ` + deliveryColumns + deliveryFrom + c.sql() + ` ORDER BY d.date DESC, d.id DESC LIMIT ` + c.param(limit+1)
	var rows []domain.Delivery
	if err := s.selectAll(ctx, &rows, query, c.args...); err != nil {
		return nil, false, wrap("deliveries", err)
	}
	return page(rows, limit)
}

// CountDeliveries counts the deliveries that match f.
func (s *Store) CountDeliveries(ctx context.Context, f domain.DeliveryFilter) (int, error) {
	c := deliveryWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*)`+deliveryFrom+c.sql(), c.args...)
	return n, wrap("count deliveries", err)
}

func deliveryWhere(f domain.DeliveryFilter) *conds {
	c := &conds{}
	c.where = append(c.where, deliveryScopeSQL(f.Scope, &c.args))
	if f.PlanID != nil {
		c.add("d.plan_id = $%d", *f.PlanID)
	}
	if f.ChildID != nil {
		c.add("d.child_id = $%d", *f.ChildID)
	}
	if f.MunicipalityID != nil {
		c.add("d.municipality_id = $%d", *f.MunicipalityID)
	}
	if f.ProjectID != nil {
		c.add("d.project_id = $%d", *f.ProjectID)
	}
	if f.ClaimID != nil {
		c.add("d.claim_id = $%d", *f.ClaimID)
	}
	if f.Status != nil {
		c.add("d.status = $%d", string(*f.Status))
	}
	if f.From != nil {
		c.add("d.date >= $%d", *f.From)
	}
	if f.To != nil {
		c.add("d.date <= $%d", *f.To)
	}
	return c
}

// CorrectionsByDeliveryIDs returns each delivery's corrections, oldest first, in key order.
func (s *Store) CorrectionsByDeliveryIDs(ctx context.Context, ids []int) ([][]*domain.DeliveryCorrection, []error) {
	var rows []domain.DeliveryCorrection
	if err := s.selectAll(ctx, &rows, `SELECT delivery_id, at, reason, date, units, units * unit_price AS amount, status
		FROM service_delivery_correction WHERE delivery_id = ANY($1) ORDER BY id`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("corrections", err))
	}
	return groupByKey(ids, rows, func(c *domain.DeliveryCorrection) int { return c.DeliveryID }), nil
}

// DeliveryFacts reads what domain.CheckDelivery needs for a delivery of plan's line lineKey
// (except: a delivery being corrected, which is not counted among the others). Call it while
// holding the child's lock (LockChildOfPlan).
func DeliveryFacts(ctx context.Context, tx *Tx, plan *domain.SupportPlan, lineKey string, except int) (*domain.DeliveryFacts, error) {
	child, err := ChildDeliveryFacts(ctx, tx, plan.ChildID, except)
	if err != nil {
		return nil, err
	}
	f, err := PlanDeliveryFacts(ctx, tx, plan, child)
	if err != nil {
		return nil, err
	}
	return f.ForLine(lineKey), nil
}

// ChildDeliveryFacts reads the facts of the child that every delivery of it needs, whatever
// its plan: the child, its parents, its other counting deliveries (but except) and the service
// catalogue. A batch of one child's deliveries reads them once.
func ChildDeliveryFacts(ctx context.Context, tx *Tx, childID, except int) (*domain.DeliveryFacts, error) {
	f := &domain.DeliveryFacts{}
	var err error
	if f.Child, err = childInScope(ctx, tx, domain.CaseScope{All: true}, childID, false); err != nil {
		return nil, wrap("delivery facts", err)
	}
	if err := tx.SelectContext(ctx, &f.Parents, `SELECT parent_id FROM child_parent WHERE child_id = $1`, childID); err != nil {
		return nil, wrap("delivery facts", err)
	}
	others, err := countedUnits(ctx, tx, []int{childID}, except)
	if err != nil {
		return nil, wrap("delivery facts", err)
	}
	f.Others = others[childID]
	var types []domain.ServiceType
	if err := tx.SelectContext(ctx, &types, `SELECT `+serviceTypeColumns+` FROM service_type s`); err != nil {
		return nil, wrap("delivery facts", err)
	}
	f.Types = make(map[int]*domain.ServiceType, len(types))
	for i := range types {
		f.Types[types[i].ID] = &types[i]
	}
	return f, nil
}

// PlanDeliveryFacts adds to the child's facts those of one of its plans: the project with its
// cap rules and the revision in force (none when none is).
func PlanDeliveryFacts(ctx context.Context, tx *Tx, plan *domain.SupportPlan, child *domain.DeliveryFacts) (*domain.DeliveryFacts, error) {
	f := *child
	var err error
	if f.Project, err = projectInTx(ctx, tx, plan.ProjectID); err != nil {
		return nil, wrap("delivery facts", err)
	}
	var revIDs []int
	if err := tx.SelectContext(ctx, &revIDs, `SELECT id FROM plan_revision WHERE plan_id = $1 AND status IN `+revisionInForceSQL, plan.ID); err != nil {
		return nil, wrap("delivery facts", err)
	}
	if len(revIDs) == 1 {
		if f.Revision, err = revisionInTx(ctx, tx, revIDs[0]); err != nil {
			return nil, wrap("delivery facts", err)
		}
	}
	return &f, nil
}

// LockChildren holds the rows of several children, in id order (so that two batches sharing
// children never wait for each other in a cycle), in one statement.
func LockChildren(ctx context.Context, tx *Tx, ids []int) error {
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM child WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`, pq.Array(ids)); err != nil {
		return wrap("lock children", err)
	}
	// The statistics' rows of a family change under the family's lock (migration 00011), which
	// the triggers take delivery by delivery: taken here first, in order, two batches with
	// children of the same families never wait for each other in a cycle.
	_, err := tx.ExecContext(ctx, `SELECT stat_lock_family(family_id) FROM (SELECT DISTINCT family_id FROM child_family
		WHERE child_id = ANY($1) ORDER BY family_id) f`, pq.Array(ids))
	return wrap("lock families", err)
}

// Savepoint starts an item of a batch that may fail on its own; RollbackToSavepoint undoes it
// and keeps what the items before it wrote.
func Savepoint(ctx context.Context, tx *Tx) error {
	_, err := tx.ExecContext(ctx, `SAVEPOINT item`)
	return wrap("savepoint", err)
}

// RollbackToSavepoint undoes the writes since Savepoint.
func RollbackToSavepoint(ctx context.Context, tx *Tx) error {
	_, err := tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT item`)
	return wrap("rollback to savepoint", err)
}

// ProviderPrices returns a provider's prices of a service (for domain.LinePrice).
func ProviderPrices(ctx context.Context, tx *Tx, providerID, serviceTypeID int) ([]domain.ProviderPrice, error) {
	var prices []domain.ProviderPrice
	err := tx.SelectContext(ctx, &prices, `SELECT provider_id, service_type_id, unit_price, valid_from FROM provider_price
		WHERE provider_id = $1 AND service_type_id = $2`, providerID, serviceTypeID)
	return prices, wrap("provider prices", err)
}

// PlansInScope returns the plans of ids that the scope sees, by id (no lock: a batch groups
// its items by child with it, then each write locks the child and reads the facts again).
func (s *Store) PlansInScope(ctx context.Context, scope domain.CaseScope, ids []int) (map[int]*domain.SupportPlan, error) {
	args := []any{pq.Array(ids)}
	var rows []domain.SupportPlan
	if err := s.selectAll(ctx, &rows, planSelect+` WHERE sp.id = ANY($1) AND `+caseScopeSQL(scope, &args), args...); err != nil {
		return nil, wrap("plans", err)
	}
	out := make(map[int]*domain.SupportPlan, len(rows))
	for i := range rows {
		out[rows[i].ID] = &rows[i]
	}
	return out, nil
}

// lockChild holds a child's row until the transaction ends. Every delivery write of the child
// takes it first, so that the rules over the child's deliveries (caps, line units, budget)
// are checked against a state nobody else changes meanwhile: fifty concurrent writers queue
// here and each sees the ones before. NO KEY UPDATE does not block rows that only refer to
// the child.
func lockChild(ctx context.Context, tx *sqlx.Tx, childID int) error {
	_, err := tx.ExecContext(ctx, `SELECT 1 FROM child WHERE id = $1 FOR NO KEY UPDATE`, childID)
	return err
}

// UnitPrice is the price of a service by a provider on a day: the provider's price in force,
// else the catalogue's.
func UnitPrice(ctx context.Context, tx *Tx, st *domain.ServiceType, providerID int, day time.Time) (domain.Money, domain.PriceSource, error) {
	prices, err := ProviderPrices(ctx, tx, providerID, st.ID)
	if err != nil {
		return 0, "", err
	}
	price, source := domain.LinePrice(st, &providerID, prices, day)
	return price, source, nil
}

func deliveryAudit(d *domain.Delivery) map[string]any {
	return map[string]any{"planId": d.PlanID, "lineKey": d.LineKey, "date": d.Date.Format(domain.DateLayout), "units": d.Units,
		"recipient": d.Recipient, "parentId": d.ParentID, "providerId": d.ProviderID, "specialistName": d.SpecialistName,
		"note": d.Note, "unitPrice": d.UnitPrice.String(), "status": d.Status, "rejectReason": d.RejectReason, "claimId": d.ClaimID}
}

// LockChildOfPlan returns a plan the scope sees and holds its child's row (lockChild), as
// every delivery write of the child does first.
func LockChildOfPlan(ctx context.Context, tx *Tx, scope domain.CaseScope, planID int) (*domain.SupportPlan, error) {
	plan, err := planInScope(ctx, tx, scope, planID)
	if err != nil {
		return nil, err
	}
	return plan, wrap("lock child", lockChild(ctx, tx, plan.ChildID))
}

// InsertDelivery records a new delivery (domain.CheckDelivery's, priced), with its change
// row and the idempotency key (if any), in one statement; it returns the delivery's id.
func InsertDelivery(ctx context.Context, tx *Tx, d *domain.Delivery, key *IdempotencyKey) (int, error) {
	audit := rowsOf(ctx, []auditEntry{{action: domain.AuditCreate, entityType: domain.EntityDelivery,
		municipalityID: &d.MunicipalityID, after: deliveryAudit(d)}})[0]
	var keyText, op *string
	var keyUser *int
	var hash []byte
	if key != nil {
		keyText, op, keyUser, hash = &key.Key, &key.Operation, &key.UserID, key.hash()
	}
	var id int
	err := tx.GetContext(ctx, &id, `WITH d AS (
			INSERT INTO service_delivery (plan_id, line_key, child_id, project_id, municipality_id, service_type_id,
				date, units, recipient, parent_id, provider_id, specialist_name, note, unit_price, price_source, status, recorded_by)
			VALUES ($1, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'RECORDED', $16) RETURNING id),
		k AS (
			INSERT INTO idempotency_key (user_id, key, operation, request_hash, result_id)
			SELECT $17, $18::uuid, $19, $20, id FROM d WHERE $18::text IS NOT NULL),
		a AS (
			INSERT INTO audit_event (actor_id, actor_role, request_id, address, action, entity_type, entity_id, municipality_id, after)
			SELECT $21, $22, $23, $24::inet, $25, $26, id, $27, $28::jsonb FROM d)
		SELECT id FROM d`,
		d.PlanID, d.LineKey, d.ChildID, d.ProjectID, d.MunicipalityID, d.ServiceTypeID, d.Date, d.Units, d.Recipient, d.ParentID,
		d.ProviderID, d.SpecialistName, d.Note, d.UnitPrice, d.PriceSource, actorID(ctx),
		keyUser, keyText, op, hash,
		audit.actorID, audit.role, audit.requestID, audit.address, audit.action, audit.entityType, audit.municipalityID, audit.after)
	if isForeignKeyViolation(err) {
		return 0, domain.FieldErrorf("providerId", "no such provider")
	}
	return id, wrap("record delivery", err)
}

// Delivery returns a delivery by id, without a scope check (what a write wrote).
func (s *Store) Delivery(ctx context.Context, id int) (*domain.Delivery, error) {
	return one(s.DeliveriesByIDs(ctx, []int{id}))
}

// LockChildAndDelivery finds a delivery the scope sees, holds its child (as every delivery
// write does) and then the delivery, and returns it as it is now.
func LockChildAndDelivery(ctx context.Context, tx *Tx, scope domain.CaseScope, id int) (*domain.Delivery, error) {
	d, err := deliveryInScope(ctx, tx, scope, id, false)
	if err != nil {
		return nil, err
	}
	if err := lockChild(ctx, tx, d.ChildID); err != nil {
		return nil, wrap("lock child", err)
	}
	return deliveryInScope(ctx, tx, scope, id, true)
}

// LockDelivery returns a delivery the scope sees, locked (FOR UPDATE).
func LockDelivery(ctx context.Context, tx *Tx, scope domain.CaseScope, id int) (*domain.Delivery, error) {
	return deliveryInScope(ctx, tx, scope, id, true)
}

// CorrectDelivery writes a correction of old as d (old.Corrected, priced): it keeps the values
// before in a correction row, and a verified delivery is RECORDED again.
func CorrectDelivery(ctx context.Context, tx *Tx, old, d *domain.Delivery, reason string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO service_delivery_correction (delivery_id, actor_id, reason, date, units, parent_id,
		specialist_name, note, unit_price, price_source, status)
		SELECT id, $2, $3, date, units, parent_id, specialist_name, note, unit_price, price_source, status FROM service_delivery WHERE id = $1`,
		old.ID, actorID(ctx), reason); err != nil {
		return wrap("correct delivery", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE service_delivery SET date = $2, units = $3, parent_id = $4, specialist_name = $5, note = $6,
		unit_price = $7, price_source = $8, status = 'RECORDED', verified_at = NULL, verified_by = NULL, version = version + 1 WHERE id = $1`,
		old.ID, d.Date, d.Units, d.ParentID, d.SpecialistName, d.Note, d.UnitPrice, d.PriceSource); err != nil {
		return wrap("correct delivery", err)
	}
	before, after := diff(deliveryAudit(old), deliveryAudit(d))
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityDelivery, entityID: id64(old.ID),
		municipalityID: &old.MunicipalityID, before: before, after: after, details: map[string]any{"reason": reason}})
}

func actorID(ctx context.Context) *int {
	if a := domain.ActorFrom(ctx); a.SignedIn() {
		return &a.UserID
	}
	return nil
}

// LockDeliveries returns the deliveries with ids that the scope sees, locked in id order by
// one statement (so that two overlapping batches cannot wait for each other); ENOTFOUND
// unless it sees them all. ids must be sorted.
func LockDeliveries(ctx context.Context, tx *Tx, scope domain.CaseScope, ids []int) ([]domain.Delivery, error) {
	args := []any{pq.Array(ids)}
	var rows []domain.Delivery
	if err := tx.SelectContext(ctx, &rows, `SELECT `+deliveryColumns+deliveryFrom+` WHERE d.id = ANY($1) AND `+
		deliveryScopeSQL(scope, &args)+` ORDER BY d.id FOR UPDATE OF d`, args...); err != nil {
		return nil, wrap("lock deliveries", err)
	}
	if len(rows) != len(ids) {
		return nil, domain.NotFound("delivery")
	}
	return rows, nil
}

// VerifyDeliveries marks the deliveries verified, with a change row each.
func VerifyDeliveries(ctx context.Context, tx *Tx, ds []domain.Delivery) error {
	ids := make([]int, len(ds))
	var audits []auditEntry
	for i := range ds {
		d := &ds[i]
		ids[i] = d.ID
		audits = append(audits, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityDelivery, entityID: id64(d.ID),
			municipalityID: &d.MunicipalityID, before: map[string]any{"status": d.Status}, after: map[string]any{"status": domain.DeliveryVerified}})
	}
	if _, err := tx.ExecContext(ctx, `UPDATE service_delivery SET status = 'VERIFIED', verified_at = now(), verified_by = $2,
		version = version + 1 WHERE id = ANY($1)`, pq.Array(ids), actorID(ctx)); err != nil {
		return wrap("verify deliveries", err)
	}
	return appendAudit(ctx, tx, audits...)
}

// RejectDelivery rejects a delivery with a reason: it counts no more.
func RejectDelivery(ctx context.Context, tx *Tx, d *domain.Delivery, reason string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE service_delivery SET status = 'REJECTED', reject_reason = $2, version = version + 1 WHERE id = $1`,
		d.ID, reason); err != nil {
		return wrap("reject delivery", err)
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityDelivery, entityID: id64(d.ID),
		municipalityID: &d.MunicipalityID, before: map[string]any{"status": d.Status},
		after: map[string]any{"status": domain.DeliveryRejected, "rejectReason": reason}})
}

const deliverySumsSQL = `SELECT plan_id, line_key::text AS line_key, status, sum(units) AS units, sum(units * unit_price) AS amount
	FROM service_delivery WHERE plan_id = ANY($1) GROUP BY plan_id, line_key, status`

// DeliverySums returns the plans' deliveries summed per line and status.
func (s *Store) DeliverySums(ctx context.Context, planIDs []int) ([]domain.DeliverySum, error) {
	var rows []domain.DeliverySum
	err := s.selectAll(ctx, &rows, deliverySumsSQL, pq.Array(planIDs))
	return rows, wrap("delivery sums", err)
}

// countedUnits reads the counting (not rejected) deliveries of the children, but except, by
// child, as the rules count them (session caps per project, care and respite per child). A
// child has hundreds of them and every write reads them all under the child's lock, so they
// are scanned into typed variables (no reflection) with the amount in cents (no decimal text).
func countedUnits(ctx context.Context, q sqlx.QueryerContext, childIDs []int, except int) (map[int][]domain.CountedUnits, error) {
	rows, err := q.QueryContext(ctx, `SELECT child_id, id, project_id, plan_id, line_key::text, service_type_id, recipient, date,
		units, (units * unit_price * 100)::bigint, provider_id, recorded_at FROM service_delivery
		WHERE child_id = ANY($1) AND status <> 'REJECTED' AND id <> $2`, pq.Array(childIDs), except)
	if err != nil {
		return nil, wrap("counted units", err)
	}
	defer rows.Close()
	out := map[int][]domain.CountedUnits{}
	for rows.Next() {
		var c domain.CountedUnits
		var childID int
		var recipient string
		var cents int64
		if err := rows.Scan(&childID, &c.ID, &c.ProjectID, &c.PlanID, &c.LineKey, &c.ServiceTypeID, &recipient, &c.Date, &c.Units, &cents, &c.ProviderID, &c.RecordedAt); err != nil {
			return nil, wrap("counted units", err)
		}
		c.Recipient, c.Amount = domain.Recipient(recipient), domain.Money(cents)
		out[childID] = append(out[childID], c)
	}
	return out, wrap("counted units", rows.Err())
}

// DeliverySumsByPlanIDs returns each plan's deliveries summed per line and status, in key order.
func (s *Store) DeliverySumsByPlanIDs(ctx context.Context, ids []int) ([][]domain.DeliverySum, []error) {
	rows, err := s.DeliverySums(ctx, ids)
	if err != nil {
		return nil, fill(len(ids), err)
	}
	groups := groupByKey(ids, rows, func(d *domain.DeliverySum) int { return d.PlanID })
	out := make([][]domain.DeliverySum, len(ids))
	for i, g := range groups {
		for _, d := range g {
			out[i] = append(out[i], *d)
		}
	}
	return out, nil
}

// DeliveryParent names the column that groups deliveries under a parent object for
// DeliveryFirstPages: a plan's or a claim's deliveries.
type DeliveryParent string

// The parents of nested delivery lists.
const (
	DeliveriesOfPlan  DeliveryParent = "d.plan_id"
	DeliveriesOfClaim DeliveryParent = "d.claim_id"
)

// DeliveryFirstPages returns, for each parent id in order, the first limit deliveries of it
// that match f (newest first, as Deliveries) and whether more follow: the nested lists of a
// page of plans or claims in one statement instead of one per parent.
func (s *Store) DeliveryFirstPages(ctx context.Context, f domain.DeliveryFilter, by DeliveryParent, ids []int, limit int) ([][]domain.Delivery, []bool, error) {
	c := deliveryWhere(f)
	// LATERAL: each parent's page comes from the (parent, date, id) index, LIMIT applied per parent.
	c.add(string(by) + " = k.id")
	query := `SELECT x.* FROM unnest(` + c.param(pq.Array(ids)) + `::int[]) WITH ORDINALITY AS k(id, n) CROSS JOIN LATERAL (
		SELECT ` + deliveryColumns + `, k.id AS parent_key` + deliveryFrom + c.sql() + `
		ORDER BY d.date DESC, d.id DESC LIMIT ` + c.param(limit+1) + `) x ORDER BY k.n, x.date DESC, x.id DESC`
	var rows []struct {
		domain.Delivery
		ParentKey int `db:"parent_key"`
	}
	if err := s.selectAll(ctx, &rows, query, c.args...); err != nil {
		return nil, nil, wrap("deliveries of parents", err)
	}
	at := make(map[int]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	pages, more := make([][]domain.Delivery, len(ids)), make([]bool, len(ids))
	for _, r := range rows {
		i := at[r.ParentKey]
		if len(pages[i]) == limit {
			more[i] = true
			continue
		}
		pages[i] = append(pages[i], r.Delivery)
	}
	return pages, more, nil
}

// CountedUnitsByChildIDs returns, for each child id in order, its counting (not rejected)
// deliveries, as CountedUnits.
func (s *Store) CountedUnitsByChildIDs(ctx context.Context, ids []int) ([][]domain.CountedUnits, []error) {
	byChild, err := countedUnits(ctx, s.db, ids, 0)
	if err != nil {
		return nil, fill(len(ids), err)
	}
	out := make([][]domain.CountedUnits, len(ids))
	for i, id := range ids {
		out[i] = byChild[id]
	}
	return out, nil
}
