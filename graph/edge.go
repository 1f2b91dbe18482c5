package graph

// The edge: how a GraphQL request is read off HTTP, and what is refused before any resolver
// runs. A refusal here is the client's doing, answered with its own status and code and never
// logged as an error: oversized requests (413, REQUEST_TOO_LARGE), bodies that are not a
// GraphQL request in JSON (400, BAD_REQUEST), and string inputs PostgreSQL cannot store or
// that are not text (BAD_USER_INPUT naming the argument's path).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"atbalsts/domain"
	"atbalsts/graph/persisted"
)

// The codes of requests refused before they are GraphQL (extensions.code).
const (
	codeTooLarge   = "REQUEST_TOO_LARGE"
	codeBadRequest = "BAD_REQUEST"
)

// refusal is a request refused before execution: the HTTP status and the error's code.
type refusal struct {
	status  int
	code    string
	message string
}

// RefuseTooLarge answers a request larger than the server takes (the server's limits decide,
// see server/routes.go limitBody).
func RefuseTooLarge(w http.ResponseWriter) {
	refuse(w, &refusal{http.StatusRequestEntityTooLarge, codeTooLarge, "the request is larger than the server takes: send less at once"})
}

// refuse writes a refusal as a GraphQL response with one error.
func refuse(w http.ResponseWriter, r *refusal) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(r.status)
	json.NewEncoder(w).Encode(graphql.Response{Errors: gqlerror.List{{
		Message: r.message, Extensions: map[string]any{"code": r.code},
	}}})
}

// transport serves GraphQL over GET (queries only) and POST (application/json), in place of
// gqlgen's own, which answered a body it could not read or decode as an INTERNAL error (logged)
// and echoed the body back.
type transport struct{}

var _ graphql.Transport = transport{}

// Supports takes every GET and POST, so that each gets an answer with a code (gqlgen's own
// refused other content types, and requests with an Upgrade header such as curl's h2c offer,
// with an uncoded "transport not supported"). There are no subscriptions to upgrade to.
func (transport) Supports(r *http.Request) bool {
	return r.Method == http.MethodGet || r.Method == http.MethodPost
}

func (transport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	params, refused := readRequest(r)
	if refused != nil {
		refuse(w, refused)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	ctx := r.Context()
	graphqlResponse := acceptsGraphQLResponse(r.Header.Get("Accept"))
	if graphqlResponse {
		w.Header().Set("Content-Type", "application/graphql-response+json")
	} else {
		w.Header().Set("Content-Type", "application/json")
	}
	op, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		// As gqlgen's transports: a document that does not parse or validate is the
		// protocol's error (400 for the GraphQL response type, 422 for plain JSON).
		status := http.StatusOK
		if errcode.GetErrorKind(errs) == errcode.KindProtocol {
			status = http.StatusUnprocessableEntity
			if graphqlResponse {
				status = http.StatusBadRequest
			}
		}
		w.WriteHeader(status)
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, op), errs))
		return
	}
	if r.Method == http.MethodGet && op.Operation.Operation != ast.Query {
		// A GET must not change anything: links and prefetches are GETs.
		w.Header().Set("Allow", "POST")
		refuse(w, &refusal{http.StatusMethodNotAllowed, codeBadRequest, "only queries may be sent by GET: send a mutation by POST"})
		return
	}
	respond, ctx := exec.DispatchOperation(ctx, op)
	writeResponse(w, respond(ctx))
}

// acceptsGraphQLResponse tells whether the client asks for application/graphql-response+json
// before plain JSON (the SPA's client does); no Accept, or any type, is plain JSON.
func acceptsGraphQLResponse(accept string) bool {
	for part := range strings.SplitSeq(accept, ",") {
		switch mediaType, _, _ := mime.ParseMediaType(strings.TrimSpace(part)); mediaType {
		case "application/graphql-response+json":
			return true
		case "application/json", "*/*", "application/*":
			return false
		}
	}
	return false
}

func writeResponse(w io.Writer, resp *graphql.Response) {
	b, err := json.Marshal(resp)
	if err != nil {
		// Every value the schema returns marshals; this is a fault of ours, and panics to the
		// handler's recovery (logged, 500).
		panic(fmt.Errorf("marshal response: %w", err))
	}
	w.Write(b)
}

