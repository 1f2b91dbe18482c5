package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// userRow is an app_user row with its municipalities and the region its audit events belong to.
type userRow struct {
	domain.User
	MunicipalityIDs pq.Int64Array `db:"municipality_ids"`
	AuditRegionID   *int          `db:"audit_region_id"`
}

func (r *userRow) toModel() domain.User {
	u := r.User
	u.MunicipalityIDs = make([]int, len(r.MunicipalityIDs))
	for i, id := range r.MunicipalityIDs {
		u.MunicipalityIDs[i] = int(id)
	}
	u.AuditRegionID = r.AuditRegionID
	return u
}

// userSelect reads users with their municipalities (in Latvian name order). A user's events
// belong to their region: a coordinator's own, or the one region all of a worker's
// municipalities lie in.
const userSelect = `SELECT u.id, u.email, u.name, u.role, u.region_id, u.provider_id, u.active, u.created_at,
	u.last_sign_in_at, u.version, coalesce(um.ids, '{}') AS municipality_ids,
	coalesce(u.region_id, um.region_id) AS audit_region_id,
	encode(sha256(convert_to(coalesce(u.password_hash, ''), 'UTF8')), 'hex') AS password_stamp
	FROM app_user u
	LEFT JOIN LATERAL (
		SELECT array_agg(m.id ORDER BY m.name, m.id) AS ids,
			CASE WHEN count(DISTINCT m.region_id) = 1 THEN min(m.region_id) END AS region_id
		FROM app_user_municipality x JOIN municipality m ON m.id = x.municipality_id
		WHERE x.user_id = u.id
	) um ON true`

func toUsers(rows []userRow) []domain.User {
	out := make([]domain.User, len(rows))
	for i := range rows {
		out[i] = rows[i].toModel()
	}
	return out
}

// UsersByIDs returns the users with the given ids, in key order.
func (s *Store) UsersByIDs(ctx context.Context, ids []int) ([]*domain.User, []error) {
	var rows []userRow
	if err := s.selectAll(ctx, &rows, userSelect+` WHERE u.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("users by id", err))
	}
	return byKey(ids, toUsers(rows), func(u *domain.User) int { return u.ID }, notFound("user"))
}

// ActiveUser returns an active user by id: what a session or token stands for. A deactivated
// or unknown user is ENOTFOUND.
func (s *Store) ActiveUser(ctx context.Context, id int) (*domain.User, error) {
	var row userRow
	err := s.getOne(ctx, &row, userSelect+` WHERE u.id = $1 AND u.active`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("user")
	}
	if err != nil {
		return nil, wrap("active user", err)
	}
	u := row.toModel()
	return &u, nil
}

// UserKey is the position of a user in the list order (name, id).
type UserKey struct {
	Name string `json:"n"` // the name
	ID   int    `json:"i"` // the id, for equal names
}

// Users returns up to limit users that match f, by name, after the given key, and whether
// more follow.
func (s *Store) Users(ctx context.Context, f domain.UserFilter, after *UserKey, limit int) ([]domain.User, bool, error) {
	c := userWhere(f)
	if after != nil {
		c.add("(u.name, u.id) > ($%d, $%d)", after.Name, after.ID)
	}
	query := userSelect + c.sql() + ` ORDER BY u.name, u.id LIMIT ` + c.param(limit+1)
	var rows []userRow
	err := s.selectAll(ctx, &rows, query, c.args...)
	if err != nil {
		return nil, false, wrap("users", err)
	}
	return page(toUsers(rows), limit)
}

// CountUsers counts the users that match f.
func (s *Store) CountUsers(ctx context.Context, f domain.UserFilter) (int, error) {
	c := userWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM app_user u`+c.sql(), c.args...)
	return n, wrap("count users", err)
}

func userWhere(f domain.UserFilter) *conds {
	c := &conds{}
	if f.Role != nil {
		c.add("u.role = $%d", string(*f.Role))
	}
	if f.Active != nil {
		c.add("u.active = $%d", *f.Active)
	}
	if f.Search != "" {
		c.add("(u.name ILIKE $%d OR u.email ILIKE $%[1]d)", "%"+escapeLike(f.Search)+"%")
	}
	return c
}

