package ingest

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress reports how far a run is: a redrawn bar on a terminal, a plain
// line now and then in a log.
type progress struct {
	w        io.Writer
	terminal bool
	every    time.Duration
	total    int64 // input bytes, 0 when unknown
	last     time.Time
}

func newProgress(opts Options, total int64) *progress {
	every := opts.Every
	if every == 0 {
		every = 10 * time.Second
		if opts.Terminal {
			every = 200 * time.Millisecond
		}
	}
	return &progress{w: opts.Progress, terminal: opts.Terminal, every: every, total: total, last: time.Now()}
}

func (p *progress) update(s Summary, readBytes int64, final bool) {
	if p.w == nil || (!final && time.Since(p.last) < p.every) {
		return
	}
	p.last = time.Now()
	frac := -1.0
	if p.total > 0 {
		frac = min(1, float64(readBytes)/float64(p.total))
	}
	eta := ""
	if frac > 0 && frac < 1 && !final {
		left := time.Duration(float64(s.Elapsed) * (1 - frac) / frac)
		eta = " ETA " + left.Round(time.Second).String()
	}
	line := fmt.Sprintf("%d articles (%d stored, %d duplicates, %d failed) %.0f/s%s",
		s.Read, s.Stored+s.Updated, s.Duplicates, s.Failed, s.Rate(), eta)
	if !p.terminal {
		if frac >= 0 {
			line = fmt.Sprintf("%3.0f%% ", frac*100) + line
		}
		fmt.Fprintln(p.w, line)
		return
	}
	bar := ""
	if frac >= 0 {
		const width = 24
		n := int(frac * width)
		bar = "[" + strings.Repeat("=", n) + strings.Repeat(" ", width-n) + fmt.Sprintf("] %3.0f%% ", frac*100)
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s%s", bar, line)
	if final {
		fmt.Fprintln(p.w)
	}
}
