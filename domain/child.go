package domain

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Sex is a child's sex as in the population register.
type Sex string

// LivingArrangement is where and with whom a child lives.
type LivingArrangement string

// The living arrangements.
const (
	LivingFamily       LivingArrangement = "FAMILY"
	LivingFosterFamily LivingArrangement = "FOSTER_FAMILY"
	LivingGuardian     LivingArrangement = "GUARDIAN"
	LivingInstitution  LivingArrangement = "INSTITUTION"
)

// ImpairmentKind is a kind of functional impairment.
type ImpairmentKind string

// ParentRelation is how a parent or representative is related to a child.
type ParentRelation string

// The values of each of these enums.
var (
	Sexes              = []Sex{"FEMALE", "MALE"}
	LivingArrangements = []LivingArrangement{LivingFamily, LivingFosterFamily, LivingGuardian, LivingInstitution}
	ImpairmentKinds    = []ImpairmentKind{"VISION", "HEARING", "MOBILITY", "SPEECH_AND_LANGUAGE", "INTELLECTUAL", "BEHAVIOURAL", "DEVELOPMENTAL", "OTHER"}
	ParentRelations    = []ParentRelation{"MOTHER", "FATHER", "FOSTER_PARENT", "GUARDIAN", "ADOPTIVE_PARENT"}
)

// Child is a child with a functional impairment: special-category personal data.
type Child struct {
	ID                  int               `db:"id"`                     // database id
	PersonalCode        PersonalCode      `db:"personal_code"`          // validated, unique
	FirstName           string            `db:"first_name"`             // first name
	LastName            string            `db:"last_name"`              // last name
	BirthDate           time.Time         `db:"birth_date"`             // agrees with an old-format code
	Sex                 Sex               `db:"sex"`                    // FEMALE or MALE
	MunicipalityID      int               `db:"municipality_id"`        // where the residence is declared
	LivingArrangement   LivingArrangement `db:"living_arrangement"`     // family, foster family, guardian, institution
	DisabilityFrom      *time.Time        `db:"disability_from"`        // determined disability: first day
	DisabilityTo        *time.Time        `db:"disability_to"`          // last day; nil: open-ended
	SpecialCareNeedFrom *time.Time        `db:"special_care_need_from"` // special care need opinion: first day
	SpecialCareNeedTo   *time.Time        `db:"special_care_need_to"`   // last day; nil: open-ended
	Impairments         []ImpairmentKind  `db:"-"`                      // kinds of impairment
	CreatedAt           time.Time         `db:"created_at"`             // when registered
	Version             int               `db:"version"`                // optimistic locking
	RegionID            int               `db:"region_id"`              // the municipality's region, for the audit log
}

// DisabledOn tells whether the child's disability is determined on day.
func (c *Child) DisabledOn(day time.Time) bool { return within(day, c.DisabilityFrom, c.DisabilityTo) }

// SpecialCareNeedOn tells whether the child has a special care need opinion on day.
func (c *Child) SpecialCareNeedOn(day time.Time) bool {
	return within(day, c.SpecialCareNeedFrom, c.SpecialCareNeedTo)
}

// AgeOn is the child's age in whole years on day.
func (c *Child) AgeOn(day time.Time) int { return AgeOn(c.BirthDate, day) }

// AgeOn is the age in whole years on day of a person born on birth.
func AgeOn(birth, day time.Time) int {
	age := day.Year() - birth.Year()
	if day.Month() < birth.Month() || (day.Month() == birth.Month() && day.Day() < birth.Day()) {
		age--
	}
	return age
}

func within(day time.Time, from, to *time.Time) bool {
	return from != nil && !day.Before(*from) && (to == nil || !day.After(*to))
}

// ChildData is the editable part of a child, as a worker enters it.
type ChildData struct {
	PersonalCode        string            // as typed; validated and made canonical
	FirstName           string            // first name
	LastName            string            // last name
	BirthDate           time.Time         // birth date
	Sex                 Sex               // sex
	MunicipalityID      int               // declared municipality
	LivingArrangement   LivingArrangement // living arrangement
	DisabilityFrom      *time.Time        // disability: first day
	DisabilityTo        *time.Time        // disability: last day
	SpecialCareNeedFrom *time.Time        // special care need: first day
	SpecialCareNeedTo   *time.Time        // special care need: last day
	Impairments         []ImpairmentKind  // kinds of impairment
}

