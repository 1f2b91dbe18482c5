package exports

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"atbalsts/domain"
)

// The sheets of the workbook.
const (
	sheetSummary    = "Kopsavilkums"
	sheetDeliveries = "Reizes"
)

// Excel's built-in number formats used here. Built-in formats are shown in the reader's
// locale, so a Latvian Excel shows 1 234,56 and 85,00% without the file saying so.
const (
	numFmtMoney   = 4  // #,##0.00
	numFmtPercent = 10 // 0.00%
)

// xlsxStyles are the workbook's cell styles.
type xlsxStyles struct {
	bold, title, money, boldMoney, percent, date, dateTime int
}

func newXLSXStyles(f *excelize.File) (st xlsxStyles, err error) {
	dateFmt, dateTimeFmt := "dd.mm.yyyy", "dd.mm.yyyy hh:mm" // fixed, as Latvian documents write dates
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&st.bold, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.money, excelize.Style{NumFmt: numFmtMoney}},
		{&st.boldMoney, excelize.Style{NumFmt: numFmtMoney, Font: &excelize.Font{Bold: true}}},
		{&st.percent, excelize.Style{NumFmt: numFmtPercent}},
		{&st.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.dateTime, excelize.Style{CustomNumFmt: &dateTimeFmt}},
	} {
		if *s.id, err = f.NewStyle(&s.style); err != nil {
			return st, err
		}
	}
	return st, nil
}

// WriteXLSX writes the statement as an Excel workbook: the sheet "Kopsavilkums" with the
// header, the totals per service type and per fund and the total, and the sheet "Reizes"
// with one row per delivery under a bold, frozen header row. Amounts, counts and dates are
// numbers and dates that Excel can sum and sort, shown with two decimals and as dd.mm.yyyy.
func WriteXLSX(w io.Writer, s *Statement) error {
	if s == nil {
		return errors.New("exports: no statement")
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	// A new workbook has one sheet, "Sheet1": the summary takes it, so that it opens first.
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return err
	}
	if _, err := f.NewSheet(sheetDeliveries); err != nil {
		return err
	}
	if err := writeSummarySheet(f, s, st); err != nil {
		return err
	}
	if err := writeDeliveriesSheet(f, s, st); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Title: title + " Nr. " + strconv.Itoa(s.ClaimID), Creator: "Atbalsts", Language: "lv-LV"}); err != nil {
		return err
	}
	return f.Write(w)
}

// rowWriter numbers the rows of a streamed sheet, which must come in order.
type rowWriter struct {
	sw  *excelize.StreamWriter
	row int
}

func (r *rowWriter) write(cells ...any) error {
	r.row++
	ref, err := excelize.CoordinatesToCellName(1, r.row)
	if err != nil {
		return err
	}
	return r.sw.SetRow(ref, cells)
}

func (r *rowWriter) skip() { r.row++ }

// The sheets are streamed: a claim can hold tens of thousands of deliveries (a year's home
// care is counted in hours), and a stream writer keeps only the current row in memory.

func writeSummarySheet(f *excelize.File, s *Statement, st xlsxStyles) error {
	sw, err := f.NewStreamWriter(sheetSummary)
	if err != nil {
		return err
	}
	if err := setColWidths(sw, 34, 18, 14, 14, 14, 16); err != nil {
		return err
	}
	r := &rowWriter{sw: sw}
	bold := func(label string) excelize.Cell { return excelize.Cell{StyleID: st.bold, Value: label} }
	money := func(m domain.Money) excelize.Cell { return excelize.Cell{StyleID: st.money, Value: euros(m)} }
	rows := [][]any{
		{excelize.Cell{StyleID: st.title, Value: title}},
		nil,
		{bold(labelClaimNo), s.ClaimID},
		{bold(labelMuni), guard(s.MunicipalityName)},
		{bold(labelProjCode), guard(s.ProjectCode)},
		{bold(labelProjName), guard(s.ProjectName)},
		{bold("Perioda sākums"), excelize.Cell{StyleID: st.date, Value: excelDate(s.PeriodFrom)}},
		{bold("Perioda beigas"), excelize.Cell{StyleID: st.date, Value: excelDate(s.PeriodTo)}},
		{bold(labelStatus), statusName(s.Status)},
		{bold(labelSubmitted), excelize.Cell{StyleID: st.dateTime, Value: s.SubmittedAt.In(domain.Riga)}},
		{bold(labelDelivs), s.DeliveryCount()},
		{bold(labelChildren), s.ChildCount},
		nil,
		{bold(sectionByService)},
		{bold(colService), bold(colUnit), bold(colUnits), bold(colDelivs), bold(colChildren), bold(colAmount)},
	}
	for _, l := range s.ByService {
		rows = append(rows, []any{guard(l.ServiceName), unitName(l.Unit), l.Units, l.Deliveries, l.Children, money(l.Amount)})
	}
	rows = append(rows, nil,
		[]any{bold(sectionByFund)},
		[]any{bold(colFund), bold("Daļa"), bold(colAmount)})
	for _, fl := range s.ByFund {
		rows = append(rows, []any{fundName(fl.Code), excelize.Cell{StyleID: st.percent, Value: float64(fl.ShareBP) / 10000}, money(fl.Amount)})
	}
	rows = append(rows, []any{bold(labelTotal), nil, excelize.Cell{StyleID: st.boldMoney, Value: euros(s.Total)}})
	for _, cells := range rows {
		if cells == nil {
			r.skip()
			continue
		}
		if err := r.write(cells...); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func writeDeliveriesSheet(f *excelize.File, s *Statement, st xlsxStyles) error {
	sw, err := f.NewStreamWriter(sheetDeliveries)
	if err != nil {
		return err
	}
	header := []string{colDeliveryID, colDate, colChild, colService, colRecipient, colProvider, colUnits, colUnit, colUnitPrice, colAmount}
	if err := setColWidths(sw, 11, 12, 10, 30, 11, 34, 10, 12, 18, 14); err != nil {
		return err
	}
	// The header row stays in view while the deliveries scroll.
	if err := freezeRows(sw, 1); err != nil {
		return err
	}
	r := &rowWriter{sw: sw}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: st.bold, Value: h}
	}
	if err := r.write(cells...); err != nil {
		return err
	}
	for _, d := range s.Deliveries {
		err := r.write(d.ID, excelize.Cell{StyleID: st.date, Value: excelDate(d.Date)}, d.ChildID, guard(d.ServiceName),
			recipientName(d.Recipient), guard(d.ProviderName), d.Units, unitName(d.Unit),
			excelize.Cell{StyleID: st.money, Value: euros(d.UnitPrice)}, excelize.Cell{StyleID: st.money, Value: euros(d.Amount)})
		if err != nil {
			return err
		}
	}
	return sw.Flush()
}

