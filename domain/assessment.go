package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// AssessmentStatus is where an assessment stands.
type AssessmentStatus string

// The statuses of an assessment.
const (
	AssessmentScheduled AssessmentStatus = "SCHEDULED"
	AssessmentCompleted AssessmentStatus = "COMPLETED"
	AssessmentCancelled AssessmentStatus = "CANCELLED"
)

// AssessmentStatuses lists every assessment status.
var AssessmentStatuses = []AssessmentStatus{AssessmentScheduled, AssessmentCompleted, AssessmentCancelled}

// Specialty is an assessment team member's profession.
type Specialty string

// FunctioningArea is a chapter of the ICF-CY activities and participation (d1-d9).
type FunctioningArea string

var (
	// Specialties lists every specialty of an assessment team member.
	Specialties = []Specialty{"SOCIAL_WORKER", "PSYCHOLOGIST", "OCCUPATIONAL_THERAPIST", "PHYSIOTHERAPIST",
		"SPEECH_THERAPIST", "SPECIAL_EDUCATOR", "PHYSICIAN", "OTHER"}
	// FunctioningAreas in ICF-CY chapter order, d1 to d9.
	FunctioningAreas = []FunctioningArea{"LEARNING_AND_APPLYING_KNOWLEDGE", "GENERAL_TASKS_AND_DEMANDS",
		"COMMUNICATION", "MOBILITY", "SELF_CARE", "DOMESTIC_LIFE", "INTERPERSONAL_INTERACTIONS",
		"MAJOR_LIFE_AREAS", "COMMUNITY_SOCIAL_CIVIC_LIFE"}
)

// Assessment is a needs assessment of a child by a provider's team.
type Assessment struct {
	ID              int              `db:"id"`              // database id
	ChildID         int              `db:"child_id"`        // the child
	ProviderID      int              `db:"provider_id"`     // the assessing provider
	ScheduledOn     time.Time        `db:"scheduled_on"`    // the day it is scheduled for
	Status          AssessmentStatus `db:"status"`          // where it stands
	CompletedOn     *time.Time       `db:"completed_on"`    // the day it was completed
	CancelReason    *string          `db:"cancel_reason"`   // why it was cancelled
	Version         int              `db:"version"`         // optimistic locking
	MunicipalityID  int              `db:"municipality_id"` // the child's municipality, for scope checks
	RegionID        int              `db:"region_id"`       // its region, for the audit log
	Team            []TeamMember     `db:"-"`               // the team
	Findings        []Finding        `db:"-"`               // findings by area, in chapter order
	Recommendations []Recommendation `db:"-"`               // recommended services
}

// TeamMember is a member of an assessment team.
type TeamMember struct {
	Name      string    `json:"name"`      // full name
	Specialty Specialty `json:"specialty"` // profession
}

// Finding is what the team found in one area of functioning.
type Finding struct {
	Area      FunctioningArea `json:"area"`      // the ICF-CY chapter
	Qualifier int             `json:"qualifier"` // 0 none .. 4 complete difficulty
	Note      string          `json:"note"`      // the team's words
}

// Recommendation is a service the team recommends.
type Recommendation struct {
	ServiceTypeID int       `json:"serviceTypeId"` // the service
	Recipient     Recipient `json:"recipient"`     // child or parents
	Units         int       `json:"units"`         // how many units
	Note          *string   `json:"note"`          // why
}

// AssessmentFilter selects assessments.
type AssessmentFilter struct {
	Scope      CaseScope         // what the caller may see
	Status     *AssessmentStatus // only this status
	ProviderID *int              // only this provider's
	ChildID    *int              // only this child's
}

// ValidateTeam checks a team: at least one member, names and known Specialties.
func ValidateTeam(team []TeamMember) error {
	if len(team) == 0 || len(team) > 20 {
		return FieldErrorf("team", "an assessment team has 1 to 20 members")
	}
	for i := range team {
		name, err := personName("team", team[i].Name)
		if err != nil {
			return err
		}
		team[i].Name = name
		if !slices.Contains(Specialties, team[i].Specialty) {
			return FieldErrorf("team", "unknown specialty %q", team[i].Specialty)
		}
	}
	return nil
}

