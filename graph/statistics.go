package graph

import (
	"context"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// statistics answers the statistics query (not built yet).
func (r *queryResolver) statistics(ctx context.Context, filter model.StatisticsFilter, groupBy []model.StatisticsDimension) (*model.StatisticsResult, error) {
	return nil, domain.Errorf(domain.EINTERNAL, "statistics are not built yet")
}
