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

	ProjectByID             *dataloadgen.Loader[int, *domain.Project]
	PricesByProviderID      *dataloadgen.Loader[int, []*domain.ProviderPrice]
	ChildByID               *dataloadgen.Loader[int, *domain.Child]
	ChildPageByMunicipality *dataloadgen.Loader[store.ChildPageKey, *store.ChildPage]
	ParentLinksByChildID    *dataloadgen.Loader[int, []*store.ParentLinkRow]
	ApplicationsByChildID   *dataloadgen.Loader[int, []*domain.Application]
	EventsByApplicationID   *dataloadgen.Loader[int, []*domain.ApplicationEvent]
	AssessmentByID          *dataloadgen.Loader[int, *domain.Assessment]
	AssessmentsByChildID    *dataloadgen.Loader[int, []*domain.Assessment]
	PlanByID                *dataloadgen.Loader[int, *domain.SupportPlan]
	PlansByChildID          *dataloadgen.Loader[int, []*domain.SupportPlan]
	RevisionByID            *dataloadgen.Loader[int, *domain.PlanRevision]
	RevisionsByPlanID       *dataloadgen.Loader[int, []*domain.PlanRevision]
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

		ProjectByID:             dataloadgen.NewLoader(s.ProjectsByIDs, opt),
		PricesByProviderID:      dataloadgen.NewLoader(s.PricesByProviderIDs, opt),
		ChildByID:               dataloadgen.NewLoader(s.ChildrenByIDs, opt),
		ChildPageByMunicipality: dataloadgen.NewLoader(childPages(s), opt),
		ParentLinksByChildID:    dataloadgen.NewLoader(s.ParentLinksByChildIDs, opt),
		ApplicationsByChildID:   dataloadgen.NewLoader(s.ApplicationsByChildIDs, opt),
		EventsByApplicationID:   dataloadgen.NewLoader(s.EventsByApplicationIDs, opt),
		AssessmentByID:          dataloadgen.NewLoader(s.AssessmentsByIDs, opt),
		AssessmentsByChildID:    dataloadgen.NewLoader(s.AssessmentsByChildIDs, opt),
		PlanByID:                dataloadgen.NewLoader(s.PlansByIDs, opt),
		PlansByChildID:          dataloadgen.NewLoader(s.PlansByChildIDs, opt),
		RevisionByID:            dataloadgen.NewLoader(s.RevisionsByIDs, opt),
		RevisionsByPlanID:       dataloadgen.NewLoader(s.RevisionsByPlanIDs, opt),
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

// childPages reads pages of municipalities' children within the caller's scope: the scope
// comes from the request's actor, as the children's visibility depends on who asks.
func childPages(s *store.Store) func(context.Context, []store.ChildPageKey) ([]*store.ChildPage, []error) {
	return func(ctx context.Context, keys []store.ChildPageKey) ([]*store.ChildPage, []error) {
		scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
		if err != nil {
			errs := make([]error, len(keys))
			for i := range errs {
				errs[i] = err
			}
			return nil, errs
		}
		return s.ChildPagesByMunicipality(ctx, scope, keys)
	}
}
