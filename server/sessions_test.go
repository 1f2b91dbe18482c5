package server

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"atbalsts/domain"
)

// A password change, a reset and a deactivation end the user's sessions (store/sessions.go).

const changePasswordMutation = `mutation($c: String!, $n: String!, $r: Boolean) {
	changePassword(input: {currentPassword: $c, newPassword: $n, revokeTokens: $r}) { user { id } } }`

// renewed is the caller as the response's cookies left it (a new session token and CSRF token).
func renewed(c caller, r gqlResponse) caller {
	for _, ck := range r.cookies {
		switch ck.Name {
		case sessionCookie:
			c.cookies = []*http.Cookie{ck}
		case csrfCookie:
			c.csrf = ck.Value
		}
	}
	return c
}

// sessionEnds returns the SIGN_OUT rows that record ended sessions of a user, oldest first.
func (a *testAPI) sessionEnds(userID int) []map[string]any {
	a.t.Helper()
	var rows []string
	if err := a.s.DB().Select(&rows, `SELECT details::text FROM audit_event WHERE action = 'SIGN_OUT'
		AND entity_type = 'User' AND entity_id = $1 AND details IS NOT NULL ORDER BY id`, userID); err != nil {
		a.t.Fatal(err)
	}
	out := make([]map[string]any, len(rows))
	for i, r := range rows {
		json.Unmarshal([]byte(r), &out[i])
	}
	return out
}

