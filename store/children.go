package store

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

// caseScopeSQL returns the condition under which the scope sees the child with alias c,
// appending its arguments. This is where the access rules of domain.CanReadCases become SQL:
// lists are filtered here, never after fetching.
func caseScopeSQL(s domain.CaseScope, args *[]any) string {
	switch {
	case s.All:
		return "true"
	case len(s.MunicipalityIDs) > 0:
		return bind(args, "c.municipality_id = ANY($%d)", pq.Array(s.MunicipalityIDs))
	case s.LeadRegionID != 0:
		return bind(args, `c.municipality_id IN (SELECT pm.municipality_id FROM project_municipality pm
			JOIN project p ON p.id = pm.project_id WHERE p.lead_region_id = $%d)`, s.LeadRegionID)
	case s.AssessingProviderID != 0:
		return bind(args, "EXISTS (SELECT 1 FROM assessment sa WHERE sa.child_id = c.id AND sa.provider_id = $%d)", s.AssessingProviderID)
	case s.DeliveringProviderID != 0:
		return bind(args, `EXISTS (SELECT 1 FROM support_plan sp JOIN plan_revision sr ON sr.plan_id = sp.id
			JOIN plan_line sl ON sl.revision_id = sr.id
			WHERE sp.child_id = c.id AND sl.provider_id = $%d AND sr.status IN `+revisionOpenSQL+`)`, s.DeliveringProviderID)
	}
	return "false"
}

type childRow struct {
	domain.Child
	ImpairmentList pq.StringArray `db:"impairments"`
}

func (r *childRow) toModel() domain.Child {
	c := r.Child
	c.Impairments = make([]domain.ImpairmentKind, len(r.ImpairmentList))
	for i, k := range r.ImpairmentList {
		c.Impairments[i] = domain.ImpairmentKind(k)
	}
	return c
}

func toChildren(rows []childRow) []domain.Child {
	out := make([]domain.Child, len(rows))
	for i := range rows {
		out[i] = rows[i].toModel()
	}
	return out
}

const childColumns = `c.id, c.personal_code, c.first_name, c.last_name, c.birth_date, c.sex, c.municipality_id,
	c.living_arrangement, c.disability_from, c.disability_to, c.special_care_need_from, c.special_care_need_to,
	c.impairments, c.created_at, c.version, cm.region_id`

const childFrom = ` FROM child c JOIN municipality cm ON cm.id = c.municipality_id`

