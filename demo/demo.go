// Package demo loads made-up demo data for `make run` (the --demo flag). Every person in it is
// invented. Loading is idempotent: what exists already (matched by email or registration
// number) is left as it is, so a second start, or a start after a failed one, adds only what is
// missing.
package demo

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"atbalsts/domain"
	"atbalsts/service"
	"atbalsts/store"
)

// User is a demo user with the password it signs in with; README.md lists the same.
type User struct {
	Email          string
	Password       string
	Name           string
	Role           domain.Role
	Region         domain.RegionCode // REGION_COORDINATOR
	Municipalities []string          // MUNICIPALITY_WORKER: the municipalities' Latvian names
	Provider       string            // ASSESSOR, PROVIDER_SPECIALIST: the provider's registration number
}

// Users are the demo users, one per role (and a second municipality worker, in another region,
// to show that the two do not see each other's cases).
var Users = []User{
	{Email: "admin@atbalsts.example", Password: "admin-demo-2026", Name: "Agnese Administratore", Role: domain.RoleAdmin},
	{Email: "analitikis@atbalsts.example", Password: "analitikis-demo-2026", Name: "Andris Analītiķis", Role: domain.RoleMinistryAnalyst},
	{Email: "koordinators.kurzeme@atbalsts.example", Password: "koordinators-demo-2026", Name: "Kārlis Koordinators", Role: domain.RoleRegionCoordinator, Region: domain.RegionKurzeme},
	{Email: "darbiniece.liepaja@atbalsts.example", Password: "liepaja-demo-2026", Name: "Līga Darbiniece", Role: domain.RoleMunicipalityWorker, Municipalities: []string{"Liepāja"}},
	{Email: "darbinieks.rezekne@atbalsts.example", Password: "rezekne-demo-2026", Name: "Rihards Darbinieks", Role: domain.RoleMunicipalityWorker, Municipalities: []string{"Rēzeknes novads", "Rēzekne"}},
	{Email: "izvertetaja@atbalsts.example", Password: "izvertetaja-demo-2026", Name: "Ilze Izvērtētāja", Role: domain.RoleAssessor, Provider: "DEMO-0001"},
	{Email: "specialists@atbalsts.example", Password: "specialists-demo-2026", Name: "Sandis Speciālists", Role: domain.RoleProviderSpecialist, Provider: "DEMO-0001"},
}

// providers are made-up provider organisations.
var providers = []struct{ Name, RegistrationNumber string }{
	{"Rehabilitācijas centrs \"Piemērs\"", "DEMO-0001"},
	{"Biedrība \"Atbalsta tilts\"", "DEMO-0002"},
	{"Rehabilitācijas centrs \"Paraugs Latgalē\"", "DEMO-0003"},
	{"Aprūpes biedrība \"Sētas siltums\"", "DEMO-0004"},
}

// Load adds the demo data that is missing and logs the demo users' sign-in details.
func Load(ctx context.Context, s *store.Store, log *slog.Logger) error {
	ctx = domain.WithRequestInfo(ctx, domain.RequestInfo{ID: "demo-data"})
	clk := &clock{at: time.Now()}
	svc := service.New(s, clk.now)
	// Providers and users come first, before the demo's ADMIN exists: the program itself
	// creates them (their audit rows name no actor).
	system := domain.WithActor(ctx, domain.System)
	providerIDs, err := loadProviders(system, s, svc)
	if err != nil {
		return err
	}
	refs, err := referenceIDs(ctx, s)
	if err != nil {
		return err
	}
	created := 0
	for _, u := range Users {
		n, err := loadUser(system, s, svc, u, refs, providerIDs)
		if err != nil {
			return fmt.Errorf("demo user %s: %w", u.Email, err)
		}
		created += n
	}
	// The demo acts as its ADMIN, through the same services as the API, so that no demo record
	// skips a rule; its clock is moved to the day each step happened in the sources' story.
	admin, err := demoAdmin(ctx, s)
	if err != nil {
		return err
	}
	ctx = domain.WithActor(ctx, domain.ActorOf(admin, domain.AuthSystem, 0))
	ctx, _ = domain.WithReadLog(ctx)
	children, err := loadCases(ctx, s, svc, clk, refs, providerIDs, domain.Today(clk.now()))
	if err != nil {
		return fmt.Errorf("demo cases: %w", err)
	}
	log.InfoContext(ctx, "demo data loaded", "users_created", created, "children_created", children)
	for _, u := range Users {
		log.InfoContext(ctx, "demo user", "email", u.Email, "password", u.Password, "role", u.Role)
	}
	return nil
}

