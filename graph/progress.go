package graph

import (
	"context"
	"time"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// projectProgress answers the projectProgress query (not built yet).
func (r *queryResolver) projectProgress(ctx context.Context, projectIDs []string, on *time.Time) ([]*model.ProjectProgress, error) {
	return nil, domain.Errorf(domain.EINTERNAL, "project progress is not built yet")
}
