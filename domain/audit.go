package domain

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"
)

// AuditAction is what an audit event records.
type AuditAction string

// The audited actions.
const (
	AuditRead         AuditAction = "READ"
	AuditCreate       AuditAction = "CREATE"
	AuditUpdate       AuditAction = "UPDATE"
	AuditDelete       AuditAction = "DELETE"
	AuditSignIn       AuditAction = "SIGN_IN"
	AuditSignInFailed AuditAction = "SIGN_IN_FAILED"
	AuditSignOut      AuditAction = "SIGN_OUT"
	AuditTokenUse     AuditAction = "TOKEN_USE"
	AuditExport       AuditAction = "EXPORT"
)

// AuditActions lists every audited action.
var AuditActions = []AuditAction{AuditRead, AuditCreate, AuditUpdate, AuditDelete, AuditSignIn, AuditSignInFailed,
	AuditSignOut, AuditTokenUse, AuditExport}

// Entity types named in the audit log; they match the GraphQL type names.
const (
	EntityUser     = "User"
	EntityAPIToken = "ApiToken"
	// EntityRecords is the entity type of a read row that holds records of several types.
	EntityRecords = "Records"
)

// AuditEvent is one entry of the append-only audit log.
type AuditEvent struct {
	ID         int64       `db:"id"`          // database id, increasing
	At         time.Time   `db:"at"`          // when it happened
	ActorID    *int        `db:"actor_id"`    // who did it; nil when anonymous
	ActorRole  *Role       `db:"actor_role"`  // their role then
	Action     AuditAction `db:"action"`      // what happened
	EntityType string      `db:"entity_type"` // the type of the record concerned
	EntityID   *int64      `db:"entity_id"`   // the record, when there is one
	RegionID   *int        `db:"region_id"`   // the region of the record, for its coordinator
	// a case record's municipality: the coordinators of the projects it is a partner of see
	// the row, as they see the record (see domain.CanReadCases)
	MunicipalityID *int    `db:"municipality_id"`
	RequestID      string  `db:"request_id"` // the HTTP request
	Address        *string `db:"address"`    // the caller's network address
	Before         *string `db:"before"`     // changes: the changed fields before, as JSON
	After          *string `db:"after"`      // changes: the changed fields after, as JSON
	Details        *string `db:"details"`    // anything else, as JSON (e.g. a failed sign-in's email)
	// a read row's records by type, as JSON {"Child": [12, 14]}; nil for other rows and for
	// read rows written one per record (before the log was partitioned)
	Reads *string `db:"reads"`
}

// ReadSets returns a read row's records by type, types in name order; for a row of one record
// (written before reads were grouped) that record.
func (e AuditEvent) ReadSets() ([]ReadSet, error) {
	if e.Reads == nil {
		if e.Action == AuditRead && e.EntityID != nil {
			return []ReadSet{{EntityType: e.EntityType, IDs: []int64{*e.EntityID}}}, nil
		}
		return nil, nil
	}
	var byType map[string][]int64
	if err := json.Unmarshal([]byte(*e.Reads), &byType); err != nil {
		return nil, fmt.Errorf("audit event %d: reads: %w", e.ID, err)
	}
	sets := make([]ReadSet, 0, len(byType))
	for _, t := range slices.Sorted(maps.Keys(byType)) {
		sets = append(sets, ReadSet{EntityType: t, IDs: byType[t]})
	}
	return sets, nil
}

// ReadSet is the records of one type that a request read.
type ReadSet struct {
	EntityType string
	IDs        []int64
}

// AuditFilter selects audit events; zero fields select everything in the scope.
type AuditFilter struct {
	Scope      AuditScope   // what the caller may see
	Action     *AuditAction // only this action
	EntityType string       // only records of this type
	EntityID   *int64       // only this record
	ActorID    *int         // only this user's events
	From, To   *time.Time   // only events in [From, To)
}

// RequestInfo is what the audit log records of the HTTP request.
type RequestInfo struct {
	ID      string // the request id, as in the logs and X-Request-Id
	Address string // the caller's network address (IP, no port)
}

type requestKey struct{}

