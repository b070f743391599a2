package web

import (
	"flag"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/factstest"
)

// update rewrites the golden pages and the screenshots instead of
// comparing them: go test ./web -update.
var update = flag.Bool("update", false, "rewrite testdata/golden and testdata/screenshots")

// The fixture base (testdata/base) is small and stable, with the awkward
// cases on purpose: overlapping, nested and identical quotes, a quote of
// the header, white space that differs from the quote's, HTML in the text,
// a partial and an outside-sourced figure. Goldens use it, so they change
// when the site does and not when the real base grows.
var (
	fixtureOnce sync.Once
	fixture     *Site
	fixtureErr  error

	embeddedOnce sync.Once
	embeddedSite *Site
	embeddedErr  error
)

func fixtureBase(t testing.TB) *facts.Base {
	t.Helper()
	b, err := facts.LoadDir("testdata/base")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fixtureSite(t testing.TB) *Site {
	t.Helper()
	fixtureOnce.Do(func() {
		var b *facts.Base
		if b, fixtureErr = facts.LoadDir("testdata/base"); fixtureErr == nil {
			fixture, fixtureErr = New(Config{Base: b, Rate: 1e6, Burst: 1e6})
		}
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixture
}

// realSite is the site over the embedded base, with the shared matcher and
// a limit no test reaches by accident.
func realSite(t testing.TB) *Site {
	t.Helper()
	b, m := factstest.Base(t)
	embeddedOnce.Do(func() {
		embeddedSite, embeddedErr = New(Config{Base: b, Matcher: m, Rate: 1e6, Burst: 1e6})
	})
	if embeddedErr != nil {
		t.Fatal(embeddedErr)
	}
	return embeddedSite
}

// get asks h for target with the headers given as name, value pairs.
func get(h http.Handler, target string, headers ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func httptestRequest(method, target string) *http.Request {
	return httptest.NewRequest(method, target, nil)
}

func recorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

// timeZero is a fixed instant for the limiter.
var timeZero = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
