package graph

import (
	"context"

	"atbalsts/domain"
	"atbalsts/graph/model"
)

// decideApplication runs a decision on an application.
func (r *Resolver) decideApplication(ctx context.Context, in model.DecideApplicationInput, next domain.ApplicationStatus) (*model.ApplicationPayload, error) {
	id, err := idOf("id", typeApplication, in.ID)
	if err != nil {
		return nil, err
	}
	app, err := r.Service.Applications.Decide(ctx, id, in.Version, next, in.Reason, in.DecidedOn)
	if err != nil {
		return nil, err
	}
	return &model.ApplicationPayload{Application: app}, nil
}

// newApplication decodes a received application.
func newApplication(in model.SubmitApplicationInput) (domain.Application, error) {
	app := domain.Application{SubmittedOn: in.SubmittedOn}
	var err error
	if app.ChildID, err = idOf("childId", typeChild, in.ChildID); err != nil {
		return app, err
	}
	if app.ProjectID, err = idOf("projectId", typeProject, in.ProjectID); err != nil {
		return app, err
	}
	app.ApplicantID, err = optionalID("applicantId", typeParent, in.ApplicantID)
	return app, err
}

// applicationFilter decodes the filter of applications (the service adds the caller's scope).
func applicationFilter(in *model.ApplicationFilter) (domain.ApplicationFilter, error) {
	var f domain.ApplicationFilter
	if in == nil {
		return f, nil
	}
	var err error
	f.Status = in.Status
	if f.ProjectID, err = optionalID("filter.projectId", typeProject, in.ProjectID); err != nil {
		return f, err
	}
	f.ChildID, err = optionalID("filter.childId", typeChild, in.ChildID)
	return f, err
}
