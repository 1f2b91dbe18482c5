package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Project is a DI project of a lead planning region: its partners, money, targets and caps.
type Project struct {
	ID                     int             `db:"id"`             // database id
	Code                   string          `db:"code"`           // the project number, e.g. 9.2.2.1/15/I/005
	Name                   string          `db:"name"`           // the project's name
	LeadRegionID           int             `db:"lead_region_id"` // the region that leads it and approves its plans
	StartDate              time.Time       `db:"start_date"`     // first day
	EndDate                time.Time       `db:"end_date"`       // last day
	TotalBudget            Money           `db:"total_budget"`   // the whole budget
	Version                int             `db:"version"`        // optimistic locking
	FundingSources         []FundingSource `db:"-"`              // shares of every money figure, largest first
	PartnerMunicipalityIDs []int           `db:"-"`              // partner municipalities, from any region
	Targets                []ProjectTarget `db:"-"`              // what it promises to reach
	CapRules               []CapRule       `db:"-"`              // caps over time
}

// RunsOn tells whether the project runs on day.
func (p *Project) RunsOn(day time.Time) bool {
	return !day.Before(p.StartDate) && !day.After(p.EndDate)
}

// HasPartner tells whether the municipality is a partner of the project.
func (p *Project) HasPartner(municipalityID int) bool {
	return slices.Contains(p.PartnerMunicipalityIDs, municipalityID)
}

// FundingSourceCode names a fund.
type FundingSourceCode string

// The funds.
const (
	FundESF       FundingSourceCode = "ESF"
	FundState     FundingSourceCode = "STATE_BUDGET"
	FundMunicipal FundingSourceCode = "MUNICIPAL_BUDGET"
)

// FundingSourceCodes lists every fund.
var FundingSourceCodes = []FundingSourceCode{FundESF, FundState, FundMunicipal}

// FundingSource is a fund's share of a project. Shares are held in hundredths of a percent
// (basis points) so that they add up exactly: 8500 is 85 %.
type FundingSource struct {
	Code    FundingSourceCode `json:"code"`    // the fund
	ShareBP int               `json:"shareBp"` // the share in hundredths of a percent
}

// SharePercent is the share as a decimal string, "85.00".
func (f FundingSource) SharePercent() string {
	return fmt.Sprintf("%d.%02d", f.ShareBP/100, f.ShareBP%100)
}

// ParseSharePercent reads a percentage with at most two decimals ("85", "85.5", "85.00").
func ParseSharePercent(s string) (int, error) {
	m, err := ParseMoney(s) // the same syntax: digits with up to two decimals
	if err != nil || m <= 0 || m > 10000 {
		return 0, FieldErrorf("sharePercent", "%q is not a share between 0 and 100 with at most two decimals", s)
	}
	return int(m), nil
}

// SplitBy splits amount between the sources by their shares, rounded to the cent so that the
// parts add up to the amount exactly: each part is rounded down, and the cents left over go to
// the parts with the largest remainders (ties: the earlier source). Shares must sum to 100 %.
func SplitBy(amount Money, sources []FundingSource) []Money {
	parts := make([]Money, len(sources))
	rests := make([]int64, len(sources))
	var given Money
	for i, s := range sources {
		exact := int64(amount) * int64(s.ShareBP) // in cents x 10000
		parts[i] = Money(exact / 10000)
		rests[i] = exact % 10000
		given += parts[i]
	}
	order := make([]int, len(sources))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(rests[b] - rests[a]) })
	for k := 0; given < amount && len(order) > 0; k = (k + 1) % len(order) {
		parts[order[k]]++
		given++
	}
	return parts
}

// TargetGroup is a group of people a project means to reach.
type TargetGroup string

// TargetGroups lists every target group, as the project's contract counts them.
var TargetGroups = []TargetGroup{"CHILDREN_ASSESSED", "CHILDREN_SERVED", "CHILDREN_IN_INSTITUTIONS_ASSESSED",
	"ADULTS_ASSESSED", "ADULTS_SERVED", "ADULTS_INDEPENDENT_LIVING"}

// ProjectTarget is how many of a group a project means to reach.
type ProjectTarget struct {
	Group TargetGroup `json:"group"` // the group
	Count int         `json:"count"` // how many
}

// CapKind is what a cap rule limits.
type CapKind string

