package exports

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"atbalsts/domain"
)

// DejaVu Sans (from Debian's fonts-dejavu-core 2.37; licence in fonts/LICENSE) has every
// Latvian letter, which the PDF core fonts do not. It is embedded so that the binary needs no
// font installed where it runs.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

// pdfDeliveryRows is how many deliveries the PDF lists. A claim may hold thousands; the PDF
// is the document to read and sign, the full list is in the CSV and XLSX.
const pdfDeliveryRows = 100

// The page: A4 in millimetres.
const (
	pageMargin   = 15.0
	bottomMargin = 18.0 // room for the footer below the text
	lineH        = 6.0
)

// WritePDF writes the statement as an A4 PDF: title, header, the totals per service type and
// per fund, the total, the counts of deliveries and children, and the first deliveries.
func WritePDF(w io.Writer, s *Statement) error {
	return writePDF(w, s, true)
}

// writePDF is WritePDF with a choice of compression, which tests turn off to find the text.
func writePDF(w io.Writer, s *Statement, compress bool) error {
	if s == nil {
		return errors.New("exports: no statement")
	}
	docTitle := title + " Nr. " + strconv.Itoa(s.ClaimID)
	pdf := newPDF(compress, docTitle, fmt.Sprintf("Pieprasījums Nr. %d", s.ClaimID))
	pdf.AddPage()
	pageW, _ := pdf.GetPageSize()
	contentW := pageW - 2*pageMargin

	pdf.SetFont("DejaVu", "B", 15)
	pdf.MultiCell(contentW, 8, docTitle, "", "L", false)
	pdf.Ln(3)

	// The header: a label and its value, the value wrapping if long (a project's name).
	const labelW = 52.0
	for _, kv := range [][2]string{
		{labelMuni, s.MunicipalityName},
		{labelProjCode, s.ProjectCode},
		{labelProjName, s.ProjectName},
		{labelPeriod, lvPeriod(s.PeriodFrom, s.PeriodTo)},
		{labelStatus, statusName(s.Status)},
		{labelSubmitted, lvDateTime(s.SubmittedAt)},
	} {
		pdf.SetFont("DejaVu", "B", 10)
		pdf.CellFormat(labelW, lineH, kv[0], "", 0, "L", false, 0, "")
		pdf.SetFont("DejaVu", "", 10)
		pdf.MultiCell(contentW-labelW, lineH, kv[1], "", "L", false)
	}

	t := &pdfTable{pdf: pdf, size: 9, rowH: lineH}

	section(pdf, sectionByService)
	t.cols = []pdfCol{{colService, 60, "L"}, {colUnit, 24, "L"}, {colUnits, 20, "R"}, {colDelivs, 24, "R"}, {colChildren, 26, "R"}, {colAmount, 26, "R"}}
	t.header()
	var units, delivs int
	for _, l := range s.ByService {
		t.row(false, l.ServiceName, unitName(l.Unit), strconv.Itoa(l.Units), strconv.Itoa(l.Deliveries), strconv.Itoa(l.Children), lvMoney(l.Amount, nbsp))
		units += l.Units
		delivs += l.Deliveries
	}
	// Units of different kinds (sessions, hours) do not add up, so the total row leaves them out.
	t.row(true, labelTotal, "", "", strconv.Itoa(delivs), "", lvMoney(s.Total, nbsp))

	section(pdf, sectionByFund)
	t.cols = []pdfCol{{colFund, 110, "L"}, {colShare, 24, "R"}, {colAmount, 46, "R"}}
	t.header()
	for _, f := range s.ByFund {
		t.row(false, fundName(f.Code), lvShare(f.ShareBP), lvMoney(f.Amount, nbsp))
	}
	t.row(true, labelTotal, "", lvMoney(s.Total, nbsp))

	pdf.Ln(4)
	pdf.SetFont("DejaVu", "B", 12)
	pdf.CellFormat(contentW, 8, "Pieprasītā summa: "+lvMoney(s.Total, nbsp)+nbsp+"€", "", 1, "L", false, 0, "")
	pdf.SetFont("DejaVu", "", 10)
	pdf.CellFormat(contentW, lineH, fmt.Sprintf("%s: %d", labelDelivs, s.DeliveryCount()), "", 1, "L", false, 0, "")
	pdf.CellFormat(contentW, lineH, fmt.Sprintf("%s: %d", labelChildren, s.ChildCount), "", 1, "L", false, 0, "")

	if len(s.Deliveries) > 0 {
		section(pdf, sectionDeliveries)
		t.size, t.rowH = 7.5, 5
		t.cols = []pdfCol{{colDate, 18, "L"}, {colChild, 17, "R"}, {colService, 38, "L"}, {colRecipient, 17, "L"},
			{colProvider, 42, "L"}, {"Vien.", 14, "R"}, {"Cena", 15, "R"}, {"Summa", 19, "R"}}
		t.header()
		shown := s.Deliveries[:min(len(s.Deliveries), pdfDeliveryRows)]
		for _, d := range shown {
			t.row(false, lvDate(d.Date), strconv.Itoa(d.ChildID), d.ServiceName, recipientName(d.Recipient),
				d.ProviderName, strconv.Itoa(d.Units)+" "+unitAbbr(d.Unit), lvMoney(d.UnitPrice, nbsp), lvMoney(d.Amount, nbsp))
		}
		if rest := len(s.Deliveries) - len(shown); rest > 0 {
			pdf.SetFont("DejaVu", "", 9)
			pdf.MultiCell(contentW, lineH, fmt.Sprintf("… un vēl %d reizes. Pilns saraksts ir pieprasījuma CSV un XLSX datnē.", rest), "", "L", false)
		}
	}

	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// newPDF starts an A4 document in the embedded DejaVu fonts, with its title in the metadata
// and a footer of footer and the page number on every page; the caller adds the first page.
func newPDF(compress bool, docTitle, footer string) *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	// Before the fonts are added: with an alias fpdf keeps the digits that replace it in the
	// font subset.
	pdf.AliasNbPages("{nb}")
	pdf.AddUTF8FontFromBytes("DejaVu", "", fontRegular)
	pdf.AddUTF8FontFromBytes("DejaVu", "B", fontBold)
	pdf.SetTitle(docTitle, true)
	pdf.SetCreator("Atbalsts", true)
	pdf.SetLang("lv")
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, bottomMargin)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("DejaVu", "", 8)
		pdf.CellFormat(0, 5, fmt.Sprintf("%s · lapa %d no {nb}", footer, pdf.PageNo()), "", 0, "R", false, 0, "")
	})
	return pdf
}

