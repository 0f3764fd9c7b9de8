package entity

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"akhbar/arabic"
	"akhbar/kb"
	"akhbar/ner"
)

// cand is a name mention before clustering.
type cand struct {
	start, end       int // code points
	tokStart, tokEnd int
	typ              string
	text             string
	words            []string // folded words of text
	keys             []string // arabic.NameKey of each word
	joined           string   // words joined by spaces
	lil              bool     // the name's article merged into a لل before it
	link             *kb.Entry
}

// role is a role mention before resolution.
type role struct {
	start, end       int
	tokStart, tokEnd int
	title, owner     string
}

// cluster is one referent being built.
type cluster struct {
	typ     string
	link    *kb.Entry
	names   []*cand
	roles   []*role
	longest *cand
	votes   map[string]int  // the tagger's types for the names
	forms   []*cand         // names with distinct folded forms
	seen    map[string]bool // folded forms of the names
}

// add puts c in the cluster.
func (cl *cluster) add(c *cand) {
	cl.names = append(cl.names, c)
	if cl.seen == nil {
		cl.seen = map[string]bool{}
	}
	if f := c.form(); !cl.seen[f] {
		cl.seen[f] = true
		cl.forms = append(cl.forms, c)
	}
}

// form is the candidate's folded words joined by spaces.
func (c *cand) form() string { return c.joined }

// setLink links the cluster to e.
func (cl *cluster) setLink(e *kb.Entry) { cl.link = e }

// Resolve groups the tagger's mentions of one article into entities. toks
// are the article's tokens (arabic.Tokenize(text)) and mentions the tagger's
// output over them; date is the article's date, used to read role phrases
// (zero: now); k may be nil, and then nothing is linked, role phrases are
// not read and no names are added from the gazetteer.
//
// Beyond the tagger's mentions it adds role phrases (الرئيس البيلاروسي) as
// role mentions of the person they refer to: the person named right after
// the phrase anywhere in the article (apposition) or else the knowledge
// base's office holder at date; and names of the knowledge base the tagger
// missed (the longest match, with care for ambiguous names).
func Resolve(text string, toks []arabic.Token, mentions []ner.Mention, date time.Time, k *kb.KB) []Entity {
	runes := []rune(text)
	covered := make([]bool, len(toks))
	var roles []*role
	var words *kb.Words
	if k != nil {
		words = kb.Prepare(toks)
		roles = findRoles(toks, words, k, covered)
	}
	var cands []*cand
	for _, m := range mentions {
		c, ok := fromTagger(m, runes, toks, covered, k)
		if !ok {
			continue
		}
		cands = append(cands, c)
	}
	if k != nil {
		cands = repair(cands, runes, toks, words, k, covered)
	}
	for _, c := range cands {
		for i := c.tokStart; i < c.tokEnd; i++ {
			covered[i] = true
		}
	}
	if k != nil {
		cands = append(cands, fromGazetteer(runes, toks, words, covered, k)...)
		for _, c := range cands {
			if c.link == nil {
				c.link = link(k, c)
			}
		}
		disambiguate(k, runes, toks, cands)
	}
	clusters := group(cands)
	resolveRoles(roles, cands, date, k, &clusters)
	if k != nil {
		titled(words, k, cands, clusters, covered)
	}
	return build(clusters, runes)
}

// titled adds a title written right before a person's name (الرئيس فلاديمير
// بوتين, وزير الخارجية سامح شكري) as a role mention of that person.
func titled(w *kb.Words, k *kb.KB, cands []*cand, clusters []*cluster, covered []bool) {
	byTok := map[int]*cluster{}
	for _, cl := range clusters {
		if cl.typ != "PER" {
			continue
		}
		for _, n := range cl.names {
			byTok[n.tokStart] = cl
		}
	}
	if len(byTok) == 0 {
		return
	}
	for i := 0; i < w.Len(); i++ {
		if covered[i] {
			continue
		}
		r, ok := k.TitleAt(w, i)
		if !ok {
			continue
		}
		free := true
		for j := r.TokStart; j < r.TokEnd; j++ {
			free = free && !covered[j]
		}
		if cl := byTok[r.TokEnd]; cl != nil && free {
			cl.roles = append(cl.roles, &role{r.Start, r.End, r.TokStart, r.TokEnd, r.Title, ""})
			i = r.TokEnd - 1
		}
	}
}

