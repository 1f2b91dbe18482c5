package domain

import (
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"slices"
	"time"
)

// The offline package and delta sync of mobile clients live in this file: who gets one, what
// an entry holds, and the cursor that says what a device holds.
//
// The sync is by content: the server computes each child's entry as of now, with a version
// (a hash of the entry), and the cursor lists the (child, version) pairs the device holds.
// `changes` then sends the entries that are new or whose version differs and tombstones for
// the children the device holds that are no longer in the caller's package, whatever the
// reason (a plan closed, a line moved to another provider, the child moved away, the user's
// scope changed). Nothing is kept per device on the server, and a cursor tells nothing the
// caller could not ask anyway: forging one only costs the forger a download.

// Offline page limits: what one answer holds at most (the query's cost counts them).
const (
	OfflinePageChildren = 20
	OfflinePageRemoved  = 500
)

// OfflineWindow is the days whose plans the package holds: an active plan whose period ended
// more than a month ago is of no use in the field (a late entry of last month's session still
// is), nor is one that begins more than a month ahead; the API records for such plans all
// the same.
func OfflineWindow(today time.Time) (from, to time.Time) {
	return today.AddDate(0, -1, 0), today.AddDate(0, 1, 0)
}

// OfflineScope is whose package the caller gets: the lines of a provider (specialist), or
// the children of municipalities (worker).
type OfflineScope struct {
	ProviderID      int   // PROVIDER_SPECIALIST: the lines of this provider
	MunicipalityIDs []int // MUNICIPALITY_WORKER: every line of children declared here
}

// CanSyncOffline: the package is for those who record sessions in the field, specialists and
// municipal workers. ADMIN records too, but a national package is no device's business.
func CanSyncOffline(a Actor) (OfflineScope, error) {
	if err := requireRole(a, RoleProviderSpecialist, RoleMunicipalityWorker); err != nil {
		return OfflineScope{}, Errorf(EFORBIDDEN, "the offline package is for provider specialists and municipal workers")
	}
	if a.Role == RoleProviderSpecialist {
		return OfflineScope{ProviderID: a.ProviderID}, nil
	}
	return OfflineScope{MunicipalityIDs: a.MunicipalityIDs}, nil
}

// OfflineChild is a child's entry in the package: what recognises the child and what
// recording needs, as of the package's moment.
type OfflineChild struct {
	ID             int             `json:"id"`
	FirstName      string          `json:"firstName"`
	LastName       string          `json:"lastName"`
	BirthDate      time.Time       `json:"birthDate"`
	MunicipalityID int             `json:"municipalityId"`
	Parents        []OfflineParent `json:"parents"`
	Plans          []OfflinePlan   `json:"plans"`
	Caps           []CapUsage      `json:"caps"`
	RegionID       int             `json:"-"` // for the audit row
}

// OfflineParent is a parent who may receive a session for the parents.
type OfflineParent struct {
	ID        int    `json:"id"`
	FirstName string `json:"firstName"`
	LastName  string `json:"lastName"`
}

// OfflinePlan is an active plan with the lines the caller may record for.
type OfflinePlan struct {
	ID              int           `json:"id"`
	Kind            PlanKind      `json:"kind"`
	ProjectID       int           `json:"projectId"`
	ValidFrom       time.Time     `json:"validFrom"`
	ValidTo         time.Time     `json:"validTo"`
	Budget          Money         `json:"budget"`
	BudgetRemaining Money         `json:"budgetRemaining"`
	Lines           []OfflineLine `json:"lines"`
}

// OfflineLine is a line of an active plan with what remains of it and today's price.
type OfflineLine struct {
	Key            string      `json:"key"`
	ServiceTypeID  int         `json:"serviceTypeId"`
	Recipient      Recipient   `json:"recipient"`
	ProviderID     *int        `json:"providerId"`
	PlannedUnits   int         `json:"plannedUnits"`
	RemainingUnits int         `json:"remainingUnits"`
	UnitPrice      Money       `json:"unitPrice"`
	PriceSource    PriceSource `json:"priceSource"`
}

// Version is the entry's content hash: any change of what the device would show or check
// against (a name, a plan, remaining units, a cap, a price) changes it.
func (c *OfflineChild) Version() uint64 {
	b, err := json.Marshal(c)
	if err != nil {
		panic(err) // plain data: cannot fail
	}
	sum := sha256.Sum256(b)
	return binary.BigEndian.Uint64(sum[:8])
}

