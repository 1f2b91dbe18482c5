// Package loader batches the lookups of nested GraphQL fields: one SQL statement per nesting
// level instead of one per parent object. Loaders live for one request.
package loader

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"atbalsts/domain"
	"atbalsts/store"
)

// wait is how long a loader collects keys before it runs its batch. dataloadgen's default of
// 16 ms would add 16 ms per nesting level; the keys of one level arrive within microseconds.
const wait = 500 * time.Microsecond

// Loaders are the per-request dataloaders, named after what they return and their key.
type Loaders struct {
	RegionByID               *dataloadgen.Loader[int, *domain.Region]
	MunicipalityByID         *dataloadgen.Loader[int, *domain.Municipality]
	MunicipalitiesByRegionID *dataloadgen.Loader[int, []*domain.Municipality]
	ServiceTypeByID          *dataloadgen.Loader[int, *domain.ServiceType]
	UserByID                 *dataloadgen.Loader[int, *domain.User]
	ProviderByID             *dataloadgen.Loader[int, *domain.Provider]
	TokensByUserID           *dataloadgen.Loader[int, []*domain.APIToken]
}

// New makes a fresh set of loaders over the store.
func New(s *store.Store) *Loaders {
	opt := dataloadgen.WithWait(wait)
	return &Loaders{
		RegionByID:               dataloadgen.NewLoader(s.RegionsByIDs, opt),
		MunicipalityByID:         dataloadgen.NewLoader(s.MunicipalitiesByIDs, opt),
		MunicipalitiesByRegionID: dataloadgen.NewLoader(s.MunicipalitiesByRegionIDs, opt),
		ServiceTypeByID:          dataloadgen.NewLoader(s.ServiceTypesByIDs, opt),
		UserByID:                 dataloadgen.NewLoader(s.UsersByIDs, opt),
		ProviderByID:             dataloadgen.NewLoader(s.ProvidersByIDs, opt),
		TokensByUserID:           dataloadgen.NewLoader(s.TokensByUserIDs, opt),
	}
}

type ctxKey struct{}

// Middleware gives every request its own loaders, so that no cached row outlives a request
// or crosses from one caller to another.
func Middleware(s *store.Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), ctxKey{}, New(s))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// For returns the loaders of the request in ctx.
func For(ctx context.Context) *Loaders {
	return ctx.Value(ctxKey{}).(*Loaders)
}
