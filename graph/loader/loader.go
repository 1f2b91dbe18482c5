// Package loader batches the lookups of nested GraphQL fields: one SQL statement per nesting
// level instead of one per parent object. Loaders live for one request.
package loader

import (
	"context"
	"net/http"
	"sync/atomic"
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
	AmendmentsByProjectID   *dataloadgen.Loader[int, []*domain.ProjectAmendment]
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

	DeliverySumsByPlanID    *dataloadgen.Loader[int, []domain.DeliverySum]
	CountedUnitsByChildID   *dataloadgen.Loader[int, []domain.CountedUnits]
	DeliveryFirstPage       *dataloadgen.Loader[DeliveryPageKey, *DeliveryPage]
	CorrectionsByDeliveryID *dataloadgen.Loader[int, []*domain.DeliveryCorrection]
	ClaimByID               *dataloadgen.Loader[int, *domain.Claim]

	// whether the request's query asks for children's plans, and for plans' revisions: the
	// loaders above queue those reads ahead only then
	wantPlans, wantRevisions atomic.Bool
	// the page size of the plans' deliveries the query asks for (0: none), read ahead for
	// every plan as soon as the plans are known
	planDeliveries atomic.Int64
}

// WantPlanDeliveries says that the query asks for the first limit deliveries of the plans it
// lists.
func (l *Loaders) WantPlanDeliveries(limit int) { l.planDeliveries.Store(int64(limit)) }

// WantPlans says that the query asks for the plans of the children it lists.
func (l *Loaders) WantPlans() { l.wantPlans.Store(true) }

// WantRevisions says that the query asks for the revisions of the plans it lists.
func (l *Loaders) WantRevisions() { l.wantRevisions.Store(true) }

// New makes a fresh set of loaders over the store.
func New(s *store.Store) *Loaders {
	opt := dataloadgen.WithWait(wait)
	l := &Loaders{
		RegionByID:               dataloadgen.NewLoader(s.RegionsByIDs, opt),
		MunicipalityByID:         dataloadgen.NewLoader(s.MunicipalitiesByIDs, opt),
		MunicipalitiesByRegionID: dataloadgen.NewLoader(s.MunicipalitiesByRegionIDs, opt),
		ServiceTypeByID:          dataloadgen.NewLoader(s.ServiceTypesByIDs, opt),
		UserByID:                 dataloadgen.NewLoader(s.UsersByIDs, opt),
		ProviderByID:             dataloadgen.NewLoader(s.ProvidersByIDs, opt),
		TokensByUserID:           dataloadgen.NewLoader(s.TokensByUserIDs, opt),

		ProjectByID:           dataloadgen.NewLoader(s.ProjectsByIDs, opt),
		AmendmentsByProjectID: dataloadgen.NewLoader(s.AmendmentsByProjectIDs, opt),
		PricesByProviderID:    dataloadgen.NewLoader(s.PricesByProviderIDs, opt),
		ChildByID:             dataloadgen.NewLoader(s.ChildrenByIDs, opt),
		ParentLinksByChildID:  dataloadgen.NewLoader(s.ParentLinksByChildIDs, opt),
		ApplicationsByChildID: dataloadgen.NewLoader(s.ApplicationsByChildIDs, opt),
		EventsByApplicationID: dataloadgen.NewLoader(s.EventsByApplicationIDs, opt),
		AssessmentByID:        dataloadgen.NewLoader(s.AssessmentsByIDs, opt),
		AssessmentsByChildID:  dataloadgen.NewLoader(s.AssessmentsByChildIDs, opt),
		PlanByID:              dataloadgen.NewLoader(s.PlansByIDs, opt),

		DeliverySumsByPlanID:    dataloadgen.NewLoader(s.DeliverySumsByPlanIDs, opt),
		CountedUnitsByChildID:   dataloadgen.NewLoader(s.CountedUnitsByChildIDs, opt),
		DeliveryFirstPage:       dataloadgen.NewLoader(deliveryFirstPages(s), opt),
		CorrectionsByDeliveryID: dataloadgen.NewLoader(s.CorrectionsByDeliveryIDs, opt),
		ClaimByID:               dataloadgen.NewLoader(s.ClaimsByIDs, opt),
	}
	// A level's keys are all known when the level above returns: queue them at once, so that
	// the next batch does not depend on when each parent's resolver happens to run (which,
	// with hundreds of rows, spreads beyond the loader's wait and splits the batch). What is
	// queued is only what the query asks for (the resolvers say so: WantPlans, WantRevisions).
	pages := childPages(s)
	l.ChildPageByMunicipality = dataloadgen.NewLoader(func(ctx context.Context, keys []store.ChildPageKey) ([]*store.ChildPage, []error) {
		ps, errs := pages(ctx, keys)
		if !l.wantPlans.Load() {
			return ps, errs
		}
		var ids []int
		for _, p := range ps {
			if p != nil {
				for _, c := range p.Children {
					ids = append(ids, c.ID)
				}
			}
		}
		l.PlansByChildID.LoadAllThunk(ctx, ids)
		return ps, errs
	}, opt)
	l.PlansByChildID = dataloadgen.NewLoader(func(ctx context.Context, ids []int) ([][]*domain.SupportPlan, []error) {
		plans, errs := s.PlansByChildIDs(ctx, ids)
		if limit := int(l.planDeliveries.Load()); limit > 0 {
			var keys []DeliveryPageKey
			for _, ps := range plans {
				for _, p := range ps {
					keys = append(keys, DeliveryPageKey{By: store.DeliveriesOfPlan, ID: p.ID, Limit: limit})
				}
			}
			l.DeliveryFirstPage.LoadAllThunk(ctx, keys)
		}
		if !l.wantRevisions.Load() {
			return plans, errs
		}
		var revs []int
		for _, ps := range plans {
			for _, p := range ps {
				revs = append(revs, p.CurrentID)
				if p.PendingID != nil {
					revs = append(revs, *p.PendingID)
				}
			}
		}
		l.RevisionByID.LoadAllThunk(ctx, revs)
		return plans, errs
	}, opt)
	l.RevisionByID = dataloadgen.NewLoader(func(ctx context.Context, ids []int) ([]*domain.PlanRevision, []error) {
		revs, errs := s.RevisionsByIDs(ctx, ids)
		l.queueLines(ctx, revs)
		return revs, errs
	}, opt)
	l.RevisionsByPlanID = dataloadgen.NewLoader(func(ctx context.Context, ids []int) ([][]*domain.PlanRevision, []error) {
		revs, errs := s.RevisionsByPlanIDs(ctx, ids)
		for _, rs := range revs {
			l.queueLines(ctx, rs)
		}
		return revs, errs
	}, opt)
	return l
}

