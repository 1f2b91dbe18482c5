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

// userFilter decodes a user list filter.
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

// auditFilter decodes an audit log filter; the service adds the caller's scope.
func auditFilter(in *model.AuditEventFilter) (domain.AuditFilter, error) {
	var f domain.AuditFilter
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

// primeUser primes the loader with a user this request wrote (the service marked it written,
// so returning it adds no read row).
func primeUser(ctx context.Context, u *domain.User) *domain.User {
	if u != nil {
		loader.For(ctx).UserByID.Prime(u.ID, u)
	}
	return u
}

// userPermissions answers User.viewerCan with the rules the services apply.
func userPermissions(a domain.Actor, u *domain.User) *model.UserPermissions {
	return &model.UserPermissions{
		Edit:          domain.CanManageUsers(a) == nil,
		Deactivate:    domain.CanSetUserActive(a, u.ID, false) == nil,
		ResetPassword: domain.CanManageUsers(a) == nil,
		ManageTokens:  domain.CanManageTokensOf(a, u.ID) == nil,
	}
}

// restartSession starts the caller's session again, under a new token, after a password
// change or reset that ended every session of userID: the caller's own, when userID is the
// caller signed in by a session, goes on (a token's caller has no session to keep).
func (r *Resolver) restartSession(ctx context.Context, user *domain.User) error {
	a := domain.ActorFrom(ctx)
	if r.Sessions == nil || a.Method != domain.AuthSession || a.UserID != user.ID {
		return nil
	}
	_, err := r.Sessions.Start(ctx, user)
	return err
}
