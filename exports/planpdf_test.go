package exports

import (
	"bytes"
	"strings"
	"testing"

	"atbalsts/domain"
)

// samplePlan is a plan revision with Latvian letters everywhere, two goals and three lines
// whose sum, 1 234,56 €, needs a thousands separator.
func samplePlan() *PlanDocument {
	target := date(2026, 6, 30)
	return &PlanDocument{PlanID: 7, RevisionNumber: 2, Kind: "SOCIAL_REHABILITATION", Status: domain.PlanActive,
		ChildFirstName: "Ēriks", ChildLastName: "Bērziņš", PersonalCode: "050515-12345", BirthDate: date(2015, 5, 5),
		Municipality: "Rēzeknes novads", ProjectCode: "9.2.2.1/15/I/005", ProjectName: "Atbalsts bērniem ar funkcionāliem traucējumiem Latgalē",
		ValidFrom: date(2026, 1, 1), ValidTo: date(2026, 12, 31), Budget: 250000,
		Goals: []PlanGoalLine{
			{Text: "Staigāt patstāvīgi", Indicator: "10 m bez atbalsta", TargetDate: &target, Status: "IN_PROGRESS"},
			{Text: "Ģērbties pašam", Indicator: "katru rītu", Status: "NOT_STARTED"},
		},
		Lines: []PlanServiceLine{
			{ServiceName: "Fizioterapija", Unit: domain.UnitSession, Recipient: domain.RecipientChild, ProviderName: "SIA “Veselība”", PlannedUnits: 20, UnitPrice: 3000},
			{ServiceName: "Psihologa konsultācija", Unit: domain.UnitHour, Recipient: domain.RecipientParents, ProviderName: "Biedrība “Ģimenei”", PlannedUnits: 10, UnitPrice: 4528},
			{ServiceName: "Atelpas brīdis", Unit: domain.UnitDay, Recipient: domain.RecipientChild, PlannedUnits: 2, UnitPrice: 9088},
		},
	}
}

func TestWritePlanPDF(t *testing.T) {
	d := samplePlan()
	if got := d.LinesTotal(); got != 123456 {
		t.Fatalf("the sample's lines add up to %s, want 1234.56", got)
	}
	var buf bytes.Buffer
	if err := writePlanPDF(&buf, d, false); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("%%EOF")) {
		t.Fatalf("not a complete PDF: starts %q", out[:min(8, len(out))])
	}
	if !bytes.Contains(out, []byte("/FontFile2")) {
		t.Error("PDF does not embed a TrueType font")
	}
	for _, text := range []string{
		"Individuālais atbalsta plāns Nr. 7, 2. redakcija",
		"Ēriks Bērziņš",
		"050515-12345",
		"05.05.2015",
		"Rēzeknes novads",
		"9.2.2.1/15/I/005",
		"Sociālās rehabilitācijas plāns",
		"01.01.2026–31.12.2026",
		"Īstenošanā",
		"2. redakcija",
		"2" + nbsp + "500,00" + nbsp + "€", // the budget
		"1" + nbsp + "234,56" + nbsp + "€", // the lines' total
		"Staigāt patstāvīgi", "10 m bez atbalsta", "30.06.2026", "Tiek īstenots",
		"Ģērbties pašam", "katru rītu", "nav noteikts", "Nav uzsākts",
		"Fizioterapija", "20 reizes", "30,00" + nbsp + "€", "600,00" + nbsp + "€", "SIA “Veselība”",
		"Psihologa konsultācija", "Vecāki", "10 stundas", "45,28" + nbsp + "€", "452,80" + nbsp + "€",
		"Atelpas brīdis", "2 dienas", "90,88" + nbsp + "€", "181,76" + nbsp + "€", "nav izvēlēts",
		"Bērns",
		"Sagatavoja (pašvaldības sociālais darbinieks)",
		"Apstiprināja (reģiona koordinators)",
		"Vecāks vai likumiskais pārstāvis",
		"Vārds, uzvārds", "Paraksts", "Datums",
		"Atbalsta plāns Nr. 7, 2. redakcija · lapa 1 no 2", // the footer, the page count replaced
	} {
		if !bytes.Contains(out, pdfText(text)) {
			t.Errorf("PDF does not contain %q", text)
		}
	}
	// The signatures come last: after the services' total.
	if i, j := bytes.Index(out, pdfText("1"+nbsp+"234,56"+nbsp+"€")), bytes.LastIndex(out, pdfText("Vecāks vai likumiskais pārstāvis")); i < 0 || j < i {
		t.Error("the signatures do not follow the services")
	}
}

func TestWritePlanPDFLongGoalsKeepSignaturesTogether(t *testing.T) {
	d := samplePlan()
	for range 12 {
		d.Goals = append(d.Goals, PlanGoalLine{Text: strings.Repeat("Garš mērķa teksts, kas aizņem vairākas rindas. ", 12), Indicator: "rādītājs", Status: "ACHIEVED"})
	}
	var buf bytes.Buffer
	if err := writePlanPDF(&buf, d, false); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	// Each caption is drawn once: the block is not split by a page break.
	for _, c := range []string{signPreparedBy, signApprovedBy, signParent} {
		if n := bytes.Count(out, pdfText(c)); n != 1 {
			t.Errorf("%q appears %d times", c, n)
		}
	}
	if pages := bytes.Count(out, []byte("/Type /Page\n")); pages < 3 {
		t.Errorf("%d pages for fourteen long goals", pages)
	}
}

func TestWritePlanPDFCompressedAndNil(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePlanPDF(&buf, samplePlan()); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Errorf("compressed plan PDF: %v, starts %q", err, buf.Bytes()[:min(8, buf.Len())])
	}
	if WritePlanPDF(&buf, nil) == nil {
		t.Error("no error for a nil plan")
	}
	if got := PlanFileName(samplePlan()); got != "atbalsta-plans-7-2.pdf" {
		t.Errorf("file name %q", got)
	}
}
