package domain

import (
	"slices"
	"strings"
	"time"
)

// RegionCode is the stable code of a planning region.
type RegionCode string

// The five planning regions.
const (
	RegionKurzeme RegionCode = "KURZEME"
	RegionLatgale RegionCode = "LATGALE"
	RegionRiga    RegionCode = "RIGA"
	RegionVidzeme RegionCode = "VIDZEME"
	RegionZemgale RegionCode = "ZEMGALE"
)

// RegionCodes lists the five planning regions.
var RegionCodes = []RegionCode{RegionKurzeme, RegionLatgale, RegionRiga, RegionVidzeme, RegionZemgale}

// Region is a planning region (plānošanas reģions).
type Region struct {
	ID     int        `db:"id"`      // database id
	Code   RegionCode `db:"code"`    // stable code
	Name   string     `db:"name"`    // official Latvian name
	NameEn string     `db:"name_en"` // English name
}

// MunicipalityKind tells a state city from a county.
type MunicipalityKind string

// The kinds of municipality.
const (
	StateCity MunicipalityKind = "STATE_CITY" // valstspilsēta
	County    MunicipalityKind = "COUNTY"     // novads
)

// MunicipalityKinds lists every kind of municipality.
var MunicipalityKinds = []MunicipalityKind{StateCity, County}

// Municipality is a local government (pašvaldība) in one planning region.
type Municipality struct {
	ID        int              `db:"id"`         // database id
	RegionID  int              `db:"region_id"`  // the planning region it belongs to
	Name      string           `db:"name"`       // Latvian name
	Kind      MunicipalityKind `db:"kind"`       // state city or county
	AtvkCode  string           `db:"atvk_code"`  // 7-digit ATVK classification code
	IsoCode   string           `db:"iso_code"`   // ISO 3166-2 code
	ValidFrom time.Time        `db:"valid_from"` // first day it exists
	ValidTo   *time.Time       `db:"valid_to"`   // last day it exists; nil while it does
}

// ExistsOn tells whether the municipality exists on the given day.
func (m *Municipality) ExistsOn(day time.Time) bool {
	return !day.Before(m.ValidFrom) && (m.ValidTo == nil || !day.After(*m.ValidTo))
}

// MunicipalityFilter selects municipalities; zero fields select everything.
type MunicipalityFilter struct {
	RegionID     *int       // only this region's
	NameContains string     // only names containing this, ignoring case
	ActiveOn     *time.Time // only those existing on this day
}

// ServiceCategory groups service types.
type ServiceCategory string

// The service categories.
const (
	SocialRehabilitation ServiceCategory = "SOCIAL_REHABILITATION"
	HomeCare             ServiceCategory = "HOME_CARE"
	RespiteCare          ServiceCategory = "RESPITE_CARE"
	DayCare              ServiceCategory = "DAY_CARE"
	SocialCare           ServiceCategory = "SOCIAL_CARE"
)

// ServiceCategories lists every service category.
var ServiceCategories = []ServiceCategory{SocialRehabilitation, HomeCare, RespiteCare, DayCare, SocialCare}

// ServiceUnit is what a service is counted and paid in.
type ServiceUnit string

// The service units.
const (
	UnitSession ServiceUnit = "SESSION"
	UnitHour    ServiceUnit = "HOUR"
	UnitDay     ServiceUnit = "DAY"
)

// ServiceUnits lists every service unit.
var ServiceUnits = []ServiceUnit{UnitSession, UnitHour, UnitDay}

// Recipient is who receives a service.
type Recipient string

// The recipients.
const (
	RecipientChild   Recipient = "CHILD"
	RecipientParents Recipient = "PARENTS"
)

// Recipients lists every recipient.
var Recipients = []Recipient{RecipientChild, RecipientParents}

// ServiceType is an entry of the service catalogue (pakalpojuma veids).
type ServiceType struct {
	ID                      int             `db:"id"`                         // database id
	Code                    string          `db:"code"`                       // stable code, e.g. PHYSIOTHERAPY
	Name                    string          `db:"name"`                       // Latvian name
	NameEn                  string          `db:"name_en"`                    // English name
	Category                ServiceCategory `db:"category"`                   // its category
	Unit                    ServiceUnit     `db:"unit"`                       // what it is counted in
	DefaultUnitPrice        Money           `db:"default_unit_price"`         // price when no provider price applies
	CountsTowardsSessionCap bool            `db:"counts_towards_session_cap"` // whether units count towards session caps
	ForChild                bool            `db:"for_child"`                  // the child may receive it
	ForParents              bool            `db:"for_parents"`                // the parents may receive it
}

// Recipients lists who may receive the service.
func (s *ServiceType) Recipients() []Recipient {
	var r []Recipient
	if s.ForChild {
		r = append(r, RecipientChild)
	}
	if s.ForParents {
		r = append(r, RecipientParents)
	}
	return r
}

// CheckRecipient refuses a recipient the service is not for (a child-only service for the
// parents, say), naming field.
func (s *ServiceType) CheckRecipient(field string, r Recipient) error {
	if !slices.Contains(s.Recipients(), r) {
		return FieldErrorf(field, "%s is not a service for %s", s.NameEn, strings.ToLower(string(r)))
	}
	return nil
}
