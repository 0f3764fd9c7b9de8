#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for akhbar's tests.
#
#   .ci/postgres.sh start   install Debian's postgresql when missing, create a
#                           cluster in a temporary directory owned by the
#                           postgres user, start it on a loopback port, create
#                           the test database, print the export line and
#                           write it to $AKHBAR_PG_DIR/env
#   .ci/postgres.sh stop    stop that cluster and remove its directory
#   .ci/postgres.sh fault FILE
#                           fault test on the running cluster: queue FILE's
#                           articles, run two workers, SIGKILL one mid-way,
#                           restart PostgreSQL, let the other finish; fail
#                           unless every article is stored exactly once and
#                           nothing is pending ($AKHBAR_BIN, default ./akhbar)
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

fault() {
	local file=$1 bin=${AKHBAR_BIN:-./akhbar} schema=akhbar_fault_$$
	local url="postgres://postgres@127.0.0.1:$port/$db?sslmode=disable"
	local pgbin
	pgbin=$(bindir)
	"$bin" migrate --db "$url" --schema "$schema" >/dev/null
	"$bin" queue --db "$url" --schema "$schema" "$file"
	"$bin" worker --db "$url" --schema "$schema" --id victim --lease 20s --exit-when-idle >"$dir/victim.log" 2>&1 &
	local victim=$!
	"$bin" worker --db "$url" --schema "$schema" --id survivor --lease 20s --exit-when-idle >"$dir/survivor.log" 2>&1 &
	local survivor=$!
	sleep "${AKHBAR_FAULT_AFTER:-20}"
	if ! kill -9 "$victim" 2>/dev/null; then
		echo "fault: the victim finished before it could be killed: use a larger FILE or a smaller AKHBAR_FAULT_AFTER"
		return 1
	fi
	wait "$victim" 2>/dev/null || true
	echo "fault: victim killed with SIGKILL; restarting PostgreSQL"
	as_postgres "$pgbin/pg_ctl" -D "$dir/data" -m fast -w restart >/dev/null
	wait "$survivor"
	tail -n 1 "$dir/survivor.log"
	local bad
	bad=$(PGOPTIONS="-c search_path=$schema" "$pgbin/psql" "$url" -Atc "SELECT (SELECT count(*) FROM jobs WHERE state = 'pending')
		+ (SELECT count(*) - count(DISTINCT key) FROM articles)
		+ (SELECT count(*) FROM (SELECT url FROM articles WHERE url IS NOT NULL GROUP BY url HAVING count(*) > 1) x)
		+ (SELECT count(*) FROM jobs j WHERE state = 'done' AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = j.article))
		+ abs((SELECT count(*) FROM articles) - (SELECT count(*) FROM jobs WHERE state = 'done'))")
	PGOPTIONS="-c client_min_messages=warning" "$pgbin/psql" "$url" -qAtc "DROP SCHEMA $schema CASCADE"
	if [ "$bad" != "0" ]; then
		echo "fault: FAILED: $bad articles pending, stored twice or missing"
		return 1
	fi
	echo "fault: every article stored exactly once, nothing pending"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
fault) fault "${2:?usage: $0 fault FILE}" ;;
*)
	echo "usage: $0 start|stop|fault FILE" >&2
	exit 2
	;;
esac