// The capped quantities.
const (
	CapChildSessions     CapKind = "CHILD_SESSIONS"           // a child's project-paid sessions over the project
	CapParentSessions    CapKind = "PARENT_SESSIONS"          // a child's parents' sessions together
	CapHomeCareWeekly    CapKind = "HOME_CARE_HOURS_PER_WEEK" // home-care hours a week, by age
	CapRespiteDaysYearly CapKind = "RESPITE_DAYS_PER_YEAR"    // respite days a calendar year
)

// CapKinds lists every capped quantity.
var CapKinds = []CapKind{CapChildSessions, CapParentSessions, CapHomeCareWeekly, CapRespiteDaysYearly}

// CapRule is a cap of a project from a date on. Caps are data, never constants in code: the
// sources show them changing (40 sessions, then 100, then no limit).
type CapRule struct {
	Kind      CapKind   `json:"kind"`      // what is capped
	ValidFrom time.Time `json:"validFrom"` // the first day it applies
	Limit     *int      `json:"limit"`     // the limit; nil is no limit
	MinAge    *int      `json:"minAge"`    // home care: the youngest age it applies to
	MaxAge    *int      `json:"maxAge"`    // home care: the oldest age it applies to
}

// Validate checks a cap rule: a known kind, a non-negative limit, and an age band only (and
// always) for home care.
func (r *CapRule) Validate() error {
	if !slices.Contains(CapKinds, r.Kind) {
		return FieldErrorf("kind", "unknown cap kind %q", r.Kind)
	}
	if r.Limit != nil && (*r.Limit < 0 || *r.Limit > 100000) {
		return FieldErrorf("limit", "a limit is between 0 and 100000")
	}
	if err := CheckDate("validFrom", r.ValidFrom); err != nil {
		return err
	}
	ageBand := r.MinAge != nil || r.MaxAge != nil
	if r.Kind == CapHomeCareWeekly {
		if r.MinAge == nil || r.MaxAge == nil || *r.MinAge < 0 || *r.MaxAge < *r.MinAge || *r.MaxAge > 17 {
			return FieldErrorf("minAge", "a home-care rule needs an age band within 0-17 years")
		}
	} else if ageBand {
		return FieldErrorf("minAge", "only home-care rules have an age band")
	}
	return nil
}

// CapInForce returns the rule of kind in force on day for a person of age (years), and false
// when the project has none: the rule with the latest validFrom not after day (for home care,
// among those whose age band holds age).
func CapInForce(rules []CapRule, kind CapKind, day time.Time, age int) (CapRule, bool) {
	var best CapRule
	found := false
	for _, r := range rules {
		if r.Kind != kind || r.ValidFrom.After(day) {
			continue
		}
		if r.MinAge != nil && (age < *r.MinAge || age > *r.MaxAge) {
			continue
		}
		if !found || r.ValidFrom.After(best.ValidFrom) {
			best, found = r, true
		}
	}
	return best, found
}

// NewProject is what an admin gives to create a project.
type NewProject struct {
	Project
}

// Validate checks a new project: code and name, a period, a budget, shares that sum to 100 %
// with each fund once, at least one partner, targets and cap rules.
func (p *NewProject) Validate() error {
	p.Code, p.Name = strings.TrimSpace(p.Code), strings.TrimSpace(p.Name)
	if p.Code == "" || utf8.RuneCountInString(p.Code) > 50 {
		return FieldErrorf("code", "a project needs a code of at most 50 characters")
	}
	if p.Name == "" || utf8.RuneCountInString(p.Name) > 200 {
		return FieldErrorf("name", "a project needs a name of at most 200 characters")
	}
	if err := CheckDate("startDate", p.StartDate); err != nil {
		return err
	}
	if err := CheckDate("endDate", p.EndDate); err != nil {
		return err
	}
	if p.EndDate.Before(p.StartDate) {
		return FieldErrorf("endDate", "the project ends before it starts")
	}
	if p.TotalBudget <= 0 || p.TotalBudget > MaxMoney {
		return FieldErrorf("totalBudget", "the budget must be positive and at most %s", MaxMoney)
	}
	sum := 0
	seen := map[FundingSourceCode]bool{}
	for _, f := range p.FundingSources {
		if seen[f.Code] {
			return FieldErrorf("fundingSources", "%s is given twice", f.Code)
		}
		seen[f.Code] = true
		sum += f.ShareBP
	}
	if sum != 10000 {
		return FieldErrorf("fundingSources", "the shares sum to %s %%, not 100 %%", FundingSource{ShareBP: sum}.SharePercent())
	}
	slices.SortStableFunc(p.FundingSources, func(a, b FundingSource) int { return b.ShareBP - a.ShareBP })
	if len(p.PartnerMunicipalityIDs) == 0 {
		return FieldErrorf("partnerMunicipalityIds", "a project needs at least one partner municipality")
	}
	groups := map[TargetGroup]bool{}
	for _, t := range p.Targets {
		if t.Count < 0 || t.Count > 10_000_000 {
			return FieldErrorf("targets", "a target is between 0 and 10 000 000")
		}
		if groups[t.Group] {
			return FieldErrorf("targets", "the target group %s is given twice", t.Group)
		}
		groups[t.Group] = true
	}
	for i := range p.CapRules {
		if err := p.CapRules[i].Validate(); err != nil {
			return err
		}
	}
	return nil
}

