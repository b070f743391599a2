package sqlite

import "time"

// SetIntegrityEvery makes Ping run its integrity check as often as the
// test needs, until the returned func restores the default.
func SetIntegrityEvery(d time.Duration) (restore func()) {
	old := integrityEvery
	integrityEvery = d
	return func() { integrityEvery = old }
}