// unitAbbr is a unit in the short form a narrow column has room for.
func unitAbbr(u domain.ServiceUnit) string {
	switch u {
	case domain.UnitSession:
		return "r."
	case domain.UnitHour:
		return "st."
	case domain.UnitDay:
		return "d."
	}
	return string(u)
}

// section starts a part of the statement with its heading.
func section(pdf *fpdf.Fpdf, heading string) {
	pdf.Ln(5)
	pdf.SetFont("DejaVu", "B", 11)
	pdf.CellFormat(0, 7, heading, "", 1, "L", false, 0, "")
}

// pdfCol is a table column: heading, width in mm and alignment.
type pdfCol struct {
	head  string
	width float64
	align string
}

// pdfTable draws a table row by row, repeating the heading on each new page.
type pdfTable struct {
	pdf  *fpdf.Fpdf
	cols []pdfCol
	size float64 // font size
	rowH float64 // row height in mm
}

func (t *pdfTable) header() {
	t.pdf.SetFont("DejaVu", "B", t.size)
	t.pdf.SetFillColor(230, 230, 230)
	for _, c := range t.cols {
		t.pdf.CellFormat(c.width, t.rowH, fit(t.pdf, c.head, c.width), "1", 0, c.align, true, 0, "")
	}
	t.pdf.Ln(-1)
}

// row draws one row; a text too wide for its column is cut short with "…" so that every row
// keeps one line's height.
func (t *pdfTable) row(bold bool, cells ...string) {
	_, pageH := t.pdf.GetPageSize()
	if t.pdf.GetY()+t.rowH > pageH-bottomMargin {
		t.pdf.AddPage()
		t.header()
	}
	style := ""
	if bold {
		style = "B"
	}
	t.pdf.SetFont("DejaVu", style, t.size)
	for i, c := range t.cols {
		t.pdf.CellFormat(c.width, t.rowH, fit(t.pdf, cells[i], c.width), "1", 0, c.align, false, 0, "")
	}
	t.pdf.Ln(-1)
}

// fit cuts s to the width of a cell in the current font, ending it with "…" if cut.
func fit(pdf *fpdf.Fpdf, s string, width float64) string {
	room := width - 2*pdf.GetCellMargin()
	if pdf.GetStringWidth(s) <= room {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && pdf.GetStringWidth(string(r)+"…") > room {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
