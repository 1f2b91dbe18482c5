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

// CreateParent registers a parent and links them to a child the caller may edit (checked by
// allowed on the locked child).
func (s *Store) CreateParent(ctx context.Context, scope domain.CaseScope, link domain.ParentLink, d domain.ParentData,
	allowed func(*domain.Child) error) (*domain.Parent, error) {
	var id int
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		child, err := childInScope(ctx, tx, scope, link.ChildID, true)
		if err != nil {
			return err
		}
		if err := allowed(child); err != nil {
			return err
		}
		err = tx.GetContext(ctx, &id, `INSERT INTO parent (personal_code, first_name, last_name, phone, email, address)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, d.PersonalCode, d.FirstName, d.LastName, d.Phone, d.Email, d.Address)
		if err != nil {
			return duplicateParentCode(err)
		}
		link.ParentID = id
		if err := insertLink(ctx, tx, link); err != nil {
			return err
		}
		return appendAudit(ctx, tx,
			auditEntry{action: domain.AuditCreate, entityType: domain.EntityParent, entityID: id64(id), municipalityID: &child.MunicipalityID, after: d},
			auditEntry{action: domain.AuditUpdate, entityType: domain.EntityChild, entityID: id64(child.ID), municipalityID: &child.MunicipalityID,
				after: map[string]any{"parentLinked": link}})
	})
	if err != nil {
		return nil, wrap("create parent", err)
	}
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

// UpdateParent replaces a parent's data at version; allowed decides on the children of the
// parent that the caller sees.
func (s *Store) UpdateParent(ctx context.Context, scope domain.CaseScope, id, version int, d domain.ParentData,
	allowed func(children []*domain.Child) error) (*domain.Parent, error) {
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		args := []any{id}
		var old []domain.Parent
		if err := tx.SelectContext(ctx, &old, `SELECT `+parentColumns+` FROM parent p WHERE p.id = $1 AND `+parentScopeSQL(scope, &args)+
			` FOR UPDATE OF p`, args...); err != nil {
			return err
		}
		if len(old) == 0 {
			return domain.NotFound("parent")
		}
		var childIDs []int
		if err := tx.SelectContext(ctx, &childIDs, `SELECT child_id FROM child_parent WHERE parent_id = $1`, id); err != nil {
			return err
		}
		var children []*domain.Child
		for _, cid := range childIDs {
			if c, err := childInScope(ctx, tx, scope, cid, false); err == nil {
				children = append(children, c)
			}
		}
		if err := allowed(children); err != nil {
			return err
		}
		if old[0].Version != version {
			return staleVersion("parent", old[0].Version)
		}
		_, err := tx.ExecContext(ctx, `UPDATE parent SET personal_code = $2, first_name = $3, last_name = $4, phone = $5, email = $6,
			address = $7, version = version + 1 WHERE id = $1`, id, d.PersonalCode, d.FirstName, d.LastName, d.Phone, d.Email, d.Address)
		if err != nil {
			return duplicateParentCode(err)
		}
		o := old[0]
		var code *string
		if o.PersonalCode != nil {
			c := string(*o.PersonalCode)
			code = &c
		}
		before, after := diff(domain.ParentData{PersonalCode: code, FirstName: o.FirstName, LastName: o.LastName, Phone: o.Phone,
			Email: o.Email, Address: o.Address}, d)
		return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityParent, entityID: id64(id),
			municipalityID: &children[0].MunicipalityID, before: before, after: after})
	})
	if err != nil {
		return nil, wrap("update parent", err)
	}
	return s.ParentInScope(ctx, domain.CaseScope{All: true}, id)
}

// LinkParent links a parent the caller sees (through another child) to a child they may edit.
func (s *Store) LinkParent(ctx context.Context, scope domain.CaseScope, link domain.ParentLink, allowed func(*domain.Child) error) error {
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		child, err := childInScope(ctx, tx, scope, link.ChildID, true)
		if err != nil {
			return err
		}
		if err := allowed(child); err != nil {
			return err
		}
		args := []any{link.ParentID}
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT count(*) FROM parent p WHERE p.id = $1 AND `+parentScopeSQL(scope, &args), args...); err != nil {
			return err
		}
		if n == 0 {
			return domain.NotFound("parent")
		}
		if err := insertLink(ctx, tx, link); err != nil {
			return err
		}
		return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityChild, entityID: id64(child.ID),
			municipalityID: &child.MunicipalityID, after: map[string]any{"parentLinked": link}})
	})
	return wrap("link parent", err)
}

// UnlinkParent removes a parent's link to a child the caller may edit.
func (s *Store) UnlinkParent(ctx context.Context, scope domain.CaseScope, childID, parentID int, allowed func(*domain.Child) error) error {
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		child, err := childInScope(ctx, tx, scope, childID, true)
		if err != nil {
			return err
		}
		if err := allowed(child); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM child_parent WHERE child_id = $1 AND parent_id = $2`, childID, parentID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("parent link")
		}
		return appendAudit(ctx, tx, auditEntry{action: domain.AuditUpdate, entityType: domain.EntityChild, entityID: id64(childID),
			municipalityID: &child.MunicipalityID, before: map[string]any{"parentLinked": parentID}, after: map[string]any{"parentLinked": nil}})
	})
	return wrap("unlink parent", err)
}