// AssessmentRecord is what an assessor records.
type AssessmentRecord struct {
	Team            []TeamMember     // the team
	Findings        []Finding        // one per area at most
	Recommendations []Recommendation // services; checked against the catalogue by CheckRecommendations
}

// Validate checks the record and puts the findings in chapter order.
func (r *AssessmentRecord) Validate() error {
	if err := ValidateTeam(r.Team); err != nil {
		return err
	}
	seen := map[FunctioningArea]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if !slices.Contains(FunctioningAreas, f.Area) {
			return FieldErrorf("findings", "unknown area %q", f.Area)
		}
		if seen[f.Area] {
			return FieldErrorf("findings", "the area %s is given twice", f.Area)
		}
		seen[f.Area] = true
		if f.Qualifier < 0 || f.Qualifier > 4 {
			return FieldErrorf("findings", "an ICF qualifier is 0 to 4")
		}
		f.Note = strings.TrimSpace(f.Note)
		if utf8.RuneCountInString(f.Note) > 4000 {
			return FieldErrorf("findings", "a note may have at most 4000 characters")
		}
	}
	slices.SortFunc(r.Findings, func(a, b Finding) int {
		return slices.Index(FunctioningAreas, a.Area) - slices.Index(FunctioningAreas, b.Area)
	})
	if len(r.Recommendations) > 100 {
		return FieldErrorf("recommendations", "an assessment recommends at most 100 services")
	}
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		if rec.Units <= 0 || rec.Units > 10000 {
			return FieldErrorf("recommendations", "recommended units are 1 to 10000")
		}
		rec.Note = optionalText(rec.Note)
		if rec.Note != nil && utf8.RuneCountInString(*rec.Note) > 2000 {
			return FieldErrorf("recommendations", "a note may have at most 2000 characters")
		}
	}
	return nil
}

// CheckRecordable tells whether findings may be recorded: only while scheduled.
func (a *Assessment) CheckRecordable() error {
	if a.Status != AssessmentScheduled {
		return Errorf(EINVALID, "the assessment is %s: only a scheduled assessment can be changed", a.Status)
	}
	return nil
}

// CheckComplete tells whether the assessment may be completed on day.
func (a *Assessment) CheckComplete(day, today time.Time) error {
	if err := a.CheckRecordable(); err != nil {
		return err
	}
	if len(a.Findings) == 0 {
		return Errorf(EINVALID, "record at least one finding before completing the assessment")
	}
	if day.After(today) {
		return FieldErrorf("completedOn", "the completion day is in the future")
	}
	if day.Before(a.ScheduledOn) {
		return FieldErrorf("completedOn", "the completion day is before the scheduled day")
	}
	return nil
}

// CheckCancel tells whether the assessment may be cancelled with reason.
func (a *Assessment) CheckCancel(reason string) (string, error) {
	if err := a.CheckRecordable(); err != nil {
		return "", err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || utf8.RuneCountInString(reason) > 2000 {
		return "", FieldErrorf("reason", "a cancellation needs a reason of at most 2000 characters")
	}
	return reason, nil
}

// CheckRecommendations checks the recommended services against the catalogue: types holds the
// service types the record names that exist; each recommendation's recipient must be one its
// service is for.
func (r *AssessmentRecord) CheckRecommendations(types map[int]*ServiceType) error {
	for i, rec := range r.Recommendations {
		st := types[rec.ServiceTypeID]
		if st == nil {
			return FieldErrorf(fmt.Sprintf("recommendations.%d.serviceTypeId", i), "no such service type")
		}
		if err := st.CheckRecipient(fmt.Sprintf("recommendations.%d.recipient", i), rec.Recipient); err != nil {
			return err
		}
	}
	return nil
}
