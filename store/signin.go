package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"

	"atbalsts/domain"
)

// SignIn checks an email and password and returns the active user they belong to. Failed
// attempts are rate limited per account (the email tried, whether or not it exists) and per
// address, counted from the audit log, so every server instance sees the same count. Advisory
// locks on the email and the address serialise concurrent attempts, so that fifty parallel
// guesses cannot all pass the count before any failure is written. check compares the password
// with the stored hash (nil when there is none or no such user).
func (s *Store) SignIn(ctx context.Context, email, address string, check func(hash *string) bool) (*domain.User, error) {
	var user *domain.User
	var failure error
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Email before address in every transaction: no two attempts wait for each other in a cycle.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('sign-in email ' || $1, 0))`, email); err != nil {
			return err
		}
		if address != "" {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('sign-in address ' || $1, 0))`, address); err != nil {
				return err
			}
		}
		limited, err := signInLimited(ctx, tx, email, address)
		if err != nil {
			return err
		}
		if limited {
			failure = domain.ErrTooManySignIns
			return appendAudit(ctx, tx, failedSignIn(email, "rate limited"))
		}

		var row struct {
			ID   int     `db:"id"`
			Hash *string `db:"password_hash"`
		}
		err = tx.GetContext(ctx, &row, `SELECT id, password_hash FROM app_user WHERE email = $1 AND active`, email)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if !check(row.Hash) || row.ID == 0 {
			failure = domain.ErrBadCredentials
			return appendAudit(ctx, tx, failedSignIn(email, ""))
		}
		if _, err := tx.ExecContext(ctx, `UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, row.ID); err != nil {
			return err
		}
		if user, err = userInTx(ctx, tx, row.ID); err != nil {
			return err
		}
		// The actor of the sign-in event is the user now signed in.
		signedIn := domain.WithActor(ctx, domain.ActorOf(user, domain.AuthSession, 0))
		return appendAudit(signedIn, tx, auditEntry{action: domain.AuditSignIn, entityType: domain.EntityUser,
			entityID: id64(user.ID), regionID: user.AuditRegionID})
	})
	if err != nil {
		return nil, wrap("sign in", err)
	}
	if failure != nil {
		return nil, failure
	}
	return user, nil
}

// failedSignIn is the audit row of a failed attempt. It names the email tried, which is how
// attempts are counted per account, but no user: the account may not exist.
func failedSignIn(email, reason string) auditEntry {
	details := map[string]string{"email": email}
	if reason != "" {
		details["reason"] = reason
	}
	return auditEntry{action: domain.AuditSignInFailed, entityType: domain.EntityUser, details: details}
}

// signInLimited tells whether the email or the address has had too many failed sign-ins in the
// window. For the account, only failures after its last successful sign-in count.
func signInLimited(ctx context.Context, tx *sqlx.Tx, email, address string) (bool, error) {
	since := time.Now().Add(-domain.SignInWindow)
	var perAccount, perAddress int
	err := tx.GetContext(ctx, &perAccount, `SELECT count(*) FROM audit_event e
		WHERE e.action = 'SIGN_IN_FAILED' AND e.details ->> 'email' = $1 AND e.at > $2
		AND e.at > coalesce((SELECT u.last_sign_in_at FROM app_user u WHERE u.email = $1), '-infinity')`, email, since)
	if err != nil {
		return false, err
	}
	if address != "" {
		err = tx.GetContext(ctx, &perAddress, `SELECT count(*) FROM audit_event e
			WHERE e.action = 'SIGN_IN_FAILED' AND e.address = $1::inet AND e.at > $2`, address, since)
		if err != nil {
			return false, err
		}
	}
	return perAccount >= domain.MaxFailuresPerAccount || perAddress >= domain.MaxFailuresPerAddress, nil
}

// DeleteExpiredSessions removes SPA sessions past their expiry and says how many.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE expiry < now()`)
	if err != nil {
		return 0, wrap("delete expired sessions", err)
	}
	return res.RowsAffected()
}
