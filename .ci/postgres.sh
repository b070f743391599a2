# shellcheck shell=bash
# Starts a throw-away PostgreSQL server for the store/postgres contract tests
# and exports NINEBRIDGES_TEST_POSTGRES for them.
#
#   source .ci/postgres.sh && go test -race ./store/...
#
# Meant to be SOURCED (so the export reaches the caller) on a Debian machine,
# as root or as a user who can run PostgreSQL's binaries:
#   - installs the server from Debian's packages if no
#     /usr/lib/postgresql/*/bin/initdb exists (root only), without creating
#     or starting the distribution's own cluster;
#   - initdb's a cluster in a fresh temporary directory (trust auth, fsync
#     off: the data is thrown away), listening on 127.0.0.1 only, on a free
#     port, with its socket in a temporary directory;
#   - creates the database ninebridges_test and exports
#     NINEBRIDGES_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/ninebridges_test?sslmode=disable
#   - stops the server and deletes it when the sourcing shell exits (if that
#     shell has no EXIT trap of its own; otherwise call ninebridges_pg_stop).
#
# Sourcing it again in the same shell reuses the running server. It never
# exits the caller's shell and changes none of its options: failures print
# a message and return 1.

ninebridges_pg_stop() {
	if [[ -n ${NINEBRIDGES_PG_DATA:-} && -d $NINEBRIDGES_PG_DATA ]]; then
		_nb_pg_as_owner "$NINEBRIDGES_PG_BIN/pg_ctl" -D "$NINEBRIDGES_PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
		rm -rf -- "$NINEBRIDGES_PG_DATA"
	fi
	[[ -n ${NINEBRIDGES_PG_SOCKET:-} ]] && rm -rf -- "$NINEBRIDGES_PG_SOCKET"
	unset NINEBRIDGES_PG_DATA NINEBRIDGES_PG_SOCKET NINEBRIDGES_PG_PORT NINEBRIDGES_TEST_POSTGRES
}

