package domain

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func date(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestNextStatus(t *testing.T) {
	tests := []struct {
		step PlanStep
		from PlanStatus
		want PlanStatus // empty: the step is refused
	}{
		{StepSubmit, PlanDraft, PlanSubmitted},
		{StepApprove, PlanSubmitted, PlanApproved},
		{StepReturn, PlanSubmitted, PlanDraft},
		{StepActivate, PlanApproved, PlanActive},
		{StepClose, PlanActive, PlanClosed},
		{StepRevise, PlanApproved, PlanDraft},
		{StepRevise, PlanActive, PlanDraft},
		{StepSubmit, PlanSubmitted, ""},
		{StepApprove, PlanDraft, ""},
		{StepReturn, PlanApproved, ""},
		{StepActivate, PlanSubmitted, ""},
		{StepClose, PlanApproved, ""},
		{StepRevise, PlanDraft, ""},
		{StepRevise, PlanClosed, ""},
		{StepApprove, PlanSuperseded, ""},
	}
	for _, tc := range tests {
		t.Run(string(tc.step)+"From"+string(tc.from), func(t *testing.T) {
			got, err := NextStatus(tc.step, tc.from)
			if tc.want == "" {
				if ErrorCode(err) != EINVALID {
					t.Fatalf("got %s, %v; want EINVALID", got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %s, %v; want %s", got, err, tc.want)
			}
		})
	}
}

func TestCheckBudget(t *testing.T) {
	if err := CheckBudget(102500, 102500); err != nil {
		t.Errorf("a budget equal to the lines: %v", err)
	}
	err := CheckBudget(102499, 102500)
	if e, ok := err.(*Error); !ok || e.Code != EINVALID || e.Field != "budget" {
		t.Errorf("a budget one cent below the lines: got %v, want EINVALID on budget", err)
	}
}

func TestSplitBy(t *testing.T) {
	esf85 := []FundingSource{{FundESF, 8500}, {FundState, 1500}}
	tests := []struct {
		name    string
		amount  Money
		sources []FundingSource
		want    []Money
	}{
		{"KurzemeVisiem", 770_000_000, esf85, []Money{654_500_000, 115_500_000}},
		{"OneCent", 1, esf85, []Money{1, 0}},
		{"RemainderToLargestFraction", 1001, esf85, []Money{851, 150}},
		{"Latgale86", 3579100, []FundingSource{{FundESF, 8600}, {FundState, 1400}}, []Money{3078026, 501074}},
		{"ThreeWays", 100, []FundingSource{{FundESF, 3334}, {FundState, 3333}, {FundMunicipal, 3333}}, []Money{34, 33, 33}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SplitBy(tc.amount, tc.sources)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("split (-want +got):\n%s", diff)
			}
			var sum Money
			for _, p := range got {
				sum += p
			}
			if sum != tc.amount {
				t.Errorf("parts add up to %s, not %s", sum, tc.amount)
			}
		})
	}
}

func TestCapInForce(t *testing.T) {
	rules := []CapRule{
		{Kind: CapChildSessions, ValidFrom: date("2016-01-01"), Limit: ptr(40)},
		{Kind: CapChildSessions, ValidFrom: date("2020-09-01"), Limit: ptr(100)},
		{Kind: CapChildSessions, ValidFrom: date("2022-04-22")},
		{Kind: CapHomeCareWeekly, ValidFrom: date("2016-01-01"), Limit: ptr(50), MinAge: ptr(0), MaxAge: ptr(4)},
		{Kind: CapHomeCareWeekly, ValidFrom: date("2016-01-01"), Limit: ptr(10), MinAge: ptr(5), MaxAge: ptr(17)},
	}
	tests := []struct {
		name  string
		kind  CapKind
		day   string
		age   int
		found bool
		limit *int
	}{
		{"BeforeAnyRule", CapChildSessions, "2015-12-31", 8, false, nil},
		{"FirstDayOf40", CapChildSessions, "2016-01-01", 8, true, ptr(40)},
		{"LastDayOf40", CapChildSessions, "2020-08-31", 8, true, ptr(40)},
		{"FirstDayOf100", CapChildSessions, "2020-09-01", 8, true, ptr(100)},
		{"NoLimitFrom2022", CapChildSessions, "2022-04-22", 8, true, nil},
		{"HomeCareAge4", CapHomeCareWeekly, "2021-01-01", 4, true, ptr(50)},
		{"HomeCareAge5", CapHomeCareWeekly, "2021-01-01", 5, true, ptr(10)},
		{"HomeCareAge18", CapHomeCareWeekly, "2021-01-01", 18, false, nil},
		{"NoRuleOfKind", CapRespiteDaysYearly, "2021-01-01", 8, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, found := CapInForce(rules, tc.kind, date(tc.day), tc.age)
			if found != tc.found || !cmp.Equal(r.Limit, tc.limit) {
				t.Errorf("got %v, %v; want found %v with limit %v", r.Limit, found, tc.found, tc.limit)
			}
		})
	}
}

