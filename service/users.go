package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// Users are the use cases of user administration and of a user's own password.
type Users struct {
	base
	// Hash hashes a new password (domain.HashPassword). argon2id is slow on purpose: test
	// fixtures that create many users with one password reuse one hash.
	Hash func(password string) (string, error)
}

// Create creates a user with their initial password: an ADMIN.
func (u *Users) Create(ctx context.Context, nu domain.NewUser) (*domain.User, error) {
	if err := domain.CanManageUsers(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	if err := nu.Validate(); err != nil {
		return nil, err
	}
	hash, err := u.Hash(nu.Password)
	if err != nil {
		return nil, err
	}
	var created *domain.User
	err = u.store.InTx(ctx, func(tx *store.Tx) error {
		if err := u.checkScope(ctx, tx, nu.Scope); err != nil {
			return err
		}
		created, err = store.InsertUser(ctx, tx, nu, hash)
		return err
	})
	if err != nil {
		return nil, err
	}
	wroteUser(ctx, created)
	return created, nil
}

// Update changes a user's name, role and scope at version: an ADMIN.
func (u *Users) Update(ctx context.Context, c domain.UserChange) (*domain.User, error) {
	if err := domain.CanManageUsers(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	var updated *domain.User
	err := u.store.InTx(ctx, func(tx *store.Tx) error {
		before, err := store.LockUser(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if err := domain.CheckVersion("user", before.Version, c.Version); err != nil {
			return err
		}
		if err := u.checkScope(ctx, tx, c.Scope); err != nil {
			return err
		}
		updated, err = store.UpdateUser(ctx, tx, before, c)
		return err
	})
	if err != nil {
		return nil, err
	}
	wroteUser(ctx, updated)
	return updated, nil
}

// checkScope refuses a scope naming a region, municipality or provider that does not exist.
func (u *Users) checkScope(ctx context.Context, tx *store.Tx, sc domain.UserScope) error {
	facts, err := store.ScopeFacts(ctx, tx, sc)
	if err != nil {
		return err
	}
	return domain.CheckScopeExists(sc, facts)
}

// SetActive activates or deactivates a user: an ADMIN, not themself. Setting what is set
// changes nothing and records nothing. Deactivation ends the user's sessions (so that none
// comes back with a reactivation); their tokens stop working while they are deactivated.
func (u *Users) SetActive(ctx context.Context, id int, active bool) (*domain.User, error) {
	if err := domain.CanSetUserActive(domain.ActorFrom(ctx), id, active); err != nil {
		return nil, err
	}
	var updated *domain.User
	err := u.store.InTx(ctx, func(tx *store.Tx) error {
		before, err := store.LockUser(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Active == active {
			updated = before
			return nil
		}
		if updated, err = store.UpdateUserActive(ctx, tx, before, active); err != nil || active {
			return err
		}
		_, err = store.EndSessionsOfUser(ctx, tx, before, "deactivation")
		return err
	})
	if err != nil {
		return nil, err
	}
	wroteUser(ctx, updated)
	return updated, nil
}

// ResetPassword sets a user's password: an ADMIN. Every session of the user ends and every
// token of theirs is revoked: a reset is what follows a lost or leaked password.
func (u *Users) ResetPassword(ctx context.Context, id int, password string) (*domain.User, error) {
	if err := domain.CanManageUsers(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	if err := domain.ValidatePassword("password", password); err != nil {
		return nil, err
	}
	updated, err := u.setPassword(ctx, id, password, true, "password reset")
	if err != nil {
		return nil, err
	}
	wroteUser(ctx, updated)
	return updated, nil
}

// ChangePassword changes the caller's own password, given the current one. Every session of
// the caller ends (the resolver starts the caller's own again under a new token: see
// restartSession in graph/identity.go), and with revokeTokens every token of theirs is revoked.
func (u *Users) ChangePassword(ctx context.Context, current, next string, revokeTokens bool) (*domain.User, error) {
	a := domain.ActorFrom(ctx)
	if err := domain.RequireSignedIn(a); err != nil {
		return nil, err
	}
	if err := domain.ValidatePassword("newPassword", next); err != nil {
		return nil, err
	}
	// The current password is checked as a sign-in is, under the same throttle: a session
	// left open must not let its finder guess the password, which would outlive the session.
	email, address := a.User.Email, domain.RequestInfoFrom(ctx).Address
	var failure error
	err := u.store.InTx(ctx, func(tx *store.Tx) error {
		if err := store.LockSignIn(ctx, tx, email, address); err != nil {
			return err
		}
		failures, err := store.SignInFailures(ctx, tx, email, address, u.now().Add(-domain.SignInWindow))
		if err != nil {
			return err
		}
		if failure = domain.CheckSignInRate(failures, u.now()); failure != nil {
			return store.FailedSignIn(ctx, tx, email, "rate limited")
		}
		hash, err := store.PasswordHash(ctx, tx, a.UserID)
		if err != nil {
			return err
		}
		if !domain.CheckPassword(current, hash) {
			failure = domain.FieldErrorf("currentPassword", "the current password is wrong")
			return store.FailedSignIn(ctx, tx, email, "")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if failure != nil {
		return nil, failure
	}
	return u.setPassword(ctx, a.UserID, next, revokeTokens, "password change")
}

// setPassword hashes a password and stores it as the user's, ends the user's sessions and,
// with revokeTokens, revokes their tokens, all in one transaction; why says which it was, in
// the audit row of the ended sessions.
func (u *Users) setPassword(ctx context.Context, id int, password string, revokeTokens bool, why string) (*domain.User, error) {
	hash, err := u.Hash(password)
	if err != nil {
		return nil, err
	}
	var updated *domain.User
	err = u.store.InTx(ctx, func(tx *store.Tx) error {
		user, err := store.LockUser(ctx, tx, id)
		if err != nil {
			return err
		}
		if updated, err = store.UpdatePassword(ctx, tx, id, hash); err != nil {
			return err
		}
		if _, err := store.EndSessionsOfUser(ctx, tx, user, why); err != nil {
			return err
		}
		if revokeTokens {
			_, err = store.RevokeTokensOfUser(ctx, tx, user)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// List returns up to limit users that match f, by name, after the key: an ADMIN.
func (u *Users) List(ctx context.Context, f domain.UserFilter, after *store.UserKey, limit int) ([]domain.User, bool, error) {
	if err := domain.CanManageUsers(domain.ActorFrom(ctx)); err != nil {
		return nil, false, err
	}
	return u.store.Users(ctx, f, after, limit)
}

// Count counts the users that match f: an ADMIN.
func (u *Users) Count(ctx context.Context, f domain.UserFilter) (int, error) {
	if err := domain.CanManageUsers(domain.ActorFrom(ctx)); err != nil {
		return 0, err
	}
	return u.store.CountUsers(ctx, f)
}

// wroteUser marks a user this request wrote: its change row records it, so returning it in
// the payload adds no read row.
func wroteUser(ctx context.Context, u *domain.User) {
	wrote(ctx, domain.EntityUser, u.ID)
}
