package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"akhbar/arabic"
)

const evalNamesUsage = `
akhbar eval names measures the name matcher: for each pair of Arabic spellings in a TSV
(name_a, name_b, same 1/0) it asks whether arabic.SameName (and, for comparison, plain
NameKey equality) treats them as one name, and prints precision, recall and F1, then
"N passed, M failed". With --min it exits 1 when SameName's F1 is below the bar.

--make-pairs FILE builds such a pair file from the Wikidata name spellings
(names_wikidata: "english<TAB>a r a b i c<TAB>count"): positives are different
Arabic spellings of English spellings of one name (Philip / Phillip / Filip), negatives
are Arabic names one letter apart whose English names differ (Hassan / Hussein).

Usage:
  akhbar eval names --pairs FILE [--json] [--min F1]
  akhbar eval names --make-pairs FILE --from WIKIDATA_TOKENS [--min-count N]

Examples:
  akhbar eval names --make-pairs /tmp/name_pairs.tsv --from ../shared/data/names_wikidata/data_wd_arabic.normalized.aligned.tokens
  akhbar eval names --pairs /tmp/name_pairs.tsv --min 0.7
`

func runEvalNames(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval names", evalNamesUsage)
	pairs := fs.String("pairs", "", "TSV of name_a, name_b, same (1/0) to measure")
	asJSON := fs.Bool("json", false, "print a JSON summary instead of text")
	minF1 := fs.Float64("min", 0, "exit 1 when SameName's F1 is below this")
	makePairs := fs.String("make-pairs", "", "write a pair file built from --from")
	from := fs.String("from", "", "Wikidata name spellings to build pairs from")
	minCount := fs.Int("min-count", 2, "with --make-pairs: ignore spellings seen fewer times")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *makePairs != "":
		if *from == "" {
			return usageError("--make-pairs needs --from FILE")
		}
		return makeNamePairs(ctx, e, *from, *makePairs, *minCount)
	case *pairs == "":
		return usageError("--pairs FILE or --make-pairs FILE is required")
	}
	cases, err := readNamePairs(*pairs)
	if err != nil {
		return usageError("%v", err)
	}
	same := newScore()
	key := newScore()
	var failures []string
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return err
		}
		got := arabic.SameName(c.a, c.b)
		same.add(got, c.same)
		key.add(arabic.NameKey(c.a) == arabic.NameKey(c.b), c.same)
		if got != c.same {
			failures = append(failures, fmt.Sprintf("%s:%d: SameName(%s, %s) = %v, want %v", *pairs, c.line, c.a, c.b, got, c.same))
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]any{"pairs": len(cases), "same_name": same.summary(), "name_key": key.summary(),
			"passed": same.tp + same.tn, "failed": same.fp + same.fn}); err != nil {
			return fmt.Errorf("writing summary: %w", err)
		}
	} else {
		for i, f := range failures {
			if i == 20 {
				fmt.Fprintf(e.stdout, "... and %d more failures\n", len(failures)-20)
				break
			}
			fmt.Fprintln(e.stdout, f)
		}
		fmt.Fprintf(e.stdout, "%d pairs (%d same, %d different)\n", len(cases), same.tp+same.fn, same.tn+same.fp)
		fmt.Fprintf(e.stdout, "SameName       %s\n", same)
		fmt.Fprintf(e.stdout, "NameKey equal  %s\n", key)
		fmt.Fprintf(e.stdout, "%d passed, %d failed\n", same.tp+same.tn, same.fp+same.fn)
	}
	if *minF1 > 0 && same.f1() < *minF1 {
		return fmt.Errorf("SameName F1 %.4f is below the bar %.4f", same.f1(), *minF1)
	}
	return nil
}

// score counts binary decisions against the truth.
type score struct{ tp, fp, fn, tn int }

func newScore() *score { return &score{} }

