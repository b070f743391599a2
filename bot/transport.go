package bot

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// maxIdlePerHost is how many idle connections to a REST proxy are kept:
// about as many as answers the bot sends at once under load.
const maxIdlePerHost = 64

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
		// A REST proxy usually speaks HTTP/1.1, one request a connection
		// at a time: with the default two idle connections a host, a
		// burst of answers would dial and close a connection for most of
		// them. (discord.com itself speaks HTTP/2, over one connection.)
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = maxIdlePerHost
		base = t
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