// ChildrenByIDs returns children by id, in key order, without a scope check: for nested fields
// of records the caller already sees.
func (s *Store) ChildrenByIDs(ctx context.Context, ids []int) ([]*domain.Child, []error) {
	var rows []childRow
	if err := s.selectAll(ctx, &rows, `SELECT `+childColumns+childFrom+` WHERE c.id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, fill(len(ids), wrap("children by id", err))
	}
	return byKey(ids, toChildren(rows), func(c *domain.Child) int { return c.ID }, notFound("child"))
}

// ChildInScope returns a child the scope sees, else ENOTFOUND (as if it did not exist).
func (s *Store) ChildInScope(ctx context.Context, scope domain.CaseScope, id int) (*domain.Child, error) {
	return childInScope(ctx, s.db, scope, id, false)
}

func childInScope(ctx context.Context, q sqlx.QueryerContext, scope domain.CaseScope, id int, lock bool) (*domain.Child, error) {
	args := []any{id}
	query := `SELECT ` + childColumns + childFrom + ` WHERE c.id = $1 AND ` + caseScopeSQL(scope, &args)
	if lock {
		query += ` FOR UPDATE OF c`
	}
	var rows []childRow
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return nil, wrap("child", err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("child")
	}
	c := rows[0].toModel()
	return &c, nil
}

// ChildKey is the position of a child in the list order: last name, first name, id; birth
// date, id; or the id alone in a pseudonymous scope (see childOrder).
type ChildKey struct {
	Last  string `json:"l,omitempty"`
	First string `json:"f,omitempty"`
	Birth string `json:"b,omitempty"`
	ID    int    `json:"i"`
}

// childOrder lists the columns children are ordered by, and whether downwards. A pseudonymous
// scope (the analyst's) gets them by id whatever it asks: an order by name or birth date, or a
// cursor that carries one, would tell them.
func childOrder(scope domain.CaseScope, order domain.ChildOrder) ([]string, bool) {
	switch {
	case scope.WithoutPersonalDetails:
		return []string{"id"}, false
	case order == domain.ChildBirthDateAsc || order == domain.ChildBirthDateDesc:
		return []string{"birth_date", "id"}, order == domain.ChildBirthDateDesc
	}
	return []string{"last_name", "first_name", "id"}, order == domain.ChildNameDesc
}

// ChildKeyOf is the cursor key of a child in the scope's order (by name).
func ChildKeyOf(scope domain.CaseScope, c *domain.Child) ChildKey {
	return ChildKeyIn(scope, "", c)
}

// ChildKeyIn is the cursor key of a child in the scope's order of the list.
func ChildKeyIn(scope domain.CaseScope, order domain.ChildOrder, c *domain.Child) ChildKey {
	cols, _ := childOrder(scope, order)
	switch cols[0] {
	case "id":
		return ChildKey{ID: c.ID}
	case "birth_date":
		return ChildKey{Birth: c.BirthDate.Format(domain.DateLayout), ID: c.ID}
	}
	return ChildKey{Last: c.LastName, First: c.FirstName, ID: c.ID}
}

// orderByIn is "alias.col [DESC], ..." for the scope's order of the list.
func orderByIn(scope domain.CaseScope, order domain.ChildOrder, alias string) string {
	cols, desc := childOrder(scope, order)
	for i, c := range cols {
		cols[i] = alias + "." + c
		if desc {
			cols[i] += " DESC"
		}
	}
	return strings.Join(cols, ", ")
}

// orderBy is the scope's order by name (the pages of children under a municipality).
func orderBy(scope domain.CaseScope, alias string) string { return orderByIn(scope, "", alias) }

// afterKeyIn is the condition for the rows after key in the scope's order of the list; a
// key's parts are ignored where the order has none.
func afterKeyIn(scope domain.CaseScope, order domain.ChildOrder, alias string, key *ChildKey, args *[]any) string {
	cols, desc := childOrder(scope, order)
	cmp := ">"
	if desc {
		cmp = "<"
	}
	for i, c := range cols {
		cols[i] = alias + "." + c
	}
	tuple := "(" + strings.Join(cols, ", ") + ") " + cmp + " "
	switch cols[0] {
	case alias + ".id":
		return bind(args, alias+".id "+cmp+" $%d", key.ID)
	case alias + ".birth_date":
		birth, err := time.Parse(domain.DateLayout, key.Birth)
		if err != nil {
			birth = domain.EarliestDate
		}
		return bind(args, tuple+"($%d, $%d)", birth, key.ID)
	}
	return bind(args, tuple+"($%d, $%d, $%d)", key.Last, key.First, key.ID)
}

// afterKey is afterKeyIn in the order by name.
func afterKey(scope domain.CaseScope, alias string, key *ChildKey, args *[]any) string {
	return afterKeyIn(scope, "", alias, key, args)
}

// Children returns up to limit children that match f, in the scope's order after the key,
// and whether more follow.
func (s *Store) Children(ctx context.Context, f domain.ChildFilter, after *ChildKey, limit int) ([]domain.Child, bool, error) {
	c := childWhere(f)
	if after != nil {
		c.where = append(c.where, afterKeyIn(f.Scope, f.Order, "c", after, &c.args))
	}
	query := `SELECT ` + childColumns + childFrom + c.sql() + ` ORDER BY ` + orderByIn(f.Scope, f.Order, "c") + ` LIMIT ` + c.param(limit+1)
	var rows []childRow
	err := s.selectAll(ctx, &rows, query, c.args...)
	if err != nil {
		return nil, false, wrap("children", err)
	}
	return page(toChildren(rows), limit)
}

// CountChildren counts the children that match f.
func (s *Store) CountChildren(ctx context.Context, f domain.ChildFilter) (int, error) {
	c := childWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*)`+childFrom+c.sql(), c.args...)
	return n, wrap("count children", err)
}

// ChildPageKey asks for one page of a municipality's children (Municipality.children).
type ChildPageKey struct {
	MunicipalityID int       // the municipality
	After          *ChildKey // continue after this child
	Limit          int       // page size
}

// ChildPage is a page of a municipality's children.
type ChildPage struct {
	Children []domain.Child // the page
	HasNext  bool           // more follow
	Total    int            // how many the scope sees in the municipality
}

