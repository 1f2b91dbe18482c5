package graph

import (
	"context"
	"strconv"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/graph/model"
)

// Type names of the case registry inside global IDs; they match the GraphQL type names.
const (
	typeProject      = domain.EntityProject
	typeChild        = domain.EntityChild
	typeParent       = domain.EntityParent
	typeApplication  = domain.EntityApplication
	typeAssessment   = domain.EntityAssessment
	typeSupportPlan  = domain.EntitySupportPlan
	typePlanRevision = domain.EntityPlanRevision
)

// seenChildren audits the reads of children a field returns: one row per child per request
// (the read log collapses repeats).
func seenChildren(ctx context.Context, children ...*domain.Child) {
	for _, c := range children {
		if c != nil {
			domain.AuditCaseRead(ctx, domain.EntityChild, c.ID, c.MunicipalityID)
		}
	}
}

// caseScope is the caller's scope over case records.
func caseScope(ctx context.Context) (domain.CaseScope, error) {
	return domain.CanReadCases(domain.ActorFrom(ctx))
}

// optionalID returns the database id of an optional global id.
func optionalID(field, typ string, gid *string) (*int, error) {
	if gid == nil {
		return nil, nil
	}
	id, err := idOf(field, typ, *gid)
	if err != nil {
		return nil, err
	}
	return &id, nil
}

func capRule(in *model.CapRuleInput) domain.CapRule {
	return domain.CapRule{Kind: in.Kind, ValidFrom: in.ValidFrom, Limit: in.Limit, MinAge: in.MinAge, MaxAge: in.MaxAge}
}

// pageInfo fills a connection's page info from its cursors.
func pageInfo(cursors []string, hasNext, hasPrevious bool) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: hasPrevious}
	if n := len(cursors); n > 0 {
		pi.StartCursor, pi.EndCursor = &cursors[0], &cursors[n-1]
	}
	return pi
}

// names resolves ids to readable names for a plan diff.
func (r *Resolver) diffNames(ctx context.Context) func(kind string, id int) string {
	l := loader.For(ctx)
	return func(kind string, id int) string {
		switch kind {
		case "serviceType":
			if st, err := l.ServiceTypeByID.Load(ctx, id); err == nil {
				return st.Code
			}
		case "provider":
			if p, err := l.ProviderByID.Load(ctx, id); err == nil {
				return p.Name
			}
		}
		return strconv.Itoa(id)
	}
}
