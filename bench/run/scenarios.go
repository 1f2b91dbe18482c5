package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	mrand "math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// scenario is one kind of request, in Atbalsts's API and PostGraphile's equivalent.
type scenario struct {
	name  string
	write bool // a recording: sessions are counted, pgbench does not replay it
	note  string
	// atbalsts and postgraphile build client c's n-th request.
	atbalsts     func(c, n int) request
	postgraphile func(c, n int) request
	atbCheck     func(status int, data []byte) outcome
	pgCheck      func(status int, data []byte) outcome
}

func gql(query string, vars map[string]any) request {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		panic(err)
	}
	return request{body: body}
}

// globalID is an Atbalsts global id: base64url of "Type:id" (graph/id.go). The bench builds
// them the way the API does because it picks records by database id.
func globalID(typ string, id int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + strconv.Itoa(id)))
}

// pickIDs returns up to n ids of a query's result in a fixed pseudo-random order: every run
// asks for the same records in the same order.
func pickIDs(ctx context.Context, db *sql.DB, query string, n int) ([]int, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	rng := mrand.New(mrand.NewPCG(7, 11))
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	if len(ids) > n {
		ids = ids[:n]
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("no rows for %q", query)
	}
	return ids, nil
}

// nth spreads the clients over a list: client c starts at its own offset.
func nth[T any](list []T, c, n int) T { return list[(c*7919+n)%len(list)] }

// The SPA's child page query (frontend/src/pages/cases/childQuery.ts), as the SPA sends it.
const atbChildCase = `query ChildPage($id: ID!) {
  node(id: $id) {
    __typename
    ... on Child {
      id personalCode firstName lastName birthDate birthYear sex
      municipality { id name }
      livingArrangement disabilityFrom disabilityTo specialCareNeedFrom specialCareNeedTo impairments createdAt version
      viewerCan { edit }
      parents { relation legalRepresentative parent { id personalCode firstName lastName phone email address version } }
      applications {
        id submittedOn status reason version
        viewerCan { decide }
        project { id code name }
        applicant { id firstName lastName }
        events { at status comment actor { id name } }
      }
      assessments {
        id scheduledOn status completedOn cancelReason version
        viewerCan { recordAssessment cancel }
        provider { id name }
        team { name specialty }
        findings { area qualifier note }
        recommendations { recipient units note serviceType { id name nameEn } }
      }
      supportPlans {
        id kind status createdAt
        project { id name }
        current { id number validFrom validTo budget }
        pending { id number status }
      }
    }
  }
}`

// PostGraphile's equivalent: the same columns through its foreign-key relations, lists in the
// order Atbalsts gives them. It has no viewerCan (no access rules); a plan's status and its
// current and pending revisions are the client's to pick from the revisions.
const pgChildCase = `query ChildPage($id: Int!) {
  childById(id: $id) {
    id personalCode firstName lastName birthDate sex
    municipalityByMunicipalityId { id name }
    livingArrangement disabilityFrom disabilityTo specialCareNeedFrom specialCareNeedTo impairments createdAt version
    childParentsByChildIdList { relation legalRepresentative parentByParentId { id personalCode firstName lastName phone email address version } }
    applicationsByChildIdList(orderBy: [SUBMITTED_ON_DESC, ID_DESC]) {
      id submittedOn status reason version
      projectByProjectId { id code name }
      parentByApplicantId { id firstName lastName }
      applicationEventsByApplicationIdList(orderBy: ID_ASC) { at status comment appUserByActorId { id name } }
    }
    assessmentsByChildIdList(orderBy: [SCHEDULED_ON_DESC, ID_DESC]) {
      id scheduledOn status completedOn cancelReason version
      providerByProviderId { id name }
      assessmentTeamMembersByAssessmentIdList(orderBy: POSITION_ASC) { name specialty }
      assessmentFindingsByAssessmentIdList { area qualifier note }
      assessmentRecommendationsByAssessmentIdList(orderBy: POSITION_ASC) { recipient units note serviceTypeByServiceTypeId { id name nameEn } }
    }
    supportPlansByChildIdList(orderBy: ID_DESC) {
      id kind createdAt
      projectByProjectId { id name }
      planRevisionsByPlanIdList(orderBy: NUMBER_ASC) { id number status validFrom validTo budget }
    }
  }
}`

// The SPA's children list (frontend/src/pages/cases/ChildrenPage.tsx), 50 a page, with each
// child's plans for the plan-status column (PostGraphile: the plans' revisions' statuses).
const atbChildren = `query Children($filter: ChildFilter, $first: Int, $after: String, $orderBy: ChildOrder) {
  children(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id personalCode firstName lastName birthDate birthYear municipality { id name } supportPlans { id kind status } } }
  }
}`

