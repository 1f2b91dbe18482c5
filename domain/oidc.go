package domain

import "slices"

// Sign-in through an OpenID Connect identity provider: the rules. The server verifies the ID
// token (signature, issuer, audience, expiry, nonce); these rules decide which user, if any,
// the verified account signs in as.

// OIDCClaims are the facts of a verified ID token that the rules read.
type OIDCClaims struct {
	Issuer        string   // the provider (iss)
	Subject       string   // the account at the provider (sub): never reassigned, unlike an email
	Email         string   // email, normalised; "" when absent or not an email address
	EmailVerified bool     // email_verified: the provider checked that the account owns the email
	AMR           []string // how the person authenticated at the provider (amr), e.g. "pwd", "mfa"
}

// OIDCRefusal is a refused sign-in through the provider. Code is what the sign-in page shows
// (in words); Reason is for the audit row and the log only.
type OIDCRefusal struct {
	Code   string
	Reason string
}

func (e *OIDCRefusal) Error() string { return "oidc sign-in refused: " + e.Code + ": " + e.Reason }

// The codes of refused sign-ins that come from the rules (the server adds its own for a failed
// protocol exchange).
const (
	OIDCNoAccount       = "OIDC_NO_ACCOUNT"       // no active user matches the account
	OIDCEmailUnverified = "OIDC_EMAIL_UNVERIFIED" // the provider does not vouch for the email
	OIDCMFARequired     = "OIDC_MFA_REQUIRED"     // MFA is required and the provider did not use it
)

// CheckOIDCMFA refuses a sign-in without multi-factor authentication at the provider when
// Atbalsts requires it. "mfa" is the amr value of RFC 8176 for any multi-factor method.
func CheckOIDCMFA(c OIDCClaims, required bool) error {
	if required && !slices.Contains(c.AMR, "mfa") {
		return &OIDCRefusal{Code: OIDCMFARequired, Reason: "amr without mfa"}
	}
	return nil
}

// OIDCLink is what the database knows about a provider account: the user linked to the
// account (issuer, subject), and the user that has the token's email.
type OIDCLink struct {
	LinkedUserID   int    // the user linked to this account; 0 when none
	LinkedActive   bool   // whether that user is active
	EmailUserID    int    // the active user whose email is the token's email; 0 when none
	EmailUserOther string // the subject of another account of this issuer already linked to that user; "" when none
}

// MatchOIDCUser decides which user a provider account signs in as, and whether the account is
// to be linked to that user now.
//
// A linked account signs in as its user, whatever email the token carries now: the subject
// is what a provider never reassigns, while an email can change at the provider (or pass to
// another person there). An account not yet linked is matched once by a verified email to an
// active user who has no other account of this issuer, and is then linked; so an account of
// the provider that later gets an Atbalsts user's email cannot sign in as that user, once
// that user has signed in through the provider. Nobody is created: an ADMIN creates users.
func MatchOIDCUser(c OIDCClaims, l OIDCLink) (userID int, link bool, err error) {
	if l.LinkedUserID != 0 {
		if !l.LinkedActive {
			return 0, false, &OIDCRefusal{Code: OIDCNoAccount, Reason: "linked user deactivated"}
		}
		return l.LinkedUserID, false, nil
	}
	if c.Email == "" {
		return 0, false, &OIDCRefusal{Code: OIDCNoAccount, Reason: "no email in the token"}
	}
	if !c.EmailVerified {
		return 0, false, &OIDCRefusal{Code: OIDCEmailUnverified, Reason: "email_verified not true"}
	}
	if l.EmailUserID == 0 {
		return 0, false, &OIDCRefusal{Code: OIDCNoAccount, Reason: "no active user with the email"}
	}
	if l.EmailUserOther != "" {
		return 0, false, &OIDCRefusal{Code: OIDCNoAccount, Reason: "the user is linked to another account of the provider"}
	}
	return l.EmailUserID, true, nil
}
