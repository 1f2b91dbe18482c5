package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/dbtest"
	"atbalsts/domain"
	"atbalsts/fixture"
	"atbalsts/store"
)

// The lock tests hold a lock in one transaction and try another in a second. Whether the
// second waits is read from PostgreSQL, not from the clock: either the second runs with a
// lock_timeout and a wait ends in lock_not_available (55P03), while a lock that does not
// conflict is granted at once; or the test watches pg_locks until the second's request is
// seen waiting.

// begin opens a transaction that the test rolls back if it does not end it.
func begin(t *testing.T, db *sqlx.DB) *store.Tx {
	t.Helper()
	tx, err := db.BeginTxx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Rollback() })
	return tx
}

// lockNotAvailable tells whether err is PostgreSQL's lock_not_available: the lock_timeout ran
// out while the statement waited for a lock.
func lockNotAvailable(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "55P03"
}

// lockCase is what a second transaction tries while the first holds a lock.
type lockCase struct {
	name    string
	try     func(ctx context.Context, tx *store.Tx) error
	blocked bool   // the second must wait for the first
	code    string // else the domain error code it must end with ("": none)
}

// runLockCases runs each case on its own pair of transactions: the first takes hold, the
// second (with a short lock_timeout) tries the case.
func runLockCases(t *testing.T, db *sqlx.DB, hold func(ctx context.Context, tx *store.Tx) error, cases []lockCase) {
	t.Helper()
	ctx := context.Background()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			first := begin(t, db)
			if err := hold(ctx, first); err != nil {
				t.Fatalf("first: %v", err)
			}
			second := begin(t, db)
			// Long enough to tell a wait from none on a loaded machine, short enough to wait for:
			// a lock that does not conflict is granted without waiting at all.
			if _, err := second.ExecContext(ctx, `SET LOCAL lock_timeout = '200ms'`); err != nil {
				t.Fatal(err)
			}
			err := tc.try(ctx, second)
			switch {
			case tc.blocked && !lockNotAvailable(err):
				t.Errorf("second: %v; want it to wait for the first (lock_not_available)", err)
			case !tc.blocked && lockNotAvailable(err):
				t.Errorf("second waited for the first: %v", err)
			case !tc.blocked && tc.code == "" && err != nil:
				t.Errorf("second: %v; want it to go through", err)
			case !tc.blocked && tc.code != "" && domain.ErrorCode(err) != tc.code:
				t.Errorf("second: %v (code %q); want code %q", err, domain.ErrorCode(err), tc.code)
			}
		})
	}
}

// lockWorld is a child with two plans, the first with a second revision in preparation, and
// another child with a plan.
type lockWorld struct {
	f          *fixture.F
	db         *sqlx.DB
	child      *domain.Child
	plan       *domain.PlanRevision // the child's first plan: revision 1, ACTIVE
	revised    *domain.PlanRevision // its revision 2, DRAFT
	samePlans  *domain.PlanRevision // the child's second plan
	otherChild *domain.PlanRevision // the other child's plan
	elsewhere  domain.CaseScope     // a scope that does not see the child
}

func newLockWorld(t *testing.T) *lockWorld {
	db := dbtest.Open(t)
	f := fixture.New(t, db)
	m := f.Municipality("Liepāja").ID
	project := f.Project(domain.RegionKurzeme, m)
	provider := f.Provider().ID
	c := f.Case(project.ID, m, provider, provider, domain.PlanActive)
	return &lockWorld{f: f, db: db, child: c.Child, plan: c.Plan,
		revised:    f.Step(c.Plan, domain.StepRevise),
		samePlans:  f.Plan(c.Assessment.ID, project.ID, provider, domain.PlanActive),
		otherChild: f.Case(project.ID, m, provider, provider, domain.PlanActive).Plan,
		elsewhere:  f.Scope(f.User(domain.RoleMunicipalityWorker, f.Municipality("Ventspils").ID)),
	}
}