// ProjectFilter selects projects.
type ProjectFilter struct {
	LeadRegionID          *int       // led by this region
	PartnerMunicipalityID *int       // with this partner
	ActiveOn              *time.Time // running on this day
}

// ProjectAmendment is an amendment of a project as recorded in its history.
type ProjectAmendment struct {
	ProjectID int             `db:"project_id"` // the project
	Number    int             `db:"number"`     // 1, 2, ... per project
	DecidedOn time.Time       `db:"decided_on"` // the day it was agreed
	EnteredAt time.Time       `db:"entered_at"` // when it was entered
	ActorID   *int            `db:"actor_id"`   // who entered it
	Reason    string          `db:"reason"`     // why, e.g. the agreement's amendment number
	Changes   []ProjectChange `db:"-"`          // what changed
}

// ProjectChange is one field an amendment changed; lists are written as text joined by "; ".
type ProjectChange struct {
	Field  string  `json:"field"`
	Before *string `json:"before"`
	After  *string `json:"after"`
}

// Amendment is what an amendment of a project changes; a nil field stays as it is, a list
// given replaces the whole list, and cap rules are added (rules apply from a date on).
type Amendment struct {
	Reason                 string
	DecidedOn              *time.Time
	Name                   *string
	StartDate              *time.Time
	EndDate                *time.Time
	TotalBudget            *Money
	FundingSources         []FundingSource // nil: unchanged
	PartnerMunicipalityIDs []int           // nil: unchanged
	Targets                []ProjectTarget // nil: unchanged
	AddCapRules            []CapRule
}

// AmendmentFacts is what is recorded under a project, which an amendment must still fit.
type AmendmentFacts struct {
	LastDecidedOn  *time.Time     // the previous amendment's day
	PlansFrom      *time.Time     // the earliest first day of a plan revision
	PlansTo        *time.Time     // the latest last day of a plan revision
	Committed      Money          // the budgets of the revisions in force
	Enrolled       map[int]int    // children accepted into the project, by their municipality
	Municipalities map[int]string // the names of the municipalities before and after, for the history
}

