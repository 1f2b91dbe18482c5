package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// Tokens are the use cases of access tokens.
type Tokens struct{ base }

// Create makes a token for nt.UserID (the caller's own, or anyone's for an ADMIN) and returns
// it with its secret, which is shown this once and never stored.
func (t *Tokens) Create(ctx context.Context, nt domain.NewToken) (*domain.APIToken, string, error) {
	a := domain.ActorFrom(ctx)
	if err := domain.RequireSignedIn(a); err != nil {
		return nil, "", err
	}
	if err := domain.CanManageTokensOf(a, nt.UserID); err != nil {
		return nil, "", err
	}
	if err := nt.Validate(); err != nil {
		return nil, "", err
	}
	secret, hash := domain.NewTokenSecret()
	var token *domain.APIToken
	err := t.store.InTx(ctx, func(tx *store.Tx) error {
		// The caller's password as this request found it is still theirs: a change or reset
		// that revokes the user's tokens (it locks the user too) is either before this, and
		// refuses it, or after it, and revokes this token with the others.
		if a.User != nil {
			now, err := store.LockUser(ctx, tx, a.UserID)
			if err != nil {
				return err
			}
			if now.PasswordStamp != a.User.PasswordStamp {
				return domain.Errorf(domain.EUNAUTHENTICATED, "the password changed since this request began: sign in again")
			}
		}
		var err error
		token, err = store.InsertToken(ctx, tx, nt, domain.TokenShownPrefix(secret), hash)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return token, secret, nil
}

// Revoke revokes a token the caller manages (revoking it again changes nothing). A token of
// someone else is not found.
func (t *Tokens) Revoke(ctx context.Context, id int) (*domain.APIToken, error) {
	if _, err := t.Get(ctx, id); err != nil {
		return nil, err
	}
	var token *domain.APIToken
	err := t.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		token, err = store.RevokeToken(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return token, nil
}

// Get returns a token the caller manages; another user's is not found.
func (t *Tokens) Get(ctx context.Context, id int) (*domain.APIToken, error) {
	a := domain.ActorFrom(ctx)
	if err := domain.RequireSignedIn(a); err != nil {
		return nil, err
	}
	token, err := t.store.Token(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := domain.CanManageTokensOf(a, token.UserID); err != nil {
		return nil, domain.NotFound("token")
	}
	return token, nil
}
