package bot

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// discordOrigin is where discordgo sends every REST request.
const discordOrigin = "discord.com"

// originTransport sends requests for https://discord.com to another origin
// with the same paths: a REST rate-limit proxy, or a test server. It is set
// per session rather than by rewriting discordgo's package-level endpoint
// strings, which are computed once and shared by everything in the process.
type originTransport struct {
	to   *url.URL
	base http.RoundTripper
}

func newOriginTransport(origin string, base http.RoundTripper) (http.RoundTripper, error) {
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("NINEBRIDGES_DISCORD_URL %q: want an origin such as https://proxy.example:8080", origin)
	}
	if base == nil {
		base = http.DefaultTransport
	}
	return &originTransport{to: u, base: base}, nil
}

func (t *originTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != discordOrigin {
		return t.base.RoundTrip(r)
	}
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = t.to.Scheme, t.to.Host
	r.Host = t.to.Host
	return t.base.RoundTrip(r)
}

// realURL names, in an error from a request sent through the session's
// client, the URL the request really went to: the http.Client reports the
// one discordgo built (https://discord.com/…), which would send whoever
// reads the error to the wrong host.
func realURL(client *http.Client, err error) error {
	t, ok := client.Transport.(*originTransport)
	var ue *url.Error
	if !ok || !errors.As(err, &ue) {
		return err
	}
	if u, perr := url.Parse(ue.URL); perr == nil && u.Host == discordOrigin {
		u.Scheme, u.Host = t.to.Scheme, t.to.Host
		ue.URL = u.String()
	}
	return err
}
