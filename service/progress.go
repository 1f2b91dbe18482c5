package service

import (
	"context"
	"time"

	"atbalsts/domain"
)

// Progress returns the progress of projects on day on (today when nil) towards their targets
// and through their funds: of the projects with the given ids in that order (an id the caller
// does not see is not found), or of every project in the caller's scope by code when ids is
// nil. Its figures are sums and counts, no persons: reading them is not audited.
func (p *Projects) Progress(ctx context.Context, ids []int, on *time.Time) ([]domain.ProjectProgress, error) {
	scope, err := domain.CanReadProgress(domain.ActorFrom(ctx))
	if err != nil {
		return nil, err
	}
	day := p.today()
	if on != nil {
		if err := domain.CheckDate("on", *on); err != nil {
			return nil, err
		}
		day = *on
	}
	if ids != nil {
		ids = distinct(ids)
		if len(ids) == 0 {
			return []domain.ProjectProgress{}, nil
		}
	}
	facts, err := p.store.ProjectProgress(ctx, scope, ids, day)
	if err != nil {
		return nil, err
	}
	byID := make(map[int]domain.ProgressFacts, len(facts))
	for _, f := range facts {
		byID[f.Project.ID] = f
	}
	if ids == nil {
		out := make([]domain.ProjectProgress, len(facts))
		for i, f := range facts {
			out[i] = domain.ProgressOf(f, day)
		}
		return out, nil
	}
	out := make([]domain.ProjectProgress, len(ids))
	for i, id := range ids {
		f, ok := byID[id]
		if !ok {
			return nil, &domain.Error{Code: domain.ENOTFOUND, Field: "projectIds", Message: "project not found"}
		}
		out[i] = domain.ProgressOf(f, day)
	}
	return out, nil
}

// distinct is ids without repeats, in the order of their first appearance.
func distinct(ids []int) []int {
	seen := make(map[int]bool, len(ids))
	out := make([]int, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
