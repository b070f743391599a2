package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/facts/answer"
	"github.com/ninebridges/ninebridges/facts/factstest"
)

// TestBrowser drives Debian's Chromium, headless, through the site as a
// reader would: it asks, follows a source to its quote, switches language,
// turns JavaScript off, tries to inject script, and runs axe-core on every
// kind of page. It skips, saying why, only where there is no browser and
// NINEBRIDGES_REQUIRE_BROWSER is unset (CI sets it, so CI fails instead).
// With -update it saves the README's screenshots.
func TestBrowser(t *testing.T) {
	exe := findChromium()
	if exe == "" {
		msg := "no Chromium found (looked for chromium, chromium-browser, google-chrome and $NINEBRIDGES_CHROMIUM); apt-get install chromium"
		if os.Getenv("NINEBRIDGES_REQUIRE_BROWSER") != "" {
			t.Fatal(msg + "; NINEBRIDGES_REQUIRE_BROWSER is set, so this is a failure")
		}
		t.Skip(msg)
	}
	site := realSite(t)
	srv := httptest.NewServer(site)
	defer srv.Close()
	b, m := factstest.Base(t)
	answers := answer.New(b, m)

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox, // as root in a container; the pages are our own
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("lang", "en-US"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	// The first Run starts the browser; it must not carry a timeout.
	if err := chromedp.Do(browserCtx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}

	// tab is a fresh tab for one check, with a time limit, whose
	// JavaScript dialogs (an alert from injected script) are recorded and
	// dismissed.
	tab := func(t *testing.T, noScript bool) (context.Context, *[]string) {
		t.Helper()
		ctx, cancel := chromedp.NewContext(browserCtx)
		t.Cleanup(cancel)
		// Generous: under go test -race ./... the server shares two
		// cores with every other package's tests.
		ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
		t.Cleanup(cancelT)
		var dialogs []string
		if err := chromedp.Listen(ctx, func(ev any) {
			if d, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
				dialogs = append(dialogs, d.Message)
				go chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
			}
		}); err != nil {
			t.Fatal(err)
		}
		if noScript {
			if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
				t.Fatal(err)
			}
		}
		return ctx, &dialogs
	}
	run := func(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(t *testing.T, ctx context.Context, js string, out any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%.80s: %v", js, err)
		}
		if out != nil {
			if err := json.Unmarshal(raw, out); err != nil {
				t.Fatalf("%.80s: %v (%s)", js, err, raw)
			}
		}
	}
	answerText := func(t *testing.T, ctx context.Context) string {
		t.Helper()
		var s string
		eval(t, ctx, `document.querySelector("#answer .answer-text").innerText`, &s)
		return s
	}

	// Asked from the page, by pressing Enter or by typing and waiting,
	// a question gets the answer "ninebridges ask" gives.
	t.Run("search shows the answer ask gives", func(t *testing.T) {
		ctx, _ := tab(t, false)
		for _, tt := range []struct {
			lang    facts.Lang
			q       string
			explain string
		}{
			{facts.EN, "korea russia trade 2016", "a fact"},
			{facts.EN, "how much did trade grow between 2016 and 2017", "a computed answer"},
			{facts.KO, "2017년 한러 교역액은?", "Korean"},
			{facts.RU, "Каким был товарооборот в 2019 году?", "Russian"},
			{facts.EN, "what is the weather in Seoul", "a refusal"},
		} {
			want := answers.Answer(tt.q, tt.lang)
			for _, live := range []bool{false, true} {
				if live && tt.lang == facts.EN && want.Answered {
					continue // typing is slow; the other cases cover it
				}
				run(t, ctx, chromedp.Navigate(srv.URL+"/?lang="+string(tt.lang)), chromedp.WaitVisible(chromedp.CSS("#q")))
				if live {
					// Typed, not submitted: the script answers as one
					// types, so wait for the answer to the whole question,
					// not to a part typed on the way.
					asked, _ := json.Marshal(tt.q)
					run(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), tt.q))
					if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.querySelector("#answer .asked q")?.textContent === `+string(asked),
						chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
						t.Fatalf("%s: no live answer to the whole question: %v", tt.explain, err)
					}
				} else {
					run(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), tt.q+"\r"), chromedp.WaitVisible(chromedp.CSS("#answer .answer-text")))
				}
				got := answerText(t, ctx)
				if collapse(got) != collapse(want.Text) {
					t.Errorf("%s (%s, live %v): the page says\n%q\nask says\n%q", tt.explain, tt.q, live, got, want.Text)
				}
				var loc string
				eval(t, ctx, `location.search`, &loc)
				if v, _ := url.ParseQuery(strings.TrimPrefix(loc, "?")); v.Get("q") != tt.q {
					t.Errorf("%s (live %v): the address is %q, not the question", tt.explain, live, loc)
				}
				if !want.Answered {
					var n int
					eval(t, ctx, `document.querySelectorAll("#answer .suggestions a").length`, &n)
					if n != len(want.Suggestions) {
						t.Errorf("%s: %d suggestions on the page, %d from ask", tt.explain, n, len(want.Suggestions))
					}
				}
			}
		}
	})

	// A fact's source link opens its document scrolled to the quote, and
	// what is marked is exactly the fact's quote: bridges-farming quotes
	// words that other facts' quotes overlap.
	t.Run("a source link lands on its highlighted quote", func(t *testing.T) {
		for _, noScript := range []bool{false, true} {
			ctx, _ := tab(t, noScript)
			for _, id := range []string{"bridges-farming", "trade-volume-2016", "source-yonhap-2020-russia-azerbaijan"} {
				f, ok := b.Fact(id)
				if !ok {
					t.Skipf("the base has no %s any more; pick another fact with a quote", id)
				}
				run(t, ctx, chromedp.Navigate(srv.URL+"/facts/"+id+"?lang=en"), chromedp.Click(chromedp.CSS("a.to-doc")),
					chromedp.WaitVisible(chromedp.CSS(".doc-body")))
				var got struct {
					Hash    string
					InView  bool
					Runs    []string
					Others  int
					Marked  int
					Targets int
				}
				// Runs of the fact's segments that are painted as the
				// target; and how many other facts' marks are painted so.
				eval(t, ctx, fmt.Sprintf(`(() => {
					const id = %q, hit = getComputedStyle(document.documentElement).getPropertyValue("--hit").trim();
					const probe = document.createElement("span"); probe.style.color = hit; document.body.append(probe);
					const hitRGB = getComputedStyle(probe).color; probe.remove();
					const a = document.getElementById("q-" + id);
					const r = a ? a.getBoundingClientRect() : null;
					const runs = []; let last = null, others = 0, marked = 0;
					for (const m of document.querySelectorAll("mark.q")) {
						const lit = getComputedStyle(m).backgroundColor === hitRGB;
						if (!m.classList.contains("f-" + id)) { if (lit) others++; continue; }
						if (!lit) continue;
						marked++;
						// Runs are broken by text, not by another fact's anchor.
						let prev = m.previousSibling;
						while (prev && prev.nodeType === 1 && prev.classList.contains("anchor")) prev = prev.previousSibling;
						if (last && prev === last) runs[runs.length - 1] += m.textContent; else runs.push(m.textContent);
						last = m;
					}
					return {hash: location.hash, inView: !!r && r.top >= 0 && r.top < innerHeight,
						runs, others, marked, targets: document.querySelectorAll(":target").length};
				})()`, id), &got)
				if got.Hash != "#q-"+id || got.Targets != 1 || !got.InView {
					t.Errorf("%s (scripts off %v): at %q, %d targets, in view %v", id, noScript, got.Hash, got.Targets, got.InView)
				}
				var want []string
				for _, s := range f.Sources {
					if s.Doc == f.Sources[0].Doc {
						want = append(want, collapse(s.Quote))
					}
				}
				var runs []string
				for _, r := range got.Runs {
					runs = append(runs, collapse(r))
				}
				for _, w := range want {
					if !containsString(runs, w) {
						t.Errorf("%s (scripts off %v): the quote %q is not what is marked: %q", id, noScript, w, runs)
					}
				}
				for _, r := range runs {
					if !containsString(want, r) {
						t.Errorf("%s (scripts off %v): %q is marked but is not its quote %q", id, noScript, r, want)
					}
				}
				if got.Others != 0 {
					t.Errorf("%s (scripts off %v): %d marks of other facts are painted as the target", id, noScript, got.Others)
				}
			}
		}
	})

	// Korean and Russian pages are in Hangul and Cyrillic, drawn with real
	// glyphs (a missing font draws every letter as the same empty box).
	t.Run("Korean and Russian render in their scripts", func(t *testing.T) {
		ctx, _ := tab(t, false)
		for _, tt := range []struct {
			lang   facts.Lang
			script *unicode.RangeTable
		}{{facts.KO, unicode.Hangul}, {facts.RU, unicode.Cyrillic}} {
			run(t, ctx, chromedp.Navigate(srv.URL+"/facts/trade-volume-2016?lang="+string(tt.lang)), chromedp.WaitVisible(chromedp.CSS("h1")))
			var got struct {
				Lang, H1 string
				Glyphs   bool
			}
			eval(t, ctx, `(() => {
				const h1 = document.querySelector("h1"), c = document.createElement("canvas").getContext("2d");
				c.font = getComputedStyle(h1).font;
				const letters = [...h1.textContent].filter(ch => /\p{L}/u.test(ch) && ch.charCodeAt(0) > 0x2ff).slice(0, 6).join("");
				const box = "\u{10FFFD}".repeat([...letters].length);
				return {lang: document.documentElement.lang, h1: h1.textContent,
					glyphs: letters.length > 0 && Math.abs(c.measureText(letters).width - c.measureText(box).width) > 1};
			})()`, &got)
			n := 0
			for _, r := range got.H1 {
				if unicode.Is(tt.script, r) {
					n++
				}
			}
			if got.Lang != string(tt.lang) || n < 2 || !got.Glyphs {
				t.Errorf("%s: lang %q, heading %q (%d letters of its script), real glyphs %v (is a font with them installed?)", tt.lang, got.Lang, got.H1, n, got.Glyphs)
			}
		}
		// The switcher moves the same page into the other language.
		run(t, ctx, chromedp.Navigate(srv.URL+"/facts/trade-volume-2016?lang=en"), chromedp.Click(chromedp.CSS(`.langs a[hreflang="ru"]`)),
			chromedp.WaitVisible(chromedp.CSS(`.langs a[hreflang="ru"][aria-current]`)))
		var lang string
		eval(t, ctx, `document.documentElement.lang + location.pathname`, &lang)
		if lang != "ru/facts/trade-volume-2016" {
			t.Errorf("after the switcher: %q", lang)
		}
	})

	// With JavaScript off the form still asks and the page still answers;
	// the script is not needed for anything.
	t.Run("works without JavaScript", func(t *testing.T) {
		q := "2017년 한러 교역액은?"
		ctx, _ := tab(t, true)
		run(t, ctx, chromedp.Navigate(srv.URL+"/?lang=ko"), chromedp.SendKeys(chromedp.CSS("#q"), q),
			chromedp.Click(chromedp.CSS(".ask button")), chromedp.WaitVisible(chromedp.CSS("#answer .answer-text")))
		if got, want := answerText(t, ctx), answers.Answer(q, facts.KO).Text; collapse(got) != collapse(want) {
			t.Errorf("without scripts: %q, want %q", got, want)
		}
		var scripted bool
		eval(t, ctx, `document.querySelector("form[data-live]").dataset.live === "on"`, &scripted)
		if scripted {
			t.Error("the live-search script ran with JavaScript disabled")
		}
		// The timeline filter is a plain form too.
		run(t, ctx, chromedp.Navigate(srv.URL+"/timeline?lang=en"), chromedp.SetValue(chromedp.CSS("#topic"), "forum"),
			chromedp.Click(chromedp.CSS(".filter button")), chromedp.WaitReady(chromedp.CSS(`#topic option[value="forum"][selected]`)))
		var loc string
		eval(t, ctx, `location.search`, &loc)
		if !strings.Contains(loc, "topic=forum") {
			t.Errorf("the timeline filter went to %q", loc)
		}
	})

	// Script in the question never runs: not from the server's page, not
	// from the live answer, not as a link.
	t.Run("XSS probes never execute", func(t *testing.T) {
		probes := []string{
			`<script>window.__xss=1;alert(1)</script>`,
			`"><img src=x onerror="window.__xss=1;alert(2)">`,
			`javascript:window.__xss=1;alert(3)`,
			`'><svg onload=window.__xss=1;alert(4)>`,
			`</textarea></q><script>alert(5)</script>`,
		}
		ctx, dialogs := tab(t, false)
		for _, p := range probes {
			for _, live := range []bool{false, true} {
				if live {
					asked, _ := json.Marshal(p)
					run(t, ctx, chromedp.Navigate(srv.URL+"/?lang=en"), chromedp.SendKeys(chromedp.CSS("#q"), p))
					if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.querySelector("#answer .asked q")?.textContent === `+string(asked),
						chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
						t.Fatalf("%q: no live answer: %v", p, err)
					}
				} else {
					run(t, ctx, chromedp.Navigate(srv.URL+"/?lang=en&q="+url.QueryEscape(p)), chromedp.WaitVisible(chromedp.CSS("#answer .answer")))
					// And where the probe is a topic, a fact id or a path.
					run(t, ctx, chromedp.Navigate(srv.URL+"/timeline?topic="+url.QueryEscape(p)), chromedp.WaitVisible(chromedp.CSS("main")),
						chromedp.Navigate(srv.URL+"/facts/"+url.PathEscape(p)), chromedp.WaitVisible(chromedp.CSS("main")))
				}
				var got struct {
					XSS      bool
					Injected int
				}
				eval(t, ctx, `({xss: window.__xss !== undefined,
					injected: document.querySelectorAll("main img, main svg, main script, [onerror], [onload], a[href^='javascript:' i]").length})`, &got)
				if got.XSS || got.Injected > 0 || len(*dialogs) > 0 {
					t.Errorf("%q (live %v): ran %v, %d injected elements, dialogs %q", p, live, got.XSS, got.Injected, *dialogs)
				}
			}
		}
	})

	// axe-core finds no WCAG 2 A or AA violation (contrast, names, labels,
	// landmarks, language) on any kind of page in any language.
	t.Run("accessibility (axe-core)", func(t *testing.T) {
		axe, err := os.ReadFile(filepath.Join("testdata", "axe", "axe.min.js"))
		if err != nil {
			t.Fatal(err)
		}
		doc := b.Documents()[1].ID
		pages := []string{"/?q=korea+russia+trade+2016", "/?q=what+is+the+weather", "/facts/bridges-farming", "/docs/" + doc + "#q-bridges-farming",
			"/docs", "/timeline", "/series/trade-volume", "/about", "/topics/trade", "/no-such-page"}
		ctx, _ := tab(t, false)
		// The browser runs axe in every page it opens in this tab; a
		// script added this way is the browser's, not the page's, so the
		// site's policy does not stop it.
		if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: string(axe)}); err != nil {
			t.Fatal(err)
		}
		for _, l := range facts.Langs {
			for _, p := range pages {
				if l != facts.EN && (p == "/docs" || p == "/topics/trade" || p == "/no-such-page") {
					continue // the same templates as the others; English covers them
				}
				u := srv.URL + withLang(p, l)
				run(t, ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS("main")))
				var violations []struct {
					ID, Help string
					Nodes    []struct{ Target []any }
				}
				eval(t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]})
					.then(r => r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => ({target: n.target}))})))`, &violations)
				for _, v := range violations {
					t.Errorf("%s: %s (%s) at %v", withLang(p, l), v.ID, v.Help, v.Nodes)
				}
			}
		}
	})

	// Screenshots of the home page, a fact page and a document page in
	// each language; -update keeps them in testdata/screenshots for the
	// README, and NINEBRIDGES_ARTIFACTS names a directory to keep them in
	// as a CI run's artifacts.
	t.Run("screenshots", func(t *testing.T) {
		dir := t.TempDir()
		if *update {
			dir = filepath.Join("testdata", "screenshots")
		} else if d := os.Getenv("NINEBRIDGES_ARTIFACTS"); d != "" {
			dir = d
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		ctx, _ := tab(t, false)
		questions := map[facts.Lang]string{facts.EN: "How much did trade grow between 2016 and 2017?", facts.KO: "2017년 한러 교역액은?", facts.RU: "Каким был товарооборот в 2019 году?"}
		for _, l := range facts.Langs {
			for _, shot := range []struct{ name, path string }{
				{"home", "/?q=" + url.QueryEscape(questions[l])},
				{"fact", "/facts/bridges-farming"},
				{"doc", "/docs/" + b.Documents()[1].ID + "#q-bridges-farming"},
			} {
				run(t, ctx, chromedp.Navigate(srv.URL+withLang(shot.path, l)), chromedp.WaitVisible(chromedp.CSS("main")))
				eval(t, ctx, `document.fonts.ready.then(() => true)`, nil)
				png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, shot.name+"-"+string(l)+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

// withLang adds lang to a path that may have a query and a fragment.
func withLang(p string, l facts.Lang) string {
	path, frag, _ := strings.Cut(p, "#")
	path += sep(path) + "lang=" + string(l)
	if frag != "" {
		path += "#" + frag
	}
	return path
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// findChromium is the browser to drive: $NINEBRIDGES_CHROMIUM, else the
// first of the usual names on the PATH or in /usr/bin.
func findChromium() string {
	if p := os.Getenv("NINEBRIDGES_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
		if p := "/usr/bin/" + name; fileExists(p) {
			return p
		}
	}
	return ""
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, os.ErrNotExist)
}
