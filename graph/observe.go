package graph

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
)

// Observer is an extension that watches every operation without changing it, such as the
// metrics' (metrics.Metrics.GraphQL).
type Observer = graphql.HandlerExtension

// useObservers registers the observers ahead of every other extension, so that they also see
// the answers of the guards (csrfGuard answers a refused mutation itself, and the extensions
// registered after it never see that operation).
func useObservers(srv *handler.Server, observers []Observer) {
	for _, o := range observers {
		if o != nil {
			srv.Use(o)
		}
	}
}
