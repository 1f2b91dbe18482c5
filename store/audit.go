package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// auditEntry is one row to append to the audit log. Who and from where come from the context.
type auditEntry struct {
	action     domain.AuditAction
	entityType string
	entityID   *int64
	regionID   *int
	// a case record's municipality: the coordinators of projects it is a partner of see the row
	municipalityID *int
	before         any // marshalled to JSON when not nil
	after          any
	details        any
}

// appendAudit writes audit rows in one statement, in the caller's transaction (or on the pool),
// so that a change and its audit row commit together.
func appendAudit(ctx context.Context, q sqlx.ExecerContext, entries ...auditEntry) error {
	if len(entries) == 0 {
		return nil
	}
	actor := domain.ActorFrom(ctx)
	req := domain.RequestInfoFrom(ctx)
	var actorID *int
	var role *string
	if actor.SignedIn() {
		actorID, role = &actor.UserID, (*string)(&actor.Role)
	}
	var address *string
	if req.Address != "" {
		address = &req.Address
	}
	n := len(entries)
	actions, types := make([]string, n), make([]string, n)
	ids, regions, municipalities := make([]*int64, n), make([]*int, n), make([]*int, n)
	befores, afters, details := make([]*string, n), make([]*string, n), make([]*string, n)
	for i, e := range entries {
		actions[i], types[i] = string(e.action), e.entityType
		ids[i], regions[i], municipalities[i] = e.entityID, e.regionID, e.municipalityID
		befores[i], afters[i], details[i] = jsonOrNil(e.before), jsonOrNil(e.after), jsonOrNil(e.details)
	}
	_, err := q.ExecContext(ctx, `INSERT INTO audit_event
		(actor_id, actor_role, request_id, address, action, entity_type, entity_id, region_id, municipality_id, before, after, details)
		SELECT $1, $2, $3, $4::inet, a, t, e, r, m, b::jsonb, f::jsonb, d::jsonb
		FROM unnest($5::text[], $6::text[], $7::bigint[], $8::smallint[], $9::int[], $10::text[], $11::text[], $12::text[])
			AS x(a, t, e, r, m, b, f, d)`,
		actorID, role, req.ID, address,
		pq.Array(actions), pq.Array(types), pq.Array(ids), pq.Array(regions), pq.Array(municipalities),
		pq.Array(befores), pq.Array(afters), pq.Array(details))
	return wrap("audit", err)
}

func jsonOrNil(v any) *string {
	if v == nil {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("audit: %v cannot be marshalled: %v", v, err)) // a programming error
	}
	s := string(data)
	return &s
}

func id64(id int) *int64 {
	v := int64(id)
	return &v
}

// AuditReads appends one READ row per record, in one statement.
// Rows go in record order, whatever order the concurrent resolvers read them in.
func (s *Store) AuditReads(ctx context.Context, refs []domain.AuditRef) error {
	refs = slices.Clone(refs)
	slices.SortFunc(refs, func(a, b domain.AuditRef) int {
		return cmp.Or(strings.Compare(a.EntityType, b.EntityType), cmp.Compare(a.EntityID, b.EntityID))
	})
	entries := make([]auditEntry, len(refs))
	for i, r := range refs {
		entries[i] = auditEntry{action: domain.AuditRead, entityType: r.EntityType, entityID: &r.EntityID, regionID: r.RegionID,
			municipalityID: r.MunicipalityID}
	}
	return appendAudit(ctx, s.db, entries...)
}

// AuditSignOut records that the caller signed out (one statement, on the pool).
func (s *Store) AuditSignOut(ctx context.Context) error {
	a := domain.ActorFrom(ctx)
	return appendAudit(ctx, s.db, auditEntry{action: domain.AuditSignOut, entityType: domain.EntityUser, entityID: id64(a.UserID)})
}

const auditColumns = `e.id, e.at, e.actor_id, e.actor_role, e.action, e.entity_type, e.entity_id, e.region_id, e.municipality_id,
	e.request_id, host(e.address) AS address, e.before::text AS before, e.after::text AS after, e.details::text AS details`

// AuditKey is the position of an event in the list order (newest first).
type AuditKey struct {
	At time.Time `json:"t"` // when
	ID int64     `json:"i"` // the id, for equal times
}

// AuditEvents returns up to limit events that match f, newest first, after the given key.
func (s *Store) AuditEvents(ctx context.Context, f domain.AuditFilter, after *AuditKey, limit int) ([]domain.AuditEvent, bool, error) {
	c := auditWhere(f)
	if after != nil {
		c.add("(e.at, e.id) < ($%d, $%d)", after.At, after.ID)
	}
	query := `SELECT ` + auditColumns + ` FROM audit_event e` + c.sql() +
		` ORDER BY e.at DESC, e.id DESC LIMIT ` + c.param(limit+1)
	var rows []domain.AuditEvent
	if err := s.selectAll(ctx, &rows, query, c.args...); err != nil {
		return nil, false, wrap("audit events", err)
	}
	return page(rows, limit)
}

// CountAuditEvents counts the events that match f.
func (s *Store) CountAuditEvents(ctx context.Context, f domain.AuditFilter) (int, error) {
	c := auditWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM audit_event e`+c.sql(), c.args...)
	return n, wrap("count audit events", err)
}

// auditWhere filters by the caller's scope first: a coordinator reads the events of their
// region's records, and those of the case records they see, which belong to the partner
// municipalities of the projects their region leads (as in caseScopeSQL), wherever those lie.
func auditWhere(f domain.AuditFilter) *conds {
	c := &conds{}
	if !f.Scope.All {
		c.add(`(e.region_id = $%d OR e.municipality_id IN (SELECT pm.municipality_id
			FROM project_municipality pm JOIN project p ON p.id = pm.project_id WHERE p.lead_region_id = $%[1]d))`, f.Scope.RegionID)
	}
	if f.Action != nil {
		c.add("e.action = $%d", string(*f.Action))
	}
	if f.EntityType != "" {
		c.add("e.entity_type = $%d", f.EntityType)
	}
	if f.EntityID != nil {
		c.add("e.entity_id = $%d", *f.EntityID)
	}
	if f.ActorID != nil {
		c.add("e.actor_id = $%d", *f.ActorID)
	}
	if f.From != nil {
		c.add("e.at >= $%d", *f.From)
	}
	if f.To != nil {
		c.add("e.at < $%d", *f.To)
	}
	return c
}

// AuditEvent returns one event, if the scope covers it (else ENOTFOUND).
func (s *Store) AuditEvent(ctx context.Context, scope domain.AuditScope, id int64) (*domain.AuditEvent, error) {
	c := auditWhere(domain.AuditFilter{Scope: scope})
	c.add("e.id = $%d", id)
	var e domain.AuditEvent
	err := s.getOne(ctx, &e, `SELECT `+auditColumns+` FROM audit_event e`+c.sql(), c.args...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("audit event")
	}
	return &e, wrap("audit event", err)
}
