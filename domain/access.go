package domain

import (
	"context"
	"slices"
)

// Access control lives in this file: who the caller is (Actor), and one function per decision.
// Resolvers call these before they touch the store; list queries pass the scope the functions
// return to the store, which filters in SQL. An object outside the caller's scope is reported
// as not found, so that its existence does not leak; an operation the role may never use is
// forbidden.

// AuthMethod is how the caller proved who they are.
type AuthMethod string

// The ways to authenticate.
const (
	AuthNone    AuthMethod = ""        // anonymous
	AuthSession AuthMethod = "session" // the SPA's session cookie
	AuthToken   AuthMethod = "token"   // an access token (Authorization: Bearer)
	AuthSystem  AuthMethod = "system"  // the program itself acting as a user (the demo loader)
)

// Actor is the caller of one request: a signed-in user with the scope of their role, or nobody
// (the zero Actor).
type Actor struct {
	UserID          int        // the user; 0 when anonymous
	Role            Role       // the user's role
	RegionID        int        // REGION_COORDINATOR's region
	MunicipalityIDs []int      // MUNICIPALITY_WORKER's municipalities
	ProviderID      int        // ASSESSOR's or PROVIDER_SPECIALIST's provider
	Method          AuthMethod // how the caller authenticated
	TokenID         int        // the token used, when Method is AuthToken
	TokenKind       TokenKind  // that token's kind, when Method is AuthToken
	User            *User      // the user's record as loaded for this request; nil when anonymous
}

// ActorOf returns the actor for a signed-in user.
func ActorOf(u *User, method AuthMethod, tokenID int) Actor {
	a := Actor{UserID: u.ID, Role: u.Role, MunicipalityIDs: u.MunicipalityIDs, Method: method, TokenID: tokenID, User: u}
	if u.RegionID != nil {
		a.RegionID = *u.RegionID
	}
	if u.ProviderID != nil {
		a.ProviderID = *u.ProviderID
	}
	return a
}

// ActorOfToken returns the actor for a user who authenticated with a token of the given kind.
func ActorOfToken(u *User, tokenID int, kind TokenKind) Actor {
	a := ActorOf(u, AuthToken, tokenID)
	a.TokenKind = kind
	return a
}

// SignedIn tells whether the caller is a user.
func (a Actor) SignedIn() bool { return a.UserID != 0 }

// System is the program itself with an ADMIN's rights, before any user exists: the demo loader
// and test fixtures create the first users and providers as it. It is no user, so its audit
// rows name no actor. No request can carry it: the server sets only signed-in users.
var System = Actor{Role: RoleAdmin, Method: AuthSystem}

// acts tells whether the caller may act at all: a signed-in user, or the program itself.
func (a Actor) acts() bool { return a.SignedIn() || a.Method == AuthSystem }

type actorKey struct{}

// WithActor returns a context that carries the caller.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the caller carried by ctx, or the anonymous Actor.
func ActorFrom(ctx context.Context) Actor {
	a, _ := ctx.Value(actorKey{}).(Actor)
	return a
}

var (
	errSignIn    = Errorf(EUNAUTHENTICATED, "sign in first")
	errForbidden = Errorf(EFORBIDDEN, "your role may not do this")
)

// NotFound is the answer for an object the caller may not see, the same as for one that does
// not exist.
func NotFound(what string) error { return Errorf(ENOTFOUND, "%s not found", what) }

// RequireSignedIn allows any signed-in user.
func RequireSignedIn(a Actor) error {
	if !a.acts() {
		return errSignIn
	}
	return nil
}

// requireRole allows signed-in users of the given roles.
func requireRole(a Actor, roles ...Role) error {
	if !a.acts() {
		return errSignIn
	}
	for _, r := range roles {
		if a.Role == r {
			return nil
		}
	}
	return errForbidden
}

