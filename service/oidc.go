package service

import (
	"context"
	"errors"

	"atbalsts/domain"
	"atbalsts/store"
)

// SignInOIDC signs in the user a verified ID token's account matches (domain.MatchOIDCUser
// says which), linking the account to the user at its first sign-in. A refusal is a
// *domain.OIDCRefusal, audited as a failed sign-in in the same transaction; requireMFA refuses
// a sign-in without multi-factor authentication at the provider.
func (s *Sessions) SignInOIDC(ctx context.Context, c domain.OIDCClaims, requireMFA bool) (*domain.User, error) {
	if email, err := domain.NormalizeEmail(c.Email); err == nil {
		c.Email = email
	} else {
		c.Email = "" // not an address Atbalsts could have: matched by the subject only
	}
	var user *domain.User
	var refusal *domain.OIDCRefusal
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		refuse := func(err error) error {
			if !errors.As(err, &refusal) {
				return err
			}
			return store.FailedOIDCSignIn(ctx, tx, c, refusal.Reason)
		}
		if err := domain.CheckOIDCMFA(c, requireMFA); err != nil {
			return refuse(err)
		}
		facts, err := store.OIDCLinkFacts(ctx, tx, c.Issuer, c.Subject, c.Email)
		if err != nil {
			return err
		}
		userID, link, err := domain.MatchOIDCUser(c, facts)
		if err != nil {
			return refuse(err)
		}
		if link {
			if err := store.LinkOIDCAccount(ctx, tx, c.Issuer, c.Subject, userID, c.Email); err != nil {
				return err
			}
		}
		user, err = store.SignedInOIDC(ctx, tx, userID, c.Issuer, c.Subject)
		return err
	})
	if err != nil {
		return nil, err
	}
	if refusal != nil {
		return nil, refusal
	}
	wroteUser(ctx, user) // the sign-in row records it, as for a password sign-in
	return user, nil
}
