package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// Sessions are signing in and out with a password (the SPA's sessions; the session itself is
// the server's).
type Sessions struct{ base }

// SignIn checks an email and password and returns the active user they belong to. Failed
// attempts are throttled per account and per address (domain.SignInWait has the rule); every
// attempt leaves an audit row, a failed one too, so the failure commits with its row.
func (s *Sessions) SignIn(ctx context.Context, email, password string) (*domain.User, error) {
	email, err := domain.NormalizeEmail(email)
	if err != nil {
		return nil, domain.ErrBadCredentials // the same answer as for a wrong password
	}
	address := domain.RequestInfoFrom(ctx).Address
	since := s.now().Add(-domain.SignInWindow)
	var user *domain.User
	var failure error
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		if err := store.LockSignIn(ctx, tx, email, address); err != nil {
			return err
		}
		failures, err := store.SignInFailures(ctx, tx, email, address, since)
		if err != nil {
			return err
		}
		if failure = domain.CheckSignInRate(failures, s.now()); failure != nil {
			// Audited, but not a failure that counts: waiting out the throttle is all it takes.
			return store.FailedSignIn(ctx, tx, email, "rate limited")
		}
		userID, hash, err := store.SignInAccount(ctx, tx, email)
		if err != nil {
			return err
		}
		if failure = domain.CheckCredentials(userID, password, hash); failure != nil {
			return store.FailedSignIn(ctx, tx, email, "")
		}
		if user, err = store.SignedIn(ctx, tx, userID); err != nil {
			return err
		}
		// The hash checked, not the one read now: a password changed meanwhile ends the session.
		user.PasswordStamp = domain.PasswordStampOf(hash)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if failure != nil {
		return nil, failure
	}
	wroteUser(ctx, user) // the sign-in row records it; reading one's own record is no read to audit
	return user, nil
}

// SignOut records that the caller signed out of a session (signing out without one records
// nothing).
func (s *Sessions) SignOut(ctx context.Context) error {
	if domain.ActorFrom(ctx).Method != domain.AuthSession {
		return nil
	}
	return s.store.AuditSignOut(ctx)
}