// clock is the demo's clock: the services see the day the demo sets. Steps that run side by
// side (liepaja.go) read it, and set it only to the day they share.
type clock struct {
	mu sync.Mutex
	at time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at
}

// set moves the clock to noon of a day in Riga.
func (c *clock) set(day time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, domain.Riga)
}

// demoAdmin is the demo's ADMIN user, as whom the demo acts.
func demoAdmin(ctx context.Context, s *store.Store) (*domain.User, error) {
	role := domain.RoleAdmin
	users, _, err := s.Users(ctx, domain.UserFilter{Role: &role, Search: Users[0].Email}, nil, 10)
	if err != nil {
		return nil, err
	}
	for i := range users {
		if users[i].Email == Users[0].Email {
			return &users[i], nil
		}
	}
	return nil, fmt.Errorf("demo: no user %s", Users[0].Email)
}

type references struct {
	regions        map[domain.RegionCode]int
	municipalities map[string]int
}

func referenceIDs(ctx context.Context, s *store.Store) (references, error) {
	refs := references{regions: map[domain.RegionCode]int{}, municipalities: map[string]int{}}
	regions, err := s.Regions(ctx)
	if err != nil {
		return refs, err
	}
	for _, r := range regions {
		refs.regions[r.Code] = r.ID
	}
	ms, _, err := s.Municipalities(ctx, domain.MunicipalityFilter{}, nil, 1000)
	if err != nil {
		return refs, err
	}
	for _, m := range ms {
		if m.ValidTo == nil {
			refs.municipalities[m.Name] = m.ID
		}
	}
	return refs, nil
}

func loadProviders(ctx context.Context, s *store.Store, svc *service.Service) (map[string]int, error) {
	ids := map[string]int{}
	existing, _, err := s.Providers(ctx, nil, 1000)
	if err != nil {
		return nil, err
	}
	for _, p := range existing {
		ids[p.RegistrationNumber] = p.ID
	}
	for _, p := range providers {
		if _, ok := ids[p.RegistrationNumber]; ok {
			continue
		}
		created, err := svc.Providers.Create(ctx, p.Name, p.RegistrationNumber)
		if err != nil {
			return nil, err
		}
		ids[p.RegistrationNumber] = created.ID
	}
	return ids, nil
}

// loadUser creates the user unless one with the email exists, and says how many it created.
func loadUser(ctx context.Context, s *store.Store, svc *service.Service, u User, refs references, providerIDs map[string]int) (int, error) {
	if exists, err := s.UserExists(ctx, u.Email); err != nil || exists {
		return 0, err // hashing a password takes a while: skip it for users loaded before
	}
	nu := domain.NewUser{Email: u.Email, Name: u.Name, Password: u.Password, Scope: domain.UserScope{Role: u.Role}}
	if u.Region != "" {
		id := refs.regions[u.Region]
		nu.Scope.RegionID = &id
	}
	for _, name := range u.Municipalities {
		id, ok := refs.municipalities[name]
		if !ok {
			return 0, fmt.Errorf("no municipality %q", name)
		}
		nu.Scope.MunicipalityIDs = append(nu.Scope.MunicipalityIDs, id)
	}
	if u.Provider != "" {
		id := providerIDs[u.Provider]
		nu.Scope.ProviderID = &id
	}
	if _, err := svc.Users.Create(ctx, nu); err != nil {
		return 0, err
	}
	return 1, nil
}