const pgChildren = `query Children($first: Int, $after: Cursor) {
  allChildren(first: $first, after: $after, orderBy: [LAST_NAME_ASC, FIRST_NAME_ASC, ID_ASC]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id personalCode firstName lastName birthDate municipalityByMunicipalityId { id name }
      supportPlansByChildIdList(orderBy: ID_ASC) { id kind planRevisionsByPlanIdList(orderBy: NUMBER_ASC) { status } } } }
  }
}`

// A region tree: every region, its municipalities, the first children of each and their
// plans' statuses. The page size is a parameter: see regionTreeSize.
func atbRegionTree(n int) string {
	return fmt.Sprintf(`query RegionTree {
  regions {
    id code name
    municipalities {
      id name
      children(first: %d) {
        totalCount
        edges { node { id firstName lastName supportPlans { id status } } }
      }
    }
  }
}`, n)
}

func pgRegionTree(n int) string {
	return fmt.Sprintf(`query RegionTree {
  allPlanningRegionsList(orderBy: ID_ASC) {
    id code name
    municipalitiesByRegionIdList(orderBy: [NAME_ASC, ID_ASC]) {
      id name
      childrenByMunicipalityId(first: %d, orderBy: [LAST_NAME_ASC, FIRST_NAME_ASC, ID_ASC]) {
        totalCount
        nodes { id firstName lastName supportPlansByChildIdList { id planRevisionsByPlanIdList { status } } }
      }
    }
  }
}`, n)
}

// The SPA's plan editor (frontend/src/pages/cases/planQuery.ts).
const atbPlanEditor = `query PlanEditor($id: ID!) {
  node(id: $id) {
    __typename
    ... on SupportPlan {
      id kind status createdAt
      viewerCan { editDraft submit approve return activate close revise recordDelivery }
      child { id firstName lastName personalCode municipality { id name } }
      project { id code name leadRegion { id name } }
      current { ...PlanRevisionFields }
      pending { ...PlanRevisionFields }
      revisions {
        id number status validFrom validTo budget linesTotal createdAt submittedAt approvedAt
        approvedBy { id name }
      }
    }
  }
}

fragment PlanRevisionFields on PlanRevision {
  id number status validFrom validTo budget linesTotal budgetUnplanned returnComment submittedAt approvedAt createdAt version
  goals { key text indicator targetDate status }
  lines {
    key recipient plannedUnits unitPrice priceSource amount
    serviceType { id name nameEn unit }
    provider { id name }
  }
}`

// PostGraphile has no current or pending revision: it returns every revision with its goals
// and lines (1 to 3 revisions), and no computed totals.
const pgPlanEditor = `query PlanEditor($id: Int!) {
  supportPlanById(id: $id) {
    id kind createdAt
    childByChildId { id firstName lastName personalCode municipalityByMunicipalityId { id name } }
    projectByProjectId { id code name planningRegionByLeadRegionId { id name } }
    planRevisionsByPlanIdList(orderBy: NUMBER_ASC) {
      id number status validFrom validTo budget returnComment submittedAt approvedAt createdAt version
      appUserByApprovedBy { id name }
      planGoalsByRevisionIdList(orderBy: POSITION_ASC) { key text indicator targetDate status }
      planLinesByRevisionIdList(orderBy: POSITION_ASC) {
        key recipient plannedUnits unitPrice priceSource
        serviceTypeByServiceTypeId { id name nameEn unit }
        providerByProviderId { id name }
      }
    }
  }
}`

const atbRecord = `mutation Record($input: RecordDeliveriesInput!) {
  recordDeliveries(input: $input) {
    results { idempotencyKey delivery { id status } error { code field remaining } }
  }
}`

// recordTarget is a line of a running plan on which the bench records sessions.
type recordTarget struct {
	planID, childID, projectID, municipalityID, serviceTypeID, providerID int
	lineKey, unitPrice, priceSource                                       string
}

func uuid() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// cursors walks a list from its start and returns the `after` of each of its first pages
// (nil for the first), so that page requests spread over the list.
func cursors(ctx context.Context, t *target, pages int, query, path string) ([]any, error) {
	hc := newHTTPClient(1)
	out := []any{nil}
	var after any
	for len(out) < pages {
		status, data, err := post(ctx, hc, t, 0, gql(query, map[string]any{"first": 50, "after": after}).body)
		if err != nil {
			return nil, err
		}
		if o := readOutcome(status, data); !o.ok {
			return nil, fmt.Errorf("%s: children page: %s", t.name, o.errCode)
		}
		var r struct {
			Data map[string]struct {
				PageInfo struct {
					HasNextPage bool   `json:"hasNextPage"`
					EndCursor   string `json:"endCursor"`
				} `json:"pageInfo"`
			} `json:"data"`
		}
		if err := json.Unmarshal(data, &r); err != nil {
			return nil, err
		}
		pi := r.Data[path].PageInfo
		if !pi.HasNextPage {
			break
		}
		after = pi.EndCursor
		out = append(out, after)
	}
	return out, nil
}