func ptr(i int) *int { return &i }

func TestEligibility(t *testing.T) {
	from := date("2015-06-01")
	child := &Child{MunicipalityID: 5, DisabilityFrom: &from}
	project := &Project{StartDate: date("2015-12-01"), EndDate: date("2023-12-31"), PartnerMunicipalityIDs: []int{5, 6}}
	ended := date("2020-12-31")
	tests := []struct {
		name string
		e    Eligibility
		day  string
		ok   bool
	}{
		{"Eligible", Eligibility{Child: child, Project: project}, "2021-01-20", true},
		{"DisabilityEnded", Eligibility{Child: &Child{MunicipalityID: 5, DisabilityFrom: &from, DisabilityTo: &ended}, Project: project}, "2021-01-20", false},
		{"NoDisability", Eligibility{Child: &Child{MunicipalityID: 5}, Project: project}, "2021-01-20", false},
		{"NotPartner", Eligibility{Child: &Child{MunicipalityID: 7, DisabilityFrom: &from}, Project: project}, "2021-01-20", false},
		{"ProjectEnded", Eligibility{Child: child, Project: project}, "2024-01-01", false},
		{"AlreadyEnrolled", Eligibility{Child: child, Project: project, AlreadyEnrolled: true}, "2021-01-20", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.e.Check(date(tc.day))
			if (err == nil) != tc.ok || (err != nil && ErrorCode(err) != EINVALID) {
				t.Errorf("got %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

func TestDiffRevisions(t *testing.T) {
	names := func(kind string, id int) string { return map[int]string{1: "PHYSIOTHERAPY", 2: "SPEECH_THERAPY"}[id] }
	a := &PlanRevision{ValidFrom: date("2021-03-01"), ValidTo: date("2022-02-28"), Budget: 150000,
		Goals: []PlanGoal{{Key: "g1", Text: "Walk", Indicator: "20 m", Status: "IN_PROGRESS"}},
		Lines: []PlanLine{{Key: "l1", ServiceTypeID: 1, Recipient: RecipientChild, PlannedUnits: 20, UnitPrice: 2800},
			{Key: "l2", ServiceTypeID: 2, Recipient: RecipientChild, PlannedUnits: 10, UnitPrice: 2900}}}
	b := &PlanRevision{ValidFrom: date("2021-03-01"), ValidTo: date("2022-02-28"), Budget: 180000,
		Goals: []PlanGoal{{Key: "g1", Text: "Walk", Indicator: "20 m", Status: "ACHIEVED"}},
		Lines: []PlanLine{{Key: "l1", ServiceTypeID: 1, Recipient: RecipientChild, PlannedUnits: 30, UnitPrice: 2800}}}
	s := func(v string) *string { return &v }
	want := []FieldChange{
		{Path: "budget", Before: s("1500.00"), After: s("1800.00")},
		{Path: "goals[g1].status", Label: "Walk", Before: s("IN_PROGRESS"), After: s("ACHIEVED")},
		{Path: "lines[l1].plannedUnits", Label: "PHYSIOTHERAPY CHILD", Before: s("20"), After: s("30")},
		{Path: "lines[l1].amount", Label: "PHYSIOTHERAPY CHILD", Before: s("560.00"), After: s("840.00")},
		{Path: "lines[l2]", Label: "SPEECH_THERAPY CHILD", Before: s("SPEECH_THERAPY CHILD")},
	}
	if diff := cmp.Diff(want, DiffRevisions(a, b, names)); diff != "" {
		t.Errorf("diff (-want +got):\n%s", diff)
	}
	if got := DiffRevisions(a, a, names); len(got) != 0 {
		t.Errorf("a revision against itself: %v, want no changes", got)
	}
}

func TestPossibleDuplicate(t *testing.T) {
	born := date("2012-03-14")
	child := &Child{PersonalCode: "329999-90001", FirstName: "Jānis", LastName: "Bērziņš", BirthDate: born}
	other := date("2012-03-15")
	tests := []struct {
		name  string
		check DuplicateCheck
		want  bool
	}{
		{"SameCode", DuplicateCheck{PersonalCode: "329999-90001"}, true},
		{"WithoutDiacritics", DuplicateCheck{BirthDate: &born, FirstName: "Janis", LastName: "Berzins"}, true},
		{"Typo", DuplicateCheck{BirthDate: &born, FirstName: "Jānis", LastName: "Bērziņs"}, true},
		{"Swapped", DuplicateCheck{BirthDate: &born, FirstName: "Bērziņš", LastName: "Jānis"}, true},
		{"OtherName", DuplicateCheck{BirthDate: &born, FirstName: "Anna", LastName: "Liepa"}, false},
		{"OtherBirthDate", DuplicateCheck{BirthDate: &other, FirstName: "Jānis", LastName: "Bērziņš"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := PossibleDuplicate(tc.check, child); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestChildData_Validate(t *testing.T) {
	valid := func() ChildData {
		from := date("2015-01-01")
		return ChildData{PersonalCode: "010110-20002", FirstName: " Anna ", LastName: "Liepa", BirthDate: date("2010-01-01"),
			Sex: "FEMALE", MunicipalityID: 1, LivingArrangement: LivingFamily, DisabilityFrom: &from,
			Impairments: []ImpairmentKind{"VISION", "HEARING", "VISION"}}
	}
	d := valid()
	if err := d.Validate(date("2015-06-01")); err != nil {
		t.Fatalf("valid data: %v", err)
	}
	if d.FirstName != "Anna" || !cmp.Equal(d.Impairments, []ImpairmentKind{"HEARING", "VISION"}) {
		t.Errorf("not normalised: %q %v", d.FirstName, d.Impairments)
	}
	tests := []struct {
		name   string
		change func(*ChildData)
		field  string
	}{
		{"BadCode", func(d *ChildData) { d.PersonalCode = "010110-20003" }, "personalCode"},
		{"CodeAndBirthDateDisagree", func(d *ChildData) { d.BirthDate = date("2010-01-02") }, "birthDate"},
		{"NoName", func(d *ChildData) { d.FirstName = "  " }, "firstName"},
		{"FutureBirth", func(d *ChildData) { d.PersonalCode, d.BirthDate = "329999-99901", date("2015-06-02") }, "birthDate"},
		{"DisabilityEndsBeforeStart", func(d *ChildData) { end := date("2014-12-31"); d.DisabilityTo = &end }, "disabilityTo"},
		{"UnknownImpairment", func(d *ChildData) { d.Impairments = []ImpairmentKind{"TELEPATHY"} }, "impairments"},
		{"UnknownSex", func(d *ChildData) { d.Sex = "X" }, "sex"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := valid()
			tc.change(&d)
			err := d.Validate(date("2015-06-01"))
			if e, ok := err.(*Error); !ok || e.Code != EINVALID || e.Field != tc.field {
				t.Errorf("got %v, want EINVALID on %s", err, tc.field)
			}
		})
	}
}
