package domain

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"
)

// Statistics: the figures of deliveries and plans by any grouping, and the rule that keeps an
// analyst from singling a person out of them (Suppress). The definitions of the figures are in
// schema/statistics.graphql; the SQL that computes them in store/statistics.go.

// StatDimension is what figures can be grouped by.
type StatDimension string

// The dimensions.
const (
	DimRegion            StatDimension = "REGION"
	DimMunicipality      StatDimension = "MUNICIPALITY"
	DimProject           StatDimension = "PROJECT"
	DimServiceType       StatDimension = "SERVICE_TYPE"
	DimServiceCategory   StatDimension = "SERVICE_CATEGORY"
	DimRecipient         StatDimension = "RECIPIENT"
	DimFundingSource     StatDimension = "FUNDING_SOURCE"
	DimYear              StatDimension = "YEAR"
	DimQuarter           StatDimension = "QUARTER"
	DimMonth             StatDimension = "MONTH"
	DimAgeBand           StatDimension = "AGE_BAND"
	DimSex               StatDimension = "SEX"
	DimImpairment        StatDimension = "IMPAIRMENT"
	DimLivingArrangement StatDimension = "LIVING_ARRANGEMENT"
)

// StatDimensions lists every dimension.
var StatDimensions = []StatDimension{DimRegion, DimMunicipality, DimProject, DimServiceType, DimServiceCategory, DimRecipient,
	DimFundingSource, DimYear, DimQuarter, DimMonth, DimAgeBand, DimSex, DimImpairment, DimLivingArrangement}

// MaxStatDimensions is how many dimensions one request may group by: more gives tables no one
// reads, at a cost that grows with each.
const MaxStatDimensions = 4

// MaxStatRows is how many rows one answer may have: a larger table is no reading for a
// person, and a script can ask for parts of it.
const MaxStatRows = 10000

// MaxStatPeriod is the longest period a request may ask for.
const MaxStatPeriod = 20 // years

// StatisticsFilter selects the deliveries and plans that figures count; empty lists select all.
type StatisticsFilter struct {
	From, To          time.Time // the period, both days included
	RegionIDs         []int
	MunicipalityIDs   []int
	ProjectIDs        []int
	ServiceTypeIDs    []int
	ServiceCategories []ServiceCategory
	Recipient         *Recipient
}

// ValidateStatistics checks a request's filter and grouping.
func ValidateStatistics(f StatisticsFilter, dims []StatDimension) error {
	if err := CheckDate("filter.from", f.From); err != nil {
		return err
	}
	if err := CheckDate("filter.to", f.To); err != nil {
		return err
	}
	if f.To.Before(f.From) {
		return FieldErrorf("filter.to", "the period ends before it starts")
	}
	if f.To.After(f.From.AddDate(MaxStatPeriod, 0, 0)) {
		return FieldErrorf("filter.to", "the period may be at most %d years long", MaxStatPeriod)
	}
	if len(dims) > MaxStatDimensions {
		return FieldErrorf("groupBy", "at most %d dimensions", MaxStatDimensions)
	}
	seen := map[StatDimension]bool{}
	time := 0
	for _, d := range dims {
		if !slices.Contains(StatDimensions, d) {
			return FieldErrorf("groupBy", "unknown dimension %q", d)
		}
		if seen[d] {
			return FieldErrorf("groupBy", "%s is given twice", d)
		}
		seen[d] = true
		if d == DimYear || d == DimQuarter || d == DimMonth {
			time++
		}
	}
	if time > 1 {
		return FieldErrorf("groupBy", "at most one of YEAR, QUARTER and MONTH")
	}
	return nil
}

// CanReadStatistics returns the part of the figures the caller may see: the scope of claims
// (a worker's municipalities, a coordinator's projects, everything for analysts and ADMINs), as
// figures are sums of what claims sum. Assessors and specialists have no part in them.
func CanReadStatistics(a Actor) (ClaimScope, error) { return CanReadClaims(a) }

// SuppressesStatistics tells whether the caller gets small cells suppressed: analysts, who
// must not single out a person, and only they (the others see the records themselves).
func SuppressesStatistics(a Actor) bool { return a.Role == RoleMinistryAnalyst }

// StatKey is a cell's values of the grouping's dimensions; the zero value of a field not
// grouped by. For IMPAIRMENT "" is also the row of children with none recorded, told apart by
// the dimension list.
type StatKey struct {
	RegionID          int
	MunicipalityID    int
	ProjectID         int
	ServiceTypeID     int
	ServiceCategory   ServiceCategory
	Recipient         Recipient
	FundingSource     FundingSourceCode
	Period            string // "2021", "2021-Q1" or "2021-01"
	AgeBand           string
	Sex               Sex
	Impairment        ImpairmentKind
	LivingArrangement LivingArrangement
	// For suppression only (Suppress), never shown: a municipality's region when grouped by
	// MUNICIPALITY, a service type's category when grouped by SERVICE_TYPE.
	ParentRegionID int
	ParentCategory ServiceCategory
}

