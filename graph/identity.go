package graph

import (
	"context"
	"strings"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/graph/model"
)

// userScope turns the role and scope fields of a user input into the domain's scope.
func userScope(role domain.Role, regionID *string, municipalityIDs []string, providerID *string) (domain.UserScope, error) {
	sc := domain.UserScope{Role: role}
	if regionID != nil {
		id, err := idOf("regionId", typePlanningRegion, *regionID)
		if err != nil {
			return sc, err
		}
		sc.RegionID = &id
	}
	for _, gid := range municipalityIDs {
		id, err := idOf("municipalityIds", typeMunicipality, gid)
		if err != nil {
			return sc, err
		}
		sc.MunicipalityIDs = append(sc.MunicipalityIDs, id)
	}
	if providerID != nil {
		id, err := idOf("providerId", typeProvider, *providerID)
		if err != nil {
			return sc, err
		}
		sc.ProviderID = &id
	}
	return sc, nil
}

func userFilter(in *model.UserFilter) domain.UserFilter {
	var f domain.UserFilter
	if in != nil {
		f.Role, f.Active = in.Role, in.Active
		if in.Search != nil {
			f.Search = strings.TrimSpace(*in.Search)
		}
	}
	return f
}

func auditFilter(scope domain.AuditScope, in *model.AuditEventFilter) (domain.AuditFilter, error) {
	f := domain.AuditFilter{Scope: scope}
	if in == nil {
		return f, nil
	}
	f.Action, f.From, f.To = in.Action, in.From, in.To
	if in.EntityType != nil {
		f.EntityType = strings.TrimSpace(*in.EntityType)
	}
	if in.EntityID != nil {
		typ, id, err := parseGlobalID(*in.EntityID)
		if err != nil {
			err.(*domain.Error).Field = "filter.entityId"
			return f, err
		}
		id64 := int64(id)
		f.EntityType, f.EntityID = typ, &id64
	}
	if in.ActorID != nil {
		id, err := idOf("filter.actorId", typeUser, *in.ActorID)
		if err != nil {
			return f, err
		}
		f.ActorID = &id
	}
	return f, nil
}

// auditUserRead records that the caller read a user's personal fields (name, email), unless
// the user is the caller or the request has just changed the record (its change row says so).
// The read log writes one row per record per request, however many fields were read.
func auditUserRead(ctx context.Context, u *domain.User) {
	if domain.ActorFrom(ctx).UserID == u.ID {
		return
	}
	domain.AuditReads(ctx, domain.AuditRef{EntityType: domain.EntityUser, EntityID: int64(u.ID), RegionID: u.AuditRegionID})
}

// wrote tells the read log that this request wrote the user, so that returning it in the
// payload is not recorded as a read besides the write, and primes the loader with it.
func wrote(ctx context.Context, u *domain.User) *domain.User {
	if u != nil {
		domain.AuditWrote(ctx, domain.AuditRef{EntityType: domain.EntityUser, EntityID: int64(u.ID)})
		loader.For(ctx).UserByID.Prime(u.ID, u)
	}
	return u
}

// protectedNode fetches an object of the identity types for node(id), answering null (as for
// an unknown id) when the caller may not see it.
func (r *Resolver) protectedNode(ctx context.Context, typ string, id int) (model.Node, error) {
	a := domain.ActorFrom(ctx)
	l := loader.For(ctx)
	switch typ {
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
	case typeAPIToken:
		if err := domain.RequireSignedIn(a); err != nil {
			return nil, err
		}
		t, err := r.Store.Token(ctx, id)
		if err != nil {
			return nil, err
		}
		if err := domain.CanManageTokensOf(a, t.UserID); err != nil {
			return nil, err
		}
		return t, nil
	case typeAuditEvent:
		scope, err := domain.CanReadAudit(a)
		if err != nil {
			return nil, err
		}
		e, err := r.Store.AuditEvent(ctx, scope, int64(id))
		if err != nil {
			return nil, err
		}
		return e, nil
	}
	return nil, nil
}
