package graph

// The allow-list of privacy_test.go: the fields an analyst can reach that are safe to show as they
// are, each with the reason. A field that is neither here nor marked with @personal, @coarse or
// @minCount in the schema fails the test: a new field stays out of analysts' sight until someone
// decides it is safe (here) or marks it. The test also fails for an entry the schema no longer has
// or has since marked.

// Reasons shared by many entries.
const (
	rID       = "an opaque id, the pseudonym analysts work with"
	rVersion  = "the version number of a record, for optimistic locking"
	rCan      = "what the caller may do: the server's rules for the caller's own role"
	rCode     = "a code from a fixed list (a status, kind, category or role), not a person"
	rMoney    = "an amount of money: the figures analysts are for"
	rUnits    = "a number of units, a limit or a qualifier of a pseudonymous record, not a count of people"
	rLink     = "a link to another record, whose fields are checked in turn"
	rPage     = "paging: where a page lies; an analyst's cursors hold ids, no names or dates (privacy.go)"
	rRef      = "reference data (regions, municipalities, the catalogue, projects, providers): organisations, not persons"
	rOwn      = "a user's own account: an analyst reaches only their own (CanSeeUser, CanManageTokensOf)"
	rAudit    = "the audit log, refused to analysts (CanReadAudit)"
	rAdmin    = "user administration, refused to analysts (CanManageUsers)"
	rClaim    = "a municipality's claim for a period: an organisation's sums and dates, not a person's"
	rRefused  = "refused to analysts (FORBIDDEN): parents, duplicate searches, claim previews"
	rBatch    = "the outcome of the caller's own batch of deliveries, which an analyst may not record"
	rKey      = "an opaque key (a UUID) or a field name, the same across revisions"
	rChild    = "a pseudonymous attribute of a child that the figures are broken down by"
	rList     = "a list of records of a child in the caller's scope, whose fields are checked in turn"
	rSessions = "a count of sessions, not of people (the children are childCount, which is thresholded)"
	rCap      = "a cap's figures for the day asked, from the project's rules: no date of the child"
	rWork     = "the worklist, empty for an analyst: no kind of work is an analyst's (domain.WorklistKindsOf)"
	rSignIn   = "the identity providers one may sign in through: the server's configuration, the same for everyone"
	rPayload  = "a mutation's result, the changed record (refused to analysts but for their own sign-in and tokens)"
	rStat     = "a figure of a statistics cell: the service suppresses a cell of fewer than k people, and those that would give it away (domain.Suppress)"
	rStatDim  = "a value of a statistics grouping: a region, municipality, project, service, period or band that cells are counted by, never one person"
	rFunds    = "a project's (or a partner municipality's) money on a day: sums over many deliveries and plans, as claims' sums are"
	rMonth    = "a calendar month of a project's money series, or the day the progress is asked for: no date of a person"
	rTarget   = "a project's target as its contract states it (group, planned count, whether recorded): no person"
	rProgress = "a project's progress: its targets (whose counts are @minCount) and its money"
	rOffline  = "the offline package of mobile clients, refused to analysts (domain.CanSyncOffline)"
)