// CanRunAdHoc: an ad-hoc operation, whose text the server's manifest of trusted operations
// does not hold (sent in full, or by an automatic persisted query's hash), is for sessions (the
// web app, the GraphQL console) and personal tokens (analysts' scripts). An APP token runs only
// the manifest's operations: a token taken from a device cannot ask for anything else.
func CanRunAdHoc(a Actor) error {
	if a.Method == AuthToken && a.TokenKind == TokenApp {
		return Errorf(EPERSISTED, "an app token runs only the app's trusted operations, sent by their sha256Hash "+
			"(extensions.persistedQuery) without the query text; use a personal token for other queries")
	}
	return nil
}

// CanReadReferenceData: planning regions, municipalities and the service catalogue are public
// information, open to anyone, signed in or not.
func CanReadReferenceData(Actor) error { return nil }

// CanListProviders: provider organisations are listed to every signed-in user (plans,
// deliveries and user administration pick them).
func CanListProviders(a Actor) error { return RequireSignedIn(a) }

// CanManageUsers: only an ADMIN lists, creates and changes users.
func CanManageUsers(a Actor) error { return requireRole(a, RoleAdmin) }

// CanObserve: the metrics and profiles show the whole program's load, the operations clients
// send and, in a profile, its memory; only an ADMIN reads them through the public port.
func CanObserve(a Actor) error { return requireRole(a, RoleAdmin) }

// CanSeeUser tells whether the caller may see user u's record: an ADMIN, or the user themself.
func CanSeeUser(a Actor, userID int) error {
	if err := RequireSignedIn(a); err != nil {
		return err
	}
	if a.Role == RoleAdmin || a.UserID == userID {
		return nil
	}
	return NotFound("user")
}

// CanManageTokensOf: users manage their own tokens; an ADMIN manages anyone's.
func CanManageTokensOf(a Actor, userID int) error { return CanSeeUser(a, userID) }

// CanSetUserActive: an ADMIN activates and deactivates users, but not themself (the last admin
// would lock everyone out).
func CanSetUserActive(a Actor, userID int, active bool) error {
	if err := CanManageUsers(a); err != nil {
		return err
	}
	if userID == a.UserID && !active {
		return FieldErrorf("id", "you cannot deactivate yourself")
	}
	return nil
}

// AuditScope is the part of the audit log a caller may read.
type AuditScope struct {
	All      bool // every event
	RegionID int  // else only events about records of this region
}

// CanReadAudit returns the caller's part of the audit log: all of it for an ADMIN, the events
// of their region's records for a REGION_COORDINATOR; others may not read it.
func CanReadAudit(a Actor) (AuditScope, error) {
	if err := requireRole(a, RoleAdmin, RoleRegionCoordinator); err != nil {
		return AuditScope{}, err
	}
	if a.Role == RoleAdmin {
		return AuditScope{All: true}, nil
	}
	return AuditScope{RegionID: a.RegionID}, nil
}

// SeesPersonalData tells whether the caller may see names, personal codes, contacts and
// addresses of children and parents at all: analysts never do, whatever the record.
func SeesPersonalData(a Actor) bool {
	return a.SignedIn() && a.Role != RoleMinistryAnalyst
}

// CaseScope is the part of the case records (children, parents, applications, assessments,
// plans) a caller may see. Every case record belongs to a child; the child's visibility
// decides the record's. The store turns it into a WHERE condition.
type CaseScope struct {
	All                    bool  // every child (ADMIN, MINISTRY_ANALYST)
	MunicipalityIDs        []int // children declared in these municipalities (MUNICIPALITY_WORKER)
	LeadRegionID           int   // children declared in a partner municipality of a project this region leads (REGION_COORDINATOR)
	AssessingProviderID    int   // children this provider assesses or assessed (ASSESSOR)
	DeliveringProviderID   int   // children with an approved or active plan line of this provider (PROVIDER_SPECIALIST)
	WithoutPersonalDetails bool  // names, personal codes, birth dates and contacts are withheld (MINISTRY_ANALYST)
}

