package web

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

// limiter is a token bucket per client address. Its table is the only
// thing requests leave behind, and it is bounded: past its size the least
// recently seen client is forgotten (and starts again with a full bucket,
// which favours the many over one who cycles addresses).
type limiter struct {
	rate    rate.Limit
	burst   int
	mu      sync.Mutex // makes get-or-add one step
	clients *lru.Cache[string, *rate.Limiter]
}

func newLimiter(perSecond float64, burst, clients int) (*limiter, error) {
	c, err := lru.New[string, *rate.Limiter](clients)
	if err != nil {
		return nil, fmt.Errorf("web: rate limiter: %w", err)
	}
	return &limiter{rate: rate.Limit(perSecond), burst: burst, clients: c}, nil
}

// allow takes a token for client, or says how long until one is free.
func (l *limiter) allow(client string, now time.Time) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	lim, found := l.clients.Get(client)
	if !found {
		lim = rate.NewLimiter(l.rate, l.burst)
		l.clients.Add(client, lim)
	}
	l.mu.Unlock()
	r := lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// retryAfterSeconds is a Retry-After value: whole seconds, at least one.
func retryAfterSeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}

// HeaderClientIP reads the client's address from header, which a proxy in
// front of the site sets. Of a list ("X-Forwarded-For: a, b, c") the last
// address counts: it is the one the nearest proxy, which is ours, added;
// the earlier ones are whatever the client sent. Without a usable header
// the connection's address counts.
func HeaderClientIP(header string) func(*http.Request) string {
	return func(r *http.Request) string {
		vals := r.Header.Values(header)
		if len(vals) == 0 {
			return remoteIP(r)
		}
		parts := strings.Split(vals[len(vals)-1], ",")
		addr, err := netip.ParseAddr(strings.TrimSpace(parts[len(parts)-1]))
		if err != nil {
			return remoteIP(r)
		}
		return clientKey(addr)
	}
}

// remoteIP is the client address of a direct connection. IPv6 clients are
// limited per /64, the block one subscriber usually holds, so that one
// machine cannot take a fresh bucket per address.
func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	return clientKey(addr)
}

// clientKey is the limiter's key for an address: IPv6 by its /64.
func clientKey(addr netip.Addr) string {
	addr = addr.Unmap()
	if addr.Is6() {
		p, _ := addr.Prefix(64)
		return p.String()
	}
	return addr.String()
}

// limited takes a token for the request's client; when there is none it
// reports how long to wait.
func (s *Site) limited(r *http.Request) (wait time.Duration, over bool) {
	ok, d := s.limit.allow(s.clientIP(r), time.Now())
	return d, !ok
}
