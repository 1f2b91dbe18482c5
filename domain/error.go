// Package domain holds Atbalsts's entities and rules: no SQL, no HTTP. Every rule lives here
// once; the store enforces it inside the writing transaction and the transports translate its
// errors.
package domain

import (
	"errors"
	"fmt"
)

// Error codes. The GraphQL layer maps each to one extensions.code.
const (
	EINVALID         = "invalid"         // the input breaks a rule
	ENOTFOUND        = "not_found"       // no such object, or the caller may not see it
	ECONFLICT        = "conflict"        // the object changed since the caller read it
	EFORBIDDEN       = "forbidden"       // the caller may not do this
	EUNAUTHENTICATED = "unauthenticated" // the caller is not signed in
	ERATELIMITED     = "rate_limited"    // the caller must wait before trying again
	EPERSISTED       = "persisted"       // the caller may run only trusted operations, sent by hash
	EINTERNAL        = "internal"        // a fault of ours; details go to the log only
)

// Error is an error the caller can act on: a code and a message fit to show.
type Error struct {
	Code    string // one of the E* codes
	Message string // what went wrong, for the caller
	Field   string // the input field at fault, if one is
	Reason  string // which rule of the field was broken, for clients that explain it in their own words
	// Every rule that was broken, when several were (extensions.reasons); Reason is the first
	Reasons []string
	// For a broken limit, what remains of it: units, or EUR for a budget (extensions.remaining)
	Remaining string
	// For a broken limit, the limit in force (extensions.limit)
	Limit string
	// For a broken limit, the latest recorded delivery that counts towards it (nil: none)
	LastCounted *CountedUnits
	// For ERATELIMITED, the whole seconds to wait before trying again (extensions.retryAfter)
	RetryAfter int
}

// Because returns a copy of e that names the reason (extensions.reason on the API).
func (e *Error) Because(reason string) *Error {
	c := *e
	c.Reason = reason
	return &c
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns an EINVALID *Error that names the input field at fault.
func FieldErrorf(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode is the code of err if it is or wraps an *Error, else EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