// Amend checks an amendment of p against what is recorded and returns the project as
// amended, the changes for the history, and the amendment's day.
func (p *Project) Amend(am Amendment, f AmendmentFacts, today time.Time) (Project, []ProjectChange, time.Time, error) {
	next := *p
	am.Reason = strings.TrimSpace(am.Reason)
	if am.Reason == "" || utf8.RuneCountInString(am.Reason) > 500 {
		return next, nil, today, FieldErrorf("reason", "an amendment needs a reason of at most 500 characters")
	}
	earliest := EarliestDate
	if f.LastDecidedOn != nil {
		earliest = *f.LastDecidedOn
	}
	day, err := DecisionDay("decidedOn", am.DecidedOn, earliest, today)
	if err != nil {
		return next, nil, day, err
	}
	if am.Name != nil {
		next.Name = *am.Name
	}
	if am.StartDate != nil {
		next.StartDate = *am.StartDate
	}
	if am.EndDate != nil {
		next.EndDate = *am.EndDate
	}
	if am.TotalBudget != nil {
		next.TotalBudget = *am.TotalBudget
	}
	if am.FundingSources != nil {
		next.FundingSources = am.FundingSources
	}
	if am.PartnerMunicipalityIDs != nil {
		next.PartnerMunicipalityIDs = slices.Compact(slices.Sorted(slices.Values(am.PartnerMunicipalityIDs)))
	}
	if am.Targets != nil {
		next.Targets = am.Targets
	}
	next.CapRules = append(slices.Clone(p.CapRules), am.AddCapRules...)
	check := NewProject{Project: next}
	if err := check.Validate(); err != nil {
		return next, nil, day, err
	}
	next = check.Project
	for _, r := range am.AddCapRules {
		for _, old := range p.CapRules {
			if old.Kind == r.Kind && old.ValidFrom.Equal(r.ValidFrom) && equalPtr(old.MinAge, r.MinAge) {
				return next, nil, day, FieldErrorf("addCapRules", "the project has a %s rule from %s already", r.Kind, r.ValidFrom.Format(DateLayout))
			}
		}
	}
	// What is recorded must still fit.
	if f.PlansFrom != nil && f.PlansFrom.Before(next.StartDate) {
		return next, nil, day, FieldErrorf("startDate", "a plan starts on %s, before the new start", f.PlansFrom.Format(DateLayout)).Because("PLANS_OUTSIDE")
	}
	if f.PlansTo != nil && f.PlansTo.After(next.EndDate) {
		return next, nil, day, FieldErrorf("endDate", "a plan runs until %s, after the new end", f.PlansTo.Format(DateLayout)).Because("PLANS_OUTSIDE")
	}
	if next.TotalBudget < f.Committed {
		return next, nil, day, FieldErrorf("totalBudget", "the plans in force commit %s, more than the new budget", f.Committed).Because("BELOW_COMMITTED")
	}
	for _, m := range p.PartnerMunicipalityIDs {
		if f.Enrolled[m] > 0 && !next.HasPartner(m) {
			return next, nil, day, FieldErrorf("partnerMunicipalityIds", "%s has %d children enrolled in the project: it cannot leave",
				f.Municipalities[m], f.Enrolled[m]).Because("PARTNER_HAS_CHILDREN")
		}
	}
	changes := diffProjects(p, &next, am.AddCapRules, f.Municipalities)
	if len(changes) == 0 {
		return next, nil, day, Errorf(EINVALID, "the amendment changes nothing")
	}
	return next, changes, day, nil
}

func equalPtr(a, b *int) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }

// diffProjects lists the fields that differ from a to b as text, for the history.
func diffProjects(a, b *Project, added []CapRule, names map[int]string) []ProjectChange {
	var out []ProjectChange
	field := func(name, before, after string) {
		if before != after {
			out = append(out, ProjectChange{Field: name, Before: textOrNil(before), After: textOrNil(after)})
		}
	}
	field("name", a.Name, b.Name)
	field("startDate", a.StartDate.Format(DateLayout), b.StartDate.Format(DateLayout))
	field("endDate", a.EndDate.Format(DateLayout), b.EndDate.Format(DateLayout))
	field("totalBudget", a.TotalBudget.String(), b.TotalBudget.String())
	funding := func(fs []FundingSource) string {
		parts := make([]string, len(fs))
		for i, f := range fs {
			parts[i] = string(f.Code) + " " + f.SharePercent() + " %"
		}
		return strings.Join(parts, "; ")
	}
	field("fundingSources", funding(a.FundingSources), funding(b.FundingSources))
	partners := func(ids []int) string {
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = names[id]
		}
		slices.Sort(parts)
		return strings.Join(parts, "; ")
	}
	field("partnerMunicipalities", partners(a.PartnerMunicipalityIDs), partners(b.PartnerMunicipalityIDs))
	targets := func(ts []ProjectTarget) string {
		ts = slices.Clone(ts)
		slices.SortFunc(ts, func(x, y ProjectTarget) int { return strings.Compare(string(x.Group), string(y.Group)) })
		parts := make([]string, 0, len(ts))
		for _, t := range ts {
			parts = append(parts, fmt.Sprintf("%s %d", t.Group, t.Count))
		}
		return strings.Join(parts, "; ")
	}
	field("targets", targets(a.Targets), targets(b.Targets))
	if len(added) > 0 {
		parts := make([]string, len(added))
		for i, r := range added {
			limit := "no limit"
			if r.Limit != nil {
				limit = fmt.Sprint(*r.Limit)
			}
			parts[i] = fmt.Sprintf("%s from %s: %s", r.Kind, r.ValidFrom.Format(DateLayout), limit)
			if r.MinAge != nil {
				parts[i] += fmt.Sprintf(" (ages %d-%d)", *r.MinAge, *r.MaxAge)
			}
		}
		out = append(out, ProjectChange{Field: "capRules", After: textOrNil(strings.Join(parts, "; "))})
	}
	return out
}

func textOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
