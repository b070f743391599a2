package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// "ninebridges web" serves the site and /healthz with no Discord token,
// says where, and stops when interrupted.
func TestWebCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	var errb strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"web", "--addr", "127.0.0.1:0"}, strings.NewReader(""), outW, &syncWriter{b: &errb}, func(string) string { return "" })
		outW.Close()
	}()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v", err)
	}
	go io.Copy(io.Discard, outR)
	base := regexp.MustCompile(`http://[^/ ]+`).FindString(line)
	if base == "" {
		t.Fatalf("no URL in %q", line)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	for _, tt := range []struct {
		path, want string
	}{
		{"/", "<main"},
		{"/facts/trade-volume-2016?lang=ru", "Товарооборот"},
		{"/api/v1/ask?q=trade+volume+2016", `"fact_id":"trade-volume-2016"`},
		{"/healthz", "{"},
	} {
		resp, err := client.Get(base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), tt.want) {
			t.Errorf("%s: %d, want %q in %.200s", tt.path, resp.StatusCode, tt.want, body)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("web did not stop when interrupted")
	}
}

// A public URL must be an absolute http(s) address.
func TestPublicURLSetting(t *testing.T) {
	for _, bad := range []string{"ninebridges.example", "ftp://x.example", "https://x.example/?a=1", "/relative"} {
		if _, errs, code := runEnv(t, map[string]string{"NINEBRIDGES_PUBLIC_URL": bad}, "facts", "check"); code != 2 || !strings.Contains(errs, "public URL") {
			t.Errorf("%q: exit %d, %q", bad, code, errs)
		}
	}
	if out, errs, code := runEnv(t, map[string]string{"NINEBRIDGES_PUBLIC_URL": "https://nb.example/base/"}, "facts", "check"); code != 0 {
		t.Errorf("a good URL: exit %d, %q %q", code, out, errs)
	}
}

// syncWriter lets the command's goroutine and the test share a buffer.
type syncWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}
