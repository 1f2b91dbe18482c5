package exports

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"atbalsts/domain"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// sample is a small claim whose figures add up: three deliveries of two services, 85/15
// split, names with Latvian letters and names that a spreadsheet would take for formulas.
func sample() *Statement {
	deliveries := []DeliveryLine{
		{ID: 501, Date: date(2021, 3, 5), ChildID: 17, ServiceName: "Fizioterapija", Unit: domain.UnitSession,
			Recipient: domain.RecipientChild, ProviderName: "=SUM(A1)", Units: 1, UnitPrice: 3000, Amount: 3000},
		{ID: 502, Date: date(2021, 3, 12), ChildID: 17, ServiceName: "Fizioterapija", Unit: domain.UnitSession,
			Recipient: domain.RecipientParents, ProviderName: "+1", Units: 2, UnitPrice: 3000, Amount: 6000},
		{ID: 503, Date: date(2021, 4, 1), ChildID: 23, ServiceName: "Aprūpe mājās", Unit: domain.UnitHour,
			Recipient: domain.RecipientChild, ProviderName: "@x Ģimeņu atbalsta centrs „Ūdensroze”", Units: 325, UnitPrice: 379, Amount: 123175},
	}
	return &Statement{
		ClaimID:          12,
		Status:           domain.ClaimApproved,
		MunicipalityName: "Rēzeknes valstspilsētas pašvaldība",
		ProjectCode:      "9.2.2.1/15/I/005",
		ProjectName:      "Latgales reģiona deinstitucionalizācijas plāna īstenošana — ķēniņš, ļoti ņipri, šķūnis, žagata, čūska, ģimene, īves",
		PeriodFrom:       date(2021, 1, 1),
		PeriodTo:         date(2021, 11, 11),
		SubmittedAt:      time.Date(2021, 11, 22, 14, 3, 0, 0, time.UTC), // 16:03 in Riga
		Total:            132175,
		ChildCount:       2,
		ByService: []ServiceLine{
			{ServiceName: "Fizioterapija", Unit: domain.UnitSession, Units: 3, Amount: 9000, Deliveries: 2, Children: 1},
			{ServiceName: "Aprūpe mājās", Unit: domain.UnitHour, Units: 325, Amount: 123175, Deliveries: 1, Children: 1},
		},
		ByFund: []FundLine{
			{Code: domain.FundESF, ShareBP: 8500, Amount: 112349},
			{Code: domain.FundState, ShareBP: 1500, Amount: 19826},
		},
		Deliveries: deliveries,
	}
}

func TestSampleAddsUp(t *testing.T) {
	// The other tests rely on the sample being a consistent claim.
	s := sample()
	var byDelivery, byService, byFund domain.Money
	for _, d := range s.Deliveries {
		byDelivery += d.Amount
		if domain.Money(d.Units)*d.UnitPrice != d.Amount {
			t.Errorf("delivery %d: %d × %s ≠ %s", d.ID, d.Units, d.UnitPrice, d.Amount)
		}
	}
	for _, l := range s.ByService {
		byService += l.Amount
	}
	for _, f := range s.ByFund {
		byFund += f.Amount
	}
	if byDelivery != s.Total || byService != s.Total || byFund != s.Total {
		t.Fatalf("sample does not add up: deliveries %s, services %s, funds %s, total %s", byDelivery, byService, byFund, s.Total)
	}
}

func TestFormatting(t *testing.T) {
	for _, c := range []struct {
		m    domain.Money
		sep  string
		want string
	}{
		{0, "", "0,00"}, {5, "", "0,05"}, {123456, "", "1234,56"}, {123456, " ", "1 234,56"},
		{100000000, " ", "1 000 000,00"}, {99999, " ", "999,99"}, {-123456, " ", "-1 234,56"},
	} {
		if got := lvMoney(c.m, c.sep); got != c.want {
			t.Errorf("lvMoney(%d, %q) = %q, want %q", c.m, c.sep, got, c.want)
		}
	}
	for bp, want := range map[int]string{8500: "85", 8650: "86,5", 1525: "15,25", 0: "0", 10000: "100", 5: "0,05"} {
		if got := lvShare(bp); got != want {
			t.Errorf("lvShare(%d) = %q, want %q", bp, got, want)
		}
	}
	if got := lvDateTime(time.Date(2021, 7, 1, 21, 30, 0, 0, time.UTC)); got != "02.07.2021 00:30" {
		t.Errorf("lvDateTime gives %q: not Riga's clock (UTC+3 in summer)", got)
	}
	for in, want := range map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-1": "'-1", "@x": "'@x", "\tx": "'\tx", "\r=1": "'\r=1",
		"Ārsts": "Ārsts", "": "", "a=b": "a=b", "1,5": "1,5",
	} {
		if got := guard(in); got != want {
			t.Errorf("guard(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFileName(t *testing.T) {
	s := &Statement{ClaimID: 12}
	for ext, want := range map[string]string{"csv": "pieprasijums-12.csv", ".xlsx": "pieprasijums-12.xlsx", "pdf": "pieprasijums-12.pdf"} {
		if got := FileName(s, ext); got != want {
			t.Errorf("FileName(%q) = %q, want %q", ext, got, want)
		}
	}
}

// readCSV checks the BOM and parses the rest as the semicolon-separated file Excel reads.
func readCSV(t *testing.T, s *Statement) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, s); err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(buf.Bytes(), []byte{0xEF, 0xBB, 0xBF})
	if !ok {
		t.Fatalf("CSV does not start with the UTF-8 BOM: % x", buf.Bytes()[:min(3, buf.Len())])
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = ';'
	r.FieldsPerRecord = -1 // each section has its own width
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse back: %v", err)
	}
	return rows
}

