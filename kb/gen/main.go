// Command gen builds akhbar's embedded knowledge base (kb/data/kb.tsv) from
// the gazetteer TSVs (countries, demonyms, cities, organizations, persons,
// roles): it keeps the columns akhbar uses, keeps cities of at least
// -min-population people plus every capital, and records each row's sources
// so that the licences stated in kb/data/README.md can be traced per row.
//
// Usage:
//
//	go run ./kb/gen -from ../shared/data/gazetteer -out kb/data/kb.tsv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	from := flag.String("from", "../shared/data/gazetteer", "folder of the gazetteer TSVs")
	out := flag.String("out", "kb/data/kb.tsv", "file to write")
	minPop := flag.Int("min-population", 100000, "keep cities with at least this many people (capitals are always kept)")
	flag.Parse()
	if err := run(*from, *out, *minPop); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// table is a TSV file read into rows keyed by column name.
type table struct {
	path string
	cols map[string]int
	rows [][]string
}

func (t *table) get(row []string, col string) string {
	i, ok := t.cols[col]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

func readTable(path string) (*table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	t := &table{path: path, cols: map[string]int{}}
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		if line == 1 {
			for i, c := range fields {
				t.cols[c] = i
			}
			if _, ok := t.cols["id"]; !ok {
				return nil, fmt.Errorf("reading %s: no id column in the header", path)
			}
			continue
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		t.rows = append(t.rows, fields)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("reading %s: empty file", path)
	}
	return t, nil
}

func run(from, out string, minPop int) error {
	names := []string{"countries", "demonyms", "cities", "organizations", "persons", "roles"}
	tabs := map[string]*table{}
	for _, n := range names {
		t, err := readTable(filepath.Join(from, n+".tsv"))
		if err != nil {
			return err
		}
		tabs[n] = t
	}
	tmp := out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("creating %s: %w", tmp, err)
	}
	w := bufio.NewWriter(f)
	if err := write(w, tabs, minPop); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("renaming %s: %w", tmp, err)
	}
	return nil
}

// countryAliases are short and common names news text uses that the
// gazetteer lacks (بريطانيا for the United Kingdom, أمريكا). Facts typed in
// by the project; rows that use them list the source "akhbar".
var countryAliases = map[string]string{
	"US": "أمريكا|أميركا|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية",
	"GB": "بريطانيا|بريطانيا العظمى",
	"SY": "سورية",
	"NL": "هولاندا",
	"RU": "روسيا الاتحادية",
	"SA": "المملكة السعودية",
	"CZ": "تشيكيا",
	"BY": "روسيا البيضاء",
	"CI": "ساحل العاج",
	"MM": "ميانمار|بورما",
}

// countryNames correct the canonical Arabic names the gazetteer misspells
// or words unusually (المسكيك, صيربيا). Facts typed in by the project.
var countryNames = map[string]string{
	"MX": "المكسيك",
	"RS": "صربيا",
	"MD": "مولدوفا",
	"AO": "أنغولا",
	"ME": "الجبل الأسود",
	"UZ": "أوزبكستان",
	"AQ": "أنتاركتيكا",
}

// regions are continents and regions news text names: with them in the
// knowledge base, أوروبا is Europe and not a spelling of أروبا (Aruba).
// Facts typed in by the project (source "akhbar"): id, English, Arabic,
// aliases.
var regions = [][4]string{
	{"reg:europe", "Europe", "أوروبا", "أوربا"},
	{"reg:asia", "Asia", "آسيا", ""},
	{"reg:africa", "Africa", "أفريقيا", "إفريقيا|القارة الأفريقية|القارة السمراء"},
	{"reg:north_america", "North America", "أمريكا الشمالية", "أميركا الشمالية"},
	{"reg:south_america", "South America", "أمريكا الجنوبية", "أميركا الجنوبية"},
	{"reg:latin_america", "Latin America", "أمريكا اللاتينية", "أميركا اللاتينية"},
	{"reg:oceania", "Oceania", "أوقيانوسيا", ""},
	{"reg:antarctica", "Antarctica", "القارة القطبية الجنوبية", ""},
	{"reg:middle_east", "Middle East", "الشرق الأوسط", ""},
	{"reg:gulf", "Gulf region", "الخليج العربي", "منطقة الخليج"},
	{"reg:maghreb", "Maghreb", "المغرب العربي", ""},
	{"reg:levant", "Levant", "بلاد الشام", ""},
	{"reg:balkans", "Balkans", "البلقان", ""},
	{"reg:caucasus", "Caucasus", "القوقاز", ""},
	{"reg:central_asia", "Central Asia", "آسيا الوسطى", ""},
	{"reg:sahel", "Sahel", "الساحل الأفريقي", "منطقة الساحل"},
	{"reg:horn_of_africa", "Horn of Africa", "القرن الأفريقي", ""},
	{"reg:gaza_strip", "Gaza Strip", "قطاع غزة", ""},
	{"reg:west_bank", "West Bank", "الضفة الغربية", ""},
}

func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(strings.TrimSpace(s))
}

// joinList joins non-empty, distinct values with |.
func joinList(vals ...string) string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, "|") {
			p = clean(p)
			if p == "" || seen[p] {
				continue
			}
			seen[p] = true
			out = append(out, p)
		}
	}
	return strings.Join(out, "|")
}

