package store

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

const tokenColumns = `t.id, t.user_id, t.name, t.prefix, t.created_at, t.expires_at, t.last_used_at, t.revoked_at, t.kind`

// InsertToken stores a new token's hash for t.UserID, created by the caller, and audits it.
func InsertToken(ctx context.Context, tx *Tx, t domain.NewToken, prefix string, secretHash []byte) (*domain.APIToken, error) {
	owner, err := userInTx(ctx, tx, t.UserID)
	if err != nil {
		return nil, wrap("create token", err)
	}
	var out domain.APIToken
	err = tx.GetContext(ctx, &out, `INSERT INTO api_token AS t (user_id, name, prefix, secret_hash, created_by, expires_at, kind)
		VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6), $7) RETURNING `+tokenColumns,
		t.UserID, t.Name, prefix, secretHash, domain.ActorFrom(ctx).UserID, t.ExpiresInDays, t.Kind)
	if err != nil {
		return nil, wrap("create token", err)
	}
	return &out, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityAPIToken,
		entityID: id64(out.ID), regionID: owner.AuditRegionID,
		after: map[string]any{"userId": t.UserID, "name": out.Name, "prefix": out.Prefix, "expiresAt": out.ExpiresAt, "kind": out.Kind}})
}

// Token returns a token by id.
func (s *Store) Token(ctx context.Context, id int) (*domain.APIToken, error) {
	var t domain.APIToken
	err := s.getOne(ctx, &t, `SELECT `+tokenColumns+` FROM api_token t WHERE t.id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("token")
	}
	return &t, wrap("token", err)
}

// TokensByUserIDs returns, for each user id in order, the user's tokens, newest first.
func (s *Store) TokensByUserIDs(ctx context.Context, userIDs []int) ([][]*domain.APIToken, []error) {
	var rows []domain.APIToken
	err := s.selectAll(ctx, &rows, `SELECT `+tokenColumns+` FROM api_token t WHERE t.user_id = ANY($1)
		ORDER BY t.created_at DESC, t.id DESC`, pq.Array(userIDs))
	if err != nil {
		return nil, fill(len(userIDs), wrap("tokens by user", err))
	}
	return groupByKey(userIDs, rows, func(t *domain.APIToken) int { return t.UserID }), nil
}

// RevokeToken revokes a token (once: revoking it again changes nothing and records nothing)
// and audits it.
func RevokeToken(ctx context.Context, tx *Tx, id int) (*domain.APIToken, error) {
	var out domain.APIToken
	err := tx.GetContext(ctx, &out, `UPDATE api_token t SET revoked_at = now()
		WHERE t.id = $1 AND t.revoked_at IS NULL RETURNING `+tokenColumns, id)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.GetContext(ctx, &out, `SELECT `+tokenColumns+` FROM api_token t WHERE t.id = $1`, id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, domain.NotFound("token")
		}
		return &out, wrap("revoke token", err) // already revoked: nothing to record
	}
	if err != nil {
		return nil, wrap("revoke token", err)
	}
	owner, err := userInTx(ctx, tx, out.UserID)
	if err != nil {
		return nil, wrap("revoke token", err)
	}
	return &out, appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityAPIToken,
		entityID: id64(out.ID), regionID: owner.AuditRegionID,
		before: map[string]any{"revokedAt": nil}, after: map[string]any{"revokedAt": out.RevokedAt}})
}

// RevokeTokensOfUser revokes every working token of a user (the user locked by the caller),
// each audited as RevokeToken audits one, and says how many.
func RevokeTokensOfUser(ctx context.Context, tx *Tx, user *domain.User) (int, error) {
	var revoked []domain.APIToken
	err := tx.SelectContext(ctx, &revoked, `UPDATE api_token t SET revoked_at = now()
		WHERE t.user_id = $1 AND t.revoked_at IS NULL AND t.expires_at > now() RETURNING `+tokenColumns, user.ID)
	if err != nil {
		return 0, wrap("revoke tokens", err)
	}
	entries := make([]auditEntry, len(revoked))
	for i, t := range revoked {
		entries[i] = auditEntry{action: domain.AuditUpdate, entityType: domain.EntityAPIToken, entityID: id64(t.ID),
			regionID: user.AuditRegionID, before: map[string]any{"revokedAt": nil}, after: map[string]any{"revokedAt": t.RevokedAt}}
	}
	return len(revoked), appendAudit(ctx, tx, entries...)
}

// AuthenticateToken finds the active user of an unrevoked, unexpired token by the hash of its
// secret, in one read, and returns them as the actor of a request with that token (of its
// kind). An unknown, revoked or expired token, or one of a deactivated user, is
// EUNAUTHENTICATED. Its use is noted (last_used_at and a TOKEN_USE audit row) at most once a
// minute per token, in the background: an UPDATE of the token's row on every request was most
// of the database's time under load, waiting on that row's lock.
func (s *Store) AuthenticateToken(ctx context.Context, secretHash []byte) (domain.Actor, error) {
	var row struct {
		userRow
		TokenID   int              `db:"token_id"`
		TokenKind domain.TokenKind `db:"token_kind"`
		LastUsed  *time.Time       `db:"token_last_used_at"`
	}
	err := s.getOne(ctx, &row, `WITH t AS (
			SELECT t.id, t.user_id, t.kind, t.last_used_at FROM api_token t
			WHERE t.secret_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now())
		`+strings.Replace(userSelect, "SELECT ", "SELECT t.id AS token_id, t.kind AS token_kind, t.last_used_at AS token_last_used_at, ", 1)+`
		JOIN t ON t.user_id = u.id WHERE u.active`, secretHash)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Actor{}, domain.Errorf(domain.EUNAUTHENTICATED, "the token is unknown, revoked or expired")
	}
	if err != nil {
		return domain.Actor{}, wrap("authenticate token", err)
	}
	u := row.toModel()
	if row.LastUsed == nil || time.Since(*row.LastUsed) >= tokenUseInterval {
		s.tokens.note(tokenUse{tokenID: row.TokenID, userID: u.ID, role: u.Role, req: domain.RequestInfoFrom(ctx)})
	}
	return domain.ActorOfToken(&u, row.TokenID, row.TokenKind), nil
}

// tokenUseInterval is how often a token's use is noted at most.
const tokenUseInterval = time.Minute

// tokenUse is a request's use of a token, to note.
type tokenUse struct {
	tokenID, userID int
	role            domain.Role
	req             domain.RequestInfo
}

// tokenToucher notes token use off the request path: the request only queues the use (never
// waits), and a token already noted in the last interval is skipped in memory and, across
// server instances, by the UPDATE's own condition.
type tokenToucher struct {
	db      *sqlx.DB
	queue   chan tokenUse
	mu      sync.Mutex
	noted   map[int]time.Time // token id -> when last queued by this instance
	stop    chan struct{}
	stopped chan struct{}
	once    sync.Once
}

func newTokenToucher(db *sqlx.DB) *tokenToucher {
	t := &tokenToucher{db: db, queue: make(chan tokenUse, 256), noted: map[int]time.Time{},
		stop: make(chan struct{}), stopped: make(chan struct{})}
	go t.run()
	return t
}

// note queues a use unless this token was queued within the interval or the queue is full
// (then a later request notes it).
func (t *tokenToucher) note(u tokenUse) {
	now := time.Now()
	t.mu.Lock()
	if last, ok := t.noted[u.tokenID]; ok && now.Sub(last) < tokenUseInterval {
		t.mu.Unlock()
		return
	}
	t.noted[u.tokenID] = now
	if len(t.noted) > 10000 { // forget old entries rather than grow without bound
		for id, at := range t.noted {
			if now.Sub(at) >= tokenUseInterval {
				delete(t.noted, id)
			}
		}
	}
	t.mu.Unlock()
	select {
	case t.queue <- u:
	default:
		t.mu.Lock()
		delete(t.noted, u.tokenID)
		t.mu.Unlock()
	}
}

func (t *tokenToucher) run() {
	defer close(t.stopped)
	for {
		select {
		case u := <-t.queue:
			t.touch(u)
		case <-t.stop:
			for {
				select {
				case u := <-t.queue:
					t.touch(u)
				default:
					return
				}
			}
		}
	}
}

func (t *tokenToucher) touch(u tokenUse) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var address *string
	if u.req.Address != "" {
		address = &u.req.Address
	}
	_, err := t.db.ExecContext(ctx, `WITH used AS (
			UPDATE api_token SET last_used_at = now()
			WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $5))
			RETURNING id)
		INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, request_id, address)
		SELECT $2, $3, 'TOKEN_USE', 'ApiToken', id, $4, $6::inet FROM used`,
		u.tokenID, u.userID, string(u.role), u.req.ID, tokenUseInterval.Seconds(), address)
	if err != nil {
		slog.Error("note token use", "token", u.tokenID, "err", err)
	}
}

func (t *tokenToucher) close() {
	t.once.Do(func() { close(t.stop) })
	<-t.stopped
}

const providerColumns = `p.id, p.name, p.registration_number`

// ProviderKey is the position of a provider in the list order (name, id).
type ProviderKey struct {
	Name string `json:"n"` // the name
	ID   int    `json:"i"` // the id, for equal names
}

// Providers returns up to limit providers by name after the given key, and whether more follow.
func (s *Store) Providers(ctx context.Context, after *ProviderKey, limit int) ([]domain.Provider, bool, error) {
	c := &conds{}
	if after != nil {
		c.add("(p.name, p.id) > ($%d, $%d)", after.Name, after.ID)
	}
	query := `SELECT ` + providerColumns + ` FROM provider p` + c.sql() + ` ORDER BY p.name, p.id LIMIT ` + c.param(limit+1)
	var rows []domain.Provider
	err := s.selectAll(ctx, &rows, query, c.args...)
	if err != nil {
		return nil, false, wrap("providers", err)
	}
	return page(rows, limit)
}

// CountProviders counts the providers.
func (s *Store) CountProviders(ctx context.Context) (int, error) {
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM provider`)
	return n, wrap("count providers", err)
}

// ProvidersByIDs returns the providers with the given ids, in key order.
func (s *Store) ProvidersByIDs(ctx context.Context, ids []int) ([]*domain.Provider, []error) {
	var rows []domain.Provider
	if err := s.selectAll(ctx, &rows, `SELECT `+providerColumns+` FROM provider p WHERE p.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("providers by id", err))
	}
	return byKey(ids, rows, func(p *domain.Provider) int { return p.ID }, notFound("provider"))
}

// InsertProvider adds a provider organisation and audits it.
func InsertProvider(ctx context.Context, tx *Tx, name, registrationNumber string) (*domain.Provider, error) {
	var p domain.Provider
	err := tx.GetContext(ctx, &p, `INSERT INTO provider AS p (name, registration_number) VALUES ($1, $2)
		RETURNING `+providerColumns, name, registrationNumber)
	if isUniqueViolation(err) {
		return nil, domain.FieldErrorf("registrationNumber", "a provider with this registration number exists already")
	}
	if err != nil {
		return nil, wrap("create provider", err)
	}
	return &p, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: "Provider", entityID: id64(p.ID),
		after: map[string]string{"name": name, "registrationNumber": registrationNumber}})
}
