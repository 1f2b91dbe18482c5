package domain

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func dayp(s string) *time.Time { t := day(s); return &t }

// TestAmend: an amendment changes what it names, is dated within its bounds, and must leave
// room for what is recorded; the history lists each changed field.
func TestAmend(t *testing.T) {
	p := Project{ID: 1, Code: "X-1", Name: "P", StartDate: day("2024-01-01"), EndDate: day("2029-12-31"), TotalBudget: 100000,
		FundingSources:         []FundingSource{{Code: FundESF, ShareBP: 8500}, {Code: FundState, ShareBP: 1500}},
		PartnerMunicipalityIDs: []int{1, 2}, Targets: []ProjectTarget{{Group: "CHILDREN_SERVED", Count: 10}}}
	facts := AmendmentFacts{LastDecidedOn: dayp("2026-01-10"), PlansFrom: dayp("2024-03-01"), PlansTo: dayp("2027-06-30"), Committed: 60000,
		Enrolled: map[int]int{2: 3}, Municipalities: map[int]string{1: "Liepāja", 2: "Rēzekne", 3: "Ventspils"}}
	today := day("2026-12-02")
	money := func(m Money) *Money { return &m }
	for _, tc := range []struct {
		name, field, reason string
		am                  Amendment
	}{
		{"no reason", "reason", "", Amendment{EndDate: dayp("2030-12-31")}},
		{"in the future", "decidedOn", "IN_FUTURE", Amendment{Reason: "x", DecidedOn: dayp("2026-12-03"), EndDate: dayp("2030-12-31")}},
		{"before the previous amendment", "decidedOn", "BEFORE_RECORD", Amendment{Reason: "x", DecidedOn: dayp("2026-01-09"), EndDate: dayp("2030-12-31")}},
		{"end before a plan", "endDate", "PLANS_OUTSIDE", Amendment{Reason: "x", EndDate: dayp("2027-06-29")}},
		{"start after a plan", "startDate", "PLANS_OUTSIDE", Amendment{Reason: "x", StartDate: dayp("2024-03-02")}},
		{"ends before it starts", "endDate", "", Amendment{Reason: "x", StartDate: dayp("2024-01-01"), EndDate: dayp("2023-12-31")}},
		{"budget below the plans in force", "totalBudget", "BELOW_COMMITTED", Amendment{Reason: "x", TotalBudget: money(59999)}},
		{"shares not 100 %", "fundingSources", "", Amendment{Reason: "x", FundingSources: []FundingSource{{Code: FundESF, ShareBP: 9000}}}},
		{"a partner with children leaves", "partnerMunicipalityIds", "PARTNER_HAS_CHILDREN", Amendment{Reason: "x", PartnerMunicipalityIDs: []int{1}}},
		{"no partner", "partnerMunicipalityIds", "", Amendment{Reason: "x", PartnerMunicipalityIDs: []int{}}},
		{"a duplicate cap rule", "addCapRules", "", Amendment{Reason: "x", AddCapRules: []CapRule{{Kind: CapChildSessions, ValidFrom: day("2024-01-01")}}}},
		{"nothing changes", "", "", Amendment{Reason: "x", EndDate: dayp("2029-12-31")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := p
			if tc.name == "a duplicate cap rule" {
				q.CapRules = []CapRule{{Kind: CapChildSessions, ValidFrom: day("2024-01-01")}}
			}
			_, _, _, err := q.Amend(tc.am, facts, today)
			e, ok := err.(*Error)
			if !ok || e.Code != EINVALID || e.Field != tc.field || (tc.reason != "" && e.Reason != tc.reason) {
				t.Errorf("got %#v, want EINVALID on %q (%s)", err, tc.field, tc.reason)
			}
		})
	}
	next, changes, on, err := p.Amend(Amendment{Reason: " Grozījumi Nr. 2 ", EndDate: dayp("2030-12-31"), TotalBudget: money(120000),
		PartnerMunicipalityIDs: []int{3, 2, 1, 3}, AddCapRules: []CapRule{{Kind: CapChildSessions, ValidFrom: day("2027-01-01"), Limit: new(int)}}},
		facts, today)
	if err != nil {
		t.Fatal(err)
	}
	if on != today || !next.EndDate.Equal(day("2030-12-31")) || next.TotalBudget != 120000 || len(next.PartnerMunicipalityIDs) != 3 ||
		len(next.CapRules) != 1 || next.StartDate != p.StartDate {
		t.Errorf("amended %+v on %v", next, on)
	}
	got := map[string]string{}
	for _, c := range changes {
		before := ""
		if c.Before != nil {
			before = *c.Before
		}
		got[c.Field] = before + " -> " + *c.After
	}
	want := map[string]string{"endDate": "2029-12-31 -> 2030-12-31", "totalBudget": "1000.00 -> 1200.00",
		"partnerMunicipalities": "Liepāja; Rēzekne -> Liepāja; Rēzekne; Ventspils", "capRules": " -> CHILD_SESSIONS from 2027-01-01: 0"}
	if len(got) != len(want) {
		t.Errorf("changes %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

// TestStepDay: approval, activation and closing are dated no earlier than the step before and
// not in the future; the other steps take no day.
func TestStepDay(t *testing.T) {
	today := day("2026-12-02")
	submitted := time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC) // 1 December in Riga
	rev := &PlanRevision{SubmittedAt: &submitted, ApprovedOn: dayp("2026-12-01")}
	for _, tc := range []struct {
		step  PlanStep
		on    *time.Time
		want  string
		field string
	}{
		{StepApprove, nil, "2026-12-02", ""},
		{StepApprove, dayp("2026-12-01"), "2026-12-01", ""},
		{StepApprove, dayp("2026-11-30"), "", "decidedOn"},
		{StepActivate, dayp("2026-12-03"), "", "decidedOn"},
		{StepActivate, dayp("2026-12-01"), "2026-12-01", ""},
		{StepClose, dayp("2026-11-30"), "", "decidedOn"},
		{StepSubmit, dayp("2026-12-01"), "", "decidedOn"},
		{StepReturn, nil, "2026-12-02", ""},
	} {
		got, err := StepDay(tc.step, rev, tc.on, today)
		if tc.field != "" {
			if e, ok := err.(*Error); !ok || e.Field != tc.field {
				t.Errorf("%s on %v: %v, want an error on %s", tc.step, tc.on, err, tc.field)
			}
			continue
		}
		if err != nil || got.Format(DateLayout) != tc.want {
			t.Errorf("%s on %v: %v %v, want %s", tc.step, tc.on, got, err, tc.want)
		}
	}
}

// TestEligibilityReasons: a refusal names every failed condition, the first as the reason.
func TestEligibilityReasons(t *testing.T) {
	e := Eligibility{Child: &Child{MunicipalityID: 9}, Project: &Project{StartDate: day("2024-01-01"), EndDate: day("2029-12-31"),
		PartnerMunicipalityIDs: []int{1}}, AlreadyEnrolled: true}
	err := e.Check(day("2030-01-01")).(*Error)
	want := []string{ReasonDisabilityNotDetermined, ReasonNotAPartner, ReasonProjectNotRunning, ReasonAlreadyEnrolled}
	if err.Reason != want[0] || err.Field != "decidedOn" || len(err.Reasons) != 4 {
		t.Fatalf("%+v, want reasons %v on decidedOn", err, want)
	}
	for i := range want {
		if err.Reasons[i] != want[i] {
			t.Errorf("reasons %v, want %v", err.Reasons, want)
		}
	}
	e = Eligibility{Child: &Child{MunicipalityID: 9, DisabilityFrom: dayp("2020-01-01")}, Project: e.Project}
	if err := e.Check(day("2026-01-01")).(*Error); err.Reason != ReasonNotAPartner || err.Field != "id" {
		t.Errorf("%+v, want NOT_A_PARTNER_MUNICIPALITY on id", err)
	}
}
