package open

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The message for a data directory the bot cannot write names the
// directory, its owner and mode, the bot's uid, and the chown to run.
// (The real refusal, a root-owned bind mount under the image's non-root
// user, is checked by container/check.sh in CI: this process may be root,
// which writes anywhere.)
func TestNotWritableSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = notWritable("/data", info, 65532, 65532)
	if !errors.Is(err, ErrNotWritable) {
		t.Fatalf("%v is not ErrNotWritable", err)
	}
	uid, gid, _ := ownerOf(info)
	for _, want := range []string{"/data", "owned by " + itoa(uid) + ":" + itoa(gid), "mode d", "uid 65532", "chown 65532:65532 /data"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	// A directory that can be written passes, and is left as it was.
	if err := checkWritable(dir); err != nil {
		t.Errorf("a writable directory: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the check left %d files behind", len(entries))
	}
}

func itoa(n uint32) string { return strconv.FormatUint(uint64(n), 10) }
