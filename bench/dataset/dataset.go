// Package dataset generates Atbalsts's national-scale benchmark dataset: made-up but valid
// case records (children, parents, applications, assessments, support plans in revisions,
// lines, delivered sessions and compensation claims) written straight into the project's
// schema with COPY. The same scale and seed always give the same rows, so a benchmark run on
// one machine can be repeated on another.
//
// Scale 1.0 is the national size: 12,000 children, 25,000 parents, 15,000 plans with about
// 90,000 lines, 10,000,000 deliveries. The rows follow the project's rules where a reader or
// a recording relies on them (valid personal codes, one enrolment per project, one revision
// in force, lines within the plan's budget, deliveries within their lines' planned units and
// the plan's period, claims holding exactly their claimed deliveries); caps are kept roughly.
package dataset

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/lib/pq"

	"atbalsts/domain"
	"atbalsts/localpg"
	"atbalsts/migrations"
)

// DefaultSeed is the seed of the published benchmark: change it only to test robustness.
const DefaultSeed = 20261202

// The bench's users sign in with these personal access tokens. They are derived from fixed
// strings so that the load generator knows them; they exist only in a bench database. The
// ADMIN has one token per load client (AdminTokens of them), as distinct users or devices
// would: one token shared by every client would make each request wait for the others' lock
// on its row (a token request notes its use), which no real load does.
var CoordinatorToken = tokenSecret("coordinator")

// AdminTokens is how many tokens the bench ADMIN has.
const AdminTokens = 64

// AdminToken is the bench ADMIN's i-th token (any i; it wraps around).
func AdminToken(i int) string { return tokenSecret(fmt.Sprintf("admin-%d", i%AdminTokens)) }

// CoordinatorRegionID is the planning region (Latgale) whose coordinator token the bench holds.
const CoordinatorRegionID = 2

func tokenSecret(name string) string {
	sum := sha256.Sum256([]byte("atbalsts-bench-token:" + name))
	return domain.TokenPrefix + base64.RawURLEncoding.EncodeToString(sum[:])
}

// Sizes are the main row counts of a scale.
type Sizes struct {
	Children, Parents, Plans, Deliveries int
}

// SizesFor returns the sizes of a scale (1.0 is national), at least one of each.
func SizesFor(scale float64) Sizes {
	n := func(full float64) int { return max(1, int(math.Round(full*scale))) }
	return Sizes{Children: n(12000), Parents: n(25000), Plans: n(15000), Deliveries: n(10_000_000)}
}

// Options configures a load.
type Options struct {
	Scale float64
	Seed  uint64
	// Force reloads even when the database holds this dataset already, and replaces one of
	// another scale or seed.
	Force bool
	Log   *slog.Logger
}

// TableStat is one table's load.
type TableStat struct {
	Table   string
	Rows    int64
	Seconds float64
}

// Result says what a load did.
type Result struct {
	Skipped bool // the database held this dataset already
	Tables  []TableStat
	Elapsed time.Duration
}

