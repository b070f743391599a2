package bot

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

// TestProxyConnectionsReused: bursts of answers through a REST proxy
// reuse the connections of the burst before, rather than dialling one for
// most requests as two idle connections a host would.
func TestProxyConnectionsReused(t *testing.T) {
	var dialled atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "{}") }))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			dialled.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	rt, err := newOriginTransport(srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: rt}
	const burst, bursts = 16, 5
	for range bursts {
		var wg sync.WaitGroup
		for range burst {
			wg.Go(func() {
				resp, err := client.Get("https://discord.com/api/v10/gateway")
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			})
		}
		wg.Wait()
	}
	if n := dialled.Load(); n > burst {
		t.Errorf("%d connections dialled for %d bursts of %d requests, want at most %d", n, bursts, burst, burst)
	}
}
