package graph

import (
	"context"

	"atbalsts/domain"
	"atbalsts/graph/loader"
)

// primeRegions primes the loader with the regions (a municipality's region is one of them) and
// queues their municipalities now, so that that batch does not wait for the timer.
func primeRegions(ctx context.Context, regions []domain.Region) []*domain.Region {
	out := make([]*domain.Region, len(regions))
	ids := make([]int, len(regions))
	l := loader.For(ctx)
	for i := range regions {
		out[i], ids[i] = &regions[i], regions[i].ID
		l.RegionByID.Prime(out[i].ID, out[i])
	}
	l.MunicipalitiesByRegionID.LoadAllThunk(ctx, ids)
	return out
}

// regionIDs are the regions of the municipalities, each once.
func regionIDs(ms []*domain.Municipality) []int {
	seen := map[int]bool{}
	var ids []int
	for _, m := range ms {
		if !seen[m.RegionID] {
			seen[m.RegionID] = true
			ids = append(ids, m.RegionID)
		}
	}
	return ids
}
