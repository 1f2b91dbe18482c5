package graph

import (
	"context"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/graph/model"
)

// node fetches the object of a global id for node(id), as far as the caller may see it: an
// object they may not see is not found (null), as an unknown id is. Objects that field
// resolvers load in batches come from the same loaders, after the access check their lists
// make; the others from one service (or store) read each.
func (r *Resolver) node(ctx context.Context, typ string, id int) (model.Node, error) {
	a := domain.ActorFrom(ctx)
	l := loader.For(ctx)
	switch typ {
	case typePlanningRegion:
		return l.RegionByID.Load(ctx, id)
	case typeMunicipality:
		return l.MunicipalityByID.Load(ctx, id)
	case typeServiceType:
		return l.ServiceTypeByID.Load(ctx, id)
	case typeUser:
		if err := domain.CanSeeUser(a, id); err != nil {
			return nil, err
		}
		return l.UserByID.Load(ctx, id)
	case typeProvider:
		if err := domain.CanListProviders(a); err != nil {
			return nil, err
		}
		return l.ProviderByID.Load(ctx, id)
	case typeProject:
		if err := domain.CanReadProjects(a); err != nil {
			return nil, err
		}
		return l.ProjectByID.Load(ctx, id)
	case typeAPIToken:
		return r.Service.Tokens.Get(ctx, id)
	case typeAuditEvent:
		return r.Service.AuditLog.Get(ctx, int64(id))
	case typeChild, typeParent, typeApplication, typeAssessment, typeSupportPlan, typePlanRevision:
		return r.caseNode(ctx, typ, id)
	case typeDelivery, typeClaim:
		return r.deliveryNode(ctx, typ, id)
	}
	return nil, nil
}

// caseNode fetches a case record through its service: the caller's scope, and an audited read.
func (r *Resolver) caseNode(ctx context.Context, typ string, id int) (model.Node, error) {
	switch typ {
	case typeChild:
		return r.Service.Children.Get(ctx, id)
	case typeParent:
		return r.Service.Parents.Get(ctx, id)
	case typeApplication:
		return r.Service.Applications.Get(ctx, id)
	case typeAssessment:
		return r.Service.Assessments.Get(ctx, id)
	case typeSupportPlan:
		return r.Service.Plans.Get(ctx, id)
	default: // typePlanRevision
		return r.Service.Plans.Revision(ctx, id)
	}
}
