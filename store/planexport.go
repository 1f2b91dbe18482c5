package store

import (
	"context"

	"atbalsts/domain"
)

// AuditPlanExport records that the caller downloaded a plan's revision as a document in the
// format (an EXPORT row of the revision), and, since the document names the child, a READ row
// of the child, both under the child's municipality, as its case records' rows are.
func (s *Store) AuditPlanExport(ctx context.Context, plan *domain.SupportPlan, revisionID int, format string) error {
	m := plan.MunicipalityID
	return appendAudit(ctx, s.db,
		auditEntry{action: domain.AuditExport, entityType: domain.EntityPlanRevision, entityID: id64(revisionID), municipalityID: &m,
			details: map[string]any{"format": format, "planId": plan.ID}},
		auditEntry{action: domain.AuditRead, entityType: domain.EntityChild, entityID: id64(plan.ChildID), municipalityID: &m,
			details: map[string]any{"export": format}})
}
