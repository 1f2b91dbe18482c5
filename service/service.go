// Package service holds Atbalsts's use cases, one method each, between the callers (the
// GraphQL resolvers in graph/, the demo loader, tests) and the rules (domain/) and the
// database (store/).
//
// A method:
//  1. takes who acts from the context (domain.ActorFrom, set by the server's authentication
//     or by the demo loader), so that the access check and the audit row name the same actor;
//  2. checks access and validates the input with domain rules;
//  3. runs one store transaction, in which it locks what it changes, reads the facts the rules
//     need, decides with domain rules on those facts, and writes (the store writes each
//     change's audit row in the same transaction);
//  4. marks what it wrote (and audits what it read) in the request's read log;
//  5. returns domain values.
//
// Nothing else decides: a rule is in domain/, enforced here inside the transaction that
// writes; SQL is only in store/.
package service

import (
	"time"

	"atbalsts/domain"
	"atbalsts/store"
)

// Clock tells the time. Services read it for "today" (e.g. the day a decision is valid on), so
// that tests can fix the day.
type Clock func() time.Time

// Service is every use case, by aggregate.
type Service struct {
	base
	Plans        *Plans        // support plans: create, edit drafts, the workflow
	Users        *Users        // user administration and one's own password
	Sessions     *Sessions     // signing in and out
	Tokens       *Tokens       // access tokens (personal and app)
	AuditLog     *AuditLog     // reading the audit log
	Projects     *Projects     // the projects of the catalogue
	Providers    *Providers    // provider organisations and their prices
	Reference    *Reference    // regions, municipalities, the service catalogue
	Deliveries   *Deliveries   // delivered sessions: record, correct, verify, reject
	Claims       *Claims       // compensation claims: preview, submit, decide
	Children     *Children     // children's records: register, change, list, find duplicates
	Parents      *Parents      // parents and their links to children
	Applications *Applications // applications to projects: submit, decide
	Assessments  *Assessments  // needs assessments: schedule, record, complete, cancel
	Statistics   *Statistics   // figures of deliveries and plans
	Worklist     *Worklist     // what waits for a user
	Offline      *Offline      // mobile clients' offline package and delta sync

	// AnalystMinCount is the threshold k below which a MINISTRY_ANALYST gets no count and no
	// rows of a list (graph/privacy.go); 0 is its default.
	AnalystMinCount int
}

// New returns the services over a store. A nil clock is the system clock.
func New(s *store.Store, now Clock) *Service {
	if now == nil {
		now = time.Now
	}
	b := base{store: s, now: now}
	return &Service{
		base:         b,
		Plans:        &Plans{b},
		Users:        &Users{base: b, Hash: domain.HashPassword},
		Sessions:     &Sessions{b},
		Tokens:       &Tokens{b},
		AuditLog:     &AuditLog{b},
		Projects:     &Projects{b},
		Providers:    &Providers{b},
		Reference:    &Reference{b},
		Deliveries:   &Deliveries{b},
		Claims:       &Claims{b},
		Children:     &Children{b},
		Parents:      &Parents{b},
		Applications: &Applications{b},
		Assessments:  &Assessments{b},
		Statistics:   &Statistics{b},
		Worklist:     &Worklist{b},
		Offline:      &Offline{b},
	}
}

// Store is the store the services write through; the API reads through it (and its loaders).
func (s *Service) Store() *store.Store { return s.store }

// Now is the services' clock.
func (s *Service) Now() time.Time { return s.now() }

// base is what every aggregate's service holds.
type base struct {
	store *store.Store
	now   Clock
}

// today is the current day in Riga.
func (b base) today() time.Time { return domain.Today(b.now()) }