// findRoles marks and returns the role phrases of toks, including
// counterpart phrases (نظيره الأردني) whose title is the last role's.
func findRoles(toks []arabic.Token, words *kb.Words, k *kb.KB, covered []bool) []*role {
	var out []*role
	lastTitle := ""
	for i := 0; i < len(toks); i++ {
		if r, ok := k.RoleAt(words, i); ok {
			out = append(out, &role{r.Start, r.End, r.TokStart, r.TokEnd, r.Title, r.Owner})
			lastTitle = r.Title
			for j := r.TokStart; j < r.TokEnd; j++ {
				covered[j] = true
			}
			i = r.TokEnd - 1
			continue
		}
		if r, ok := k.TitleAt(words, i); ok {
			// A title without owner (وزير الخارجية سامح شكري) still tells
			// what a later نظيره is.
			lastTitle = r.Title
			i = r.TokEnd - 1
			continue
		}
		if lastTitle != "" && i+1 < len(toks) && isCounterpart(toks[i].Text) {
			nis := arabic.Fold(toks[i+1].Text)
			if iso, ok := k.Nisba(nis); ok && strings.HasPrefix(nis, "ال") {
				out = append(out, &role{toks[i].Start, toks[i+1].End, i, i + 2, lastTitle, iso})
				covered[i], covered[i+1] = true, true
				i++
			}
		}
	}
	return out
}

// isCounterpart reports whether word is نظير with a pronoun: نظيره، نظيرها،
// نظيرته، ونظيره.
func isCounterpart(word string) bool {
	f := arabic.Fold(word)
	f = strings.TrimPrefix(f, "و")
	f = strings.TrimPrefix(f, "ف")
	f = strings.TrimPrefix(f, "ب")
	f = strings.TrimPrefix(f, "ل")
	if !strings.HasPrefix(f, "نظير") {
		return false
	}
	switch strings.TrimPrefix(f, "نظير") {
	case "ه", "ها", "هم", "هما", "يه", "تها", "ته":
		return true
	}
	return false
}

// fromTagger checks a tagger mention and turns it into a candidate; it
// trims the part of the mention that overlaps a role phrase and drops
// mentions that are only a nisba adjective (الوحدة البيلاروسية).
func fromTagger(m ner.Mention, runes []rune, toks []arabic.Token, covered []bool, k *kb.KB) (*cand, bool) {
	if m.TokStart < 0 || m.TokEnd > len(toks) || m.TokStart >= m.TokEnd || m.Start < 0 || m.End > len(runes) || m.Start >= m.End {
		return nil, false
	}
	ts, te, start := m.TokStart, m.TokEnd, m.Start
	for ts < te && covered[ts] {
		ts++
		if ts < te {
			start = toks[ts].Start
		}
	}
	end := m.End
	if ts == te {
		// Entirely inside a role phrase: keep it only when it names a
		// country or an organization on its own (رئيس كازاخستان).
		if k == nil || !ownName(k, string(runes[m.Start:m.End])) {
			return nil, false
		}
		ts, start = m.TokStart, m.Start
	} else {
		for te > ts && covered[te-1] {
			te--
			end = toks[te-1].End
		}
	}
	if start >= end {
		return nil, false
	}
	c := newCand(runes, start, end, ts, te, m.Type)
	if k != nil && len(c.words) == 1 && c.typ != "ORG" && c.typ != "PER" && isCommonWord(c.text) && !canonical1(k, c.text) {
		// مدينة، أقصر: far more often a word than a name.
		return nil, false
	}
	if k != nil && len(c.words) == 1 {
		if _, isNisba := k.Nisba(c.words[0]); isNisba && len(k.Lookup(c.text)) == 0 {
			return nil, false
		}
	}
	return c, true
}

