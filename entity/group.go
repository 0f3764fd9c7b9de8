package entity

import (
	"sort"
	"time"

	"akhbar/arabic"
	"akhbar/kb"
)

// group clusters name candidates: longer names first, so that a short form
// (شكري) finds the full name (سامح شكري) it abbreviates.
func group(cands []*cand) []*cluster {
	order := make([]*cand, len(cands))
	copy(order, cands)
	sort.SliceStable(order, func(i, j int) bool {
		if len(order[i].words) != len(order[j].words) {
			return len(order[i].words) > len(order[j].words)
		}
		return order[i].start < order[j].start
	})
	var out []*cluster
	byLink := map[string]*cluster{}
	for _, c := range order {
		typ := c.typ
		if c.link != nil {
			typ = c.link.Type
		}
		var target *cluster
		if c.link != nil {
			target = byLink[c.link.ID]
		}
		if target == nil && (c.link == nil || c.typ == "PER" && len(c.words) == 1) {
			// An unlinked name, or a lone surname the article may use for
			// someone else than the knowledge base's namesake: the article's
			// own names come first.
			target = nearest(out, c, typ)
		}
		if target == nil && c.link != nil {
			// A linked name may still abbreviate an unlinked full name.
			if t := nearest(out, c, typ); t != nil && t.link == nil {
				target = t
			}
		}
		vote := true
		if target == nil && c.link == nil {
			// The tagger may give one name two types in one article
			// (ستاندرد as ORG and as PER): the same words are one referent.
			target = sameName(out, c)
		}
		if target == nil && c.link == nil && (typ == "ORG" || typ == "PER") {
			// كوبالت after مؤسسة كوبالت is the organization, whatever the
			// tagger calls it.
			target, vote = orgTail(out, c), false
		}
		if target == nil {
			target, vote = &cluster{typ: typ, votes: map[string]int{}}, true
			out = append(out, target)
		}
		if vote {
			target.votes[typ]++
		}
		if target.link == nil && c.link != nil && c.link.Type == target.typ {
			target.setLink(c.link)
		}
		if target.link != nil {
			byLink[target.link.ID] = target
		}
		target.add(c)
		if target.longest == nil || len(c.words) > len(target.longest.words) {
			target.longest = c
		}
	}
	for _, cl := range out {
		if cl.link != nil {
			continue
		}
		for t, n := range cl.votes {
			if n > cl.votes[cl.typ] || n == cl.votes[cl.typ] && t < cl.typ {
				cl.typ = t
			}
		}
	}
	return out
}

// orgHeads are generic nouns that open an organization's name; the rest
// of the name can stand for the whole (مؤسسة كوبالت ... كوبالت).
var orgHeads = foldedSet("مؤسسة", "شركة", "وكالة", "منظمة", "حركة", "جماعة", "حزب", "مجموعة", "بنك", "مصرف", "صحيفة",
	"قناة", "موقع", "جمعية", "هيئة", "صندوق")

// foldedSet returns the set of the folded words.
func foldedSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Fold(w)] = true
	}
	return m
}

// orgTail returns the organization cluster whose name is a generic head
// noun followed by c's words.
func orgTail(cs []*cluster, c *cand) *cluster {
	for _, cl := range cs {
		full := cl.longest
		if cl.typ != "ORG" || full == nil || len(full.words) != len(c.words)+1 || !orgHeads[full.words[0]] {
			continue
		}
		tail := &cand{words: full.words[1:], keys: full.keys[1:]}
		if sameWords(tail, c) {
			return cl
		}
	}
	return nil
}

// sameName returns an unlinked cluster, of any type, with a mention
// written as c is (up to spelling).
func sameName(cs []*cluster, c *cand) *cluster {
	for _, cl := range cs {
		if cl.link != nil {
			continue
		}
		for _, n := range cl.forms {
			if sameWords(n, c) {
				return cl
			}
		}
	}
	return nil
}

// nearest returns the cluster of type typ that c may be a form of, the one
// with a mention closest to c when several qualify.
func nearest(cs []*cluster, c *cand, typ string) *cluster {
	var best *cluster
	bestDist := -1
	for _, cl := range cs {
		if cl.typ != typ || !sameReferent(cl, c) {
			continue
		}
		for _, n := range cl.names {
			d := n.start - c.start
			if d < 0 {
				d = -d
			}
			if bestDist < 0 || d < bestDist {
				best, bestDist = cl, d
			}
		}
	}
	return best
}

