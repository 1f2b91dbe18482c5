package graph

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"atbalsts/domain"
	"atbalsts/store"
)

// Fuzz tests of what reads user input in the GraphQL layer: the request path up to execution,
// global ids and cursors. As plain tests they run their seeds and testdata/fuzz; `go test
// -fuzz FuzzX ./graph` explores further.

// FuzzRequest sends arbitrary GET query strings and POST bodies through the server's own
// request path (transport, parser, validation, variables, the text guard, the limits), stopped
// where resolvers would start. Whatever comes in, the answer is a GraphQL response whose every
// error has a code and none is INTERNAL (a fault of ours, logged), with a status a client can
// act on; and no string that reaches execution holds a NUL or a broken encoding.
func FuzzRequest(f *testing.F) {
	for _, seed := range []struct {
		get     bool
		payload string
	}{
		{false, `{"query":"{ regions { code name } }"}`},
		{false, `{"query":"query($s: String) { children(filter: {search: $s}) { edges { node { id } } } }","variables":{"s":"Bē"}}`},
		{false, `{"query":"query($s: String) { children(filter: {search: $s}) { edges { node { id } } } }","variables":{"s":"a\u0000"}}`},
		{false, `{"query":"{ children(filter: {search: \"a\\u0000\"}) { totalCount } }"}`},
		{false, `{"query":"mutation($i: RecordDeliveriesInput!) { recordDeliveries(input: $i) { results { idempotencyKey } } }",` +
			`"variables":{"i":{"deliveries":[{"idempotencyKey":"k","planId":"p","lineKey":"l","date":"2026-03-02","units":"1","note":"\ufffd"}]}}}`},
		{false, `{"query":"mutation($v: Int!) { updateChild(input: {id: \"x\", version: $v, child: {personalCode: \"\", firstName: \"\", lastName: \"\", ` +
			`birthDate: \"2014-02-30\", sex: FEMALE, municipalityId: \"m\", livingArrangement: FAMILY, impairments: []}}) { child { id } } }","variables":{"v":1.5}}`},
		{false, `{"query":"{ children(first: 5, after: \"eyJsIjoiYQAiLCJpIjoxfQ\") { edges { cursor } } }"}`},
		{false, `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}`},
		{false, `{"query": 5}`},
		{false, `{"query":"{ regions { code } }"} {}`},
		{false, `[]`},
		{false, `{"query":"` + "\xff\xfe" + `"}`},
		{false, ``},
		{true, `query=%7B+regions+%7B+code+%7D+%7D`},
		{true, `query=query(%24s%3A+String)+%7B+children(filter%3A+%7Bsearch%3A+%24s%7D)+%7B+totalCount+%7D+%7D&variables=%7B%22s%22%3A%22%5Cu0000%22%7D`},
		{true, `query=mutation+%7B+signOut+%7D`},
		{true, `query=%7B&variables=%7Bx`},
		{true, `%zz`},
	} {
		f.Add(seed.get, seed.payload)
	}
	srv := newServer(NewExecutableSchema(Config{Resolvers: &Resolver{}}), nil)
	var unclean string
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		op := graphql.GetOperationContext(ctx)
		unclean = uncleanArgument(op.Operation.SelectionSet, op.Doc, op.Variables, map[string]bool{})
		return graphql.OneShot(&graphql.Response{Data: json.RawMessage(`{}`)})
	})
	h := http.MaxBytesHandler(srv, 1<<20) // as the server's limitBody
	f.Fuzz(func(t *testing.T, get bool, payload string) {
		var req *http.Request
		if get {
			req = httptest.NewRequest(http.MethodGet, "/graphql", nil)
			req.URL.RawQuery = payload
		} else {
			req = httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(payload))
			req.Header.Set("Content-Type", "application/json")
		}
		unclean = ""
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 400, 405, 413, 415, 422:
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
		var resp struct {
			Data   json.RawMessage `json:"data"`
			Errors []struct {
				Message    string         `json:"message"`
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("status %d, not JSON (%v): %q", rec.Code, err, rec.Body.String())
		}
		for _, e := range resp.Errors {
			if code, _ := e.Extensions["code"].(string); code == "" || code == "INTERNAL" {
				t.Fatalf("status %d, error without a proper code: %+v", rec.Code, e)
			}
		}
		if unclean != "" {
			t.Fatalf("reached execution with a string not fit to store at %s", unclean)
		}
	})
}

