package domain

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestUserScope_Validate(t *testing.T) {
	one := 1
	tests := []struct {
		name  string
		scope UserScope
		field string // the field of the expected error; "" when valid
	}{
		{"Admin", UserScope{Role: RoleAdmin}, ""},
		{"Analyst", UserScope{Role: RoleMinistryAnalyst}, ""},
		{"Coordinator", UserScope{Role: RoleRegionCoordinator, RegionID: &one}, ""},
		{"CoordinatorWithoutRegion", UserScope{Role: RoleRegionCoordinator}, "regionId"},
		{"Worker", UserScope{Role: RoleMunicipalityWorker, MunicipalityIDs: []int{1, 2}}, ""},
		{"WorkerWithoutMunicipality", UserScope{Role: RoleMunicipalityWorker}, "municipalityIds"},
		{"Assessor", UserScope{Role: RoleAssessor, ProviderID: &one}, ""},
		{"SpecialistWithoutProvider", UserScope{Role: RoleProviderSpecialist}, "providerId"},
		{"AdminWithRegion", UserScope{Role: RoleAdmin, RegionID: &one}, "regionId"},
		{"AnalystWithMunicipalities", UserScope{Role: RoleMinistryAnalyst, MunicipalityIDs: []int{1}}, "municipalityIds"},
		{"WorkerWithProvider", UserScope{Role: RoleMunicipalityWorker, MunicipalityIDs: []int{1}, ProviderID: &one}, "providerId"},
		{"UnknownRole", UserScope{Role: "ROOT"}, "role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.scope.Validate()
			if tt.field == "" {
				if err != nil {
					t.Errorf("unexpected error %v", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Code != EINVALID || e.Field != tt.field {
				t.Errorf("error %#v, want EINVALID at %s", err, tt.field)
			}
		})
	}
}

func TestNormalizeEmail(t *testing.T) {
	for in, want := range map[string]string{
		"Anna.Berzina@Example.LV": "anna.berzina@example.lv",
		"  a@b.lv ":               "a@b.lv",
		"not an email":            "",
		"Anna <a@b.lv>":           "",
		"a@b@c":                   "",
		"":                        "",
	} {
		got, err := NormalizeEmail(in)
		if want == "" {
			if ErrorCode(err) != EINVALID {
				t.Errorf("%q: err %v, want EINVALID", in, err)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestValidatePassword(t *testing.T) {
	for _, tt := range []struct {
		password string
		ok       bool
	}{
		{strings.Repeat("a", MinPasswordLength-1), false},
		{strings.Repeat("a", MinPasswordLength), true},
		{strings.Repeat("ā", MinPasswordLength), true}, // characters, not bytes
		{strings.Repeat("a", MaxPasswordLength), true},
		{strings.Repeat("a", MaxPasswordLength+1), false},
	} {
		if err := ValidatePassword("password", tt.password); (err == nil) != tt.ok {
			t.Errorf("%d characters: err %v", len([]rune(tt.password)), err)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	hash, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword("correct horse battery", &hash) {
		t.Error("the right password does not match")
	}
	if CheckPassword("wrong horse battery", &hash) {
		t.Error("a wrong password matches")
	}
	if CheckPassword("correct horse battery", nil) {
		t.Error("a user without a password signs in")
	}
	for _, bad := range []string{"", "$argon2id$v=19$garbage"} {
		if CheckPassword("correct horse battery", &bad) {
			t.Errorf("hash %q matches", bad)
		}
	}
}

func TestReadLog(t *testing.T) {
	ctx, log := WithReadLog(context.Background())
	var wg sync.WaitGroup
	for range 50 { // concurrent resolvers reading the same records
		wg.Go(func() {
			AuditReads(ctx, AuditRef{EntityType: "Child", EntityID: 1}, AuditRef{EntityType: "Child", EntityID: 2})
		})
	}
	wg.Wait()
	AuditWrote(ctx, AuditRef{EntityType: "Child", EntityID: 3})
	AuditReads(ctx, AuditRef{EntityType: "Child", EntityID: 3}, AuditRef{EntityType: "Parent", EntityID: 1})
	if got := log.Take(); len(got) != 3 {
		t.Errorf("read log %+v: want Child 1, Child 2 and Parent 1 once each", got)
	}
	if got := log.Take(); len(got) != 0 {
		t.Errorf("Take did not empty the log: %+v", got)
	}
}

func TestAccess(t *testing.T) {
	admin := Actor{UserID: 1, Role: RoleAdmin}
	coordinator := Actor{UserID: 2, Role: RoleRegionCoordinator, RegionID: 3}
	worker := Actor{UserID: 4, Role: RoleMunicipalityWorker}
	if ErrorCode(CanManageUsers(Actor{})) != EUNAUTHENTICATED || ErrorCode(CanManageUsers(worker)) != EFORBIDDEN || CanManageUsers(admin) != nil {
		t.Error("CanManageUsers")
	}
	if CanSeeUser(worker, 4) != nil || ErrorCode(CanSeeUser(worker, 5)) != ENOTFOUND || CanSeeUser(admin, 5) != nil {
		t.Error("CanSeeUser: self and admin only, others not found")
	}
	if s, err := CanReadAudit(coordinator); err != nil || s.All || s.RegionID != 3 {
		t.Errorf("coordinator's audit scope %+v, %v", s, err)
	}
	if s, err := CanReadAudit(admin); err != nil || !s.All {
		t.Errorf("admin's audit scope %+v, %v", s, err)
	}
	if _, err := CanReadAudit(worker); ErrorCode(err) != EFORBIDDEN {
		t.Errorf("worker reads the audit log: %v", err)
	}
	if SeesPersonalData(Actor{UserID: 9, Role: RoleMinistryAnalyst}) || !SeesPersonalData(worker) || SeesPersonalData(Actor{}) {
		t.Error("SeesPersonalData")
	}
}

func TestCheckScopeExists(t *testing.T) {
	region, provider := 1, 2
	sc := UserScope{Role: RoleRegionCoordinator, RegionID: &region}
	if err := CheckScopeExists(sc, ScopeFacts{RegionExists: true}); err != nil {
		t.Errorf("an existing region: %v", err)
	}
	if err := CheckScopeExists(sc, ScopeFacts{}); errorField(err) != "regionId" {
		t.Errorf("a missing region: %v", err)
	}
	sc = UserScope{Role: RoleAssessor, ProviderID: &provider}
	if err := CheckScopeExists(sc, ScopeFacts{RegionExists: true}); errorField(err) != "providerId" {
		t.Errorf("a missing provider: %v", err)
	}
}

func TestCheckCredentials(t *testing.T) {
	if err := CheckCredentials(0, "any password at all", nil); err != ErrBadCredentials {
		t.Errorf("no such user: %v", err)
	}
}

func TestCanSetUserActive(t *testing.T) {
	admin := Actor{UserID: 1, Role: RoleAdmin}
	if err := CanSetUserActive(admin, 2, false); err != nil {
		t.Errorf("an admin deactivating another: %v", err)
	}
	if err := CanSetUserActive(admin, 1, false); errorField(err) != "id" {
		t.Errorf("an admin deactivating themself: %v", err)
	}
	if err := CanSetUserActive(Actor{UserID: 3, Role: RoleAssessor}, 2, true); ErrorCode(err) != EFORBIDDEN {
		t.Errorf("an assessor: %v", err)
	}
	if err := CanSetUserActive(System, 2, false); err != nil {
		t.Errorf("the program itself: %v", err)
	}
}

// errorField is the input field an error names, "" when none.
func errorField(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Field
	}
	return ""
}

// TestTokenKind: a token is PERSONAL unless asked to be APP; no other kind is taken. Only the
// bearer of an APP token is held to the trusted operations.
func TestTokenKind(t *testing.T) {
	nt := NewToken{Name: "Planšete", ExpiresInDays: 30}
	if err := nt.Validate(); err != nil || nt.Kind != TokenPersonal {
		t.Errorf("no kind: %v, kind %q; want PERSONAL", err, nt.Kind)
	}
	nt.Kind = TokenApp
	if err := nt.Validate(); err != nil || nt.Kind != TokenApp {
		t.Errorf("APP: %v, kind %q", err, nt.Kind)
	}
	nt.Kind = "ROOT"
	var e *Error
	if err := nt.Validate(); !errors.As(err, &e) || e.Field != "kind" {
		t.Errorf("an unknown kind: %v, want a field error at kind", err)
	}

	u := &User{ID: 7, Role: RoleProviderSpecialist}
	for _, c := range []struct {
		actor Actor
		adHoc bool
	}{
		{ActorOfToken(u, 1, TokenApp), false},
		{ActorOfToken(u, 2, TokenPersonal), true},
		{ActorOf(u, AuthSession, 0), true},
		{Actor{}, true}, // anonymous: the resolvers decide
	} {
		if err := CanRunAdHoc(c.actor); (err == nil) != c.adHoc || err != nil && ErrorCode(err) != EPERSISTED {
			t.Errorf("%s %s: CanRunAdHoc = %v", c.actor.Method, c.actor.TokenKind, err)
		}
	}
}
