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

// caseNode fetches a case record within the caller's case scope, and audits the read.
func (r *Resolver) caseNode(ctx context.Context, typ string, id int) (model.Node, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	switch typ {
	case typeChild:
		c, err := r.Store.ChildInScope(ctx, scope, id)
		if err == nil {
			seenChildren(ctx, c)
		}
		return c, err
	case typeParent:
		if _, err := domain.CanReadParents(a); err != nil {
			return nil, domain.NotFound("parent")
		}
		p, err := r.Store.ParentInScope(ctx, scope, id)
		if err == nil {
			domain.AuditReads(ctx, domain.AuditRef{EntityType: typeParent, EntityID: int64(p.ID), MunicipalityID: p.MunicipalityID})
		}
		return p, err
	case typeApplication:
		app, err := r.Store.ApplicationInScope(ctx, scope, id)
		if err == nil {
			auditRead(ctx, typeApplication, app.ID, app.MunicipalityID)
		}
		return app, err
	case typeAssessment:
		as, err := r.Store.AssessmentInScope(ctx, scope, id)
		if err == nil {
			auditRead(ctx, typeAssessment, as.ID, as.MunicipalityID)
		}
		return as, err
	case typeSupportPlan:
		p, err := r.Store.PlanInScope(ctx, scope, id)
		if err == nil {
			auditRead(ctx, typeSupportPlan, p.ID, p.MunicipalityID)
		}
		return p, err
	case typePlanRevision:
		p, err := r.Store.PlanOfRevision(ctx, scope, id)
		if err != nil {
			return nil, err
		}
		auditRead(ctx, typeSupportPlan, p.ID, p.MunicipalityID)
		return loader.For(ctx).RevisionByID.Load(ctx, id)
	}
	return nil, nil
}
