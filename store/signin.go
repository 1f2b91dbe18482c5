package store

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"time"

	"atbalsts/domain"
)

// Sign-in: the service (service.Sessions) locks the attempt with LockSignIn, reads the
// failures with SignInFailures, reads the account with SignInAccount, decides with domain
// rules (CheckSignInRate, CheckCredentials), and records the outcome with SignedIn or
// FailedSignIn.
//
// Failed attempts are throttled per account (the email tried, whether or not it exists) and
// per address (domain.SignInWait has the rule), counted from the audit log, so every server
// instance sees the same count. Advisory locks on the email and the address serialise
// concurrent attempts, so that fifty parallel guesses cannot all pass the count before any
// failure is written.

// LockSignIn takes the attempt's advisory locks: on the email, and on the address when known.
func LockSignIn(ctx context.Context, tx *Tx, email, address string) error {
	address = throttledBlock(address)
	// Email before address in every transaction: no two attempts wait for each other in a cycle.
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('sign-in email ' || $1, 0))`, email); err != nil {
		return wrap("sign in", err)
	}
	if address != "" {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('sign-in address ' || $1, 0))`, address); err != nil {
			return wrap("sign in", err)
		}
	}
	return nil
}

// SignInAccount returns the id and password hash of the active user with the email (0 and nil
// when there is none; the hash is nil when none is set).
func SignInAccount(ctx context.Context, tx *Tx, email string) (int, *string, error) {
	var row struct {
		ID   int     `db:"id"`
		Hash *string `db:"password_hash"`
	}
	err := tx.GetContext(ctx, &row, `SELECT id, password_hash FROM app_user WHERE email = $1 AND active`, email)
	if errors.Is(err, sql.ErrNoRows) {
		// Not row.Hash: sqlx allocates the struct's pointer fields before it learns that there
		// is no row, so it points at "", which failed to decode at once and skipped the dummy
		// hash: an unknown email answered a hash's time (20-60 ms) sooner than a known one.
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, wrap("sign in", err)
	}
	return row.ID, row.Hash, nil
}

// SignedIn stamps a user's sign-in, returns the user, and audits the sign-in as theirs.
func SignedIn(ctx context.Context, tx *Tx, userID int) (*domain.User, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, userID); err != nil {
		return nil, wrap("sign in", err)
	}
	user, err := userInTx(ctx, tx, userID)
	if err != nil {
		return nil, wrap("sign in", err)
	}
	// The actor of the sign-in event is the user now signed in.
	signedIn := domain.WithActor(ctx, domain.ActorOf(user, domain.AuthSession, 0))
	return user, appendAudit(signedIn, tx, auditEntry{action: domain.AuditSignIn, entityType: domain.EntityUser,
		entityID: id64(user.ID), regionID: user.AuditRegionID})
}

// FailedSignIn audits a failed attempt with the email tried; reason is "rate limited" for an
// attempt refused by the throttle (not a failure that SignInFailures counts), else empty.
func FailedSignIn(ctx context.Context, tx *Tx, email, reason string) error {
	return appendAudit(ctx, tx, failedSignIn(email, reason))
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

// SignInFailures reads the failed sign-ins since the window's start that domain.SignInWait
// weighs: of the email (for an existing account, only those after its last successful
// sign-in), of the email from the address, and of the address (none when it is unknown).
// Attempts refused by the throttle (a reason in their details) are not failures: their
// password was never checked.
func SignInFailures(ctx context.Context, tx *Tx, email, address string, since time.Time) (domain.SignInFailures, error) {
	var f domain.SignInFailures
	address = throttledBlock(address)
	var addr *string
	if address != "" {
		addr = &address
	}
	row := struct {
		Account            int        `db:"account"`
		AccountFromAddress int        `db:"account_from_address"`
		AccountLast        *time.Time `db:"account_last"`
	}{}
	// An unknown address ($3 null) is taken as the account's last failure from anywhere.
	err := tx.GetContext(ctx, &row, `SELECT count(*) AS account,
			count(*) FILTER (WHERE $3::inet IS NULL OR e.address <<= $3::inet) AS account_from_address,
			max(e.at) FILTER (WHERE $3::inet IS NULL OR e.address <<= $3::inet) AS account_last
		FROM audit_event e
		WHERE e.action = 'SIGN_IN_FAILED' AND e.details ->> 'email' = $1 AND e.details ->> 'reason' IS NULL
		AND e.at > greatest($2, (SELECT u.last_sign_in_at FROM app_user u WHERE u.email = $1))`, email, since, addr)
	if err != nil {
		return f, wrap("sign in", err)
	}
	f.Account, f.AccountFromAddress, f.AccountLast = row.Account, row.AccountFromAddress, row.AccountLast
	if addr != nil {
		err = tx.QueryRowxContext(ctx, `SELECT count(*), max(e.at) FROM audit_event e
			WHERE e.action = 'SIGN_IN_FAILED' AND e.address <<= $1::inet AND e.details ->> 'reason' IS NULL
			AND e.at > $2`, address, since).Scan(&f.Address, &f.AddressLast)
		if err != nil {
			return f, wrap("sign in", err)
		}
	}
	return f, nil
}

// throttledBlock is the network an address is throttled as: an IPv4 address alone, an IPv6
// address as its /64, which one machine holds whole (privacy extensions pick a new address
// at will): else each guess could come from an address that has never failed. "" stays "".
func throttledBlock(address string) string {
	ip := net.ParseIP(address)
	if ip == nil {
		return address
	}
	if v4 := ip.To4(); v4 != nil {
		return v4.String() + "/32"
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}