// ChildPagesByMunicipality reads one page of children per key in one statement (a window
// over the municipalities), for the loader behind Municipality.children.
func (s *Store) ChildPagesByMunicipality(ctx context.Context, scope domain.CaseScope, keys []ChildPageKey) ([]*ChildPage, []error) {
	// Keys of one request share page size and cursor in practice; group by them to keep one
	// statement per distinct (after, limit).
	type group struct {
		after *ChildKey
		limit int
		idx   []int
	}
	var groups []*group
	for i, k := range keys {
		var g *group
		for _, x := range groups {
			if x.limit == k.Limit && ((x.after == nil && k.After == nil) || (x.after != nil && k.After != nil && *x.after == *k.After)) {
				g = x
			}
		}
		if g == nil {
			g = &group{after: k.After, limit: k.Limit}
			groups = append(groups, g)
		}
		g.idx = append(g.idx, i)
	}
	out := make([]*ChildPage, len(keys))
	for _, g := range groups {
		ids := make([]int, len(g.idx))
		for j, i := range g.idx {
			ids[j] = keys[i].MunicipalityID
		}
		// Each municipality's page from the (municipality, name) index, LIMIT applied per
		// municipality (LATERAL), rather than a window over all of their children; the totals
		// count the whole list, before the cursor, so that every page reports the same total.
		var args []any
		list := bind(&args, "$%d::int[]", pq.Array(ids))
		totalScope := caseScopeSQL(scope, &args)
		page := &conds{args: args}
		page.add("c.municipality_id = m.id")
		page.where = append(page.where, caseScopeSQL(scope, &page.args))
		if g.after != nil {
			page.where = append(page.where, afterKey(scope, "c", g.after, &page.args))
		}
		query := `WITH totals AS (
				SELECT c.municipality_id, count(*) AS total` + childFrom + `
				WHERE c.municipality_id = ANY(` + list + `) AND ` + totalScope + ` GROUP BY c.municipality_id)
			SELECT x.*, t.total FROM unnest(` + list + `) WITH ORDINALITY AS m(id, o)
			JOIN totals t ON t.municipality_id = m.id
			CROSS JOIN LATERAL (
				SELECT ` + childColumns + `, row_number() OVER (ORDER BY ` + orderBy(scope, "c") + `) AS n` + childFrom + page.sql() + `
				ORDER BY ` + orderBy(scope, "c") + ` LIMIT ` + page.param(g.limit+1) + `) x
			ORDER BY m.o, x.n`
		c := page
		var rows []struct {
			childRow
			N     int `db:"n"`
			Total int `db:"total"`
		}
		err := s.selectAll(ctx, &rows, query, c.args...)
		if err != nil {
			return nil, fill(len(keys), wrap("children of municipalities", err))
		}
		pages := map[int]*ChildPage{}
		for _, r := range rows {
			p := pages[r.MunicipalityID]
			if p == nil {
				p = &ChildPage{Total: r.Total}
				pages[r.MunicipalityID] = p
			}
			if r.N > g.limit {
				p.HasNext = true
				continue
			}
			p.Children = append(p.Children, r.childRow.toModel())
		}
		for _, i := range g.idx {
			if p := pages[keys[i].MunicipalityID]; p != nil {
				out[i] = p
			} else {
				out[i] = &ChildPage{}
			}
		}
	}
	return out, nil
}

func childWhere(f domain.ChildFilter) *conds {
	c := &conds{}
	c.where = append(c.where, caseScopeSQL(f.Scope, &c.args))
	if q := strings.TrimSpace(f.Search); q != "" {
		if prefix, ok := codePrefix(q); ok {
			c.add("c.personal_code LIKE $%d", prefix+"%")
		} else {
			c.add(`(c.first_name ILIKE $%d OR c.last_name ILIKE $%[1]d
				OR (c.first_name || ' ' || c.last_name) ILIKE $%[1]d)`, "%"+escapeLike(q)+"%")
		}
	}
	if f.MunicipalityID != nil {
		c.add("c.municipality_id = $%d", *f.MunicipalityID)
	}
	if f.Impairment != nil {
		c.add("$%d = ANY(c.impairments)", string(*f.Impairment))
	}
	if f.LivingArrangement != nil {
		c.add("c.living_arrangement = $%d", string(*f.LivingArrangement))
	}
	if f.PlanStatus != nil {
		// The plan's status is its current revision's, chosen as in planSelect: the one in
		// force, else the first; a superseded or pending revision does not count.
		c.add(`EXISTS (SELECT 1 FROM support_plan fp WHERE fp.child_id = c.id
			AND (SELECT fr.status FROM plan_revision fr WHERE fr.plan_id = fp.id
				ORDER BY fr.status IN `+revisionInForceSQL+` DESC, fr.number LIMIT 1) = $%d)`, string(*f.PlanStatus))
	}
	return c
}

