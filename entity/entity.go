// Package entity turns the names a tagger finds in an article into entities:
// one entity per referent, whatever the spelling (لوكاشينكو = لوكاتشينكو),
// the form (سامح شكري ... شكري) or the way it is referred to (الرئيس
// البيلاروسي, نظيره الأردني, رئيس كازاخستان قاسم جومارت توكاييف). Entities
// that the knowledge base knows carry its id and English name; the others get
// an id derived from their type and the NameKey of their name, so that one
// referent has one id across articles.
package entity

import (
	"strings"

	"akhbar/arabic"
)

// Mention is one place in the text where an entity is named.
type Mention struct {
	Start, End int    // code points, end exclusive
	Text       string // the text of the span
	Role       bool   // a role phrase (الرئيس البيلاروسي) rather than a name
}

// Entity is a person, organization, place or other named thing, once per
// article, with all its mentions in text order.
type Entity struct {
	ID       string // knowledge-base id when linked, else type + ":" + NameKey of Name
	Type     string // PER, ORG, LOC or MISC
	Name     string // canonical Arabic name
	NameEn   string // English name, when linked
	Linked   bool   // the knowledge base knows the entity
	Mentions []Mention
}

// Covering returns the id of the entity one of whose mentions covers the
// span [start, end) of code points; when several do, the tightest mention
// wins. Quotes and attributions use it to name their speaker or source.
func Covering(es []Entity, start, end int) (string, bool) {
	best, bestLen := "", -1
	for _, e := range es {
		for _, m := range e.Mentions {
			if m.Start <= start && end <= m.End && (bestLen < 0 || m.End-m.Start < bestLen) {
				best, bestLen = e.ID, m.End-m.Start
			}
		}
	}
	return best, bestLen >= 0
}

// LocalID returns the id of an entity the knowledge base does not know:
// its type in lower case, a colon, and the NameKey of its name with words
// joined by _. per:سمح_شكر is سامح شكري's id whatever the spelling.
func LocalID(typ, name string) string {
	key := strings.ReplaceAll(arabic.NameKey(name), " ", "_")
	if key == "" {
		key = "_"
	}
	return strings.ToLower(typ) + ":" + key
}
