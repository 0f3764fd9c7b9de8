package store

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"strconv"

	"akhbar/arabic"
)

// Key identifies an article for de-duplication: the same URL is the same
// article; without a URL, the same site and the same normalized text are.
// Two outlets carrying one wire story are two articles (wire copies, which
// package story groups), not duplicates.
type Key struct {
	URL  string
	Hash string // ContentHash of the site and text
}

// KeyOf returns the key of an article.
func KeyOf(url, site, text string) Key {
	return Key{URL: url, Hash: ContentHash(site, text)}
}

// ContentHash hashes site and the normalized words of text (folded, without
// punctuation, spacing or diacritics), so re-encoded or re-spaced copies of
// one article hash alike.
func ContentHash(site, text string) string {
	h := sha256.New()
	h.Write([]byte(site))
	h.Write([]byte{0})
	buf := make([]byte, 0, 64)
	arabic.Scan(text, func(t arabic.Token) bool {
		if t.Kind == arabic.Punct {
			return true
		}
		buf = arabic.AppendFold(buf[:0], t.Text)
		buf = append(buf, ' ')
		h.Write(buf)
		return true
	})
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// EntityToken returns the index token that stands for an entity id in the
// article's entity column: a Latin word no text contains, so that matching
// an entity is a term lookup like any other.
func EntityToken(id string) string {
	h := fnv.New64a()
	h.Write([]byte(id))
	return "zent" + strconv.FormatUint(h.Sum64(), 36)
}

// NameKey returns the form under which a name is looked up: its words
// folded, without punctuation, joined by single spaces.
func NameKey(name string) string {
	buf := make([]byte, 0, len(name))
	arabic.Scan(name, func(t arabic.Token) bool {
		if t.Kind == arabic.Punct {
			return true
		}
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		buf = arabic.AppendFold(buf, t.Text)
		return true
	})
	return string(buf)
}
