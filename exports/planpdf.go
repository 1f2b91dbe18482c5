package exports

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"atbalsts/domain"
)

// PlanDocument is what the printable individual support plan (individuālais atbalsta plāns)
// shows: one revision of a child's plan, to be read and signed by the municipality's social
// worker, the region's coordinator and the child's parent. Unlike a claim's statement it names
// the child: it is the family's document. The caller gathers it within the caller's scope.
type PlanDocument struct {
	PlanID         int               // the plan's number
	RevisionNumber int               // the revision's number within the plan: 1, 2, ...
	Kind           domain.PlanKind   // care or rehabilitation
	Status         domain.PlanStatus // where the revision stands; shown in Latvian
	ChildFirstName string            // the child
	ChildLastName  string
	PersonalCode   string    // the child's personal code
	BirthDate      time.Time // a date
	Municipality   string    // where the child's residence is declared
	ProjectCode    string    // the project's code, e.g. 9.2.2.1/15/I/005
	ProjectName    string    // the project's name
	ValidFrom      time.Time // the revision's first day (a date)
	ValidTo        time.Time // its last day (a date)
	Budget         domain.Money
	Goals          []PlanGoalLine    // in the plan's order
	Lines          []PlanServiceLine // in the plan's order
}

// PlanGoalLine is one of a plan's individual goals.
type PlanGoalLine struct {
	Text       string     // what is to be achieved
	Indicator  string     // how it is measured
	TargetDate *time.Time // by when, if set (a date)
	Status     domain.GoalStatus
}

// PlanServiceLine is one of a plan's planned services.
type PlanServiceLine struct {
	ServiceName  string             // the service type's Latvian name
	Unit         domain.ServiceUnit // what its units are
	Recipient    domain.Recipient   // the child, or the parents
	ProviderName string             // who is to provide it; empty while none is chosen
	PlannedUnits int
	UnitPrice    domain.Money
}

// Amount is the line's planned cost: its units times the unit price.
func (l PlanServiceLine) Amount() domain.Money {
	return domain.Money(int64(l.PlannedUnits) * int64(l.UnitPrice))
}

// LinesTotal is the sum of the lines' amounts.
func (d *PlanDocument) LinesTotal() domain.Money {
	var sum domain.Money
	for _, l := range d.Lines {
		sum += l.Amount()
	}
	return sum
}

// PlanFileName is the name to offer for a download of the plan's revision, e.g.
// "atbalsta-plans-7-2.pdf" (ASCII, so that a Content-Disposition header needs no encoding).
func PlanFileName(d *PlanDocument) string {
	return fmt.Sprintf("atbalsta-plans-%d-%d.pdf", d.PlanID, d.RevisionNumber)
}

// The Latvian words of the plan, as the SPA says them.
const (
	planTitle = "Individuālais atbalsta plāns"

	sectionPlanChild     = "Bērns"
	sectionPlanProject   = "Projekts"
	sectionPlan          = "Plāns"
	sectionPlanGoals     = "Individuālie mērķi"
	sectionPlanLines     = "Plānotie pakalpojumi"
	sectionPlanSignature = "Paraksti"

	// The signatures the plan needs, in the order it is prepared, approved and agreed to.
	signPreparedBy = "Sagatavoja (pašvaldības sociālais darbinieks)"
	signApprovedBy = "Apstiprināja (reģiona koordinators)"
	signParent     = "Vecāks vai likumiskais pārstāvis"
)

// planStatusName is a revision's status in Latvian.
func planStatusName(s domain.PlanStatus) string {
	switch s {
	case domain.PlanDraft:
		return "Projekts"
	case domain.PlanSubmitted:
		return "Iesniegts"
	case domain.PlanApproved:
		return "Apstiprināts"
	case domain.PlanActive:
		return "Īstenošanā"
	case domain.PlanClosed:
		return "Slēgts"
	case domain.PlanSuperseded:
		return "Aizstāts"
	}
	return string(s)
}

// planKindName is a plan's kind in Latvian.
func planKindName(k domain.PlanKind) string {
	switch k {
	case "SOCIAL_CARE":
		return "Sociālās aprūpes plāns"
	case "SOCIAL_REHABILITATION":
		return "Sociālās rehabilitācijas plāns"
	}
	return string(k)
}

// goalStatusName is how far a goal is, in Latvian.
func goalStatusName(s domain.GoalStatus) string {
	switch s {
	case "NOT_STARTED":
		return "Nav uzsākts"
	case "IN_PROGRESS":
		return "Tiek īstenots"
	case "ACHIEVED":
		return "Sasniegts"
	case "NOT_ACHIEVED":
		return "Nav sasniegts"
	}
	return string(s)
}

// euro is an amount with its thousands grouped and the euro sign: "1 234,56 €", never wrapped.
func euro(m domain.Money) string { return lvMoney(m, nbsp) + nbsp + "€" }

// WritePlanPDF writes the plan's revision as an A4 PDF: title, the child, the project, the
// plan's kind, period, status and budget, its goals, its services with their sums, and the
// signatures.
func WritePlanPDF(w io.Writer, d *PlanDocument) error {
	return writePlanPDF(w, d, true)
}