// canonical1 reports whether the knowledge base has name as an entry's
// canonical name (مالي is Mali's name; مدينة is only an alias of Medina).
func canonical1(k *kb.KB, name string) bool {
	f := arabic.Fold(name)
	for _, e := range k.Lookup(name) {
		if arabic.Fold(e.NameAr) == f {
			return true
		}
	}
	return false
}

func ownName(k *kb.KB, name string) bool {
	for _, e := range k.Lookup(name) {
		if e.Class == "country" || e.Type == "ORG" {
			return true
		}
	}
	return false
}

func newCand(runes []rune, start, end, ts, te int, typ string) *cand {
	// The underscores of a hashtag (#الاتحاد_الأوروبي) separate the words.
	c := nameOf(strings.ReplaceAll(string(runes[start:end]), "_", " "))
	c.start, c.end, c.tokStart, c.tokEnd, c.typ = start, end, ts, te, typ
	return c
}

// nameOf returns a candidate for text with its words and their keys.
func nameOf(text string) *cand {
	words := strings.Fields(arabic.Fold(text))
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = arabic.NameKey(w)
	}
	return &cand{text: text, words: words, keys: keys, joined: strings.Join(words, " ")}
}

// fromGazetteer returns the knowledge-base names among the tokens no other
// mention covers. To keep ambiguous and common-word names out, it takes:
// countries, capitals and regions (أوروبا، الشرق الأوسط); other cities when their Arabic name is reliable
// and they have 300,000 people or a name of two words or more;
// organizations unless a definite adjective continues the name (مجلس الأمن
// الجماعي is not مجلس الأمن); persons by a name of two words, or one word of
// five letters or more.
func fromGazetteer(runes []rune, toks []arabic.Token, w *kb.Words, covered []bool, k *kb.KB) []*cand {
	var out []*cand
	for i := 0; i < len(toks); i++ {
		if covered[i] || toks[i].Kind != arabic.Word {
			continue
		}
		m, ok := k.MatchAt(w, i)
		if !ok {
			continue
		}
		free := true
		for j := m.TokStart; j < m.TokEnd; j++ {
			free = free && !covered[j]
		}
		if !free {
			continue
		}
		e := m.Entries[0]
		words := m.TokEnd - m.TokStart
		name := string(runes[m.Start:m.End])
		letters := len([]rune(arabic.Fold(name)))
		accept := false
		switch {
		case e.Class == "country" || e.Class == "capital" || e.Class == "region":
			accept = true
		case e.Type == "LOC":
			accept = e.Confident && (e.Population >= 300000 || words >= 2)
		case e.Type == "ORG":
			accept = !continuesName(toks, m.TokEnd, k)
		case e.Type == "PER":
			accept = words >= 2 || letters >= 5
		}
		if !accept || arabic.IsStopWord(arabic.Fold(name)) || words == 1 && isCommonWord(name) {
			continue
		}
		c := newCand(runes, m.Start, m.End, m.TokStart, m.TokEnd, e.Type)
		c.link = e
		out = append(out, c)
		for j := m.TokStart; j < m.TokEnd; j++ {
			covered[j] = true
		}
		i = m.TokEnd - 1
	}
	return out
}

// continuesName reports whether the token at i is a definite adjective that
// extends the name before it (الجماعي after مجلس الأمن), rather than a nisba
// naming a country (مجلس الأمن الروسي) or the start of something else.
func continuesName(toks []arabic.Token, i int, k *kb.KB) bool {
	if i >= len(toks) || toks[i].Kind != arabic.Word {
		return false
	}
	f := arabic.Fold(toks[i].Text)
	if !strings.HasPrefix(f, "ال") || arabic.IsStopWord(f) {
		return false
	}
	if _, ok := k.Nisba(f); ok {
		return false
	}
	return strings.HasSuffix(f, "ي") || strings.HasSuffix(f, "يه")
}

