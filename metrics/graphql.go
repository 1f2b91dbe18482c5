package metrics

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// GraphQL is the gqlgen extension that observes every operation's duration, name and type, and
// the codes of the errors in its response. Register it before the extensions that may answer an
// operation themselves (a guard's refusal never reaches the interceptors registered after it).
func (m *Metrics) GraphQL() graphql.HandlerExtension { return graphqlObserver{m} }

type graphqlObserver struct{ m *Metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = graphqlObserver{}

type observedKey struct{}

func (graphqlObserver) ExtensionName() string                   { return "Metrics" }
func (graphqlObserver) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation sees the final response of an operation that parsed and validated,
// whatever answered it: the resolvers, a guard, or the read auditor withholding the data.
func (o graphqlObserver) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	opCtx := graphql.GetOperationContext(ctx)
	respond := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := respond(context.WithValue(ctx, observedKey{}, true))
		// nil ends a stream of responses: nothing more to observe.
		if resp != nil {
			o.m.observeOperation(opCtx, resp)
		}
		return resp
	}
}

// InterceptResponse sees the responses that never became an operation: a document that does
// not parse or validate, an unknown persisted query, a complexity over the limit. Those are
// answered by the response interceptors alone; the others it leaves to InterceptOperation.
func (o graphqlObserver) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if observed, _ := ctx.Value(observedKey{}).(bool); observed || resp == nil {
		return resp
	}
	var opCtx *graphql.OperationContext
	// A body that is not even JSON is answered before there is an operation context.
	if graphql.HasOperationContext(ctx) {
		opCtx = graphql.GetOperationContext(ctx)
	}
	o.m.observeOperation(opCtx, resp)
	return resp
}

// observeOperation records one GraphQL response. opCtx may be nil, or lack the operation when
// the document did not parse or validate.
func (m *Metrics) observeOperation(opCtx *graphql.OperationContext, resp *graphql.Response) {
	for _, e := range resp.Errors {
		code, _ := e.Extensions["code"].(string)
		if code == "" {
			code = "UNKNOWN"
		}
		m.opErrors.WithLabelValues(m.codes.value(code)).Inc()
	}
	if opCtx == nil || opCtx.Stats.OperationStart.IsZero() {
		return
	}
	name, typ := opCtx.OperationName, "unknown"
	if op := opCtx.Operation; op != nil {
		// The document's own name: a client need not repeat it as operationName.
		name, typ = op.Name, string(op.Operation)
	}
	m.opDuration.WithLabelValues(m.operations.value(name), typ).Observe(time.Since(opCtx.Stats.OperationStart).Seconds())
}
