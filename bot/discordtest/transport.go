package discordtest

import (
	"net/http"
	"net/url"
	"strings"
)

type rewriteTransport struct {
	origin *url.URL
	base   http.RoundTripper
}

// RewriteTransport returns an http.RoundTripper that sends every request to
// origin (e.g. [Server.URL]) instead of its own scheme and host, keeping the
// path and query: https://discord.com/api/v9/users/@me becomes
// http://127.0.0.1:PORT/api/v9/users/@me. Requests to any host are
// rewritten, so a test never reaches the real Discord (nor its CDN). A path
// in origin is prepended. base defaults to http.DefaultTransport. Use it as
// session.Client = &http.Client{Transport: RewriteTransport(srv.URL(), nil)}.
// It panics if origin is not an absolute URL.
func RewriteTransport(origin string, base http.RoundTripper) http.RoundTripper {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme == "" || u.Host == "" {
		panic("discordtest: RewriteTransport needs an absolute origin URL, got " + origin)
	}
	if base == nil {
		base = http.DefaultTransport
	}
	return &rewriteTransport{origin: u, base: base}
}

func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.URL.Scheme = t.origin.Scheme
	r.URL.Host = t.origin.Host
	r.Host = ""
	if p := strings.TrimSuffix(t.origin.Path, "/"); p != "" {
		r.URL.Path = p + r.URL.Path
		if r.URL.RawPath != "" {
			r.URL.RawPath = strings.TrimSuffix(t.origin.EscapedPath(), "/") + r.URL.RawPath
		}
	}
	return t.base.RoundTrip(r)
}
