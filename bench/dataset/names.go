package dataset

// Made-up people: common Latvian first names and surnames (male and female forms) combined
// at random, so that list pages sort and search over realistic Latvian letters. No record
// describes a real person: the personal codes are generated (see codes.go).

var femaleFirst = []string{"Anna", "Marta", "Elīza", "Sofija", "Emīlija", "Alise", "Paula", "Laura", "Keita",
	"Amēlija", "Evelīna", "Līva", "Estere", "Madara", "Dārta", "Katrīna", "Agate", "Ieva", "Zane", "Ilze",
	"Gunta", "Santa", "Linda", "Kristīne", "Inese", "Dace", "Anete", "Elza", "Beāte", "Rūta"}

var maleFirst = []string{"Roberts", "Gustavs", "Markuss", "Olivers", "Emīls", "Daniels", "Kristers", "Rihards",
	"Ralfs", "Dāvis", "Mārtiņš", "Jānis", "Artūrs", "Edgars", "Kārlis", "Niks", "Toms", "Andris", "Juris",
	"Pēteris", "Aivars", "Raimonds", "Gints", "Uldis", "Ēriks", "Valdis", "Miķelis", "Krišjānis", "Ansis", "Oskars"}

// surnames holds each surname's male and female form.
var surnames = [][2]string{{"Bērziņš", "Bērziņa"}, {"Kalniņš", "Kalniņa"}, {"Ozoliņš", "Ozoliņa"},
	{"Jansons", "Jansone"}, {"Ozols", "Ozola"}, {"Liepiņš", "Liepiņa"}, {"Krūmiņš", "Krūmiņa"},
	{"Balodis", "Balode"}, {"Eglītis", "Eglīte"}, {"Zariņš", "Zariņa"}, {"Pētersons", "Pētersone"},
	{"Vītols", "Vītola"}, {"Kļaviņš", "Kļaviņa"}, {"Kārkliņš", "Kārkliņa"}, {"Vanags", "Vanaga"},
	{"Grīnbergs", "Grīnberga"}, {"Lapiņš", "Lapiņa"}, {"Siliņš", "Siliņa"}, {"Āboliņš", "Āboliņa"},
	{"Zvirbulis", "Zvirbule"}, {"Šmits", "Šmite"}, {"Ķēniņš", "Ķēniņa"}, {"Žagars", "Žagare"},
	{"Cīrulis", "Cīrule"}, {"Dūmiņš", "Dūmiņa"}, {"Gailis", "Gaile"}, {"Muižnieks", "Muižniece"},
	{"Priede", "Priede"}, {"Rozītis", "Rozīte"}, {"Upītis", "Upīte"}}

var specialists = []string{"A. Kalniņa", "I. Ozola", "J. Bērziņš", "L. Vītola", "M. Zariņa", "R. Liepiņš",
	"S. Eglīte", "D. Krūmiņa", "K. Balodis", "E. Lapiņa", "G. Siliņš", "Z. Vanaga"}

var streets = []string{"Brīvības iela", "Rīgas iela", "Skolas iela", "Dārza iela", "Lielā iela", "Ezera iela",
	"Parka iela", "Meža iela", "Stacijas iela", "Baznīcas iela"}
