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

// read records that the caller read a case record of a child in a municipality (the
// coordinators who see the record see the row).
func read(ctx context.Context, entityType string, id, municipalityID int) {
	m := municipalityID
	domain.AuditReads(ctx, domain.AuditRef{EntityType: entityType, EntityID: int64(id), MunicipalityID: &m})
}
