package store

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"atbalsts/domain"
)

func dateText(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(domain.DateLayout)
	return &s
}

// parentColumns reads a parent with the municipality of their children (the lowest id,
// should they live in two), whose coordinator sees the audit rows of the parent's reads.
const parentColumns = `p.id, p.personal_code, p.first_name, p.last_name, p.phone, p.email, p.address, p.version,
	(SELECT min(xc.municipality_id) FROM child_parent xp JOIN child xc ON xc.id = xp.child_id WHERE xp.parent_id = p.id) AS municipality_id`

// ParentLinkRow is a child's link to a parent, with the parent.
type ParentLinkRow struct {
	domain.ParentLink
	Parent domain.Parent `db:"parent"`
}

// ParentLinksByChildIDs returns each child's parents (by last and first name), in key order.
func (s *Store) ParentLinksByChildIDs(ctx context.Context, childIDs []int) ([][]*ParentLinkRow, []error) {
	var rows []ParentLinkRow
	err := s.selectAll(ctx, &rows, `SELECT cp.child_id, cp.parent_id, cp.relation, cp.legal_representative,
		p.id AS "parent.id", p.personal_code AS "parent.personal_code", p.first_name AS "parent.first_name",
		p.last_name AS "parent.last_name", p.phone AS "parent.phone", p.email AS "parent.email",
		p.address AS "parent.address", p.version AS "parent.version"
		FROM child_parent cp JOIN parent p ON p.id = cp.parent_id
		WHERE cp.child_id = ANY($1) ORDER BY p.last_name, p.first_name, p.id`, pq.Array(childIDs))
	if err != nil {
		return nil, fill(len(childIDs), wrap("parents of children", err))
	}
	return groupByKey(childIDs, rows, func(r *ParentLinkRow) int { return r.ChildID }), nil
}

// parentScopeSQL: a parent is seen when one of their children is; a scope over every child
// sees every parent, also one no longer linked to any child.
func parentScopeSQL(scope domain.CaseScope, args *[]any) string {
	if scope.All {
		return "true"
	}
	return `EXISTS (SELECT 1 FROM child_parent x JOIN child c ON c.id = x.child_id WHERE x.parent_id = p.id AND ` +
		caseScopeSQL(scope, args) + `)`
}

