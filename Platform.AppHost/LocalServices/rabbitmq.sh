#!/usr/bin/env bash
# Local mode's RabbitMQ: a private node (and its own epmd) on 127.0.0.1, state under
# $PLATFORM_STATE_DIR. The node runs in the foreground of this script; SIGTERM stops the node
# cleanly and then epmd, so nothing is left running.
set -euo pipefail
: "${PLATFORM_STATE_DIR:?}" "${RABBITMQ_PORT:?}" "${RABBITMQ_DIST_PORT:?}" "${RABBITMQ_EPMD_PORT:?}"
: "${RABBITMQ_USER:?}" "${RABBITMQ_PASSWORD:?}"

home=$PLATFORM_STATE_DIR/rabbitmq
mkdir -p "$home/mnesia" "$home/log"
chmod 700 "$home"

# rabbitmq-server and rabbitmqctl read everything from the environment; the /usr/sbin wrappers
# switch to the rabbitmq account and then cannot reach this node's cookie, so the scripts under
# /usr/lib/rabbitmq/bin are called directly.
export HOME=$home
export RABBITMQ_NODENAME=platform@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$RABBITMQ_PORT
export RABBITMQ_DIST_PORT
export ERL_EPMD_PORT=$RABBITMQ_EPMD_PORT
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE=$home/mnesia
export RABBITMQ_LOG_BASE=$home/log
export RABBITMQ_PID_FILE=$home/rabbitmq.pid
# A crashing Erlang VM writes its memory (credentials included) to erl_crash.dump in the working
# directory, which is the repository's; kept in the state folder instead.
export ERL_CRASH_DUMP=$home/erl_crash.dump
export RABBITMQ_CONFIG_FILE=$home/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS_FILE=$home/enabled_plugins
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
rabbit_bin=/usr/lib/rabbitmq/bin

cat >"$RABBITMQ_CONFIG_FILE" <<CONF
listeners.tcp.default = 127.0.0.1:$RABBITMQ_PORT
log.console = true
log.console.level = warning
log.file = false
# A new node creates this account instead of guest; its real password is set once the node runs.
default_user = $RABBITMQ_USER
default_pass = $(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
CONF
echo '[].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"

ctl() { "$rabbit_bin/rabbitmqctl" --quiet "$@"; }

# A node left running by an AppHost that was killed outright holds the ports: stop it first.
if [[ -s $RABBITMQ_PID_FILE ]] && kill -0 "$(cat "$RABBITMQ_PID_FILE")" 2>/dev/null; then
  ctl stop >/dev/null 2>&1 || kill "$(cat "$RABBITMQ_PID_FILE")" || true
fi
if [[ -s $home/epmd.pid ]] && kill -0 "$(cat "$home/epmd.pid")" 2>/dev/null; then
  kill "$(cat "$home/epmd.pid")" || true
fi

# Our own epmd, so that its PID is ours to stop (a node would otherwise start a daemonized one).
epmd_bin=$(ls /usr/lib/erlang/erts-*/bin/epmd | sort -V | tail -n 1)
"$epmd_bin" -address 127.0.0.1 -port "$RABBITMQ_EPMD_PORT" &
epmd=$!
echo "$epmd" >"$home/epmd.pid"

"$rabbit_bin/rabbitmq-server" &
server=$!

# SIGTERM reaches the node through rabbitmq-server's own handler and stops it in about a second;
# `rabbitmqctl stop` first boots an Erlang VM of its own, which under load outlasts DCP's stop timeout.
stop() {
  kill "$server" 2>/dev/null || true
}
trap stop TERM INT
trap 'kill "$epmd" 2>/dev/null || true' EXIT

# await_startup exits at once (69) while the node has not yet registered with epmd: retry it.
until ctl await_startup --timeout 60 >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || exit 1
  sleep 0.5
done

# The password is set on every start (the one in the config only applies to a new node) and is
# read from standard input, never passed as an argument.
if ctl list_users --silent | cut -f1 | grep -qxF "$RABBITMQ_USER"; then
  ctl change_password "$RABBITMQ_USER" <<<"$RABBITMQ_PASSWORD" >/dev/null
else
  ctl add_user "$RABBITMQ_USER" <<<"$RABBITMQ_PASSWORD" >/dev/null
  ctl set_permissions -p / "$RABBITMQ_USER" '.*' '.*' '.*' >/dev/null
fi
echo "RabbitMQ ready on 127.0.0.1:$RABBITMQ_PORT"

status=0
while kill -0 "$server" 2>/dev/null; do
  wait "$server" || status=$?
done
exit "$status"
