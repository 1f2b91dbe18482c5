package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/lib/pq"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"atbalsts/domain"
)

// Error codes in extensions.code, the contract with clients; the one place that maps the
// domain's codes to them.
var extensionCodes = map[string]string{
	domain.EINVALID:         "BAD_USER_INPUT",
	domain.ENOTFOUND:        "NOT_FOUND",
	domain.ECONFLICT:        "CONFLICT",
	domain.EFORBIDDEN:       "FORBIDDEN",
	domain.EUNAUTHENTICATED: "UNAUTHENTICATED",
	domain.ERATELIMITED:     "RATE_LIMITED",
	domain.EPERSISTED:       "PERSISTED_QUERY_REQUIRED",
	domain.EINTERNAL:        "INTERNAL",
	// a delivery's broken rules, each its own code (extensions.remaining says what is left)
	domain.EPlanNotActive:     "PLAN_NOT_ACTIVE",
	domain.ELineUnits:         "LINE_UNITS_EXCEEDED",
	domain.EChildSessionCap:   "CHILD_SESSION_CAP_EXCEEDED",
	domain.EParentSessionCap:  "PARENT_SESSION_CAP_EXCEEDED",
	domain.ENoSpecialCareNeed: "NO_SPECIAL_CARE_NEED",
	domain.EHomeCareWeeklyCap: "HOME_CARE_WEEKLY_CAP_EXCEEDED",
	domain.ERespiteDays:       "RESPITE_DAYS_EXCEEDED",
	domain.ERespiteOverlap:    "RESPITE_OVERLAP",
	domain.EBudget:            "BUDGET_EXCEEDED",
	domain.EDeliveryLocked:    "DELIVERY_LOCKED",
	domain.EIdempotencyReused: "IDEMPOTENCY_KEY_REUSED",
	domain.ENothingToClaim:    "NOTHING_TO_CLAIM",
}

// extensionCode is the extensions.code of a domain error code; a code without a mapping is a
// fault of ours.
func extensionCode(code string) string {
	if c, ok := extensionCodes[code]; ok {
		return c
	}
	return "INTERNAL"
}

// internalMessage is all a client learns of a fault of ours; the log has the details under
// the same request id.
const internalMessage = "internal error"

// presentError gives every error an extensions.code: domain errors their mapped code, errors
// gqlgen already coded (parse, validation) theirs, and anything else INTERNAL with a generic
// message, logged in full.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	var de *domain.Error
	if errors.As(err, &de) {
		gqlErr.Message = de.Message
		if gqlErr.Extensions == nil {
			gqlErr.Extensions = map[string]any{}
		}
		gqlErr.Extensions["code"] = extensionCode(de.Code)
		if de.Field != "" {
			gqlErr.Extensions["field"] = de.Field
		} else if field := argumentPath(ctx, gqlErr.Path); field != "" {
			gqlErr.Extensions["field"] = field // a scalar's error, which cannot know its field
		}
		if de.Reason != "" {
			gqlErr.Extensions["reason"] = de.Reason
		}
		if len(de.Reasons) > 0 {
			gqlErr.Extensions["reasons"] = de.Reasons
		}
		if de.Remaining != "" {
			gqlErr.Extensions["remaining"] = de.Remaining
		}
		if de.Limit != "" {
			gqlErr.Extensions["limit"] = de.Limit
		}
		if de.RetryAfter > 0 {
			gqlErr.Extensions["retryAfter"] = de.RetryAfter
		}
		return gqlErr
	}
	if _, coded := gqlErr.Extensions["code"]; coded {
		return gqlErr
	}
	// Work stopped because the request ran out of time or the client left is not a fault of
	// the server: it is answered (if anyone listens) with its own code and not logged as an
	// error, once per field that was still running.
	if code, message, ok := stopped(ctx, err); ok {
		gqlErr.Message = message
		gqlErr.Extensions = map[string]any{"code": code}
		return gqlErr
	}
	slog.ErrorContext(ctx, "graphql internal error", "err", err, "path", gqlErr.Path.String())
	gqlErr.Message = internalMessage
	gqlErr.Extensions = map[string]any{"code": "INTERNAL"}
	return gqlErr
}

// argumentPath is the path of an argument an error is about, "input.lines.0.units", or "": gqlgen
// puts an argument's path after the path of its field when reading the argument fails (a
// Date that is not a date, a string for an Int).
func argumentPath(ctx context.Context, path ast.Path) string {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return ""
	}
	field := fc.Path()
	if len(path) <= len(field) || path[:len(field)].String() != field.String() {
		return ""
	}
	var b strings.Builder
	for i, p := range path[len(field):] {
		if i > 0 {
			b.WriteByte('.')
		}
		switch p := p.(type) {
		case ast.PathName:
			b.WriteString(string(p))
		case ast.PathIndex:
			b.WriteString(strconv.Itoa(int(p)))
		}
	}
	return b.String()
}

// recoverPanic turns a resolver's panic into an INTERNAL error, logged with its stack.
func recoverPanic(ctx context.Context, p any) error {
	slog.ErrorContext(ctx, "graphql panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
	return errors.New("panic in resolver")
}

// stopped tells whether err is work cut short: by the request's deadline (TIMEOUT), by the
// client leaving (CANCELLED), or by PostgreSQL's statement timeout (query_canceled, TIMEOUT).
func stopped(ctx context.Context, err error) (code, message string, ok bool) {
	timeout := fmt.Sprintf("the request ran longer than %s and was stopped: ask for less", RequestTimeout)
	var pqErr *pq.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(ctx.Err(), context.DeadlineExceeded):
		return "TIMEOUT", timeout, true
	case errors.Is(err, context.Canceled), ctx.Err() != nil:
		return "CANCELLED", "the request was cancelled", true
	case errors.As(err, &pqErr) && pqErr.Code == "57014": // statement_timeout, nobody cancelled
		return "TIMEOUT", timeout, true
	}
	return "", "", false
}
