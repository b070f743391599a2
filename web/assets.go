package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/ninebridges/ninebridges/facts"
)

//go:embed static
var staticFS embed.FS

// asset is one file under /static/, held in memory with its fingerprint.
type asset struct {
	body  []byte
	ctype string
	sum   string // a short content hash, the ?v= of its links
}

// assets are the stylesheet, the script and the generated quotes.css.
// Links carry each file's content hash, so a cache may keep a file for a
// year: a changed file is a new URL.
type assets struct {
	files map[string]*asset
}

func newAssets(b *facts.Base) (*assets, error) {
	as := &assets{files: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		as.add(path.Base(p), body)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: reading the static files: %w", err)
	}
	as.add("quotes.css", quotesCSS(b))
	return as, nil
}

func (as *assets) add(name string, body []byte) {
	sum := sha256.Sum256(body)
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	as.files[name] = &asset{body: body, ctype: ctype, sum: hex.EncodeToString(sum[:6])}
}

// url is the fingerprinted link to a static file.
func (as *assets) url(name string) string {
	a, ok := as.files[name]
	if !ok {
		return "/static/" + name
	}
	return "/static/" + name + "?v=" + a.sum
}

func (s *Site) static(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets.files[r.PathValue("name")]
	if !ok {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", a.ctype)
	etag := `"` + a.sum + `"`
	w.Header().Set("ETag", etag)
	if r.URL.Query().Get("v") == a.sum {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		cacheFor(w, time.Hour)
	}
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(a.body)
}

// quotesCSS marks a fact's quote when its anchor is the :target. A fact's
// quote may overlap another's, so it is the segments carrying its class
// (see docview.go); CSS cannot match a class named by the target's id, so
// the base's fact ids are written out, one rule each, once at start-up.
// The :has() rule covers a quote that runs on into the next paragraph; the
// sibling rule is for browsers without :has().
func quotesCSS(b *facts.Base) []byte {
	const hitStyle = "background:var(--hit);text-decoration:underline 2px var(--hit-ring);text-underline-offset:0.2em"
	var sb strings.Builder
	sb.WriteString("/* Generated from the fact base: marks the quote of the fact in the URL's #q-<fact>. */\n")
	for _, f := range b.Facts() {
		if len(f.Sources) == 0 {
			continue
		}
		// Two rules, not one list: a browser without :has() drops a
		// whole list that holds it.
		fmt.Fprintf(&sb, "#q-%[1]s:target~.f-%[1]s{%[2]s}\n.doc:has(#q-%[1]s:target) .f-%[1]s{%[2]s}\n", f.ID, hitStyle)
	}
	return []byte(sb.String())
}
