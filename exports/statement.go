// Package exports writes a compensation claim (izdevumu kompensācijas pieprasījums) as a
// statement a municipality and a planning region can file, check and pass on: CSV and XLSX
// for spreadsheets, PDF for reading and signing; and the figures of the statistics query as a
// table for a spreadsheet, CSV and XLSX (statistics.go); and a support plan's revision as a
// PDF to print and sign (planpdf.go), which, being the family's document, does name the child.
//
// The package takes a Statement (or a StatisticsReport) the caller has already gathered, and
// neither reads the database nor knows the API, so that each format is tested on plain values. A statement
// carries no child's name or personal code: a child is named by the system's number only,
// since a claim travels to the region and onwards.
package exports

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"atbalsts/domain"
)

// Statement is what a claim's exports show. Totals are taken as given (the claim's figures
// frozen at submission), not recomputed here, so that every format shows the same sums as
// the claim itself.
type Statement struct {
	ClaimID          int                // the claim's number
	Status           domain.ClaimStatus // where the claim stands; shown in Latvian
	MunicipalityName string             // who claims
	ProjectCode      string             // the project's code, e.g. 9.2.2.1/15/I/005
	ProjectName      string             // the project's name
	PeriodFrom       time.Time          // first day claimed (a date: only its calendar day counts)
	PeriodTo         time.Time          // last day claimed (a date)
	SubmittedAt      time.Time          // when the claim was submitted; shown on Riga's clock
	Total            domain.Money       // the claim's sum
	ChildCount       int                // distinct children over all services
	ByService        []ServiceLine      // per service type; the lines add up to Total
	ByFund           []FundLine         // per funding source; the lines add up to Total
	Deliveries       []DeliveryLine     // the claimed deliveries, in the order to be shown
}

// ServiceLine is a claim's sum for one service type.
type ServiceLine struct {
	ServiceName string             // the service type's Latvian name
	Unit        domain.ServiceUnit // what its units are
	Units       int                // units delivered
	Amount      domain.Money       // their cost
	Deliveries  int                // how many deliveries
	Children    int                // for how many children
}

// FundLine is a funding source's part of a claim.
type FundLine struct {
	Code    domain.FundingSourceCode // the fund
	ShareBP int                      // its share in hundredths of a percent: 8500 is 85 %
	Amount  domain.Money             // its part, to the cent
}

// DeliveryLine is one claimed delivery.
type DeliveryLine struct {
	ID           int                // the delivery's number, to trace it back
	Date         time.Time          // the day delivered (a date)
	ChildID      int                // the child's number in the system (pseudonymous: no name)
	ServiceName  string             // the service type's Latvian name
	Unit         domain.ServiceUnit // what Units are
	Recipient    domain.Recipient   // the child, or the parents
	ProviderName string             // who delivered
	Units        int                // sessions, hours or days
	UnitPrice    domain.Money       // price of one unit
	Amount       domain.Money       // the delivery's cost
}

// DeliveryCount is the number of deliveries claimed, as the per-service lines count them
// (the Deliveries list may be left short by a caller that only needs the summary).
func (s *Statement) DeliveryCount() int {
	n := 0
	for _, l := range s.ByService {
		n += l.Deliveries
	}
	return n
}

// FileName is the name to offer for a download of the statement, e.g. "pieprasijums-12.csv".
// It is ASCII so that it needs no encoding in a Content-Disposition header. ext is the
// format, "csv", "xlsx" or "pdf", with or without its dot.
func FileName(s *Statement, ext string) string {
	return fmt.Sprintf("pieprasijums-%d.%s", s.ClaimID, strings.TrimPrefix(ext, "."))
}

