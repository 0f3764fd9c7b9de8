package wordclass

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"time"
)

// Options configure Learn. Zero values take the defaults in brackets.
type Options struct {
	Dim        int     // vector dimensions [64]
	Window     int     // largest context distance [5]
	Negative   int     // negative samples per context word [5]
	Epochs     int     // passes over the corpus [1]
	MinCount   int     // words seen fewer times get no class [5]
	Sample     float64 // subsampling threshold for frequent words [1e-4]
	Fine       int     // fine classes [1000]
	Coarse     int     // coarse classes [100]
	Iterations int     // k-means iterations [10]
	Seed       uint64
	// Progress, when set, receives a line now and then.
	Progress func(string)
}

func (o *Options) defaults() {
	def := func(p *int, v int) {
		if *p <= 0 {
			*p = v
		}
	}
	def(&o.Dim, 64)
	def(&o.Window, 5)
	def(&o.Negative, 5)
	def(&o.Epochs, 1)
	def(&o.MinCount, 5)
	def(&o.Fine, 1000)
	def(&o.Coarse, 100)
	def(&o.Iterations, 10)
	if o.Sample <= 0 {
		o.Sample = 1e-4
	}
	if o.Progress == nil {
		o.Progress = func(string) {}
	}
}

// Classes are the learned classes of the words seen at least MinCount times.
type Classes struct {
	Words  []string
	Counts []int64
	Fine   []int
	Coarse []int
}

// Learn trains word vectors on c and clusters them.
func Learn(ctx context.Context, c *Corpus, opts Options) (*Classes, error) {
	opts.defaults()
	// Vocabulary: words seen at least MinCount times, most frequent first.
	var vocab []int32
	for id, n := range c.counts {
		if n >= int64(opts.MinCount) {
			vocab = append(vocab, int32(id))
		}
	}
	sort.SliceStable(vocab, func(i, j int) bool {
		a, b := vocab[i], vocab[j]
		if c.counts[a] != c.counts[b] {
			return c.counts[a] > c.counts[b]
		}
		return c.words[a] < c.words[b]
	})
	if len(vocab) < opts.Fine {
		return nil, fmt.Errorf("learning word classes: %d words seen %d times or more, fewer than %d classes", len(vocab), opts.MinCount, opts.Fine)
	}
	remap := make([]int32, len(c.words))
	for i := range remap {
		remap[i] = -1
	}
	counts := make([]int64, len(vocab))
	var total int64
	for i, id := range vocab {
		remap[id] = int32(i)
		counts[i] = c.counts[id]
		total += counts[i]
	}
	opts.Progress(fmt.Sprintf("vocabulary: %d words seen %d times or more, %d of %d tokens", len(vocab), opts.MinCount, total, c.Tokens()))
	rng := rand.New(rand.NewPCG(opts.Seed, 0x77326376))
	vec, err := train(ctx, c, remap, counts, total, opts, rng)
	if err != nil {
		return nil, err
	}
	center(vec, opts.Dim)
	normalize(vec, opts.Dim)
	opts.Progress("clustering into fine classes")
	fine, centroids, err := kmeans(ctx, vec, opts.Dim, opts.Fine, opts.Iterations, rng, opts.Progress)
	if err != nil {
		return nil, err
	}
	center(centroids, opts.Dim)
	normalize(centroids, opts.Dim)
	opts.Progress("clustering fine classes into coarse ones")
	coarseOfFine, _, err := kmeans(ctx, centroids, opts.Dim, opts.Coarse, opts.Iterations*3, rng, func(string) {})
	if err != nil {
		return nil, err
	}
	out := &Classes{Words: make([]string, len(vocab)), Counts: counts, Fine: fine, Coarse: make([]int, len(vocab))}
	for i, id := range vocab {
		out.Words[i] = c.words[id]
		out.Coarse[i] = coarseOfFine[fine[i]]
	}
	return out, nil
}

// sigmoid table over [-maxExp, maxExp].
const (
	expTable = 1000
	maxExp   = 6
)