// sameReferent reports whether c names the referent of cl: the same name as
// one of its mentions in another spelling (the knowledge base's own names
// are matched when c is linked), a person's surname or the name without
// some middle words (قاسم توكاييف), or the first words of an organization's
// name (الاتحاد for الاتحاد العام التونسي للشغل, بايرن for بايرن ميونيخ).
func sameReferent(cl *cluster, c *cand) bool {
	if cl.seen[c.form()] {
		return true
	}
	for _, n := range cl.forms {
		if sameWords(n, c) {
			return true
		}
	}
	full := cl.longest
	if full == nil || len(c.words) >= len(full.words) {
		return false
	}
	switch cl.typ {
	case "PER":
		// Ends with the same surname, and every word of c appears in order.
		last, flast := len(c.words)-1, len(full.words)-1
		if !sameWord(c.words[last], c.keys[last], full.words[flast], full.keys[flast]) {
			return false
		}
		j := 0
		for i, w := range full.words {
			if j < len(c.words) && sameWord(c.words[j], c.keys[j], w, full.keys[i]) {
				j++
			}
		}
		return j == len(c.words)
	case "ORG":
		// The first words of the name (الاتحاد، بايرن), unless they are
		// only a generic head noun (شركة).
		if len(c.words) == 1 && orgHeads[c.words[0]] {
			return false
		}
		for i := range c.words {
			if !sameWord(c.words[i], c.keys[i], full.words[i], full.keys[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// sameWords reports whether a and b are the same name word for word.
func sameWords(a, b *cand) bool {
	if len(a.words) != len(b.words) {
		return false
	}
	for i := range a.words {
		if !sameWord(a.words[i], a.keys[i], b.words[i], b.keys[i]) {
			return false
		}
	}
	return true
}

// sameWord compares two folded words given their keys; SameName runs only
// when the keys agree.
func sameWord(a, ka, b, kb string) bool {
	return a == b || ka == kb && arabic.SameName(a, b)
}

// resolveRoles attaches role mentions to clusters: by apposition (a person
// named right after the phrase), then by the article's own appositions for
// the same office, then by the knowledge base's office holder at date.
func resolveRoles(roles []*role, cands []*cand, date time.Time, k *kb.KB, out *[]*cluster) {
	if len(roles) == 0 {
		return
	}
	owner := map[*cand]*cluster{}
	for _, cl := range *out {
		for _, n := range cl.names {
			owner[n] = cl
		}
	}
	byTok := map[int]*cand{}
	for _, c := range cands {
		byTok[c.tokStart] = c
	}
	bound := map[string]*cluster{}
	var rest []*role
	for _, r := range roles {
		if c, ok := byTok[r.tokEnd]; ok && owner[c] != nil && owner[c].typ == "PER" {
			cl := owner[c]
			cl.roles = append(cl.roles, r)
			bound[r.title+"|"+r.owner] = cl
			continue
		}
		rest = append(rest, r)
	}
	byLink := map[string]*cluster{}
	for _, cl := range *out {
		if cl.link != nil {
			byLink[cl.link.ID] = cl
		}
	}
	for _, r := range rest {
		if cl, ok := bound[r.title+"|"+r.owner]; ok {
			cl.roles = append(cl.roles, r)
			continue
		}
		if k == nil {
			continue
		}
		p, ok := k.Holder(r.title, r.owner, date)
		if !ok {
			continue
		}
		cl := byLink[p.ID]
		if cl == nil {
			// The article may name the holder without the knowledge base
			// linking the name (a spelling it does not know).
			probe := &cluster{typ: "PER", longest: nameOf(p.NameAr)}
			probe.setLink(p)
			for _, c := range *out {
				if c.typ == "PER" && c.link == nil && c.longest != nil && sameReferent(probe, c.longest) {
					cl = c
					cl.setLink(p)
					break
				}
			}
		}
		if cl == nil {
			cl = &cluster{typ: "PER"}
			cl.setLink(p)
			*out = append(*out, cl)
		}
		byLink[p.ID] = cl
		cl.roles = append(cl.roles, r)
	}
}

// build turns clusters into entities in order of first mention.
func build(clusters []*cluster, runes []rune) []Entity {
	out := make([]Entity, 0, len(clusters))
	for _, cl := range clusters {
		e := Entity{Type: cl.typ}
		for _, n := range cl.names {
			e.Mentions = append(e.Mentions, Mention{Start: n.start, End: n.end, Text: string(runes[n.start:n.end])})
		}
		for _, r := range cl.roles {
			e.Mentions = append(e.Mentions, Mention{Start: r.start, End: r.end, Text: string(runes[r.start:r.end]), Role: true})
		}
		if len(e.Mentions) == 0 {
			continue
		}
		sort.Slice(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
		switch {
		case cl.link != nil:
			e.ID, e.Name, e.NameEn, e.Linked = cl.link.ID, cl.link.NameAr, cl.link.NameEn, true
		case cl.longest != nil:
			e.Name = canonical(cl)
			e.ID = LocalID(e.Type, e.Name)
		default:
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Start < out[j].Mentions[0].Start })
	return out
}

// canonical picks an unlinked cluster's name: the longest name, the first
// written when several are as long, with the article it lost in a لل put
// back (للزمالك names الزمالك).
func canonical(cl *cluster) string {
	best := cl.longest
	for _, n := range cl.names {
		if len(n.words) == len(best.words) && n.start < best.start {
			best = n
		}
	}
	if best.lil {
		return "ال" + best.text
	}
	return best.text
}
