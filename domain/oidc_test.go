package domain

import (
	"errors"
	"testing"
)

func TestMatchOIDCUser(t *testing.T) {
	verified := OIDCClaims{Issuer: "https://id.example.lv", Subject: "s1", Email: "liga@example.lv", EmailVerified: true}
	unverified := verified
	unverified.EmailVerified = false
	noEmail := verified
	noEmail.Email = ""
	for _, c := range []struct {
		name   string
		claims OIDCClaims
		link   OIDCLink
		user   int
		linkIt bool
		code   string
	}{
		{"linked", unverified, OIDCLink{LinkedUserID: 7, LinkedActive: true, EmailUserID: 9}, 7, false, ""},
		{"linked but deactivated", verified, OIDCLink{LinkedUserID: 7, EmailUserID: 9}, 0, false, OIDCNoAccount},
		{"first sign-in by a verified email", verified, OIDCLink{EmailUserID: 9}, 9, true, ""},
		{"email not verified", unverified, OIDCLink{EmailUserID: 9}, 0, false, OIDCEmailUnverified},
		{"no email", noEmail, OIDCLink{}, 0, false, OIDCNoAccount},
		{"no such user", verified, OIDCLink{}, 0, false, OIDCNoAccount},
		{"the user has another account of the provider", verified, OIDCLink{EmailUserID: 9, EmailUserOther: "s0"}, 0, false, OIDCNoAccount},
	} {
		t.Run(c.name, func(t *testing.T) {
			user, link, err := MatchOIDCUser(c.claims, c.link)
			var refusal *OIDCRefusal
			code := ""
			if errors.As(err, &refusal) {
				code = refusal.Code
			} else if err != nil {
				t.Fatal(err)
			}
			if user != c.user || link != c.linkIt || code != c.code {
				t.Errorf("got user %d, link %v, code %q; want %d, %v, %q", user, link, code, c.user, c.linkIt, c.code)
			}
		})
	}
}

func TestCheckOIDCMFA(t *testing.T) {
	withMFA := OIDCClaims{AMR: []string{"pwd", "otp", "mfa"}}
	withoutMFA := OIDCClaims{AMR: []string{"pwd"}}
	if CheckOIDCMFA(withoutMFA, false) != nil || CheckOIDCMFA(withMFA, true) != nil {
		t.Error("refused a sign-in that satisfies the setting")
	}
	var refusal *OIDCRefusal
	if err := CheckOIDCMFA(withoutMFA, true); !errors.As(err, &refusal) || refusal.Code != OIDCMFARequired {
		t.Errorf("without mfa, required: %v", err)
	}
	if err := CheckOIDCMFA(OIDCClaims{}, true); err == nil {
		t.Error("no amr at all, MFA required: accepted")
	}
}