// sectionRows returns the rows after the row whose first cell is heading, up to the next
// section (encoding/csv skips the empty line between sections).
func sectionRows(t *testing.T, rows [][]string, heading string) [][]string {
	t.Helper()
	headings := []string{sectionDeliveries, sectionByService, sectionByFund}
	for i, r := range rows {
		if r[0] == heading {
			end := i + 1
			for end < len(rows) && !slices.Contains(headings, rows[end][0]) {
				end++
			}
			return rows[i+1 : end]
		}
	}
	t.Fatalf("no section %q", heading)
	return nil
}

func TestCSV(t *testing.T) {
	s := sample()
	rows := readCSV(t, s)

	// The header block runs up to the first section.
	header := map[string]string{}
	for _, r := range rows[1:] {
		if r[0] == sectionDeliveries {
			break
		}
		header[r[0]] = r[1]
	}
	wantHeader := map[string]string{
		"Pieprasījuma Nr.":         "12",
		"Pašvaldība":               "Rēzeknes valstspilsētas pašvaldība",
		"Projekta numurs":          "9.2.2.1/15/I/005",
		"Projekta nosaukums":       s.ProjectName,
		"Periods":                  "01.01.2021–11.11.2021",
		"Statuss":                  "Apstiprināts",
		"Iesniegšanas laiks":       "22.11.2021 16:03",
		"Pakalpojumu reižu skaits": "3",
		"Bērnu skaits":             "2",
	}
	if diff := cmp.Diff(wantHeader, header); diff != "" {
		t.Errorf("header block (-want +got):\n%s", diff)
	}
	if rows[0][0] != "Izdevumu kompensācijas pieprasījums" {
		t.Errorf("first row %q, want the title", rows[0])
	}

	wantDeliveries := [][]string{
		{"Reizes Nr.", "Datums", "Bērna Nr.", "Pakalpojums", "Saņēmējs", "Sniedzējs", "Vienības", "Mērvienība", "Vienības cena, EUR", "Summa, EUR"},
		{"501", "05.03.2021", "17", "Fizioterapija", "Bērns", "'=SUM(A1)", "1", "reizes", "30,00", "30,00"},
		{"502", "12.03.2021", "17", "Fizioterapija", "Vecāki", "'+1", "2", "reizes", "30,00", "60,00"},
		{"503", "01.04.2021", "23", "Aprūpe mājās", "Bērns", "'@x Ģimeņu atbalsta centrs „Ūdensroze”", "325", "stundas", "3,79", "1231,75"},
	}
	if diff := cmp.Diff(wantDeliveries, sectionRows(t, rows, "Sniegtie pakalpojumi")); diff != "" {
		t.Errorf("deliveries (-want +got):\n%s", diff)
	}
	wantServices := [][]string{
		{"Pakalpojums", "Vienības", "Mērvienība", "Reižu skaits", "Bērnu skaits", "Summa, EUR"},
		{"Fizioterapija", "3", "reizes", "2", "1", "90,00"},
		{"Aprūpe mājās", "325", "stundas", "1", "1", "1231,75"},
	}
	if diff := cmp.Diff(wantServices, sectionRows(t, rows, "Pa pakalpojumu veidiem")); diff != "" {
		t.Errorf("per service (-want +got):\n%s", diff)
	}
	wantFunds := [][]string{
		{"Finansējuma avots", "Daļa, %", "Summa, EUR"},
		{"Eiropas Sociālais fonds", "85", "1123,49"},
		{"Valsts budžets", "15", "198,26"},
		{"Kopā", "", "1321,75"},
	}
	if diff := cmp.Diff(wantFunds, sectionRows(t, rows, "Pa finansējuma avotiem")); diff != "" {
		t.Errorf("per fund (-want +got):\n%s", diff)
	}
}

