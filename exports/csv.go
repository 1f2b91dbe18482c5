package exports

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
)

// bom is the UTF-8 byte order mark. Excel reads a CSV file without it in the system's legacy
// code page (Windows-1257 in Latvia) and garbles ā č ē ģ ī ķ ļ ņ š ū ž; with it, as UTF-8.
const bom = "\uFEFF"

// WriteCSV writes the statement as CSV for Excel in a Latvian locale: a header block, one row
// per delivery, the totals per service type, and the amounts per funding source with the
// total. Sections are separated by an empty line; rows have as many fields as their section.
//
// The separator is a semicolon: Latvian Windows has the comma as its decimal separator and
// the semicolon as its list separator, and Excel splits a double-clicked CSV file on the list
// separator. Amounts then carry a decimal comma ("1234,56") and no thousands grouping, so that
// Excel in that locale reads them as numbers that can be summed; a grouped "1 234,56" would
// stay text unless its space were exactly the locale's grouping character.
func WriteCSV(w io.Writer, s *Statement) error {
	if s == nil {
		return errors.New("exports: no statement")
	}
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := newCSVWriter(w)
	row := func(fields ...string) {
		for i, f := range fields {
			fields[i] = guard(f)
		}
		_ = cw.Write(fields) // an error sticks in cw and is returned by cw.Error below
	}

	row(title)
	row(labelClaimNo, strconv.Itoa(s.ClaimID))
	row(labelMuni, s.MunicipalityName)
	row(labelProjCode, s.ProjectCode)
	row(labelProjName, s.ProjectName)
	row(labelPeriod, lvPeriod(s.PeriodFrom, s.PeriodTo))
	row(labelStatus, statusName(s.Status))
	row(labelSubmitted, lvDateTime(s.SubmittedAt))
	row(labelDelivs, strconv.Itoa(s.DeliveryCount()))
	row(labelChildren, strconv.Itoa(s.ChildCount))

	row()
	row(sectionDeliveries)
	row(colDeliveryID, colDate, colChild, colService, colRecipient, colProvider, colUnits, colUnit, colUnitPrice, colAmount)
	for _, d := range s.Deliveries {
		row(strconv.Itoa(d.ID), lvDate(d.Date), strconv.Itoa(d.ChildID), d.ServiceName, recipientName(d.Recipient),
			d.ProviderName, strconv.Itoa(d.Units), unitName(d.Unit), lvMoney(d.UnitPrice, ""), lvMoney(d.Amount, ""))
	}

	row()
	row(sectionByService)
	row(colService, colUnits, colUnit, colDelivs, colChildren, colAmount)
	for _, l := range s.ByService {
		row(l.ServiceName, strconv.Itoa(l.Units), unitName(l.Unit), strconv.Itoa(l.Deliveries), strconv.Itoa(l.Children),
			lvMoney(l.Amount, ""))
	}

	row()
	row(sectionByFund)
	row(colFund, colShare, colAmount)
	for _, f := range s.ByFund {
		row(fundName(f.Code), lvShare(f.ShareBP), lvMoney(f.Amount, ""))
	}
	row(labelTotal, "", lvMoney(s.Total, ""))

	cw.Flush()
	return cw.Error()
}

// newCSVWriter writes fields separated by semicolons and lines ended by CRLF, as a Latvian
// Excel reads them (see WriteCSV).
func newCSVWriter(w io.Writer) *csv.Writer {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true // the line ending Excel on Windows writes and expects
	return cw
}
