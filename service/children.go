package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// Children are the use cases of children's records.
type Children struct{ base }

// Create registers a child: the municipality's case workers (or an ADMIN).
func (c *Children) Create(ctx context.Context, d domain.ChildData) (*domain.Child, error) {
	if err := domain.CanEditCase(domain.ActorFrom(ctx), d.MunicipalityID); err != nil {
		return nil, err
	}
	if err := d.Validate(c.today()); err != nil {
		return nil, err
	}
	var id int
	err := c.store.InTx(ctx, func(tx *store.Tx) (err error) {
		id, err = store.InsertChild(ctx, tx, d)
		return err
	})
	if err = c.store.AuditDuplicate(ctx, err, d.PersonalCode); err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityChild, id)
	return c.store.Child(ctx, id)
}

// Update replaces a child's data at version; a worker may move a child only within their own
// municipalities (domain.CanChangeChild).
func (c *Children) Update(ctx context.Context, id, version int, d domain.ChildData) (*domain.Child, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := d.Validate(c.today()); err != nil {
		return nil, err
	}
	err = c.store.InTx(ctx, func(tx *store.Tx) error {
		old, err := store.ChildInScopeTx(ctx, tx, scope, id, true)
		if err != nil {
			return err
		}
		if err := domain.CanChangeChild(a, old.MunicipalityID, d.MunicipalityID); err != nil {
			return err
		}
		if err := domain.CheckVersion("child", old.Version, version); err != nil {
			return err
		}
		return store.UpdateChild(ctx, tx, old, d)
	})
	if err = c.store.AuditDuplicate(ctx, err, d.PersonalCode); err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityChild, id)
	return c.store.Child(ctx, id)
}

// Get returns a child the caller may see (else ENOTFOUND), an audited read.
func (c *Children) Get(ctx context.Context, id int) (*domain.Child, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	child, err := c.store.ChildInScope(ctx, scope, id)
	if err == nil {
		domain.AuditCaseRead(ctx, domain.EntityChild, child.ID, child.MunicipalityID)
	}
	return child, err
}

// List returns up to limit children the caller may see that match f (its scope is the
// caller's), in the caller's order (see CursorKey) after the key, and whether more follow;
// each is an audited read. Searching by name or code is refused to a pseudonymous scope.
func (c *Children) List(ctx context.Context, f domain.ChildFilter, after *store.ChildKey, limit int) ([]domain.Child, bool, error) {
	f, err := c.scoped(ctx, f)
	if err != nil {
		return nil, false, err
	}
	children, more, err := c.store.Children(ctx, f, after, limit)
	for _, ch := range children {
		domain.AuditCaseRead(ctx, domain.EntityChild, ch.ID, ch.MunicipalityID)
	}
	return children, more, err
}

// CursorKey is a listed child's position in the list's order (by id alone for a
// pseudonymous scope, whose cursors must not carry names).
func (c *Children) CursorKey(ctx context.Context, order domain.ChildOrder, child *domain.Child) store.ChildKey {
	scope, _ := domain.CanReadCases(domain.ActorFrom(ctx))
	return store.ChildKeyIn(scope, order, child)
}

// Count counts the children the caller may see that match f.
func (c *Children) Count(ctx context.Context, f domain.ChildFilter) (int, error) {
	f, err := c.scoped(ctx, f)
	if err != nil {
		return 0, err
	}
	return c.store.CountChildren(ctx, f)
}

// scoped returns f in the caller's scope.
func (c *Children) scoped(ctx context.Context, f domain.ChildFilter) (domain.ChildFilter, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return f, err
	}
	f.Scope = scope
	if f.Search != "" {
		err = domain.CanSearchByPersonalData(scope)
	}
	return f, err
}

// PossibleDuplicates returns the children the caller may see who may be the person described
// (domain.PossibleDuplicate); each is an audited read. Not for a pseudonymous scope.
func (c *Children) PossibleDuplicates(ctx context.Context, check domain.DuplicateCheck) ([]*domain.Child, error) {
	scope, err := domain.CanReadCases(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	if err := domain.CanSearchByPersonalData(scope); err != nil {
		return nil, err
	}
	if err := check.Validate(); err != nil {
		return nil, err
	}
	candidates, err := c.store.ChildrenBornOn(ctx, scope, &check)
	if err != nil {
		return nil, err
	}
	out := []*domain.Child{}
	for i := range candidates {
		if ch := &candidates[i]; domain.PossibleDuplicate(check, ch) {
			domain.AuditCaseRead(ctx, domain.EntityChild, ch.ID, ch.MunicipalityID)
			out = append(out, ch)
		}
	}
	return out, nil
}
