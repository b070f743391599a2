package bot

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/ninebridges/ninebridges/bot/discordtest"
)

// clientClose is a masked close frame as gorilla/websocket writes it.
func clientClose(code int, reason string, key [4]byte) []byte {
	payload := binary.BigEndian.AppendUint16(nil, uint16(code))
	payload = append(payload, reason...)
	frame := []byte{0x88, 0x80 | byte(len(payload))}
	frame = append(frame, key[:]...)
	for i, b := range payload {
		frame = append(frame, b^key[i%4])
	}
	return frame
}

func closeCode(t *testing.T, frame []byte) (int, string) {
	t.Helper()
	key := frame[2:6]
	payload := make([]byte, len(frame)-6)
	for i := range payload {
		payload[i] = frame[6+i] ^ key[i%4]
	}
	return int(binary.BigEndian.Uint16(payload)), string(payload[2:])
}

func TestResumableClose(t *testing.T) {
	key := [4]byte{0x12, 0x34, 0x56, 0x78}
	for _, c := range []struct {
		code, want int
	}{
		{websocket.CloseNormalClosure, resumeCloseCode},
		{websocket.CloseGoingAway, resumeCloseCode},
		{websocket.CloseServiceRestart, websocket.CloseServiceRestart},
		{4000, 4000},
	} {
		for _, reason := range []string{"", "bye"} {
			in := clientClose(c.code, reason, key)
			orig := bytes.Clone(in)
			out := resumableClose(in)
			if got, r := closeCode(t, out); got != c.want || r != reason {
				t.Errorf("close %d %q became %d %q, want %d", c.code, reason, got, r, c.want)
			}
			if !bytes.Equal(in, orig) {
				t.Errorf("close %d: the caller's buffer was changed", c.code)
			}
		}
	}
	// Anything but a masked close frame goes out as it is.
	text := []byte{0x81, 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2}
	for _, p := range [][]byte{text, {0x88}, {0x88, 0x00, 0x03, 0xe8}, nil} {
		if out := resumableClose(p); !bytes.Equal(out, p) {
			t.Errorf("%x became %x", p, out)
		}
	}
}

func FuzzResumableClose(f *testing.F) {
	f.Add(clientClose(1000, "", [4]byte{1, 2, 3, 4}))
	f.Add([]byte{0x88, 0x85, 0, 0, 0, 0, 3})
	f.Fuzz(func(t *testing.T, p []byte) {
		out := resumableClose(p)
		if len(out) != len(p) {
			t.Fatalf("length %d became %d", len(p), len(out))
		}
	})
}

// A gateway that Discord closes in a way that allows a resume is resumed:
// of a thousand interactions in flight, none is lost. Closes that end the
// session (4007, 4009) lose what Discord dispatched to the dead session,
// as on Discord, and the bot identifies anew and serves what follows.
func TestGatewayClosesLoseNoInteraction(t *testing.T) {
	if testing.Short() {
		t.Skip("a thousand interactions a close code")
	}
	const n, closeAt = 1000, 300
	cases := []struct {
		code   int // 0: the connection drops without a close frame (1006)
		resume bool
	}{
		{1001, true}, {0, true}, {4000, true}, {4001, true}, {4002, true}, {4003, true}, {4005, true}, {4008, true},
		{4007, false}, {4009, false},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.code), func(t *testing.T) {
			deadline := 3 * time.Second
			if raceDetector {
				deadline = 30 * time.Second
			}
			srv := discordtest.NewServer(t, discordtest.WithInteractionDeadline(deadline))
			newTestBot(t, srv, testRouter(t), Config{PerUser: 1e9, Burst: 1 << 20})
			if err := srv.WaitHeartbeats(ctxT(t), 1); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for k := range n {
				if k == closeAt {
					if c.code == 0 {
						srv.DropConnections()
					} else {
						srv.CloseConnections(c.code, "test")
					}
				}
				ids = append(ids, srv.SendInteraction(srv.SlashCommand("about")).ID)
			}
			// Past the interaction deadline, an unanswered interaction is
			// lost for good; a resumed session answers well within it.
			wait := 20 * time.Second
			if !c.resume {
				wait = 5 * time.Second
			}
			if raceDetector {
				wait *= 3
			}
			ctx, cancel := context.WithTimeout(context.Background(), wait)
			defer cancel()
			lost := 0
			for _, id := range ids {
				if rec, ok := srv.Interaction(id); !ok || !rec.Acknowledged {
					if _, err := srv.WaitAcknowledged(ctx, id); err != nil {
						lost++
					}
				}
			}
			t.Logf("close %d: %d of %d lost; %d identifies, %d resumes", c.code, lost, n, srv.Identifies(), srv.Resumes())
			if c.resume {
				if lost > 0 || srv.Resumes() != 1 || srv.Identifies() != 1 {
					t.Errorf("lost %d of %d; %d resumes and %d identifies, want 1 and 1", lost, n, srv.Resumes(), srv.Identifies())
				}
				return
			}
			if lost > n-closeAt {
				t.Errorf("lost %d, more than the %d dispatched after the session ended", lost, n-closeAt)
			}
			if err := srv.WaitIdentifies(ctxT(t), 2); err != nil {
				t.Fatalf("no new session: %v", err)
			}
			if err := srv.WaitReadies(ctxT(t), 2); err != nil {
				t.Fatal(err)
			}
			after := srv.SendInteraction(srv.SlashCommand("about"))
			if _, err := srv.WaitAcknowledged(ctxT(t), after.ID); err != nil {
				t.Errorf("not served after a new session: %v", err)
			}
		})
	}
}

// Shutting down still ends the session, so Discord shows the bot offline
// at once instead of waiting for a resume.
func TestShutdownEndsSession(t *testing.T) {
	srv := discordtest.NewServer(t)
	b := newTestBot(t, srv, testRouter(t), Config{})
	if err := srv.WaitHeartbeats(ctxT(t), 1); err != nil {
		t.Fatal(err)
	}
	if len(srv.Sessions()) != 1 {
		t.Fatalf("%d sessions", len(srv.Sessions()))
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(srv.Sessions()) != 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if s := srv.Sessions(); len(s) != 0 {
		t.Errorf("the session outlived the shutdown: %+v", s)
	}
}
