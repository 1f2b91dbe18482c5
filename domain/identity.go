package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a user may do. The scope (region, municipalities, provider) says over which records.
type Role string

// The roles.
const (
	RoleAdmin              Role = "ADMIN"               // users, catalogue, projects; sees everything
	RoleMinistryAnalyst    Role = "MINISTRY_ANALYST"    // national figures, aggregated and pseudonymous only
	RoleRegionCoordinator  Role = "REGION_COORDINATOR"  // one planning region: approves plans and claims
	RoleMunicipalityWorker Role = "MUNICIPALITY_WORKER" // one or more municipalities: the case work
	RoleAssessor           Role = "ASSESSOR"            // one provider: needs assessments
	RoleProviderSpecialist Role = "PROVIDER_SPECIALIST" // one provider: delivered sessions
)

// Roles lists every role, in the order the schema declares them.
var Roles = []Role{RoleAdmin, RoleMinistryAnalyst, RoleRegionCoordinator, RoleMunicipalityWorker, RoleAssessor, RoleProviderSpecialist}

// Valid tells whether r is one of the roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// User is a person who signs in: staff of the ministry, a region, a municipality or a provider.
type User struct {
	ID              int        `db:"id"`              // database id
	Email           string     `db:"email"`           // sign-in email, lower case
	Name            string     `db:"name"`            // full name
	Role            Role       `db:"role"`            // what the user may do
	RegionID        *int       `db:"region_id"`       // REGION_COORDINATOR: the region
	MunicipalityIDs []int      `db:"-"`               // MUNICIPALITY_WORKER: the municipalities
	ProviderID      *int       `db:"provider_id"`     // ASSESSOR, PROVIDER_SPECIALIST: the provider
	Active          bool       `db:"active"`          // may sign in; users are deactivated, never deleted
	CreatedAt       time.Time  `db:"created_at"`      // when the user was created
	LastSignInAt    *time.Time `db:"last_sign_in_at"` // last password sign-in, nil if never
	Version         int        `db:"version"`         // bumped by every change, for optimistic locking
	AuditRegionID   *int       `db:"-"`               // the region whose coordinator sees events about the user
	// PasswordStamp stands for the password hash (PasswordStampOf): a session keeps the one
	// its sign-in checked and ends when the user's is another (a changed or reset password)
	PasswordStamp string `db:"password_stamp"`
}

// PasswordStampOf is a password hash's stamp, the same as the store's password_stamp: the
// hex SHA-256 of the hash ("" when none is set). Not the hash, which is not to travel.
func PasswordStampOf(hash *string) string {
	h := ""
	if hash != nil {
		h = *hash
	}
	sum := sha256.Sum256([]byte(h))
	return hex.EncodeToString(sum[:])
}

// UserFilter selects users; zero fields select everything.
type UserFilter struct {
	Role   *Role  // only this role
	Active *bool  // only active or only deactivated users
	Search string // only those whose name or email contains this, ignoring case
}

// UserScope is the part of a user that decides over which records they act.
type UserScope struct {
	Role            Role  // the role
	RegionID        *int  // REGION_COORDINATOR's region
	MunicipalityIDs []int // MUNICIPALITY_WORKER's municipalities
	ProviderID      *int  // ASSESSOR's or PROVIDER_SPECIALIST's provider
}

// Validate checks that the scope is exactly what the role needs: a coordinator has a region,
// a municipality worker at least one municipality, an assessor or specialist a provider, and
// nobody has scope their role does not use.
func (s *UserScope) Validate() error {
	if !s.Role.Valid() {
		return FieldErrorf("role", "unknown role %q", s.Role)
	}
	needRegion := s.Role == RoleRegionCoordinator
	needMunicipalities := s.Role == RoleMunicipalityWorker
	needProvider := s.Role == RoleAssessor || s.Role == RoleProviderSpecialist
	switch {
	case needRegion && s.RegionID == nil:
		return FieldErrorf("regionId", "a region coordinator needs a planning region")
	case !needRegion && s.RegionID != nil:
		return FieldErrorf("regionId", "only a region coordinator has a planning region")
	case needMunicipalities && len(s.MunicipalityIDs) == 0:
		return FieldErrorf("municipalityIds", "a municipality worker needs at least one municipality")
	case !needMunicipalities && len(s.MunicipalityIDs) > 0:
		return FieldErrorf("municipalityIds", "only a municipality worker has municipalities")
	case needProvider && s.ProviderID == nil:
		return FieldErrorf("providerId", "an assessor or provider specialist needs a provider")
	case !needProvider && s.ProviderID != nil:
		return FieldErrorf("providerId", "only an assessor or provider specialist has a provider")
	}
	return nil
}

