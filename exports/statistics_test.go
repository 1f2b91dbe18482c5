package exports

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"atbalsts/domain"
)

// statSample is an analyst's report by municipality and service type: one cell suppressed,
// a service type whose name a spreadsheet would take for a formula, two funds.
func statSample(lang Lang) *StatisticsReport {
	child := domain.RecipientChild
	fund := func(esf, state domain.Money) []domain.FundAmount {
		return []domain.FundAmount{{Code: domain.FundESF, ShareBP: 8500, Amount: esf}, {Code: domain.FundState, ShareBP: 1500, Amount: state}}
	}
	return &StatisticsReport{
		Lang: lang,
		Filter: domain.StatisticsFilter{From: date(2021, 1, 1), To: date(2021, 11, 11), MunicipalityIDs: []int{7, 99},
			ServiceCategories: []domain.ServiceCategory{domain.SocialRehabilitation}, Recipient: &child},
		Dims: []domain.StatDimension{domain.DimMunicipality, domain.DimServiceType},
		Result: &domain.StatisticsResult{
			AsOf:     time.Date(2026, 12, 2, 14, 5, 0, 0, time.UTC), // 16:05 in Riga
			MinCount: 5,
			Rows: []domain.StatCell{
				{Key: domain.StatKey{MunicipalityID: 7, ServiceTypeID: 1}, StatMeasures: domain.StatMeasures{Children: 30, Families: 28,
					ChildrenWithPlans: 31, Sessions: 477, Deliveries: 470, Cost: 1431000, ByFund: fund(1216350, 214650)}},
				{Key: domain.StatKey{MunicipalityID: 7, ServiceTypeID: 2}, StatMeasures: domain.StatMeasures{Suppressed: true}},
			},
			Total: domain.StatMeasures{Children: 32, Families: 30, Parents: 0, ChildrenWithPlans: 33, Sessions: 1146, Deliveries: 1100,
				Cost: 3579100, ByFund: fund(3042235, 536865)},
		},
		Names: StatNames{Municipalities: map[int]string{7: "Rēzekne"}, ServiceTypes: map[int]string{1: "Fizioterapija", 2: "=Smilšu terapija"}},
	}
}

func statCSV(t *testing.T, r *StatisticsReport) (string, [][]string) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteStatisticsCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	body, ok := strings.CutPrefix(raw, bom)
	if !ok {
		t.Fatalf("no byte order mark: %q", raw[:min(10, len(raw))])
	}
	cr := csv.NewReader(strings.NewReader(body))
	cr.Comma, cr.FieldsPerRecord = ';', -1
	records, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return raw, records
}

func TestStatisticsExportCSV(t *testing.T) {
	raw, records := statCSV(t, statSample(LangLV))
	if strings.Count(raw, "\r\n") != strings.Count(raw, "\n") || !strings.Contains(raw, "\r\n\r\nPašvaldība;") {
		t.Error("a line does not end in CRLF, or no empty line between the header block and the table")
	}
	want := [][]string{
		{"Atbalsts — statistika"},
		{"Periods", "01.01.2021–11.11.2021"},
		{"Pašvaldības", "Rēzekne, Nr. 99"},
		{"Pakalpojumu kategorijas", "Sociālā rehabilitācija"},
		{"Saņēmējs", "Bērns"},
		{"Grupēts pēc", "Pašvaldība, Pakalpojuma veids"},
		{"Dati uz", "02.12.2026 16:05"},
		{"Konfidencialitāte", "k = 5: šūnas ar mazāk nekā 5 personām nav parādītas, kā arī tās, no kurām slēptās varētu aprēķināt"},
		{"Pašvaldība", "Pakalpojuma veids", "Bērni", "Ģimenes", "Vecāki", "Bērni ar atbalsta plānu", "Nodarbības", "Stundas", "Dienas",
			"Sniegtās reizes", "Izmaksas, EUR", "Eiropas Sociālais fonds, EUR", "Valsts budžets, EUR", "Slēpts"},
		{"Rēzekne", "Fizioterapija", "30", "28", "0", "31", "477", "0", "0", "470", "14310,00", "12163,50", "2146,50", "nē"},
		{"Rēzekne", "'=Smilšu terapija", "", "", "", "", "", "", "", "", "", "", "", "jā"},
		{"Kopā", "", "32", "30", "0", "33", "1146", "0", "0", "1100", "35791,00", "30422,35", "5368,65", "nē"},
	}
	if diff := cmp.Diff(want, records); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
}