// regionTreeSize finds the largest page of children a municipality (of 20, 10, 5, 3) that
// Atbalsts accepts under its complexity limit.
func regionTreeSize(ctx context.Context, atb *target) (int, string, error) {
	hc := newHTTPClient(1)
	var refused []string
	for _, n := range []int{20, 10, 5, 3} {
		status, data, err := post(ctx, hc, atb, 0, gql(atbRegionTree(n), nil).body)
		if err != nil {
			return 0, "", err
		}
		o := readOutcome(status, data)
		if o.ok {
			note := ""
			if len(refused) > 0 {
				note = "region tree: Atbalsts refused " + strings.Join(refused, ", ") + fmt.Sprintf("; measured with %d children a municipality", n)
			}
			return n, note, nil
		}
		refused = append(refused, fmt.Sprintf("%d children a municipality (%s)", n, o.errCode))
	}
	return 0, "", fmt.Errorf("Atbalsts refused every region tree: %s", strings.Join(refused, "; "))
}

// buildScenarios prepares the requests of every scenario from the loaded database.
func buildScenarios(ctx context.Context, db *sql.DB, atb, pg *target, recordDay time.Time, batch int) ([]*scenario, []string, error) {
	var notes []string
	children, err := pickIDs(ctx, db, `SELECT id FROM child ORDER BY id`, 2000)
	if err != nil {
		return nil, nil, err
	}
	plans, err := pickIDs(ctx, db, `SELECT id FROM support_plan ORDER BY id`, 2000)
	if err != nil {
		return nil, nil, err
	}
	atbPages, err := cursors(ctx, atb, 20, atbChildren, "children")
	if err != nil {
		return nil, nil, err
	}
	pgPages := []any{nil}
	if pg.url != "" { // not with -skip-postgraphile
		if pgPages, err = cursors(ctx, pg, 20, pgChildren, "allChildren"); err != nil {
			return nil, nil, err
		}
	}
	treeN, note, err := regionTreeSize(ctx, atb)
	if err != nil {
		return nil, nil, err
	}
	if note != "" {
		notes = append(notes, note)
	}
	targets, err := recordTargets(ctx, db, recordDay)
	if err != nil {
		return nil, nil, err
	}

	out := []*scenario{
		{
			name: "child's case",
			atbalsts: func(c, n int) request {
				return gql(atbChildCase, map[string]any{"id": globalID("Child", nth(children, c, n))})
			},
			postgraphile: func(c, n int) request { return gql(pgChildCase, map[string]any{"id": nth(children, c, n)}) },
			atbCheck:     nodeCheck, pgCheck: nodeCheck,
		},
		{
			name: "children page",
			atbalsts: func(c, n int) request {
				return gql(atbChildren, map[string]any{"first": 50, "after": nth(atbPages, c, n)})
			},
			postgraphile: func(c, n int) request {
				return gql(pgChildren, map[string]any{"first": 50, "after": nth(pgPages, c, n)})
			},
			atbCheck: readOutcome, pgCheck: readOutcome,
		},
		{
			name:         fmt.Sprintf("region tree (%d children a municipality)", treeN),
			atbalsts:     func(c, n int) request { return gql(atbRegionTree(treeN), nil) },
			postgraphile: func(c, n int) request { return gql(pgRegionTree(treeN), nil) },
			atbCheck:     readOutcome, pgCheck: readOutcome,
		},
		{
			name: "plan editor",
			atbalsts: func(c, n int) request {
				return gql(atbPlanEditor, map[string]any{"id": globalID("SupportPlan", nth(plans, c, n))})
			},
			postgraphile: func(c, n int) request { return gql(pgPlanEditor, map[string]any{"id": nth(plans, c, n)}) },
			atbCheck:     nodeCheck, pgCheck: nodeCheck,
		},
		recordScenario(targets, recordDay, batch),
	}
	return out, notes, nil
}

// nodeCheck also refuses an answer without the record (null: not found or not visible).
func nodeCheck(status int, data []byte) outcome {
	o := readOutcome(status, data)
	if !o.ok {
		return o
	}
	var r struct {
		Data map[string]json.RawMessage `json:"data"`
	}
	if json.Unmarshal(data, &r) != nil {
		return outcome{errCode: "BAD_JSON"}
	}
	for _, v := range r.Data {
		if string(v) == "null" {
			return outcome{errCode: "NULL_RECORD"}
		}
	}
	return o
}