// NewUser is what an admin gives to create a user.
type NewUser struct {
	Email    string    // sign-in email
	Name     string    // full name
	Scope    UserScope // role and scope
	Password string    // the initial password
}

// Validate checks the new user and normalises the email and name.
func (u *NewUser) Validate() error {
	email, err := NormalizeEmail(u.Email)
	if err != nil {
		return err
	}
	u.Email = email
	if u.Name, err = validName(u.Name); err != nil {
		return err
	}
	if err := u.Scope.Validate(); err != nil {
		return err
	}
	return ValidatePassword("password", u.Password)
}

// UserChange is an admin's change of a user's name, role and scope.
type UserChange struct {
	ID      int       // the user
	Version int       // the version the change is based on
	Name    string    // the new name
	Scope   UserScope // the new role and scope
}

// Validate checks the change and normalises the name.
func (c *UserChange) Validate() error {
	var err error
	if c.Name, err = validName(c.Name); err != nil {
		return err
	}
	return c.Scope.Validate()
}

func validName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", FieldErrorf("name", "the name is required")
	}
	if utf8.RuneCountInString(name) > 200 {
		return "", FieldErrorf("name", "the name may have at most 200 characters")
	}
	return name, nil
}

// NormalizeEmail returns the email trimmed and in lower case, or an error if it is not a plain
// address (name@domain).
func NormalizeEmail(email string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || len(email) > 254 {
		return "", FieldErrorf("email", "%q is not an email address", email)
	}
	return email, nil
}

// Password length bounds. No composition rules (NIST SP 800-63B): length is what makes a
// password strong; the upper bound keeps argon2id's input small.
const (
	MinPasswordLength = 12
	MaxPasswordLength = 128
)

// ValidatePassword checks a new password's length, naming field in the error.
func ValidatePassword(field, password string) error {
	n := utf8.RuneCountInString(password)
	if n < MinPasswordLength || n > MaxPasswordLength {
		return FieldErrorf(field, "a password must have %d to %d characters", MinPasswordLength, MaxPasswordLength)
	}
	return nil
}

// ErrBadCredentials is the one answer to a wrong email or password: it must not tell which.
var ErrBadCredentials = Errorf(EUNAUTHENTICATED, "the email or password is wrong")

// Access token bounds.
const (
	MaxTokenDays  = 365 // the longest a token may live
	TokenPrefix   = "atb_"
	maxTokenName  = 100
	tokenShownLen = 8 // characters of the secret after TokenPrefix kept to tell tokens apart
)

// TokenKind is what a token may run.
type TokenKind string

// The kinds of token.
const (
	// TokenPersonal runs any operation, ad-hoc queries included: analysts' scripts.
	TokenPersonal TokenKind = "PERSONAL"
	// TokenApp runs only the trusted operations of the server's manifest (the SPA's and the
	// mobile clients', sent by hash): a token taken from a device asks nothing else.
	TokenApp TokenKind = "APP"
)

// TokenKinds lists every kind of token.
var TokenKinds = []TokenKind{TokenPersonal, TokenApp}

// NewToken is a request for an access token.
type NewToken struct {
	UserID        int       // whose token it is
	Name          string    // what it is for
	ExpiresInDays int       // 1 to MaxTokenDays
	Kind          TokenKind // what it may run; PERSONAL when empty
}

// Validate checks the token request and normalises its name.
func (t *NewToken) Validate() error {
	t.Name = strings.TrimSpace(t.Name)
	if t.Name == "" || utf8.RuneCountInString(t.Name) > maxTokenName {
		return FieldErrorf("name", "a token needs a name of at most %d characters", maxTokenName)
	}
	if t.ExpiresInDays < 1 || t.ExpiresInDays > MaxTokenDays {
		return FieldErrorf("expiresInDays", "a token lives 1 to %d days", MaxTokenDays)
	}
	if t.Kind == "" {
		t.Kind = TokenPersonal
	}
	if !slices.Contains(TokenKinds, t.Kind) {
		return FieldErrorf("kind", "a token is PERSONAL or APP")
	}
	return nil
}

// TokenShownPrefix is the part of a secret that may be shown to tell tokens apart.
func TokenShownPrefix(secret string) string {
	return secret[:min(len(secret), len(TokenPrefix)+tokenShownLen)]
}

