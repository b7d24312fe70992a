#!/usr/bin/env bash
# A private PostgreSQL server for the tests, alive as long as its caller.
#
#   postgres-server.bash DIR
#
# initialises a cluster in DIR/data, starts it listening only on a Unix
# socket in DIR/socket (no TCP port), creates the role `sense` (a superuser,
# as the CML workspace's database user is), prints a `ready` line on
# standard output and then waits on standard input. When standard input
# ends (the test process exited, however it exited) it stops the server and
# removes DIR. The line names the server's bin folder too (`ready SOCKET
# PORT BINDIR`): its psql starts in a few milliseconds, where Debian's
# /usr/bin/psql wrapper, a Perl program, takes fifty. PostgreSQL refuses to run as root: as root, the server runs
# as the `postgres` user that Debian's package creates.
set -euo pipefail
dir=${1:?usage: postgres-server.bash DIR}
port=5432
bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [[ -x ${candidate}/initdb ]] && bindir=${candidate}
done
if [[ -z ${bindir} ]]; then
  initdb_path=$(command -v initdb || true)
  [[ -n ${initdb_path} ]] && bindir=${initdb_path%/*}
fi
if [[ -z ${bindir} ]]; then
  echo "postgres-server: no PostgreSQL server found (install Debian's postgresql package; .ci/run does)" >&2
  exit 1
fi
as_server() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
mkdir -p "${dir}/socket"
if ((EUID == 0)); then
  chown postgres: "${dir}" "${dir}/socket"
fi
chmod 0755 "${dir}"
as_server "${bindir}/initdb" -D "${dir}/data" -U postgres -A trust -E UTF8 --locale=C >"${dir}/initdb.log" 2>&1 \
  || { cat "${dir}/initdb.log" >&2; exit 1; }
as_server "${bindir}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" -w -t 60 \
  -o "-c listen_addresses='' -k ${dir}/socket -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "${dir}/server.log" >&2; exit 1; }
stop() {
  as_server "${bindir}/pg_ctl" -D "${dir}/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "${dir}"
}
trap stop EXIT
trap 'exit 1' INT TERM HUP
"${bindir}/psql" -h "${dir}/socket" -p "${port}" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE sense SUPERUSER LOGIN" >/dev/null
printf 'ready %s %s %s\n' "${dir}/socket" "${port}" "${bindir}"
# Blocks until the caller's end of the pipe closes.
while IFS= read -r _; do :; done
