package reminders

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
	"github.com/ninebridges/ninebridges/store"
)

// Delivery: claim the (subscription, day) in the store, send it with its
// nonces, record it. See the package comment in scheduler.go for why each
// step is there.

func (s *Scheduler) deliverLogged(ctx context.Context, sub store.Subscription, day string) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Lease)
	defer cancel()
	settled, err := s.deliver(ctx, sub, day)
	if settled {
		s.settle(sub.ID, day)
	}
	if err != nil && ctx.Err() == nil {
		s.log.Warn("scheduled post not sent yet; will retry", "subscription", sub.ID, "channel", sub.ChannelID, "date", day, "err", err)
	}
}

// deliver posts subscription sub's message for the local date day, at most
// once however often it is called, by however many processes. It reports
// whether the day is settled for this subscription (sent, given up, or
// nothing to post), and returns an error for a failure worth retrying
// later, when the claim's lease has run out.
func (s *Scheduler) deliver(ctx context.Context, sub store.Subscription, day string) (bool, error) {
	date, err := store.ParseLocalDate(day)
	if err != nil {
		return false, err
	}
	parts := Render(s.cfg.Base, ReminderFor(sub, date))
	if len(parts) == 0 {
		return true, nil // never an empty message
	}
	d, ok, err := s.cfg.Store.ClaimDelivery(ctx, sub.ID, day, s.owner, s.cfg.Now(), s.cfg.Lease)
	switch {
	case errors.Is(err, store.ErrSubscriptionDisabled) || errors.Is(err, store.ErrNotFound):
		s.remove(sub.ID)
		return true, nil
	case err != nil:
		return false, fmt.Errorf("claiming the delivery: %w", err)
	case !ok:
		// Sent or given up: settled. Pending: another sender holds the
		// claim; if it crashed, a later pass takes over.
		return d.State != store.DeliveryPending, nil
	}
	log := s.log.With("subscription", sub.ID, "guild", sub.GuildID, "channel", sub.ChannelID, "date", day, "attempt", d.Attempts)
	if d.Attempts > s.cfg.MaxAttempts {
		reason := fmt.Sprintf("gave up after %d attempts", d.Attempts-1)
		log.Error("scheduled post given up", "reason", reason)
		return true, s.markFailed(ctx, sub, day, reason)
	}
	var earlier []string
	if d.Attempts > 1 {
		// An earlier attempt may have posted and died before recording
		// it, longer ago than Discord remembers nonces.
		if earlier, err = s.postedEarlier(ctx, sub.ChannelID, day, parts); err != nil {
			log.Warn("cannot look for an earlier post; resending with the same nonces", "err", err)
			earlier = nil
		}
	}
	var first string
	for i, m := range parts {
		if i < len(earlier) && earlier[i] != "" {
			if i == 0 {
				first = earlier[i]
			}
			log.Info("scheduled post found in the channel; not sent again", "message", earlier[i], "part", i)
			continue
		}
		id, err := s.post(ctx, sub.ChannelID, m, store.MessageNonce(sub.ID, day, i))
		if err == nil {
			if i == 0 {
				first = id
			}
			continue
		}
		switch kind, reason := classify(err); kind {
		case errGone:
			s.pause(ctx, sub, day, reason, log)
			return true, nil
		case errPermanent:
			// Our message is at fault (Discord refused its form): retrying
			// would fail the same way all day.
			log.Error("scheduled post refused", "err", err)
			return true, s.markFailed(ctx, sub, day, reason)
		default:
			// Left pending: the lease runs out and a later pass resends
			// the same nonces, so parts already posted are not repeated.
			return false, fmt.Errorf("posting: %w", err)
		}
	}
	if err := s.cfg.Store.MarkSent(ctx, sub.ID, day, first, s.cfg.Now()); err != nil {
		// The post is out. When the lease runs out a later pass resends
		// it with the same nonce, which Discord drops, and records it.
		return false, fmt.Errorf("recording the post: %w", err)
	}
	s.count("posted")
	log.Info("scheduled post sent", "message", first, "messages", len(parts))
	return true, nil
}

// count records a post's outcome, when there are metrics to record it.
func (s *Scheduler) count(outcome string) {
	if s.cfg.Metrics != nil {
		s.cfg.Metrics.Reminder(outcome)
	}
}