// CanReadCases returns the caller's scope over case records. Every signed-in role has one;
// the analyst's is national but pseudonymous.
func CanReadCases(a Actor) (CaseScope, error) {
	if err := RequireSignedIn(a); err != nil {
		return CaseScope{}, err
	}
	switch a.Role {
	case RoleAdmin:
		return CaseScope{All: true}, nil
	case RoleMinistryAnalyst:
		return CaseScope{All: true, WithoutPersonalDetails: true}, nil
	case RoleRegionCoordinator:
		return CaseScope{LeadRegionID: a.RegionID}, nil
	case RoleMunicipalityWorker:
		return CaseScope{MunicipalityIDs: a.MunicipalityIDs}, nil
	case RoleAssessor:
		return CaseScope{AssessingProviderID: a.ProviderID}, nil
	case RoleProviderSpecialist:
		return CaseScope{DeliveringProviderID: a.ProviderID}, nil
	}
	return CaseScope{}, errForbidden
}

// CanReadParents: the parents' contacts are for those who do case work with the family, never
// for analysts.
func CanReadParents(a Actor) (CaseScope, error) {
	scope, err := CanReadCases(a)
	if err == nil && scope.WithoutPersonalDetails {
		return CaseScope{}, errForbidden
	}
	return scope, err
}

// CanSearchByPersonalData: finding children by name, personal code or birth date is case
// work. A caller whose scope withholds personal details (the analyst) may not: the answer
// would tie a pseudonymous id to the person searched for.
func CanSearchByPersonalData(scope CaseScope) error {
	if scope.WithoutPersonalDetails {
		return Errorf(EFORBIDDEN, "pseudonymous data cannot be searched by name, personal code or birth date")
	}
	return nil
}

// CanEditCase tells whether the caller may register or change the case records (child,
// parents, applications, assessment scheduling, plan drafts) of a child declared in
// municipalityID: an ADMIN, or a MUNICIPALITY_WORKER of that municipality. Others who can see
// the child may not change it (FORBIDDEN). The Can* checks of a record run after the record
// was read within the caller's scope, so one the caller cannot see is already not found.
func CanEditCase(a Actor, municipalityID int) error {
	if err := RequireSignedIn(a); err != nil {
		return err
	}
	if a.Role == RoleAdmin || (a.Role == RoleMunicipalityWorker && slices.Contains(a.MunicipalityIDs, municipalityID)) {
		return nil
	}
	return errForbidden
}

// CanChangeChild: the child's case must be the caller's, and a worker may move a child only to
// a municipality of their own.
func CanChangeChild(a Actor, fromMunicipalityID, toMunicipalityID int) error {
	if err := CanEditCase(a, fromMunicipalityID); err != nil {
		return err
	}
	if CanEditCase(a, toMunicipalityID) != nil {
		return FieldErrorf("municipalityId", "you may not move a child to a municipality outside your own")
	}
	return nil
}

// CanEditParent: a parent is shared by their children; the caller may change the parent's
// record when one of those children (the ones they see) is in their case work.
func CanEditParent(a Actor, children []*Child) error {
	if len(children) == 0 {
		return NotFound("parent")
	}
	var err error
	for _, c := range children {
		if err = CanEditCase(a, c.MunicipalityID); err == nil {
			return nil
		}
	}
	return err
}

// CanRecordAssessment: the assessor of the assessing provider records findings, as do those
// who may edit the case.
func CanRecordAssessment(a Actor, providerID, municipalityID int) error {
	if a.SignedIn() && a.Role == RoleAssessor && a.ProviderID == providerID {
		return nil
	}
	return CanEditCase(a, municipalityID)
}

// CanDecidePlan: a plan is approved or returned by the coordinator of the region that leads
// its project, or an ADMIN.
func CanDecidePlan(a Actor, projectLeadRegionID int) error {
	if err := RequireSignedIn(a); err != nil {
		return err
	}
	if a.Role == RoleAdmin || (a.Role == RoleRegionCoordinator && a.RegionID == projectLeadRegionID) {
		return nil
	}
	return errForbidden
}

// CanStepPlan: the project's lead region approves and returns revisions; the municipality's
// case workers (those who edit drafts) submit, activate, close and revise.
func CanStepPlan(a Actor, step PlanStep, p *SupportPlan) error {
	if step == StepApprove || step == StepReturn {
		return CanDecidePlan(a, p.LeadRegionID)
	}
	return CanEditCase(a, p.MunicipalityID)
}