// The dataset's calendar: deliveries from epoch up to (not including) asOf; claims cover the
// quarters before claimCutoff; the municipality verified the deliveries before verifiedCutoff.
var (
	epoch          = day(2021, 1, 1)
	asOf           = day(2026, 12, 1)
	claimCutoff    = day(2026, 7, 1)
	verifiedCutoff = day(2026, 11, 1)
	// Active plans run at least until then, so that recording sessions today is allowed
	// for a while after the dataset was made.
	activeUntil = day(2027, 12, 31)
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// loadedTables are the tables the load writes, in dependency order.
var loadedTables = []string{"provider", "provider_price", "app_user", "app_user_municipality", "api_token",
	"project", "project_funding_source", "project_municipality", "project_target", "project_cap_rule",
	"child", "parent", "child_parent", "application", "application_event",
	"assessment", "assessment_team_member", "assessment_finding", "assessment_recommendation",
	"support_plan", "plan_revision", "plan_goal", "plan_line", "compensation_claim", "service_delivery"}

// Load migrates the database of dsn and loads the dataset, unless it holds it already.
func Load(ctx context.Context, dsn string, opts Options) (Result, error) {
	start := time.Now()
	log := opts.Log
	if log == nil {
		log = slog.Default()
	}
	if opts.Seed == 0 {
		opts.Seed = DefaultSeed
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return Result{}, err
	}
	defer func() { db.Close() }()
	if _, err := migrations.Up(ctx, db); err != nil {
		return Result{}, err
	}
	state, err := loadedState(ctx, db)
	if err != nil {
		return Result{}, err
	}
	switch {
	case state.marker && state.scale == opts.Scale && state.seed == opts.Seed && !opts.Force:
		log.Info("the database holds this dataset already: skipped (use -force to reload)", "scale", opts.Scale, "seed", opts.Seed)
		return Result{Skipped: true, Elapsed: time.Since(start)}, nil
	case state.marker && !opts.Force:
		return Result{}, fmt.Errorf("the database holds the dataset of scale %g seed %d, not %g seed %d: use -force to replace it",
			state.scale, state.seed, opts.Scale, opts.Seed)
	case state.marker || state.rows:
		// Replace whatever is there (another dataset, or a load that died half-way) by
		// starting from an empty, migrated database.
		log.Info("recreating the database")
		db.Close()
		if err := recreate(ctx, dsn); err != nil {
			return Result{}, err
		}
		if db, err = sql.Open("postgres", dsn); err != nil {
			return Result{}, err
		}
		if _, err := migrations.Up(ctx, db); err != nil {
			return Result{}, err
		}
	}

	g, err := newGenerator(ctx, db, opts)
	if err != nil {
		return Result{}, err
	}
	g.log = log
	g.build()
	log.Info("generated the dataset in memory", "children", len(g.children), "parents", len(g.parents),
		"plans", len(g.plans), "deliveries", g.deliveryTotal, "seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))

	dropped, err := dropForLoad(ctx, db, loadedTables)
	if err != nil {
		return Result{}, err
	}
	// The statistics' triggers (migration 00011) and the children's sessions' (00012) would
	// keep their tables row by row: off for the load, and the tables built once after it.
	if err := statTriggers(ctx, db, "DISABLE"); err != nil {
		return Result{}, err
	}
	var stats []TableStat
	if err := g.write(ctx, db, &stats); err != nil {
		return Result{}, err
	}
	if err := restore(ctx, db, log, dropped); err != nil {
		return Result{}, err
	}
	if err := statTriggers(ctx, db, "ENABLE"); err != nil {
		return Result{}, err
	}
	rebuilt := time.Now()
	if _, err := db.ExecContext(ctx, `SELECT stat_rebuild()`); err != nil {
		return Result{}, fmt.Errorf("statistics: %w", err)
	}
	if _, err := db.ExecContext(ctx, `SELECT child_sessions_rebuild()`); err != nil {
		return Result{}, fmt.Errorf("children's sessions: %w", err)
	}
	if _, err := db.ExecContext(ctx, `SELECT plan_line_usage_rebuild()`); err != nil {
		return Result{}, fmt.Errorf("plan lines' usage: %w", err)
	}
	log.Info("statistics built", "seconds", fmt.Sprintf("%.1f", time.Since(rebuilt).Seconds()))
	if err := finish(ctx, db, log); err != nil {
		return Result{}, err
	}
	elapsed := time.Since(start)
	counts, _ := json.Marshal(stats)
	if _, err := db.ExecContext(ctx, `INSERT INTO bench.dataset (scale, seed, seconds, tables) VALUES ($1, $2, $3, $4)`,
		opts.Scale, int64(opts.Seed), elapsed.Seconds(), string(counts)); err != nil {
		return Result{}, err
	}
	log.Info("dataset loaded", "scale", opts.Scale, "seconds", fmt.Sprintf("%.1f", elapsed.Seconds()))
	return Result{Tables: stats, Elapsed: elapsed}, nil
}

type state struct {
	marker bool
	scale  float64
	seed   uint64
	rows   bool // case rows exist (a dataset or anything else)
}

// loadedState reads the marker a finished load leaves (schema bench, outside what the API
// and PostGraphile expose) and whether the case tables hold rows anyway.
func loadedState(ctx context.Context, db *sql.DB) (state, error) {
	var s state
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS bench;
		CREATE TABLE IF NOT EXISTS bench.dataset (scale float8 NOT NULL, seed bigint NOT NULL,
			loaded_at timestamptz NOT NULL DEFAULT now(), seconds float8 NOT NULL, tables jsonb NOT NULL)`); err != nil {
		return s, err
	}
	var seed int64
	err := db.QueryRowContext(ctx, `SELECT scale, seed FROM bench.dataset ORDER BY loaded_at DESC LIMIT 1`).Scan(&s.scale, &seed)
	switch {
	case err == nil:
		s.marker, s.seed = true, uint64(seed)
	case !errors.Is(err, sql.ErrNoRows):
		return s, err
	}
	err = db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM child) OR EXISTS (SELECT 1 FROM app_user)`).Scan(&s.rows)
	return s, err
}

// recreate drops and creates the database of dsn, from the server's postgres database.
func recreate(ctx context.Context, dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	var name string
	err = db.QueryRowContext(ctx, `SELECT current_database()`).Scan(&name)
	db.Close()
	if err != nil {
		return err
	}
	admin, err := sql.Open("postgres", localpg.WithDatabase(dsn, "postgres"))
	if err != nil {
		return err
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, `DROP DATABASE `+pq.QuoteIdentifier(name)+` WITH (FORCE)`); err != nil {
		return err
	}
	_, err = admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name))
	return err
}