// queueLines queues the service types and providers of the revisions' lines.
func (l *Loaders) queueLines(ctx context.Context, revs []*domain.PlanRevision) {
	var types, providers []int
	for _, r := range revs {
		if r == nil {
			continue
		}
		for _, line := range r.Lines {
			types = append(types, line.ServiceTypeID)
			if line.ProviderID != nil {
				providers = append(providers, *line.ProviderID)
			}
		}
	}
	l.ServiceTypeByID.LoadAllThunk(ctx, types)
	l.ProviderByID.LoadAllThunk(ctx, providers)
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

// DeliveryPageKey names the first page of a plan's or a claim's deliveries.
type DeliveryPageKey struct {
	By    store.DeliveryParent // whose deliveries: a plan's or a claim's
	ID    int                  // the plan or claim
	Limit int                  // the page size
}

// DeliveryPage is a page of deliveries, and whether more follow.
type DeliveryPage struct {
	Rows []domain.Delivery
	More bool
}

// deliveryFirstPages reads the first pages of many plans' or claims' deliveries within the
// caller's scope, one statement per kind of parent and page size.
func deliveryFirstPages(s *store.Store) func(context.Context, []DeliveryPageKey) ([]*DeliveryPage, []error) {
	return func(ctx context.Context, keys []DeliveryPageKey) ([]*DeliveryPage, []error) {
		out, errs := make([]*DeliveryPage, len(keys)), make([]error, len(keys))
		scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
		if err != nil {
			for i := range errs {
				errs[i] = err
			}
			return out, errs
		}
		type group struct {
			by    store.DeliveryParent
			limit int
		}
		idx := map[group][]int{}
		for i, k := range keys {
			g := group{k.By, k.Limit}
			idx[g] = append(idx[g], i)
		}
		for g, at := range idx {
			ids := make([]int, len(at))
			for j, i := range at {
				ids[j] = keys[i].ID
			}
			pages, more, err := s.DeliveryFirstPages(ctx, domain.DeliveryFilter{Scope: scope}, g.by, ids, g.limit)
			for j, i := range at {
				if err != nil {
					errs[i] = err
					continue
				}
				out[i] = &DeliveryPage{Rows: pages[j], More: more[j]}
			}
		}
		return out, errs
	}
}