// PlanPermissions is what an actor may do with a plan by their role and scope, as
// CanStepPlan, CanEditCase and CanRecordDelivery decide (the plan's status decides which step
// applies).
type PlanPermissions struct {
	EditDraft      bool // edit a draft revision
	Submit         bool // submit a draft
	Approve        bool // approve a submitted revision
	Return         bool // return a submitted revision
	Activate       bool // put an approved plan into effect
	Close          bool // close an active plan
	Revise         bool // start a new revision
	RecordDelivery bool // record a delivery on at least one line of the revision in force
}

// PlanPermissionsOf tells what the actor may do with the plan whose revision in force has
// lines of these providers (nil for a line without one).
func PlanPermissionsOf(a Actor, p *SupportPlan, lineProviders []*int) PlanPermissions {
	may := func(step PlanStep) bool { return CanStepPlan(a, step, p) == nil }
	out := PlanPermissions{EditDraft: CanEditCase(a, p.MunicipalityID) == nil, Submit: may(StepSubmit), Approve: may(StepApprove),
		Return: may(StepReturn), Activate: may(StepActivate), Close: may(StepClose), Revise: may(StepRevise)}
	for _, provider := range lineProviders {
		id := 0
		if provider != nil {
			id = *provider
		}
		if CanRecordDelivery(a, p.MunicipalityID, id) == nil {
			out.RecordDelivery = true
		}
	}
	return out
}

// CanManageCatalogue: projects, providers and their prices are set by an ADMIN.
func CanManageCatalogue(a Actor) error { return requireRole(a, RoleAdmin) }

// CanAmendProject: an ADMIN, or the REGION_COORDINATOR of the region that leads the project
// (it runs the project and signs its amendments with the funding agency).
func CanAmendProject(a Actor, p *Project) error {
	if err := RequireSignedIn(a); err != nil {
		return err
	}
	if a.Role == RoleAdmin || (a.Role == RoleRegionCoordinator && a.RegionID == p.LeadRegionID) {
		return nil
	}
	return Errorf(EFORBIDDEN, "only an ADMIN or the coordinator of the project's lead region may amend it")
}

// CanReadProjects: projects hold no personal data; every signed-in user reads them.
func CanReadProjects(a Actor) error { return RequireSignedIn(a) }

// ClaimScope is the part of the claims a caller may see.
type ClaimScope struct {
	All             bool  // every claim (ADMIN, MINISTRY_ANALYST)
	MunicipalityIDs []int // these municipalities' claims (MUNICIPALITY_WORKER)
	LeadRegionID    int   // claims on projects this region leads (REGION_COORDINATOR)
}

// CanReadClaims returns the caller's scope over claims. Claims hold sums, not names: the
// analyst reads them all. Assessors and specialists have no part in them.
func CanReadClaims(a Actor) (ClaimScope, error) {
	if err := RequireSignedIn(a); err != nil {
		return ClaimScope{}, err
	}
	switch a.Role {
	case RoleAdmin, RoleMinistryAnalyst:
		return ClaimScope{All: true}, nil
	case RoleRegionCoordinator:
		return ClaimScope{LeadRegionID: a.RegionID}, nil
	case RoleMunicipalityWorker:
		return ClaimScope{MunicipalityIDs: a.MunicipalityIDs}, nil
	}
	return ClaimScope{}, errForbidden
}

// CanReadProgress returns the caller's scope over projects' progress (projectProgress): the
// same as over claims, whose sums it adds up. A REGION_COORDINATOR sees the projects their
// region leads; a MUNICIPALITY_WORKER the projects their municipalities are partners of, with
// the figures of their municipalities only; ADMIN and MINISTRY_ANALYST all (the figures hold
// no persons, and the analyst's small counts are suppressed by the schema's @minCount). Others
// are FORBIDDEN.
func CanReadProgress(a Actor) (ClaimScope, error) { return CanReadClaims(a) }

