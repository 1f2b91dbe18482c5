package service

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"

	"atbalsts/domain"
	"atbalsts/store"
)

// Statistics are the figures of deliveries and plans (schema/statistics.graphql).
type Statistics struct{ base }

// Query counts the figures of the filter by the dimensions, within the caller's scope, and
// audits the request. k is the threshold below which an analyst's cells are suppressed.
// format names what the figures are for ("graphql", "csv", "xlsx") in the audit row.
func (s *Statistics) Query(ctx context.Context, f domain.StatisticsFilter, dims []domain.StatDimension, k int, format string) (*domain.StatisticsResult, error) {
	actor := domain.ActorFrom(ctx)
	scope, err := domain.CanReadStatistics(actor)
	if err != nil {
		return nil, err
	}
	if err := domain.ValidateStatistics(f, dims); err != nil {
		return nil, err
	}
	// Audited first: a request that fails half-way was still made.
	if err := s.store.AuditStatistics(ctx, f, dims, format); err != nil {
		return nil, err
	}
	cells, err := s.store.Statistics(ctx, store.StatisticsQuery{Scope: scope, Filter: f, Dims: dims})
	if err != nil {
		return nil, err
	}
	if len(cells.Order) > domain.MaxStatRows {
		return nil, domain.FieldErrorf("groupBy", "the answer would have %d rows, more than %d: group by fewer dimensions or narrow the filter",
			len(cells.Order), domain.MaxStatRows)
	}
	shares, err := s.fundingShares(ctx, cells.ProjectIDs)
	if err != nil {
		return nil, err
	}
	parents, err := s.parents(ctx, dims, domain.SuppressesStatistics(actor))
	if err != nil {
		return nil, err
	}
	res := &domain.StatisticsResult{AsOf: cells.AsOf, Total: measuresOf(cells.Total, shares)}
	fund := slices.Index(dims, domain.DimFundingSource)
	order := cells.Order
	if t := cells.Total.Measures; fund >= 0 && len(dims) == 1 && (t.Deliveries > 0 || t.ChildrenWithPlans > 0) {
		// Grouped by the fund alone: the total's rows, one per fund.
		cells.Cells[""], order = &cells.Total, []string{""}
	}
	for _, key := range order {
		c := cells.Cells[key]
		m := measuresOf(*c, shares)
		sk := keyOf(dims, c.Dims, parents)
		if fund < 0 || len(m.ByFund) == 0 {
			res.Rows = append(res.Rows, domain.StatCell{Key: sk, StatMeasures: m})
			continue
		}
		// A row per fund: its part of the money, the people and units as they are.
		for _, part := range m.ByFund {
			row := m
			row.Cost, row.ByFund = part.Amount, []domain.FundAmount{part}
			sk.FundingSource = part.Code
			res.Rows = append(res.Rows, domain.StatCell{Key: sk, StatMeasures: row})
		}
	}
	slices.SortStableFunc(res.Rows, func(a, b domain.StatCell) int { return compareCells(dims, a.Key, b.Key) })
	if domain.SuppressesStatistics(actor) {
		res.MinCount = k
		domain.Suppress(res.Rows, &res.Total, dims, k)
	}
	return res, nil
}

// fundingShares are the funding sources of the projects, by project.
func (s *Statistics) fundingShares(ctx context.Context, ids []int) (map[int][]domain.FundingSource, error) {
	out := map[int][]domain.FundingSource{}
	if len(ids) == 0 {
		return out, nil
	}
	projects, errs := s.store.ProjectsByIDs(ctx, ids)
	for i, p := range projects {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[p.ID] = p.FundingSources
	}
	return out, nil
}

// statParents are what the suppression groups need besides the cells' own values: each
// municipality's region and each service type's category.
type statParents struct {
	region   map[int]int
	category map[int]domain.ServiceCategory
}

// parents reads them only for an answer that is suppressed and grouped by MUNICIPALITY or
// SERVICE_TYPE: no other answer needs them.
func (s *Statistics) parents(ctx context.Context, dims []domain.StatDimension, suppressed bool) (statParents, error) {
	p := statParents{region: map[int]int{}, category: map[int]domain.ServiceCategory{}}
	if suppressed && slices.Contains(dims, domain.DimMunicipality) {
		ms, _, err := s.store.Municipalities(ctx, domain.MunicipalityFilter{}, nil, 1000)
		if err != nil {
			return p, err
		}
		for _, m := range ms {
			p.region[m.ID] = m.RegionID
		}
	}
	if suppressed && slices.Contains(dims, domain.DimServiceType) {
		types, err := s.store.ServiceTypes(ctx)
		if err != nil {
			return p, err
		}
		for _, t := range types {
			p.category[t.ID] = t.Category
		}
	}
	return p, nil
}

