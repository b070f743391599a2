package bot

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Answering an interaction goes through the functions here rather than
// Session.InteractionRespond and Session.InteractionResponseEdit. Those
// name their rate-limit bucket after the request URL, which carries the
// interaction's id and token, and discordgo's RateLimiter never forgets a
// bucket: every interaction answered would leave one behind for good
// (bwmarrin/discordgo#1333). Discord limits these routes per interaction
// (per webhook token), so each call here gets a bucket of its own, made for
// it and dropped with it: nothing accumulates in s.Ratelimiter, and no
// interaction waits on another's bucket (discordgo holds a bucket's lock
// for the whole request, so a shared one would queue every answer behind
// the one before it).
//
// The request itself is discordgo's: RequestWithLockedBucket sets the
// token and headers, releases the bucket with the response's headers,
// waits out a 429 and retries it (emitting the RateLimit event the metrics
// count), and retries a 502 up to s.MaxRestRetries (a 500 or a 503 is
// retried here, see request), relocking the same
// bucket through s.Ratelimiter.LockBucketObject, which also honours a
// global rate limit set on the session. A global limit reported on one of
// these responses is recorded on the private bucket only: Discord does not
// bind interaction endpoints to the global limit.

// Route templates the private buckets are named after, for logs.
const (
	callbackBucket = "POST /interactions/{id}/{token}/callback"
	editBucket     = "PATCH /webhooks/{application}/{token}/messages/@original"
)

// request sends one REST request through a fresh bucket that s.Ratelimiter
// does not keep. Discord answers a transient 500 or 503 now and then, and
// discordgo retries only a 502: those are retried here too, with a short
// back-off, as long as the next try can land before deadline.
func request(s *discordgo.Session, method, url, contentType string, body []byte, bucketKey string, deadline time.Time) ([]byte, error) {
	backoff := 50 * time.Millisecond
	for attempt := 1; ; attempt++ {
		// A throwaway RateLimiter, not a bare &discordgo.Bucket{}: only it
		// can give the bucket the global counter Release writes to when a
		// response says the limit is global (a bare bucket's is nil and
		// would panic).
		bucket := discordgo.NewRatelimiter().GetBucket(bucketKey)
		resp, err := s.RequestWithLockedBucket(method, url, contentType, body, s.Ratelimiter.LockBucketObject(bucket), 0)
		var re *discordgo.RESTError
		if err == nil || !errors.As(err, &re) || re.Response == nil ||
			re.Response.StatusCode != http.StatusInternalServerError && re.Response.StatusCode != http.StatusServiceUnavailable ||
			attempt >= maxServerErrorTries || time.Now().Add(backoff).After(deadline) {
			return resp, err
		}
		time.Sleep(backoff)
		backoff *= 2
	}
}

// maxServerErrorTries bounds the tries of a request Discord answers with
// 500 or 503.
const maxServerErrorTries = 4

// callbackDeadline is when Discord stops taking the first response to an
// interaction: 3 seconds after it was created (its id says when), less a
// margin for the request itself.
func callbackDeadline(i *discordgo.Interaction) time.Time {
	created, err := discordgo.SnowflakeTimestamp(i.ID)
	if err != nil || time.Since(created) > time.Minute || time.Until(created) > time.Minute {
		created = time.Now() // an id that does not say: assume it is fresh
	}
	return created.Add(3*time.Second - 250*time.Millisecond)
}

// interactionRespond is s.InteractionRespond(i, resp) through a private
// bucket.
func interactionRespond(s *discordgo.Session, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	url := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		contentType, body, err := discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
		if err != nil {
			return err
		}
		_, err = request(s, "POST", url, contentType, body, callbackBucket, callbackDeadline(i))
		return err
	}
	body, err := discordgo.Marshal(*resp)
	if err != nil {
		return err
	}
	_, err = request(s, "POST", url, "application/json", body, callbackBucket, callbackDeadline(i))
	return err
}

// interactionResponseEdit is s.InteractionResponseEdit(i, edit) through a
// private bucket.
func interactionResponseEdit(s *discordgo.Session, i *discordgo.Interaction, edit *discordgo.WebhookEdit) (*discordgo.Message, error) {
	url := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	var (
		contentType = "application/json"
		body        []byte
		err         error
	)
	if len(edit.Files) > 0 {
		contentType, body, err = discordgo.MultipartBodyWithJSON(edit, edit.Files)
	} else {
		body, err = discordgo.Marshal(edit)
	}
	if err != nil {
		return nil, err
	}
	// An edit may land for 15 minutes; a few seconds of retries suffice.
	resp, err := request(s, "PATCH", url, contentType, body, editBucket, time.Now().Add(10*time.Second))
	if err != nil {
		return nil, err
	}
	var m *discordgo.Message
	if err := discordgo.Unmarshal(resp, &m); err != nil {
		return nil, fmt.Errorf("%w: %s", discordgo.ErrJSONUnmarshal, err) // as discordgo's own
	}
	return m, nil
}
