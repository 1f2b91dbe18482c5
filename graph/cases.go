package graph

import (
	"context"
	"strconv"
	"strings"
	"time"

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

// Reads of case records are audited when the records are returned, one row per record per
// request (the read log collapses repeats). The record's municipality lets the coordinators
// who see the record see the row.

func auditRead(ctx context.Context, entityType string, id, municipalityID int) {
	m := municipalityID
	domain.AuditReads(ctx, domain.AuditRef{EntityType: entityType, EntityID: int64(id), MunicipalityID: &m})
}

func seenChildren(ctx context.Context, children ...*domain.Child) {
	for _, c := range children {
		if c != nil {
			auditRead(ctx, domain.EntityChild, c.ID, c.MunicipalityID)
		}
	}
}

// wroteRecord marks a record this request wrote: its change row records it.
func wroteRecord(ctx context.Context, entityType string, id int) {
	domain.AuditWrote(ctx, domain.AuditRef{EntityType: entityType, EntityID: int64(id)})
}

// caseScope is the caller's scope over case records.
func caseScope(ctx context.Context) (domain.CaseScope, error) {
	return domain.CanReadCases(domain.ActorFrom(ctx))
}

// editChild returns the check a store method runs on the locked child: may the caller change
// this child's case?
func editChild(ctx context.Context) func(*domain.Child) error {
	a := domain.ActorFrom(ctx)
	return func(c *domain.Child) error { return domain.CanEditCase(a, c.MunicipalityID, true) }
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

func childData(in *model.ChildInput) (domain.ChildData, error) {
	m, err := idOf("municipalityId", typeMunicipality, in.MunicipalityID)
	if err != nil {
		return domain.ChildData{}, err
	}
	return domain.ChildData{PersonalCode: in.PersonalCode, FirstName: in.FirstName, LastName: in.LastName, BirthDate: in.BirthDate,
		Sex: in.Sex, MunicipalityID: m, LivingArrangement: in.LivingArrangement, DisabilityFrom: in.DisabilityFrom,
		DisabilityTo: in.DisabilityTo, SpecialCareNeedFrom: in.SpecialCareNeedFrom, SpecialCareNeedTo: in.SpecialCareNeedTo,
		Impairments: in.Impairments}, nil
}

func parentData(in *model.ParentInput) domain.ParentData {
	return domain.ParentData{PersonalCode: in.PersonalCode, FirstName: in.FirstName, LastName: in.LastName, Phone: in.Phone,
		Email: in.Email, Address: in.Address}
}

func capRule(in *model.CapRuleInput) domain.CapRule {
	return domain.CapRule{Kind: in.Kind, ValidFrom: in.ValidFrom, Limit: in.Limit, MinAge: in.MinAge, MaxAge: in.MaxAge}
}

func childFilter(scope domain.CaseScope, in *model.ChildFilter) (domain.ChildFilter, error) {
	f := domain.ChildFilter{Scope: scope}
	if in == nil {
		return f, nil
	}
	if in.Search != nil {
		f.Search = strings.TrimSpace(*in.Search)
	}
	if f.Search != "" {
		if err := domain.CanSearchByPersonalData(scope); err != nil {
			return f, err
		}
	}
	var err error
	f.MunicipalityID, err = optionalID("filter.municipalityId", typeMunicipality, in.MunicipalityID)
	f.Impairment, f.LivingArrangement, f.PlanStatus = in.Impairment, in.LivingArrangement, in.PlanStatus
	return f, err
}

// pageInfo fills a connection's page info from its cursors.
func pageInfo(cursors []string, hasNext, hasPrevious bool) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: hasPrevious}
	if n := len(cursors); n > 0 {
		pi.StartCursor, pi.EndCursor = &cursors[0], &cursors[n-1]
	}
	return pi
}

// childConnection makes a connection of children, audits their reads and queues their next
// level's keys.
func childConnection(ctx context.Context, f domain.ChildFilter, children []*domain.Child, cursors []string, pi *model.PageInfo) *model.ChildConnection {
	conn := &model.ChildConnection{Filter: f, PageInfo: pi}
	ids := make([]int, len(children))
	for i, c := range children {
		conn.Edges = append(conn.Edges, &model.ChildEdge{Cursor: cursors[i], Node: c})
		ids[i] = c.ID
		seenChildren(ctx, c)
	}
	// Queue the next level now, so that its batch does not wait for the timer.
	loader.For(ctx).PlansByChildID.LoadAllThunk(ctx, ids)
	return conn
}

// decideApplication runs a decision on an application.
func (r *Resolver) decideApplication(ctx context.Context, in model.DecideApplicationInput, next domain.ApplicationStatus) (*model.ApplicationPayload, error) {
	scope, err := caseScope(ctx)
	if err != nil {
		return nil, err
	}
	id, err := idOf("id", typeApplication, in.ID)
	if err != nil {
		return nil, err
	}
	a := domain.ActorFrom(ctx)
	app, err := r.Store.DecideApplication(ctx, scope, id, in.Version, next, in.Reason, domain.Today(r.now()),
		func(app *domain.Application) error { return domain.CanEditCase(a, app.MunicipalityID, true) })
	if err != nil {
		return nil, err
	}
	wroteRecord(ctx, typeApplication, app.ID)
	return &model.ApplicationPayload{Application: app}, nil
}

func (r *Resolver) now() time.Time { return r.Service.Now() }

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