// OfflineHeld is one child the device holds, at a version.
type OfflineHeld struct {
	ChildID int
	Version uint64
}

// OfflinePage is one answer of offlinePackage or changes.
type OfflinePage struct {
	AsOf     time.Time
	Today    time.Time
	Children []OfflineChild
	Removed  []int // children the device must delete
	HasMore  bool
	Cursor   string
}

// OfflineDiff computes the next page for a device holding held (sorted by child id) when the
// caller's package is now: tombstones first (so that data the caller may no longer have goes
// first), then new and changed entries in id order, each part up to its page limit. It
// returns the page's children and tombstones and what the device holds after applying them.
func OfflineDiff(held []OfflineHeld, now []OfflineChild) (children []OfflineChild, removed []int, after []OfflineHeld, more bool) {
	current := make(map[int]*OfflineChild, len(now))
	for i := range now {
		current[now[i].ID] = &now[i]
	}
	heldVersion := make(map[int]uint64, len(held))
	for _, h := range held {
		heldVersion[h.ChildID] = h.Version
		if _, ok := current[h.ChildID]; !ok {
			if len(removed) == OfflinePageRemoved {
				more = true
				continue
			}
			removed = append(removed, h.ChildID)
		}
	}
	gone := make(map[int]bool, len(removed))
	for _, id := range removed {
		gone[id] = true
	}
	sent := map[int]uint64{}
	slices.SortFunc(now, func(a, b OfflineChild) int { return cmp.Compare(a.ID, b.ID) })
	for i := range now {
		c := &now[i]
		v := c.Version()
		if hv, ok := heldVersion[c.ID]; ok && hv == v {
			continue
		}
		if len(children) == OfflinePageChildren {
			more = true
			break
		}
		children = append(children, *c)
		sent[c.ID] = v
	}
	for _, h := range held {
		if gone[h.ChildID] {
			continue
		}
		if v, ok := sent[h.ChildID]; ok {
			h.Version = v
			delete(sent, h.ChildID)
		}
		after = append(after, h)
	}
	for id, v := range sent {
		after = append(after, OfflineHeld{ChildID: id, Version: v})
	}
	slices.SortFunc(after, func(a, b OfflineHeld) int { return cmp.Compare(a.ChildID, b.ChildID) })
	return children, removed, after, more
}

// The cursor: "o1." and base64url of, per held child in id order, the id's difference from
// the previous one as a uvarint and the version's 8 bytes.
const cursorPrefix = "o1."

var errCursor = FieldErrorf("since", "this cursor cannot be read: load the offline package again")

// EncodeOfflineCursor writes what a device holds as a cursor.
func EncodeOfflineCursor(held []OfflineHeld) string {
	b := make([]byte, 0, len(held)*11)
	prev := 0
	for _, h := range held {
		b = binary.AppendUvarint(b, uint64(h.ChildID-prev))
		b = binary.BigEndian.AppendUint64(b, h.Version)
		prev = h.ChildID
	}
	return cursorPrefix + base64.RawURLEncoding.EncodeToString(b)
}

// maxCursorChildren bounds what a cursor may name: more children than any municipality has.
const maxCursorChildren = 100000

// DecodeOfflineCursor reads a cursor of EncodeOfflineCursor; anything else is EINVALID on since.
func DecodeOfflineCursor(s string) ([]OfflineHeld, error) {
	if len(s) < len(cursorPrefix) || s[:len(cursorPrefix)] != cursorPrefix {
		return nil, errCursor
	}
	b, err := base64.RawURLEncoding.DecodeString(s[len(cursorPrefix):])
	if err != nil {
		return nil, errCursor
	}
	var held []OfflineHeld
	prev := 0
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		if n <= 0 || len(b) < n+8 || (d == 0 && len(held) > 0) || d > 1<<31 || len(held) == maxCursorChildren {
			return nil, errCursor
		}
		id := prev + int(d)
		if id <= 0 || id > 1<<31 {
			return nil, errCursor
		}
		held = append(held, OfflineHeld{ChildID: id, Version: binary.BigEndian.Uint64(b[n : n+8])})
		prev, b = id, b[n+8:]
	}
	return held, nil
}