var sigmoidTable = func() [expTable]float32 {
	var t [expTable]float32
	for i := range t {
		e := math.Exp((float64(i)/expTable*2 - 1) * maxExp)
		t[i] = float32(e / (e + 1))
	}
	return t
}()

func sigmoid(x float32) float32 {
	switch {
	case x >= maxExp:
		return 1
	case x <= -maxExp:
		return 0
	}
	return sigmoidTable[int((x+maxExp)*(expTable/maxExp/2))]
}

// train learns skip-gram vectors with negative sampling; it returns the
// input vectors, Dim floats per vocabulary word.
func train(ctx context.Context, c *Corpus, remap []int32, counts []int64, total int64, o Options, rng *rand.Rand) ([]float32, error) {
	v, d := len(counts), o.Dim
	in := make([]float32, v*d)
	out := make([]float32, v*d)
	for i := range in {
		in[i] = (rng.Float32() - 0.5) / float32(d)
	}
	// Unigram^0.75 table for negative samples.
	const tableSize = 1 << 24
	table := make([]int32, tableSize)
	var norm float64
	for _, n := range counts {
		norm += math.Pow(float64(n), 0.75)
	}
	w, cum := 0, math.Pow(float64(counts[0]), 0.75)/norm
	for i := range table {
		table[i] = int32(w)
		if float64(i)/tableSize > cum && w < v-1 {
			w++
			cum += math.Pow(float64(counts[w]), 0.75) / norm
		}
	}
	keep := make([]float32, v) // probability of keeping a word (subsampling)
	for i, n := range counts {
		f := float64(n) / float64(total)
		keep[i] = float32(min(1, (math.Sqrt(f/o.Sample)+1)*o.Sample/f))
	}
	grad := make([]float32, d)
	const alpha0 = 0.025
	steps := int64(o.Epochs) * total
	var done int64
	sent := make([]int32, 0, 2048)
	began := time.Now()
	for ep := 0; ep < o.Epochs; ep++ {
		pos := 0
		for pos < len(c.ids) {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("learning word vectors: %w", err)
			}
			// Next document, subsampled.
			sent = sent[:0]
			for pos < len(c.ids) && c.ids[pos] >= 0 {
				if id := remap[c.ids[pos]]; id >= 0 {
					done++
					if rng.Float32() < keep[id] {
						sent = append(sent, id)
					}
				}
				pos++
			}
			pos++
			alpha := float32(alpha0 * max(1-float64(done)/float64(steps+1), 1e-4))
			for i, center := range sent {
				b := rng.IntN(o.Window)
				lo, hi := max(0, i-o.Window+b), min(len(sent)-1, i+o.Window-b)
				for j := lo; j <= hi; j++ {
					if j == i {
						continue
					}
					ctxv := in[int(sent[j])*d : int(sent[j])*d+d]
					clear(grad)
					for k := 0; k <= o.Negative; k++ {
						target, label := center, float32(1)
						if k > 0 {
							target = table[rng.IntN(tableSize)]
							if target == center {
								continue
							}
							label = 0
						}
						ov := out[int(target)*d : int(target)*d+d]
						var dot float32
						for x := range ctxv {
							dot += ctxv[x] * ov[x]
						}
						g := (label - sigmoid(dot)) * alpha
						for x := range ctxv {
							grad[x] += g * ov[x]
							ov[x] += g * ctxv[x]
						}
					}
					for x := range ctxv {
						ctxv[x] += grad[x]
					}
				}
			}
			if done%(1<<20) < int64(len(sent)+1) {
				o.Progress(fmt.Sprintf("vectors: %d/%d tokens, %.0f tokens/s", done, steps, float64(done)/time.Since(began).Seconds()))
			}
		}
	}
	return in, nil
}

