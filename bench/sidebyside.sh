#!/usr/bin/env bash
# sidebyside.sh REV [ROUNDS]: the throughput and process benchmarks of the
# working tree and of revision REV, in one run, alternating the two so that
# both see the same machine. Each tree's test binaries are built once.
#
#   bench/sidebyside.sh 7c69b91 4
#
# Prints one line a benchmark run, prefixed with "before" (REV) or "now".
set -euo pipefail
rev=${1:?usage: bench/sidebyside.sh REV [ROUNDS]}
rounds=${2:-4}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add -q --detach "$work/before" "$rev"
for v in before now; do
	dir=$root
	[ "$v" = before ] && dir=$work/before
	(cd "$dir" && go test -c -o "$work/bot.$v.test" ./bot/ && go test -c -o "$work/cmd.$v.test" ./cmd/ninebridges/)
done
run() { # version dir binary benchmark benchtime
	(cd "$2" && "$work/$3.$1.test" -test.run '^$' -test.bench "$4" -test.benchtime "$5" 2>&1 | grep '^Benchmark' | sed "s/^/$1 /")
}
for _ in $(seq "$rounds"); do
	for v in before now; do
		dir=$root/bot
		[ "$v" = before ] && dir=$work/before/bot
		run "$v" "$dir" bot '^BenchmarkHTTP/ninebridges$' 6000x
		run "$v" "$dir" bot '^BenchmarkHTTP/floor$' 6000x
		run "$v" "$dir" bot '^BenchmarkInteractions$' 3000x
		run "$v" "$dir" bot '^BenchmarkFloor$' 3000x
	done
done
for _ in $(seq 3); do
	for v in before now; do
		dir=$root/cmd/ninebridges
		[ "$v" = before ] && dir=$work/before/cmd/ninebridges
		run "$v" "$dir" cmd '^BenchmarkProcess$' 5x
	done
done
