// Package story finds wire copies (one wire story republished by several
// outlets) and stories (articles about one event within a time window)
// among stored articles.
//
// Wire copies are found with MinHash over folded word shingles and
// locality-sensitive hashing, verified by the estimated overlap; the
// earliest copy is the original. Stories are clusters of articles that share
// entities and headline terms within a few days, labelled with the most
// central headline.
package story

import (
	"encoding/binary"
	"hash/fnv"
	"sort"

	"akhbar/arabic"
)

// Doc is what grouping reads of an article.
type Doc struct {
	ID        string
	Published string // RFC 3339 or YYYY-MM-DD; "" when unknown (sorts last)
	Site      string
	Headline  string
	Text      string
	Entities  []string // entity ids
}

// Words returns the folded words of text (no punctuation), the unit of
// shingles.
func Words(text string) []string {
	var out []string
	arabic.Scan(text, func(t arabic.Token) bool {
		if t.Kind != arabic.Punct {
			out = append(out, arabic.Fold(t.Text))
		}
		return true
	})
	return out
}

// Shingles returns the distinct hashes of the k-word shingles of words; a
// text shorter than k words has one shingle, itself.
func Shingles(words []string, k int) []uint64 {
	if len(words) == 0 {
		return nil
	}
	n := max(1, len(words)-k+1)
	seen := make(map[uint64]bool, n)
	out := make([]uint64, 0, n)
	for i := range n {
		h := fnv.New64a()
		for j := i; j < min(len(words), i+k); j++ {
			h.Write([]byte(words[j]))
			h.Write([]byte{' '})
		}
		s := h.Sum64()
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// unionFind groups indexes.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u[rb] = ra
	}
}

// groups returns the sets of size > 1, each sorted by earliest publication.
func (u unionFind) groups(docs []Doc) [][]int {
	by := map[int][]int{}
	for i := range u {
		r := u.find(i)
		by[r] = append(by[r], i)
	}
	var out [][]int
	for _, g := range by {
		if len(g) < 2 {
			continue
		}
		sort.Slice(g, func(a, b int) bool { return earlier(docs[g[a]], docs[g[b]]) })
		out = append(out, g)
	}
	sort.Slice(out, func(a, b int) bool { return earlier(docs[out[a][0]], docs[out[b][0]]) })
	return out
}

// earlier orders by publication time, unknown last, then id.
func earlier(a, b Doc) bool {
	switch {
	case a.Published == b.Published:
		return a.ID < b.ID
	case a.Published == "":
		return false
	case b.Published == "":
		return true
	}
	return a.Published < b.Published
}

func mix(x uint64) uint64 { // splitmix64 finalizer
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func bandKey(band int, sig []uint32) uint64 {
	h := fnv.New64a()
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], uint32(band))
	h.Write(b[:])
	for _, v := range sig {
		binary.LittleEndian.PutUint32(b[:], v)
		h.Write(b[:])
	}
	return h.Sum64()
}