func TestStatisticsExportCSVEnglish(t *testing.T) {
	r := statSample(LangEN)
	r.Result.MinCount = 0 // a worker's figures: nothing suppressed, no suppressed column
	r.Result.Rows = r.Result.Rows[:1]
	r.Dims = []domain.StatDimension{domain.DimAgeBand}
	r.Result.Rows[0].Key = domain.StatKey{AgeBand: "5-6"}
	r.Filter = domain.StatisticsFilter{From: date(2021, 1, 1), To: date(2021, 12, 31)}
	_, records := statCSV(t, r)
	want := [][]string{
		{"Atbalsts — statistics"},
		{"Period", "01.01.2021–31.12.2021"},
		{"Filter", "none besides the period"},
		{"Grouped by", "Age band"},
		{"As of", "02.12.2026 16:05"},
		{"Age band", "Children", "Families", "Parents", "Children with plans", "Sessions", "Hours", "Days", "Deliveries", "Cost, EUR",
			"European Social Fund, EUR", "State budget, EUR"},
		// The number format stays a Latvian Excel's in English too.
		{"5-6 years", "30", "28", "0", "31", "477", "0", "0", "470", "14310,00", "12163,50", "2146,50"},
		{"Total", "32", "30", "0", "33", "1146", "0", "0", "1100", "35791,00", "30422,35", "5368,65"},
	}
	if diff := cmp.Diff(want, records); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
	if got := StatisticsFileName(r, "csv"); got != "statistics-2021-01-01-2021-12-31.csv" {
		t.Errorf("file name %q", got)
	}
}

func TestStatisticsExportCSVWithoutGrouping(t *testing.T) {
	r := statSample(LangLV)
	r.Dims = nil
	r.Result.Total = domain.StatMeasures{Suppressed: true} // a small total, for an analyst
	_, records := statCSV(t, r)
	last := records[len(records)-2:]
	want := [][]string{
		{"", "Bērni", "Ģimenes", "Vecāki", "Bērni ar atbalsta plānu", "Nodarbības", "Stundas", "Dienas", "Sniegtās reizes", "Izmaksas, EUR",
			"Eiropas Sociālais fonds, EUR", "Valsts budžets, EUR", "Slēpts"},
		{"Kopā", "", "", "", "", "", "", "", "", "", "", "", "jā"},
	}
	if diff := cmp.Diff(want, last); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
}

func TestStatisticsExportXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteStatisticsXLSX(&buf, statSample(LangLV)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("XLSX does not open: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "Statistika" {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("Statistika", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// Title, empty, 7 lines of the header block, empty, then the table's header row (11).
	if rows[0][0] != "Atbalsts — statistika" || rows[2][0] != "Periods" || rows[10][0] != "Pašvaldība" || rows[10][13] != "Slēpts" {
		t.Fatalf("layout: %q", rows)
	}
	if diff := cmp.Diff([]string{"Rēzekne", "Fizioterapija", "30", "28", "0", "31", "477", "0", "0", "470", "14310", "12163.5", "2146.5", "nē"}, rows[11]); diff != "" {
		t.Errorf("first row (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Rēzekne", "'=Smilšu terapija", "", "", "", "", "", "", "", "", "", "", "", "jā"}, rows[12]); diff != "" {
		t.Errorf("suppressed row (-want +got):\n%s", diff)
	}
	if rows[13][0] != "Kopā" || rows[13][10] != "35791" {
		t.Errorf("total row %q", rows[13])
	}
	for cell, want := range map[string]excelize.CellType{"C12": excelize.CellTypeNumber, "K12": excelize.CellTypeNumber, "K14": excelize.CellTypeNumber} {
		if got, _ := f.GetCellType("Statistika", cell); got != want && got != excelize.CellTypeUnset {
			t.Errorf("%s has type %v, want a number", cell, got)
		}
	}
	for cell, want := range map[string]string{"K12": "14,310.00", "L12": "12,163.50", "K14": "35,791.00", "C12": "30"} {
		if got, _ := f.GetCellValue("Statistika", cell); got != want { // excelize shows formats the en-US way
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
	if formula, _ := f.GetCellFormula("Statistika", "B13"); formula != "" {
		t.Errorf("B13 holds the formula %q", formula)
	}
	panes, err := f.GetPanes("Statistika")
	if err != nil || !panes.Freeze || panes.YSplit != 11 {
		t.Errorf("panes %+v (%v): the table's header row (11) and above are not frozen", panes, err)
	}
	if w, _ := f.GetColWidth("Statistika", "A"); w < 20 {
		t.Errorf("column A is %v wide", w)
	}
}
