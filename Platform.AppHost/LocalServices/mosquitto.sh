#!/usr/bin/env bash
# Local mode's Mosquitto, standing in for the network server's MQTT broker: 127.0.0.1 only,
# anonymous clients refused, one account (the network-server credentials the AppHost passes in the
# environment), persistent sessions and queued QoS 1 messages kept across restarts.
set -euo pipefail
: "${PLATFORM_STATE_DIR:?}" "${MQTT_PORT:?}" "${MQTT_USERNAME:?}" "${MQTT_PASSWORD:?}"

home=$PLATFORM_STATE_DIR/mosquitto
mkdir -p "$home/data"
chmod 700 "$home"

# The password file splits user and password at ':', so neither may hold one (nor a line break).
if [[ $MQTT_USERNAME == *[:$'\n']* || $MQTT_PASSWORD == *[:$'\n']* ]]; then
  echo "The MQTT username and password must not contain ':' or a line break." >&2
  exit 2
fi

# mosquitto_passwd -U hashes a plain "user:password" file in place: the password never appears
# as an argument.
(umask 077 && printf '%s:%s\n' "$MQTT_USERNAME" "$MQTT_PASSWORD" >"$home/passwd")
mosquitto_passwd -U "$home/passwd"

run_as=()
[[ $(id -u) -eq 0 ]] && run_as=("user root")

cat >"$home/mosquitto.conf" <<CONF
${run_as[*]}
per_listener_settings false
allow_anonymous false
password_file $home/passwd
listener $MQTT_PORT 127.0.0.1
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
