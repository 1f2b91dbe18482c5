package graph

import (
	"context"
	"strconv"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// draftContent decodes the plan editor's input.
func draftContent(in *model.UpdatePlanDraftInput) (domain.DraftContent, error) {
	d := domain.DraftContent{ValidFrom: in.ValidFrom, ValidTo: in.ValidTo, Budget: in.Budget}
	for _, g := range in.Goals {
		goal := domain.PlanGoal{Text: g.Text, Indicator: g.Indicator, TargetDate: g.TargetDate, Status: g.Status}
		if g.Key != nil {
			goal.Key = *g.Key
		}
		d.Goals = append(d.Goals, goal)
	}
	for i, l := range in.Lines {
		st, err := idOf("lines."+strconv.Itoa(i)+".serviceTypeId", typeServiceType, l.ServiceTypeID)
		if err != nil {
			return d, err
		}
		provider, err := optionalID("lines."+strconv.Itoa(i)+".providerId", typeProvider, l.ProviderID)
		if err != nil {
			return d, err
		}
		line := domain.DraftLine{ServiceTypeID: st, Recipient: l.Recipient, ProviderID: provider, PlannedUnits: l.PlannedUnits}
		if l.Key != nil {
			line.Key = *l.Key
		}
		d.Lines = append(d.Lines, line)
	}
	return d, nil
}

// stepPlan runs a workflow step named by the input.
func (r *Resolver) stepPlan(ctx context.Context, in model.PlanTransitionInput, step domain.PlanStep) (*model.PlanRevisionPayload, error) {
	id, err := idOf("revisionId", typePlanRevision, in.RevisionID)
	if err != nil {
		return nil, err
	}
	rev, err := r.Service.Plans.Step(ctx, id, in.Version, step, in.Comment, in.DecidedOn)
	if err != nil {
		return nil, err
	}
	return &model.PlanRevisionPayload{Revision: rev}, nil
}

// planFilter decodes the filter of supportPlans.
func planFilter(in *model.SupportPlanFilter) (domain.SupportPlanFilter, error) {
	var f domain.SupportPlanFilter
	if in == nil {
		return f, nil
	}
	var err error
	f.Status = in.Status
	if f.ProjectID, err = optionalID("filter.projectId", typeProject, in.ProjectID); err != nil {
		return f, err
	}
	f.ChildID, err = optionalID("filter.childId", typeChild, in.ChildID)
	f.AwaitingApproval = in.AwaitingApproval != nil && *in.AwaitingApproval
	return f, err
}