// measuresOf is a cell's figures with its cost split by each project's shares (to the cent per
// project, then added up by fund).
func measuresOf(c store.StatCellRow, shares map[int][]domain.FundingSource) domain.StatMeasures {
	m := c.Measures
	byFund := map[domain.FundingSourceCode]domain.Money{}
	bp := map[domain.FundingSourceCode]int{}
	for _, id := range slices.Sorted(maps.Keys(c.ByProject)) {
		sources := shares[id]
		for i, part := range domain.SplitBy(c.ByProject[id], sources) {
			byFund[sources[i].Code] += part
			bp[sources[i].Code] = sources[i].ShareBP
		}
	}
	for code, amount := range byFund {
		m.ByFund = append(m.ByFund, domain.FundAmount{Code: code, ShareBP: bp[code], Amount: amount})
	}
	slices.SortFunc(m.ByFund, func(a, b domain.FundAmount) int {
		return cmp.Or(cmp.Compare(b.Amount, a.Amount), cmp.Compare(a.Code, b.Code))
	})
	return m
}

// keyOf reads a cell's dimension values (text, in the order of the dimensions without
// FUNDING_SOURCE) into a key.
func keyOf(dims []domain.StatDimension, values []string, p statParents) domain.StatKey {
	var k domain.StatKey
	i := 0
	for _, d := range dims {
		if d == domain.DimFundingSource {
			continue
		}
		v := values[i]
		i++
		switch d {
		case domain.DimRegion:
			k.RegionID = atoi(v)
		case domain.DimMunicipality:
			k.MunicipalityID = atoi(v)
			k.ParentRegionID = p.region[k.MunicipalityID]
		case domain.DimProject:
			k.ProjectID = atoi(v)
		case domain.DimServiceType:
			k.ServiceTypeID = atoi(v)
			k.ParentCategory = p.category[k.ServiceTypeID]
		case domain.DimServiceCategory:
			k.ServiceCategory = domain.ServiceCategory(v)
		case domain.DimRecipient:
			k.Recipient = domain.Recipient(v)
		case domain.DimYear, domain.DimQuarter, domain.DimMonth:
			k.Period = v
		case domain.DimAgeBand:
			k.AgeBand = v
		case domain.DimSex:
			k.Sex = domain.Sex(v)
		case domain.DimImpairment:
			k.Impairment = domain.ImpairmentKind(v)
		case domain.DimLivingArrangement:
			k.LivingArrangement = domain.LivingArrangement(v)
		}
	}
	return k
}

// atoi reads an id the store wrote as text.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// compareCells orders rows by the dimensions in the order requested; age bands in age order.
func compareCells(dims []domain.StatDimension, a, b domain.StatKey) int {
	for _, d := range dims {
		var c int
		switch d {
		case domain.DimRegion:
			c = cmp.Compare(a.RegionID, b.RegionID)
		case domain.DimMunicipality:
			c = cmp.Compare(a.MunicipalityID, b.MunicipalityID)
		case domain.DimProject:
			c = cmp.Compare(a.ProjectID, b.ProjectID)
		case domain.DimServiceType:
			c = cmp.Compare(a.ServiceTypeID, b.ServiceTypeID)
		case domain.DimServiceCategory:
			c = strings.Compare(string(a.ServiceCategory), string(b.ServiceCategory))
		case domain.DimRecipient:
			c = strings.Compare(string(a.Recipient), string(b.Recipient))
		case domain.DimFundingSource:
			c = strings.Compare(string(a.FundingSource), string(b.FundingSource))
		case domain.DimYear, domain.DimQuarter, domain.DimMonth:
			c = strings.Compare(a.Period, b.Period)
		case domain.DimAgeBand:
			c = cmp.Compare(slices.Index(domain.AgeBands, a.AgeBand), slices.Index(domain.AgeBands, b.AgeBand))
		case domain.DimSex:
			c = strings.Compare(string(a.Sex), string(b.Sex))
		case domain.DimImpairment:
			c = strings.Compare(string(a.Impairment), string(b.Impairment))
		case domain.DimLivingArrangement:
			c = strings.Compare(string(a.LivingArrangement), string(b.LivingArrangement))
		}
		if c != 0 {
			return c
		}
	}
	return 0
}
