package domain

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// Suppress's rule, cell by cell (table tests), and as a property over random tables: after it,
// no visible cell is small, and no coarser figure the analyst can read (the total, or a cell of
// the same filter grouped coarser, itself suppressed as it would be) is the sum of visible cells
// and exactly one suppressed one.

// sc is a cell of a table test: its key, people (children) and cost in cents; sessions are the
// cost's hundredth, so that every additive figure is there.
func sc(k StatKey, people int, cents int64) StatCell {
	return StatCell{Key: k, StatMeasures: StatMeasures{Children: people, Families: people, Sessions: int(cents / 100),
		Deliveries: people, Cost: Money(cents)}}
}

func mun(id, region int) StatKey { return StatKey{MunicipalityID: id, ParentRegionID: region} }
func month(m string) StatKey     { return StatKey{Period: m} }
func stype(id int, c ServiceCategory) StatKey {
	return StatKey{ServiceTypeID: id, ParentCategory: c}
}
func living(l LivingArrangement) StatKey { return StatKey{LivingArrangement: l} }

// keyName names a key in messages and expectations.
func keyName(k StatKey) string {
	var parts []string
	add := func(name string, v any, set bool) {
		if set {
			parts = append(parts, fmt.Sprintf("%s%v", name, v))
		}
	}
	add("r", k.RegionID, k.RegionID != 0)
	add("m", k.MunicipalityID, k.MunicipalityID != 0)
	add("p", k.ProjectID, k.ProjectID != 0)
	add("t", k.ServiceTypeID, k.ServiceTypeID != 0)
	add("", k.ServiceCategory, k.ServiceCategory != "")
	add("", k.Period, k.Period != "")
	add("", k.Sex, k.Sex != "")
	add("", k.LivingArrangement, k.LivingArrangement != "")
	return strings.Join(parts, "/")
}

func suppressedNames(rows []StatCell) []string {
	var out []string
	for _, r := range rows {
		if r.Suppressed {
			out = append(out, keyName(r.Key))
		}
	}
	sort.Strings(out)
	return out
}