func TestCSVGuardsEveryTextField(t *testing.T) {
	// Not only the provider: the municipality, project and service names are typed by users too.
	s := sample()
	s.MunicipalityName = "=HYPERLINK(\"http://x\")"
	s.ProjectName = "-2+3"
	s.Deliveries[0].ServiceName = "@SUM(1)"
	rows := readCSV(t, s)
	for _, r := range rows {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q in row %q is not guarded", cell, r)
			}
		}
	}
}

// openXLSX writes the sample and opens it again as Excel would.
func openXLSX(t *testing.T, s *Statement) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, s); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("XLSX does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestXLSXDeliveries(t *testing.T) {
	s := sample()
	f := openXLSX(t, s)
	if got, want := f.GetSheetList(), []string{"Kopsavilkums", "Reizes"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}

	raw, err := f.GetRows("Reizes", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Reizes Nr.", "Datums", "Bērna Nr.", "Pakalpojums", "Saņēmējs", "Sniedzējs", "Vienības", "Mērvienība", "Vienības cena, EUR", "Summa, EUR"}
	if diff := cmp.Diff(wantHeader, raw[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	if len(raw) != 1+len(s.Deliveries) {
		t.Fatalf("%d rows, want a header and %d deliveries", len(raw), len(s.Deliveries))
	}
	// The amounts are numbers, and they add up to the claim's total to the cent.
	var sum domain.Money
	for _, r := range raw[1:] {
		v, err := strconv.ParseFloat(r[9], 64)
		if err != nil {
			t.Fatalf("amount %q is not a number", r[9])
		}
		sum += domain.Money(math.Round(v * 100))
	}
	if sum != s.Total {
		t.Errorf("amount column sums to %s, want the total %s", sum, s.Total)
	}
	if raw[3][5] != "'@x Ģimeņu atbalsta centrs „Ūdensroze”" || raw[1][5] != "'=SUM(A1)" {
		t.Errorf("providers %q, %q: not guarded, or Latvian letters lost", raw[1][5], raw[3][5])
	}
	if formula, _ := f.GetCellFormula("Reizes", "F2"); formula != "" {
		t.Errorf("F2 holds the formula %q", formula)
	}

	// A date is a real date (a serial number), shown as dd.mm.yyyy; money shows two decimals.
	if _, err := strconv.ParseFloat(raw[1][1], 64); err != nil {
		t.Errorf("date cell holds %q, not a date serial", raw[1][1])
	}
	for cell, want := range map[string]string{"B2": "05.03.2021", "B4": "01.04.2021", "J2": "30.00", "J4": "1,231.75", "I4": "3.79"} {
		// excelize renders formats in the en-US way; Excel uses the reader's separators.
		if got, _ := f.GetCellValue("Reizes", cell); got != want {
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
	for cell, want := range map[string]excelize.CellType{"A2": excelize.CellTypeNumber, "C2": excelize.CellTypeNumber, "G4": excelize.CellTypeNumber} {
		// excelize reports a number cell with no type attribute as unset.
		if got, _ := f.GetCellType("Reizes", cell); got != want && got != excelize.CellTypeUnset {
			t.Errorf("%s has type %v, want a number", cell, got)
		}
	}

	// The header row is bold and frozen.
	styleID, _ := f.GetCellStyle("Reizes", "A1")
	style, err := f.GetStyle(styleID)
	if err != nil || style.Font == nil || !style.Font.Bold {
		t.Errorf("header cell A1 is not bold: %+v %v", style, err)
	}
	panes, err := f.GetPanes("Reizes")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header row is not frozen: %+v %v", panes, err)
	}
	if w, _ := f.GetColWidth("Reizes", "F"); w < 20 {
		t.Errorf("provider column is %v wide, too narrow for a name", w)
	}
}

func TestXLSXSummary(t *testing.T) {
	s := sample()
	f := openXLSX(t, s)
	rows, err := f.GetRows("Kopsavilkums")
	if err != nil {
		t.Fatal(err)
	}
	find := func(label string) []string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == label {
				return r
			}
		}
		t.Fatalf("no row %q in the summary", label)
		return nil
	}
	for label, want := range map[string]string{
		"Pašvaldība":         "Rēzeknes valstspilsētas pašvaldība",
		"Projekta nosaukums": s.ProjectName,
		"Perioda sākums":     "01.01.2021",
		"Perioda beigas":     "11.11.2021",
		"Statuss":            "Apstiprināts",
		"Iesniegšanas laiks": "22.11.2021 16:03",
		"Pieprasījuma Nr.":   "12",
		"Bērnu skaits":       "2",
	} {
		if got := find(label); len(got) < 2 || got[1] != want {
			t.Errorf("summary %q: %q, want %q", label, got, want)
		}
	}
	if diff := cmp.Diff([]string{"Aprūpe mājās", "stundas", "325", "1", "1", "1,231.75"}, find("Aprūpe mājās")); diff != "" {
		t.Errorf("service line (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Eiropas Sociālais fonds", "85.00%", "1,123.49"}, find("Eiropas Sociālais fonds")); diff != "" {
		t.Errorf("fund line (-want +got):\n%s", diff)
	}
	if got := find("Kopā"); got[len(got)-1] != "1,321.75" {
		t.Errorf("total row %q, want 1,321.75", got)
	}
}

// pdfText is how fpdf writes text in a UTF-8 font when the page is not compressed: UTF-16BE
// code units between parentheses, with \ ( ) and CR escaped.
func pdfText(s string) []byte {
	var b []byte
	for _, r := range s {
		for _, c := range []byte{byte(r >> 8), byte(r)} {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\', c)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, c)
			}
		}
	}
	return b
}

func TestPDF(t *testing.T) {
	s := sample()
	var buf bytes.Buffer
	if err := writePDF(&buf, s, false); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("%%EOF")) {
		t.Fatalf("not a complete PDF: starts %q", out[:min(8, len(out))])
	}
	// The embedded font subset alone is some kilobytes; a PDF without it would show no letters.
	if len(out) < 10_000 {
		t.Errorf("PDF is only %d bytes", len(out))
	}
	for _, text := range []string{
		"Izdevumu kompensācijas pieprasījums Nr. 12",
		"Rēzeknes valstspilsētas pašvaldība",
		"Eiropas Sociālais fonds",
		"Aprūpe mājās",
		"1" + nbsp + "231,75", // the service line, grouped with a no-break space
		"Pieprasītā summa: 1" + nbsp + "321,75" + nbsp + "€",
		"Pakalpojumu reižu skaits: 3",
		"Bērnu skaits: 2",
		"01.01.2021–11.11.2021",
		"lapa 1 no 1", // the page count alias was replaced
	} {
		if !bytes.Contains(out, pdfText(text)) {
			t.Errorf("PDF does not contain %q", text)
		}
	}
	if bytes.Contains(out, []byte("/FontFile2")) == false {
		t.Error("PDF does not embed a TrueType font")
	}
}

