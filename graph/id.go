package graph

import (
	"encoding/base64"
	"strconv"
	"strings"

	"atbalsts/domain"
)

// Global IDs are opaque to clients: base64url of "Type:id". Clients must not build them;
// the type prefix lets node(id) find the object and stops an id of one type being used as
// another's.

// Type names inside global IDs; they match the GraphQL type names.
const (
	typePlanningRegion = "PlanningRegion"
	typeMunicipality   = "Municipality"
	typeServiceType    = "ServiceType"
	typeUser           = domain.EntityUser
	typeProvider       = "Provider"
	typeAPIToken       = domain.EntityAPIToken
	typeAuditEvent     = "AuditEvent"
)

func globalID(typ string, id int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + strconv.Itoa(id)))
}

// parseGlobalID returns the type and database id inside a global ID.
func parseGlobalID(gid string) (string, int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(gid)
	if err == nil {
		typ, num, ok := strings.Cut(string(raw), ":")
		// Database ids are 32-bit: a larger number names nothing (and must not reach SQL).
		if id, err := strconv.ParseInt(num, 10, 32); ok && err == nil && id > 0 {
			return typ, int(id), nil
		}
	}
	return "", 0, domain.Errorf(domain.EINVALID, "%q is not an id of this API", gid)
}

// idOf returns the database id inside a global ID that must be of type typ.
func idOf(field, typ, gid string) (int, error) {
	t, id, err := parseGlobalID(gid)
	if err == nil && t != typ {
		err = domain.Errorf(domain.EINVALID, "%q is not the id of a %s", gid, typ)
	}
	if err != nil {
		e := err.(*domain.Error)
		e.Field = field
		return 0, e
	}
	return id, nil
}

// GlobalID is the opaque global ID of an object of GraphQL type typ with database id id, for
// code outside the GraphQL layer (tests, links) that must name one.
func GlobalID(typ string, id int) string { return globalID(typ, id) }

// ParseGlobalID returns the GraphQL type name and the database id inside a global ID, for
// code outside the GraphQL layer (a download's URL) that is given one; an id that is not of
// this API is EINVALID.
func ParseGlobalID(gid string) (typ string, id int, err error) { return parseGlobalID(gid) }