# Runs a command as the cluster's owner: postgres when we are root (initdb
# and the server refuse to run as root), ourselves otherwise.
_nb_pg_as_owner() {
	if [[ $EUID -eq 0 ]]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# Prints the newest /usr/lib/postgresql/VERSION/bin that has the server, or
# nothing. It always succeeds, so that bin=$(_nb_pg_bin) is safe under the
# caller's set -e and pipefail.
_nb_pg_bin() {
	local d best=
	for d in /usr/lib/postgresql/*/bin; do
		[[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] || continue
		if [[ -z $best || $(printf '%s\n%s\n' "$best" "$d" | sort -V | tail -n 1) == "$d" ]]; then
			best=$d
		fi
	done
	printf '%s\n' "$best"
}

_nb_pg_port_free() {
	# A port is free when nothing answers a connection to it.
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_nb_pg_setup() {
	local bin port log attempt started
	if [[ -n ${NINEBRIDGES_PG_DATA:-} && -n ${NINEBRIDGES_TEST_POSTGRES:-} ]] &&
		_nb_pg_as_owner "${NINEBRIDGES_PG_BIN:-}/pg_ctl" -D "$NINEBRIDGES_PG_DATA" status >/dev/null 2>&1; then
		echo "postgres.sh: reusing the server on port ${NINEBRIDGES_PG_PORT:-?}"
		return 0
	fi

	bin=$(_nb_pg_bin)
	if [[ -z $bin ]]; then
		if [[ $EUID -ne 0 ]]; then
			echo "postgres.sh: PostgreSQL is not installed; run as root or apt-get install postgresql" >&2
			return 1
		fi
		echo "postgres.sh: installing PostgreSQL from Debian's packages..."
		# No cluster of the distribution's own: we start ours.
		mkdir -p /etc/postgresql-common/createcluster.d &&
			echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/ninebridges-ci.conf
		if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
				-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
				postgresql >/dev/null; }; then
			echo "postgres.sh: apt-get install postgresql failed" >&2
			return 1
		fi
		bin=$(_nb_pg_bin)
		if [[ -z $bin ]]; then
			echo "postgres.sh: no /usr/lib/postgresql/*/bin/initdb after installing postgresql" >&2
			return 1
		fi
	fi
	export NINEBRIDGES_PG_BIN=$bin

	NINEBRIDGES_PG_DATA=$(mktemp -d "${TMPDIR:-/tmp}/ninebridges-pg.XXXXXX") &&
		NINEBRIDGES_PG_SOCKET=$(mktemp -d "${TMPDIR:-/tmp}/ninebridges-pgsock.XXXXXX") || return 1
	export NINEBRIDGES_PG_DATA NINEBRIDGES_PG_SOCKET
	log=$NINEBRIDGES_PG_SOCKET/server.log
	: >"$log"
	if [[ $EUID -eq 0 ]]; then
		# The server writes its log and socket as postgres.
		chown postgres: "$NINEBRIDGES_PG_DATA" "$NINEBRIDGES_PG_SOCKET" "$log" || return 1
	fi
	chmod 700 "$NINEBRIDGES_PG_DATA"

	if ! _nb_pg_as_owner "$bin/initdb" -D "$NINEBRIDGES_PG_DATA" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$log.initdb" 2>&1; then
		echo "postgres.sh: initdb failed:" >&2
		cat "$log.initdb" >&2
		ninebridges_pg_stop
		return 1
	fi

	# Pick a free port; should another process take it first, try another.
	started=
	for attempt in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 20000))
		_nb_pg_port_free "$port" || continue
		if _nb_pg_as_owner "$bin/pg_ctl" -D "$NINEBRIDGES_PG_DATA" -l "$log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $NINEBRIDGES_PG_SOCKET -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
			start >/dev/null; then
			started=yes
			break
		fi
	done
	if [[ -z $started ]]; then
		echo "postgres.sh: the server did not start:" >&2
		tail -n 20 "$log" >&2
		ninebridges_pg_stop
		return 1
	fi
	export NINEBRIDGES_PG_PORT=$port

	if ! "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
		-c 'CREATE DATABASE ninebridges_test' >/dev/null; then
		echo "postgres.sh: could not create the database" >&2
		ninebridges_pg_stop
		return 1
	fi
	export NINEBRIDGES_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/ninebridges_test?sslmode=disable"

	# Leave an EXIT trap the caller set alone.
	if [[ -z $(trap -p EXIT) ]]; then
		trap ninebridges_pg_stop EXIT
	fi
	echo "postgres.sh: PostgreSQL $("$bin/postgres" -V | awk '{print $3}') on 127.0.0.1:$port (data $NINEBRIDGES_PG_DATA)"
	echo "postgres.sh: NINEBRIDGES_TEST_POSTGRES=$NINEBRIDGES_TEST_POSTGRES"
	if [[ $(trap -p EXIT) == *ninebridges_pg_stop* ]]; then
		echo "postgres.sh: stopped when this shell exits (or now: ninebridges_pg_stop)"
	else
		echo "postgres.sh: stop it with: ninebridges_pg_stop"
	fi
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	# Executed, not sourced: nothing can be exported to the caller, so
	# leave the server running and say how to use it.
	_nb_pg_setup || exit 1
	trap - EXIT
	echo "postgres.sh: not sourced; the server keeps running. Use:"
	echo "  export NINEBRIDGES_TEST_POSTGRES='$NINEBRIDGES_TEST_POSTGRES'"
	echo "  and stop it with: runuser -u postgres -- $NINEBRIDGES_PG_BIN/pg_ctl -D $NINEBRIDGES_PG_DATA stop; rm -rf $NINEBRIDGES_PG_DATA $NINEBRIDGES_PG_SOCKET"
	exit 0
fi
_nb_pg_setup
