package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/lib/pq"

	"atbalsts/domain"
)

const tokenColumns = `t.id, t.user_id, t.name, t.prefix, t.created_at, t.expires_at, t.last_used_at, t.revoked_at`

// InsertToken stores a new token's hash for t.UserID, created by the caller, and audits it.
func InsertToken(ctx context.Context, tx *Tx, t domain.NewToken, prefix string, secretHash []byte) (*domain.APIToken, error) {
	owner, err := userInTx(ctx, tx, t.UserID)
	if err != nil {
		return nil, wrap("create token", err)
	}
	var out domain.APIToken
	err = tx.GetContext(ctx, &out, `INSERT INTO api_token AS t (user_id, name, prefix, secret_hash, created_by, expires_at)
		VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING `+tokenColumns,
		t.UserID, t.Name, prefix, secretHash, domain.ActorFrom(ctx).UserID, t.ExpiresInDays)
	if err != nil {
		return nil, wrap("create token", err)
	}
	return &out, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityAPIToken,
		entityID: id64(out.ID), regionID: owner.AuditRegionID,
		after: map[string]any{"userId": t.UserID, "name": out.Name, "prefix": out.Prefix, "expiresAt": out.ExpiresAt}})
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

// AuthenticateToken finds the active user of an unrevoked, unexpired token by the hash of its
// secret, notes the use, and audits it, all in one statement. An unknown, revoked or expired
// token, or one of a deactivated user, is EUNAUTHENTICATED.
func (s *Store) AuthenticateToken(ctx context.Context, secretHash []byte) (*domain.User, int, error) {
	req := domain.RequestInfoFrom(ctx)
	var address *string
	if req.Address != "" {
		address = &req.Address
	}
	var used struct {
		TokenID int `db:"id"`
		UserID  int `db:"user_id"`
	}
	err := s.getOne(ctx, &used, `WITH used AS (
			UPDATE api_token t SET last_used_at = now()
			FROM app_user u
			WHERE t.secret_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()
				AND u.id = t.user_id AND u.active
			RETURNING t.id, t.user_id, u.role
		), audit AS (
			INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, request_id, address)
			SELECT user_id, role, 'TOKEN_USE', 'ApiToken', id, $2, $3::inet FROM used
		)
		SELECT id, user_id FROM used`, secretHash, req.ID, address)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, domain.Errorf(domain.EUNAUTHENTICATED, "the token is unknown, revoked or expired")
	}
	if err != nil {
		return nil, 0, wrap("authenticate token", err)
	}
	u, err := s.ActiveUser(ctx, used.UserID)
	if err != nil {
		return nil, 0, err
	}
	return u, used.TokenID, nil
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