// finish moves the identity sequences past the loaded ids (the server's inserts continue
// after them) and gathers statistics and the visibility map for the planner.
func finish(ctx context.Context, db *sql.DB, log *slog.Logger) error {
	start := time.Now()
	for _, t := range loadedTables {
		var hasID bool
		if err := db.QueryRowContext(ctx, `SELECT pg_get_serial_sequence('public.'||$1, 'id') IS NOT NULL
			FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'id'`, t).Scan(&hasID); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			return err
		}
		if !hasID {
			continue
		}
		if _, err := db.ExecContext(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('public.%s', 'id'),
			coalesce((SELECT max(id) FROM public.%s), 0) + 1, false)`, t, t)); err != nil {
			return fmt.Errorf("sequence of %s: %w", t, err)
		}
	}
	if _, err := db.ExecContext(ctx, `VACUUM (ANALYZE)`); err != nil {
		return err
	}
	log.Info("sequences set, vacuumed and analysed", "seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))
	return nil
}

// statTriggers enables or disables the statistics' triggers.
func statTriggers(ctx context.Context, db *sql.DB, how string) error {
	for _, t := range [][2]string{{"service_delivery", "service_delivery_stat"}, {"plan_revision", "plan_revision_stat"},
		{"child", "child_stat"}, {"child", "child_family_child"}, {"child_parent", "child_family_link"},
		{"service_delivery", "service_delivery_child_sessions"}, {"service_delivery", "service_delivery_plan_line_usage"}} {
		if _, err := db.ExecContext(ctx, fmt.Sprintf("ALTER TABLE %s %s TRIGGER %s", t[0], how, t[1])); err != nil {
			return fmt.Errorf("statistics trigger %s: %w", t[1], err)
		}
	}
	return nil
}

// The in-memory model: everything except the deliveries' rows, which are streamed.

type municipality struct {
	id, regionID int
	name         string
	weight       int
	worker       int // the user id of its MUNICIPALITY_WORKER
}

type serviceType struct {
	id                  int
	code, unit, cat     string
	price               domain.Money
	forChild, forParent bool
}

type child struct {
	id          int
	code        string
	first, last string
	sexFemale   bool
	surname     int
	birth       time.Time
	muni        *municipality
	living      string
	disFrom     time.Time
	disTo       *time.Time
	care        bool
	impairments []string
	parents     []int
	plans       []*plan
}

type parent struct {
	id       int
	code     string // empty: none
	first    string
	last     string
	relation string
	child    *child
	phone    string
	address  string
}

type line struct {
	id         int
	key        string
	st         *serviceType
	parents    bool // the recipient is the parents
	provider   int
	price      domain.Money
	fromCat    bool // the price is the catalogue's
	planned    int
	deliveries []uint16 // day offsets from epoch, sorted
	units      []uint8
	next       int // the next delivery to write
	firstID    int // the id of its first delivery
}

type revision struct {
	id, number int
	status     string
	budget     domain.Money
	lines      []*line
	goals      int
	created    time.Time
}

type plan struct {
	id         int
	child      *child
	kind       string
	status     string // of the revision in force, else of the pending one
	from, to   time.Time
	revisions  []*revision
	inForce    *revision
	assessProv int
}

type claim struct {
	id         int
	muni       *municipality
	quarter    int
	byService  map[int]*domain.ServiceTotal
	children   map[int]bool
	deliveries int
}

type generator struct {
	opts   Options
	sizes  Sizes
	rng    *rand.Rand
	log    *slog.Logger
	munis  []*municipality
	types  []*serviceType
	byCode map[string]*serviceType
	nProv  int
	prices map[[2]int]domain.Money // provider, service type
	nUsers int

	children      []*child
	parents       []*parent
	plans         []*plan
	lines         []*line // the in-force lines that have deliveries, in plan order
	claims        map[int]*claim
	deliveryTotal int
	nextLine      int
	nextRevision  int
}

func newGenerator(ctx context.Context, db *sql.DB, opts Options) (*generator, error) {
	g := &generator{opts: opts, sizes: SizesFor(opts.Scale), rng: rand.New(rand.NewPCG(opts.Seed, 0x5eed)),
		byCode: map[string]*serviceType{}, prices: map[[2]int]domain.Money{}, claims: map[int]*claim{}}
	rows, err := db.QueryContext(ctx, `SELECT id, region_id, name, kind FROM municipality WHERE valid_to IS NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		m := &municipality{}
		var kind string
		if err := rows.Scan(&m.id, &m.regionID, &m.name, &kind); err != nil {
			rows.Close()
			return nil, err
		}
		// Rīga holds about a third of the country's children; the other state cities more
		// than a county.
		m.weight = 2
		switch {
		case m.name == "Rīga":
			m.weight = 40
		case kind == "STATE_CITY":
			m.weight = 5
		}
		g.munis = append(g.munis, m)
	}
	rows.Close()
	rows, err = db.QueryContext(ctx, `SELECT id, code, unit, category, (default_unit_price * 100)::bigint, for_child, for_parents
		FROM service_type ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		t := &serviceType{}
		if err := rows.Scan(&t.id, &t.code, &t.unit, &t.cat, &t.price, &t.forChild, &t.forParent); err != nil {
			rows.Close()
			return nil, err
		}
		g.types = append(g.types, t)
		g.byCode[t.code] = t
	}
	rows.Close()
	if len(g.munis) == 0 || len(g.types) == 0 {
		return nil, errors.New("the reference data (municipalities, service types) is missing")
	}
	return g, nil
}

func (g *generator) pick(n int) int { return g.rng.IntN(n) }

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

func (g *generator) between(from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	if days <= 0 {
		return from
	}
	return from.AddDate(0, 0, g.rng.IntN(days+1))
}

func (g *generator) uuid() string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], g.rng.Uint64())
	binary.LittleEndian.PutUint64(b[8:], g.rng.Uint64())
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// build makes the whole model but the deliveries' rows.
func (g *generator) build() {
	g.nProv = max(5, int(math.Round(60*g.opts.Scale)))
	for p := 1; p <= g.nProv; p++ {
		for _, i := range g.rng.Perm(len(g.types))[:5] {
			t := g.types[i]
			// a provider's own price: the catalogue's give or take, in 50-cent steps
			price := domain.Money(int64(float64(t.price)*(0.85+0.4*g.rng.Float64())/50) * 50)
			g.prices[[2]int{p, t.id}] = price
		}
	}
	g.nUsers = 2
	for _, m := range g.munis {
		g.nUsers++
		m.worker = g.nUsers
	}
	g.buildChildren()
	g.buildPlans()
	g.allocateDeliveries()
	g.buildClaims()
}

func (g *generator) buildChildren() {
	total := 0
	for _, m := range g.munis {
		total += m.weight
	}
	codes := newCodes(g.rng)
	kinds := domain.ImpairmentKinds
	for i := 0; i < g.sizes.Children; i++ {
		c := &child{id: i + 1, sexFemale: g.chance(0.45)}
		w := g.pick(total)
		for _, m := range g.munis {
			if w < m.weight {
				c.muni = m
				break
			}
			w -= m.weight
		}
		c.surname = g.pick(len(surnames))
		if c.sexFemale {
			c.first, c.last = femaleFirst[g.pick(len(femaleFirst))], surnames[c.surname][1]
		} else {
			c.first, c.last = maleFirst[g.pick(len(maleFirst))], surnames[c.surname][0]
		}
		c.birth = g.between(day(2005, 1, 1), day(2021, 12, 31))
		c.code = codes.For(c.birth)
		switch r := g.rng.Float64(); {
		case r < 0.85:
			c.living = "FAMILY"
		case r < 0.92:
			c.living = "FOSTER_FAMILY"
		case r < 0.97:
			c.living = "GUARDIAN"
		default:
			c.living = "INSTITUTION"
		}
		c.disFrom = g.between(maxTime(c.birth.AddDate(0, 6, 0), day(2019, 1, 1)), day(2022, 6, 30))
		if !g.chance(0.2) {
			to := c.disFrom.AddDate(3+g.pick(4), 0, -1)
			c.disTo = &to
		}
		c.care = g.chance(0.3)
		for _, k := range g.rng.Perm(len(kinds))[:1+g.pick(3)] {
			c.impairments = append(c.impairments, string(kinds[k]))
		}
		sort.Strings(c.impairments)
		g.children = append(g.children, c)
	}
	for j := 0; j < g.sizes.Parents; j++ {
		c := g.children[j%len(g.children)]
		ordinal := j / len(g.children)
		p := &parent{id: j + 1, child: c}
		female := ordinal == 0 || (ordinal > 1 && g.chance(0.5))
		switch {
		case ordinal == 0:
			p.relation = "MOTHER"
		case ordinal == 1:
			p.relation = "FATHER"
		case c.living == "FOSTER_FAMILY":
			p.relation = "FOSTER_PARENT"
		default:
			p.relation = "GUARDIAN"
		}
		if female {
			p.first, p.last = femaleFirst[g.pick(len(femaleFirst))], surnames[c.surname][1]
		} else {
			p.first, p.last = maleFirst[g.pick(len(maleFirst))], surnames[c.surname][0]
		}
		if ordinal > 1 {
			p.last = surnames[g.pick(len(surnames))][map[bool]int{false: 0, true: 1}[female]]
		}
		if !g.chance(0.1) {
			p.code = codes.For(g.between(day(1965, 1, 1), day(1995, 12, 31)))
		}
		p.phone = fmt.Sprintf("+3712%07d", g.pick(10_000_000))
		p.address = fmt.Sprintf("%s %d, %s", streets[g.pick(len(streets))], 1+g.pick(120), c.muni.name)
		c.parents = append(c.parents, p.id)
		g.parents = append(g.parents, p)
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// buildPlans gives every child a plan (as far as plans go) and the rest of the plans to a
// random set of children as their second one: the first of two is closed, the second runs.
func (g *generator) buildPlans() {
	nc := len(g.children)
	second := g.rng.Perm(nc)
	for p := 0; p < g.sizes.Plans; p++ {
		var c *child
		if p < nc {
			c = g.children[p]
		} else {
			c = g.children[second[(p-nc)%nc]]
		}
		pl := &plan{id: p + 1, child: c, assessProv: 1 + g.pick(g.nProv)}
		c.plans = append(c.plans, pl)
		g.plans = append(g.plans, pl)
	}
	for _, c := range g.children {
		switch len(c.plans) {
		case 0:
		case 1:
			pl := c.plans[0]
			switch r := g.rng.Float64(); {
			case r < 0.75:
				pl.status = "ACTIVE"
				pl.from = g.between(epoch, day(2024, 12, 31))
				pl.to = maxTime(pl.from.AddDate(3, 0, -1), activeUntil)
			case r < 0.87:
				pl.status = "CLOSED"
				pl.from = g.between(epoch, day(2023, 6, 30))
				pl.to = pl.from.AddDate(1, g.pick(12), -1)
			case r < 0.92:
				pl.status = "APPROVED"
				pl.from = g.between(day(2027, 1, 1), day(2027, 3, 31))
				pl.to = pl.from.AddDate(2, 0, -1)
			case r < 0.96:
				pl.status = "DRAFT"
				pl.from = g.between(day(2027, 1, 1), day(2027, 3, 31))
				pl.to = pl.from.AddDate(1, 0, -1)
			default:
				pl.status = "SUBMITTED"
				pl.from = g.between(day(2027, 1, 1), day(2027, 3, 31))
				pl.to = pl.from.AddDate(1, 0, -1)
			}
		default:
			from := g.between(epoch, day(2021, 12, 31))
			for i, pl := range c.plans {
				pl.from = from
				if i < len(c.plans)-1 {
					pl.status = "CLOSED"
					pl.to = pl.from.AddDate(1, g.pick(6), -1)
					from = pl.to.AddDate(0, 0, 1+g.pick(60))
				} else {
					pl.status = "ACTIVE"
					pl.to = maxTime(pl.from.AddDate(3, 0, -1), activeUntil)
				}
			}
		}
		for _, pl := range c.plans {
			g.buildRevisions(pl)
		}
	}
}

// buildRevisions writes a plan's history: replaced revisions, the one in force, and for some
// running plans a revision in preparation; 1 to 3 in all. Each carries its lines; a line
// keeps its key from revision to revision.
func (g *generator) buildRevisions(pl *plan) {
	c := pl.child
	// the services: distinct child services, home care only with a special care need, and
	// for some families a service for the parents
	var pool []*serviceType
	for _, t := range g.types {
		if t.forChild && t.cat != "RESPITE_CARE" && (t.cat != "HOME_CARE" || c.care) {
			pool = append(pool, t)
		}
	}
	n := 3 + g.pick(3)
	var lines []*line
	for _, i := range g.rng.Perm(len(pool))[:n] {
		lines = append(lines, g.newLine(pool[i], false))
	}
	if len(c.parents) > 0 && g.chance(0.3) {
		parentTypes := []string{"PSYCHOLOGIST", "PHYSIOTHERAPY", "REHABILITATION_PHYSICIAN", "PARENT_SUPPORT_GROUP"}
		lines[len(lines)-1] = g.newLine(g.byCode[parentTypes[g.pick(len(parentTypes))]], true)
	}
	pl.kind = "SOCIAL_REHABILITATION"
	for _, l := range lines {
		if l.st.cat == "HOME_CARE" || l.st.cat == "DAY_CARE" {
			pl.kind = "SOCIAL_CARE"
		}
	}
	inForce := pl.status == "ACTIVE" || pl.status == "CLOSED" || pl.status == "APPROVED"
	replaced := 0
	if inForce {
		switch r := g.rng.Float64(); {
		case r < 0.55:
		case r < 0.85:
			replaced = 1
		default:
			replaced = 2
		}
	}
	created := pl.from.AddDate(0, 0, -20)
	number := 0
	add := func(status string, ls []*line) *revision {
		number++
		g.nextRevision++
		r := &revision{id: g.nextRevision, number: number, status: status, lines: ls, goals: 1 + g.pick(2), created: created}
		created = created.AddDate(0, 0, 3)
		pl.revisions = append(pl.revisions, r)
		return r
	}
	for i := 0; i < replaced; i++ {
		// an earlier revision had one line fewer and fewer units in each
		var old []*line
		for _, l := range lines[:max(1, len(lines)-1)] {
			cp := *l
			g.nextLine++
			cp.id, cp.deliveries, cp.units = g.nextLine, nil, nil
			old = append(old, &cp)
		}
		add("SUPERSEDED", old)
	}
	if inForce {
		pl.inForce = add(pl.status, lines)
		if pl.status == "ACTIVE" && len(pl.revisions) < 3 && g.chance(0.1) {
			var next []*line
			for _, l := range lines {
				cp := *l
				g.nextLine++
				cp.id, cp.deliveries, cp.units = g.nextLine, nil, nil
				next = append(next, &cp)
			}
			add([]string{"DRAFT", "SUBMITTED"}[g.pick(2)], next)
		}
	} else {
		add(pl.status, lines)
	}
}

func (g *generator) newLine(t *serviceType, forParents bool) *line {
	g.nextLine++
	l := &line{id: g.nextLine, key: g.uuid(), st: t, parents: forParents, provider: 1 + g.pick(g.nProv), price: t.price, fromCat: true}
	if p, ok := g.prices[[2]int{l.provider, t.id}]; ok {
		l.price, l.fromCat = p, false
	}
	return l
}

// deliveryPeriod is the days on which a plan's in-force lines have deliveries.
func deliveryPeriod(pl *plan) (time.Time, time.Time, bool) {
	if pl.inForce == nil || (pl.status != "ACTIVE" && pl.status != "CLOSED") {
		return time.Time{}, time.Time{}, false
	}
	to := minTime(pl.to, asOf.AddDate(0, 0, -1))
	return pl.from, to, !to.Before(pl.from)
}

// allocateDeliveries shares the deliveries out over the lines in force, in proportion to
// their days and a per-line intensity; the parents' lines get a few each (their cap is 20
// sessions a family). Each line's dates are drawn and sorted here, its planned units set
// above what was delivered (running plans keep room for the bench's recordings), and the
// revision's budget covers its lines.
func (g *generator) allocateDeliveries() {
	type weighted struct {
		l      *line
		from   time.Time
		days   int
		weight float64
	}
	var ws []weighted
	var total float64
	remaining := g.sizes.Deliveries
	for _, pl := range g.plans {
		from, to, ok := deliveryPeriod(pl)
		if !ok {
			continue
		}
		days := int(to.Sub(from).Hours()/24) + 1
		for _, l := range pl.inForce.lines {
			w := weighted{l: l, from: from, days: days}
			if l.parents {
				n := min(2+g.pick(9), days, remaining)
				remaining -= n
				g.drawDates(l, from, days, n)
				continue
			}
			w.weight = float64(days) * (0.5 + g.rng.Float64())
			total += w.weight
			ws = append(ws, w)
		}
	}
	given := 0
	counts := make([]int, len(ws))
	for i, w := range ws {
		counts[i] = int(float64(remaining) * w.weight / total)
		given += counts[i]
	}
	for i := 0; given < remaining && len(ws) > 0; i = (i + 1) % len(ws) {
		counts[i]++
		given++
	}
	for i, w := range ws {
		g.drawDates(w.l, w.from, w.days, counts[i])
	}
	for _, pl := range g.plans {
		// the revision in force plans what was delivered and a little more (running plans
		// 200 units more, room for the bench's recordings); an earlier revision planned
		// less, the one in preparation more
		inForce := map[string]int{}
		if pl.inForce != nil {
			for _, l := range pl.inForce.lines {
				units := 0
				for _, u := range l.units {
					units += int(u)
				}
				l.planned = max(1, units+g.pick(6))
				if pl.status == "ACTIVE" {
					l.planned += 200
				}
				inForce[l.key] = l.planned
			}
		}
		for _, r := range pl.revisions {
			var sum domain.Money
			for _, l := range r.lines {
				if r != pl.inForce {
					planned, ok := inForce[l.key]
					switch {
					case !ok:
						l.planned = 10 + g.pick(40)
					case r.number < pl.inForce.number:
						l.planned = max(1, planned*2/3)
					default:
						l.planned = planned + 20
					}
				}
				sum += domain.Money(l.planned) * l.price
			}
			r.budget = sum + domain.Money(50_000+g.pick(100_000)) // EUR 500 to 1,500 unplanned
		}
		if pl.inForce != nil {
			for _, l := range pl.inForce.lines {
				if len(l.deliveries) > 0 {
					g.lines = append(g.lines, l)
				}
			}
		}
	}
	g.deliveryTotal = 0
	for _, l := range g.lines {
		g.deliveryTotal += len(l.deliveries)
	}
}

func (g *generator) drawDates(l *line, from time.Time, days, n int) {
	start := int(from.Sub(epoch).Hours() / 24)
	l.deliveries = make([]uint16, n)
	l.units = make([]uint8, n)
	for i := range n {
		l.deliveries[i] = uint16(start + g.pick(days))
		l.units[i] = 1
		if l.st.unit == "HOUR" {
			l.units[i] = uint8(1 + g.pick(3))
		}
	}
	sort.Slice(l.deliveries, func(a, b int) bool { return l.deliveries[a] < l.deliveries[b] })
}

// Claims: one a municipality and quarter before claimCutoff, holding that quarter's
// verified deliveries (a few are rejected instead).

func quarterOf(d time.Time) int { return (d.Year()-epoch.Year())*4 + (int(d.Month())-1)/3 }

func quarterStart(q int) time.Time { return day(epoch.Year()+q/4, time.Month(q%4*3+1), 1) }

var nQuarters = quarterOf(claimCutoff)

// rejected tells, the same way every time, whether a delivery was rejected at verification.
func rejected(lineID, i int) bool { return (lineID*7919+i*104729)%211 == 0 }

func (g *generator) status(l *line, i int, d time.Time) string {
	switch {
	case d.Before(claimCutoff) && rejected(l.id, i):
		return "REJECTED"
	case d.Before(claimCutoff):
		return "CLAIMED"
	case d.Before(verifiedCutoff):
		return "VERIFIED"
	default:
		return "RECORDED"
	}
}

func (g *generator) buildClaims() {
	muniIdx := map[*municipality]int{}
	for i, m := range g.munis {
		muniIdx[m] = i
	}
	for _, c := range g.children {
		seenType := map[[2]int]bool{}
		for _, pl := range c.plans {
			if pl.inForce == nil {
				continue
			}
			for _, l := range pl.inForce.lines {
				for i, off := range l.deliveries {
					d := epoch.AddDate(0, 0, int(off))
					if g.status(l, i, d) != "CLAIMED" {
						continue
					}
					q := quarterOf(d)
					id := muniIdx[c.muni]*nQuarters + q + 1
					k := g.claims[id]
					if k == nil {
						k = &claim{id: id, muni: c.muni, quarter: q, byService: map[int]*domain.ServiceTotal{}, children: map[int]bool{}}
						g.claims[id] = k
					}
					st := k.byService[l.st.id]
					if st == nil {
						st = &domain.ServiceTotal{ServiceTypeID: l.st.id}
						k.byService[l.st.id] = st
					}
					st.Units += int(l.units[i])
					st.Amount += domain.Money(l.units[i]) * l.price
					st.Deliveries++
					if !seenType[[2]int{id, l.st.id}] {
						seenType[[2]int{id, l.st.id}] = true
						st.Children++
					}
					k.children[c.id] = true
					k.deliveries++
				}
			}
		}
	}
}

// write streams every table with COPY in dependency order.
func (g *generator) write(ctx context.Context, db *sql.DB, stats *[]TableStat) error {
	ds := func(t time.Time) string { return t.Format(domain.DateLayout) }
	ts := func(t time.Time, hour int) string {
		return t.Format(domain.DateLayout) + fmt.Sprintf(" %02d:00:00+00", hour)
	}
	nullDate := func(t *time.Time) any {
		if t == nil {
			return nil
		}
		return ds(*t)
	}
	copyT := func(table, columns string, fill func(put func(values ...any) error) error) error {
		return copyTable(ctx, db, g.log, stats, table, cols(columns), fill)
	}
	words := []string{"Saulīte", "Cerība", "Ābele", "Varavīksne", "Dzērvenīte", "Bite", "Pūce", "Zīle", "Rasa", "Avots", "Ozols", "Gaismiņa"}
	kinds := []string{"Rehabilitācijas centrs", "Biedrība", "SIA Terapijas centrs", "Nodibinājums"}
	if err := copyT("provider", "id name registration_number", func(put func(...any) error) error {
		for p := 1; p <= g.nProv; p++ {
			name := fmt.Sprintf("%s \"%s\"", kinds[p%len(kinds)], words[p%len(words)])
			if p > len(words) {
				name += fmt.Sprintf(" %d", p)
			}
			if err := put(p, name, fmt.Sprintf("4000%07d", p)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("provider_price", "provider_id service_type_id valid_from unit_price", func(put func(...any) error) error {
		keys := make([][2]int, 0, len(g.prices))
		for k := range g.prices {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
		})
		for _, k := range keys {
			if err := put(k[0], k[1], ds(epoch), g.prices[k].String()); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("app_user", "id email name role region_id", func(put func(...any) error) error {
		if err := put(1, "bench-admin@atbalsts.invalid", "Bench Administrators", "ADMIN", nil); err != nil {
			return err
		}
		if err := put(2, "bench-coordinator@atbalsts.invalid", "Bench Koordinatore", "REGION_COORDINATOR", CoordinatorRegionID); err != nil {
			return err
		}
		for _, m := range g.munis {
			if err := put(m.worker, fmt.Sprintf("bench-worker-%d@atbalsts.invalid", m.id), "Darbiniece "+m.name, "MUNICIPALITY_WORKER", nil); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("app_user_municipality", "user_id municipality_id", func(put func(...any) error) error {
		for _, m := range g.munis {
			if err := put(m.worker, m.id); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("api_token", "id user_id name prefix secret_hash created_by expires_at", func(put func(...any) error) error {
		for i := 0; i <= AdminTokens; i++ {
			user, secret := 1, AdminToken(i)
			if i == AdminTokens {
				user, secret = 2, CoordinatorToken
			}
			if err := put(i+1, user, fmt.Sprintf("bench %d", i), domain.TokenShownPrefix(secret), domain.HashTokenSecret(secret), 1,
				"2036-01-01 00:00:00+00"); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	regions := map[int]bool{}
	for _, m := range g.munis {
		regions[m.regionID] = true
	}
	var regionIDs []int
	for r := range regions {
		regionIDs = append(regionIDs, r)
	}
	sort.Ints(regionIDs)
	if err := copyT("project", "id code name lead_region_id start_date end_date total_budget", func(put func(...any) error) error {
		for _, r := range regionIDs {
			if err := put(r, fmt.Sprintf("9.2.2.1/15/I/%03d", r), fmt.Sprintf("Bench DI projekts, reģions %d", r), r,
				ds(epoch), "2029-12-31", "25000000.00"); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("project_funding_source", "project_id code share_bp", func(put func(...any) error) error {
		for _, r := range regionIDs {
			if err := put(r, "ESF", 8500); err != nil {
				return err
			}
			if err := put(r, "STATE_BUDGET", 1500); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("project_municipality", "project_id municipality_id", func(put func(...any) error) error {
		for _, m := range g.munis {
			if err := put(m.regionID, m.id); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("project_target", "project_id target_group count", func(put func(...any) error) error {
		for _, r := range regionIDs {
			n := 0
			for _, c := range g.children {
				if c.muni.regionID == r {
					n++
				}
			}
			if err := put(r, "CHILDREN_ASSESSED", n); err != nil {
				return err
			}
			if err := put(r, "CHILDREN_SERVED", n*3/4); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	// The sources' caps: 100 child sessions until the 2022 amendments removed the limit,
	// 20 for the parents, home care hours a week, respite days a year.
	if err := copyT("project_cap_rule", "project_id kind valid_from cap_limit min_age max_age", func(put func(...any) error) error {
		for _, r := range regionIDs {
			for _, row := range [][]any{
				{r, "CHILD_SESSIONS", ds(epoch), 100, nil, nil},
				{r, "CHILD_SESSIONS", "2022-04-22", nil, nil, nil},
				{r, "PARENT_SESSIONS", ds(epoch), 20, nil, nil},
				{r, "HOME_CARE_HOURS_PER_WEEK", ds(epoch), 40, 0, 17},
				{r, "RESPITE_DAYS_PER_YEAR", ds(epoch), 30, nil, nil},
			} {
				if err := put(row...); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("child", `id personal_code first_name last_name birth_date sex municipality_id living_arrangement
		disability_from disability_to special_care_need_from special_care_need_to impairments created_at`, func(put func(...any) error) error {
		for _, c := range g.children {
			sex := "MALE"
			if c.sexFemale {
				sex = "FEMALE"
			}
			var careFrom, careTo any
			if c.care {
				careFrom, careTo = ds(c.disFrom), nullDate(c.disTo)
			}
			if err := put(c.id, c.code, c.first, c.last, ds(c.birth), sex, c.muni.id, c.living, ds(c.disFrom), nullDate(c.disTo),
				careFrom, careTo, "{"+strings.Join(c.impairments, ",")+"}", ts(c.disFrom, 9)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("parent", "id personal_code first_name last_name phone email address created_at", func(put func(...any) error) error {
		for _, p := range g.parents {
			var code any
			if p.code != "" {
				code = p.code
			}
			if err := put(p.id, code, p.first, p.last, p.phone, fmt.Sprintf("vecaks%d@example.invalid", p.id), p.address,
				ts(p.child.disFrom, 10)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("child_parent", "child_id parent_id relation legal_representative", func(put func(...any) error) error {
		for _, p := range g.parents {
			if err := put(p.child.id, p.id, p.relation, true); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	// Applications: each child's accepted one to its region's project (submitted before its
	// first plan), a submitted one for a child without a plan, and an earlier withdrawn one
	// for some. Their events follow them.
	type app struct {
		id, child, applicant int
		on                   time.Time
		status               string
		worker               int
	}
	var apps []app
	for _, c := range g.children {
		applicant := 0
		if len(c.parents) > 0 {
			applicant = c.parents[0]
		}
		first := g.between(day(2024, 1, 1), day(2026, 6, 30))
		status := "SUBMITTED"
		if len(c.plans) > 0 {
			first, status = c.plans[0].from.AddDate(0, 0, -90), "ACCEPTED"
		}
		if c.id%13 == 0 {
			apps = append(apps, app{child: c.id, applicant: applicant, on: first.AddDate(0, -3, 0), status: "WITHDRAWN", worker: c.muni.worker})
		}
		apps = append(apps, app{child: c.id, applicant: applicant, on: first, status: status, worker: c.muni.worker})
	}
	for i := range apps {
		apps[i].id = i + 1
	}
	// A decision is taken two weeks after the application (as its event below).
	if err := copyT("application", "id child_id project_id applicant_id submitted_on status decided_on", func(put func(...any) error) error {
		for _, a := range apps {
			var applicant, decided any
			if a.applicant != 0 {
				applicant = a.applicant
			}
			if a.status != "SUBMITTED" {
				decided = ds(a.on.AddDate(0, 0, 14))
			}
			if err := put(a.id, a.child, g.children[a.child-1].muni.regionID, applicant, ds(a.on), a.status, decided); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("application_event", "application_id at on_date actor_id status comment", func(put func(...any) error) error {
		for _, a := range apps {
			if err := put(a.id, ts(a.on, 11), ds(a.on), a.worker, "SUBMITTED", nil); err != nil {
				return err
			}
			if a.status != "SUBMITTED" {
				var comment any
				if a.status == "WITHDRAWN" {
					comment = "Vecāki atsauca iesniegumu."
				}
				if err := put(a.id, ts(a.on.AddDate(0, 0, 14), 12), ds(a.on.AddDate(0, 0, 14)), a.worker, a.status, comment); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	// One completed assessment per plan, which the plan is based on.
	if err := copyT("assessment", "id child_id provider_id scheduled_on status completed_on", func(put func(...any) error) error {
		for _, pl := range g.plans {
			on := pl.from.AddDate(0, 0, -45)
			if err := put(pl.id, pl.child.id, pl.assessProv, ds(on), "COMPLETED", ds(on.AddDate(0, 0, 10))); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	specialties := []string{"SOCIAL_WORKER", "PSYCHOLOGIST", "OCCUPATIONAL_THERAPIST", "PHYSIOTHERAPIST", "SPEECH_THERAPIST", "SPECIAL_EDUCATOR"}
	if err := copyT("assessment_team_member", "assessment_id position name specialty", func(put func(...any) error) error {
		for _, pl := range g.plans {
			for i := 0; i < 2; i++ {
				if err := put(pl.id, i+1, specialists[(pl.id+i)%len(specialists)], specialties[(pl.id+i*3)%len(specialties)]); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	areas := []string{"LEARNING_AND_APPLYING_KNOWLEDGE", "GENERAL_TASKS_AND_DEMANDS", "COMMUNICATION", "MOBILITY",
		"SELF_CARE", "DOMESTIC_LIFE", "INTERPERSONAL_INTERACTIONS", "MAJOR_LIFE_AREAS", "COMMUNITY_SOCIAL_CIVIC_LIFE"}
	if err := copyT("assessment_finding", "assessment_id area qualifier note", func(put func(...any) error) error {
		for _, pl := range g.plans {
			for i := 0; i < 3; i++ {
				if err := put(pl.id, areas[(pl.id+i*2)%len(areas)], (pl.id+i)%5, "Novērtēts sarunā ar ģimeni un novērojot bērnu."); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("assessment_recommendation", "assessment_id position service_type_id recipient units", func(put func(...any) error) error {
		for _, pl := range g.plans {
			last := pl.revisions[len(pl.revisions)-1]
			for i, l := range last.lines[:min(3, len(last.lines))] {
				if err := put(pl.id, i+1, l.st.id, recipient(l), 10+(pl.id+i)%30); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("support_plan", "id child_id project_id assessment_id kind created_at", func(put func(...any) error) error {
		for _, pl := range g.plans {
			if err := put(pl.id, pl.child.id, pl.child.muni.regionID, pl.id, pl.kind, ts(pl.from.AddDate(0, 0, -21), 13)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("plan_revision", `id plan_id number status valid_from valid_to budget submitted_at approved_at approved_by created_at`,
		func(put func(...any) error) error {
			for _, pl := range g.plans {
				approver := 1
				if pl.child.muni.regionID == CoordinatorRegionID {
					approver = 2
				}
				for _, r := range pl.revisions {
					var submitted, approved, by any
					if r.status != "DRAFT" {
						submitted = ts(r.created, 14)
					}
					if r.status != "DRAFT" && r.status != "SUBMITTED" {
						approved, by = ts(r.created.AddDate(0, 0, 2), 15), approver
					}
					if err := put(r.id, pl.id, r.number, r.status, ds(pl.from), ds(pl.to), r.budget.String(), submitted, approved, by,
						ts(r.created, 13)); err != nil {
						return err
					}
				}
			}
			return nil
		}); err != nil {
		return err
	}
	goalTexts := []string{"Uzlabot runas saprotamību", "Patstāvīgi ģērbties", "Uzlabot līdzsvaru un kustību koordināciju",
		"Iesaistīties rotaļās ar vienaudžiem", "Mazināt uzvedības grūtības", "Attīstīt smalko motoriku"}
	goalStatus := []string{"NOT_STARTED", "IN_PROGRESS", "ACHIEVED", "NOT_ACHIEVED"}
	if err := copyT("plan_goal", "revision_id position key text indicator target_date status", func(put func(...any) error) error {
		for _, pl := range g.plans {
			for _, r := range pl.revisions {
				for i := 0; i < r.goals; i++ {
					if err := put(r.id, i+1, g.uuid(), goalTexts[(pl.id+i)%len(goalTexts)], "Speciālista novērtējums pēc 6 mēnešiem",
						ds(pl.from.AddDate(0, 6*(i+1), 0)), goalStatus[(pl.id+r.number+i)%len(goalStatus)]); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := copyT("plan_line", "id revision_id position key service_type_id recipient provider_id planned_units unit_price price_source",
		func(put func(...any) error) error {
			for _, pl := range g.plans {
				for _, r := range pl.revisions {
					for i, l := range r.lines {
						src := "PROVIDER"
						if l.fromCat {
							src = "CATALOGUE"
						}
						if err := put(l.id, r.id, i+1, l.key, l.st.id, recipient(l), l.provider, l.planned, l.price.String(), src); err != nil {
							return err
						}
					}
				}
			}
			return nil
		}); err != nil {
		return err
	}
	sources := []domain.FundingSource{{Code: "ESF", ShareBP: 8500}, {Code: "STATE_BUDGET", ShareBP: 1500}}
	if err := copyT("compensation_claim", `id municipality_id project_id period_from period_to status total totals delivery_count
		child_count submitted_at submitted_by decided_at decided_by paid_at`, func(put func(...any) error) error {
		ids := make([]int, 0, len(g.claims))
		for id := range g.claims {
			ids = append(ids, id)
		}
		sort.Ints(ids)
		for _, id := range ids {
			k := g.claims[id]
			var byService []domain.ServiceTotal
			for _, st := range k.byService {
				byService = append(byService, *st)
			}
			sort.Slice(byService, func(i, j int) bool { return byService[i].ServiceTypeID < byService[j].ServiceTypeID })
			totals := domain.TotalClaim(byService, len(k.children), sources)
			js, err := json.Marshal(totals)
			if err != nil {
				return err
			}
			from := quarterStart(k.quarter)
			to := quarterStart(k.quarter+1).AddDate(0, 0, -1)
			submitted := to.AddDate(0, 0, 10)
			status := "PAID"
			var decided, decidedBy, paid any = ts(submitted.AddDate(0, 0, 20), 10), 1, ts(submitted.AddDate(0, 0, 40), 10)
			switch k.quarter {
			case nQuarters - 1:
				status, decided, decidedBy, paid = "SUBMITTED", nil, nil, nil
			case nQuarters - 2:
				status, paid = "APPROVED", nil
			}
			if err := put(k.id, k.muni.id, k.muni.regionID, ds(from), ds(to), status, totals.Total.String(), string(js),
				totals.Deliveries, totals.Children, ts(submitted, 9), k.muni.worker, decided, decidedBy, paid); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return g.writeDeliveries(ctx, db, stats)
}

func recipient(l *line) string {
	if l.parents {
		return "PARENTS"
	}
	return "CHILD"
}

// writeDeliveries streams the deliveries month by month, as they would have been recorded,
// so that the table's physical order and its ids follow time as in production rather than
// cluster each child's rows together.
func (g *generator) writeDeliveries(ctx context.Context, db *sql.DB, stats *[]TableStat) error {
	lineOwner := map[*line]*plan{}
	for _, pl := range g.plans {
		if pl.inForce != nil {
			for _, l := range pl.inForce.lines {
				lineOwner[l] = pl
			}
		}
	}
	muniIdx := map[*municipality]int{}
	for i, m := range g.munis {
		muniIdx[m] = i
	}
	ndays := int(asOf.Sub(epoch).Hours()/24) + 1
	dates := make([]string, ndays)
	recorded := make([]string, ndays)
	verified := make([]string, ndays)
	for i := range ndays {
		d := epoch.AddDate(0, 0, i)
		dates[i] = d.Format(domain.DateLayout)
		recorded[i] = dates[i] + " 17:00:00+00"
		verified[i] = d.AddDate(0, 0, 3).Format(domain.DateLayout) + " 09:00:00+00"
	}
	cp, err := startCopy(ctx, db, "service_delivery", cols(`id plan_id line_key child_id project_id municipality_id service_type_id
		date units recipient parent_id provider_id specialist_name note unit_price price_source status reject_reason claim_id
		recorded_at recorded_by verified_at verified_by`)...)
	if err != nil {
		return err
	}
	id := 0
	for month := epoch; month.Before(asOf); month = month.AddDate(0, 1, 0) {
		end := uint16(month.AddDate(0, 1, 0).Sub(epoch).Hours() / 24)
		for _, l := range g.lines {
			pl := lineOwner[l]
			c := pl.child
			var parentID any
			if l.parents {
				parentID = c.parents[0]
			}
			src := "PROVIDER"
			if l.fromCat {
				src = "CATALOGUE"
			}
			price := l.price.String()
			for ; l.next < len(l.deliveries) && l.deliveries[l.next] < end; l.next++ {
				i := l.next
				off := int(l.deliveries[i])
				d := epoch.AddDate(0, 0, off)
				id++
				status := g.status(l, i, d)
				var reason, claimID, verifiedAt, verifiedBy any
				switch status {
				case "REJECTED":
					reason = "Nodarbība nenotika: bērns slims."
				case "CLAIMED":
					claimID = muniIdx[c.muni]*nQuarters + quarterOf(d) + 1
					verifiedAt, verifiedBy = verified[off], c.muni.worker
				case "VERIFIED":
					verifiedAt, verifiedBy = verified[off], c.muni.worker
				}
				if err := cp.put(id, pl.id, l.key, c.id, c.muni.regionID, c.muni.id, l.st.id, dates[off], int(l.units[i]),
					recipient(l), parentID, l.provider, specialists[(l.id+i)%len(specialists)], nil, price, src, status, reason,
					claimID, recorded[off], c.muni.worker, verifiedAt, verifiedBy); err != nil {
					cp.tx.Rollback()
					return err
				}
				if id%1_000_000 == 0 {
					g.log.Info("deliveries", "rows", id, "rows_per_s", fmt.Sprintf("%.0f", float64(id)/time.Since(cp.start).Seconds()))
				}
			}
		}
	}
	return cp.done(g.log, stats)
}
