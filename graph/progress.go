package graph

import (
	"context"
	"time"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// projectProgress answers the projectProgress query: the service reads and decides, this
// decodes the ids and encodes the progress.
func (r *queryResolver) projectProgress(ctx context.Context, projectIDs []string, on *time.Time) ([]*model.ProjectProgress, error) {
	var ids []int
	if projectIDs != nil {
		ids = make([]int, len(projectIDs))
		for i, gid := range projectIDs {
			var err error
			if ids[i], err = idOf("projectIds", typeProject, gid); err != nil {
				return nil, err
			}
		}
	}
	progress, err := r.Service.Projects.Progress(ctx, ids, on)
	if err != nil {
		return nil, err
	}
	out := make([]*model.ProjectProgress, len(progress))
	for i, p := range progress {
		out[i] = &model.ProjectProgress{Project: p.Project, On: p.On, Funds: fundsProgress(p.Funds),
			Targets: make([]*model.TargetProgress, len(p.Targets)), Partners: make([]*model.PartnerFunds, len(p.Partners))}
		for j, t := range p.Targets {
			out[i].Targets[j] = &model.TargetProgress{Group: t.Group, Planned: t.Planned, Achieved: t.Achieved, Recorded: t.Recorded}
		}
		for j, pf := range p.Partners {
			out[i].Partners[j] = &model.PartnerFunds{Municipality: &p.Partners[j].Municipality, Funds: fundsProgress(pf.Funds)}
		}
	}
	return out, nil
}

// fundsProgress encodes money with its forecast (none for a part of a project).
func fundsProgress(f domain.FundsProgress) *model.FundsProgress {
	out := &model.FundsProgress{Budget: f.Budget, Committed: f.Committed, Delivered: f.Delivered, Claimed: f.Claimed, Paid: f.Paid,
		MonthlyPace: f.MonthlyPace, ByMonth: make([]*model.MonthAmount, len(f.ByMonth))}
	for i, m := range f.ByMonth {
		out.ByMonth[i] = &model.MonthAmount{Month: m.Month.Format(domain.MonthLayout), Amount: m.Amount, Cumulative: m.Cumulative}
	}
	if fc := f.Forecast; fc != nil {
		out.Remaining, out.UnspentAtEnd = &fc.Remaining, &fc.UnspentAtEnd
		if fc.ExhaustedIn != nil {
			month := fc.ExhaustedIn.Format(domain.MonthLayout)
			out.ExhaustedIn = &month
		}
	}
	return out
}