// analystSafe is every unmarked field an analyst can reach, as "Type.field", and why it is safe.
var analystSafe = map[string]string{
	// The offline package (schema/offline.graphql): refused to analysts at its two queries.
	"Query.offlinePackage": rOffline,
	"Query.changes":        rOffline,

	"OfflinePackage.asOf":     rOffline,
	"OfflinePackage.today":    rOffline,
	"OfflinePackage.children": rOffline,
	"OfflinePackage.removed":  rOffline,
	"OfflinePackage.hasMore":  rOffline,
	"OfflinePackage.cursor":   rOffline,

	"OfflineChild.id":           rOffline,
	"OfflineChild.municipality": rOffline,
	"OfflineChild.parents":      rOffline,
	"OfflineChild.plans":        rOffline,
	"OfflineChild.caps":         rOffline,
	"OfflineChild.version":      rOffline,

	"OfflineParent.id": rOffline,

	"OfflinePlan.id":              rOffline,
	"OfflinePlan.kind":            rOffline,
	"OfflinePlan.project":         rOffline,
	"OfflinePlan.validFrom":       rOffline,
	"OfflinePlan.validTo":         rOffline,
	"OfflinePlan.budget":          rOffline,
	"OfflinePlan.budgetRemaining": rOffline,
	"OfflinePlan.lines":           rOffline,

	"OfflineLine.key":            rOffline,
	"OfflineLine.serviceType":    rOffline,
	"OfflineLine.recipient":      rOffline,
	"OfflineLine.provider":       rOffline,
	"OfflineLine.plannedUnits":   rOffline,
	"OfflineLine.remainingUnits": rOffline,
	"OfflineLine.unitPrice":      rOffline,
	"OfflineLine.priceSource":    rOffline,
	"DeliveryError.limit":        rBatch,
	"DeliveryError.lastCounted":  rBatch,
	"DeliveryResult.outcome":     rBatch,

	"CountedDelivery.date":              rBatch,
	"CountedDelivery.recordedOn":        rBatch,
	"CountedDelivery.units":             rBatch,
	"CountedDelivery.provider":          rBatch,
	"CountedDelivery.byAnotherProvider": rBatch,

	"AddProjectCapRulePayload.project": rPayload,

	"ApiToken.createdAt":  rOwn,
	"ApiToken.expiresAt":  rOwn,
	"ApiToken.id":         rOwn,
	"ApiToken.kind":       rOwn,
	"ApiToken.lastUsedAt": rOwn,
	"ApiToken.name":       rOwn,
	"ApiToken.prefix":     rOwn,
	"ApiToken.revokedAt":  rOwn,

	"Application.child":     rLink,
	"Application.events":    rLink,
	"Application.id":        rID,
	"Application.project":   rLink,
	"Application.status":    rCode,
	"Application.version":   rVersion,
	"Application.viewerCan": rCan,

	"ApplicationConnection.edges":    rPage,
	"ApplicationConnection.pageInfo": rPage,

	"ApplicationEdge.cursor": rPage,
	"ApplicationEdge.node":   rPage,

	"ApplicationEvent.status": rCode,

	"ApplicationPayload.application": rPayload,

	"ApplicationPermissions.decide": rCan,

	"Assessment.child":           rLink,
	"Assessment.findings":        rLink,
	"Assessment.id":              rID,
	"Assessment.provider":        rLink,
	"Assessment.recommendations": rLink,
	"Assessment.status":          rCode,
	"Assessment.team":            rLink,
	"Assessment.version":         rVersion,
	"Assessment.viewerCan":       rCan,

	"AssessmentConnection.edges":    rPage,
	"AssessmentConnection.pageInfo": rPage,

	"AssessmentEdge.cursor": rPage,
	"AssessmentEdge.node":   rPage,

	"AssessmentPayload.assessment": rPayload,

	"AssessmentPermissions.cancel":           rCan,
	"AssessmentPermissions.recordAssessment": rCan,

	"AuditEvent.action":     rAudit,
	"AuditEvent.actor":      rAudit,
	"AuditEvent.actorRole":  rAudit,
	"AuditEvent.at":         rAudit,
	"AuditEvent.entityId":   rAudit,
	"AuditEvent.entityType": rAudit,
	"AuditEvent.id":         rAudit,
	"AuditEvent.reads":      rAudit,
	"AuditEvent.requestId":  rAudit,

	"AuditEventConnection.edges":      rAudit,
	"AuditEventConnection.pageInfo":   rAudit,
	"AuditEventConnection.totalCount": rAudit,

	"AuditEventEdge.cursor": rAudit,
	"AuditEventEdge.node":   rAudit,

	"AuditReadSet.entityType": rAudit,
	"AuditReadSet.ids":        rAudit,

	"CapRule.kind":      rRef,
	"CapRule.limit":     rRef,
	"CapRule.maxAge":    rRef,
	"CapRule.minAge":    rRef,
	"CapRule.validFrom": rRef,

	"CapUsage.kind":       rCap,
	"CapUsage.limit":      rCap,
	"CapUsage.periodFrom": rCap,
	"CapUsage.periodTo":   rCap,
	"CapUsage.project":    rLink,
	"CapUsage.remaining":  rCap,
	"CapUsage.used":       rCap,

	"ChangePasswordPayload.user": rOwn,

	"Child.applications":      rList,
	"Child.assessments":       rList,
	"Child.birthYear":         rChild,
	"Child.id":                rID,
	"Child.impairments":       rChild,
	"Child.livingArrangement": rChild,
	"Child.municipality":      rLink,
	"Child.sex":               rChild,
	"Child.supportPlans":      rList,
	"Child.usage":             rLink,
	"Child.version":           rVersion,
	"Child.viewerCan":         rCan,

	"ChildConnection.edges":    rPage,
	"ChildConnection.pageInfo": rPage,

	"ChildEdge.cursor": rPage,
	"ChildEdge.node":   rPage,

	"ChildPermissions.edit": rCan,

	"ChildUsage.caps":    rLink,
	"ChildUsage.figures": rLink,

	"ClaimPayload.claim": rPayload,

	"ClaimPermissions.approve":  rCan,
	"ClaimPermissions.markPaid": rCan,
	"ClaimPermissions.reject":   rCan,

	"ClaimPreview.byFundingSource": rRefused,
	"ClaimPreview.byServiceType":   rRefused,
	"ClaimPreview.childCount":      rRefused,
	"ClaimPreview.deliveryCount":   rRefused,
	"ClaimPreview.total":           rRefused,
	"ClaimPreview.unverifiedCount": rRefused,

	"ClaimServiceTotal.amount":        rMoney,
	"ClaimServiceTotal.deliveryCount": rSessions,
	"ClaimServiceTotal.serviceType":   rLink,
	"ClaimServiceTotal.units":         rUnits,

	"CompensationClaim.byFundingSource": rClaim,
	"CompensationClaim.byServiceType":   rClaim,
	"CompensationClaim.decidedAt":       rClaim,
	"CompensationClaim.deliveryCount":   rSessions,
	"CompensationClaim.id":              rID,
	"CompensationClaim.municipality":    rClaim,
	"CompensationClaim.paidAt":          rClaim,
	"CompensationClaim.periodFrom":      rClaim,
	"CompensationClaim.periodTo":        rClaim,
	"CompensationClaim.project":         rClaim,
	"CompensationClaim.status":          rClaim,
	"CompensationClaim.submittedAt":     rClaim,
	"CompensationClaim.total":           rMoney,
	"CompensationClaim.version":         rVersion,
	"CompensationClaim.viewerCan":       rCan,

	"CompensationClaimConnection.edges":      rPage,
	"CompensationClaimConnection.pageInfo":   rPage,
	"CompensationClaimConnection.totalCount": rClaim,

	"CompensationClaimEdge.cursor": rPage,
	"CompensationClaimEdge.node":   rPage,

	"CreateApiTokenPayload.secret": rOwn,
	"CreateApiTokenPayload.token":  rOwn,

	"CreateChildPayload.child": rPayload,

	"CreateParentPayload.child":  rPayload,
	"CreateParentPayload.parent": rPayload,

	"CreateProjectPayload.project": rPayload,

	"CreateProviderPayload.provider": rPayload,

	"CreateUserPayload.user": rPayload,

	"DeliveryCorrection.amount": rMoney,
	"DeliveryCorrection.status": rCode,
	"DeliveryCorrection.units":  rUnits,

	"DeliveryError.code":      rBatch,
	"DeliveryError.field":     rBatch,
	"DeliveryError.message":   rBatch,
	"DeliveryError.remaining": rBatch,

	"DeliveryPayload.delivery": rPayload,

	"DeliveryPermissions.correct": rCan,
	"DeliveryPermissions.reject":  rCan,
	"DeliveryPermissions.verify":  rCan,

	"DeliveryResult.delivery":       rBatch,
	"DeliveryResult.error":          rBatch,
	"DeliveryResult.idempotencyKey": rBatch,

	"FieldChange.path": rKey,

	"Finding.area":      rCode,
	"Finding.qualifier": rUnits,

	"FundingAmount.amount":       rMoney,
	"FundingAmount.code":         rClaim,
	"FundingAmount.sharePercent": rClaim,

	"FundingSource.amount":       rRef,
	"FundingSource.code":         rRef,
	"FundingSource.sharePercent": rRef,

	"LineUsage.figures": rLink,
	"LineUsage.line":    rLink,

	"LinkParentPayload.child": rPayload,

	"Municipality.atvkCode":  rRef,
	"Municipality.id":        rID,
	"Municipality.isoCode":   rRef,
	"Municipality.kind":      rRef,
	"Municipality.name":      rRef,
	"Municipality.region":    rRef,
	"Municipality.validFrom": rRef,
	"Municipality.validTo":   rRef,

	"MunicipalityConnection.edges":      rRef,
	"MunicipalityConnection.pageInfo":   rRef,
	"MunicipalityConnection.totalCount": rRef,

	"MunicipalityEdge.cursor": rRef,
	"MunicipalityEdge.node":   rRef,

	"Node.id": rID,

	"PageInfo.endCursor":       rPage,
	"PageInfo.hasNextPage":     rPage,
	"PageInfo.hasPreviousPage": rPage,
	"PageInfo.startCursor":     rPage,

	"Parent.id":      rID,
	"Parent.version": rVersion,

	"ParentConnection.edges":    rRefused,
	"ParentConnection.pageInfo": rRefused,

	"ParentEdge.cursor": rRefused,
	"ParentEdge.node":   rRefused,

	"ParentLink.legalRepresentative": rRefused,
	"ParentLink.parent":              rRefused,
	"ParentLink.relation":            rRefused,

	"PlanGoal.key":    rKey,
	"PlanGoal.status": rCode,

	"PlanLine.amount":       rMoney,
	"PlanLine.key":          rKey,
	"PlanLine.plannedUnits": rUnits,
	"PlanLine.priceSource":  rCode,
	"PlanLine.provider":     rLink,
	"PlanLine.recipient":    rCode,
	"PlanLine.serviceType":  rLink,
	"PlanLine.unitPrice":    rMoney,

	"PlanPermissions.activate":       rCan,
	"PlanPermissions.approve":        rCan,
	"PlanPermissions.close":          rCan,
	"PlanPermissions.editDraft":      rCan,
	"PlanPermissions.recordDelivery": rCan,
	"PlanPermissions.return":         rCan,
	"PlanPermissions.revise":         rCan,
	"PlanPermissions.submit":         rCan,

	"PlanRevision.budget":          rMoney,
	"PlanRevision.budgetUnplanned": rMoney,
	"PlanRevision.goals":           rLink,
	"PlanRevision.id":              rID,
	"PlanRevision.lines":           rLink,
	"PlanRevision.linesTotal":      rMoney,
	"PlanRevision.number":          rUnits,
	"PlanRevision.plan":            rLink,
	"PlanRevision.status":          rCode,
	"PlanRevision.version":         rVersion,

	"PlanRevisionPayload.revision": rPayload,

	"PlanUsage.figures": rLink,
	"PlanUsage.lines":   rLink,

	"PlanningRegion.code":           rRef,
	"PlanningRegion.id":             rID,
	"PlanningRegion.municipalities": rRef,
	"PlanningRegion.name":           rRef,
	"PlanningRegion.nameEn":         rRef,

	"Project.capRules":              rRef,
	"Project.amendments":            rRef,
	"ProjectAmendment.number":       rRef,
	"ProjectAmendment.decidedOn":    rRef,
	"ProjectAmendment.enteredAt":    rRef,
	"ProjectAmendment.reason":       rRef,
	"ProjectAmendment.changes":      rRef,
	"ProjectChange.field":           rRef,
	"ProjectChange.before":          rRef,
	"ProjectChange.after":           rRef,
	"AmendProjectPayload.project":   rPayload,
	"Query.worklist":                rWork,
	"Worklist.today":                rWork,
	"Worklist.items":                rWork,
	"WorklistItem.kind":             rWork,
	"WorklistItem.count":            rWork,
	"WorklistItem.entries":          rWork,
	"WorklistEntry.child":           rWork,
	"WorklistEntry.planRevision":    rWork,
	"WorklistEntry.application":     rWork,
	"WorklistEntry.assessment":      rWork,
	"WorklistEntry.claim":           rWork,
	"WorklistEntry.due":             rWork,
	"WorklistEntry.amount":          rWork,
	"Project.code":                  rRef,
	"Project.endDate":               rRef,
	"Project.fundingSources":        rRef,
	"Project.id":                    rID,
	"Project.leadRegion":            rRef,
	"Project.name":                  rRef,
	"Project.partnerMunicipalities": rRef,
	"Project.startDate":             rRef,
	"Project.targets":               rRef,
	"Project.totalBudget":           rRef,
	"Project.version":               rVersion,
	"Project.viewerCan":             rCan,

	"ProjectConnection.edges":      rRef,
	"ProjectConnection.pageInfo":   rRef,
	"ProjectConnection.totalCount": rRef,

	"ProjectEdge.cursor": rRef,
	"ProjectEdge.node":   rRef,

	"ProjectPermissions.manage": rCan,

	"ProjectTarget.count": rRef,
	"ProjectTarget.group": rRef,

	"Provider.id":                 rID,
	"Provider.name":               rRef,
	"Provider.prices":             rRef,
	"Provider.registrationNumber": rRef,

	"ProviderConnection.edges":      rRef,
	"ProviderConnection.pageInfo":   rRef,
	"ProviderConnection.totalCount": rRef,

	"ProviderEdge.cursor": rRef,
	"ProviderEdge.node":   rRef,

	"ProviderPrice.serviceType": rRef,
	"ProviderPrice.unitPrice":   rRef,
	"ProviderPrice.validFrom":   rRef,

	"Query.statistics":                rLink,
	"Query.auditEvents":               rAudit,
	"Query.claimPreview":              rRefused,
	"Query.claims":                    rClaim,
	"Query.me":                        rOwn,
	"Query.authProviders":             rSignIn,
	"AuthProvider.name":               rSignIn,
	"AuthProvider.startUrl":           rSignIn,
	"Query.municipalities":            rRef,
	"Query.node":                      rLink,
	"Query.parents":                   rRefused,
	"Query.possibleDuplicateChildren": rRefused,
	"Query.projects":                  rRef,
	"Query.providers":                 rRef,
	"Query.regions":                   rRef,
	"Query.serviceTypes":              rRef,
	"Query.users":                     rAdmin,

	"Recommendation.recipient":   rCode,
	"Recommendation.serviceType": rLink,
	"Recommendation.units":       rUnits,

	"RecordDeliveriesPayload.results": rBatch,

	"ResetUserPasswordPayload.user": rPayload,

	"RevokeApiTokenPayload.token": rOwn,

	"ServiceDelivery.amount":      rMoney,
	"ServiceDelivery.child":       rLink,
	"ServiceDelivery.claim":       rLink,
	"ServiceDelivery.corrections": rLink,
	"ServiceDelivery.id":          rID,
	"ServiceDelivery.lineKey":     rKey,
	"ServiceDelivery.plan":        rLink,
	"ServiceDelivery.priceSource": rCode,
	"ServiceDelivery.provider":    rLink,
	"ServiceDelivery.recipient":   rCode,
	"ServiceDelivery.serviceType": rLink,
	"ServiceDelivery.status":      rCode,
	"ServiceDelivery.unitPrice":   rMoney,
	"ServiceDelivery.units":       rUnits,
	"ServiceDelivery.version":     rVersion,
	"ServiceDelivery.viewerCan":   rCan,

	"ServiceDeliveryConnection.edges":    rPage,
	"ServiceDeliveryConnection.pageInfo": rPage,

	"ServiceDeliveryEdge.cursor": rPage,
	"ServiceDeliveryEdge.node":   rPage,

	"ServiceType.category":                rRef,
	"ServiceType.code":                    rRef,
	"ServiceType.countsTowardsSessionCap": rRef,
	"ServiceType.defaultUnitPrice":        rRef,
	"ServiceType.id":                      rID,
	"ServiceType.name":                    rRef,
	"ServiceType.nameEn":                  rRef,
	"ServiceType.recipients":              rRef,
	"ServiceType.unit":                    rRef,

	"SetProviderPricePayload.provider": rPayload,

	"SetUserActivePayload.user": rPayload,

	"SignInPayload.csrfToken": rOwn,
	"SignInPayload.user":      rOwn,

	"SignOutPayload.ok": rOwn,

	"StatisticsMeasures.children":          rStat,
	"StatisticsMeasures.childrenWithPlans": rStat,
	"StatisticsMeasures.cost":              rStat,
	"StatisticsMeasures.days":              rStat,
	"StatisticsMeasures.deliveries":        rStat,
	"StatisticsMeasures.families":          rStat,
	"StatisticsMeasures.fundingShares":     rStat,
	"StatisticsMeasures.hours":             rStat,
	"StatisticsMeasures.parents":           rStat,
	"StatisticsMeasures.sessions":          rStat,
	"StatisticsMeasures.suppressed":        rStat,
	"StatisticsResult.asOf":                "when the figures were read: the server's or the replica's clock, not a record's date",
	"StatisticsResult.minCount":            "the server's threshold k, the same for everyone",
	"StatisticsResult.rows":                rStat,
	"StatisticsResult.total":               rStat,
	"StatisticsRow.ageBand":                rStatDim,
	"StatisticsRow.fundingSource":          rStatDim,
	"StatisticsRow.impairment":             rStatDim,
	"StatisticsRow.livingArrangement":      rStatDim,
	"StatisticsRow.measures":               rStat,
	"StatisticsRow.municipality":           rStatDim,
	"StatisticsRow.period":                 rStatDim,
	"StatisticsRow.project":                rStatDim,
	"StatisticsRow.recipient":              rStatDim,
	"StatisticsRow.region":                 rStatDim,
	"StatisticsRow.serviceCategory":        rStatDim,
	"StatisticsRow.serviceType":            rStatDim,
	"StatisticsRow.sex":                    rStatDim,

	"SupportPlan.assessment": rLink,
	"SupportPlan.child":      rLink,
	"SupportPlan.current":    rLink,
	"SupportPlan.diff":       rLink,
	"SupportPlan.id":         rID,
	"SupportPlan.kind":       rCode,
	"SupportPlan.pending":    rLink,
	"SupportPlan.project":    rLink,
	"SupportPlan.revisions":  rLink,
	"SupportPlan.status":     rCode,
	"SupportPlan.usage":      rLink,
	"SupportPlan.viewerCan":  rCan,

	"SupportPlanConnection.edges":    rPage,
	"SupportPlanConnection.pageInfo": rPage,

	"SupportPlanEdge.cursor": rPage,
	"SupportPlanEdge.node":   rPage,

	"TeamMember.specialty": rCode,

	"UnlinkParentPayload.child": rPayload,

	"UpdateChildPayload.child": rPayload,

	"UpdateParentPayload.parent": rPayload,

	"UpdateUserPayload.user": rPayload,

	"UsageFigures.claimedAmount":   rMoney,
	"UsageFigures.claimedUnits":    rUnits,
	"UsageFigures.deliveredAmount": rMoney,
	"UsageFigures.deliveredUnits":  rUnits,
	"UsageFigures.plannedAmount":   rMoney,
	"UsageFigures.plannedUnits":    rUnits,
	"UsageFigures.remainingAmount": rMoney,
	"UsageFigures.remainingUnits":  rUnits,
	"UsageFigures.verifiedAmount":  rMoney,
	"UsageFigures.verifiedUnits":   rUnits,

	"User.active":         rOwn,
	"User.apiTokens":      rOwn,
	"User.createdAt":      rOwn,
	"User.email":          rOwn,
	"User.id":             rOwn,
	"User.lastSignInAt":   rOwn,
	"User.municipalities": rOwn,
	"User.name":           rOwn,
	"User.provider":       rOwn,
	"User.region":         rOwn,
	"User.role":           rOwn,
	"User.version":        rOwn,
	"User.viewerCan":      rOwn,
	"User.workAreas":      rOwn,

	"UserConnection.edges":      rAdmin,
	"UserConnection.pageInfo":   rAdmin,
	"UserConnection.totalCount": rAdmin,

	"UserEdge.cursor": rAdmin,
	"UserEdge.node":   rAdmin,

	"UserPermissions.deactivate":    rOwn,
	"UserPermissions.edit":          rOwn,
	"UserPermissions.manageTokens":  rOwn,
	"UserPermissions.resetPassword": rOwn,

	"VerifyDeliveriesPayload.deliveries": rPayload,

	"WorkAreas.cases":            rOwn,
	"WorkAreas.statistics":       rOwn,
	"WorkAreas.manageProjects":   rOwn,
	"WorkAreas.offlineSessions":  rOwn,
	"WorkAreas.claims":           rOwn,
	"WorkAreas.prepareClaims":    rOwn,
	"WorkAreas.users":            rOwn,
	"WorkAreas.verifyDeliveries": rOwn,

	"Query.projectProgress": rProgress,

	"ProjectProgress.project":  rLink,
	"ProjectProgress.on":       rMonth,
	"ProjectProgress.targets":  rProgress,
	"ProjectProgress.funds":    rFunds,
	"ProjectProgress.partners": rFunds,

	"TargetProgress.group":    rTarget,
	"TargetProgress.planned":  rTarget,
	"TargetProgress.recorded": rTarget,

	"PartnerFunds.municipality": rRef,
	"PartnerFunds.funds":        rFunds,

	"FundsProgress.budget":       rFunds,
	"FundsProgress.committed":    rFunds,
	"FundsProgress.delivered":    rFunds,
	"FundsProgress.claimed":      rFunds,
	"FundsProgress.paid":         rFunds,
	"FundsProgress.remaining":    rFunds,
	"FundsProgress.monthlyPace":  rFunds,
	"FundsProgress.exhaustedIn":  rMonth,
	"FundsProgress.unspentAtEnd": rFunds,
	"FundsProgress.byMonth":      rFunds,

	"MonthAmount.month":      rMonth,
	"MonthAmount.amount":     rFunds,
	"MonthAmount.cumulative": rFunds,
}
