package graph

import (
	"atbalsts/domain"
	"atbalsts/graph/model"
)

// newProject decodes a project to create.
func newProject(in model.CreateProjectInput) (domain.NewProject, error) {
	region, err := idOf("leadRegionId", typePlanningRegion, in.LeadRegionID)
	if err != nil {
		return domain.NewProject{}, err
	}
	np := domain.NewProject{Project: domain.Project{Code: in.Code, Name: in.Name, LeadRegionID: region, StartDate: in.StartDate,
		EndDate: in.EndDate, TotalBudget: in.TotalBudget}}
	for _, f := range in.FundingSources {
		bp, err := domain.ParseSharePercent(f.SharePercent)
		if err != nil {
			return np, err
		}
		np.FundingSources = append(np.FundingSources, domain.FundingSource{Code: f.Code, ShareBP: bp})
	}
	for _, m := range in.PartnerMunicipalityIds {
		id, err := idOf("partnerMunicipalityIds", typeMunicipality, m)
		if err != nil {
			return np, err
		}
		np.PartnerMunicipalityIDs = append(np.PartnerMunicipalityIDs, id)
	}
	for _, t := range in.Targets {
		np.Targets = append(np.Targets, domain.ProjectTarget{Group: t.Group, Count: t.Count})
	}
	for _, c := range in.CapRules {
		np.CapRules = append(np.CapRules, capRule(c))
	}
	return np, nil
}

// projectFilter decodes a project list filter.
func projectFilter(in *model.ProjectFilter) (domain.ProjectFilter, error) {
	var f domain.ProjectFilter
	if in == nil {
		return f, nil
	}
	var err error
	if f.LeadRegionID, err = optionalID("filter.leadRegionId", typePlanningRegion, in.LeadRegionID); err != nil {
		return f, err
	}
	if f.PartnerMunicipalityID, err = optionalID("filter.partnerMunicipalityId", typeMunicipality, in.PartnerMunicipalityID); err != nil {
		return f, err
	}
	f.ActiveOn = in.ActiveOn
	return f, nil
}

// providerPrice decodes a provider's price.
func providerPrice(in model.SetProviderPriceInput) (domain.ProviderPrice, error) {
	pid, err := idOf("providerId", typeProvider, in.ProviderID)
	if err != nil {
		return domain.ProviderPrice{}, err
	}
	st, err := idOf("serviceTypeId", typeServiceType, in.ServiceTypeID)
	if err != nil {
		return domain.ProviderPrice{}, err
	}
	return domain.ProviderPrice{ProviderID: pid, ServiceTypeID: st, UnitPrice: in.UnitPrice, ValidFrom: in.ValidFrom}, nil
}

// projectPermissions answers Project.viewerCan with the rules the services apply.
func projectPermissions(a domain.Actor, p *domain.Project) *model.ProjectPermissions {
	return &model.ProjectPermissions{Manage: domain.CanAmendProject(a, p) == nil}
}

// amendment decodes an amendment of a project; nil lists stay as they are.
func amendment(in model.AmendProjectInput) (domain.Amendment, error) {
	am := domain.Amendment{Reason: in.Reason, DecidedOn: in.DecidedOn, Name: in.Name, StartDate: in.StartDate, EndDate: in.EndDate,
		TotalBudget: in.TotalBudget}
	if in.FundingSources != nil {
		am.FundingSources = []domain.FundingSource{}
		for _, f := range in.FundingSources {
			bp, err := domain.ParseSharePercent(f.SharePercent)
			if err != nil {
				return am, err
			}
			am.FundingSources = append(am.FundingSources, domain.FundingSource{Code: f.Code, ShareBP: bp})
		}
	}
	if in.PartnerMunicipalityIds != nil {
		am.PartnerMunicipalityIDs = []int{}
		for _, m := range in.PartnerMunicipalityIds {
			id, err := idOf("partnerMunicipalityIds", typeMunicipality, m)
			if err != nil {
				return am, err
			}
			am.PartnerMunicipalityIDs = append(am.PartnerMunicipalityIDs, id)
		}
	}
	if in.Targets != nil {
		am.Targets = []domain.ProjectTarget{}
		for _, t := range in.Targets {
			am.Targets = append(am.Targets, domain.ProjectTarget{Group: t.Group, Count: t.Count})
		}
	}
	for _, c := range in.AddCapRules {
		am.AddCapRules = append(am.AddCapRules, capRule(c))
	}
	return am, nil
}