// CanExportClaim returns the caller's scope over claims' statement files. A statement lists
// every session of every child by date, a document for paying, not a figure: an analyst, who
// reads claims' sums, gets no statement (its dates and small counts would single children out).
func CanExportClaim(a Actor) (ClaimScope, error) {
	if a.Role == RoleMinistryAnalyst {
		return ClaimScope{}, errForbidden
	}
	return CanReadClaims(a)
}

// CanSubmitClaim: a municipality's claims are prepared by its workers (or an ADMIN).
func CanSubmitClaim(a Actor, municipalityID int) error {
	if err := requireRole(a, RoleAdmin, RoleMunicipalityWorker); err != nil {
		return err
	}
	if a.Role == RoleMunicipalityWorker && !slices.Contains(a.MunicipalityIDs, municipalityID) {
		return Errorf(EFORBIDDEN, "you may claim only for your own municipalities")
	}
	return nil
}

// CanDecideClaim: claims are approved, rejected and marked paid by the coordinator of the
// region that leads the project (it pays), or an ADMIN.
func CanDecideClaim(a Actor, c *Claim) error {
	if err := RequireSignedIn(a); err != nil {
		return err
	}
	if a.Role == RoleAdmin || (a.Role == RoleRegionCoordinator && a.RegionID == c.LeadRegionID) {
		return nil
	}
	return errForbidden
}

// CanRecordDelivery: the specialists of the provider that delivered, the workers of the
// child's municipality, or an ADMIN record deliveries. providerID is the delivery's provider.
func CanRecordDelivery(a Actor, municipalityID, providerID int) error {
	if a.SignedIn() && a.Role == RoleProviderSpecialist {
		if a.ProviderID == providerID {
			return nil
		}
		return Errorf(EFORBIDDEN, "you may record only your own provider's deliveries")
	}
	return CanEditCase(a, municipalityID)
}

// CanVerifyDelivery: the municipality checks what providers recorded; a provider does not
// verify its own work.
func CanVerifyDelivery(a Actor, municipalityID int) error {
	return CanEditCase(a, municipalityID)
}

// WorkAreas are the parts of the web app a user works in, each decided by the rule the server
// applies to its requests (the web app's navigation follows them).
type WorkAreas struct {
	Users            bool // user administration
	Cases            bool // the case pages, with names: not for analysts, who see pseudonyms
	VerifyDeliveries bool // the verification queue of a municipality
	Claims           bool // reading compensation claims
	PrepareClaims    bool // preparing and submitting claims for a municipality
	Statistics       bool // national and regional figures
	ManageProjects   bool // amending projects (some of them, for a coordinator)
	OfflineSessions  bool // recording sessions offline from the offline package (CanSyncOffline)
}

// WorkAreasOf tells the parts of the web app the actor works in.
func WorkAreasOf(a Actor) WorkAreas {
	_, readCases := CanReadCases(a)
	_, readClaims := CanReadClaims(a)
	_, readStatistics := CanReadStatistics(a)
	_, syncOffline := CanSyncOffline(a)
	return WorkAreas{
		Users:            CanManageUsers(a) == nil,
		Cases:            readCases == nil && SeesPersonalData(a),
		VerifyDeliveries: inSomeMunicipality(a, func(m int) error { return CanVerifyDelivery(a, m) }),
		Claims:           readClaims == nil,
		PrepareClaims:    inSomeMunicipality(a, func(m int) error { return CanSubmitClaim(a, m) }),
		Statistics:       readStatistics == nil,
		ManageProjects:   a.Role == RoleAdmin || a.Role == RoleRegionCoordinator,
		OfflineSessions:  syncOffline == nil,
	}
}

// inSomeMunicipality tells whether the check allows the actor in at least one municipality:
// an ADMIN's in any, a worker's in their own.
func inSomeMunicipality(a Actor, check func(municipalityID int) error) bool {
	if a.Role == RoleAdmin {
		return check(0) == nil
	}
	for _, m := range a.MunicipalityIDs {
		if check(m) == nil {
			return true
		}
	}
	return false
}