// euros is an amount as the number Excel holds. Excel has only floating point; the cents
// are exact in the file (1234.56 is written as "1234.56"), and sums of them round back to
// the cent far beyond any claim's size.
func euros(m domain.Money) float64 { return float64(m) / 100 }

// excelDate is the calendar day of a date as a time excelize writes as that day: it moves a
// value's wall clock into the file, so a date must come as midnight of its own day.
func excelDate(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// setColWidths sets the widths of a streamed sheet's columns from the first on; it must come
// before the sheet's first row.
func setColWidths(sw *excelize.StreamWriter, widths ...float64) error {
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	return nil
}

// freezeRows keeps the first n rows of a streamed sheet in view while the rest scroll; it
// must come before the sheet's first row.
func freezeRows(sw *excelize.StreamWriter, n int) error {
	top, err := excelize.CoordinatesToCellName(1, n+1)
	if err != nil {
		return err
	}
	return sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: n, TopLeftCell: top, ActivePane: "bottomLeft"})
}

// WriteStatisticsXLSX writes a report as a workbook of one sheet ("Statistika", or
// "Statistics" in English): the title and the header block on top, then the table under a
// bold header row that stays in view (the rows above it with it), the total row in bold.
// Counts are whole numbers and money numbers shown with two decimals; a suppressed cell's
// figures are empty cells.
func WriteStatisticsXLSX(w io.Writer, r *StatisticsReport) error {
	t, err := r.layout()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	sheet := "Statistika"
	if r.Lang == LangEN {
		sheet = "Statistics"
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := make([]float64, len(t.columns))
	for i := range widths {
		switch {
		case i < t.dimCols:
			widths[i] = 30 // names of service types and projects, and the header block's labels
		case slices.Contains(t.moneyCols, i):
			widths[i] = 16
		default:
			widths[i] = 12
		}
	}
	if err := setColWidths(sw, widths...); err != nil {
		return err
	}
	// The title, an empty row, the header block, an empty row, then the table's header row.
	headerRow := 1 + 1 + len(t.info) + 1 + 1
	if err := freezeRows(sw, headerRow); err != nil {
		return err
	}
	rw := &rowWriter{sw: sw}
	bold := func(s string) excelize.Cell { return excelize.Cell{StyleID: st.bold, Value: guard(s)} }
	if err := rw.write(excelize.Cell{StyleID: st.title, Value: t.title}); err != nil {
		return err
	}
	rw.skip()
	for _, l := range t.info {
		if err := rw.write(bold(l[0]), guard(l[1])); err != nil {
			return err
		}
	}
	rw.skip()
	header := make([]any, len(t.columns))
	for i, c := range t.columns {
		header[i] = bold(c)
	}
	if err := rw.write(header...); err != nil {
		return err
	}
	cells := func(row []statValue, total bool) []any {
		out := make([]any, len(row))
		for i, v := range row {
			c := excelize.Cell{}
			switch v.kind {
			case valText:
				c.Value = guard(v.text)
			case valCount:
				c.Value = v.count
			case valMoney:
				c.Value, c.StyleID = euros(v.money), st.money
			}
			if total && v.kind == valMoney {
				c.StyleID = st.boldMoney
			} else if total {
				c.StyleID = st.bold
			}
			out[i] = c
		}
		return out
	}
	for _, row := range t.rows {
		if err := rw.write(cells(row, false)...); err != nil {
			return err
		}
	}
	if err := rw.write(cells(t.total, true)...); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	language := "lv-LV"
	if r.Lang == LangEN {
		language = "en-GB"
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: t.title, Creator: "Atbalsts", Language: language}); err != nil {
		return err
	}
	return f.Write(w)
}
