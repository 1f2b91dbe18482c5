package graph

import (
	"strings"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// municipalityFilter turns the GraphQL filter into the domain's.
func municipalityFilter(in *model.MunicipalityFilter) (domain.MunicipalityFilter, error) {
	var f domain.MunicipalityFilter
	if in == nil {
		return f, nil
	}
	if in.RegionID != nil {
		id, err := idOf("filter.regionId", typePlanningRegion, *in.RegionID)
		if err != nil {
			return f, err
		}
		f.RegionID = &id
	}
	if in.NameContains != nil {
		f.NameContains = strings.TrimSpace(*in.NameContains)
	}
	f.ActiveOn = in.ActiveOn
	return f, nil
}