// planOf reads the plan of a revision.
func (w *lockWorld) planOf(t *testing.T, rev *domain.PlanRevision) *domain.SupportPlan {
	t.Helper()
	p, err := w.f.Store.PlanInScope(context.Background(), w.f.All, rev.PlanID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLockPlanOfRevision_Conflicts: the plan lock is per plan: any revision of a locked plan
// waits, another plan (even of the same child) does not; and a caller who cannot see the plan
// is told it does not exist without waiting (nobody may hold up a plan they cannot see).
func TestLockPlanOfRevision_Conflicts(t *testing.T) {
	t.Parallel()
	w := newLockWorld(t)
	all := w.f.All
	lock := func(scope domain.CaseScope, rev *domain.PlanRevision) func(ctx context.Context, tx *store.Tx) error {
		return func(ctx context.Context, tx *store.Tx) error {
			_, _, err := store.LockPlanOfRevision(ctx, tx, scope, rev.ID)
			return err
		}
	}
	runLockCases(t, w.db, lock(all, w.plan), []lockCase{
		{name: "SameRevision", try: lock(all, w.plan), blocked: true},
		{name: "OtherRevisionOfSamePlan", try: lock(all, w.revised), blocked: true},
		{name: "OtherPlanOfSameChild", try: lock(all, w.samePlans)},
		{name: "PlanOfOtherChild", try: lock(all, w.otherChild)},
		{name: "OutOfScope", try: lock(w.elsewhere, w.plan), code: domain.ENOTFOUND},
	})
}

// TestLockPlanOfRevision_Serialises: a second step on a plan waits until the first commits,
// and then reads what the first wrote, not what it read before waiting.
func TestLockPlanOfRevision_Serialises(t *testing.T) {
	t.Parallel()
	w := newLockWorld(t)
	ctx := context.Background()
	first := begin(t, w.db)
	if _, _, err := store.LockPlanOfRevision(ctx, first, w.f.All, w.plan.ID); err != nil {
		t.Fatal(err)
	}
	second := begin(t, w.db)
	var pid int
	if err := second.GetContext(ctx, &pid, `SELECT pg_backend_pid()`); err != nil {
		t.Fatal(err)
	}
	type result struct {
		rev *domain.PlanRevision
		err error
	}
	done := make(chan result, 1)
	go func() {
		_, rev, err := store.LockPlanOfRevision(ctx, second, w.f.All, w.plan.ID)
		done <- result{rev, err}
	}()

	// Wait until PostgreSQL shows the second's lock request queued behind the first.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var waiting bool
		if err := w.db.GetContext(ctx, &waiting, `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = $1 AND NOT granted)`, pid); err != nil {
			t.Fatal(err)
		}
		if waiting {
			break
		}
		select {
		case r := <-done:
			t.Fatalf("the second locked the plan while the first held it: %+v, %v", r.rev, r.err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the second never waited for the first")
		}
		time.Sleep(5 * time.Millisecond)
	}

	// The first changes the revision under its lock and commits; only then may the second go on.
	if _, err := first.ExecContext(ctx, `UPDATE plan_revision SET version = version + 1 WHERE id = $1`, w.plan.ID); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-done:
		t.Fatalf("the second went on before the first committed: %+v, %v", r.rev, r.err)
	default:
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	var r result
	select {
	case r = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the second did not go on after the first committed")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.rev.Version != w.plan.Version+1 {
		t.Errorf("the second read version %d, want the first's committed %d", r.rev.Version, w.plan.Version+1)
	}
}

// TestLockDeliverySums_HoldsChild: reading a plan's delivery sums holds the child's row
// (FOR NO KEY UPDATE), as recording a delivery does: the sums of any plan of the child, and a
// change of the child, wait; another child's do not; and a row that only refers to the child
// (a foreign key check takes KEY SHARE) is not held up.
func TestLockDeliverySums_HoldsChild(t *testing.T) {
	t.Parallel()
	w := newLockWorld(t)
	sums := func(rev *domain.PlanRevision) func(ctx context.Context, tx *store.Tx) error {
		plan := w.planOf(t, rev)
		return func(ctx context.Context, tx *store.Tx) error {
			_, err := store.LockDeliverySums(ctx, tx, plan)
			return err
		}
	}
	providerID := *w.plan.Lines[0].ProviderID
	runLockCases(t, w.db, sums(w.plan), []lockCase{
		{name: "SumsOfSamePlan", try: sums(w.plan), blocked: true},
		{name: "SumsOfOtherPlanOfSameChild", try: sums(w.samePlans), blocked: true},
		{name: "ChildLockedForChange", blocked: true, try: func(ctx context.Context, tx *store.Tx) error {
			_, err := store.ChildInScopeTx(ctx, tx, w.f.All, w.child.ID, true)
			return err
		}},
		{name: "SumsOfOtherChild", try: sums(w.otherChild)},
		{name: "RowReferringToChild", try: func(ctx context.Context, tx *store.Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO assessment (child_id, provider_id, scheduled_on, status)
				VALUES ($1, $2, '2026-03-01', 'SCHEDULED')`, w.child.ID, providerID)
			return err
		}},
	})
}
