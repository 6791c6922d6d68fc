#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1 only, in a directory of its own.
#   testing/postgres.sh start <dir> [port]   initdb (first time) and start; prints the admin URL
#   testing/postgres.sh stop <dir>           stop it (the directory can then be removed)
# Uses Debian's postgresql package (apt-get install -y postgresql). PostgreSQL refuses to run as
# root, so as root the cluster runs as the postgres user.
set -euo pipefail
cmd="${1:?start|stop}"
dir="${2:?data directory}"
port="${3:-55432}"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
[ -n "$bindir" ] || bindir="$(dirname "$(command -v pg_ctl)")"
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
    fi
    # fsync off: a test cluster trades durability for speed; it is thrown away afterwards.
    as_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -f "$dir/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop <dir> [port]" >&2
    exit 2
    ;;
esac
