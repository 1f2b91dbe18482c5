// Package graph is the GraphQL transport: generated code, thin resolvers, dataloaders and the
// error presenter. A resolver reads the caller from the context, calls the store or a loader,
// and returns.
package graph

import (
	"time"

	"atbalsts/store"
)

//go:generate go tool gqlgen generate

// Resolver holds the dependencies of the resolvers.
type Resolver struct {
	Store *store.Store     // the database
	Now   func() time.Time // the clock, replaceable in tests
}
