package server

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"atbalsts/dbtest"
	"atbalsts/store"
)

// TestNoStore: GraphQL answers and claim exports carry personal data: exactly one
// Cache-Control, no-store, also when the session manager writes its cookie (it adds its own
// no-cache="Set-Cookie", which lets a cache keep the body).
func TestNoStore(t *testing.T) {
	t.Parallel()
	w := newCaseWorld(t)
	session, r := w.a.signIn("worker@cases.example", testPassword, "")
	if r.code() != "" || len(session.cookies) == 0 {
		t.Fatalf("sign-in: %+v", r.Errors)
	}
	send := func(c caller, method, target, body string) *httptest.ResponseRecorder {
		var req *http.Request
		if body != "" {
			req = httptest.NewRequest(method, target, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
		} else {
			req = httptest.NewRequest(method, target, nil)
		}
		for _, ck := range c.cookies {
			req.AddCookie(ck)
		}
		if c.token != "" {
			req.Header.Set("Authorization", "Bearer "+c.token)
		}
		rec := httptest.NewRecorder()
		w.a.h.ServeHTTP(rec, req)
		return rec
	}
	query := `{"query":"{ children(first: 1) { edges { node { firstName } } } }"}`
	for _, tc := range []struct {
		name string
		rec  *httptest.ResponseRecorder
	}{
		{"POST /graphql with a session", send(session, http.MethodPost, "/graphql", query)},
		{"POST /graphql with a token", send(w.worker, http.MethodPost, "/graphql", query)},
		{"GET /graphql with a session", send(session, http.MethodGet, "/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D", "")},
		{"POST /graphql anonymous", send(caller{}, http.MethodPost, "/graphql", `{"query":"{ regions { code } }"}`)},
		{"an error of /graphql", send(session, http.MethodPost, "/graphql", `{"query":`)},
		{"an export with a session", send(session, http.MethodGet, "/exports/claims/999999.csv", "")},
		{"an export with a token", send(w.worker, http.MethodGet, "/exports/claims/999999.pdf", "")},
		{"a plan export with a session", send(session, http.MethodGet, "/exports/plans/"+gid("PlanRevision", 999999)+".pdf", "")},
	} {
		if got := tc.rec.Header().Values("Cache-Control"); len(got) != 1 || got[0] != "no-store" {
			t.Errorf("%s: status %d, Cache-Control %q, want exactly no-store", tc.name, tc.rec.Code, got)
		}
	}
	if got := send(session, http.MethodPost, "/graphql", query).Header().Values("Set-Cookie"); len(got) == 0 {
		t.Errorf("no session cookie written: the case the test is about did not happen")
	}
}

// TestHSTS: browsers are told to keep to https when the server marks its cookies Secure (it is
// served over https), and not otherwise (a local install over plain http).
func TestHSTS(t *testing.T) {
	t.Parallel()
	s := store.New(dbtest.Open(t))
	spa := fstest.MapFS{"index.html": {Data: []byte("app")}}
	for _, secure := range []bool{true, false} {
		var logs bytes.Buffer
		h := Handler(NewLogger(&logs, "json"), s, spa, Options{SecureCookies: secure})
		for _, target := range []string{"/graphql?query=%7B%20regions%20%7B%20code%20%7D%20%7D", "/healthz", "/"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
			got := rec.Header().Get("Strict-Transport-Security")
			want := ""
			if secure {
				want = "max-age=31536000; includeSubDomains"
			}
			if got != want {
				t.Errorf("secure cookies %v, %s: Strict-Transport-Security %q, want %q", secure, target, got, want)
			}
		}
	}
}