// ChildrenBornOn returns the children the scope sees who were born on the check's birth date,
// or whose personal code is the check's: the candidates for a duplicate check, which compares names in Go.
func (s *Store) ChildrenBornOn(ctx context.Context, scope domain.CaseScope, check *domain.DuplicateCheck) ([]domain.Child, error) {
	c := &conds{}
	c.add(`(c.birth_date = $%d OR c.personal_code = $%d)`, check.BirthDate, check.PersonalCode)
	c.where = append(c.where, caseScopeSQL(scope, &c.args))
	var rows []childRow
	err := s.selectAll(ctx, &rows, `SELECT `+childColumns+childFrom+c.sql()+` ORDER BY c.last_name, c.first_name, c.id LIMIT 200`, c.args...)
	return toChildren(rows), wrap("children born on", err)
}

// childAudit is what the audit log keeps of a child's change: every editable field.
type childAudit struct {
	PersonalCode        string   `json:"personalCode"`
	FirstName           string   `json:"firstName"`
	LastName            string   `json:"lastName"`
	BirthDate           string   `json:"birthDate"`
	Sex                 string   `json:"sex"`
	MunicipalityID      int      `json:"municipalityId"`
	LivingArrangement   string   `json:"livingArrangement"`
	DisabilityFrom      *string  `json:"disabilityFrom"`
	DisabilityTo        *string  `json:"disabilityTo"`
	SpecialCareNeedFrom *string  `json:"specialCareNeedFrom"`
	SpecialCareNeedTo   *string  `json:"specialCareNeedTo"`
	Impairments         []string `json:"impairments"`
}

func auditOfChild(d domain.ChildData) childAudit {
	imp := make([]string, len(d.Impairments))
	for i, k := range d.Impairments {
		imp[i] = string(k)
	}
	return childAudit{d.PersonalCode, d.FirstName, d.LastName, d.BirthDate.Format(domain.DateLayout), string(d.Sex), d.MunicipalityID,
		string(d.LivingArrangement), dateText(d.DisabilityFrom), dateText(d.DisabilityTo), dateText(d.SpecialCareNeedFrom),
		dateText(d.SpecialCareNeedTo), imp}
}

// dataOf returns the editable part of a child, as an update would give it.
func dataOf(c *domain.Child) domain.ChildData {
	return domain.ChildData{PersonalCode: string(c.PersonalCode), FirstName: c.FirstName, LastName: c.LastName, BirthDate: c.BirthDate,
		Sex: c.Sex, MunicipalityID: c.MunicipalityID, LivingArrangement: c.LivingArrangement, DisabilityFrom: c.DisabilityFrom,
		DisabilityTo: c.DisabilityTo, SpecialCareNeedFrom: c.SpecialCareNeedFrom, SpecialCareNeedTo: c.SpecialCareNeedTo, Impairments: c.Impairments}
}

