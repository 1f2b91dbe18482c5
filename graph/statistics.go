package graph

import (
	"context"
	"fmt"
	"slices"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// statistics answers the statistics query: the service counts, scopes, suppresses and audits;
// this turns ids and rows into the schema's shapes.
func (r *queryResolver) statistics(ctx context.Context, filter model.StatisticsFilter, groupBy []model.StatisticsDimension) (*model.StatisticsResult, error) {
	f, err := StatisticsFilterOf(filter)
	if err != nil {
		return nil, err
	}
	dims := make([]domain.StatDimension, len(groupBy))
	for i, d := range groupBy {
		dims[i] = domain.StatDimension(d)
	}
	res, err := r.Service.Statistics.Query(ctx, f, dims, r.minCount(), "graphql")
	if err != nil {
		return nil, err
	}
	return r.statisticsResult(ctx, res, dims)
}

// StatisticsFilterOf decodes a filter's global ids.
func StatisticsFilterOf(in model.StatisticsFilter) (domain.StatisticsFilter, error) {
	f := domain.StatisticsFilter{From: in.From, To: in.To, ServiceCategories: in.ServiceCategories, Recipient: in.Recipient}
	ids := func(field, typ string, gids []string) ([]int, error) {
		var out []int
		for i, g := range gids {
			id, err := idOf(fmt.Sprintf("filter.%s.%d", field, i), typ, g)
			if err != nil {
				return nil, err
			}
			out = append(out, id)
		}
		return out, nil
	}
	var err error
	if f.RegionIDs, err = ids("regionIds", typePlanningRegion, in.RegionIds); err != nil {
		return f, err
	}
	if f.MunicipalityIDs, err = ids("municipalityIds", typeMunicipality, in.MunicipalityIds); err != nil {
		return f, err
	}
	if f.ProjectIDs, err = ids("projectIds", typeProject, in.ProjectIds); err != nil {
		return f, err
	}
	f.ServiceTypeIDs, err = ids("serviceTypeIds", typeServiceType, in.ServiceTypeIds)
	return f, err
}

// statisticsResult builds the answer, loading the regions, municipalities, projects and
// service types the rows name, each once.
func (r *queryResolver) statisticsResult(ctx context.Context, res *domain.StatisticsResult, dims []domain.StatDimension) (*model.StatisticsResult, error) {
	refs, err := r.statReferences(ctx, res.Rows)
	if err != nil {
		return nil, err
	}
	out := &model.StatisticsResult{AsOf: res.AsOf, Total: measuresModel(res.Total), Rows: make([]*model.StatisticsRow, len(res.Rows))}
	if res.MinCount > 0 {
		k := res.MinCount
		out.MinCount = &k
	}
	for i, c := range res.Rows {
		row := &model.StatisticsRow{Measures: measuresModel(c.StatMeasures)}
		k := c.Key
		for _, d := range dims {
			switch d {
			case domain.DimRegion:
				row.Region = refs.regions[k.RegionID]
			case domain.DimMunicipality:
				row.Municipality = refs.municipalities[k.MunicipalityID]
			case domain.DimProject:
				row.Project = refs.projects[k.ProjectID]
			case domain.DimServiceType:
				row.ServiceType = refs.types[k.ServiceTypeID]
			case domain.DimServiceCategory:
				row.ServiceCategory = &k.ServiceCategory
			case domain.DimRecipient:
				row.Recipient = &k.Recipient
			case domain.DimFundingSource:
				if k.FundingSource != "" {
					row.FundingSource = &k.FundingSource
				}
			case domain.DimYear, domain.DimQuarter, domain.DimMonth:
				row.Period = &k.Period
			case domain.DimAgeBand:
				row.AgeBand = &k.AgeBand
			case domain.DimSex:
				row.Sex = &k.Sex
			case domain.DimImpairment:
				if k.Impairment != "" {
					row.Impairment = &k.Impairment
				}
			case domain.DimLivingArrangement:
				row.LivingArrangement = &k.LivingArrangement
			}
		}
		out.Rows[i] = row
	}
	return out, nil
}

type statRefs struct {
	regions        map[int]*domain.Region
	municipalities map[int]*domain.Municipality
	projects       map[int]*domain.Project
	types          map[int]*domain.ServiceType
}

func (r *queryResolver) statReferences(ctx context.Context, rows []domain.StatCell) (statRefs, error) {
	var regions, municipalities, projects, types []int
	for _, c := range rows {
		regions = appendNew(regions, c.Key.RegionID)
		municipalities = appendNew(municipalities, c.Key.MunicipalityID)
		projects = appendNew(projects, c.Key.ProjectID)
		types = appendNew(types, c.Key.ServiceTypeID)
	}
	st := r.Service.Store()
	var refs statRefs
	var err error
	if refs.regions, err = byID(ctx, regions, st.RegionsByIDs, func(x *domain.Region) int { return x.ID }); err != nil {
		return refs, err
	}
	if refs.municipalities, err = byID(ctx, municipalities, st.MunicipalitiesByIDs, func(x *domain.Municipality) int { return x.ID }); err != nil {
		return refs, err
	}
	if refs.projects, err = byID(ctx, projects, st.ProjectsByIDs, func(x *domain.Project) int { return x.ID }); err != nil {
		return refs, err
	}
	refs.types, err = byID(ctx, types, st.ServiceTypesByIDs, func(x *domain.ServiceType) int { return x.ID })
	return refs, err
}

// byID loads the records of ids (none for none) with a store's batch read, by id.
func byID[T any](ctx context.Context, ids []int, load func(context.Context, []int) ([]*T, []error), id func(*T) int) (map[int]*T, error) {
	out := map[int]*T{}
	if len(ids) == 0 {
		return out, nil
	}
	got, errs := load(ctx, ids)
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, x := range got {
		out[id(x)] = x
	}
	return out, nil
}

// appendNew appends a non-zero id not in the list yet (the lists are short: regions,
// municipalities, projects and service types).
func appendNew(list []int, id int) []int {
	if id == 0 || slices.Contains(list, id) {
		return list
	}
	return append(list, id)
}

// measuresModel is a cell's figures, all null where it is suppressed.
func measuresModel(m domain.StatMeasures) *model.StatisticsMeasures {
	if m.Suppressed {
		return &model.StatisticsMeasures{Suppressed: true}
	}
	ip := func(n int) *int { return &n }
	cost := m.Cost
	funds := make([]*domain.FundAmount, len(m.ByFund))
	for i := range m.ByFund {
		funds[i] = &m.ByFund[i]
	}
	return &model.StatisticsMeasures{Children: ip(m.Children), Families: ip(m.Families), Parents: ip(m.Parents),
		ChildrenWithPlans: ip(m.ChildrenWithPlans), Sessions: ip(m.Sessions), Hours: ip(m.Hours), Days: ip(m.Days),
		Deliveries: ip(m.Deliveries), Cost: &cost, FundingShares: funds}
}
