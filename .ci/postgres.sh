#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for akhbar's tests.
#
#   .ci/postgres.sh start   install Debian's postgresql when missing, create a
#                           cluster in a temporary directory owned by the
#                           postgres user, start it on a loopback port, create
#                           the test database, print the export line and
#                           write it to $AKHBAR_PG_DIR/env
#   .ci/postgres.sh stop    stop that cluster and remove its directory
#
# Use:  .ci/postgres.sh start && . "${AKHBAR_PG_DIR:-/tmp/akhbar-pg}/env"
#       go test ./store/postgres/ ...
#       .ci/postgres.sh stop
#
# AKHBAR_PG_DIR (default /tmp/akhbar-pg) and AKHBAR_PG_PORT (default 55432)
# choose where and on which port.
set -euo pipefail

dir=${AKHBAR_PG_DIR:-/tmp/akhbar-pg}
port=${AKHBAR_PG_PORT:-55432}
db=akhbar_test

as_postgres() { runuser -u postgres -- "$@"; }

bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
		return 1
	fi
	echo "$d"
}

start() {
	if ! bin=$(bindir); then
		echo "postgres: installing Debian's postgresql"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q
		apt-get install -y -q postgresql
		bin=$(bindir)
	fi
	if [ -f "$dir/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		echo "postgres: already running in $dir"
	else
		rm -rf "$dir"
		mkdir -p "$dir"
		chown postgres: "$dir"
		as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
		as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
			-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
		as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
	fi
	local line="export AKHBAR_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/$db?sslmode=disable"
	echo "$line" >"$dir/env"
	echo "$line"
}

stop() {
	if bin=$(bindir) && [ -d "$dir/data" ]; then
		as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	echo "postgres: stopped"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
	echo "usage: $0 start|stop" >&2
	exit 2
	;;
esac
