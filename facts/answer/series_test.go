package answer

import (
	"math"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

func point(id string, year int, v float64, asOf string, approx bool) *facts.Fact {
	return &facts.Fact{ID: id, Value: &facts.Value{Series: "s", Year: year, Amount: v, Unit: "USD", AsOf: asOf, Approx: approx}}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name                string
		a, b                *facts.Fact
		diff, pct, ratio    float64
		approx, wantRefusal bool
	}{
		{name: "growth", a: point("a", 2016, 13.4e9, "", false), b: point("b", 2017, 19e9, "", false), diff: 5.6e9, pct: 41.791, ratio: 1.41791},
		{name: "fall", a: point("a", 2015, 16e9, "", false), b: point("b", 2016, 13.4e9, "", false), diff: -2.6e9, pct: -16.25, ratio: 0.8375},
		{name: "doubling", a: point("a", 1, 10, "", false), b: point("b", 2, 20, "", false), diff: 10, pct: 100, ratio: 2},
		{name: "approximate", a: point("a", 1990, 30000, "", true), b: point("b", 2019, 770000, "", false), diff: 740000, pct: 2466.667, ratio: 25.6667, approx: true},
		{name: "partial year", a: point("a", 2017, 19e9, "", false), b: point("b", 2018, 18e9, "2018-09", false), wantRefusal: true},
		{name: "from zero", a: point("a", 1, 0, "", false), b: point("b", 2, 5, "", false), wantRefusal: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Compare(tt.a, tt.b)
			if tt.wantRefusal {
				if err == nil {
					t.Fatalf("compared %+v", c)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-3*math.Max(1, math.Abs(want)) }
			if !near(c.Diff, tt.diff) || !near(c.Percent, tt.pct) || !near(c.Ratio, tt.ratio) || c.Approx != tt.approx {
				t.Errorf("got diff %g pct %g ratio %g approx %v, want %g %g %g %v", c.Diff, c.Percent, c.Ratio, c.Approx, tt.diff, tt.pct, tt.ratio, tt.approx)
			}
		})
	}
}

func TestAdd(t *testing.T) {
	tot, err := Add([]*facts.Fact{point("a", 2015, 16e9, "", false), point("b", 2016, 13.4e9, "", false), point("c", 2017, 19e9, "", false)})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(tot.Sum-48.4e9) > 1 || math.Abs(tot.Mean-16.1333e9) > 1e5 || tot.Approx {
		t.Errorf("sum %g mean %g approx %v, want 48.4e9 16.1333e9 false", tot.Sum, tot.Mean, tot.Approx)
	}
	if _, err := Add([]*facts.Fact{point("a", 2017, 19e9, "", false), point("b", 2018, 18e9, "2018-09", false)}); err == nil {
		t.Error("added a partial year to a full one")
	}
	tot, _ = Add([]*facts.Fact{point("a", 1990, 30000, "", true), point("b", 2019, 770000, "", false)})
	if !tot.Approx {
		t.Error("a sum with an approximate figure is not marked approximate")
	}
}
