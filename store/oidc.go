package store

import (
	"context"
	"database/sql"
	"errors"

	"atbalsts/domain"
)

// Sign-in through an OpenID Connect provider: the service (service.Sessions.SignInOIDC) reads
// what the database knows about the provider account with OIDCLinkFacts, decides with
// domain.MatchOIDCUser, links the account with LinkOIDCAccount, and records the outcome with
// SignedInOIDC or FailedOIDCSignIn.

// OIDCLinkFacts reads the user linked to the account (issuer, subject) and the active user with
// the email, with the subject of any other account of the issuer linked to that user. The
// user with the email is locked, so that two first sign-ins of one user cannot both link.
func OIDCLinkFacts(ctx context.Context, tx *Tx, issuer, subject, email string) (domain.OIDCLink, error) {
	var l domain.OIDCLink
	var linked struct {
		UserID int  `db:"user_id"`
		Active bool `db:"active"`
	}
	err := tx.GetContext(ctx, &linked, `SELECT i.user_id, u.active FROM user_identity i JOIN app_user u ON u.id = i.user_id
		WHERE i.issuer = $1 AND i.subject = $2`, issuer, subject)
	switch {
	case err == nil:
		l.LinkedUserID, l.LinkedActive = linked.UserID, linked.Active
		return l, nil // a linked account signs in as its user: the email is not consulted
	case !errors.Is(err, sql.ErrNoRows):
		return l, wrap("oidc sign in", err)
	}
	if email == "" {
		return l, nil
	}
	var byEmail struct {
		UserID int            `db:"id"`
		Other  sql.NullString `db:"other"`
	}
	err = tx.GetContext(ctx, &byEmail, `SELECT u.id,
			(SELECT i.subject FROM user_identity i WHERE i.user_id = u.id AND i.issuer = $2) AS other
		FROM app_user u WHERE u.email = $1 AND u.active FOR UPDATE OF u`, email, issuer)
	switch {
	case err == nil:
		l.EmailUserID, l.EmailUserOther = byEmail.UserID, byEmail.Other.String
	case !errors.Is(err, sql.ErrNoRows):
		return l, wrap("oidc sign in", err)
	}
	return l, nil
}

// LinkOIDCAccount links the account (issuer, subject) to a user, recording the email it was
// matched by.
func LinkOIDCAccount(ctx context.Context, tx *Tx, issuer, subject string, userID int, email string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO user_identity (issuer, subject, user_id, email) VALUES ($1, $2, $3, $4)`,
		issuer, subject, userID, email)
	return wrap("oidc link", err)
}

// SignedInOIDC stamps a user's sign-in through the provider (the user's and the account's),
// returns the user, and audits the sign-in as theirs, with the method and the provider.
func SignedInOIDC(ctx context.Context, tx *Tx, userID int, issuer, subject string) (*domain.User, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, userID); err != nil {
		return nil, wrap("oidc sign in", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE user_identity SET last_used_at = now() WHERE issuer = $1 AND subject = $2`, issuer, subject); err != nil {
		return nil, wrap("oidc sign in", err)
	}
	user, err := userInTx(ctx, tx, userID)
	if err != nil {
		return nil, wrap("oidc sign in", err)
	}
	signedIn := domain.WithActor(ctx, domain.ActorOf(user, domain.AuthSession, 0))
	return user, appendAudit(signedIn, tx, auditEntry{action: domain.AuditSignIn, entityType: domain.EntityUser,
		entityID: id64(user.ID), regionID: user.AuditRegionID,
		details: map[string]string{"method": "oidc", "issuer": issuer}})
}

// FailedOIDCSignIn audits a refused sign-in through the provider. The email the token claimed
// is recorded as providerEmail, not email: the password sign-in's limits count failures by
// details.email, and an account at the provider must not spend a user's password attempts.
func FailedOIDCSignIn(ctx context.Context, tx *Tx, c domain.OIDCClaims, reason string) error {
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditSignInFailed, entityType: domain.EntityUser,
		details: map[string]string{"method": "oidc", "issuer": c.Issuer, "subject": c.Subject,
			"providerEmail": c.Email, "reason": reason}})
}
