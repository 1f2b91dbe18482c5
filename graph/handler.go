package graph

import (
	"context"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	gqltransport "github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/service"
)

// Page sizes: every connection's `first` defaults to defaultPageSize and may be at most
// maxPageSize (the cost of a query counts it so; see limits.go).
const (
	// maxTokens bounds what the parser reads before it gives up on a huge document.
	maxTokens       = 15000
	defaultPageSize = 50
	maxPageSize     = 100
)

// NewHandler serves GraphQL over GET and POST, with automatic persisted queries, the limits
// above, and per-request dataloaders; what it refuses before any resolver runs is in edge.go.
// sessions may be nil where there are no cookie sessions (then signIn is refused).
func NewHandler(svc *service.Service, sessions Sessions, observers ...Observer) http.Handler {
	s := svc.Store()
	r := &Resolver{Service: svc, Store: s, Sessions: sessions}
	cfg := Config{Resolvers: r, Directives: r.directives()}
	srv := newServer(NewExecutableSchema(cfg), observers)
	srv.Use(csrfGuard{})
	srv.Use(readAuditor{s})
	return withRequestContext(loader.Middleware(s, srv))
}

// newServer is the GraphQL server up to where the request's actor matters: the transports,
// the parser's and the operation's limits, and what is refused before any resolver runs
// (the fuzz test of the request path runs exactly this).
func newServer(es graphql.ExecutableSchema, observers []Observer) *handler.Server {
	srv := handler.New(es)
	srv.AddTransport(gqltransport.Options{})
	srv.AddTransport(transport{}) // GET and POST, read strictly (edge.go)
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(maxTokens)
	useObservers(srv, observers)
	srv.Use(extension.Introspection{}) // GraphiQL and codegen read the schema
	srv.Use(persistedQueries{extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)}})
	srv.Use(textGuard{})
	srv.Use(limits{})
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(recoverPanic)
	return srv
}

// RequestTimeout is how long one GraphQL request may run: then its context ends, which cancels
// its SQL (lib/pq sends PostgreSQL a cancel request) and fails its remaining fields with
// TIMEOUT. The SPA's and mobile clients' operations take milliseconds; a request that takes
// this long is refused work, not slow work.
const RequestTimeout = 10 * time.Second

// withRequestContext gives every request its deadline and a fresh log of the personal data it
// reads (see readAuditor).
func withRequestContext(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), RequestTimeout)
		defer cancel()
		ctx, _ = domain.WithReadLog(ctx)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
