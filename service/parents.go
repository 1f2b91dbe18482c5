package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// Parents are the use cases of parents (and legal representatives) and their links to
// children.
type Parents struct{ base }

// Create registers a parent and links them to a child in the caller's case work; it returns
// the parent and the child as they are now.
func (p *Parents) Create(ctx context.Context, link domain.ParentLink, d domain.ParentData) (*domain.Parent, *domain.Child, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, nil, err
	}
	if err := domain.ValidateRelation(link.Relation); err != nil {
		return nil, nil, err
	}
	if err := d.Validate(); err != nil {
		return nil, nil, err
	}
	var id int
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		child, err := p.editChild(ctx, tx, a, scope, link.ChildID)
		if err != nil {
			return err
		}
		id, err = store.InsertParent(ctx, tx, child, link, d)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	wrote(ctx, domain.EntityParent, id)
	wrote(ctx, domain.EntityChild, link.ChildID) // its link is the child's change row
	parent, err := p.store.Parent(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	// The child is marked written: reading it back is no read of the record.
	child, err := p.store.ChildInScope(ctx, scope, link.ChildID)
	return parent, child, err
}

// editChild holds a child the scope sees and checks that the caller may change its case.
func (b base) editChild(ctx context.Context, tx *store.Tx, a domain.Actor, scope domain.CaseScope, childID int) (*domain.Child, error) {
	child, err := store.ChildInScopeTx(ctx, tx, scope, childID, true)
	if err != nil {
		return nil, err
	}
	return child, domain.CanEditCase(a, child.MunicipalityID)
}

// Update replaces a parent's data at version: one of the parent's children must be in the
// caller's case work (domain.CanEditParent).
func (p *Parents) Update(ctx context.Context, id, version int, d domain.ParentData) (*domain.Parent, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		old, err := store.LockParent(ctx, tx, scope, id)
		if err != nil {
			return err
		}
		children, err := store.ChildrenOfParent(ctx, tx, scope, id)
		if err != nil {
			return err
		}
		if err := domain.CanEditParent(a, children); err != nil {
			return err
		}
		if err := domain.CheckVersion("parent", old.Version, version); err != nil {
			return err
		}
		return store.UpdateParent(ctx, tx, old, children[0].MunicipalityID, d)
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityParent, id)
	return p.store.Parent(ctx, id)
}

// Link links a parent the caller sees (through another child) to a child in their case work,
// and returns the child as it is now.
func (p *Parents) Link(ctx context.Context, link domain.ParentLink) (*domain.Child, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	if err := domain.ValidateRelation(link.Relation); err != nil {
		return nil, err
	}
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		child, err := p.editChild(ctx, tx, a, scope, link.ChildID)
		if err != nil {
			return err
		}
		if err := store.ParentVisible(ctx, tx, scope, link.ParentID); err != nil {
			return err
		}
		return store.InsertLink(ctx, tx, child, link)
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityChild, link.ChildID)
	return p.store.ChildInScope(ctx, scope, link.ChildID)
}

// Unlink removes a parent's link to a child in the caller's case work (the parent's record
// stays), and returns the child as it is now.
func (p *Parents) Unlink(ctx context.Context, childID, parentID int) (*domain.Child, error) {
	a := domain.ActorFrom(ctx)
	scope, err := domain.CanReadCases(a)
	if err != nil {
		return nil, err
	}
	err = p.store.InTx(ctx, func(tx *store.Tx) error {
		child, err := p.editChild(ctx, tx, a, scope, childID)
		if err != nil {
			return err
		}
		return store.DeleteLink(ctx, tx, child, parentID)
	})
	if err != nil {
		return nil, err
	}
	wrote(ctx, domain.EntityChild, childID)
	return p.store.ChildInScope(ctx, scope, childID)
}

// Get returns a parent the caller may see (else ENOTFOUND, also to analysts), an audited read.
func (p *Parents) Get(ctx context.Context, id int) (*domain.Parent, error) {
	scope, err := domain.CanReadParents(domain.ActorFrom(ctx))
	if domain.ErrorCode(err) == domain.EFORBIDDEN {
		return nil, domain.NotFound("parent") // as if there were none: an analyst's node(id)
	}
	if err != nil {
		return nil, err
	}
	parent, err := p.store.ParentInScope(ctx, scope, id)
	if err == nil {
		readParent(ctx, parent)
	}
	return parent, err
}

// readParent records that the caller read a parent's record. A parent no longer linked to a
// child has no municipality: only ADMIN sees the row.
func readParent(ctx context.Context, p *domain.Parent) {
	domain.AuditReads(ctx, domain.AuditRef{EntityType: domain.EntityParent, EntityID: int64(p.ID), MunicipalityID: p.MunicipalityID})
}

// List returns up to limit parents the caller may see that match f (its scope is the
// caller's), by name after the key, and whether more follow; each is an audited read. Not for
// analysts.
func (p *Parents) List(ctx context.Context, f domain.ParentFilter, after *store.ParentKey, limit int) ([]domain.Parent, bool, error) {
	scope, err := domain.CanReadParents(domain.ActorFrom(ctx))
	if err != nil {
		return nil, false, err
	}
	f.Scope = scope
	parents, more, err := p.store.Parents(ctx, f, after, limit)
	for i := range parents {
		readParent(ctx, &parents[i])
	}
	return parents, more, err
}

// Count counts the parents the caller may see that match f.
func (p *Parents) Count(ctx context.Context, f domain.ParentFilter) (int, error) {
	scope, err := domain.CanReadParents(domain.ActorFrom(ctx))
	if err != nil {
		return 0, err
	}
	f.Scope = scope
	return p.store.CountParents(ctx, f)
}