func recordTargets(ctx context.Context, db *sql.DB, on time.Time) ([]recordTarget, error) {
	rows, err := db.QueryContext(ctx, `SELECT sp.id, sp.child_id, sp.project_id, c.municipality_id, l.service_type_id,
			l.provider_id, l.key, l.unit_price::text, l.price_source
		FROM plan_revision r
		JOIN support_plan sp ON sp.id = r.plan_id
		JOIN child c ON c.id = sp.child_id
		JOIN plan_line l ON l.revision_id = r.id
		JOIN service_type st ON st.id = l.service_type_id
		WHERE r.status = 'ACTIVE' AND r.valid_from <= $1 AND r.valid_to >= $1 AND l.recipient = 'CHILD'
			AND st.category = 'SOCIAL_REHABILITATION' AND l.provider_id IS NOT NULL
		ORDER BY sp.id, l.position`, on)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []recordTarget
	for rows.Next() {
		var t recordTarget
		if err := rows.Scan(&t.planID, &t.childID, &t.projectID, &t.municipalityID, &t.serviceTypeID, &t.providerID,
			&t.lineKey, &t.unitPrice, &t.priceSource); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no running plan lines to record sessions on %s", on.Format("2006-01-02"))
	}
	rng := mrand.New(mrand.NewPCG(13, 17))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out, rows.Err()
}

// recordScenario records batches of sessions: Atbalsts's recordDeliveries (each delivery
// checked against every rule, refused ones counted by code); PostGraphile's generated
// createServiceDelivery, one aliased mutation a delivery, which inserts whatever it is given.
func recordScenario(targets []recordTarget, on time.Time, batch int) *scenario {
	date := on.Format("2006-01-02")
	pick := func(c, n, i int) recordTarget { return targets[(c*7919+n*batch+i)%len(targets)] }
	var pgQuery strings.Builder
	pgQuery.WriteString("mutation Record(")
	for i := 0; i < batch; i++ {
		fmt.Fprintf(&pgQuery, "$d%d: ServiceDeliveryInput!, ", i)
	}
	pgQuery.WriteString(") {\n")
	for i := 0; i < batch; i++ {
		fmt.Fprintf(&pgQuery, "  d%d: createServiceDelivery(input: {serviceDelivery: $d%d}) { serviceDelivery { id status } }\n", i, i)
	}
	pgQuery.WriteString("}")
	pgText := pgQuery.String()
	return &scenario{
		name:  fmt.Sprintf("recording sessions (batches of %d)", batch),
		write: true,
		atbalsts: func(c, n int) request {
			var ds []map[string]any
			for i := 0; i < batch; i++ {
				t := pick(c, n, i)
				ds = append(ds, map[string]any{"idempotencyKey": uuid(), "planId": globalID("SupportPlan", t.planID),
					"lineKey": t.lineKey, "date": date, "units": 1, "specialistName": "Bench Speciāliste"})
			}
			return gql(atbRecord, map[string]any{"input": map[string]any{"deliveries": ds}})
		},
		postgraphile: func(c, n int) request {
			vars := map[string]any{}
			for i := 0; i < batch; i++ {
				t := pick(c, n, i)
				vars[fmt.Sprintf("d%d", i)] = map[string]any{"planId": t.planID, "lineKey": t.lineKey, "childId": t.childID,
					"projectId": t.projectID, "municipalityId": t.municipalityID, "serviceTypeId": t.serviceTypeID, "date": date,
					"units": 1, "recipient": "CHILD", "providerId": t.providerID, "specialistName": "Bench Speciāliste",
					"unitPrice": t.unitPrice, "priceSource": t.priceSource, "status": "RECORDED", "recordedBy": 1}
			}
			return gql(pgText, vars)
		},
		atbCheck: func(status int, data []byte) outcome {
			o := readOutcome(status, data)
			if !o.ok {
				return o
			}
			var r struct {
				Data struct {
					RecordDeliveries struct {
						Results []struct {
							Delivery *struct{ ID string }   `json:"delivery"`
							Error    *struct{ Code string } `json:"error"`
						} `json:"results"`
					} `json:"recordDeliveries"`
				} `json:"data"`
			}
			if json.Unmarshal(data, &r) != nil {
				return outcome{errCode: "BAD_JSON"}
			}
			o.refused = map[string]int{}
			for _, res := range r.Data.RecordDeliveries.Results {
				switch {
				case res.Error != nil:
					o.refused[res.Error.Code]++
				case res.Delivery != nil:
					o.recorded++
				}
			}
			return o
		},
		pgCheck: func(status int, data []byte) outcome {
			o := readOutcome(status, data)
			if o.ok {
				o.recorded = batch
			}
			return o
		},
	}
}

// yesterday in Latvia: a session is recorded after it took place.
func recordingDay() time.Time {
	loc, err := time.LoadLocation("Europe/Riga")
	if err != nil {
		loc = time.UTC
	}
	y, m, d := time.Now().In(loc).AddDate(0, 0, -1).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
