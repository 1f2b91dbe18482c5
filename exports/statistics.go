package exports

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"atbalsts/domain"
)

// Statistics exports: the figures of the statistics query (schema/statistics.graphql) as one
// table for a spreadsheet, with a header block that says what they are. The caller has
// counted, scoped and suppressed them already (service.Statistics.Query); this only writes.

// Lang is the language of a statistics export's labels and of the names in its cells. It
// changes words only: numbers, dates and separators stay those of a Latvian Excel.
type Lang string

// The languages.
const (
	LangLV Lang = "lv"
	LangEN Lang = "en"
)

// StatisticsReport is what a statistics export shows.
type StatisticsReport struct {
	Lang   Lang                     // the labels' language; "" is Latvian
	Filter domain.StatisticsFilter  // what was counted: the header says it in words
	Dims   []domain.StatDimension   // the grouping, one column each, in this order
	Result *domain.StatisticsResult // the figures, suppressed already where the caller gets them so
	Names  StatNames                // the names of what the filter and the rows name by id
}

// StatNames are names by database id, in the report's language: the planning regions,
// municipalities, projects and service types the filter and the rows refer to. An id without
// a name is shown by its number.
type StatNames struct {
	Regions, Municipalities, Projects, ServiceTypes map[int]string
}

// StatisticsFileName is the name to offer for a download, e.g.
// "statistika-2021-01-01-2021-11-11.csv" ("statistics-..." in English); ASCII, as FileName.
func StatisticsFileName(r *StatisticsReport, ext string) string {
	base := "statistika"
	if r.Lang == LangEN {
		base = "statistics"
	}
	return fmt.Sprintf("%s-%s-%s.%s", base, r.Filter.From.Format(domain.DateLayout), r.Filter.To.Format(domain.DateLayout),
		strings.TrimPrefix(ext, "."))
}

// The words of the statistics exports, by language.
type statWords struct {
	title, period, regions, municipalities, projects, serviceTypes, categories, recipient, noFilter, noFilterValue,
	groupedBy, none, asOf, privacy, privacyText, total, suppressed, yes, no, notRecorded, years, number string
	// The measure columns: children, families, parents, children with plans, sessions,
	// hours, days, deliveries, cost.
	measures [9]string
	euro     string // appended to a fund's name in its column
	dims     map[domain.StatDimension]string
	category map[domain.ServiceCategory]string
	recip    map[domain.Recipient]string
	fund     map[domain.FundingSourceCode]string
	sex      map[domain.Sex]string
	impair   map[domain.ImpairmentKind]string
	living   map[domain.LivingArrangement]string
}

var statLV = statWords{
	title: "Atbalsts — statistika", period: "Periods", regions: "Plānošanas reģioni", municipalities: "Pašvaldības",
	projects: "Projekti", serviceTypes: "Pakalpojumu veidi", categories: "Pakalpojumu kategorijas", recipient: "Saņēmējs",
	noFilter: "Atlase", noFilterValue: "bez papildu nosacījumiem", groupedBy: "Grupēts pēc", none: "—", asOf: "Dati uz",
	privacy:     "Konfidencialitāte",
	privacyText: "k = %[1]d: šūnas ar mazāk nekā %[1]d personām nav parādītas, kā arī tās, no kurām slēptās varētu aprēķināt",
	total:       "Kopā", suppressed: "Slēpts", yes: "jā", no: "nē", notRecorded: "nav norādīts", years: "gadi", number: "Nr.",
	measures: [9]string{"Bērni", "Ģimenes", "Vecāki", "Bērni ar atbalsta plānu", "Nodarbības", "Stundas", "Dienas",
		"Sniegtās reizes", "Izmaksas, EUR"},
	euro: ", EUR",
	dims: map[domain.StatDimension]string{
		domain.DimRegion: "Plānošanas reģions", domain.DimMunicipality: "Pašvaldība", domain.DimProject: "Projekts",
		domain.DimServiceType: "Pakalpojuma veids", domain.DimServiceCategory: "Pakalpojumu kategorija",
		domain.DimRecipient: "Saņēmējs", domain.DimFundingSource: "Finansējuma avots", domain.DimYear: "Gads",
		domain.DimQuarter: "Ceturksnis", domain.DimMonth: "Mēnesis", domain.DimAgeBand: "Vecuma grupa",
		domain.DimSex: "Dzimums", domain.DimImpairment: "Funkcionālie traucējumi", domain.DimLivingArrangement: "Dzīves apstākļi",
	},
	category: map[domain.ServiceCategory]string{
		domain.SocialRehabilitation: "Sociālā rehabilitācija", domain.HomeCare: "Aprūpe mājās", domain.RespiteCare: "Atelpas brīdis",
		domain.DayCare: "Dienas aprūpes centrs", domain.SocialCare: "Sociālā aprūpe",
	},
	// The claims' words (statement.go), so that the exports agree.
	recip: map[domain.Recipient]string{domain.RecipientChild: recipientName(domain.RecipientChild),
		domain.RecipientParents: recipientName(domain.RecipientParents)},
	fund: map[domain.FundingSourceCode]string{domain.FundESF: fundName(domain.FundESF), domain.FundState: fundName(domain.FundState),
		domain.FundMunicipal: fundName(domain.FundMunicipal)},
	sex: map[domain.Sex]string{"FEMALE": "Sieviete", "MALE": "Vīrietis"},
	impair: map[domain.ImpairmentKind]string{
		"VISION": "Redzes", "HEARING": "Dzirdes", "MOBILITY": "Kustību", "SPEECH_AND_LANGUAGE": "Runas un valodas",
		"INTELLECTUAL": "Intelektuālie", "BEHAVIOURAL": "Uzvedības", "DEVELOPMENTAL": "Attīstības", "OTHER": "Citi",
	},
	living: map[domain.LivingArrangement]string{
		domain.LivingFamily: "Ģimenē", domain.LivingFosterFamily: "Audžuģimenē", domain.LivingGuardian: "Pie aizbildņa",
		domain.LivingInstitution: "Ilgstošas aprūpes iestādē",
	},
}