// Validate checks a child's data against today and normalises it: a valid personal code that
// agrees with the birth date, names, a birth date that is a child's, periods that end after
// they start, known kinds.
func (d *ChildData) Validate(today time.Time) error {
	code, err := ParsePersonalCode(d.PersonalCode)
	if err != nil {
		return err
	}
	d.PersonalCode = string(code)
	if d.FirstName, err = personName("firstName", d.FirstName); err != nil {
		return err
	}
	if d.LastName, err = personName("lastName", d.LastName); err != nil {
		return err
	}
	if d.BirthDate.After(today) {
		return FieldErrorf("birthDate", "the birth date is in the future")
	}
	if AgeOn(d.BirthDate, today) > 25 {
		return FieldErrorf("birthDate", "the person is not a child or young person (over 25 years)")
	}
	if err := code.CheckBirthDate(d.BirthDate); err != nil {
		return err
	}
	if !slices.Contains(Sexes, d.Sex) {
		return FieldErrorf("sex", "unknown sex %q", d.Sex)
	}
	if !slices.Contains(LivingArrangements, d.LivingArrangement) {
		return FieldErrorf("livingArrangement", "unknown living arrangement %q", d.LivingArrangement)
	}
	for field, day := range map[string]*time.Time{"disabilityFrom": d.DisabilityFrom, "disabilityTo": d.DisabilityTo,
		"specialCareNeedFrom": d.SpecialCareNeedFrom, "specialCareNeedTo": d.SpecialCareNeedTo} {
		if day != nil {
			if err := CheckDate(field, *day); err != nil {
				return err
			}
		}
	}
	if err := period("disabilityFrom", "disabilityTo", d.DisabilityFrom, d.DisabilityTo); err != nil {
		return err
	}
	if err := period("specialCareNeedFrom", "specialCareNeedTo", d.SpecialCareNeedFrom, d.SpecialCareNeedTo); err != nil {
		return err
	}
	seen := map[ImpairmentKind]bool{}
	kinds := d.Impairments[:0:0]
	for _, k := range d.Impairments {
		if !slices.Contains(ImpairmentKinds, k) {
			return FieldErrorf("impairments", "unknown impairment kind %q", k)
		}
		if !seen[k] {
			seen[k] = true
			kinds = append(kinds, k)
		}
	}
	slices.Sort(kinds)
	d.Impairments = kinds
	return nil
}

// period checks an optional period: an end needs a start and is not before it.
func period(fromField, toField string, from, to *time.Time) error {
	if to != nil && from == nil {
		return FieldErrorf(fromField, "a period with an end needs a start")
	}
	if to != nil && to.Before(*from) {
		return FieldErrorf(toField, "the period ends before it starts")
	}
	return nil
}

func personName(field, name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return "", FieldErrorf(field, "the name is required")
	}
	if utf8.RuneCountInString(name) > 100 {
		return "", FieldErrorf(field, "a name may have at most 100 characters")
	}
	return name, nil
}

// ChildFilter selects children; zero fields select every child in the scope.
type ChildFilter struct {
	Scope             CaseScope          // what the caller may see
	Search            string             // name contains, or personal code starts with
	MunicipalityID    *int               // declared here
	Impairment        *ImpairmentKind    // has this impairment
	LivingArrangement *LivingArrangement // lives so
	PlanStatus        *PlanStatus        // has a plan whose current revision has this status
	Order             ChildOrder         // the list's order; "" is by name
}

// Parent is a parent or legal representative of one or more children.
type Parent struct {
	ID             int           `db:"id"`              // database id
	PersonalCode   *PersonalCode `db:"personal_code"`   // validated; nil when not known
	FirstName      string        `db:"first_name"`      // first name
	LastName       string        `db:"last_name"`       // last name
	Phone          *string       `db:"phone"`           // phone number
	Email          *string       `db:"email"`           // email address
	Address        *string       `db:"address"`         // postal address
	Version        int           `db:"version"`         // optimistic locking
	MunicipalityID *int          `db:"municipality_id"` // their children's municipality, for the audit log
}

// ParentData is the editable part of a parent.
type ParentData struct {
	PersonalCode *string // optional
	FirstName    string  // first name
	LastName     string  // last name
	Phone        *string // phone
	Email        *string // email
	Address      *string // address
}