// uncleanArgument is the first argument whose value, as gqlparser evaluates it, holds a string
// with a NUL or U+FFFD (a broken encoding), or "": a check independent of textGuard's walk.
func uncleanArgument(set ast.SelectionSet, doc *ast.QueryDocument, vars map[string]any, seen map[string]bool) string {
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			for _, a := range sel.Arguments {
				if v, err := a.Value.Value(vars); err == nil && unclean(v) {
					return sel.Name + "(" + a.Name + ")"
				}
			}
			if u := uncleanArgument(sel.SelectionSet, doc, vars, seen); u != "" {
				return u
			}
		case *ast.InlineFragment:
			if u := uncleanArgument(sel.SelectionSet, doc, vars, seen); u != "" {
				return u
			}
		case *ast.FragmentSpread:
			if fr := doc.Fragments.ForName(sel.Name); fr != nil && !seen[sel.Name] {
				seen[sel.Name] = true
				if u := uncleanArgument(fr.SelectionSet, doc, vars, seen); u != "" {
					return u
				}
			}
		}
	}
	return ""
}

func unclean(v any) bool {
	switch v := v.(type) {
	case string:
		return strings.ContainsRune(v, 0) || strings.ContainsRune(v, utf8.RuneError)
	case []any:
		for _, c := range v {
			if unclean(c) {
				return true
			}
		}
	case map[string]any:
		for _, c := range v {
			if unclean(c) {
				return true
			}
		}
	}
	return false
}

func FuzzParseGlobalID(f *testing.F) {
	for _, s := range []string{globalID("Child", 1), globalID("Child", 2147483647), "Q2hpbGQ6MjE0NzQ4MzY0OA", "Q2hpbGQ6MA", "Q2hpbGQ6LTE",
		"Q2hpbGQ6MDE", "Q2hpbGQ6KzE", "Q2hpbGQ", "Child:1", "", "====", "Q2hpbGQ6MQ=="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, gid string) {
		typ, id, err := parseGlobalID(gid)
		if err != nil {
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("%q: %v, want EINVALID", gid, err)
			}
			return
		}
		if id <= 0 {
			t.Fatalf("%q read as id %d", gid, id)
		}
		if typ2, id2, err := parseGlobalID(globalID(typ, id)); err != nil || typ2 != typ || id2 != id {
			t.Fatalf("%q read as %s %d, which reads back as %s %d (%v)", gid, typ, id, typ2, id2, err)
		}
	})
}

// FuzzDecodeCursor: a cursor, made by the server or forged, decodes into each list's key or
// is refused as not a cursor (BAD_USER_INPUT on `after`); what decodes can reach SQL.
func FuzzDecodeCursor(f *testing.F) {
	for _, s := range []string{
		encodeCursor(store.ChildKey{Last: "Bērziņa", First: "Anna", ID: 7}),
		encodeCursor(store.DatedKey{ID: 3}),
		encodeCursor(store.AuditKey{ID: 1 << 40}),
		encodeCursor(7),
		base64.RawURLEncoding.EncodeToString([]byte(`{"l":"a\u0000","i":1}`)),
		base64.RawURLEncoding.EncodeToString([]byte(`{"l":"a","i":10000000000}`)),
		base64.RawURLEncoding.EncodeToString([]byte(`{"d":"10000-01-01T00:00:00Z","i":1}`)),
		base64.RawURLEncoding.EncodeToString([]byte(`99999999999`)),
		"not a cursor", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cursor string) {
		for _, key := range []any{new(store.ChildKey), new(store.ParentKey), new(store.DatedKey), new(store.AuditKey), new(store.DeliveryKey),
			new(store.ProjectKey), new(store.ProviderKey), new(store.MunicipalityKey), new(store.UserKey), new(int)} {
			err := decodeCursor(cursor, key)
			if err != nil {
				var e *domain.Error
				if !errors.As(err, &e) || e.Code != domain.EINVALID || e.Field != "after" {
					t.Fatalf("%q: %#v, want EINVALID on after", cursor, err)
				}
				continue
			}
			// What the server writes of the key reads back.
			if err := decodeCursor(encodeCursor(key), key); err != nil {
				t.Fatalf("%q decoded into %+v, which does not read back: %v", cursor, key, err)
			}
		}
	})
}