// link finds the knowledge-base entry a candidate names, if any.
// A name whose article merged into لل (للكرملين -> كرملين) is looked up
// with it. A city whose Arabic name is not reliable links only by its
// canonical name, not by its aliases.
func link(k *kb.KB, c *cand) *kb.Entry {
	texts := []string{c.text}
	if c.lil {
		texts = []string{"ال" + c.text, c.text}
	}
	for _, text := range texts {
		for _, e := range k.LookupVariant(text) {
			if e.Type == c.typ && trusted(e, text) {
				return e
			}
		}
	}
	// The tagger may have the type wrong (an agency tagged as a person, a
	// capital as a person's name): a name the knowledge base has exactly as
	// written, and only with another type, takes the knowledge base's type.
	// But an organization named for a place (the club ليفربول) stays one.
	for _, text := range texts {
		for _, e := range k.Lookup(text) {
			if trusted(e, text) && !(c.typ == "ORG" && e.Type == "LOC") {
				return e
			}
		}
	}
	return nil
}

// disambiguate re-links names that the knowledge base gives to several
// places (عمان: Oman, and Amman, capital of Jordan) by the countries the
// article names without ambiguity, by name or by nisba (الأردن، الأردنية):
// the one entry that belongs to such a country wins. Failing that, a name
// that opens a dateline (عمّان – ...) is a city.
func disambiguate(k *kb.KB, runes []rune, toks []arabic.Token, cands []*cand) {
	countries := map[string]bool{}
	countryOf := func(e *kb.Entry) string {
		if e.Class == "country" {
			return e.ID
		}
		return e.Country
	}
	ambiguous := map[*cand][]*kb.Entry{}
	for _, c := range cands {
		if c.link == nil {
			continue
		}
		var same []*kb.Entry
		for _, e := range k.LookupVariant(c.text) {
			if e.Type == c.link.Type && trusted(e, c.text) {
				same = append(same, e)
			}
		}
		if len(same) > 1 {
			ambiguous[c] = same
			continue
		}
		if iso := countryOf(c.link); iso != "" {
			countries[iso] = true
		}
	}
	if len(ambiguous) == 0 {
		return
	}
	for _, t := range toks {
		if t.Kind == arabic.Word {
			if iso, ok := k.Nisba(t.Text); ok {
				countries[iso] = true
			}
		}
	}
	datelined := map[string]bool{}
	for c := range ambiguous {
		if opensDateline(runes, toks, c) {
			datelined[c.joined] = true
		}
	}
	for c, es := range ambiguous {
		var pick, city *kb.Entry
		n, cities := 0, 0
		for _, e := range es {
			if countries[countryOf(e)] {
				pick = e
				n++
			}
			if e.Class != "country" {
				city = e
				cities++
			}
		}
		switch {
		case n == 1:
			c.link = pick
		case n == 0 && cities == 1 && datelined[c.joined]:
			c.link = city
		}
	}
}

// opensDateline reports whether c starts its line and a dash follows it:
// the place of a dateline (عمّان – حذّر الوزير ...).
func opensDateline(runes []rune, toks []arabic.Token, c *cand) bool {
	if c.tokEnd >= len(toks) || toks[c.tokEnd].Kind != arabic.Punct || !strings.ContainsAny(toks[c.tokEnd].Text, "-–—") {
		return false
	}
	for i := min(c.start, len(runes)) - 1; i >= 0 && runes[i] != '\n'; i-- {
		if !unicode.IsSpace(runes[i]) {
			return false
		}
	}
	return true
}

// trusted reports whether name may link to e: always, unless e's Arabic
// names are of low confidence and name is only one of its aliases.
func trusted(e *kb.Entry, name string) bool {
	return e.Confident || arabic.Fold(e.NameAr) == arabic.Fold(name)
}

