package graph

import (
	"strconv"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// team decodes an assessment team.
func team(in []*model.TeamMemberInput) []domain.TeamMember {
	out := make([]domain.TeamMember, len(in))
	for i, m := range in {
		out[i] = domain.TeamMember{Name: m.Name, Specialty: m.Specialty}
	}
	return out
}

// assessmentRecord decodes what an assessor records.
func assessmentRecord(in model.RecordAssessmentInput) (domain.AssessmentRecord, error) {
	rec := domain.AssessmentRecord{Team: team(in.Team)}
	for _, f := range in.Findings {
		rec.Findings = append(rec.Findings, domain.Finding{Area: f.Area, Qualifier: f.Qualifier, Note: f.Note})
	}
	for i, x := range in.Recommendations {
		st, err := idOf("recommendations."+strconv.Itoa(i)+".serviceTypeId", typeServiceType, x.ServiceTypeID)
		if err != nil {
			return rec, err
		}
		rec.Recommendations = append(rec.Recommendations, domain.Recommendation{ServiceTypeID: st, Recipient: x.Recipient, Units: x.Units, Note: x.Note})
	}
	return rec, nil
}

// assessmentFilter decodes the filter of assessments (the service adds the caller's scope).
func assessmentFilter(in *model.AssessmentFilter) (domain.AssessmentFilter, error) {
	var f domain.AssessmentFilter
	if in == nil {
		return f, nil
	}
	var err error
	f.Status = in.Status
	if f.ProviderID, err = optionalID("filter.providerId", typeProvider, in.ProviderID); err != nil {
		return f, err
	}
	f.ChildID, err = optionalID("filter.childId", typeChild, in.ChildID)
	return f, err
}
