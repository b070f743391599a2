package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// testCtx returns a context that ends with the test or after d.
func testCtx(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// mustOpen opens a session and fails the test on error.
func mustOpen(t *testing.T, sess *discordgo.Session) {
	t.Helper()
	if err := sess.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
}

// recv waits for a value on ch.
func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(3 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
	var zero T
	return zero
}

// interactions registers an INTERACTION_CREATE handler feeding a channel.
func interactions(sess *discordgo.Session) <-chan *discordgo.Interaction {
	ch := make(chan *discordgo.Interaction, 16)
	sess.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) { ch <- ic.Interaction })
	return ch
}

// messageCreates registers a MESSAGE_CREATE handler feeding a channel.
func messageCreates(sess *discordgo.Session) <-chan *discordgo.Message {
	ch := make(chan *discordgo.Message, 16)
	sess.AddHandler(func(_ *discordgo.Session, mc *discordgo.MessageCreate) { ch <- mc.Message })
	return ch
}

// restCode returns the HTTP status and Discord error code of a discordgo error.
func restCode(t *testing.T, err error) (int, int) {
	t.Helper()
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		t.Fatalf("want *discordgo.RESTError, got %T: %v", err, err)
	}
	code := 0
	if re.Message != nil {
		code = re.Message.Code
	}
	return re.Response.StatusCode, code
}

func decodeMap(t *testing.T, c Call) map[string]any {
	t.Helper()
	var m map[string]any
	if err := c.Decode(&m); err != nil {
		t.Fatalf("decode %s: %v", c, err)
	}
	return m
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