// center subtracts the mean vector from every vector: word2vec vectors share
// a common direction that would otherwise dominate cosine similarity.
func center(vec []float32, d int) {
	n := len(vec) / d
	if n == 0 {
		return
	}
	mean := make([]float64, d)
	for i := 0; i+d <= len(vec); i += d {
		for x := range d {
			mean[x] += float64(vec[i+x])
		}
	}
	for i := 0; i+d <= len(vec); i += d {
		for x := range d {
			vec[i+x] -= float32(mean[x] / float64(n))
		}
	}
}

func normalize(vec []float32, d int) {
	for i := 0; i+d <= len(vec); i += d {
		v := vec[i : i+d]
		var s float64
		for _, x := range v {
			s += float64(x) * float64(x)
		}
		if s == 0 {
			continue
		}
		inv := float32(1 / math.Sqrt(s))
		for k := range v {
			v[k] *= inv
		}
	}
}

// kmeans clusters the unit vectors (d floats each) into k classes by cosine
// similarity, starting from k-means++ seeds; it returns
// each vector's class and the centroids.
func kmeans(ctx context.Context, vec []float32, d, k, iters int, rng *rand.Rand, progress func(string)) ([]int, []float32, error) {
	n := len(vec) / d
	if n < k {
		return nil, nil, fmt.Errorf("k-means: %d vectors for %d classes", n, k)
	}
	cent := seeds(vec, d, k, rng)
	assign := make([]int, n)
	sums := make([]float32, k*d)
	sizes := make([]int, k)
	for it := 0; it < iters; it++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("k-means: %w", err)
		}
		moved := 0
		for i := range n {
			v := vec[i*d : i*d+d]
			best, arg := float32(-2), 0
			for c := range k {
				cv := cent[c*d : c*d+d]
				var dot float32
				for x := range v {
					dot += v[x] * cv[x]
				}
				if dot > best {
					best, arg = dot, c
				}
			}
			if assign[i] != arg || it == 0 {
				moved++
			}
			assign[i] = arg
		}
		clear(sums)
		clear(sizes)
		for i := range n {
			c := assign[i]
			sizes[c]++
			for x := range d {
				sums[c*d+x] += vec[i*d+x]
			}
		}
		for c := range k {
			if sizes[c] == 0 {
				continue // keep the old centroid
			}
			copy(cent[c*d:c*d+d], sums[c*d:c*d+d])
		}
		normalize(cent, d)
		progress(fmt.Sprintf("k-means iteration %d: %d moved", it+1, moved))
		if moved == 0 {
			break
		}
	}
	return assign, cent, nil
}

// Write writes the classes as "word<TAB>count<TAB>fine<TAB>coarse" lines, the
// format ner.ReadClasses reads.
func (cl *Classes) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# word classes: %d words; word, count, fine class, coarse class\n", len(cl.Words))
	for i, wd := range cl.Words {
		fmt.Fprintf(bw, "%s\t%d\t%d\t%d\n", wd, cl.Counts[i], cl.Fine[i], cl.Coarse[i])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing word classes: %w", err)
	}
	return nil
}

// seeds picks k initial centroids by k-means++ (Arthur & Vassilvitskii
// 2007): each next seed is a vector drawn with probability proportional to
// its squared distance from the nearest seed so far.
func seeds(vec []float32, d, k int, rng *rand.Rand) []float32 {
	n := len(vec) / d
	cent := make([]float32, 0, k*d)
	dist := make([]float64, n)
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	pick := rng.IntN(n)
	for len(cent) < k*d {
		cv := vec[pick*d : pick*d+d]
		cent = append(cent, cv...)
		var total float64
		for i := range n {
			v := vec[i*d : i*d+d]
			var dot float32
			for x := range v {
				dot += v[x] * cv[x]
			}
			// Squared distance between unit vectors: 2 - 2cos.
			if dd := max(0, 2-2*float64(dot)); dd < dist[i] {
				dist[i] = dd
			}
			total += dist[i]
		}
		if total == 0 {
			pick = rng.IntN(n)
			continue
		}
		r := rng.Float64() * total
		pick = n - 1
		for i, dd := range dist {
			if r < dd {
				pick = i
				break
			}
			r -= dd
		}
	}
	return cent
}
