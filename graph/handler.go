package graph

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/graph/model"
	"atbalsts/service"
)

// Limits on what one request may ask. A page holds at most maxPageSize items.
const (
	// MaxComplexity bounds the work of one operation: each field costs 1, and a list field
	// costs its children times the number of items it may return.
	MaxComplexity = 5000
	// maxTokens bounds what the parser reads before it gives up on a huge document.
	maxTokens = 15000
	// defaultPageSize and maxPageSize apply to every connection's `first`.
	defaultPageSize = 50
	maxPageSize     = 100
)

// NewHandler serves GraphQL over GET and POST, with automatic persisted queries, the limits
// above, and per-request dataloaders.
// sessions may be nil where there are no cookie sessions (then signIn is refused).
func NewHandler(svc *service.Service, sessions Sessions, observers ...Observer) http.Handler {
	s := svc.Store()
	cfg := Config{Resolvers: &Resolver{Service: svc, Store: s, Sessions: sessions}}
	cfg.Complexity.Query.Municipalities = func(child int, _ *model.MunicipalityFilter, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Query.Users = func(child int, _ *model.UserFilter, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Query.Providers = func(child int, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Query.AuditEvents = func(child int, _ *model.AuditEventFilter, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Query.Projects = func(child int, _ *model.ProjectFilter, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Query.Children = func(child int, _ *model.ChildFilter, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Municipality.Children = func(child int, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Query.Parents = func(child int, _ *model.ParentFilter, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Query.Applications = func(child int, _ *model.ApplicationFilter, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Query.Assessments = func(child int, _ *model.AssessmentFilter, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}
	cfg.Complexity.Query.SupportPlans = func(child int, _ *model.SupportPlanFilter, first *int, _ *string) int {
		return child * pageSizeCost(first)
	}

	srv := handler.New(NewExecutableSchema(cfg))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(maxTokens)
	useObservers(srv, observers)
	srv.Use(extension.Introspection{}) // GraphiQL and codegen read the schema
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	srv.Use(csrfGuard{})
	srv.Use(readAuditor{s})
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(recoverPanic)
	return loader.Middleware(s, withReadLog(srv))
}

// pageSizeCost is how many items a connection may return for `first`.
func pageSizeCost(first *int) int {
	if first == nil || *first <= 0 {
		return defaultPageSize
	}
	return min(*first, maxPageSize)
}

// withReadLog gives every request a fresh log of the personal data it reads (see readAuditor).
func withReadLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, _ := domain.WithReadLog(r.Context())
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