func impairmentArray(kinds []domain.ImpairmentKind) pq.StringArray {
	out := make(pq.StringArray, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// errDuplicateCode is the answer to registering a personal code that is registered already,
// maybe in another municipality: it tells no more than that (not where, not whose), and the
// refusal is audited as a disclosure of the record (see auditDuplicate).
var errDuplicateCode = domain.FieldErrorf("personalCode",
	"this personal code is registered already; if the child has moved here, ask an administrator to move the record to your municipality").
	Because("registered")

func duplicateCode(err error) error {
	if isUniqueViolation(err) {
		return errDuplicateCode
	}
	return err
}

// auditDuplicate records that the caller learnt that a child with the code is registered:
// the refusal discloses the record's existence, so it is a read of it.
func (s *Store) auditDuplicate(ctx context.Context, code string) error {
	var existing struct {
		ID             int `db:"id"`
		MunicipalityID int `db:"municipality_id"`
	}
	if err := s.db.GetContext(ctx, &existing, `SELECT id, municipality_id FROM child WHERE personal_code = $1`, code); err != nil {
		return err
	}
	return appendAudit(ctx, s.db, auditEntry{action: domain.AuditRead, entityType: domain.EntityChild, entityID: id64(existing.ID),
		municipalityID: &existing.MunicipalityID, details: map[string]string{"refused": "registering a duplicate personal code"}})
}

// InsertChild registers a validated child and returns its id. A personal code registered
// already is refused (AuditDuplicate records, after the rollback, that the caller learnt so).
func InsertChild(ctx context.Context, tx *Tx, d domain.ChildData) (int, error) {
	var id int
	err := tx.QueryRowxContext(ctx, `INSERT INTO child (personal_code, first_name, last_name, birth_date, sex, municipality_id,
		living_arrangement, disability_from, disability_to, special_care_need_from, special_care_need_to, impairments)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		d.PersonalCode, d.FirstName, d.LastName, d.BirthDate, d.Sex, d.MunicipalityID, d.LivingArrangement,
		d.DisabilityFrom, d.DisabilityTo, d.SpecialCareNeedFrom, d.SpecialCareNeedTo, impairmentArray(d.Impairments)).Scan(&id)
	if isForeignKeyViolation(err) {
		return 0, domain.FieldErrorf("municipalityId", "no such municipality")
	}
	if err != nil {
		return 0, duplicateCode(err)
	}
	return id, appendAudit(ctx, tx, auditEntry{action: domain.AuditCreate, entityType: domain.EntityChild, entityID: id64(id),
		municipalityID: &d.MunicipalityID, after: auditOfChild(d)})
}

func (s *Store) childByID(ctx context.Context, id int) (*domain.Child, error) {
	return one(s.ChildrenByIDs(ctx, []int{id}))
}

// UpdateChild replaces the data of a child (held with ChildInScopeTx, lock set) by d.
func UpdateChild(ctx context.Context, tx *Tx, old *domain.Child, d domain.ChildData) error {
	_, err := tx.ExecContext(ctx, `UPDATE child SET personal_code = $2, first_name = $3, last_name = $4, birth_date = $5, sex = $6,
		municipality_id = $7, living_arrangement = $8, disability_from = $9, disability_to = $10, special_care_need_from = $11,
		special_care_need_to = $12, impairments = $13, version = version + 1
		WHERE id = $1`,
		old.ID, d.PersonalCode, d.FirstName, d.LastName, d.BirthDate, d.Sex, d.MunicipalityID, d.LivingArrangement,
		d.DisabilityFrom, d.DisabilityTo, d.SpecialCareNeedFrom, d.SpecialCareNeedTo, impairmentArray(d.Impairments))
	if isForeignKeyViolation(err) {
		return domain.FieldErrorf("municipalityId", "no such municipality")
	}
	if err != nil {
		return duplicateCode(err)
	}
	before, after := diff(auditOfChild(dataOf(old)), auditOfChild(d))
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityChild, entityID: id64(old.ID),
		municipalityID: &d.MunicipalityID, before: before, after: after})
}

// AuditDuplicate records, when err refused a child's personal code as registered already
// (after the refusing transaction was rolled back), that the caller learnt the record
// exists. It returns err, or the audit's failure.
func (s *Store) AuditDuplicate(ctx context.Context, err error, code string) error {
	if err == errDuplicateCode {
		if aerr := s.auditDuplicate(ctx, code); aerr != nil {
			return wrap("audit duplicate", aerr)
		}
	}
	return err
}

// Child returns a child by id, without a scope check: a record the caller wrote.
func (s *Store) Child(ctx context.Context, id int) (*domain.Child, error) {
	return s.childByID(ctx, id)
}

// codePrefix turns a search that looks like the start of a personal code (digits, with or
// without the hyphen) into the prefix of the canonical form "DDMMYY-NNNNN", which the index
// on personal_code serves; names never contain digits.
func codePrefix(q string) (string, bool) {
	digits := strings.ReplaceAll(q, "-", "")
	if len(digits) < 2 || len(digits) > 11 || strings.Trim(digits, "0123456789") != "" {
		return "", false
	}
	if len(digits) > 6 {
		return digits[:6] + "-" + digits[6:], true
	}
	return digits, true
}