func TestSuppress(t *testing.T) {
	for _, tc := range []struct {
		name      string
		dims      []StatDimension
		k         int
		rows      []StatCell
		total     int // people in the total
		want      []string
		wantTotal bool // the total suppressed
	}{
		{"NothingSmall", []StatDimension{DimLivingArrangement}, 5,
			[]StatCell{sc(living(LivingFamily), 20, 900), sc(living(LivingFosterFamily), 5, 100), sc(living(LivingInstitution), 7, 300)},
			32, nil, false},
		{"ZeroPeopleIsNotSmall", []StatDimension{DimLivingArrangement}, 5,
			[]StatCell{sc(living(LivingFamily), 20, 900), sc(living(LivingFosterFamily), 0, 0), sc(living(LivingInstitution), 7, 300)},
			27, nil, false},
		{"SmallAndItsComplement", []StatDimension{DimLivingArrangement}, 5,
			[]StatCell{sc(living(LivingFamily), 20, 900), sc(living(LivingFosterFamily), 3, 100), sc(living(LivingGuardian), 6, 200),
				sc(living(LivingInstitution), 9, 50)},
			38, []string{"FOSTER_FAMILY", "GUARDIAN"}, false},
		{"EverySmallIsSuppressed", []StatDimension{DimLivingArrangement}, 5,
			[]StatCell{sc(living(LivingFamily), 20, 900), sc(living(LivingFosterFamily), 1, 100), sc(living(LivingGuardian), 4, 200),
				sc(living(LivingInstitution), 9, 50)},
			34, []string{"FOSTER_FAMILY", "GUARDIAN"}, false},
		{"ComplementIsTheLeastMoneyAmongEquals", []StatDimension{DimLivingArrangement}, 5,
			[]StatCell{sc(living(LivingFamily), 9, 900), sc(living(LivingFosterFamily), 3, 100), sc(living(LivingGuardian), 9, 200),
				sc(living(LivingInstitution), 9, 50)},
			30, []string{"FOSTER_FAMILY", "INSTITUTION"}, false},
		{"ComplementNotAZeroCell", []StatDimension{DimLivingArrangement}, 5,
			[]StatCell{sc(living(LivingFamily), 20, 900), sc(living(LivingFosterFamily), 3, 100), sc(living(LivingGuardian), 0, 0),
				sc(living(LivingInstitution), 9, 50)},
			32, []string{"FOSTER_FAMILY", "INSTITUTION"}, false},
		{"SmallTotal", []StatDimension{DimLivingArrangement}, 5,
			[]StatCell{sc(living(LivingFamily), 3, 900), sc(living(LivingFosterFamily), 1, 100)},
			4, []string{"FAMILY", "FOSTER_FAMILY"}, true},
		{"SmallTotalNoGrouping", nil, 5, nil, 4, nil, true},
		{"TotalAtK", nil, 5, nil, 5, nil, false},
		{"ThresholdOne", []StatDimension{DimLivingArrangement}, 1,
			[]StatCell{sc(living(LivingFamily), 3, 900), sc(living(LivingFosterFamily), 1, 100)}, 4, nil, false},
		// m1 has only a child with a plan, no delivery: suppressed beside m2 it hides none of
		// m2's deliveries from region 2's figure, so m3 goes too.
		{"PlansOnlyHideNoDeliveries", []StatDimension{DimMunicipality}, 5,
			[]StatCell{{Key: mun(1, 2), StatMeasures: StatMeasures{ChildrenWithPlans: 1}}, sc(mun(2, 2), 3, 300),
				sc(mun(3, 2), 30, 3000), sc(mun(4, 2), 40, 4000), sc(mun(5, 1), 40, 100)},
			114, []string{"m1", "m2", "m3"}, false},
		// Two municipalities of region 1 are small, so the whole has its two; but region 1's
		// figure (grouped by REGION) less m2 and m3 would give m1.
		{"MunicipalityWithinRegion", []StatDimension{DimMunicipality}, 5,
			[]StatCell{sc(mun(1, 1), 3, 100), sc(mun(2, 1), 6, 200), sc(mun(3, 1), 30, 3000),
				sc(mun(4, 2), 2, 100), sc(mun(5, 2), 3, 100), sc(mun(6, 2), 8, 800)},
			52, []string{"m1", "m2", "m4", "m5"}, false},
		// Q1 has one small month (the smallest other of Q1 goes too), Q2 one (its cheapest
		// other of equal people goes), 2022-Q1 one.
		{"MonthWithinQuarter", []StatDimension{DimMonth}, 5,
			[]StatCell{sc(month("2021-01"), 3, 100), sc(month("2021-02"), 10, 100), sc(month("2021-03"), 12, 100),
				sc(month("2021-04"), 4, 100), sc(month("2021-05"), 20, 100), sc(month("2021-06"), 20, 50),
				sc(month("2021-07"), 20, 100), sc(month("2022-01"), 2, 100), sc(month("2022-02"), 50, 100)},
			60, []string{"2021-01", "2021-02", "2021-04", "2021-06", "2022-01", "2022-02"}, false},
		// Each quarter has one month, so only the year's group sees 2021-01 alone.
		{"MonthWithinYear", []StatDimension{DimMonth}, 5,
			[]StatCell{sc(month("2021-01"), 3, 100), sc(month("2021-05"), 10, 100), sc(month("2022-03"), 40, 100),
				sc(month("2022-06"), 40, 100)},
			60, []string{"2021-01", "2021-05"}, false},
		{"QuarterWithinYear", []StatDimension{DimQuarter}, 5,
			[]StatCell{sc(month("2021-Q1"), 3, 100), sc(month("2021-Q3"), 10, 100), sc(month("2022-Q1"), 40, 100),
				sc(month("2022-Q2"), 40, 100)},
			60, []string{"2021-Q1", "2021-Q3"}, false},
		{"ServiceTypeWithinCategory", []StatDimension{DimServiceType}, 5,
			[]StatCell{sc(stype(1, SocialRehabilitation), 3, 100), sc(stype(2, SocialRehabilitation), 10, 100),
				sc(stype(3, SocialRehabilitation), 20, 100), sc(stype(4, HomeCare), 2, 100), sc(stype(5, HomeCare), 9, 100),
				sc(stype(6, RespiteCare), 30, 100)},
			50, []string{"t1", "t2", "t4", "t5"}, false},
		// m1 (region 1) has only girls, and few; m2 (region 1) only boys. Suppressing m1/F and,
		// for the whole and the girls, a cell of region 2 leaves region 1's figure (grouped by
		// REGION) less m2/M equal to m1/F: m2/M goes too.
		{"TwoDimensionsCoarsenedAtOnce", []StatDimension{DimMunicipality, DimSex}, 5,
			[]StatCell{sc(StatKey{MunicipalityID: 1, ParentRegionID: 1, Sex: "FEMALE"}, 2, 100),
				sc(StatKey{MunicipalityID: 2, ParentRegionID: 1, Sex: "MALE"}, 30, 3000),
				sc(StatKey{MunicipalityID: 3, ParentRegionID: 2, Sex: "FEMALE"}, 6, 600),
				sc(StatKey{MunicipalityID: 3, ParentRegionID: 2, Sex: "MALE"}, 10, 1000),
				sc(StatKey{MunicipalityID: 4, ParentRegionID: 2, Sex: "FEMALE"}, 10, 1000),
				sc(StatKey{MunicipalityID: 4, ParentRegionID: 2, Sex: "MALE"}, 10, 1000)},
			68, []string{"m1/FEMALE", "m2/MALE", "m3/FEMALE", "m3/MALE", "m4/FEMALE", "m4/MALE"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			total := StatMeasures{Children: tc.total, Sessions: 1}
			rows := slices.Clone(tc.rows)
			Suppress(rows, &total, tc.dims, tc.k)
			if got := suppressedNames(rows); !slices.Equal(got, tc.want) {
				t.Errorf("suppressed %v, want %v", got, tc.want)
			}
			if total.Suppressed != tc.wantTotal {
				t.Errorf("total suppressed %v, want %v", total.Suppressed, tc.wantTotal)
			}
			for _, m := range append([]StatMeasures{total}, measuresOfCells(rows)...) {
				if m.Suppressed && (m.Children != 0 || m.Sessions != 0 || m.Cost != 0 || m.Deliveries != 0 || m.Families != 0) {
					t.Errorf("a suppressed cell keeps figures: %+v", m)
				}
			}
			for i, r := range rows {
				if r.Key != tc.rows[i].Key {
					t.Errorf("row %d moved: %v, was %v", i, r.Key, tc.rows[i].Key)
				}
				if !r.Suppressed && r.StatMeasures.Cost != tc.rows[i].Cost {
					t.Errorf("visible row %s changed", keyName(r.Key))
				}
			}
		})
	}
}