var statEN = statWords{
	title: "Atbalsts — statistics", period: "Period", regions: "Planning regions", municipalities: "Municipalities",
	projects: "Projects", serviceTypes: "Service types", categories: "Service categories", recipient: "Recipient",
	noFilter: "Filter", noFilterValue: "none besides the period", groupedBy: "Grouped by", none: "—", asOf: "As of",
	privacy:     "Confidentiality",
	privacyText: "k = %[1]d: cells with fewer than %[1]d persons are not shown, nor those from which a hidden one could be worked out",
	total:       "Total", suppressed: "Suppressed", yes: "yes", no: "no", notRecorded: "none recorded", years: "years", number: "no.",
	measures: [9]string{"Children", "Families", "Parents", "Children with plans", "Sessions", "Hours", "Days",
		"Deliveries", "Cost, EUR"},
	euro: ", EUR",
	dims: map[domain.StatDimension]string{
		domain.DimRegion: "Planning region", domain.DimMunicipality: "Municipality", domain.DimProject: "Project",
		domain.DimServiceType: "Service type", domain.DimServiceCategory: "Service category",
		domain.DimRecipient: "Recipient", domain.DimFundingSource: "Funding source", domain.DimYear: "Year",
		domain.DimQuarter: "Quarter", domain.DimMonth: "Month", domain.DimAgeBand: "Age band",
		domain.DimSex: "Sex", domain.DimImpairment: "Functional impairment", domain.DimLivingArrangement: "Living arrangement",
	},
	category: map[domain.ServiceCategory]string{
		domain.SocialRehabilitation: "Social rehabilitation", domain.HomeCare: "Home care", domain.RespiteCare: "Respite care",
		domain.DayCare: "Day-care centre", domain.SocialCare: "Social care",
	},
	recip: map[domain.Recipient]string{domain.RecipientChild: "Child", domain.RecipientParents: "Parents"},
	fund: map[domain.FundingSourceCode]string{
		domain.FundESF: "European Social Fund", domain.FundState: "State budget", domain.FundMunicipal: "Municipal budget",
	},
	sex: map[domain.Sex]string{"FEMALE": "Female", "MALE": "Male"},
	impair: map[domain.ImpairmentKind]string{
		"VISION": "Vision", "HEARING": "Hearing", "MOBILITY": "Mobility", "SPEECH_AND_LANGUAGE": "Speech and language",
		"INTELLECTUAL": "Intellectual", "BEHAVIOURAL": "Behavioural", "DEVELOPMENTAL": "Developmental", "OTHER": "Other",
	},
	living: map[domain.LivingArrangement]string{
		domain.LivingFamily: "With the family", domain.LivingFosterFamily: "In a foster family", domain.LivingGuardian: "With a guardian",
		domain.LivingInstitution: "In a long-term care institution",
	},
}

func wordsOf(l Lang) *statWords {
	if l == LangEN {
		return &statEN
	}
	return &statLV
}

// label is a value's word, or the value itself when it has none (shown rather than hidden).
func label[K ~string](m map[K]string, k K) string {
	if s, ok := m[k]; ok {
		return s
	}
	return string(k)
}

// The kinds of a table's values, which the formats write differently.
type valueKind int

const (
	valEmpty valueKind = iota // a suppressed figure, or a dimension the total row has no value of
	valText
	valCount
	valMoney
)

