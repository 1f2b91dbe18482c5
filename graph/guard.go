package graph

import (
	"context"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"atbalsts/domain"
	"atbalsts/store"
)

type csrfKey struct{}

// WithCSRFChecked records in ctx whether the request carried its session's CSRF token. The
// server checks the header; the GraphQL layer knows whether the operation is a mutation.
func WithCSRFChecked(ctx context.Context, ok bool) context.Context {
	return context.WithValue(ctx, csrfKey{}, ok)
}

// csrfGuard refuses a mutation authenticated by the session cookie without the session's CSRF
// token: a browser sends the cookie with a forged cross-site request, but no other site can
// read the token. Token (Authorization) and anonymous requests carry no ambient credentials.
type csrfGuard struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = csrfGuard{}

func (csrfGuard) ExtensionName() string                   { return "CSRFGuard" }
func (csrfGuard) Validate(graphql.ExecutableSchema) error { return nil }
func (csrfGuard) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	op := graphql.GetOperationContext(ctx).Operation
	checked, _ := ctx.Value(csrfKey{}).(bool)
	if op != nil && op.Operation == ast.Mutation && domain.ActorFrom(ctx).Method == domain.AuthSession && !checked {
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
			Message:    "the request lacks the X-CSRF-Token header of this session",
			Extensions: map[string]any{"code": "FORBIDDEN"},
		}}})
	}
	return next(ctx)
}

// readAuditor writes the request's reads of personal data to the audit log, in one batch,
// before the response leaves: if that fails, the data is withheld, never shown unrecorded.
type readAuditor struct{ store *store.Store }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = readAuditor{}

func (readAuditor) ExtensionName() string                   { return "ReadAuditor" }
func (readAuditor) Validate(graphql.ExecutableSchema) error { return nil }
func (a readAuditor) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	log := domain.ReadLogFrom(ctx)
	if log == nil {
		return resp
	}
	refs := log.Take()
	if len(refs) == 0 {
		return resp
	}
	if err := a.store.AuditReads(ctx, refs); err != nil {
		if code, message, ok := stopped(ctx, err); ok {
			return &graphql.Response{Errors: gqlerror.List{{Message: message, Extensions: map[string]any{"code": code}}}}
		}
		slog.ErrorContext(ctx, "audit of reads failed: response withheld", "err", err)
		return &graphql.Response{Errors: gqlerror.List{{Message: internalMessage, Extensions: map[string]any{"code": "INTERNAL"}}}}
	}
	return resp
}
