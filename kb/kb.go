// Package kb is akhbar's small knowledge base of countries (with their nisba
// adjectives), capitals and cities, organizations, and heads of state and
// government with their roles and terms. It is built from the gazetteer by
// `go run ./kb/gen` and embedded in the binary (kb/data, with its licences).
//
// Names are looked up by their folded form (arabic.Fold) and, for spelling
// variants, by arabic.NameKey confirmed with arabic.SameName. Role phrases
// (الرئيس البيلاروسي، رئيس كازاخستان، الأمين العام للأمم المتحدة) resolve to
// the office holder at a date.
package kb

import (
	_ "embed"
	"strings"
	"time"

	"akhbar/arabic"
)

//go:embed data/kb.tsv
var data string

// Entry is one country, city, organization or person.
type Entry struct {
	ID         string   // ISO 3166 alpha-2 for countries, gn:… for cities, reg:… for regions, org:… and per:… otherwise
	Type       string   // LOC, ORG or PER
	Class      string   // country, capital, admin_seat, city, region; the organization's kind; person
	NameAr     string   // canonical Arabic name
	NameEn     string   // English name
	Aliases    []string // other Arabic names and spellings
	Country    string   // ISO 3166 alpha-2 of the country it belongs to, when known
	Population int      // cities only
	// Confident is false for cities whose Arabic name comes only from
	// GeoNames' untagged alternate names.
	Confident bool
	Acronym   string // organizations: English acronym, also looked up as a name (CNN)
	Terms     []Term // persons: the offices held
	Sources   string // the sources of the row (see kb/data/README.md for their licences)
}

// Term is one office a person held.
type Term struct {
	Role  string    // head_of_state, head_of_government, foreign_minister...
	Title string    // English title: President, Prime Minister...
	Start time.Time // first month in office; zero when unknown
	End   time.Time // first month after the term; zero while in office
	Cues  []string  // Arabic phrases naming the office holder
}

// Covers reports whether the term includes the moment t. A zero t means
// "now": only open terms cover it.
func (tm Term) Covers(t time.Time) bool {
	if t.IsZero() {
		return tm.End.IsZero()
	}
	if !tm.Start.IsZero() && t.Before(tm.Start) {
		return false
	}
	return tm.End.IsZero() || t.Before(tm.End)
}

// KB is the loaded knowledge base. It is read-only after Load and safe for
// concurrent use.
type KB struct {
	entries []*Entry
	byID    map[string]*Entry
	byName  map[string][]*Entry // nameForm of names and aliases
	byKey   map[string][]*Entry // arabic.NameKey of names and aliases
	nisba   map[string]string   // folded nisba form -> ISO2
	roles   map[string][]holder // roleKey(title, owner) -> office holders
	titles  map[string]bool     // normalized role titles
	// firstWords and titleFirst hold the first word of every name and of
	// every title, so that most tokens are rejected with one lookup.
	firstWords map[string]bool
	titleFirst map[string]bool
	maxWords   int // most words in a name
	maxTitle   int // most words in a title
}

type holder struct {
	person *Entry
	term   int // index into person.Terms
}

// Entries returns every entry, in the order of the data.
func (k *KB) Entries() []*Entry { return k.entries }

// ByID returns the entry with the given id.
func (k *KB) ByID(id string) (*Entry, bool) {
	e, ok := k.byID[id]
	return e, ok
}

// Lookup returns the entries named name (any of their names or aliases),
// compared in folded form: أ إ آ ا, ة ه, ى ي and tashkeel do not matter.
// Entries of higher rank come first: countries, then capitals, then
// organizations and persons, then larger cities.
func (k *KB) Lookup(name string) []*Entry {
	return k.byName[nameForm(name)]
}

// LookupVariant returns the entries with a name that is a spelling variant
// of name (arabic.SameName, with the article on both or neither, and at most
// one edit in four letters), for names Lookup does not find as written:
// لوكاتشينكو finds per:lukashenko through لوكاشينكو.
func (k *KB) LookupVariant(name string) []*Entry {
	if es := k.Lookup(name); len(es) > 0 {
		return es
	}
	key := arabic.NameKey(name)
	if key == "" {
		return nil
	}
	var out []*Entry
	for _, e := range k.byKey[key] {
		for _, n := range e.names() {
			if arabic.NameKey(n) == key && arabic.SameName(n, name) && definite(n) == definite(name) && near(n, name) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// near reports whether the folded names are at most one edit in four
// letters apart: stricter than SameName, because a wrong link gives a wrong
// id in every article (بوروسيا is not بورسا). Names of four letters may
// differ only in their long vowels (بوتن is بوتين): one other letter changed
// makes another word (ربات is not رباط). Shorter names must be the same
// (لوم is not لومي).
func near(a, b string) bool {
	fa, fb := nameForm(a), nameForm(b)
	short := min(len([]rune(fa)), len([]rune(fb)))
	switch {
	case short < 4:
		return fa == fb
	case short < 5:
		return withoutLongVowels(fa) == withoutLongVowels(fb)
	}
	return arabic.EditDistance(fa, fb) <= short/4
}

// withoutLongVowels returns s without the letters ا و ي.
func withoutLongVowels(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 'ا' || r == 'و' || r == 'ي' {
			return -1
		}
		return r
	}, s)
}

// definite reports whether name starts with the article ال. LookupVariant
// keeps definite and bare names apart (أقصر is not الأقصر), though NameKey
// drops the article.
func definite(name string) bool {
	return strings.HasPrefix(nameForm(name), "ال")
}

// Nisba returns the country (ISO2) whose nisba adjective word is, in any
// form: البيلاروسي، بيلاروسية، الكازاخي، الأردنيون.
func (k *KB) Nisba(word string) (string, bool) {
	iso, ok := k.nisba[arabic.Fold(word)]
	return iso, ok
}

// names returns the entry's Arabic name and aliases.
func (e *Entry) names() []string {
	out := make([]string, 0, 1+len(e.Aliases))
	if e.NameAr != "" {
		out = append(out, e.NameAr)
	}
	return append(out, e.Aliases...)
}

// Names returns the entry's canonical Arabic name followed by its aliases.
func (e *Entry) Names() []string { return e.names() }

// nameForm is the form names are compared in: folded, Latin letters in
// lower case, words separated by one space. The lone hamza stays (بناء is
// not بنا).
func nameForm(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(arabic.Fold(s)), " "))
}

// rank orders entries sharing a name: the most likely referent first.
func rank(e *Entry) int {
	switch {
	case e.Class == "country":
		return 0
	case e.Class == "capital" || e.Class == "region":
		return 1
	case e.Type == "ORG" || e.Type == "PER":
		return 2
	case e.Confident && e.Population >= 1000000:
		return 3
	case e.Confident:
		return 4
	}
	return 5
}
