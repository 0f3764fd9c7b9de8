package story

import "fmt"

// Wire-copy detection parameters.
const (
	// ShingleWords is the length of a shingle in words.
	ShingleWords = 5
	// numHashes is the MinHash signature length: bands × rows.
	numHashes = 126
	rows      = 2
	bands     = numHashes / rows
)

// WireOptions tune WireCopies.
type WireOptions struct {
	// Threshold is the least overlap for two articles to be copies: the
	// share of the shorter article's shingles found in the other
	// (containment), so a copy cut short still counts. 0 means 0.5, which
	// scored precision 0.985 and recall 0.955 on story/testdata/wire_gold.tsv.
	Threshold float64
	// MinWords skips articles shorter than this; 0 means 30. Very short
	// texts (a photo caption) look alike without being copies.
	MinWords int
}

// Signature is an article's MinHash signature and its shingle count.
type Signature struct {
	Min [numHashes]uint32
	N   int // distinct shingles
}

// Sign computes the signature of text.
func Sign(text string) Signature {
	return signShingles(Shingles(Words(text), ShingleWords))
}

func signShingles(sh []uint64) Signature {
	var s Signature
	s.N = len(sh)
	for i := range s.Min {
		s.Min[i] = ^uint32(0)
	}
	for _, x := range sh {
		for i := range s.Min {
			if v := uint32(mix(x ^ seeds[i])); v < s.Min[i] {
				s.Min[i] = v
			}
		}
	}
	return s
}

var seeds = func() [numHashes]uint64 {
	var s [numHashes]uint64
	for i := range s {
		s[i] = mix(uint64(i+1) * 0x9e3779b97f4a7c15)
	}
	return s
}()

// Jaccard estimates the Jaccard similarity of two signed texts.
func Jaccard(a, b Signature) float64 {
	if a.N == 0 || b.N == 0 {
		return 0
	}
	eq := 0
	for i := range a.Min {
		if a.Min[i] == b.Min[i] {
			eq++
		}
	}
	return float64(eq) / numHashes
}

// Containment estimates the share of the smaller text's shingles that the
// other has, from the Jaccard estimate and the shingle counts.
func Containment(a, b Signature) float64 {
	j := Jaccard(a, b)
	if j == 0 {
		return 0
	}
	union := float64(a.N+b.N) / (1 + j)
	inter := j * union
	return min(1, inter/float64(min(a.N, b.N)))
}

// Group is a set of wire copies: the original (earliest published) and the
// copies, by index into the input.
type Group struct {
	Original int   `json:"original"`
	Copies   []int `json:"copies"`
}

// WireCopies groups the docs that are copies of one text. Each returned
// group lists its original and copies as indexes into docs.
func WireCopies(docs []Doc, opts WireOptions) []Group {
	sigs := make([]Signature, len(docs))
	for i, d := range docs {
		sigs[i] = Sign(d.Text)
	}
	return GroupSignatures(docs, sigs, opts)
}

// GroupSignatures is WireCopies over signatures computed beforehand (Sign),
// so callers can compute them in parallel.
func GroupSignatures(docs []Doc, sigs []Signature, opts WireOptions) []Group {
	if opts.Threshold == 0 {
		opts.Threshold = 0.5
	}
	if opts.MinWords == 0 {
		opts.MinWords = 30
	}
	minShingles := max(1, opts.MinWords-ShingleWords+1)
	u := newUnionFind(len(docs))
	for b := range bands {
		buckets := map[uint64][]int{}
		for i, s := range sigs {
			if s.N < minShingles {
				continue
			}
			k := bandKey(b, s.Min[b*rows:(b+1)*rows])
			buckets[k] = append(buckets[k], i)
		}
		for _, ids := range buckets {
			if len(ids) > 200 { // boilerplate that many share; pairs would explode
				ids = ids[:200]
			}
			for x := 0; x < len(ids); x++ {
				for y := x + 1; y < len(ids); y++ {
					i, j := ids[x], ids[y]
					if u.find(i) == u.find(j) {
						continue
					}
					if Containment(sigs[i], sigs[j]) >= opts.Threshold {
						u.union(i, j)
					}
				}
			}
		}
	}
	var out []Group
	for _, g := range u.groups(docs) {
		out = append(out, Group{Original: g[0], Copies: g[1:]})
	}
	return out
}

// PairKey names an unordered pair of ids, for gold sets.
func PairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return fmt.Sprintf("%s\t%s", a, b)
}
