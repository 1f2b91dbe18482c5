package domain

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// ApplicationStatus is where an application stands.
type ApplicationStatus string

// The statuses: submitted, then accepted, rejected or withdrawn.
const (
	AppSubmitted ApplicationStatus = "SUBMITTED"
	AppAccepted  ApplicationStatus = "ACCEPTED"
	AppRejected  ApplicationStatus = "REJECTED"
	AppWithdrawn ApplicationStatus = "WITHDRAWN"
)

// ApplicationStatuses lists every application status.
var ApplicationStatuses = []ApplicationStatus{AppSubmitted, AppAccepted, AppRejected, AppWithdrawn}

// Application is a parent's application to include a child in a project.
type Application struct {
	ID             int               `db:"id"`              // database id
	ChildID        int               `db:"child_id"`        // the child
	ProjectID      int               `db:"project_id"`      // the project
	ApplicantID    *int              `db:"applicant_id"`    // the applying parent
	SubmittedOn    time.Time         `db:"submitted_on"`    // the day it was received
	Status         ApplicationStatus `db:"status"`          // where it stands
	Reason         *string           `db:"reason"`          // a rejection's reason
	DecidedOn      *time.Time        `db:"decided_on"`      // the day it was decided
	Version        int               `db:"version"`         // optimistic locking
	MunicipalityID int               `db:"municipality_id"` // the child's municipality, for scope checks
	RegionID       int               `db:"region_id"`       // its region, for the audit log
}

// ApplicationEvent is one change of an application's status.
type ApplicationEvent struct {
	ApplicationID int               `db:"application_id"` // the application
	At            time.Time         `db:"at"`             // when it was entered
	On            time.Time         `db:"on_date"`        // the day it was decided
	ActorID       *int              `db:"actor_id"`       // who
	Status        ApplicationStatus `db:"status"`         // the status it moved to
	Comment       *string           `db:"comment"`        // reason or comment
}

// ApplicationFilter selects applications.
type ApplicationFilter struct {
	Scope     CaseScope          // what the caller may see
	Status    *ApplicationStatus // only this status
	ProjectID *int               // only this project
	ChildID   *int               // only this child
}

// Decide checks that an application may move from its status to next, and returns the
// cleaned comment. Only a submitted application is decided; a rejection needs a reason.
func (a *Application) Decide(next ApplicationStatus, comment *string) (*string, error) {
	if a.Status != AppSubmitted {
		return nil, Errorf(EINVALID, "the application is %s already: only a submitted application can be decided", a.Status)
	}
	c := optionalText(comment)
	if c != nil && utf8.RuneCountInString(*c) > 2000 {
		return nil, FieldErrorf("reason", "a reason may have at most 2000 characters")
	}
	if next == AppRejected && c == nil {
		return nil, FieldErrorf("reason", "a rejection needs a reason")
	}
	return c, nil
}

// Eligibility is what acceptance checks about the child and the project on the decision day.
type Eligibility struct {
	Child           *Child   // the child
	Project         *Project // the project applied to
	AlreadyEnrolled bool     // the child has another accepted application to the project
}

// The reasons an acceptance is refused (extensions.reason and .reasons), for clients that say
// them in their own words.
const (
	ReasonDisabilityNotDetermined = "DISABILITY_NOT_DETERMINED"
	ReasonNotAPartner             = "NOT_A_PARTNER_MUNICIPALITY"
	ReasonProjectNotRunning       = "PROJECT_NOT_RUNNING"
	ReasonAlreadyEnrolled         = "ALREADY_ENROLLED"
)

// Check returns why the child may not be accepted on day, or nil: the disability must be
// determined on that day, the child declared in a partner municipality, the project running,
// and the child not already enrolled. The error names every condition that failed (Reasons),
// the first as Reason, and the input at fault: the decision's day when a condition of the day
// failed, else the application.
func (e Eligibility) Check(day time.Time) error {
	var why, reasons []string
	fail := func(reason, text string) {
		reasons = append(reasons, reason)
		why = append(why, text)
	}
	if !e.Child.DisabledOn(day) {
		fail(ReasonDisabilityNotDetermined, "the child has no disability determined on "+day.Format(DateLayout))
	}
	if !e.Project.HasPartner(e.Child.MunicipalityID) {
		fail(ReasonNotAPartner, "the child's declared municipality is not a partner of the project")
	}
	if !e.Project.RunsOn(day) {
		fail(ReasonProjectNotRunning, fmt.Sprintf("the project does not run on %s (it runs %s to %s)", day.Format(DateLayout),
			e.Project.StartDate.Format(DateLayout), e.Project.EndDate.Format(DateLayout)))
	}
	if e.AlreadyEnrolled {
		fail(ReasonAlreadyEnrolled, "the child is already enrolled in the project")
	}
	if len(why) == 0 {
		return nil
	}
	field := "id"
	if reasons[0] == ReasonDisabilityNotDetermined || reasons[0] == ReasonProjectNotRunning {
		field = "decidedOn"
	}
	err := FieldErrorf(field, "not eligible: %s", strings.Join(why, "; ")).Because(reasons[0])
	err.Reasons = reasons
	return err
}

// CheckSubmittedOn refuses a day of submission that is implausible or after today.
func CheckSubmittedOn(day, today time.Time) error {
	if err := CheckDate("submittedOn", day); err != nil {
		return err
	}
	if day.After(today) {
		return FieldErrorf("submittedOn", "the day of submission is in the future")
	}
	return nil
}

// CheckApplicant refuses an applicant who is not linked to the child as a parent or legal
// representative. linked tells whether the applicant is (see store.ParentLinked).
func CheckApplicant(linked bool) error {
	if !linked {
		return FieldErrorf("applicantId", "the applicant is not a parent or representative of the child")
	}
	return nil
}
