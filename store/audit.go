package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
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
	reads          map[string][]int64 // a read row's records by type
}

// auditRow is one row of audit_event as inserted, with who and from where resolved.
type auditRow struct {
	actorID                              *int
	role, address, before, after, detail *string
	requestID, action, entityType        string
	entityID                             *int64
	regionID, municipalityID             *int
	reads                                *string // a read row's records as JSON, {"Child": [1, 2]}
}

// rowsOf resolves entries into rows with the actor and request of ctx.
func rowsOf(ctx context.Context, entries []auditEntry) []auditRow {
	actor := domain.ActorFrom(ctx)
	req := domain.RequestInfoFrom(ctx)
	base := auditRow{requestID: req.ID}
	if actor.SignedIn() {
		base.actorID, base.role = &actor.UserID, (*string)(&actor.Role)
	}
	if req.Address != "" {
		base.address = &req.Address
	}
	rows := make([]auditRow, len(entries))
	for i, e := range entries {
		r := base
		r.action, r.entityType, r.entityID = string(e.action), e.entityType, e.entityID
		r.regionID, r.municipalityID = e.regionID, e.municipalityID
		r.before, r.after, r.detail = jsonOrNil(e.before), jsonOrNil(e.after), jsonOrNil(e.details)
		if e.reads != nil {
			r.reads = jsonOrNil(e.reads)
		}
		rows[i] = r
	}
	return rows
}

// appendAudit writes audit rows in one statement, in the caller's transaction (or on the pool),
// so that a change and its audit row commit together.
func appendAudit(ctx context.Context, q sqlx.ExecerContext, entries ...auditEntry) error {
	return insertAudit(ctx, q, rowsOf(ctx, entries))
}

// insertAudit inserts rows, of any requests, in one statement.
func insertAudit(ctx context.Context, q sqlx.ExecerContext, rows []auditRow) error {
	if len(rows) == 0 {
		return nil
	}
	n := len(rows)
	actors, roles, requests, addresses := make([]*int, n), make([]*string, n), make([]string, n), make([]*string, n)
	actions, types := make([]string, n), make([]string, n)
	ids, regions, municipalities := make([]*int64, n), make([]*int, n), make([]*int, n)
	befores, afters, details, reads := make([]*string, n), make([]*string, n), make([]*string, n), make([]*string, n)
	for i, r := range rows {
		actors[i], roles[i], requests[i], addresses[i] = r.actorID, r.role, r.requestID, r.address
		actions[i], types[i] = r.action, r.entityType
		ids[i], regions[i], municipalities[i] = r.entityID, r.regionID, r.municipalityID
		befores[i], afters[i], details[i], reads[i] = r.before, r.after, r.detail, r.reads
	}
	_, err := q.ExecContext(ctx, `INSERT INTO audit_event
		(actor_id, actor_role, request_id, address, action, entity_type, entity_id, region_id, municipality_id, before, after, details, reads)
		SELECT u, o, q, ad::inet, a, t, e, r, m, b::jsonb, f::jsonb, d::jsonb, x::jsonb
		FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::smallint[],
			$9::int[], $10::text[], $11::text[], $12::text[], $13::text[])
			AS x(u, o, q, ad, a, t, e, r, m, b, f, d, x)`,
		pq.Array(actors), pq.Array(roles), pq.Array(requests), pq.Array(addresses),
		pq.Array(actions), pq.Array(types), pq.Array(ids), pq.Array(regions), pq.Array(municipalities),
		pq.Array(befores), pq.Array(afters), pq.Array(details), pq.Array(reads))
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

// AuditReads records the records a request read and returns once the record is durable. The
// rows go through the group-committing writer: one row per scope (region and municipality,
// which decide whose coordinators see the row) with the record ids per type, not one per record.
func (s *Store) AuditReads(ctx context.Context, refs []domain.AuditRef) error {
	return s.audit.write(ctx, rowsOf(ctx, readEntries(ctx, refs)))
}

// readEntries groups refs into one READ entry per scope, ids sorted, groups in a fixed order.
// A row of one record names it in entity_type and entity_id as a change row does; a row of
// several names the type, or "Records" when it holds several types.
func readEntries(ctx context.Context, refs []domain.AuditRef) []auditEntry {
	type scope struct{ region, municipality int } // 0 for none
	groups := map[scope]map[string][]int64{}
	for _, r := range refs {
		k := scope{derefInt(r.RegionID), derefInt(r.MunicipalityID)}
		if groups[k] == nil {
			groups[k] = map[string][]int64{}
		}
		groups[k][r.EntityType] = append(groups[k][r.EntityType], r.EntityID)
	}
	keys := slices.SortedFunc(maps.Keys(groups), func(a, b scope) int {
		return cmp.Or(cmp.Compare(a.region, b.region), cmp.Compare(a.municipality, b.municipality))
	})
	var details map[string]any
	if a := domain.ActorFrom(ctx); a.Method == domain.AuthToken {
		details = map[string]any{"tokenId": a.TokenID}
	}
	entries := make([]auditEntry, 0, len(keys))
	for _, k := range keys {
		byType := groups[k]
		e := auditEntry{action: domain.AuditRead, regionID: ptrUnlessZero(k.region), municipalityID: ptrUnlessZero(k.municipality),
			reads: byType}
		if details != nil {
			e.details = details
		}
		types := slices.Sorted(maps.Keys(byType))
		for _, t := range types {
			slices.Sort(byType[t])
		}
		e.entityType = types[0]
		if len(types) > 1 {
			e.entityType = domain.EntityRecords
		} else if ids := byType[types[0]]; len(ids) == 1 {
			e.entityID = &ids[0]
		}
		entries = append(entries, e)
	}
	return entries
}

func derefInt(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func ptrUnlessZero(v int) *int {
	if v == 0 {
		return nil
	}
	return &v
}

// AuditSignOut records that the caller signed out (one statement, on the pool).
func (s *Store) AuditSignOut(ctx context.Context) error {
	a := domain.ActorFrom(ctx)
	return appendAudit(ctx, s.db, auditEntry{action: domain.AuditSignOut, entityType: domain.EntityUser, entityID: id64(a.UserID)})
}

const auditColumns = `e.id, e.at, e.actor_id, e.actor_role, e.action, e.entity_type, e.entity_id, e.region_id, e.municipality_id,
	e.request_id, host(e.address) AS address, e.before::text AS before, e.after::text AS after, e.details::text AS details,
	e.reads::text AS reads`

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
	// A read row names its records in reads (several) or in entity_type and entity_id (one);
	// the GIN index on reads answers "who read this child" as the entity index answers changes.
	switch {
	case f.EntityType != "" && f.EntityID != nil:
		c.add("((e.entity_type = $%d AND e.entity_id = $%d) OR e.reads @> jsonb_build_object($%[1]d::text, jsonb_build_array($%[2]d::bigint)))",
			f.EntityType, *f.EntityID)
	case f.EntityType != "":
		c.add("(e.entity_type = $%d OR e.reads ? $%[1]d)", f.EntityType)
	case f.EntityID != nil:
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