type statValue struct {
	kind  valueKind
	text  string
	count int
	money domain.Money
}

func textValue(s string) statValue        { return statValue{kind: valText, text: s} }
func countValue(n int) statValue          { return statValue{kind: valCount, count: n} }
func moneyValue(m domain.Money) statValue { return statValue{kind: valMoney, money: m} }

// format is the value as a CSV field: counts as digits, money with a decimal comma and no
// grouping (see WriteCSV), text guarded against formulas.
func (v statValue) format() string {
	switch v.kind {
	case valText:
		return guard(v.text)
	case valCount:
		return strconv.Itoa(v.count)
	case valMoney:
		return lvMoney(v.money, "")
	}
	return ""
}

// statTable is a report laid out: the header block (label and value pairs under a title) and
// the table (its columns, rows and the total row). Both formats write this one layout.
type statTable struct {
	title   string
	info    [][2]string
	columns []string
	// dimCols is how many of the columns are the grouping's (or the total's label).
	dimCols int
	// moneyCols are the columns of money (the cost and the funds').
	moneyCols []int
	rows      [][]statValue
	total     []statValue
}

// layout builds the table of a report.
func (r *StatisticsReport) layout() (*statTable, error) {
	if r == nil || r.Result == nil {
		return nil, errors.New("exports: no statistics")
	}
	w := wordsOf(r.Lang)
	res := r.Result
	t := &statTable{title: w.title}

	// The header block: the period, the filter in words, the grouping, when, and the threshold.
	t.info = append(t.info, [2]string{w.period, lvPeriod(r.Filter.From, r.Filter.To)})
	names := func(m map[int]string, ids []int) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			if s, ok := m[id]; ok {
				out[i] = s
			} else {
				out[i] = w.number + " " + strconv.Itoa(id)
			}
		}
		return strings.Join(out, ", ")
	}
	f := r.Filter
	filtered := false
	for _, c := range []struct {
		label string
		m     map[int]string
		ids   []int
	}{{w.regions, r.Names.Regions, f.RegionIDs}, {w.municipalities, r.Names.Municipalities, f.MunicipalityIDs},
		{w.projects, r.Names.Projects, f.ProjectIDs}, {w.serviceTypes, r.Names.ServiceTypes, f.ServiceTypeIDs}} {
		if len(c.ids) > 0 {
			t.info = append(t.info, [2]string{c.label, names(c.m, c.ids)})
			filtered = true
		}
	}
	if len(f.ServiceCategories) > 0 {
		cats := make([]string, len(f.ServiceCategories))
		for i, c := range f.ServiceCategories {
			cats[i] = label(w.category, c)
		}
		t.info = append(t.info, [2]string{w.categories, strings.Join(cats, ", ")})
		filtered = true
	}
	if f.Recipient != nil {
		t.info = append(t.info, [2]string{w.recipient, label(w.recip, *f.Recipient)})
		filtered = true
	}
	if !filtered {
		t.info = append(t.info, [2]string{w.noFilter, w.noFilterValue})
	}
	grouped := w.none
	if len(r.Dims) > 0 {
		ds := make([]string, len(r.Dims))
		for i, d := range r.Dims {
			ds[i] = label(w.dims, d)
		}
		grouped = strings.Join(ds, ", ")
	}
	t.info = append(t.info, [2]string{w.groupedBy, grouped}, [2]string{w.asOf, lvDateTime(res.AsOf)})
	if res.MinCount > 0 {
		t.info = append(t.info, [2]string{w.privacy, fmt.Sprintf(w.privacyText, res.MinCount)})
	}

	// The columns: one per dimension (a label column alone when there is none), the measures,
	// one per fund any figure has a part of, and whether a row is suppressed when any can be.
	for _, d := range r.Dims {
		t.columns = append(t.columns, label(w.dims, d))
	}
	if len(r.Dims) == 0 {
		t.columns = append(t.columns, "")
	}
	t.dimCols = len(t.columns)
	t.columns = append(t.columns, w.measures[:]...)
	t.moneyCols = append(t.moneyCols, len(t.columns)-1)
	funds := fundsOf(res)
	for _, c := range funds {
		t.moneyCols = append(t.moneyCols, len(t.columns))
		t.columns = append(t.columns, label(w.fund, c)+w.euro)
	}
	suppressible := res.MinCount > 0
	if suppressible {
		t.columns = append(t.columns, w.suppressed)
	}

	figures := func(m domain.StatMeasures) []statValue {
		var out []statValue
		if m.Suppressed {
			out = make([]statValue, len(w.measures)+len(funds))
		} else {
			for _, n := range []int{m.Children, m.Families, m.Parents, m.ChildrenWithPlans, m.Sessions, m.Hours, m.Days, m.Deliveries} {
				out = append(out, countValue(n))
			}
			out = append(out, moneyValue(m.Cost))
			for _, c := range funds {
				var part domain.Money
				for _, fa := range m.ByFund {
					if fa.Code == c {
						part += fa.Amount
					}
				}
				out = append(out, moneyValue(part))
			}
		}
		if suppressible {
			out = append(out, textValue(map[bool]string{true: w.yes, false: w.no}[m.Suppressed]))
		}
		return out
	}
	if len(r.Dims) > 0 {
		for _, c := range res.Rows {
			row := make([]statValue, 0, len(t.columns))
			for _, d := range r.Dims {
				row = append(row, textValue(r.dimValue(w, d, c.Key)))
			}
			t.rows = append(t.rows, append(row, figures(c.StatMeasures)...))
		}
	}
	t.total = append([]statValue{textValue(w.total)}, make([]statValue, t.dimCols-1)...)
	t.total = append(t.total, figures(res.Total)...)
	return t, nil
}

