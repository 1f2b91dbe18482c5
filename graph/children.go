package graph

import (
	"context"
	"strings"

	"atbalsts/domain"
	"atbalsts/graph/loader"
	"atbalsts/graph/model"
)

// childData decodes a child's record as the forms send it.
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

// parentData decodes a parent's record.
func parentData(in *model.ParentInput) domain.ParentData {
	return domain.ParentData{PersonalCode: in.PersonalCode, FirstName: in.FirstName, LastName: in.LastName, Phone: in.Phone,
		Email: in.Email, Address: in.Address}
}

// parentLink decodes the ids of a link between a child and a parent.
func parentLink(childID, parentID string) (domain.ParentLink, error) {
	var l domain.ParentLink
	var err error
	if l.ChildID, err = idOf("childId", typeChild, childID); err != nil {
		return l, err
	}
	l.ParentID, err = idOf("parentId", typeParent, parentID)
	return l, err
}

// childFilter decodes the filter of children (the service adds the caller's scope).
func childFilter(in *model.ChildFilter) (domain.ChildFilter, error) {
	var f domain.ChildFilter
	if in == nil {
		return f, nil
	}
	if in.Search != nil {
		f.Search = strings.TrimSpace(*in.Search)
	}
	var err error
	f.MunicipalityID, err = optionalID("filter.municipalityId", typeMunicipality, in.MunicipalityID)
	f.Impairment, f.LivingArrangement, f.PlanStatus = in.Impairment, in.LivingArrangement, in.PlanStatus
	return f, err
}

// parentFilter decodes the filter of parents.
func parentFilter(in *model.ParentFilter) domain.ParentFilter {
	var f domain.ParentFilter
	if in != nil && in.Search != nil {
		f.Search = *in.Search
	}
	return f
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
	// Queue the next level now, so that its batch does not wait for the timer; only if asked.
	l := loader.For(ctx)
	if selects(ctx, "edges", "node", "supportPlans") {
		wantPlanReads(ctx, l, "edges", "node", "supportPlans")
		l.PlansByChildID.LoadAllThunk(ctx, ids)
	}
	return conn
}

// wantPlanReads tells the loaders what the query reads of the plans at path: their revisions,
// the first page of their deliveries.
func wantPlanReads(ctx context.Context, l *loader.Loaders, path ...string) {
	if selectsAny(ctx, path, revisionFields...) {
		l.WantRevisions()
	}
	if limit, ok := selectedPage(ctx, append(path[:len(path):len(path)], "deliveries")...); ok {
		l.WantPlanDeliveries(limit)
	}
}