func measuresOfCells(rows []StatCell) []StatMeasures {
	var out []StatMeasures
	for _, r := range rows {
		out = append(out, r.StatMeasures)
	}
	return out
}

// TestSuppressDeterministic: the same cells in any order get the same cells suppressed.
func TestSuppressDeterministic(t *testing.T) {
	rnd := rand.New(rand.NewPCG(13, 5))
	for round := 0; round < 200; round++ {
		w := randomStatWorld(rnd)
		dims := randomStatDims(rnd)
		k := 2 + rnd.IntN(5)
		rows, total := w.table(dims)
		first := slices.Clone(rows)
		t1 := total
		Suppress(first, &t1, dims, k)
		want := suppressedNames(first)
		for range 3 {
			again := slices.Clone(rows)
			rnd.Shuffle(len(again), func(i, j int) { again[i], again[j] = again[j], again[i] })
			t2 := total
			Suppress(again, &t2, dims, k)
			if got := suppressedNames(again); !slices.Equal(got, want) || t2.Suppressed != t1.Suppressed {
				t.Fatalf("round %d, %v k=%d: shuffled suppresses %v (total %v), in order %v (total %v)", round, dims, k,
					got, t2.Suppressed, want, t1.Suppressed)
			}
		}
	}
}

// statRecord is one person's figures in one combination of values, in the model of the
// property test: the cells of a grouping are the records grouped, with their people distinct.
type statRecord struct {
	person       int
	municipality int // region = (municipality-1)/3 + 1
	sex          Sex
	month        string
	serviceType  int // category: serviceCategoryOf
	living       LivingArrangement
	sessions     int
	cents        int64
	planOnly     bool // a child with a plan and no delivery in it
}

type statWorld []statRecord

func serviceCategoryOf(serviceType int) ServiceCategory {
	return []ServiceCategory{SocialRehabilitation, HomeCare, RespiteCare}[(serviceType-1)/3]
}