// dimValue is a row's value of a dimension in words.
func (r *StatisticsReport) dimValue(w *statWords, d domain.StatDimension, k domain.StatKey) string {
	name := func(m map[int]string, id int) string {
		if s, ok := m[id]; ok {
			return s
		}
		return w.number + " " + strconv.Itoa(id)
	}
	switch d {
	case domain.DimRegion:
		return name(r.Names.Regions, k.RegionID)
	case domain.DimMunicipality:
		return name(r.Names.Municipalities, k.MunicipalityID)
	case domain.DimProject:
		return name(r.Names.Projects, k.ProjectID)
	case domain.DimServiceType:
		return name(r.Names.ServiceTypes, k.ServiceTypeID)
	case domain.DimServiceCategory:
		return label(w.category, k.ServiceCategory)
	case domain.DimRecipient:
		return label(w.recip, k.Recipient)
	case domain.DimFundingSource:
		if k.FundingSource == "" {
			return w.none // a row without money (plans only)
		}
		return label(w.fund, k.FundingSource)
	case domain.DimYear, domain.DimQuarter, domain.DimMonth:
		return k.Period
	case domain.DimAgeBand:
		// "5-6 gadi" rather than "5-6", which a spreadsheet would take for a date.
		return k.AgeBand + " " + w.years
	case domain.DimSex:
		return label(w.sex, k.Sex)
	case domain.DimImpairment:
		if k.Impairment == "" {
			return w.notRecorded
		}
		return label(w.impair, k.Impairment)
	case domain.DimLivingArrangement:
		if k.LivingArrangement == "" {
			return w.notRecorded
		}
		return label(w.living, k.LivingArrangement)
	}
	return ""
}

// fundsOf are the funding sources any figure of the result has a part of: ESF, the state
// budget and the municipal budget in that order, then any other by code.
func fundsOf(res *domain.StatisticsResult) []domain.FundingSourceCode {
	var out []domain.FundingSourceCode
	add := func(m domain.StatMeasures) {
		for _, fa := range m.ByFund {
			if !slices.Contains(out, fa.Code) {
				out = append(out, fa.Code)
			}
		}
	}
	add(res.Total)
	for _, c := range res.Rows {
		add(c.StatMeasures)
	}
	order := []domain.FundingSourceCode{domain.FundESF, domain.FundState, domain.FundMunicipal}
	rank := func(c domain.FundingSourceCode) int {
		if i := slices.Index(order, c); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortFunc(out, func(a, b domain.FundingSourceCode) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b))
	})
	return out
}

// WriteStatisticsCSV writes a report as CSV for Excel in a Latvian locale, as WriteCSV does
// (byte order mark, semicolons, decimal commas without grouping, CRLF, text guarded against
// formulas) in either language: the title, the header block of label and value pairs, an
// empty line, and the table with its header row, a row per cell and the total row. A
// suppressed cell's figures are empty fields.
func WriteStatisticsCSV(w io.Writer, r *StatisticsReport) error {
	t, err := r.layout()
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := newCSVWriter(w)
	write := func(fields ...string) { _ = cw.Write(fields) } // an error sticks in cw
	texts := func(ss ...string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = guard(s)
		}
		return out
	}
	write(texts(t.title)...)
	for _, l := range t.info {
		write(texts(l[0], l[1])...)
	}
	write()
	write(texts(t.columns...)...)
	for _, row := range append(t.rows, t.total) {
		fields := make([]string, len(row))
		for i, v := range row {
			fields[i] = v.format()
		}
		write(fields...)
	}
	cw.Flush()
	return cw.Error()
}