// Validate checks and normalises a parent's data.
func (d *ParentData) Validate() error {
	if d.PersonalCode != nil && strings.TrimSpace(*d.PersonalCode) == "" {
		d.PersonalCode = nil
	}
	if d.PersonalCode != nil {
		code, err := ParsePersonalCode(*d.PersonalCode)
		if err != nil {
			return err
		}
		s := string(code)
		d.PersonalCode = &s
	}
	var err error
	if d.FirstName, err = personName("firstName", d.FirstName); err != nil {
		return err
	}
	if d.LastName, err = personName("lastName", d.LastName); err != nil {
		return err
	}
	d.Phone = optionalText(d.Phone)
	if d.Phone != nil && !validPhone(*d.Phone) {
		return FieldErrorf("phone", "a phone number has 8 to 15 digits, optionally with + and spaces")
	}
	d.Email = optionalText(d.Email)
	if d.Email != nil {
		email, err := NormalizeEmail(*d.Email)
		if err != nil {
			return err
		}
		d.Email = &email
	}
	d.Address = optionalText(d.Address)
	if d.Address != nil && utf8.RuneCountInString(*d.Address) > 300 {
		return FieldErrorf("address", "an address may have at most 300 characters")
	}
	return nil
}

func optionalText(s *string) *string {
	if s == nil {
		return nil
	}
	t := strings.TrimSpace(*s)
	if t == "" {
		return nil
	}
	return &t
}

func validPhone(p string) bool {
	digits := 0
	for i, r := range p {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ':
		default:
			return false
		}
	}
	return digits >= 8 && digits <= 15
}

// ParentLink is a parent's link to a child.
type ParentLink struct {
	ChildID             int            `db:"child_id"`             // the child
	ParentID            int            `db:"parent_id"`            // the parent
	Relation            ParentRelation `db:"relation"`             // how related
	LegalRepresentative bool           `db:"legal_representative"` // the child's legal representative
}

// ValidateRelation checks a parent relation.
func ValidateRelation(r ParentRelation) error {
	if !slices.Contains(ParentRelations, r) {
		return FieldErrorf("relation", "unknown relation %q", r)
	}
	return nil
}

// DuplicateCheck describes a person to look for among registered children.
type DuplicateCheck struct {
	PersonalCode string     // either format; empty: not given
	BirthDate    *time.Time // the birth date
	FirstName    string     // first name
	LastName     string     // last name
}

// DuplicateCheckOf describes the person asked about: a personal code that parses is kept in
// its canonical form and, without a birth date, gives one; one that does not parse is ignored
// (it may be half typed).
func DuplicateCheckOf(personalCode, firstName, lastName *string, birthDate *time.Time) DuplicateCheck {
	check := DuplicateCheck{BirthDate: birthDate}
	if personalCode != nil {
		if code, err := ParsePersonalCode(*personalCode); err == nil {
			check.PersonalCode = string(code)
			if check.BirthDate == nil {
				if born, ok := code.BirthDate(); ok {
					check.BirthDate = &born
				}
			}
		}
	}
	if firstName != nil {
		check.FirstName = *firstName
	}
	if lastName != nil {
		check.LastName = *lastName
	}
	return check
}

// Validate refuses a check that names neither a birth date nor a personal code: every child
// would be a candidate.
func (c *DuplicateCheck) Validate() error {
	if c.BirthDate == nil && c.PersonalCode == "" {
		return FieldErrorf("birthDate", "give a birth date or a personal code")
	}
	return nil
}

// ParentFilter selects parents.
type ParentFilter struct {
	Scope  CaseScope // parents of the children the caller may see
	Search string    // name contains, or personal code starts with
}

// PossibleDuplicate tells whether a registered child may be the person described: the same
// personal code, or the same birth date and a similar name (first and last names each at
// most a third of their letters apart, ignoring case and diacritics, or swapped).
func PossibleDuplicate(check DuplicateCheck, c *Child) bool {
	if check.PersonalCode != "" && string(c.PersonalCode) == check.PersonalCode {
		return true
	}
	if check.BirthDate == nil || !c.BirthDate.Equal(*check.BirthDate) {
		return false
	}
	if check.FirstName == "" && check.LastName == "" {
		return true
	}
	same := similarName(check.FirstName, c.FirstName) && similarName(check.LastName, c.LastName)
	swapped := similarName(check.FirstName, c.LastName) && similarName(check.LastName, c.FirstName)
	return same || swapped
}

// similarName compares names without case and Latvian diacritics, allowing typing errors:
// an empty name (not given) matches.
func similarName(a, b string) bool {
	a, b = foldName(a), foldName(b)
	if a == "" || b == "" {
		return true
	}
	longest := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	return editDistance([]rune(a), []rune(b))*3 <= longest
}

var latvianFold = strings.NewReplacer("ā", "a", "č", "c", "ē", "e", "ģ", "g", "ī", "i", "ķ", "k", "ļ", "l", "ņ", "n", "š", "s", "ū", "u", "ž", "z")

func foldName(s string) string {
	return latvianFold.Replace(strings.ToLower(strings.Join(strings.Fields(s), " ")))
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
