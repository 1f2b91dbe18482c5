package graph

import "atbalsts/graph/model"

// AuthProviders is what a Sessions that can also sign in through identity providers implements
// (the server's, when an OpenID Connect provider is configured): the providers the sign-in page
// offers.
type AuthProviders interface {
	AuthProviders() []*model.AuthProvider
}

// authProviders are the sessions' identity providers; none when the sessions offer none.
func authProviders(s Sessions) []*model.AuthProvider {
	if p, ok := s.(AuthProviders); ok {
		return p.AuthProviders()
	}
	return []*model.AuthProvider{}
}