// ParentInScope returns a parent of a child the scope sees, else ENOTFOUND.
func (s *Store) ParentInScope(ctx context.Context, scope domain.CaseScope, id int) (*domain.Parent, error) {
	args := []any{id}
	var rows []domain.Parent
	err := s.selectAll(ctx, &rows, `SELECT `+parentColumns+` FROM parent p WHERE p.id = $1 AND `+parentScopeSQL(scope, &args), args...)
	if err != nil {
		return nil, wrap("parent", err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("parent")
	}
	return &rows[0], nil
}

// ParentKey is the position of a parent in the list order.
type ParentKey = ChildKey

// Parents returns up to limit parents that match f, by name, after the key.
func (s *Store) Parents(ctx context.Context, f domain.ParentFilter, after *ParentKey, limit int) ([]domain.Parent, bool, error) {
	c := parentWhere(f)
	if after != nil {
		c.add("(p.last_name, p.first_name, p.id) > ($%d, $%d, $%d)", after.Last, after.First, after.ID)
	}
	query := `SELECT ` + parentColumns + ` FROM parent p` + c.sql() + ` ORDER BY p.last_name, p.first_name, p.id LIMIT ` + c.param(limit+1)
	var rows []domain.Parent
	err := s.selectAll(ctx, &rows, query, c.args...)
	if err != nil {
		return nil, false, wrap("parents", err)
	}
	return page(rows, limit)
}

// CountParents counts the parents that match f.
func (s *Store) CountParents(ctx context.Context, f domain.ParentFilter) (int, error) {
	c := parentWhere(f)
	var n int
	err := s.getOne(ctx, &n, `SELECT count(*) FROM parent p`+c.sql(), c.args...)
	return n, wrap("count parents", err)
}

func parentWhere(f domain.ParentFilter) *conds {
	c := &conds{}
	c.where = append(c.where, parentScopeSQL(f.Scope, &c.args))
	if q := strings.TrimSpace(f.Search); q != "" {
		if prefix, ok := codePrefix(q); ok {
			c.add("p.personal_code LIKE $%d", prefix+"%")
		} else {
			c.add(`(p.first_name ILIKE $%d OR p.last_name ILIKE $%[1]d
				OR (p.first_name || ' ' || p.last_name) ILIKE $%[1]d)`, "%"+escapeLike(q)+"%")
		}
	}
	return c
}

func duplicateParentCode(err error) error {
	if isUniqueViolation(err) {
		return domain.FieldErrorf("personalCode", "a parent with this personal code is registered already: link that record instead").
			Because("parentRegistered")
	}
	return err
}

// The writes of parents and their links: the service holds the child (ChildInScopeTx, lock
// set) or the parent (LockParent), decides, and calls these. Each writes its change rows to
// the audit log in the same transaction.

// InsertParent registers a parent and links them to the held child; it returns the parent's id.
func InsertParent(ctx context.Context, tx *Tx, child *domain.Child, link domain.ParentLink, d domain.ParentData) (int, error) {
	var id int
	err := tx.GetContext(ctx, &id, `INSERT INTO parent (personal_code, first_name, last_name, phone, email, address)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, d.PersonalCode, d.FirstName, d.LastName, d.Phone, d.Email, d.Address)
	if err != nil {
		return 0, duplicateParentCode(err)
	}
	link.ParentID = id
	if err := insertLink(ctx, tx, link); err != nil {
		return 0, err
	}
	return id, appendAudit(ctx, tx,
		auditEntry{action: domain.AuditCreate, entityType: domain.EntityParent, entityID: id64(id), municipalityID: &child.MunicipalityID, after: d},
		auditEntry{action: domain.AuditUpdate, entityType: domain.EntityChild, entityID: id64(child.ID), municipalityID: &child.MunicipalityID,
			after: map[string]any{"parentLinked": link}})
}

// Parent returns a parent by id, without a scope check: a record the caller wrote.
func (s *Store) Parent(ctx context.Context, id int) (*domain.Parent, error) {
	return s.ParentInScope(ctx, domain.CaseScope{All: true}, id)
}

func insertLink(ctx context.Context, tx *sqlx.Tx, l domain.ParentLink) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO child_parent (child_id, parent_id, relation, legal_representative) VALUES ($1, $2, $3, $4)`,
		l.ChildID, l.ParentID, l.Relation, l.LegalRepresentative)
	if isUniqueViolation(err) {
		return domain.FieldErrorf("parentId", "the parent is linked to the child already")
	}
	return err
}

// LockParent returns a parent the scope sees, locked against changes.
func LockParent(ctx context.Context, tx *Tx, scope domain.CaseScope, id int) (*domain.Parent, error) {
	args := []any{id}
	var rows []domain.Parent
	if err := tx.SelectContext(ctx, &rows, `SELECT `+parentColumns+` FROM parent p WHERE p.id = $1 AND `+parentScopeSQL(scope, &args)+
		` FOR UPDATE OF p`, args...); err != nil {
		return nil, wrap("lock parent", err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound("parent")
	}
	return &rows[0], nil
}

// ChildrenOfParent returns the parent's children that the scope sees (one statement for the
// links, one per child).
func ChildrenOfParent(ctx context.Context, tx *Tx, scope domain.CaseScope, parentID int) ([]*domain.Child, error) {
	var childIDs []int
	if err := tx.SelectContext(ctx, &childIDs, `SELECT child_id FROM child_parent WHERE parent_id = $1`, parentID); err != nil {
		return nil, wrap("children of parent", err)
	}
	var children []*domain.Child
	for _, cid := range childIDs {
		if c, err := childInScope(ctx, tx, scope, cid, false); err == nil {
			children = append(children, c)
		}
	}
	return children, nil
}

// UpdateParent replaces the data of a held parent by d; municipalityID is the municipality of
// the audit row (a child of the parent's that the caller sees).
func UpdateParent(ctx context.Context, tx *Tx, old *domain.Parent, municipalityID int, d domain.ParentData) error {
	_, err := tx.ExecContext(ctx, `UPDATE parent SET personal_code = $2, first_name = $3, last_name = $4, phone = $5, email = $6,
		address = $7, version = version + 1 WHERE id = $1`, old.ID, d.PersonalCode, d.FirstName, d.LastName, d.Phone, d.Email, d.Address)
	if err != nil {
		return duplicateParentCode(err)
	}
	var code *string
	if old.PersonalCode != nil {
		c := string(*old.PersonalCode)
		code = &c
	}
	before, after := diff(domain.ParentData{PersonalCode: code, FirstName: old.FirstName, LastName: old.LastName, Phone: old.Phone,
		Email: old.Email, Address: old.Address}, d)
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityParent, entityID: id64(old.ID),
		municipalityID: &municipalityID, before: before, after: after})
}

// ParentVisible returns ENOTFOUND unless the scope sees the parent (through one of their
// children).
func ParentVisible(ctx context.Context, tx *Tx, scope domain.CaseScope, parentID int) error {
	args := []any{parentID}
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM parent p WHERE p.id = $1 AND `+parentScopeSQL(scope, &args), args...); err != nil {
		return wrap("parent", err)
	}
	if n == 0 {
		return domain.NotFound("parent")
	}
	return nil
}

// InsertLink links a parent to the held child.
func InsertLink(ctx context.Context, tx *Tx, child *domain.Child, link domain.ParentLink) error {
	if err := insertLink(ctx, tx, link); err != nil {
		return err
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityChild, entityID: id64(child.ID),
		municipalityID: &child.MunicipalityID, after: map[string]any{"parentLinked": link}})
}

// DeleteLink removes a parent's link to the held child; ENOTFOUND when there is none.
func DeleteLink(ctx context.Context, tx *Tx, child *domain.Child, parentID int) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM child_parent WHERE child_id = $1 AND parent_id = $2`, child.ID, parentID)
	if err != nil {
		return wrap("unlink parent", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("parent link")
	}
	return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityChild, entityID: id64(child.ID),
		municipalityID: &child.MunicipalityID, before: map[string]any{"parentLinked": parentID}, after: map[string]any{"parentLinked": nil}})
}
