package bot

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// sweepAtLeast is the size below which userLimits never sweeps.
const sweepAtLeast = 1024

// userLimits holds the flood limiter of each user who asks in free text.
// It stays bounded: once it holds sweepAt users, the next new user first
// drops every user whose bucket has refilled to the full burst. Such a
// user's limiter is indistinguishable from a new one (and their notice
// flag is moot: a full bucket serves their next message, which clears it),
// so forgetting them changes nothing. The next sweep waits until the map
// has doubled from what survived, so sweeping costs O(1) per new user, and
// the map never holds much more than twice the users active within one
// refill time (Burst/PerUser, ten seconds by default), or sweepAtLeast.
type userLimits struct {
	every rate.Limit
	burst int
	now   func() time.Time

	mu      sync.Mutex
	m       map[string]*userLimit // user id → limiter
	sweepAt int                   // sweep when a new user arrives and len(m) >= sweepAt; 0 means sweepAtLeast
	minimum int                   // sweepAt's floor; 0 means sweepAtLeast (tests lower it)
}

type userLimit struct {
	lim      *rate.Limiter
	notified bool // told about the limit since they were last served
}

// admit takes one message from user: ok when it may be answered, and
// otherwise notify when this is the first refusal since the user was last
// served.
func (u *userLimits) admit(user string) (ok, notify bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	now := u.now()
	ul := u.m[user]
	if ul == nil {
		if u.m == nil {
			u.m = make(map[string]*userLimit)
		}
		u.sweepLocked(now)
		ul = &userLimit{lim: rate.NewLimiter(u.every, u.burst)}
		u.m[user] = ul
	}
	if ul.lim.AllowN(now, 1) {
		ul.notified = false
		return true, false
	}
	notify = !ul.notified
	ul.notified = true
	return false, notify
}

func (u *userLimits) sweepLocked(now time.Time) {
	floor := u.minimum
	if floor <= 0 {
		floor = sweepAtLeast
	}
	if u.sweepAt < floor {
		u.sweepAt = floor
	}
	if len(u.m) < u.sweepAt {
		return
	}
	for id, ul := range u.m {
		if ul.lim.TokensAt(now) >= float64(ul.lim.Burst()) {
			delete(u.m, id)
		}
	}
	u.sweepAt = max(floor, 2*len(u.m))
}

// len is how many users are held.
func (u *userLimits) len() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return len(u.m)
}