func TestPDFListsFirstDeliveries(t *testing.T) {
	s := sample()
	base := s.Deliveries[0]
	s.Deliveries = nil
	for i := range 250 {
		d := base
		d.ID = 1000 + i
		d.ProviderName = fmt.Sprintf("Sniedzējs %d", 1000+i)
		s.Deliveries = append(s.Deliveries, d)
	}
	var buf bytes.Buffer
	if err := writePDF(&buf, s, false); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.Contains(out, pdfText(fmt.Sprintf("Sniedzējs %d", 1000+pdfDeliveryRows-1))) {
		t.Error("the last listed delivery is missing")
	}
	if bytes.Contains(out, pdfText(fmt.Sprintf("Sniedzējs %d", 1000+pdfDeliveryRows))) {
		t.Error("a delivery beyond the first ones is listed")
	}
	if !bytes.Contains(out, pdfText("… un vēl 150 reizes.")) {
		t.Error("no note of the deliveries left out")
	}
	// 100 rows do not fit on the first page: the table goes on, its heading repeated.
	if pages := bytes.Count(out, []byte("/Type /Page\n")); pages < 2 {
		t.Errorf("%d pages, want the list to run onto a second", pages)
	}
	heading := append(append([]byte("("), pdfText("Bērna Nr.")...), ')')
	if n := bytes.Count(out, heading); n < 2 {
		t.Errorf("the table heading appears %d times", n)
	}
}

func TestPDFCompressed(t *testing.T) {
	var plain, packed bytes.Buffer
	if err := writePDF(&plain, sample(), false); err != nil {
		t.Fatal(err)
	}
	if err := WritePDF(&packed, sample()); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(packed.Bytes(), []byte("%PDF-")) || packed.Len() >= plain.Len() {
		t.Errorf("compressed PDF: %d bytes against %d uncompressed", packed.Len(), plain.Len())
	}
}

func TestNilStatement(t *testing.T) {
	var buf bytes.Buffer
	for name, write := range map[string]func() error{
		"csv":  func() error { return WriteCSV(&buf, nil) },
		"xlsx": func() error { return WriteXLSX(&buf, nil) },
		"pdf":  func() error { return WritePDF(&buf, nil) },
	} {
		if write() == nil {
			t.Errorf("%s: no error for a nil statement", name)
		}
	}
}