// repair fixes the tagger's boundaries with the knowledge base: a mention
// that stops inside a longer known name is extended to it (منظمة معاهدة
// الأمن -> منظمة معاهدة الأمن الجماعي), a letter the tagger split off as a
// proclitic is put back when the whole word is a known name or another
// mention's spelling (لوكاتشينكو, not وكاتشينكو), and a proclitic it left
// in is taken out when the rest is a known name (لمصر -> مصر), and a
// mention that ends a known name is extended back to its head (مجموعة
// [السبع]) unless a role phrase (roles) or a mention that begins before the
// name holds part of the head. Mentions swallowed by an extension are
// dropped.
func repair(cands []*cand, runes []rune, toks []arabic.Token, w *kb.Words, k *kb.KB, roles []bool) []*cand {
	straddles := func(i int) bool {
		for _, o := range cands {
			if o.tokStart < i && i < o.tokEnd {
				return true
			}
		}
		return false
	}
	for _, c := range cands {
		first := toks[c.tokStart]
		if first.Start < c.start && first.End >= c.start {
			whole := string(runes[first.Start:c.end])
			cut := string(runes[c.start:min(first.End, c.end)])
			if len(k.LookupVariant(c.text)) == 0 && (len(k.LookupVariant(whole)) > 0 || spelledElsewhere(cands, c, first.Text, cut)) {
				*c = *newCand(runes, first.Start, c.end, c.tokStart, c.tokEnd, c.typ)
			}
		}
		if m, ok := headBefore(w, k, c); ok && !slices.Contains(roles[m.TokStart:c.tokStart], true) && !straddles(m.TokStart) {
			// The tagger found the tail of a known name whose head it left
			// out (مجموعة [السبع]): the head's type is the name's, but a
			// club named for a place stays a club (وست [بروميتش]).
			typ := m.Entries[0].Type
			if c.typ == "ORG" && typ == "LOC" {
				typ = c.typ
			}
			*c = *newCand(runes, m.Start, m.End, m.TokStart, m.TokEnd, typ)
		}
		m, ok := k.MatchAt(w, c.tokStart)
		switch {
		case ok && m.TokEnd > c.tokEnd && m.Start == c.start:
			*c = *newCand(runes, m.Start, m.End, m.TokStart, m.TokEnd, c.typ)
		case ok && m.TokEnd == c.tokEnd && m.Start != c.start && len(k.Lookup(c.text)) == 0:
			// A proclitic the tagger left in the name (لمصر -> مصر) or
			// one letter too many it took out (وبولندا -> ولندا -> بولندا).
			*c = *newCand(runes, m.Start, m.End, m.TokStart, m.TokEnd, c.typ)
		}
		if first.Start < c.start {
			c.lil = strings.HasSuffix(arabic.Fold(string(runes[first.Start:c.start])), "لل")
		}
	}
	out := cands[:0]
	for i, c := range cands {
		inside := false
		for j, o := range cands {
			if i != j && o.tokStart <= c.tokStart && c.tokEnd <= o.tokEnd && (o.tokEnd-o.tokStart > c.tokEnd-c.tokStart || j < i) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, c)
		}
	}
	return out
}

// headBefore returns a known name that begins one or two words before c,
// takes in all of it and names something else than c alone does: جنوب
// [إفريقيا] is not Africa, but دولة [قطر] is Qatar, and the mention stays
// قطر. A person's title is not part of the name (الملك [سلمان]); it is a
// role mention.
func headBefore(w *kb.Words, k *kb.KB, c *cand) (kb.Match, bool) {
	for back := 1; back <= 2; back++ {
		m, ok := k.MatchAt(w, c.tokStart-back)
		if !ok || m.TokEnd != c.tokEnd || m.Entries[0].Type == "PER" {
			continue
		}
		if slices.Contains(k.Lookup(c.text), m.Entries[0]) {
			return kb.Match{}, false
		}
		return m, true
	}
	return kb.Match{}, false
}

// spelledElsewhere reports whether another mention has a word spelled as
// word (the whole first token) and none has the word as the tagger cut it.
func spelledElsewhere(cands []*cand, c *cand, word, cut string) bool {
	wk, fw, fc := arabic.NameKey(word), arabic.Fold(word), arabic.Fold(cut)
	found := false
	for _, o := range cands {
		if o == c {
			continue
		}
		for i, w := range o.words {
			if w == fc {
				return false
			}
			if w == fw || o.keys[i] == wk && arabic.SameName(w, word) {
				found = true
			}
		}
	}
	return found
}