// APIToken is an access token (PERSONAL or APP); its secret is never stored, only its hash.
type APIToken struct {
	ID         int        `db:"id"`           // database id
	UserID     int        `db:"user_id"`      // whose token it is
	Name       string     `db:"name"`         // what it is for
	Prefix     string     `db:"prefix"`       // the first characters of the secret
	CreatedAt  time.Time  `db:"created_at"`   // when it was created
	ExpiresAt  time.Time  `db:"expires_at"`   // when it stops working
	LastUsedAt *time.Time `db:"last_used_at"` // when it was last used
	RevokedAt  *time.Time `db:"revoked_at"`   // when it was revoked
	Kind       TokenKind  `db:"kind"`         // what it may run
}

// Provider is an organisation that delivers services or assessments.
type Provider struct {
	ID                 int    `db:"id"`                  // database id
	Name               string `db:"name"`                // the organisation's name
	RegistrationNumber string `db:"registration_number"` // register number
}

// ProviderPrice is a provider's unit price of a service type from a date on.
type ProviderPrice struct {
	ProviderID    int       `db:"provider_id"`     // the provider
	ServiceTypeID int       `db:"service_type_id"` // the service
	UnitPrice     Money     `db:"unit_price"`      // price of one unit
	ValidFrom     time.Time `db:"valid_from"`      // first day it applies
}

// priceOn returns the price in force on day among a provider's prices of a service type,
// and false when none has started by then.
func priceOn(prices []ProviderPrice, providerID, serviceTypeID int, day time.Time) (Money, bool) {
	var best *ProviderPrice
	for i := range prices {
		p := &prices[i]
		if p.ProviderID == providerID && p.ServiceTypeID == serviceTypeID && !p.ValidFrom.After(day) &&
			(best == nil || p.ValidFrom.After(best.ValidFrom)) {
			best = p
		}
	}
	if best == nil {
		return 0, false
	}
	return best.UnitPrice, true
}

// LinePrice is the unit price of a plan line on day (the plan's first day): the provider's
// price in force then, else the catalogue's.
func LinePrice(st *ServiceType, providerID *int, prices []ProviderPrice, day time.Time) (Money, PriceSource) {
	if providerID != nil {
		if p, ok := priceOn(prices, *providerID, st.ID, day); ok {
			return p, PriceFromProvider
		}
	}
	return st.DefaultUnitPrice, PriceFromCatalogue
}

// ValidateProvider checks a provider's name and registration number (3 to 20 digits, capital
// letters or hyphens, as the register writes them).
func ValidateProvider(name, registrationNumber string) error {
	if name == "" || utf8.RuneCountInString(name) > 200 {
		return FieldErrorf("name", "a provider needs a name of at most 200 characters")
	}
	if n := len(registrationNumber); n < 3 || n > 20 || strings.Trim(registrationNumber, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-") != "" {
		return FieldErrorf("registrationNumber", "a registration number has 3 to 20 digits, capital letters or hyphens")
	}
	return nil
}

// Validate checks a provider's price: within the unit price bounds, from a plausible date.
func (p *ProviderPrice) Validate() error {
	if err := CheckDate("validFrom", p.ValidFrom); err != nil {
		return err
	}
	if p.UnitPrice < 0 || p.UnitPrice > MaxUnitPrice {
		return FieldErrorf("unitPrice", "a unit price is between 0 and %s", MaxUnitPrice)
	}
	return nil
}

// ScopeFacts says which of a user scope's region, municipalities and provider exist.
type ScopeFacts struct {
	RegionExists        bool // the region, when the scope names one
	MunicipalitiesExist bool // every municipality the scope names
	ProviderExists      bool // the provider, when the scope names one
}

// CheckScopeExists refuses a scope that names a region, municipality or provider that does not
// exist, in that order.
func CheckScopeExists(sc UserScope, f ScopeFacts) error {
	switch {
	case sc.RegionID != nil && !f.RegionExists:
		return FieldErrorf("regionId", "no such planning region")
	case len(sc.MunicipalityIDs) > 0 && !f.MunicipalitiesExist:
		return FieldErrorf("municipalityIds", "no such municipality")
	case sc.ProviderID != nil && !f.ProviderExists:
		return FieldErrorf("providerId", "no such provider")
	}
	return nil
}

// CheckCredentials decides a sign-in on the active user with the email (0 when there is none)
// and their password hash (nil when none is set). The password is compared even when there is
// no user (against a dummy hash), so that the answer takes as long either way.
func CheckCredentials(userID int, password string, hash *string) error {
	if !CheckPassword(password, hash) || userID == 0 {
		return ErrBadCredentials
	}
	return nil
}

// NormalizeProvider trims a provider's name and registration number and writes the number in
// capitals, as the register does.
func NormalizeProvider(name, registrationNumber string) (string, string) {
	return strings.TrimSpace(name), strings.ToUpper(strings.TrimSpace(registrationNumber))
}
