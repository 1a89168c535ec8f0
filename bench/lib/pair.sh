# Shell functions for benchmarks that run deployed nodes and C/E pairs (sourced after bench/lib/node.sh). They use
# the caller's WORK (one directory per node), SERVER_HOME (the provisioned WildFly), ADMIN_PASSWORD, LAUNCHERS,
# NODE_PIDS and PIDS.

# Stops what the benchmark started, by pid: the nodes' java processes (edgeway.sh writes DATA/server.pid), also when
# the script stops while they start, then the launchers and every other process in PIDS; removes WORK.
cleanup() {
  set +e
  for f in "$WORK"/*/server.pid; do [ -s "$f" ] && NODE_PIDS+=("$(cat "$f")"); done
  for p in "${NODE_PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null
  done
  for p in "${NODE_PIDS[@]:-}"; do
    [ -n "$p" ] && { wait_gone "$p" 600 || kill -9 "$p" 2>/dev/null; }
  done
  for p in "${LAUNCHERS[@]:-}" "${PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null
  done
  for p in "${PIDS[@]:-}" "${LAUNCHERS[@]:-}"; do
    [ -n "$p" ] && wait "$p" 2>/dev/null
  done
  rm -rf "$WORK"
}

https_of() { echo "https://127.0.0.1:$((8443 + $1))"; }

# Starts a node as the README does (edgeway.sh NAME OFFSET ROLE), in the background. Every load generator is
# 127.0.0.1: the node's per-source limits (100 challenges/s, 5000 messages/s) would measure themselves, so they are
# lifted, as Kamailio and rtpengine have none configured.
# The C and the E share this host's ports, where a real pair has a host each: each gets half of the traversal
# media range (36000-59999), or each node's port pool keeps trying ports the other holds (a failed bind per try).
start_node() {
  local name=$1 offset=$2 role=$3 media=36000-47999
  [ "$role" = C ] && media=48000-59999
  echo "# starting node $name: edgeway.sh --data $WORK/$name --offset $offset --role $role" \
    "-- -Dedgeway.media.portRange=$media" >&2
  "${SERVER_HOME}edgeway/bin/edgeway.sh" --data "$WORK/$name" --offset "$offset" --role "$role" -- \
    -Dedgeway.sip.challengesPerSecond=0 -Dedgeway.sip.messagesPerSecond=0 -Dedgeway.media.portRange=$media \
    >"$WORK/$name.out" 2>&1 &
  LAUNCHERS+=("$!")
  echo "$!" >"$WORK/$name.launcher"
}

# Waits until the node's console answers, records its pid, and signs in for the first time as an administrator
# does (first_login: the one-time password from the server log, changed in the console).
ready_node() {
  local name=$1 offset=$2 data="$WORK/$1" https pid
  https=$(https_of "$offset")
  wait_deployed "$data" "$https" "$(cat "$WORK/$name.launcher")" "$WORK/$name.out" || exit 1
  pid=$(cat "$data/server.pid")
  echo "$pid" >"$WORK/$name.pid"
  first_login "$data" "$https" "$WORK/$name.cookies" "$ADMIN_PASSWORD" || exit 1
  echo "# node $name up (pid $pid)" >&2
}

api_at() { # offset method path [json]: fails on any non-2xx answer
  curl -sk --fail-with-body -u "admin:$ADMIN_PASSWORD" -X "$2" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} "$(https_of "$1")/api/v1$3"
}

# Polls /status/sip of a node until its JSON matches a shell pattern; prints the last answer.
wait_sip() {
  local offset=$1 pattern=$2 status="" i
  for i in $(seq 1 300); do
    status=$(api_at "$offset" GET /status/sip)
    [[ $status == $pattern ]] && break
    sleep 0.1
  done
  echo "$status"
}

# The certificate a node's console presents (PEM)
cert_of() { openssl s_client -connect "127.0.0.1:$((8443 + $1))" </dev/null 2>/dev/null | openssl x509; }

# link_pair E_OFFSET C_OFFSET ZONE_PORT C_PORT UAS_PORT CALLEE: two started, signed-in nodes become a C/E pair as in
# a deployment: each trusts the other's certificate; the E has a traversal server zone on ZONE_PORT (TLS, verified
# both ways) and a search rule sending CALLEE* there; the C a traversal client zone to it, SIP over UDP on C_PORT
# and a neighbor zone to a UAS on 127.0.0.1:UAS_PORT for CALLEE*. Waits until the traversal zone is Active.
link_pair() {
  local e=$1 c=$2 zone_port=$3 c_port=$4 uas_port=$5 callee=$6 traversal_password zones i
  cert_of "$e" >"$WORK/e.pem"
  cert_of "$c" >"$WORK/c.pem"
  curl -sk --fail-with-body -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/x-pem-file' \
    --data-binary "@$WORK/c.pem" "$(https_of "$e")/api/v1/maintenance/trusted-ca-certificates" >/dev/null
  curl -sk --fail-with-body -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/x-pem-file' \
    --data-binary "@$WORK/e.pem" "$(https_of "$c")/api/v1/maintenance/trusted-ca-certificates" >/dev/null
  traversal_password="Trav-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')-1"
  # E: the credential the C authenticates with, the server zone (its certificate must name localhost: the
  # self-signed node certificates carry localhost and 127.0.0.1 in their SAN), the rule towards it
  api_at "$e" POST /configuration/authentication/local-database \
    "{\"name\":\"traversal\",\"password\":\"$traversal_password\"}" >/dev/null
  api_at "$e" POST /configuration/zones "{\"name\":\"TraversalZone\",\"type\":\"TRAVERSAL_SERVER\",\"transport\":\"TLS\",
    \"port\":$zone_port,\"username\":\"traversal\",\"tlsVerify\":true,\"tlsVerifySubjectName\":\"localhost\"}" \
    >/dev/null
  api_at "$e" POST /configuration/dial-plan/search-rules '{"name":"to-c","priority":20,"mode":"ALIAS_PATTERN_MATCH",
    "patternType":"PREFIX","pattern":"'"$callee"'","behavior":"LEAVE","onMatch":"STOP","targetZone":"TraversalZone"}' \
    >/dev/null
  # C: SIP over UDP towards the UAS, the client zone to the E, the rule to the UAS
  api_at "$c" POST /configuration/zones "{\"name\":\"TraversalZone\",\"type\":\"TRAVERSAL_CLIENT\",
    \"transport\":\"TLS\",\"port\":$zone_port,\"peers\":[\"127.0.0.1\"],\"username\":\"traversal\",
    \"password\":\"$traversal_password\",\"tlsVerify\":true}" >/dev/null
  api_at "$c" POST /configuration/zones "{\"name\":\"UasZone\",\"type\":\"NEIGHBOR\",
    \"transport\":\"UDP\",\"port\":$uas_port,\"peers\":[\"127.0.0.1\"]}" >/dev/null
  api_at "$c" POST /configuration/dial-plan/search-rules '{"name":"to-uas","priority":10,
    "mode":"ALIAS_PATTERN_MATCH","patternType":"PREFIX","pattern":"'"$callee"'","behavior":"LEAVE","onMatch":"STOP",
    "targetZone":"UasZone"}' >/dev/null
  api_at "$c" PUT /configuration/sip "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":$c_port,
    \"tcpEnabled\":false,\"tlsEnabled\":false}" >/dev/null
  wait_sip "$c" "*\"state\":\"Active\"*" >/dev/null
  for i in $(seq 1 300); do
    zones=$(api_at "$e" GET /status/zones)
    [[ $zones == *'"name":"TraversalZone"'*'"status":"Active"'* ]] && break
    sleep 0.2
  done
  [[ $zones == *'"status":"Active"'* ]] || {
    echo "traversal zone not Active: E $zones, C $(api_at "$c" GET /status/zones)" >&2; return 1; }
  echo "# pair: E $zones; C $(api_at "$c" GET /status/zones)" >&2
}