// The Latvian words the statements use, in one place so that the three formats agree.
const (
	title          = "Izdevumu kompensācijas pieprasījums"
	labelClaimNo   = "Pieprasījuma Nr."
	labelMuni      = "Pašvaldība"
	labelProjCode  = "Projekta numurs"
	labelProjName  = "Projekta nosaukums"
	labelPeriod    = "Periods"
	labelStatus    = "Statuss"
	labelSubmitted = "Iesniegšanas laiks"
	labelDelivs    = "Pakalpojumu reižu skaits"
	labelChildren  = "Bērnu skaits"
	labelTotal     = "Kopā"

	sectionDeliveries = "Sniegtie pakalpojumi"
	sectionByService  = "Pa pakalpojumu veidiem"
	sectionByFund     = "Pa finansējuma avotiem"

	colDeliveryID = "Reizes Nr."
	colDate       = "Datums"
	colChild      = "Bērna Nr."
	colService    = "Pakalpojums"
	colRecipient  = "Saņēmējs"
	colProvider   = "Sniedzējs"
	colUnits      = "Vienības"
	colUnit       = "Mērvienība"
	colUnitPrice  = "Vienības cena, EUR"
	colAmount     = "Summa, EUR"
	colDelivs     = "Reižu skaits"
	colChildren   = "Bērnu skaits"
	colFund       = "Finansējuma avots"
	colShare      = "Daļa, %"
)

// statusName is a claim status in Latvian; an unknown one is shown as it came rather than
// hidden.
func statusName(s domain.ClaimStatus) string {
	switch s {
	case domain.ClaimSubmitted:
		return "Iesniegts"
	case domain.ClaimApproved:
		return "Apstiprināts"
	case domain.ClaimRejected:
		return "Noraidīts"
	case domain.ClaimPaid:
		return "Apmaksāts"
	}
	return string(s)
}

// fundName is a funding source's Latvian name.
func fundName(c domain.FundingSourceCode) string {
	switch c {
	case domain.FundESF:
		return "Eiropas Sociālais fonds"
	case domain.FundState:
		return "Valsts budžets"
	case domain.FundMunicipal:
		return "Pašvaldības budžets"
	}
	return string(c)
}

// unitName is a service unit in Latvian, in the plural a count of units reads with.
func unitName(u domain.ServiceUnit) string {
	switch u {
	case domain.UnitSession:
		return "reizes"
	case domain.UnitHour:
		return "stundas"
	case domain.UnitDay:
		return "dienas"
	}
	return string(u)
}

// recipientName is who received a service, in Latvian.
func recipientName(r domain.Recipient) string {
	switch r {
	case domain.RecipientChild:
		return "Bērns"
	case domain.RecipientParents:
		return "Vecāki"
	}
	return string(r)
}

// nbsp groups thousands in the PDF, as the SPA does, so that an amount never wraps.
const nbsp = "\u00a0"

// lvMoney writes an amount the Latvian way, with a decimal comma: "1234,56", or with
// thousands grouped by sep: "1 234,56". It works on the cents' digits, never on a float.
func lvMoney(m domain.Money, sep string) string {
	s := m.String() // "-1234.56"
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", rest
	}
	whole, cents, _ := strings.Cut(s, ".")
	if sep != "" {
		var b strings.Builder
		for i, d := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteString(sep)
			}
			b.WriteRune(d)
		}
		whole = b.String()
	}
	return sign + whole + "," + cents
}

// lvShare writes a share in percent without needless zeros and with a decimal comma: 8500
// is "85", 8650 is "86,5".
func lvShare(bp int) string {
	s := strconv.Itoa(bp / 100)
	if frac := bp % 100; frac != 0 {
		s += "," + strings.TrimRight(fmt.Sprintf("%02d", frac), "0")
	}
	return s
}

// lvDate writes a date as dd.mm.yyyy, the order Latvian documents use.
func lvDate(t time.Time) string { return t.Format("02.01.2006") }

// lvPeriod writes a period as "01.01.2021–11.11.2021".
func lvPeriod(from, to time.Time) string { return lvDate(from) + "–" + lvDate(to) }

// lvDateTime writes a point in time on Riga's clock, where the users and the server's day
// boundaries are, whatever zone the value came in.
func lvDateTime(t time.Time) string { return t.In(domain.Riga).Format("02.01.2006 15:04") }

// guard keeps a spreadsheet from running a cell as a formula (CSV injection): text that
// starts with = + - @, or with a tab or carriage return that some programs skip before
// looking for one, gets a leading apostrophe, which spreadsheets read as "this is text".
// Names come from users and providers, so any of them may start that way.
func guard(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