func randomStatWorld(rnd *rand.Rand) statWorld {
	var w statWorld
	people := 5 + rnd.IntN(60)
	municipalities := 1 + rnd.IntN(7)
	months := 1 + rnd.IntN(18)
	types := 1 + rnd.IntN(8)
	for p := 1; p <= people; p++ {
		m := 1 + rnd.IntN(municipalities)
		if rnd.IntN(4) == 0 { // a skewed world: many people in the first municipality
			m = 1
		}
		sex := []Sex{"FEMALE", "MALE"}[rnd.IntN(2)]
		living := []LivingArrangement{LivingFamily, LivingFamily, LivingFamily, LivingFosterFamily, LivingGuardian, LivingInstitution}[rnd.IntN(6)]
		planOnly := rnd.IntN(8) == 0
		for range 1 + rnd.IntN(3) {
			mo := rnd.IntN(months)
			r := statRecord{person: p, municipality: m, sex: sex, living: living,
				month:       fmt.Sprintf("%04d-%02d", 2021+mo/12, mo%12+1),
				serviceType: 1 + rnd.IntN(types), sessions: 1 + rnd.IntN(20), cents: int64(100 + rnd.IntN(10000)), planOnly: planOnly}
			if planOnly {
				r.sessions, r.cents = 0, 0
			}
			w = append(w, r)
		}
	}
	return w
}

// randomStatDims are 2 or 3 dimensions of those the model has, at most one of time.
func randomStatDims(rnd *rand.Rand) []StatDimension {
	pool := []StatDimension{DimRegion, DimMunicipality, DimSex, DimLivingArrangement, DimServiceType, DimServiceCategory,
		[]StatDimension{DimMonth, DimQuarter, DimYear}[rnd.IntN(3)]}
	rnd.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	return slices.Clone(pool[:2+rnd.IntN(2)])
}

// key is a record's cell key in a grouping.
func (r statRecord) key(dims []StatDimension) StatKey {
	var k StatKey
	for _, d := range dims {
		switch d {
		case DimRegion:
			k.RegionID = (r.municipality-1)/3 + 1
		case DimMunicipality:
			k.MunicipalityID, k.ParentRegionID = r.municipality, (r.municipality-1)/3+1
		case DimSex:
			k.Sex = r.sex
		case DimLivingArrangement:
			k.LivingArrangement = r.living
		case DimServiceType:
			k.ServiceTypeID, k.ParentCategory = r.serviceType, serviceCategoryOf(r.serviceType)
		case DimServiceCategory:
			k.ServiceCategory = serviceCategoryOf(r.serviceType)
		case DimMonth:
			k.Period = r.month
		case DimQuarter:
			k.Period = quarterOf(r.month)
		case DimYear:
			k.Period = r.month[:4]
		}
	}
	return k
}

// table is the cells of a grouping (in key order) and the total, with people distinct.
func (w statWorld) table(dims []StatDimension) ([]StatCell, StatMeasures) {
	cells := map[StatKey]*StatMeasures{}
	persons := map[StatKey]map[int]bool{}
	total := StatMeasures{}
	all := map[int]bool{}
	for _, r := range w {
		k := r.key(dims)
		if cells[k] == nil {
			cells[k], persons[k] = &StatMeasures{}, map[int]bool{}
		}
		c := cells[k]
		persons[k][r.person] = true
		c.ChildrenWithPlans = len(persons[k])
		all[r.person] = true
		total.ChildrenWithPlans = len(all)
		if r.planOnly {
			continue
		}
		c.Sessions += r.sessions
		c.Deliveries++
		c.Cost += Money(r.cents)
		total.Sessions += r.sessions
		total.Deliveries++
		total.Cost += Money(r.cents)
	}
	var rows []StatCell
	for _, k := range slices.SortedFunc(maps.Keys(cells), compareKeys) {
		rows = append(rows, StatCell{Key: k, StatMeasures: *cells[k]})
	}
	return rows, total
}

// coarsenings are the groupings coarser than dims: each dimension kept, left out, or replaced
// by its parent (MUNICIPALITY by REGION, MONTH by QUARTER or YEAR, QUARTER by YEAR,
// SERVICE_TYPE by SERVICE_CATEGORY), at least one not kept; with how many were changed.
func coarsenings(dims []StatDimension) (out [][]StatDimension, steps []int) {
	options := func(d StatDimension) []StatDimension { // "" leaves it out
		switch d {
		case DimMunicipality:
			return []StatDimension{d, "", DimRegion}
		case DimMonth:
			return []StatDimension{d, "", DimQuarter, DimYear}
		case DimQuarter:
			return []StatDimension{d, "", DimYear}
		case DimServiceType:
			return []StatDimension{d, "", DimServiceCategory}
		}
		return []StatDimension{d, ""}
	}
	var walk func(i int, acc []StatDimension, changed int)
	walk = func(i int, acc []StatDimension, changed int) {
		if i == len(dims) {
			if changed > 0 {
				out, steps = append(out, slices.Clone(acc)), append(steps, changed)
			}
			return
		}
		for j, o := range options(dims[i]) {
			next := acc
			if o != "" && !slices.Contains(acc, o) && !slices.Contains(dims[i+1:], o) {
				next = append(slices.Clone(acc), o)
			}
			c := changed
			if j > 0 {
				c++
			}
			walk(i+1, next, c)
		}
	}
	walk(0, nil, 0)
	return out, steps
}