func TestChangePasswordEndsOtherSessions(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	u := a.createUser("maris@password.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	here, _ := a.signIn(u.Email, testPassword, "")
	other1, _ := a.signIn(u.Email, testPassword, "")
	other2, _ := a.signIn(u.Email, testPassword, "")
	secret, _ := a.token(u)
	const next = "a new password of mine"

	r := a.do(here, changePasswordMutation, map[string]any{"c": testPassword, "n": next})
	if r.code() != "" {
		t.Fatal(r.Errors)
	}
	now := renewed(here, r)
	if now.csrf == here.csrf || now.cookies[0].Value == here.cookies[0].Value {
		t.Errorf("the session goes on under the same token or CSRF token")
	}
	if got := meID(t, a.do(caller{cookies: now.cookies}, meQuery, nil)); got != gid("User", u.ID) {
		t.Errorf("the session that changed the password is no longer signed in (me = %q)", got)
	}
	for name, c := range map[string]caller{"another session": other1, "a third session": other2, "the old token of this one": here} {
		if got := meID(t, a.do(caller{cookies: c.cookies}, meQuery, nil)); got != "" {
			t.Errorf("%s is still signed in after the password change", name)
		}
	}
	if got := meID(t, a.do(caller{token: secret}, meQuery, nil)); got == "" {
		t.Errorf("a token stopped working without revokeTokens")
	}
	if r := a.do(now, `mutation { createApiToken(input: {name: "x", expiresInDays: 1}) { secret } }`, nil); r.code() != "" {
		t.Errorf("a mutation with the new CSRF token: %+v", r.Errors)
	}
	if ends := a.sessionEnds(u.ID); len(ends) != 1 || ends[0]["sessionsEnded"] != 3.0 || ends[0]["because"] != "password change" {
		t.Errorf("audited session ends %v, want one row of 3 sessions ended by a password change", ends)
	}

	t.Run("RevokeTokens", func(t *testing.T) {
		r := a.do(now, changePasswordMutation, map[string]any{"c": next, "n": testPassword, "r": true})
		if r.code() != "" {
			t.Fatal(r.Errors)
		}
		if r := a.do(caller{token: secret}, meQuery, nil); r.status != http.StatusUnauthorized {
			t.Errorf("a token after revokeTokens: status %d, want 401", r.status)
		}
		var open, audited int
		a.s.DB().Get(&open, `SELECT count(*) FROM api_token WHERE user_id = $1 AND revoked_at IS NULL`, u.ID)
		a.s.DB().Get(&audited, `SELECT count(*) FROM audit_event WHERE request_id = $1 AND entity_type = 'ApiToken'
			AND after ? 'revokedAt'`, r.requestID)
		if open != 0 || audited != 2 {
			t.Errorf("%d tokens not revoked, %d revocations audited; want 0 and 2", open, audited)
		}
		if got := meID(t, a.do(caller{cookies: renewed(now, r).cookies}, meQuery, nil)); got == "" {
			t.Errorf("the session that changed the password is no longer signed in")
		}
	})

	t.Run("WrongCurrentPasswordEndsNothing", func(t *testing.T) {
		s, _ := a.signIn(u.Email, testPassword, "")
		o, _ := a.signIn(u.Email, testPassword, "")
		r := a.do(s, changePasswordMutation, map[string]any{"c": "not my password", "n": next})
		if r.code() != "BAD_USER_INPUT" {
			t.Errorf("wrong current password: %+v", r.Errors)
		}
		if meID(t, a.do(caller{cookies: o.cookies}, meQuery, nil)) == "" {
			t.Errorf("a refused change ended another session")
		}
	})
}

func TestResetPasswordEndsSessionsAndTokens(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	admin := a.createUser("admin@reset.example", domain.UserScope{Role: domain.RoleAdmin})
	u := a.createUser("zane@reset.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	s1, _ := a.signIn(u.Email, testPassword, "")
	s2, _ := a.signIn(u.Email, testPassword, "")
	secret, _ := a.token(u)
	adminSession, _ := a.signIn(admin.Email, testPassword, "")

	r := a.do(adminSession, `mutation($id: ID!) { resetUserPassword(input: {id: $id, password: "reset by the admin"}) { user { id } } }`,
		map[string]any{"id": gid("User", u.ID)})
	if r.code() != "" {
		t.Fatal(r.Errors)
	}
	for _, c := range []caller{s1, s2} {
		if got := meID(t, a.do(caller{cookies: c.cookies}, meQuery, nil)); got != "" {
			t.Errorf("a session of the user is still signed in after the reset")
		}
	}
	if r := a.do(caller{token: secret}, meQuery, nil); r.status != http.StatusUnauthorized {
		t.Errorf("the user's token after the reset: status %d, want 401", r.status)
	}
	if got := meID(t, a.do(caller{cookies: adminSession.cookies}, meQuery, nil)); got != gid("User", admin.ID) {
		t.Errorf("the admin's own session ended")
	}
	rows := a.auditRows(r.requestID)
	var actions []string
	for _, e := range rows {
		actions = append(actions, string(e.Action)+" "+e.EntityType)
		if e.ActorID == nil || *e.ActorID != admin.ID {
			t.Errorf("audit row %s %s by %v, want by the admin", e.Action, e.EntityType, e.ActorID)
		}
	}
	want := []string{"UPDATE User", "SIGN_OUT User", "UPDATE ApiToken"}
	if len(actions) != len(want) || actions[0] != want[0] || actions[1] != want[1] || actions[2] != want[2] {
		t.Errorf("audit rows of the reset %v, want %v", actions, want)
	}
	if _, r := a.signIn(u.Email, "reset by the admin", ""); r.code() != "" {
		t.Errorf("sign-in with the new password: %+v", r.Errors)
	}
}

func TestDeactivationEndsSessions(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	u := a.createUser("andris@deactivate.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	s, _ := a.signIn(u.Email, testPassword, "")
	for _, active := range []bool{false, true} {
		if _, err := a.svc().Users.SetActive(systemCtx(), u.ID, active); err != nil {
			t.Fatal(err)
		}
	}
	// Not used while deactivated, the session would have come back with the reactivation.
	if got := meID(t, a.do(caller{cookies: s.cookies}, meQuery, nil)); got != "" {
		t.Errorf("a session from before a deactivation works again after the reactivation")
	}
	if ends := a.sessionEnds(u.ID); len(ends) != 1 || ends[0]["because"] != "deactivation" {
		t.Errorf("audited session ends %v, want one by the deactivation", ends)
	}
}

// TestEndedSessionStaysEnded: a request of a session still in flight when the session ended
// saves the session when it finishes; that must not bring it back.
func TestEndedSessionStaysEnded(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t)
	u := a.createUser("inflight@sessions.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	s, _ := a.signIn(u.Email, testPassword, "")
	token := s.cookies[0].Value
	ctx := context.Background()
	data, found, err := a.s.FindSession(ctx, token)
	if err != nil || !found {
		t.Fatalf("the session's row: %v, found %v", err, found)
	}
	if _, err := a.svc().Users.SetActive(systemCtx(), u.ID, false); err != nil {
		t.Fatal(err)
	}
	// What the in-flight request's session manager writes when it finishes:
	if err := newSessionStore(a.s, newSessionManager(a.s, false).Codec).Commit(token, data, time.Now().Add(sessionIdle)); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := a.s.FindSession(ctx, token); found {
		t.Errorf("an ended session was written back")
	}
}

// TestChangePasswordIsThrottled: whoever finds a session open cannot guess its user's
// password through changePassword faster than through sign-in: wrong current passwords count
// as failed sign-ins, and the same throttle refuses the next attempt, the right one too.
func TestChangePasswordIsThrottled(t *testing.T) {
	t.Parallel()
	a, _ := newClockedAPI(t) // the clock stands still: no wait passes
	u := a.createUser("guessed@password.example", domain.UserScope{Role: domain.RoleMinistryAnalyst})
	secret, _ := a.token(u)
	c := caller{token: secret}
	for i := range domain.FreeFailuresPerAccount {
		r := a.do(c, changePasswordMutation, map[string]any{"c": "a guess of mine", "n": "a new password of mine"})
		if r.code() != "BAD_USER_INPUT" {
			t.Fatalf("guess %d: %q, want BAD_USER_INPUT (the current password is wrong)", i+1, r.code())
		}
	}
	r := a.do(c, changePasswordMutation, map[string]any{"c": testPassword, "n": "a new password of mine"})
	if r.code() != "RATE_LIMITED" {
		t.Errorf("the right password after %d wrong ones: %q, want RATE_LIMITED", domain.FreeFailuresPerAccount, r.code())
	}
	var failed int
	a.s.DB().Get(&failed, `SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND details->>'email' = $1`, u.Email)
	if failed != domain.FreeFailuresPerAccount+1 {
		t.Errorf("%d failed attempts audited, want %d (the guesses and the refused one)", failed, domain.FreeFailuresPerAccount+1)
	}
}