// userAudit is what the audit log keeps of a user: every field an admin can change, never the
// password hash.
type userAudit struct {
	Email           string      `json:"email"`
	Name            string      `json:"name"`
	Role            domain.Role `json:"role"`
	RegionID        *int        `json:"regionId"`
	MunicipalityIDs []int       `json:"municipalityIds"`
	ProviderID      *int        `json:"providerId"`
	Active          bool        `json:"active"`
}

func auditOfUser(u *domain.User) userAudit {
	return userAudit{u.Email, u.Name, u.Role, u.RegionID, slices.Sorted(slices.Values(u.MunicipalityIDs)), u.ProviderID, u.Active}
}

// The user writes: the service (service.Users) locks the user with LockUser, decides with
// domain rules, and then calls these. Each writes its change row to the audit log in the same
// transaction.

// InsertUser writes a new user with an already hashed password and returns it.
func InsertUser(ctx context.Context, tx *Tx, u domain.NewUser, passwordHash string) (*domain.User, error) {
	var id int
	err := tx.GetContext(ctx, &id, `INSERT INTO app_user (email, name, role, region_id, provider_id, password_hash)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		u.Email, u.Name, string(u.Scope.Role), u.Scope.RegionID, u.Scope.ProviderID, passwordHash)
	if isUniqueViolation(err) {
		return nil, domain.FieldErrorf("email", "a user with the email %s exists already", u.Email)
	}
	if err != nil {
		return nil, wrap("create user", err)
	}
	if err := setMunicipalities(ctx, tx, id, u.Scope.MunicipalityIDs); err != nil {
		return nil, wrap("create user", err)
	}
	created, err := userInTx(ctx, tx, id)
	if err != nil {
		return nil, wrap("create user", err)
	}
	return created, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityUser,
		entityID: id64(id), regionID: created.AuditRegionID, after: auditOfUser(created)})
}

// UpdateUser writes a user's new name, role and scope (the user locked as before) and audits
// the fields that changed.
func UpdateUser(ctx context.Context, tx *Tx, before *domain.User, c domain.UserChange) (*domain.User, error) {
	_, err := tx.ExecContext(ctx, `UPDATE app_user SET name = $2, role = $3, region_id = $4, provider_id = $5,
		version = version + 1 WHERE id = $1`, c.ID, c.Name, string(c.Scope.Role), c.Scope.RegionID, c.Scope.ProviderID)
	if err != nil {
		return nil, wrap("update user", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM app_user_municipality WHERE user_id = $1`, c.ID); err != nil {
		return nil, wrap("update user", err)
	}
	if err := setMunicipalities(ctx, tx, c.ID, c.Scope.MunicipalityIDs); err != nil {
		return nil, wrap("update user", err)
	}
	updated, err := userInTx(ctx, tx, c.ID)
	if err != nil {
		return nil, wrap("update user", err)
	}
	return updated, auditUserChange(ctx, tx, before, updated)
}

// UpdateUserActive activates or deactivates a user (locked as before) and audits it. A
// deactivated user's sessions and tokens stop working at once, because every request loads its
// user as active.
func UpdateUserActive(ctx context.Context, tx *Tx, before *domain.User, active bool) (*domain.User, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE app_user SET active = $2, version = version + 1 WHERE id = $1`, before.ID, active); err != nil {
		return nil, wrap("set user active", err)
	}
	updated, err := userInTx(ctx, tx, before.ID)
	if err != nil {
		return nil, wrap("set user active", err)
	}
	return updated, auditUserChange(ctx, tx, before, updated)
}

// UpdatePassword replaces a (locked) user's password hash. The audit row says that the
// password changed, never what it is.
func UpdatePassword(ctx context.Context, tx *Tx, id int, passwordHash string) (*domain.User, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE app_user SET password_hash = $2, version = version + 1 WHERE id = $1`, id, passwordHash); err != nil {
		return nil, wrap("set password", err)
	}
	updated, err := userInTx(ctx, tx, id)
	if err != nil {
		return nil, wrap("set password", err)
	}
	hidden := map[string]string{"password": "(hidden)"}
	return updated, appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityUser,
		entityID: id64(id), regionID: updated.AuditRegionID, before: hidden, after: map[string]string{"password": "(changed)"}})
}

