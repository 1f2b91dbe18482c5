package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"atbalsts/domain"
)

// SPA sessions: the rows of the server's session manager (scs), each with the user signed in
// to it, so that a user's sessions can be ended together.
//
// An ended session is not deleted at once but expired, and a session that has expired is
// never written again: a request of the session still in flight when it ended would otherwise
// write it back when it finishes (the session manager saves every session it loaded). The
// sweeper deletes expired rows once no request can be in flight on them.

// sessionKeep is how long an expired session's row is kept before it is deleted: far longer
// than any request runs.
const sessionKeep = time.Hour

// FindSession returns an unexpired session's data, and whether there is one.
func (s *Store) FindSession(ctx context.Context, token string) ([]byte, bool, error) {
	var data []byte
	err := s.getOne(ctx, &data, `SELECT data FROM sessions WHERE token = $1 AND now() < expiry`, token)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, wrap("find session", err)
	}
	return data, true, nil
}

// CommitSession writes a session's data, expiry and user (nil when nobody is signed in); an
// expired or ended session stays so.
func (s *Store) CommitSession(ctx context.Context, token string, data []byte, expiry time.Time, userID *int) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO sessions (token, data, expiry, user_id) VALUES ($1, $2, $3, $4)
		ON CONFLICT (token) DO UPDATE SET data = EXCLUDED.data, expiry = EXCLUDED.expiry, user_id = EXCLUDED.user_id
		WHERE sessions.expiry > now()`, token, data, expiry, userID)
	return wrap("commit session", err)
}

// EndSession ends one session (signing out).
func (s *Store) EndSession(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE sessions SET expiry = now() WHERE token = $1 AND expiry > now()`, token)
	return wrap("end session", err)
}

// EndSessionsOfUser ends every session of a user (the user locked by the caller) and says how
// many there were. When there were any, a SIGN_OUT row about the user records it, by the
// actor, with the count and why ("password change", "password reset", "deactivation").
func EndSessionsOfUser(ctx context.Context, tx *Tx, user *domain.User, why string) (int, error) {
	res, err := tx.ExecContext(ctx, `UPDATE sessions SET expiry = now() WHERE user_id = $1 AND expiry > now()`, user.ID)
	if err != nil {
		return 0, wrap("end sessions", err)
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return 0, wrap("end sessions", err)
	}
	return int(n), appendAudit(ctx, tx, auditEntry{action: domain.AuditSignOut, entityType: domain.EntityUser,
		entityID: id64(user.ID), regionID: user.AuditRegionID, details: map[string]any{"sessionsEnded": n, "because": why}})
}

// DeleteExpiredSessions removes the rows of sessions that expired (or ended) long enough ago
// and says how many.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE expiry < now() - make_interval(secs => $1)`, sessionKeep.Seconds())
	if err != nil {
		return 0, wrap("delete expired sessions", err)
	}
	return res.RowsAffected()
}
