package wordclass

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strings"
	"testing"
)

// toyCorpus makes sentences from two word families that occur in different
// contexts: cities after "في" and people after "قال".
func toyCorpus(seed uint64) *Corpus {
	rng := rand.New(rand.NewPCG(seed, 1))
	cities := []string{"حلب", "حمص", "بيروت", "عمان", "تونس", "الرباط"}
	people := []string{"سامر", "رامي", "خليل", "نادر", "ليلي", "هاله"}
	c := NewCorpus()
	for range 1000 {
		if rng.IntN(2) == 0 {
			for _, w := range []string{"وصل", "الوفد", "الي", "مدينه", cities[rng.IntN(len(cities))], "امس"} {
				c.Add(w)
			}
		} else {
			for _, w := range []string{"قال", "الوزير", people[rng.IntN(len(people))], "ان", "الاتفاق", "جيد"} {
				c.Add(w)
			}
		}
		c.EndDoc()
	}
	return c
}

func TestLearnSeparatesContexts(t *testing.T) {
	c := toyCorpus(3)
	cl, err := Learn(context.Background(), c, Options{Dim: 16, Epochs: 3, Fine: 4, Coarse: 2, MinCount: 5, Sample: 1, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	class := map[string]int{}
	for i, w := range cl.Words {
		class[w] = cl.Fine[i]
	}
	same := func(a, b string) bool { return class[a] == class[b] }
	if !same("حلب", "بيروت") || !same("سامر", "نادر") {
		t.Errorf("words of one family split: %v", class)
	}
	if same("حلب", "سامر") {
		t.Errorf("a city and a person share a class: %v", class)
	}
	// Deterministic for a seed.
	cl2, err := Learn(context.Background(), toyCorpus(3), Options{Dim: 16, Epochs: 3, Fine: 4, Coarse: 2, MinCount: 5, Sample: 1, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	cl.Write(&a)
	cl2.Write(&b)
	if a.String() != b.String() {
		t.Error("two runs with one seed differ")
	}
	if !strings.HasPrefix(a.String(), "#") || strings.Count(a.String(), "\n") != len(cl.Words)+1 {
		t.Errorf("unexpected file:\n%s", a.String())
	}
}

func TestLearnErrors(t *testing.T) {
	c := NewCorpus()
	c.Add("كلمه")
	if _, err := Learn(context.Background(), c, Options{Fine: 10}); err == nil {
		t.Error("Learn on a one-word corpus succeeded")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Learn(ctx, toyCorpus(1), Options{Dim: 8, Fine: 4, Coarse: 2}); err == nil {
		t.Error("Learn ignored a cancelled context")
	}
}