func (s *score) add(got, want bool) {
	switch {
	case got && want:
		s.tp++
	case got:
		s.fp++
	case want:
		s.fn++
	default:
		s.tn++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s *score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s *score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s *score) String() string {
	return fmt.Sprintf("P %.4f  R %.4f  F1 %.4f  (tp %d, fp %d, fn %d, tn %d)", s.precision(), s.recall(), s.f1(), s.tp, s.fp, s.fn, s.tn)
}

func (s *score) summary() map[string]any {
	return map[string]any{"precision": s.precision(), "recall": s.recall(), "f1": s.f1(), "tp": s.tp, "fp": s.fp, "fn": s.fn, "tn": s.tn}
}

// namePair is one row of a pairs file.
type namePair struct {
	line int
	a, b string
	same bool
}

// readNamePairs reads a TSV of name_a, name_b, same (1/0); a first line
// whose third field is not 0 or 1 is taken as a header.
func readNamePairs(path string) ([]namePair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	var out []namePair
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		ln := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		fields := strings.Split(ln, "\t")
		if len(fields) < 3 {
			return nil, fmt.Errorf("reading %s:%d: want name_a<TAB>name_b<TAB>same, got %d fields", path, n, len(fields))
		}
		v := strings.TrimSpace(fields[2])
		if v != "0" && v != "1" {
			if n == 1 {
				continue
			}
			return nil, fmt.Errorf("reading %s:%d: same is %q, want 1 or 0", path, n, v)
		}
		out = append(out, namePair{n, strings.TrimSpace(fields[0]), strings.TrimSpace(fields[1]), v == "1"})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("reading %s: no pairs", path)
	}
	return out, nil
}

// englishKey simplifies an English spelling of a name so that spellings of
// one name agree and little else does: doubled letters written once, ph as
// f, ck as k, th as t, ou as u, a final y as i and a final e dropped
// (Philip / Filip, Mattias / Matias, Arthur / Artur, Sergey / Sergei).
func englishKey(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	s = strings.NewReplacer("ph", "f", "ck", "k", "th", "t", "ou", "u").Replace(b.String())
	var out []byte
	for i := 0; i < len(s); i++ {
		if len(out) > 0 && out[len(out)-1] == s[i] {
			continue
		}
		out = append(out, s[i])
	}
	s = string(out)
	if strings.HasSuffix(s, "y") {
		s = s[:len(s)-1] + "i"
	}
	if len(s) > 4 {
		s = strings.TrimSuffix(s, "e")
	}
	return s
}

// plausible reports whether ar can be a transliteration of en: their
// consonant skeletons (a rough letter-for-letter map, vowels and h dropped)
// are at most a third apart. It drops the misaligned rows of the Wikidata
// token alignment (a Roman numeral paired with السابع) so that they do not
// become pairs.
func plausible(en, ar string) bool {
	for _, r := range en {
		if r >= 0x80 {
			return false // a letter englishKey cannot see (š, ć)
		}
	}
	es, as := latinSkeleton(en), arabicSkeleton(ar)
	if es == "" || as == "" {
		return false
	}
	return arabic.EditDistance(es, as)*3 <= max(len(es), len(as))
}

