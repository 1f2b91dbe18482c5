package service

import (
	"context"

	"atbalsts/domain"
	"atbalsts/store"
)

// Projects are the use cases of the projects in the catalogue: an ADMIN sets them up; every
// signed-in user reads them.
type Projects struct{ base }

// Create creates a project with its funding, partners, targets and cap rules.
func (p *Projects) Create(ctx context.Context, np domain.NewProject) (*domain.Project, error) {
	if err := domain.CanManageCatalogue(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	if err := np.Validate(); err != nil {
		return nil, err
	}
	var id int
	err := p.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		id, err = store.InsertProject(ctx, tx, np)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p.store.Project(ctx, id)
}

// AddCapRule adds a cap rule to a project.
func (p *Projects) AddCapRule(ctx context.Context, projectID int, rule domain.CapRule) (*domain.Project, error) {
	if err := domain.CanManageCatalogue(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	if err := rule.Validate(); err != nil {
		return nil, err
	}
	err := p.store.InTx(ctx, func(tx *store.Tx) error {
		return store.InsertCapRule(ctx, tx, projectID, rule)
	})
	if err != nil {
		return nil, err
	}
	return p.store.Project(ctx, projectID)
}

// Amend amends a project at version (see domain.Project.Amend) and records the amendment in
// its history: ADMIN, or the coordinator of the lead region.
func (p *Projects) Amend(ctx context.Context, projectID, version int, am domain.Amendment) (*domain.Project, error) {
	a := domain.ActorFrom(ctx)
	if err := domain.RequireSignedIn(a); err != nil {
		return nil, err
	}
	for i := range am.AddCapRules {
		if err := am.AddCapRules[i].Validate(); err != nil {
			return nil, err
		}
	}
	err := p.store.InTx(ctx, func(tx *store.Tx) error {
		old, err := store.LockProject(ctx, tx, projectID)
		if err != nil {
			return err
		}
		if err := domain.CanAmendProject(a, old); err != nil {
			return err
		}
		if err := domain.CheckVersion("project", old.Version, version); err != nil {
			return err
		}
		facts, err := store.AmendmentFacts(ctx, tx, old, am)
		if err != nil {
			return err
		}
		next, changes, day, err := old.Amend(am, facts, p.today())
		if err != nil {
			return err
		}
		return store.AmendProject(ctx, tx, old, &next, am, changes, day)
	})
	if err != nil {
		return nil, err
	}
	return p.store.Project(ctx, projectID)
}

// List returns up to limit projects that match f, by code, after the key, and whether more
// follow.
func (p *Projects) List(ctx context.Context, f domain.ProjectFilter, after *store.ProjectKey, limit int) ([]domain.Project, bool, error) {
	if err := domain.CanReadProjects(domain.ActorFrom(ctx)); err != nil {
		return nil, false, err
	}
	return p.store.Projects(ctx, f, after, limit)
}

// Count counts the projects that match f.
func (p *Projects) Count(ctx context.Context, f domain.ProjectFilter) (int, error) {
	if err := domain.CanReadProjects(domain.ActorFrom(ctx)); err != nil {
		return 0, err
	}
	return p.store.CountProjects(ctx, f)
}

// Providers are the use cases of provider organisations and their prices: an ADMIN sets them
// up; every signed-in user reads them.
type Providers struct{ base }

// Create adds a provider organisation.
func (p *Providers) Create(ctx context.Context, name, registrationNumber string) (*domain.Provider, error) {
	if err := domain.CanManageCatalogue(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	name, registrationNumber = domain.NormalizeProvider(name, registrationNumber)
	if err := domain.ValidateProvider(name, registrationNumber); err != nil {
		return nil, err
	}
	var created *domain.Provider
	err := p.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		created, err = store.InsertProvider(ctx, tx, name, registrationNumber)
		return err
	})
	if err != nil {
		return nil, err
	}
	return created, nil
}

// SetPrice sets a provider's price of a service type from a date on (replacing a price from
// the same date).
func (p *Providers) SetPrice(ctx context.Context, price domain.ProviderPrice) error {
	if err := domain.CanManageCatalogue(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	if err := price.Validate(); err != nil {
		return err
	}
	return p.store.InTx(ctx, func(tx *store.Tx) error {
		return store.UpsertProviderPrice(ctx, tx, price)
	})
}

// List returns up to limit providers by name after the key, and whether more follow.
func (p *Providers) List(ctx context.Context, after *store.ProviderKey, limit int) ([]domain.Provider, bool, error) {
	if err := domain.CanListProviders(domain.ActorFrom(ctx)); err != nil {
		return nil, false, err
	}
	return p.store.Providers(ctx, after, limit)
}

// Count counts the providers.
func (p *Providers) Count(ctx context.Context) (int, error) {
	if err := domain.CanListProviders(domain.ActorFrom(ctx)); err != nil {
		return 0, err
	}
	return p.store.CountProviders(ctx)
}
