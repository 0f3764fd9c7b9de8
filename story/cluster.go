package story

import (
	"math"
	"sort"
	"time"

	"akhbar/arabic"
)

// StoryOptions tune Stories.
type StoryOptions struct {
	// Window is how far apart two articles of one story may be; 0 means
	// three days. Articles without a date join no story.
	Window time.Duration
	// Threshold is the least cosine similarity (TF-IDF over headline terms,
	// lead terms and entity ids) that links two articles; 0 means 0.35.
	Threshold float64
	// LeadWords is how much of the text counts beside the headline; 0
	// means 60 words.
	LeadWords int
}

// Story is a cluster of articles about one event.
type Story struct {
	Label   string `json:"label"`   // the most central member's headline
	Central int    `json:"central"` // index of that member
	Members []int  `json:"members"` // indexes into the input, earliest first
	First   string `json:"first"`   // earliest day
	Last    string `json:"last"`    // latest day
}

type feature struct {
	key string
	w   float64
}

// Stories clusters docs into stories; articles in no story with another
// are left out.
func Stories(docs []Doc, opts StoryOptions) []Story {
	if opts.Window == 0 {
		opts.Window = 72 * time.Hour
	}
	if opts.Threshold == 0 {
		opts.Threshold = 0.35
	}
	if opts.LeadWords == 0 {
		opts.LeadWords = 60
	}
	an := arabic.Analyzer{}
	days := make([]int, len(docs))
	raw := make([]map[string]float64, len(docs))
	df := map[string]int{}
	for i, d := range docs {
		days[i] = dayNumber(d.Published)
		tf := map[string]float64{}
		for _, t := range an.Terms(d.Headline) {
			tf["h:"+t] += 2
		}
		n := 0
		an.Each(d.Text, func(t arabic.Term) bool {
			tf["h:"+string(t.Term)]++
			n++
			return n < opts.LeadWords
		})
		for _, e := range d.Entities {
			tf["e:"+e] += 3
		}
		raw[i] = tf
		for k := range tf {
			df[k]++
		}
	}
	// TF-IDF vectors, normalized; features in more than 2% of the docs
	// say nothing about which event it is.
	maxDF := max(10, len(docs)/50)
	vecs := make([][]feature, len(docs))
	post := map[string][]int{}
	for i, tf := range raw {
		var v []feature
		var norm float64
		for k, c := range tf {
			if df[k] > maxDF || df[k] < 2 {
				continue
			}
			w := (1 + math.Log(c)) * math.Log(float64(len(docs))/float64(df[k]))
			v = append(v, feature{k, w})
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for j := range v {
			v[j].w /= norm
		}
		sort.Slice(v, func(a, b int) bool { return v[a].key < v[b].key })
		vecs[i] = v
		if days[i] < 0 {
			continue
		}
		for _, f := range v {
			post[f.key] = append(post[f.key], i)
		}
	}
	window := int(opts.Window / (24 * time.Hour))
	u := newUnionFind(len(docs))
	central := make([]float64, len(docs))
	dot := map[int]float64{}
	for i := range docs {
		if days[i] < 0 {
			continue
		}
		clear(dot)
		for _, f := range vecs[i] {
			for _, j := range post[f.key] {
				if j <= i || abs(days[j]-days[i]) > window {
					continue
				}
				dot[j] += f.w * weightOf(vecs[j], f.key)
			}
		}
		for j, s := range dot {
			if s >= opts.Threshold {
				u.union(i, j)
				central[i] += s
				central[j] += s
			}
		}
	}
	var out []Story
	for _, g := range u.groups(docs) {
		s := Story{Members: g, Central: g[0]}
		for _, m := range g {
			if central[m] > central[s.Central] {
				s.Central = m
			}
		}
		s.Label = docs[s.Central].Headline
		s.First, s.Last = dayOf(docs[g[0]].Published), dayOf(docs[g[len(g)-1]].Published)
		out = append(out, s)
	}
	return out
}

func weightOf(v []feature, key string) float64 {
	i := sort.Search(len(v), func(i int) bool { return v[i].key >= key })
	if i < len(v) && v[i].key == key {
		return v[i].w
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func dayOf(published string) string {
	if len(published) >= 10 {
		return published[:10]
	}
	return ""
}

// dayNumber returns days since 1970 of an RFC 3339 timestamp or date, or -1.
func dayNumber(published string) int {
	t, err := time.Parse("2006-01-02", dayOf(published))
	if err != nil {
		return -1
	}
	return int(t.Unix() / 86400)
}
