package kb

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"akhbar/arabic"
)

// Load parses the embedded knowledge base. Call it once and share the KB.
func Load() (*KB, error) {
	return Parse(data)
}

// Parse reads a knowledge base in the format kb/gen writes (one record a
// line, tab-separated, first field C, D, L, O, P or R; # starts a comment).
func Parse(text string) (*KB, error) {
	k := &KB{
		byID:   map[string]*Entry{},
		byName: map[string][]*Entry{},
		byKey:  map[string][]*Entry{},
		nisba:  map[string]string{},
		roles:  map[string][]holder{},
		titles: map[string]bool{},

		firstWords: map[string]bool{},
		titleFirst: map[string]bool{},
	}
	var cues []cueRow
	for n, ln := range strings.Split(text, "\n") {
		if ln == "" || ln[0] == '#' {
			continue
		}
		f := strings.Split(ln, "\t")
		need := map[string]int{"C": 8, "D": 4, "L": 10, "O": 9, "P": 12, "R": 7}[f[0]]
		if need == 0 {
			return nil, fmt.Errorf("kb line %d: unknown record kind %q", n+1, f[0])
		}
		if len(f) < need {
			return nil, fmt.Errorf("kb line %d: %s record has %d fields, want %d", n+1, f[0], len(f), need)
		}
		switch f[0] {
		case "C":
			k.add(&Entry{ID: f[1], Type: "LOC", Class: "country", NameEn: f[2], NameAr: f[3], Aliases: list(f[4]),
				Country: f[1], Confident: true, Sources: f[7]})
		case "D":
			for _, form := range list(f[2]) {
				ff := arabic.Fold(form)
				if _, dup := k.nisba[ff]; !dup {
					k.nisba[ff] = f[1]
				}
				if !strings.HasPrefix(ff, "ال") {
					if _, dup := k.nisba["ال"+ff]; !dup {
						k.nisba["ال"+ff] = f[1]
					}
				}
			}
		case "L":
			pop, err := strconv.Atoi(f[7])
			if err != nil && f[7] != "" {
				return nil, fmt.Errorf("kb line %d: population %q: %w", n+1, f[7], err)
			}
			k.add(&Entry{ID: f[1], Type: "LOC", Class: f[2], NameEn: f[3], NameAr: f[4], Aliases: list(f[5]),
				Country: f[6], Population: pop, Confident: f[8] != "geonames", Sources: f[9]})
		case "O":
			k.add(&Entry{ID: f[1], Type: "ORG", Class: f[2], NameEn: f[3], NameAr: f[4], Aliases: list(f[5]),
				Country: f[6], Acronym: f[7], Confident: true, Sources: f[8]})
		case "P":
			start, err := month(f[8])
			if err != nil {
				return nil, fmt.Errorf("kb line %d: start of term: %w", n+1, err)
			}
			end, err := month(f[9])
			if err != nil {
				return nil, fmt.Errorf("kb line %d: end of term: %w", n+1, err)
			}
			if !end.IsZero() {
				end = end.AddDate(0, 1, 0) // the end month is still in office
			}
			e, ok := k.byID[f[1]]
			if !ok {
				e = &Entry{ID: f[1], Type: "PER", Class: "person", NameEn: f[2], NameAr: f[3], Aliases: list(f[4]),
					Country: f[5], Confident: true, Sources: f[11]}
				k.add(e)
			}
			e.Terms = append(e.Terms, Term{Role: f[6], Title: f[7], Start: start, End: end, Cues: list(f[10])})
			cues = append(cues, cueRow{e, len(e.Terms) - 1})
		case "R":
			for _, t := range append([]string{f[2]}, list(f[3])...) {
				k.addTitle(t)
			}
		}
	}
	if len(k.entries) == 0 {
		return nil, fmt.Errorf("kb: no entries")
	}
	for _, c := range cues {
		for _, cue := range c.e.Terms[c.term].Cues {
			title, owner, ok := k.splitCue(cue)
			if !ok {
				continue
			}
			k.addTitle(title)
			key := roleKey(normTitle(title), owner)
			k.roles[key] = append(k.roles[key], holder{c.e, c.term})
		}
	}
	for _, es := range k.byName {
		sort.SliceStable(es, func(i, j int) bool {
			if rank(es[i]) != rank(es[j]) {
				return rank(es[i]) < rank(es[j])
			}
			return es[i].Population > es[j].Population
		})
	}
	return k, nil
}

type cueRow struct {
	e    *Entry
	term int
}

func (k *KB) add(e *Entry) {
	k.entries = append(k.entries, e)
	if _, dup := k.byID[e.ID]; !dup {
		k.byID[e.ID] = e
	}
	e.Aliases = slices.DeleteFunc(e.Aliases, e.wordLike())
	seenName, seenKey := map[string]bool{}, map[string]bool{}
	names := e.names()
	if len(e.Acronym) >= 3 {
		names = append(names, e.Acronym)
	}
	for _, n := range names {
		f := nameForm(n)
		if f == "" || seenName[f] || len([]rune(f)) < 3 && e.Class != "country" {
			// Names of one or two letters (بن as an alias of a city) are
			// words far more often than names.
			continue
		}
		seenName[f] = true
		k.byName[f] = append(k.byName[f], e)
		first, _, _ := strings.Cut(f, " ")
		k.firstWords[first] = true
		if w := len(strings.Fields(f)); w > k.maxWords {
			k.maxWords = w
		}
		if key := arabic.NameKey(n); key != "" && !seenKey[key] {
			seenKey[key] = true
			k.byKey[key] = append(k.byKey[key], e)
		}
	}
}

// wordLike returns a test of whether an alias, taken from a list of
// transliterations, would be another word in Arabic text: the bare form of a
// name written with the article (ربات for الرباط), or a place's alias of
// three letters or fewer that is not a word of its name (كيف for كييف, خبر
// for الخبر; مكة for مكة المكرمة stays). The name's forms are computed once.
func (e *Entry) wordLike() func(alias string) bool {
	key := ""
	if definite(e.NameAr) {
		key = arabic.NameKey(e.NameAr)
	}
	words := strings.Fields(nameForm(e.NameAr))
	place := e.Type == "LOC" && e.Class != "country"
	return func(alias string) bool {
		if key != "" && !definite(alias) && arabic.NameKey(alias) == key {
			return true
		}
		f := nameForm(alias)
		return place && len([]rune(f)) <= 3 && !slices.Contains(words, f)
	}
}

func (k *KB) addTitle(t string) {
	nt := normTitle(t)
	if nt == "" || strings.ContainsAny(nt, "{}") {
		return
	}
	k.titles[nt] = true
	first, _, _ := strings.Cut(nt, " ")
	k.titleFirst[first] = true
	if w := len(strings.Fields(nt)); w > k.maxTitle {
		k.maxTitle = w
	}
}

// list splits a |-separated field.
func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// month parses YYYY-MM (or YYYY); "" is the zero time.
func month(s string) (time.Time, error) {
	switch len(s) {
	case 0:
		return time.Time{}, nil
	case 4:
		return time.Parse("2006", s)
	}
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("month %q: want YYYY-MM", s)
	}
	return t, nil
}
