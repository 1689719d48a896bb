#!/usr/bin/env bash
# Local mode's Mosquitto, standing in for the network server's MQTT broker: 127.0.0.1 only,
# anonymous clients refused, persistent sessions and queued QoS 1 messages kept across restarts.
# Two accounts, each with an ACL: the network server (the simulator, tests playing it) only
# publishes uplinks; the ingestion only subscribes to them. Client ids are tied to accounts: on
# the ingestion's listener the broker replaces the client id by the account name, and every
# client id it accepts elsewhere must start with MQTT_CLIENT_ID_PREFIX, which no account name
# does, so no client can name itself after the ingestion and take over its session.
set -euo pipefail
: "${PLATFORM_STATE_DIR:?}" "${MQTT_PORT:?}" "${MQTT_USERNAME:?}" "${MQTT_PASSWORD:?}"
: "${MQTT_INGESTION_PORT:?}" "${MQTT_INGESTION_USERNAME:?}" "${MQTT_INGESTION_PASSWORD:?}" "${MQTT_CLIENT_ID_PREFIX:?}"

home=$PLATFORM_STATE_DIR/mosquitto
mkdir -p "$home/data"
chmod 700 "$home"

# The password file splits user and password at ':', so neither may hold one (nor a line break);
# the ACL file splits at spaces. An account name starting with the client-id prefix could be
# claimed as a client id by another account.
for value in "$MQTT_USERNAME" "$MQTT_PASSWORD" "$MQTT_INGESTION_USERNAME" "$MQTT_INGESTION_PASSWORD"; do
  if [[ $value == *[:$'\n'' ']* ]]; then
    echo "The MQTT usernames and passwords must not contain ':', a space or a line break." >&2
    exit 2
  fi
done
if [[ $MQTT_USERNAME == "$MQTT_INGESTION_USERNAME" || $MQTT_USERNAME == "$MQTT_CLIENT_ID_PREFIX"* \
      || $MQTT_INGESTION_USERNAME == "$MQTT_CLIENT_ID_PREFIX"* ]]; then
  echo "The MQTT accounts must differ and not start with '$MQTT_CLIENT_ID_PREFIX'." >&2
  exit 2
fi

# mosquitto_passwd -U hashes a plain "user:password" file in place: the passwords never appear
# as arguments.
(umask 077 && printf '%s:%s\n%s:%s\n' "$MQTT_USERNAME" "$MQTT_PASSWORD" \
  "$MQTT_INGESTION_USERNAME" "$MQTT_INGESTION_PASSWORD" >"$home/passwd")
mosquitto_passwd -U "$home/passwd"

# ChirpStack v4 and The Things Stack v3 uplink topics, and the benchmark's own tree; nothing else is anyone's.
(umask 077 && cat >"$home/acl" <<ACL
user $MQTT_USERNAME
topic write application/+/device/+/event/up
topic write v3/+/devices/+/up
# The benchmark's measure of the broker's own ceiling: a topic tree that carries no uplinks and that
# nobody else reads, so the ingestion never sees that traffic.
topic readwrite bench/passthrough/#

user $MQTT_INGESTION_USERNAME
topic read application/+/device/+/event/up
topic read v3/+/devices/+/up
ACL
)

run_as=()
[[ $(id -u) -eq 0 ]] && run_as=("user root")

cat >"$home/mosquitto.conf" <<CONF
${run_as[*]}
per_listener_settings false
allow_anonymous false
password_file $home/passwd
acl_file $home/acl
clientid_prefixes $MQTT_CLIENT_ID_PREFIX
listener $MQTT_PORT 127.0.0.1
listener $MQTT_INGESTION_PORT 127.0.0.1
use_username_as_clientid true
persistence true
persistence_location $home/data/
autosave_interval 30
# QoS 1 messages for a disconnected persistent session are queued, not dropped, up to this bound
# (the default of 1000 would lose uplinks while the ingestion worker restarts).
max_queued_messages 1000000
max_inflight_messages 1000
log_dest stdout
log_type error
log_type warning
log_type notice
connection_messages true
CONF

exec mosquitto -c "$home/mosquitto.conf"