func latinSkeleton(s string) string {
	s = strings.NewReplacer("ph", "f", "th", "t", "sh", "s", "ch", "s", "kh", "k", "gh", "g", "dh", "d", "ck", "k", "x", "ks").Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h':
		case 'c', 'q':
			b.WriteByte('k')
		case 'j':
			b.WriteByte('g')
		case 'v':
			b.WriteByte('f')
		case 'p':
			b.WriteByte('b')
		case 'z':
			b.WriteByte('s')
		default:
			if r >= 'a' && r <= 'z' {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func arabicSkeleton(s string) string {
	m := map[rune]string{'ب': "b", 'ت': "t", 'ث': "t", 'ج': "g", 'خ': "k", 'د': "d", 'ذ': "d", 'ر': "r", 'ز': "s", 'س': "s",
		'ش': "s", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "s", 'غ': "g", 'ف': "f", 'ق': "k", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n"}
	var b strings.Builder
	for _, r := range arabic.Fold(s) {
		b.WriteString(m[r])
	}
	return b.String()
}

// makeNamePairs writes a pair file built from the Wikidata spellings.
func makeNamePairs(ctx context.Context, e *env, from, out string, minCount int) error {
	f, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("reading %s: %w", from, err)
	}
	defer f.Close()
	type spelling struct{ en, ar string }
	var rows []spelling
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 3 {
			return fmt.Errorf("reading %s:%d: want english<TAB>arabic letters<TAB>count", from, n)
		}
		c, err := strconv.Atoi(strings.TrimSpace(fields[2]))
		if err != nil {
			return fmt.Errorf("reading %s:%d: count %q: %w", from, n, fields[2], err)
		}
		ar := strings.ReplaceAll(fields[1], " ", "")
		if c < minCount || len([]rune(ar)) < 3 || !plausible(fields[0], ar) {
			continue
		}
		rows = append(rows, spelling{fields[0], ar})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", from, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// Positives: different Arabic spellings within one English key.
	groups := map[string][]spelling{}
	for _, r := range rows {
		k := englishKey(r.en)
		groups[k] = append(groups[k], r)
	}
	type pair struct {
		a, b string
		same bool
	}
	seen := map[[2]string]bool{}
	var pos, neg []pair
	addPair := func(list *[]pair, a, b string, same bool) {
		if a > b {
			a, b = b, a
		}
		if a == b || seen[[2]string{a, b}] {
			return
		}
		seen[[2]string{a, b}] = true
		*list = append(*list, pair{a, b, same})
	}
	for _, g := range groups {
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				// Each spelling must also fit the other English name, which
				// drops most rows the token alignment paired wrongly.
				if !plausible(g[i].en, g[j].ar) || !plausible(g[j].en, g[i].ar) {
					continue
				}
				addPair(&pos, g[i].ar, g[j].ar, true)
			}
		}
	}
	// Negatives: Arabic spellings one edit apart (found through shared
	// one-deletion variants) whose English names are not one name.
	byDel := map[string][]int{}
	for i, r := range rows {
		rs := []rune(r.ar)
		byDel[r.ar] = append(byDel[r.ar], i)
		for d := range rs {
			v := string(rs[:d]) + string(rs[d+1:])
			byDel[v] = append(byDel[v], i)
		}
	}
	for _, ids := range byDel {
		if len(ids) > 50 {
			continue
		}
		for x := range ids {
			for y := x + 1; y < len(ids); y++ {
				a, b := rows[ids[x]], rows[ids[y]]
				if a.ar == b.ar || englishKey(a.en) == englishKey(b.en) || arabic.EditDistance(englishKey(a.en), englishKey(b.en)) < 2 {
					continue
				}
				if arabic.EditDistance(a.ar, b.ar) != 1 {
					continue
				}
				addPair(&neg, a.ar, b.ar, false)
			}
		}
	}
	// Deterministic sample: as many negatives as positives, by hash.
	hash := func(p pair) uint64 {
		h := fnv.New64a()
		io.WriteString(h, p.a+"\t"+p.b)
		return h.Sum64()
	}
	sort.Slice(neg, func(i, j int) bool { return hash(neg[i]) < hash(neg[j]) })
	if len(neg) > len(pos) {
		neg = neg[:len(pos)]
	}
	all := append(pos, neg...)
	sort.Slice(all, func(i, j int) bool { return hash(all[i]) < hash(all[j]) })
	tmp := out + ".tmp"
	w, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("creating %s: %w", tmp, err)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "name_a\tname_b\tsame")
	for _, p := range all {
		v := 0
		if p.same {
			v = 1
		}
		fmt.Fprintf(bw, "%s\t%s\t%d\n", p.a, p.b, v)
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := w.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("renaming %s: %w", tmp, err)
	}
	fmt.Fprintf(e.stdout, "wrote %s: %d pairs (%d same, %d different) from %d spellings\n", out, len(all), len(pos), len(neg), len(rows))
	return nil
}