// PasswordHash returns an active user's password hash (nil when none is set), in the
// password change's transaction, which holds its throttle's lock.
func PasswordHash(ctx context.Context, tx *Tx, id int) (*string, error) {
	var hash *string
	err := tx.GetContext(ctx, &hash, `SELECT password_hash FROM app_user WHERE id = $1 AND active`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("user")
	}
	return hash, wrap("password hash", err)
}

// auditUserChange appends an UPDATE row with only the fields that changed.
func auditUserChange(ctx context.Context, tx *sqlx.Tx, before, after *domain.User) error {
	b, a := diff(auditOfUser(before), auditOfUser(after))
	if len(a) == 0 {
		return nil
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityUser,
		entityID: id64(after.ID), regionID: after.AuditRegionID, before: b, after: a})
}

// diff returns the fields of two JSON-marshallable structs that differ, before and after.
func diff(before, after any) (map[string]any, map[string]any) {
	var b, a map[string]any
	bj, _ := json.Marshal(before)
	aj, _ := json.Marshal(after)
	_ = json.Unmarshal(bj, &b)
	_ = json.Unmarshal(aj, &a)
	outB, outA := map[string]any{}, map[string]any{}
	for k, av := range a {
		bv := b[k]
		if fmt.Sprint(av) != fmt.Sprint(bv) {
			outB[k], outA[k] = bv, av
		}
	}
	return outB, outA
}

// LockUser locks a user against other changes (FOR UPDATE) and returns it.
func LockUser(ctx context.Context, tx *Tx, id int) (*domain.User, error) {
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, id); err != nil {
		return nil, wrap("lock user", err)
	}
	u, err := userInTx(ctx, tx, id)
	return u, wrap("lock user", err)
}

func userInTx(ctx context.Context, tx *sqlx.Tx, id int) (*domain.User, error) {
	var row userRow
	err := tx.GetContext(ctx, &row, userSelect+` WHERE u.id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("user")
	}
	if err != nil {
		return nil, err
	}
	u := row.toModel()
	return &u, nil
}

// ScopeFacts reads which of the region, municipalities and provider a user scope names exist
// (domain.CheckScopeExists decides), one statement each that the scope names.
func ScopeFacts(ctx context.Context, tx *Tx, sc domain.UserScope) (domain.ScopeFacts, error) {
	var f domain.ScopeFacts
	if sc.RegionID != nil {
		if err := tx.GetContext(ctx, &f.RegionExists, `SELECT EXISTS (SELECT 1 FROM planning_region WHERE id = $1)`, *sc.RegionID); err != nil {
			return f, wrap("scope region", err)
		}
	}
	if len(sc.MunicipalityIDs) > 0 {
		ids := slices.Compact(slices.Sorted(slices.Values(sc.MunicipalityIDs)))
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM municipality WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
			return f, wrap("scope municipalities", err)
		}
		f.MunicipalitiesExist = n == len(ids)
	}
	if sc.ProviderID != nil {
		if err := tx.GetContext(ctx, &f.ProviderExists, `SELECT EXISTS (SELECT 1 FROM provider WHERE id = $1)`, *sc.ProviderID); err != nil {
			return f, wrap("scope provider", err)
		}
	}
	return f, nil
}

func setMunicipalities(ctx context.Context, tx *sqlx.Tx, userID int, ids []int) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO app_user_municipality (user_id, municipality_id)
		SELECT $1, m FROM unnest($2::int[]) AS m ON CONFLICT DO NOTHING`, userID, pq.Array(ids))
	return err
}

// UserExists tells whether a user has the email.
func (s *Store) UserExists(ctx context.Context, email string) (bool, error) {
	var exists bool
	err := s.getOne(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM app_user WHERE email = $1)`, email)
	return exists, wrap("user exists", err)
}
