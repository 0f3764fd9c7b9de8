package store

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"

	"akhbar/analysis"
)

// Codec encodes analyses for storage: deflated JSON without the text (a
// backend keeps the text in its own column) and without the debugging
// tokens. It reuses its compressor between calls, so it is not safe for
// concurrent use; the zero Codec is ready.
type Codec struct {
	buf bytes.Buffer
	zw  *flate.Writer
}

// Encode returns a's stored form.
func (c *Codec) Encode(a *analysis.Analysis) ([]byte, error) {
	cp := *a
	cp.Text = ""
	cp.Tokens = nil
	c.buf.Reset()
	if c.zw == nil {
		zw, err := flate.NewWriter(&c.buf, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		c.zw = zw
	} else {
		c.zw.Reset(&c.buf)
	}
	enc := json.NewEncoder(c.zw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&cp); err != nil {
		return nil, fmt.Errorf("encoding analysis: %w", err)
	}
	if err := c.zw.Close(); err != nil {
		return nil, err
	}
	return bytes.Clone(c.buf.Bytes()), nil
}

// DecodeAnalysis reads a stored form back, with its text.
func DecodeAnalysis(blob []byte, text string) (*analysis.Analysis, error) {
	zr := flate.NewReader(bytes.NewReader(blob))
	defer zr.Close()
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("decompressing analysis: %w", err)
	}
	var a analysis.Analysis
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("decoding analysis: %w", err)
	}
	a.Text = text
	return &a, nil
}
