package service

import (
	"context"

	"atbalsts/domain"
)

// wrote marks a record this request wrote: its change row (written by the store in the same
// transaction) records it, so reading it back adds no read row.
func wrote(ctx context.Context, entityType string, id int) {
	domain.AuditWrote(ctx, domain.AuditRef{EntityType: entityType, EntityID: int64(id)})
}