// writePlanPDF is WritePlanPDF with a choice of compression, which tests turn off.
func writePlanPDF(w io.Writer, d *PlanDocument, compress bool) error {
	if d == nil {
		return errors.New("exports: no plan")
	}
	docTitle := fmt.Sprintf("%s Nr. %d, %d. redakcija", planTitle, d.PlanID, d.RevisionNumber)
	pdf := newPDF(compress, docTitle, fmt.Sprintf("Atbalsta plāns Nr. %d, %d. redakcija", d.PlanID, d.RevisionNumber))
	pdf.AddPage()
	pageW, _ := pdf.GetPageSize()
	contentW := pageW - 2*pageMargin

	pdf.SetFont("DejaVu", "B", 15)
	pdf.MultiCell(contentW, 8, docTitle, "", "L", false)

	fields := func(kvs [][2]string) {
		const labelW = 62.0
		for _, kv := range kvs {
			pdf.SetFont("DejaVu", "B", 10)
			pdf.CellFormat(labelW, lineH, kv[0], "", 0, "L", false, 0, "")
			pdf.SetFont("DejaVu", "", 10)
			pdf.MultiCell(contentW-labelW, lineH, kv[1], "", "L", false)
		}
	}
	section(pdf, sectionPlanChild)
	fields([][2]string{
		{"Vārds, uzvārds", d.ChildFirstName + " " + d.ChildLastName},
		{"Personas kods", d.PersonalCode},
		{"Dzimšanas datums", lvDate(d.BirthDate)},
		{"Deklarētā pašvaldība", d.Municipality},
	})
	section(pdf, sectionPlanProject)
	fields([][2]string{
		{labelProjCode, d.ProjectCode},
		{labelProjName, d.ProjectName},
	})
	section(pdf, sectionPlan)
	fields([][2]string{
		{"Plāna veids", planKindName(d.Kind)},
		{"Darbības laiks", lvPeriod(d.ValidFrom, d.ValidTo)},
		{labelStatus, planStatusName(d.Status)},
		{"Redakcija", strconv.Itoa(d.RevisionNumber) + ". redakcija"},
		{"Individuālais budžets", euro(d.Budget)},
		{"Plānoto pakalpojumu summa", euro(d.LinesTotal())},
	})

	// Goals are text of up to a thousand characters each: written out whole, not in a table
	// that would cut them.
	section(pdf, sectionPlanGoals)
	if len(d.Goals) == 0 {
		pdf.SetFont("DejaVu", "", 10)
		pdf.CellFormat(contentW, lineH, "Mērķu nav.", "", 1, "L", false, 0, "")
	}
	for i, g := range d.Goals {
		if i > 0 {
			pdf.Ln(2)
		}
		pdf.SetFont("DejaVu", "B", 10)
		pdf.CellFormat(contentW, lineH, fmt.Sprintf("%d. mērķis", i+1), "", 1, "L", false, 0, "")
		target := "nav noteikts"
		if g.TargetDate != nil {
			target = lvDate(*g.TargetDate)
		}
		fields([][2]string{
			{"Mērķis", g.Text},
			{"Rādītājs", g.Indicator},
			{"Sasniegšanas termiņš", target},
			{"Mērķa statuss", goalStatusName(g.Status)},
		})
	}

	section(pdf, sectionPlanLines)
	if len(d.Lines) == 0 {
		pdf.SetFont("DejaVu", "", 10)
		pdf.CellFormat(contentW, lineH, "Pakalpojumu nav.", "", 1, "L", false, 0, "")
	} else {
		t := &pdfTable{pdf: pdf, size: 8, rowH: lineH}
		t.cols = []pdfCol{{"Nr.", 8, "R"}, {colService, 38, "L"}, {colRecipient, 18, "L"}, {colProvider, 38, "L"},
			{"Apjoms", 22, "R"}, {"Vienības cena", 28, "R"}, {"Summa", 28, "R"}}
		t.header()
		for i, l := range d.Lines {
			provider := l.ProviderName
			if provider == "" {
				provider = "nav izvēlēts"
			}
			t.row(false, strconv.Itoa(i+1), l.ServiceName, recipientName(l.Recipient), provider,
				strconv.Itoa(l.PlannedUnits)+" "+unitName(l.Unit), euro(l.UnitPrice), euro(l.Amount()))
		}
		t.row(true, "", labelTotal, "", "", "", "", euro(d.LinesTotal()))
	}

	signatures(pdf, contentW)

	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// signatures draws the block the plan is signed in: for each who signs, lines for the name,
// the signature and the date. The block is kept on one page.
func signatures(pdf *fpdf.Fpdf, contentW float64) {
	const (
		captionH = 7.0
		fieldH   = 9.0
		gap      = 4.0
	)
	captions := []string{signPreparedBy, signApprovedBy, signParent}
	height := 5 + 7 + float64(len(captions))*(captionH+fieldH+gap) // section() and the rows
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+height > pageH-bottomMargin {
		pdf.AddPage()
	}
	section(pdf, sectionPlanSignature)
	// Three fields side by side: name, signature, date, each a line to write on with its
	// caption under it.
	widths := []float64{contentW * 0.45, contentW * 0.33, contentW * 0.22}
	labels := []string{"Vārds, uzvārds", "Paraksts", "Datums"}
	for _, c := range captions {
		pdf.SetFont("DejaVu", "B", 10)
		pdf.CellFormat(contentW, captionH, c, "", 1, "L", false, 0, "")
		y := pdf.GetY() + fieldH - 4
		x := pageMargin
		for i, w := range widths {
			pdf.Line(x+1, y, x+w-4, y)
			pdf.SetXY(x, y)
			pdf.SetFont("DejaVu", "", 7.5)
			pdf.CellFormat(w, 4, labels[i], "", 0, "L", false, 0, "")
			x += w
		}
		pdf.SetXY(pageMargin, y+4+gap)
	}
}