func (s *Scheduler) markFailed(ctx context.Context, sub store.Subscription, day, reason string) error {
	s.count("failed")
	if err := s.cfg.Store.MarkFailed(ctx, sub.ID, day, reason, s.cfg.Now()); err != nil {
		return fmt.Errorf("recording the failure: %w", err)
	}
	return nil
}

// pause disables a subscription whose channel is gone or closed to the
// bot: no retries, which would fail the same way every day. The member who
// set it up is told by DM, since the channel itself cannot be written to
// and the bot may not write anywhere else on the server; /reminders list
// shows the reason, and subscribing again resumes it.
func (s *Scheduler) pause(ctx context.Context, sub store.Subscription, day, reason string, log *slog.Logger) {
	log.Warn("scheduled posts paused: cannot post in the channel", "reason", reason)
	s.count("disabled")
	if err := s.cfg.Store.DisableSubscription(ctx, sub.ID, reason); err != nil && !errors.Is(err, store.ErrNotFound) {
		log.Error("disabling the subscription", "err", err)
	}
	if err := s.markFailed(ctx, sub, day, reason); err != nil {
		log.Error("recording the failure", "err", err)
	}
	s.remove(sub.ID)
	if sub.CreatedBy == "" {
		return
	}
	lang, err := facts.ParseLang(sub.Lang)
	if err != nil {
		lang = facts.EN
	}
	if err := s.dm(ctx, sub.CreatedBy, disabledNotice(lang, sub.ChannelID, reason)); err != nil {
		// Many members do not accept DMs; the log and /reminders list
		// still say why.
		log.Info("could not tell the subscriber", "user", sub.CreatedBy, "err", err)
	}
}

func (s *Scheduler) discordOf() (Discord, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.discord == nil {
		return nil, errors.New("scheduler not started: no way to Discord")
	}
	return s.discord, nil
}

func (s *Scheduler) dm(ctx context.Context, userID, text string) error {
	d, err := s.discordOf()
	if err != nil {
		return err
	}
	return d.DM(ctx, userID, &discordgo.MessageSend{Content: text})
}

// post sends one message with its nonce, retrying transient failures with
// backoff that honours both Retry-After and shutdown.
func (s *Scheduler) post(ctx context.Context, channelID string, m *discordgo.MessageSend, nonce string) (string, error) {
	d, err := s.discordOf()
	if err != nil {
		return "", err
	}
	wait := s.cfg.Backoff
	for attempt := 0; ; attempt++ {
		id, err := d.Post(ctx, channelID, m, nonce)
		if err == nil {
			return id, nil
		}
		if kind, _ := classify(err); kind != errTransient || attempt >= s.cfg.Retries || ctx.Err() != nil {
			return "", err
		}
		pause := wait
		var rl *discordgo.RateLimitError
		if errors.As(err, &rl) && rl.RateLimit != nil && rl.TooManyRequests != nil && rl.RetryAfter > pause {
			pause = rl.RetryAfter
		}
		select {
		case <-ctx.Done():
			return "", err
		case <-time.After(pause):
		}
		wait *= 2
	}
}

type errKind int

const (
	errTransient errKind = iota // retry: 429, 5xx, 401, the network
	errGone                     // 404 or 403 on the channel: pause the subscription
	errPermanent                // another 4xx: this message will never go through
)

// classify sorts a REST error, with a short reason for the delivery log.
// A 401 is transient: it means the token is wrong for every channel, which
// is no reason to pause any one subscription.
func classify(err error) (errKind, string) {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		code := re.Response.StatusCode
		msg := http.StatusText(code)
		if re.Message != nil && re.Message.Message != "" {
			msg = re.Message.Message
		}
		reason := fmt.Sprintf("%s (%d)", strings.ToLower(msg), code)
		switch {
		case code == http.StatusNotFound, code == http.StatusForbidden:
			return errGone, reason
		case code == http.StatusTooManyRequests, code >= 500, code == http.StatusUnauthorized:
			return errTransient, reason
		case code >= 400:
			return errPermanent, reason
		}
	}
	return errTransient, err.Error()
}
