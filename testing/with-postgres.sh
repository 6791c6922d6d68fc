#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster (testing/postgres.sh) in a temp dir on 127.0.0.1,
# its admin URL in TEST_POSTGRES_URL; the cluster is stopped and removed afterwards, even on failure.
#   testing/with-postgres.sh <command> [args...]
# TEST_POSTGRES_PORT picks the port (default: a free one).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${TEST_POSTGRES_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/pm-postgres-XXXXXX")"
# As root the cluster runs as the postgres user, which must reach its data directory inside.
chmod 755 "$dir"
cleanup() {
  testing/postgres.sh stop "$dir/data" || true
  rm -rf "$dir"
}
trap cleanup EXIT
started=$SECONDS
TEST_POSTGRES_URL="$(testing/postgres.sh start "$dir/data" "$port")"
export TEST_POSTGRES_URL
echo "PostgreSQL for the tests at $TEST_POSTGRES_URL (started in $((SECONDS - started)) s)"
"$@"