// StatMeasures are a cell's figures.
type StatMeasures struct {
	Children          int
	Families          int
	Parents           int
	ChildrenWithPlans int
	Sessions          int
	Hours             int
	Days              int
	Deliveries        int
	Cost              Money
	ByFund            []FundAmount // Cost split by the projects' shares, largest fund first
	Suppressed        bool
}

// people is the smallest positive count of people in the cell, or 0 when it counts none.
func (m StatMeasures) people() int {
	least := 0
	for _, n := range []int{m.Children, m.Families, m.Parents, m.ChildrenWithPlans} {
		if n > 0 && (least == 0 || n < least) {
			least = n
		}
	}
	return least
}

// delivered tells whether the cell has any of the deliveries' (additive) figures.
func (m StatMeasures) delivered() bool {
	return m.Deliveries != 0 || m.Sessions != 0 || m.Hours != 0 || m.Days != 0 || m.Cost != 0
}

// StatCell is one row of figures.
type StatCell struct {
	Key StatKey
	StatMeasures
}

// StatisticsResult is the answer to a statistics request.
type StatisticsResult struct {
	Rows  []StatCell
	Total StatMeasures
	AsOf  time.Time
	// MinCount is the threshold k the rows were suppressed with; 0 when nothing was.
	MinCount int
}

// AgeBand is the band of an age in whole years.
func AgeBand(age int) string {
	switch {
	case age <= 4:
		return "0-4"
	case age <= 6:
		return "5-6"
	case age <= 12:
		return "7-12"
	case age <= 17:
		return "13-17"
	}
	return "18+"
}

// AgeBands lists the bands in order.
var AgeBands = []string{"0-4", "5-6", "7-12", "13-17", "18+"}

// Suppress withholds from an analyst every cell whose smallest positive count of people is
// below k, and then, cell by cell, as many more as it takes that none of them can be worked out
// by subtraction: within every group of cells that add up to a figure the analyst can read
// elsewhere (the total, or a cell of a coarser grouping of the same filter: any of the
// dimensions left out or replaced by its parent — a municipality by its region, a month by its
// quarter or year, a quarter by its year, a service type by its category — one or several at
// once), a group with one suppressed cell gets its smallest visible cell suppressed too, and so
// does (with its smallest visible cell that has deliveries) a group with one suppressed cell that
// has deliveries beside suppressed ones that have none (children with plans only: their
// deliveries' figures are nothing, and hide nothing). A total below k is suppressed; a total at
// k or more is exact. Counts of people are not additive across cells, but sessions, hours, days and
// money are, so every group is treated as additive.
func Suppress(rows []StatCell, total *StatMeasures, dims []StatDimension, k int) {
	if k <= 1 {
		return
	}
	small := func(m StatMeasures) bool { p := m.people(); return p > 0 && p < k }
	if small(*total) {
		*total = StatMeasures{Suppressed: true}
	}
	for i := range rows {
		if small(rows[i].StatMeasures) {
			rows[i].Suppressed = true
		}
	}
	if len(dims) == 0 {
		return
	}
	groups := suppressionGroups(rows, dims)
	// A suppressed cell without deliveries (children with plans only) hides none of the
	// deliveries' figures: a group whose one suppressed cell with deliveries is beside ones
	// without gives the former's away, so it needs a second suppressed cell with deliveries.
	for changed := true; changed; {
		changed = false
		for _, g := range groups {
			suppressed, withDeliveries, smallest, smallestWith := 0, 0, -1, -1
			for _, i := range g {
				switch {
				case rows[i].Suppressed:
					suppressed++
					if rows[i].delivered() {
						withDeliveries++
					}
				default:
					if smallest < 0 || lessVisible(rows[i], rows[smallest]) {
						smallest = i
					}
					if rows[i].delivered() && (smallestWith < 0 || lessVisible(rows[i], rows[smallestWith])) {
						smallestWith = i
					}
				}
			}
			switch {
			case suppressed == 1 && smallest >= 0:
				rows[smallest].Suppressed = true
				changed = true
			case withDeliveries == 1 && smallestWith >= 0:
				rows[smallestWith].Suppressed = true
				changed = true
			}
		}
	}
	for i := range rows {
		if rows[i].Suppressed {
			rows[i].StatMeasures = StatMeasures{Suppressed: true}
		}
	}
}