// WithRequestInfo returns a context that carries the request's id and address.
func WithRequestInfo(ctx context.Context, r RequestInfo) context.Context {
	return context.WithValue(ctx, requestKey{}, r)
}

// RequestInfoFrom returns the request info carried by ctx.
func RequestInfoFrom(ctx context.Context) RequestInfo {
	r, _ := ctx.Value(requestKey{}).(RequestInfo)
	return r
}

// AuditRef names a record that was read.
type AuditRef struct {
	EntityType     string // e.g. "Child"
	EntityID       int64  // its database id
	RegionID       *int   // its region, for the coordinator's view of the log
	MunicipalityID *int   // a case record's municipality, whose projects' coordinators see the row
}

// ReadLog collects the records of personal data a request has read, once each, so that they
// are written to the audit log in one batch before the response leaves. Resolvers run
// concurrently, so it locks.
type ReadLog struct {
	mu   sync.Mutex
	seen map[AuditRef]bool // records read, and those written, which need no read row
	refs []AuditRef
}

// Add records that a record was read; a record read twice in a request counts once.
func (l *ReadLog) Add(ref AuditRef) {
	l.mu.Lock()
	defer l.mu.Unlock()
	key := AuditRef{EntityType: ref.EntityType, EntityID: ref.EntityID}
	if l.seen[key] {
		return
	}
	if l.seen == nil {
		l.seen = map[AuditRef]bool{}
	}
	l.seen[key] = true
	l.refs = append(l.refs, ref)
}

// Wrote marks a record the request has written: its change row records it, so reading it back
// in the same request adds no read row.
func (l *ReadLog) Wrote(ref AuditRef) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen == nil {
		l.seen = map[AuditRef]bool{}
	}
	l.seen[AuditRef{EntityType: ref.EntityType, EntityID: ref.EntityID}] = true
}

// Take returns the records collected so far and empties the log.
func (l *ReadLog) Take() []AuditRef {
	l.mu.Lock()
	defer l.mu.Unlock()
	refs := l.refs
	l.refs = nil
	return refs
}

type readLogKey struct{}

// WithReadLog returns a context with a fresh read log.
func WithReadLog(ctx context.Context) (context.Context, *ReadLog) {
	l := &ReadLog{}
	return context.WithValue(ctx, readLogKey{}, l), l
}

// ReadLogFrom returns the read log of the request in ctx, or nil.
func ReadLogFrom(ctx context.Context) *ReadLog {
	l, _ := ctx.Value(readLogKey{}).(*ReadLog)
	return l
}

// AuditReads records that the caller read these records of personal data. Every resolver that
// returns a child's or parent's personal data (or a user record to someone else) calls it.
func AuditReads(ctx context.Context, refs ...AuditRef) {
	l, _ := ctx.Value(readLogKey{}).(*ReadLog)
	if l == nil {
		// A read outside a request with a read log would go unrecorded: refuse loudly in
		// development rather than leak silently.
		panic("domain.AuditReads: no read log in the context")
	}
	for _, r := range refs {
		l.Add(r)
	}
}

// AuditCaseRead records that the caller read a case record of a child declared in a
// municipality (the coordinators who see the record see the row).
func AuditCaseRead(ctx context.Context, entityType string, id, municipalityID int) {
	m := municipalityID
	AuditReads(ctx, AuditRef{EntityType: entityType, EntityID: int64(id), MunicipalityID: &m})
}

// AuditWrote tells the request's read log that a record was written (see ReadLog.Wrote).
func AuditWrote(ctx context.Context, ref AuditRef) {
	if l, _ := ctx.Value(readLogKey{}).(*ReadLog); l != nil {
		l.Wrote(ref)
	}
}

// Entity types of the case registry in the audit log.
const (
	EntityProject      = "Project"
	EntityChild        = "Child"
	EntityParent       = "Parent"
	EntityApplication  = "Application"
	EntityAssessment   = "Assessment"
	EntitySupportPlan  = "SupportPlan"
	EntityPlanRevision = "PlanRevision"
	EntityDelivery     = "ServiceDelivery"
	EntityClaim        = "CompensationClaim"
)
