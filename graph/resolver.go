// Package graph is the GraphQL transport: generated code, thin resolvers, dataloaders and the
// error presenter. A resolver decodes its arguments, calls one service method (or a loader,
// for a field), and encodes the result.
package graph

import (
	"context"

	"atbalsts/domain"
	"atbalsts/service"
	"atbalsts/store"
)

//go:generate go tool gqlgen generate

// Resolver holds the dependencies of the resolvers.
type Resolver struct {
	Service  *service.Service // the use cases: every change goes through them
	Store    *store.Store     // the database, for reads and the loaders
	Sessions Sessions         // the SPA's cookie sessions; nil where there are none
}

// Sessions starts and ends the SPA's cookie sessions. The server implements it over the
// request's session; the resolvers only decide when.
type Sessions interface {
	// Start signs the user in on this request's session, under a new session token, and
	// returns the session's CSRF token.
	// The session ends when the user's password stamp is no longer the one given.
	Start(ctx context.Context, user *domain.User) (csrfToken string, err error)
	// End signs out: the session is destroyed and its cookies are cleared.
	End(ctx context.Context) error
}