func line(w io.Writer, fields ...string) {
	for i, f := range fields {
		fields[i] = clean(f)
	}
	fmt.Fprintln(w, strings.Join(fields, "\t"))
}

func write(w io.Writer, tabs map[string]*table, minPop int) error {
	fmt.Fprintln(w, "# akhbar knowledge base, generated by `go run ./kb/gen` from the gazetteer TSVs; see README.md here for the per-row licences (last column: sources).")
	fmt.Fprintln(w, "# C id name_en name_ar aliases_ar capital_id wikidata sources")
	fmt.Fprintln(w, "# D country nisba forms (m|f|pl|definite|aliases) sources")
	fmt.Fprintln(w, "# L id class name_en name_ar aliases_ar country population arabic_name_from sources (class region: typed in by akhbar)")
	fmt.Fprintln(w, "# O id class name_en name_ar aliases_ar country acronym sources")
	fmt.Fprintln(w, "# P id name_en name_ar aliases_ar country role title_en start end cues_ar sources")
	fmt.Fprintln(w, "# R id name_ar aliases_ar with_nisba with_country sources")
	c := tabs["countries"]
	for _, r := range c.rows {
		id, src := c.get(r, "id"), c.get(r, "source")
		name, extra := c.get(r, "name_ar"), countryAliases[id]
		if fixed, ok := countryNames[id]; ok {
			// The gazetteer's name stays as an alias.
			name, extra = fixed, joinList(extra, name)
		}
		if extra != "" {
			src += ";akhbar"
		}
		line(w, "C", id, c.get(r, "name_en"), name, joinList(c.get(r, "aliases_ar"), extra),
			c.get(r, "capital_id"), c.get(r, "wikidata"), src)
	}
	// Demonyms: the demonyms table and the countries' demonym columns.
	d := tabs["demonyms"]
	forms := map[string]string{}
	srcs := map[string]string{}
	for _, r := range d.rows {
		iso := d.get(r, "country")
		forms[iso] = joinList(forms[iso], d.get(r, "male"), d.get(r, "female"), d.get(r, "males"), d.get(r, "females"),
			d.get(r, "def_male"), d.get(r, "def_female"), d.get(r, "aliases_ar"), d.get(r, "aliases_f"))
		srcs[iso] = d.get(r, "source")
	}
	for _, r := range c.rows {
		iso := c.get(r, "id")
		extra := joinList(c.get(r, "demonym_ar_m"), c.get(r, "demonym_ar_f"), c.get(r, "demonym_ar_def_m"), c.get(r, "demonym_ar_def_f"), c.get(r, "demonym_aliases_ar"))
		if extra == "" {
			continue
		}
		forms[iso] = joinList(forms[iso], extra)
		if srcs[iso] == "" {
			srcs[iso] = c.get(r, "source")
		}
	}
	isos := make([]string, 0, len(forms))
	for iso := range forms {
		isos = append(isos, iso)
	}
	sort.Strings(isos)
	for _, iso := range isos {
		line(w, "D", iso, forms[iso], srcs[iso])
	}
	ct := tabs["cities"]
	kept := 0
	for _, r := range ct.rows {
		pop, _ := strconv.Atoi(ct.get(r, "population"))
		class := ct.get(r, "type")
		if pop < minPop && class != "capital" {
			continue
		}
		kept++
		line(w, "L", ct.get(r, "id"), class, ct.get(r, "name_en"), ct.get(r, "name_ar"), joinList(ct.get(r, "aliases_ar")),
			ct.get(r, "country"), strconv.Itoa(pop), ct.get(r, "name_ar_from"), ct.get(r, "source"))
	}
	for _, r := range regions {
		line(w, "L", r[0], "region", r[1], r[2], r[3], "", "0", "akhbar", "akhbar")
	}
	o := tabs["organizations"]
	for _, r := range o.rows {
		line(w, "O", o.get(r, "id"), o.get(r, "type"), o.get(r, "name_en"), o.get(r, "name_ar"), joinList(o.get(r, "aliases_ar")),
			o.get(r, "country"), o.get(r, "acronym_en"), o.get(r, "source"))
	}
	p := tabs["persons"]
	for _, r := range p.rows {
		line(w, "P", p.get(r, "id"), p.get(r, "name_en"), p.get(r, "name_ar"), joinList(p.get(r, "aliases_ar")),
			p.get(r, "country"), p.get(r, "role"), p.get(r, "role_title_en"), p.get(r, "start"), p.get(r, "end"),
			joinList(p.get(r, "cues_ar")), p.get(r, "source"))
	}
	ro := tabs["roles"]
	for _, r := range ro.rows {
		line(w, "R", ro.get(r, "id"), ro.get(r, "name_ar"), joinList(ro.get(r, "aliases_ar")), ro.get(r, "with_nisba_m"),
			ro.get(r, "with_country"), ro.get(r, "source"))
	}
	fmt.Fprintf(os.Stderr, "gen: %d countries, %d demonym sets, %d of %d cities, %d organizations, %d person terms, %d roles\n",
		len(c.rows), len(isos), kept, len(ct.rows), len(o.rows), len(p.rows), len(ro.rows))
	return nil
}