// suppressionGroups are the groups of cells that add up to a coarser figure: for every way of
// keeping each dimension, leaving it out or replacing it by one of its parents (but not keeping
// them all), the cells that share the values so coarsened. Leaving every one out is the whole
// result (its total). In a fixed order: coarsenings in order, each one's groups by key.
func suppressionGroups(rows []StatCell, dims []StatDimension) [][]int {
	var groups [][]int
	levels := make([]int, len(dims)) // 0 keeps the dimension; i > 0 is parentsOf(d)[i-1]
	for {
		// The next combination of levels (an odometer); all zero again when done.
		i := 0
		for ; i < len(dims); i++ {
			levels[i]++
			if levels[i] <= len(parentsOf(dims[i])) {
				break
			}
			levels[i] = 0
		}
		if i == len(dims) {
			return groups
		}
		by := map[StatKey][]int{}
		for r := range rows {
			key := rows[r].Key
			for j, d := range dims {
				if levels[j] > 0 {
					clearDim(&key, d, parentsOf(d)[levels[j]-1])
				}
			}
			by[key] = append(by[key], r)
		}
		for _, key := range slices.SortedFunc(maps.Keys(by), compareKeys) {
			groups = append(groups, by[key])
		}
	}
}

// lessVisible orders the candidates for a complementary suppression: fewest people first (a
// cell of none last: its figures are known to be nothing), then the least money, then the key
// (so the choice is the same on every request).
func lessVisible(a, b StatCell) bool {
	pa, pb := a.people(), b.people()
	if (pa == 0) != (pb == 0) {
		return pb == 0
	}
	if c := cmp.Compare(pa, pb); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(a.Cost, b.Cost); c != 0 {
		return c < 0
	}
	return compareKeys(a.Key, b.Key) < 0
}

// parentsOf are the coarser levels a dimension adds up to besides the whole: "" stands for
// the whole (the dimension left out).
func parentsOf(d StatDimension) []string {
	switch d {
	case DimMunicipality:
		return []string{"", "region"}
	case DimMonth:
		return []string{"", "quarter", "year"}
	case DimQuarter:
		return []string{"", "year"}
	case DimServiceType:
		return []string{"", "category"}
	}
	return []string{""}
}

// clearDim replaces a key's value of d by its parent's (or by nothing).
func clearDim(k *StatKey, d StatDimension, parent string) {
	switch d {
	case DimRegion:
		k.RegionID = 0
	case DimMunicipality:
		k.MunicipalityID = 0
		if parent == "" {
			k.ParentRegionID = 0
		}
	case DimProject:
		k.ProjectID = 0
	case DimServiceType:
		k.ServiceTypeID = 0
		if parent == "" {
			k.ParentCategory = ""
		}
	case DimServiceCategory:
		k.ServiceCategory = ""
	case DimRecipient:
		k.Recipient = ""
	case DimFundingSource:
		k.FundingSource = ""
	case DimYear:
		k.Period = ""
	case DimQuarter:
		if parent == "year" {
			k.Period = k.Period[:4]
		} else {
			k.Period = ""
		}
	case DimMonth:
		switch parent {
		case "year":
			k.Period = k.Period[:4]
		case "quarter":
			k.Period = quarterOf(k.Period)
		default:
			k.Period = ""
		}
	case DimAgeBand:
		k.AgeBand = ""
	case DimSex:
		k.Sex = ""
	case DimImpairment:
		k.Impairment = ""
	case DimLivingArrangement:
		k.LivingArrangement = ""
	}
}

// quarterOf is the quarter ("2021-Q2") of a month ("2021-05").
func quarterOf(month string) string {
	var y, m int
	fmt.Sscanf(month, "%d-%d", &y, &m)
	return fmt.Sprintf("%04d-Q%d", y, (m+2)/3)
}

func compareKeys(a, b StatKey) int {
	return cmp.Or(cmp.Compare(a.RegionID, b.RegionID), cmp.Compare(a.MunicipalityID, b.MunicipalityID),
		cmp.Compare(a.ProjectID, b.ProjectID), cmp.Compare(a.ServiceTypeID, b.ServiceTypeID),
		cmp.Compare(a.ServiceCategory, b.ServiceCategory), cmp.Compare(a.Recipient, b.Recipient),
		cmp.Compare(a.FundingSource, b.FundingSource), cmp.Compare(a.Period, b.Period), cmp.Compare(a.AgeBand, b.AgeBand),
		cmp.Compare(a.Sex, b.Sex), cmp.Compare(a.Impairment, b.Impairment), cmp.Compare(a.LivingArrangement, b.LivingArrangement),
		cmp.Compare(a.ParentRegionID, b.ParentRegionID), cmp.Compare(a.ParentCategory, b.ParentCategory))
}
