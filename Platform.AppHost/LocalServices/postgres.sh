#!/usr/bin/env bash
# Local mode's PostgreSQL 15: a private cluster on 127.0.0.1, state under $PLATFORM_STATE_DIR.
# Creates the cluster on first start, then (every start) the database owner role and the database,
# with the owner password the AppHost passes in the environment (never on a command line).
# Stops with a "fast" shutdown on SIGTERM/SIGINT, so the next start needs no crash recovery.
set -euo pipefail
: "${PLATFORM_STATE_DIR:?}" "${POSTGRES_PORT:?}" "${POSTGRES_DATABASE:?}" "${POSTGRES_OWNER:?}" "${POSTGRES_OWNER_PASSWORD:?}"

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
home=$PLATFORM_STATE_DIR/postgres
socket_dir=$home/run
mkdir -p "$home" "$socket_dir"

# PostgreSQL refuses to run as root: as root it runs as the "postgres" account, which must be able
# to reach its data directory. When the state folder lies where that account cannot go (under
# /root, say), the cluster lives under /var/tmp and the state folder links to it.
as_server_user=()
if [[ $(id -u) -eq 0 ]]; then
  as_server_user=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  if ! "${as_server_user[@]}" test -x "$home"; then
    outside=/var/tmp/platform-postgres-$(printf '%s' "$home" | sha256sum | cut -c1-16)
    mkdir -p "$outside"
    ln -sfn "$outside" "$home/cluster"
    home=$outside
    socket_dir=$home/run
    mkdir -p "$socket_dir"
  fi
  chown postgres:postgres "$home" "$socket_dir"
fi
data=$home/data
chmod 700 "$socket_dir"

run() { "${as_server_user[@]}" "$@"; }

if [[ ! -s $data/PG_VERSION ]]; then
  # Only the local socket (in a 0700 folder, so only the server's own account reaches it) trusts;
  # TCP on 127.0.0.1 needs a SCRAM password.
  run "$bin/initdb" --pgdata="$data" --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
fi

# A server left running by an AppHost that was killed outright holds the data directory: stop it.
if [[ -s $data/postmaster.pid ]] && kill -0 "$(head -n 1 "$data/postmaster.pid")" 2>/dev/null; then
  run "$bin/pg_ctl" stop --pgdata="$data" --mode=fast >/dev/null || true
fi

# Started directly (not through run()) so that $! is the server itself, not a subshell.
"${as_server_user[@]}" "$bin/postgres" -D "$data" -c listen_addresses=127.0.0.1 -c port="$POSTGRES_PORT" \
  -c unix_socket_directories="$socket_dir" -c password_encryption=scram-sha-256 \
  -c log_line_prefix='%m [%p] ' -c log_min_messages=warning &
server=$!
# DCP stops an executable with SIGTERM, which PostgreSQL treats as a "smart" shutdown that waits for
# clients; a fast shutdown rolls back open transactions and checkpoints cleanly.
trap 'kill -INT "$server" 2>/dev/null || true' TERM INT

until run "$bin/pg_isready" --quiet --host="$socket_dir" --port="$POSTGRES_PORT"; do
  kill -0 "$server" 2>/dev/null || exit 1
  sleep 0.2
done

# psql reads the password from the environment through a backtick, so it is never an argument.
run "$bin/psql" --quiet --no-psqlrc --host="$socket_dir" --port="$POSTGRES_PORT" --username=postgres \
  --dbname=postgres --set=ON_ERROR_STOP=1 --set=owner="$POSTGRES_OWNER" --set=database="$POSTGRES_DATABASE" <<'SQL'
\set owner_password `printenv POSTGRES_OWNER_PASSWORD`
SELECT format('CREATE ROLE %I', :'owner') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
-- The owner runs migrations and creates the services' role; it is not a superuser.
ALTER ROLE :"owner" WITH LOGIN NOSUPERUSER CREATEROLE PASSWORD :'owner_password';
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'owner')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
echo "PostgreSQL ready on 127.0.0.1:$POSTGRES_PORT"

# wait returns early when a signal arrives; keep waiting until the server has really stopped.
status=0
while kill -0 "$server" 2>/dev/null; do
  wait "$server" || status=$?
done
exit "$status"
