package bot

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"
)

// GatewayCheck reports whether the bot's gateway connection is up.
func (b *Bot) GatewayCheck() Check {
	return Check{Name: "gateway", Fn: func(context.Context) error {
		if !b.Connected() {
			return errors.New("gateway not connected")
		}
		return nil
	}}
}

// healthHandler answers 200 when every check passes and 503 otherwise, with
// a JSON body saying which failed, so a container orchestrator and a person
// both get what they need.
func healthHandler(checks ...Check) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		status := map[string]string{}
		code := http.StatusOK
		for _, c := range checks {
			if err := c.Fn(ctx); err != nil {
				status[c.Name] = err.Error()
				code = http.StatusServiceUnavailable
			} else {
				status[c.Name] = "ok"
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(status)
	})
}

// HTTPHandler serves /healthz and /metrics.
func HTTPHandler(m *Metrics, checks ...Check) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", healthHandler(checks...))
	if m != nil {
		mux.Handle("GET /metrics", m.Handler())
	}
	return mux
}
