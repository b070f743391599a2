package bot

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// discordgo v0.29.0 answers every read error on the gateway, including a
// close frame Discord sends to say "reconnect and resume" (1001, 4000…),
// and every missed heartbeat ACK, by closing the socket with code 1000
// before it reconnects. Code 1000 tells Discord the session is over, so the
// RESUME that follows gets INVALID_SESSION, the bot identifies anew, and
// every interaction dispatched in between is lost.
//
// discordgo's reconnect loop is otherwise sound, so rather than replace it
// the bot dials the gateway itself and, until it is shutting down, rewrites
// the code of an outgoing 1000 or 1001 close frame to 4000, which Discord
// treats as a resumable disconnect. A close the bot means (Bot.Close) goes
// out unchanged, so Discord shows it offline at once.

// resumeCloseCode replaces 1000 and 1001 in a close the bot did not mean.
const resumeCloseCode = 4000

// gatewayDialer dials the gateway through keepSession connections. With a
// proxy in the environment it returns nil (discordgo's default dialer),
// because gorilla/websocket does its own TLS after a proxy's CONNECT and
// the close frame would be encrypted by then.
func gatewayDialer(shuttingDown *atomic.Bool) *websocket.Dialer {
	if req, err := http.NewRequest(http.MethodGet, "https://gateway.discord.gg/", nil); err == nil {
		if u, _ := http.ProxyFromEnvironment(req); u != nil {
			return nil
		}
	}
	nd := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	wrap := func(c net.Conn) net.Conn { return &keepSession{Conn: c, shuttingDown: shuttingDown} }
	return &websocket.Dialer{
		HandshakeTimeout: 45 * time.Second,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := nd.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return wrap(c), nil
		},
		// TLS is done here, below the wrapper, so that the wrapper sees the
		// websocket frames in the clear.
		NetDialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := nd.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				c.Close()
				return nil, err
			}
			tc := tls.Client(c, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
			if err := tc.HandshakeContext(ctx); err != nil {
				c.Close()
				return nil, err
			}
			return wrap(tc), nil
		},
	}
}

// keepSession is a gateway connection that keeps discordgo from ending a
// session it is about to resume.
type keepSession struct {
	net.Conn
	shuttingDown *atomic.Bool
}

func (c *keepSession) Write(p []byte) (int, error) {
	if !c.shuttingDown.Load() {
		p = resumableClose(p)
	}
	return c.Conn.Write(p)
}

// resumableClose returns p with the code of a client close frame carrying
// 1000 or 1001 replaced by resumeCloseCode, and p itself otherwise.
// gorilla/websocket writes a control frame in one Write; a client frame is
// always masked (RFC 6455 §5.3), so the code is unmasked, compared and
// masked again with the frame's own key.
func resumableClose(p []byte) []byte {
	const finClose, maskBit = 0x88, 0x80
	if len(p) < 8 || p[0] != finClose || p[1]&maskBit == 0 {
		return p
	}
	n := int(p[1] &^ maskBit)
	if n < 2 || n > 125 || len(p) < 6+n {
		return p
	}
	key := p[2:6]
	code := uint16(p[6]^key[0])<<8 | uint16(p[7]^key[1])
	if code != websocket.CloseNormalClosure && code != websocket.CloseGoingAway {
		return p
	}
	q := append([]byte(nil), p...)
	q[6] = byte(resumeCloseCode>>8) ^ key[0]
	q[7] = byte(resumeCloseCode&0xff) ^ key[1]
	return q
}