// request is the body of a POST: a GraphQL request as JSON.
type request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Extensions    map[string]any `json:"extensions"`
}

// readRequest reads a GraphQL request from the URL of a GET or the body of a POST, or says why
// not. Numbers are kept as json.Number, so that the scalars can tell 1 from 1.0 and "1".
func readRequest(r *http.Request) (*graphql.RawParams, *refusal) {
	if r.Method == http.MethodGet {
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			return nil, badRequest("the query string does not decode: %v", err)
		}
		p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
		if err := decodeParam(q.Get("variables"), &p.Variables); err != nil {
			return nil, badRequest("variables is not a JSON object: %v", err)
		}
		if err := decodeParam(q.Get("extensions"), &p.Extensions); err != nil {
			return nil, badRequest("extensions is not a JSON object: %v", err)
		}
		return p, nil
	}
	if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType != "application/json" {
		return nil, &refusal{http.StatusUnsupportedMediaType, codeBadRequest, "send the request as Content-Type: application/json"}
	}
	body, err := io.ReadAll(r.Body)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, &refusal{http.StatusRequestEntityTooLarge, codeTooLarge, "the request is larger than the server takes: send less at once"}
	case err != nil:
		return nil, badRequest("the request body could not be read")
	}
	req, err := decodeBody(body)
	if err != nil {
		return nil, badRequest("the body is not a GraphQL request in JSON: %v", err)
	}
	return &graphql.RawParams{Query: req.Query, OperationName: req.OperationName, Variables: req.Variables, Extensions: req.Extensions}, nil
}

// decodeBody decodes a POST body: exactly one JSON object with the request's members.
func decodeBody(body []byte) (*request, error) {
	var req request
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&req); err != nil {
		return nil, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more follows the request's object")
	}
	return &req, nil
}

// decodeParam decodes a JSON object given as a query parameter; an absent one is nil.
func decodeParam(s string, out *map[string]any) error {
	if s == "" {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("more follows the object")
	}
	return nil
}

// jsonError says what is wrong with a body in the client's terms, without the package prefix.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		if typeErr.Field == "" {
			return fmt.Errorf("a JSON object is expected, not %s", typeErr.Value)
		}
		return fmt.Errorf("%s must not be %s", typeErr.Field, typeErr.Value)
	}
	if errors.Is(err, io.EOF) {
		return errors.New("the body is empty")
	}
	return errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

func badRequest(format string, args ...any) *refusal {
	return &refusal{http.StatusBadRequest, codeBadRequest, fmt.Sprintf(format, args...)}
}

// persistedQueries runs trusted operations by hash, and otherwise gqlgen's automatic persisted
// queries (APQ).
//
// A request whose extensions.persistedQuery.sha256Hash is in the manifest of trusted operations
// (graph/persisted: the SPA's and the mobile clients' operations, written at build time) runs
// the manifest's text: it needs no query text and never gets PersistedQueryNotFound. A text
// sent with it must be that very text. Any other request is ad hoc: a bearer of an APP token is
// refused with PERSISTED_QUERY_REQUIRED before anything runs (domain.CanRunAdHoc); sessions and
// personal tokens go on to APQ, which remembers a text by its hash in an LRU.
//
// APQ's refusals that come without a code (a version other than 1, extension data that is no
// object, a hash that does not match the query) get BAD_REQUEST: the client's mistakes, which
// were answered and logged as INTERNAL.
type persistedQueries struct {
	extension.AutomaticPersistedQuery
}

func (p persistedQueries) MutateOperationParameters(ctx context.Context, raw *graphql.RawParams) *gqlerror.Error {
	if text, ok := trustedOperation(raw); ok {
		raw.Query = text
		return nil
	}
	if err := domain.CanRunAdHoc(domain.ActorFrom(ctx)); err != nil {
		return &gqlerror.Error{Err: err, Message: err.Error()} // presentError gives it its code
	}
	err := p.AutomaticPersistedQuery.MutateOperationParameters(ctx, raw)
	if err != nil && err.Extensions["code"] == nil {
		errcode.Set(err, codeBadRequest)
	}
	return err
}

