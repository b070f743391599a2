package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Call is one recorded HTTP request to the server and the status it got.
type Call struct {
	Method string
	// Path is the full request path, e.g. "/api/v9/channels/123/messages".
	Path string
	// Route is Path without the "/api/vN" prefix, e.g. "/channels/123/messages".
	Route  string
	Query  url.Values
	Header http.Header // Authorization is replaced by "Bot [redacted]"
	Body   []byte
	// Status is the HTTP status the server answered.
	Status int
	// Response is the response body.
	Response []byte
	// Injected is true when the answer came from [Server.FailNext] or
	// [Server.InjectFault].
	Injected bool
	At       time.Time

	token string
}

// String describes the call without its body or token.
func (c Call) String() string {
	return fmt.Sprintf("%s %s -> %d", c.Method, c.Path, c.Status)
}

// Token returns the bot token (without "Bot ") the request was made with, or "".
func (c Call) Token() string { return c.token }

// IsMultipart reports whether the body is multipart/form-data (discordgo
// sends that when files are attached).
func (c Call) IsMultipart() bool {
	mt, _, _ := mime.ParseMediaType(c.Header.Get("Content-Type"))
	return mt == "multipart/form-data"
}

// JSONBody returns the JSON payload of the request: the body itself, or the
// payload_json part of a multipart body.
func (c Call) JSONBody() ([]byte, error) {
	payload, _, err := parseBody(c.Header.Get("Content-Type"), c.Body)
	return payload, err
}

// Decode unmarshals the JSON payload of the request (see [Call.JSONBody]) into v.
func (c Call) Decode(v any) error {
	payload, err := c.JSONBody()
	if err != nil {
		return err
	}
	if len(payload) == 0 {
		return errors.New("discordtest: request has no JSON payload")
	}
	return json.Unmarshal(payload, v)
}

// Multipart parses a multipart/form-data body into its payload_json part and
// its files (parts named "files[n]" or having a filename).
func (c Call) Multipart() (payloadJSON []byte, files []UploadedFile, err error) {
	if !c.IsMultipart() {
		return nil, nil, errors.New("discordtest: body is not multipart/form-data")
	}
	return parseBody(c.Header.Get("Content-Type"), c.Body)
}

// Files returns the files attached to a multipart request (nil otherwise).
func (c Call) Files() []UploadedFile {
	_, files, _ := parseBody(c.Header.Get("Content-Type"), c.Body)
	return files
}

// UploadedFile is a file part of a multipart request.
type UploadedFile struct {
	Field       string // form field name, e.g. "files[0]"
	Filename    string
	ContentType string
	Data        []byte
}

// parseBody returns the JSON payload and files of a JSON or multipart body.
func parseBody(contentType string, body []byte) ([]byte, []UploadedFile, error) {
	if ct := strings.TrimLeft(contentType, " \t"); len(ct) < 10 || !strings.EqualFold(ct[:10], "multipart/") {
		return body, nil, nil // not multipart/form-data, whatever its parameters
	}
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" {
		return body, nil, nil
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var payload []byte
	var files []UploadedFile
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("discordtest: bad multipart body: %w", err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case p.FormName() == "payload_json":
			payload = data
		case p.FileName() != "" || strings.HasPrefix(p.FormName(), "files["):
			ct := p.Header.Get("Content-Type")
			if ct == "" {
				ct = "application/octet-stream"
			}
			files = append(files, UploadedFile{Field: p.FormName(), Filename: p.FileName(), ContentType: ct, Data: data})
		}
	}
	return payload, files, nil
}

// Calls returns every recorded request, in arrival order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// CallsMatching returns the recorded requests for which match returns true.
func (s *Server) CallsMatching(match func(Call) bool) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if match(c) {
			out = append(out, c)
		}
	}
	return out
}

// WaitCall blocks until a recorded request (including ones recorded before
// the call) satisfies match, and returns the first such request.
func (s *Server) WaitCall(ctx context.Context, match func(Call) bool) (Call, error) {
	var found Call
	err := s.waitFor(ctx, func() bool {
		for _, c := range s.calls {
			if match(c) {
				found = c
				return true
			}
		}
		return false
	})
	return found, err
}

// WaitCalls blocks until n recorded requests satisfy match and returns them.
func (s *Server) WaitCalls(ctx context.Context, n int, match func(Call) bool) ([]Call, error) {
	var found []Call
	err := s.waitFor(ctx, func() bool {
		found = found[:0]
		for _, c := range s.calls {
			if match(c) {
				found = append(found, c)
			}
		}
		return len(found) >= n
	})
	return found, err
}

// LastToken returns the bot token (without "Bot ") of the last authenticated
// REST request or IDENTIFY/RESUME.
func (s *Server) LastToken() string {
	if tok := s.lastToken.Load(); tok != nil {
		return *tok
	}
	return ""
}

// MatchRoute returns a matcher for calls with the given method ("" for any)
// whose Route (path without "/api/vN") or Path starts with prefix.
func MatchRoute(method, prefix string) func(Call) bool {
	return func(c Call) bool {
		if method != "" && !strings.EqualFold(method, c.Method) {
			return false
		}
		return strings.HasPrefix(c.Route, prefix) || strings.HasPrefix(c.Path, prefix)
	}
}

// MatchRouteRegexp returns a matcher for calls with the given method ("" for
// any) whose Route matches the regular expression, e.g.
// `^/interactions/\d+/[^/]+/callback$`.
func MatchRouteRegexp(method, expr string) func(Call) bool {
	re := regexp.MustCompile(expr)
	return func(c Call) bool {
		if method != "" && !strings.EqualFold(method, c.Method) {
			return false
		}
		return re.MatchString(c.Route)
	}
}

// MatchOK wraps a matcher to only accept calls answered with a 2xx status.
func MatchOK(match func(Call) bool) func(Call) bool {
	return func(c Call) bool { return c.Status >= 200 && c.Status < 300 && match(c) }
}

// Forget drops what the server has recorded of finished work — calls,
// gateway payloads, acknowledged interactions and the messages they made —
// so that a soak test measures the memory of the bot under test, not of
// the fake that records everything.
func (s *Server) Forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls, s.payloads = nil, nil
	gone := map[string]bool{}
	for id, rec := range s.interactions {
		if !rec.acked {
			continue
		}
		delete(s.interactions, id)
		for _, m := range append([]string{rec.originalID}, rec.followups...) {
			if m != "" {
				gone[m] = true
				delete(s.messages, m)
			}
		}
	}
	for tok, id := range s.webhookToks {
		if s.interactions[id] == nil {
			delete(s.webhookToks, tok)
		}
	}
	for _, ch := range s.channels {
		ch.msgs = slices.Clone(slices.DeleteFunc(ch.msgs, func(m string) bool { return gone[m] }))
	}
	// A Go map keeps its buckets after deletes: copy the survivors so
	// that what was forgotten is freed.
	s.interactions, s.webhookToks, s.messages = fresh(s.interactions), fresh(s.webhookToks), fresh(s.messages)
	// A resume replays what the client missed, never much: keep the
	// last frames of each session, as Discord keeps a short buffer.
	const keep = 100
	for _, sess := range s.sessions {
		if n := len(sess.log); n > keep {
			sess.log = slices.Clone(sess.log[n-keep:])
		}
	}
}

// fresh copies m into a map sized for what it holds now (maps.Clone keeps
// the old size).
func fresh[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	maps.Copy(out, m)
	return out
}
