package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(string) string { return "" })
	return out.String(), errb.String(), code
}

func TestFactsCheckAndList(t *testing.T) {
	out, errs, code := runCLI(t, "", "facts", "check")
	if code != 0 || !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("facts check: code %d, %q %q", code, out, errs)
	}
	_, errs, code = runCLI(t, "", "facts", "check", "--dir", "../../facts/testdata/broken/quote-not-found")
	if code == 0 || !strings.Contains(errs, "data/facts.yaml:16: quote not found") {
		t.Fatalf("facts check on a broken base: code %d, %q", code, errs)
	}
	out, _, code = runCLI(t, "", "facts", "list", "--json")
	if code != 0 {
		t.Fatalf("facts list --json: code %d", code)
	}
	var list []struct {
		ID        string              `json:"id"`
		Topic     string              `json:"topic"`
		Date      *string             `json:"date"`
		Answer    map[string]string   `json:"answer"`
		Questions map[string][]string `json:"questions"`
		Sources   []struct{ Doc, Quote string }
		Reference *struct{ URL string } `json:"reference"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) < 80 {
		t.Errorf("%d facts, want at least 80", len(list))
	}
	perDoc := map[string]int{}
	for _, f := range list {
		for _, l := range []string{"en", "ko", "ru"} {
			if f.Answer[l] == "" || len(f.Questions[l]) == 0 {
				t.Errorf("%s: no %s answer or questions", f.ID, l)
			}
		}
		if len(f.Sources) == 0 && f.Reference == nil {
			t.Errorf("%s: neither sources nor reference", f.ID)
		}
		seen := map[string]bool{}
		for _, s := range f.Sources {
			if !seen[s.Doc] {
				perDoc[s.Doc]++
			}
			seen[s.Doc] = true
		}
	}
	if len(perDoc) != 5 {
		t.Errorf("facts cite %d documents, want 5", len(perDoc))
	}
	for doc, n := range perDoc {
		if n < 8 {
			t.Errorf("%s is the source of %d facts, want at least 8", doc, n)
		}
	}
}

func TestAskContract(t *testing.T) {
	in := "korea russia trade 2016\nwhat is the capital of australia\n2016년 한러 교역액\n"
	out, errs, code := runCLI(t, in, "ask", "--json", "--lang", "en", "-")
	if code != 0 {
		t.Fatalf("batch ask: code %d, %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d result lines for 3 questions", len(lines))
	}
	type result struct {
		Question    string  `json:"question"`
		Answered    bool    `json:"answered"`
		Answer      string  `json:"answer"`
		FactID      string  `json:"fact_id"`
		Score       float64 `json:"score"`
		Lang        string  `json:"lang"`
		Suggestions []struct {
			FactID   string `json:"fact_id"`
			Question string `json:"question"`
		} `json:"suggestions"`
		Sources []struct{ Doc, Title, Quote string } `json:"sources"`
	}
	var rs []result
	for _, l := range lines {
		var r result
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		rs = append(rs, r)
	}
	if !rs[0].Answered || rs[0].FactID != "trade-volume-2016" || len(rs[0].Sources) == 0 || rs[0].Sources[0].Title == "" || rs[0].Lang != "en" {
		t.Errorf("first result: %+v", rs[0])
	}
	if rs[1].Answered || rs[1].FactID != "" || rs[1].Answer == "" {
		t.Errorf("second result must be an honest refusal: %+v", rs[1])
	}
	if rs[2].Question != "2016년 한러 교역액" || !rs[2].Answered || rs[2].Lang != "en" {
		t.Errorf("third result must keep order and answer in the requested language: %+v", rs[2])
	}
	if _, _, code := runCLI(t, "", "ask", "what is the capital of australia"); code != 1 {
		t.Errorf("an unanswered question exits %d, want 1", code)
	}
	if _, _, code := runCLI(t, "", "ask", "--lang", "fr", "x"); code != 2 {
		t.Errorf("a bad --lang exits %d, want 2", code)
	}
}