// TestSuppressProperty: over random tables, after Suppress no visible cell is small, and for
// every coarser grouping of the same records (the total, a dimension left out or replaced by
// its parent, and any number of them at once), suppressed as the analyst would get it, each
// of its visible cells is made of the finer cells all visible or at least two suppressed.
func TestSuppressProperty(t *testing.T) {
	rnd := rand.New(rand.NewPCG(2026, 12))
	rounds, checked, suppressedCells, alone := 1500, 0, 0, 0
	if testing.Short() {
		rounds = 300
	}
	for round := 0; round < rounds; round++ {
		w := randomStatWorld(rnd)
		dims := randomStatDims(rnd)
		k := 2 + rnd.IntN(6)
		rows, total := w.table(dims)
		people, deliveries := map[StatKey]int{}, map[StatKey]int{}
		for _, r := range rows {
			deliveries[r.Key] = r.Deliveries
			people[r.Key] = r.ChildrenWithPlans
		}
		Suppress(rows, &total, dims, k)
		visible := map[StatKey]bool{}
		for _, r := range rows {
			visible[r.Key] = !r.Suppressed
			if r.Suppressed {
				suppressedCells++
			} else if p := people[r.Key]; p > 0 && p < k {
				t.Fatalf("round %d, %v k=%d: visible cell %s has %d people", round, dims, k, keyName(r.Key), p)
			}
		}
		coarse, steps := coarsenings(dims)
		coarse, steps = append(coarse, nil), append(steps, len(dims)) // the total
		for ci, cd := range coarse {
			crows, ctotal := w.table(cd)
			cdeliveries := map[StatKey]int{StatKey{}: ctotal.Deliveries}
			for _, r := range crows {
				cdeliveries[r.Key] = r.Deliveries
			}
			Suppress(crows, &ctotal, cd, k)
			cvisible := map[StatKey]bool{}
			for _, r := range crows {
				cvisible[r.Key] = !r.Suppressed
			}
			if len(cd) == 0 {
				cvisible[StatKey{}] = !ctotal.Suppressed
			}
			// The finer cells of each coarser one.
			finer := map[StatKey]map[StatKey]bool{}
			for _, r := range w {
				ck := r.key(cd)
				if finer[ck] == nil {
					finer[ck] = map[StatKey]bool{}
				}
				finer[ck][r.key(dims)] = true
			}
			for ck, fine := range finer {
				if !cvisible[ck] {
					continue
				}
				checked++
				var hidden []string
				delivered, visibleDelivered := 0, 0
				for fk := range fine {
					switch {
					case !visible[fk]:
						hidden = append(hidden, keyName(fk))
						if deliveries[fk] > 0 {
							delivered++
						}
					case deliveries[fk] > 0:
						visibleDelivered++
					}
				}
				if len(hidden) > 1 && delivered == 1 && visibleDelivered == 0 {
					alone++ // its deliveries are the coarser cell's, as below
					continue
				}
				if len(hidden) > 1 && delivered == 1 && cdeliveries[ck] > 0 {
					t.Fatalf("round %d, %v k=%d: grouped by %v, %q is visible and of its suppressed finer cells %v only one has deliveries",
						round, dims, k, cd, keyName(ck), hidden)
				}
				if len(hidden) == 1 && len(fine) == 1 {
					// The coarser cell is the same figure as the finer one: suppressed only to
					// protect a neighbour, and only when the neighbour had no other (a
					// differencing of two coarser groupings, neither finer than the other, that
					// no suppression of this one can prevent).
					alone++
					continue
				}
				if len(hidden) == 1 {
					t.Fatalf("round %d, %v k=%d: grouped by %v (%d step(s) coarser), %q is visible and of its %d finer cells only %s is suppressed",
						round, dims, k, cd, steps[ci], keyName(ck), len(fine), hidden[0])
				}
			}
		}
	}
	t.Logf("%d rounds: %d cells suppressed, %d visible coarser cells checked; %d suppressed cells alone (or alone with deliveries) in a visible coarser one",
		rounds, suppressedCells, checked, alone)
}