// trustedOperation returns the manifest's text of the operation a request names by hash, when
// it names one in the manifest, as APQ's version 1, and sends no other text.
func trustedOperation(raw *graphql.RawParams) (string, bool) {
	ext, _ := raw.Extensions["persistedQuery"].(map[string]any)
	hash, _ := ext["sha256Hash"].(string)
	if hash == "" || fmt.Sprint(ext["version"]) != "1" {
		return "", false
	}
	text, ok := persisted.Document(hash)
	if !ok || raw.Query != "" && raw.Query != text {
		return "", false
	}
	return text, true
}

// textGuard refuses, before any resolver runs, a string input that holds a NUL character
// (PostgreSQL cannot store one in text, and answered with a fault) or that is not UTF-8 text.
// encoding/json turns invalid UTF-8 into U+FFFD, the replacement character, so a string holding
// it is broken input or a copy of broken text: either way not worth storing about a child.
// Every argument of the operation is checked, literals and variables alike, nested in input
// objects and lists; the error names the argument's path ("input.child.firstName").
type textGuard struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = textGuard{}

func (textGuard) ExtensionName() string                   { return "TextGuard" }
func (textGuard) Validate(graphql.ExecutableSchema) error { return nil }
func (textGuard) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if err := checkSelections(op.Operation.SelectionSet, op.Variables); err != nil {
		return err
	}
	// A fragment's arguments are checked once, wherever it is spread (validation has refused
	// unused fragments).
	for _, f := range op.Doc.Fragments {
		if err := checkSelections(f.SelectionSet, op.Variables); err != nil {
			return err
		}
	}
	return nil
}

func checkSelections(set ast.SelectionSet, vars map[string]any) *gqlerror.Error {
	for _, sel := range set {
		var err *gqlerror.Error
		switch sel := sel.(type) {
		case *ast.Field:
			if err = checkArguments(sel.Arguments, vars); err == nil {
				for _, d := range sel.Directives {
					if err = checkArguments(d.Arguments, vars); err != nil {
						break
					}
				}
			}
			if err == nil {
				err = checkSelections(sel.SelectionSet, vars)
			}
		case *ast.InlineFragment:
			err = checkSelections(sel.SelectionSet, vars)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func checkArguments(args ast.ArgumentList, vars map[string]any) *gqlerror.Error {
	for _, a := range args {
		if err := checkValue(a.Name, a.Value, vars); err != nil {
			return err
		}
	}
	return nil
}

// checkValue checks a value written in the document; a variable's value is checked as decoded.
func checkValue(path string, v *ast.Value, vars map[string]any) *gqlerror.Error {
	switch v.Kind {
	case ast.Variable:
		return checkDecoded(path, vars[v.Raw])
	case ast.StringValue, ast.BlockValue:
		return checkText(path, v.Raw)
	case ast.ListValue:
		for i, c := range v.Children {
			if err := checkValue(path+"."+strconv.Itoa(i), c.Value, vars); err != nil {
				return err
			}
		}
	case ast.ObjectValue:
		for _, c := range v.Children {
			if err := checkValue(path+"."+c.Name, c.Value, vars); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkDecoded checks a variable's value as the JSON decoder made it.
func checkDecoded(path string, v any) *gqlerror.Error {
	switch v := v.(type) {
	case string:
		return checkText(path, v)
	case []any:
		for i, c := range v {
			if err := checkDecoded(path+"."+strconv.Itoa(i), c); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, c := range v {
			if err := checkDecoded(path+"."+k, c); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkText(path, s string) *gqlerror.Error {
	var err *domain.Error
	switch {
	case strings.IndexByte(s, 0) >= 0:
		err = domain.FieldErrorf(path, "%s holds a NUL character, which no text may contain", path).Because("nul")
	case strings.ContainsRune(s, utf8.RuneError): // invalid UTF-8 or U+FFFD itself
		err = domain.FieldErrorf(path, "%s is not valid UTF-8 text (it holds bytes of another encoding, or U+FFFD)", path).Because("encoding")
	default:
		return nil
	}
	return &gqlerror.Error{Err: err, Message: err.Message}
}
