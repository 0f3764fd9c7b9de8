package article

import (
	"fmt"
	"strings"
	"time"
)

// Timestamp is a point in time known to a day, a minute or a second, with or
// without a UTC offset.
type Timestamp struct {
	Time  time.Time // zero when unknown
	Clock bool      // the time of day is known
	Zone  bool      // the UTC offset is known
}

// IsZero reports whether the timestamp is unknown.
func (t Timestamp) IsZero() bool { return t.Time.IsZero() }

// String formats the timestamp as RFC 3339 at its precision: 2022-01-15,
// 2022-01-15T13:02 or 2022-01-15T13:02:00+02:00; "" when unknown.
func (t Timestamp) String() string {
	switch {
	case t.Time.IsZero():
		return ""
	case !t.Clock:
		return t.Time.Format("2006-01-02")
	case t.Zone:
		return t.Time.Format(time.RFC3339)
	case t.Time.Second() != 0:
		return t.Time.Format("2006-01-02T15:04:05")
	}
	return t.Time.Format("2006-01-02T15:04")
}

// MarshalText implements encoding.TextMarshaler with String's format.
func (t Timestamp) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what
// ParseTimestamp accepts, and "" for unknown.
func (t *Timestamp) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = Timestamp{}
		return nil
	}
	ts, err := ParseTimestamp(string(b))
	if err != nil {
		return err
	}
	*t = ts
	return nil
}

// machineLayouts are the machine-readable date layouts of pages, feeds and
// JSON lines, most precise first, with what each one tells.
var machineLayouts = []struct {
	layout      string
	clock, zone bool
}{
	{time.RFC3339Nano, true, true},
	{"2006-01-02T15:04:05Z0700", true, true},
	{"2006-01-02T15:04Z07:00", true, true},
	{"2006-01-02 15:04:05Z07:00", true, true},
	{"2006-01-02 15:04:05 -0700", true, true},
	{"2006-01-02 15:04:05 -0700 MST", true, true},
	{time.RFC1123Z, true, true},
	{time.RFC1123, true, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true, true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true, true},
	{"2006-01-02T15:04:05.999999999", true, false},
	{"2006-01-02T150405", true, false}, // ISO 8601 basic time, as some feeds write it
	{"2006-01-02T15:04", true, false},
	{"2006-01-02 15:04:05", true, false},
	{"2006-01-02 15:04", true, false},
	{"2006-01-02", false, false},
	{"2006/01/02", false, false},
}

// ParseTimestamp parses a machine-readable date as pages, feeds and JSON
// lines give it: RFC 3339 with or without offset, seconds or minutes
// ("2018-02-18T21:35:43+04:00", "2015-07-21 02:58:18", "2016-08-20"), and
// RFC 1123 as in RSS.
func ParseTimestamp(s string) (Timestamp, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Timestamp{}, fmt.Errorf("empty date")
	}
	for _, l := range machineLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1 {
			break
		}
		if l.zone && strings.HasSuffix(l.layout, "MST") && t.Location() != time.UTC {
			// A zone abbreviation Go does not know gives no offset.
			if _, off := t.Zone(); off == 0 && !strings.HasSuffix(s, "GMT") && !strings.HasSuffix(s, "UTC") {
				return Timestamp{Time: t, Clock: true}, nil
			}
		}
		return Timestamp{Time: t, Clock: l.clock, Zone: l.zone}, nil
	}
	return Timestamp{}, fmt.Errorf("date %q is in no known format (RFC 3339, RFC 1123, 2006-01-02 15:04:05)", s)
}
