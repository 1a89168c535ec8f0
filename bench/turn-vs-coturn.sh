#!/usr/bin/env bash
# Edgeway TURN vs coturn on loopback: coturn 4.6.1, the engine alone (EngineMain) and the deployed node (WildFly,
# started by edgeway.sh as the README starts a node, TURN configured through the REST API). Needs Debian's coturn
# (turnserver, turnutils_uclient, turnutils_peer), curl, JDK 17 + Maven (offline). Not a test: prints figures for
# docs/performance.md.
#
#   bench/turn-vs-coturn.sh [--runs N] [--quick] [--saturation-only] [--no-node] [--offset N]
#                           [--no-hairpin] [--threads N] [--node-threads N] [--no-engine] [--profile]
#
#   --saturation-only  only the headline scenario: external-peer saturation (50 clients, channels, 172 bytes,
#                      turnutils_peer echo peers), after the warm-up
#   --no-node          leave out the deployed node (coturn vs the engine alone, as before)
#   --offset N         port offset of the deployed node (default 3000: HTTPS 11443, management 12990)
#   --threads N        I/O threads for coturn (relay-threads) and the engine alone; default: each one's own
#   --no-hairpin       the engine alone without in-process relay-to-relay forwarding
#   --node-threads N   event loop threads of the node (-Dedgeway.engine.ioThreads); default: the node's own
#   --node-opt OPT     one more JVM option for the node (e.g. -Dedgeway.turn.sendBatch=0), repeatable
#   --no-engine        leave out the engine alone (coturn vs the node)
#
# Builds what is missing (mvn -B -o package -DskipTests), stops every process it starts by pid on exit.
# Traffic stays on 127.0.0.1; ports are below the ephemeral range and outside the tests' band (20000-23999).
set -euo pipefail

RUNS=3
QUICK=0
OUR_EXTRA=()
PROFILE=0
COTURN_THREADS=""
SATURATION_ONLY=0
NODE=1
OFFSET=3000
NODE_THREADS=""
NODE_OPTS=""
ENGINE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --quick) QUICK=1; RUNS=1 ;;
    --saturation-only) SATURATION_ONLY=1 ;;
    --no-node) NODE=0 ;;
    --no-engine) ENGINE=0 ;;
    --node-threads) NODE_THREADS="$2"; shift ;;
    --node-opt) NODE_OPTS="$NODE_OPTS $2"; shift ;;
    --offset) OFFSET="$2"; shift ;;
    --no-hairpin) OUR_EXTRA+=(--no-hairpin) ;;
    --profile) PROFILE=1 ;;
    --threads) OUR_EXTRA+=(--threads "$2"); COTURN_THREADS="relay-threads=$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/turnbench.XXXXXX)
PIDS=()
NODE_LAUNCHER=""
NODE_PID=""

# shellcheck source=bench/lib/node.sh
. "$ROOT/bench/lib/node.sh"

cleanup() {
  set +e
  # the node's java process, also when the script stops while it starts
  [ -z "$NODE_PID" ] && [ -s "$WORK/node/server.pid" ] && NODE_PID=$(cat "$WORK/node/server.pid")
  if [ -n "$NODE_PID" ]; then
    kill "$NODE_PID" 2>/dev/null
    wait_gone "$NODE_PID" 600 || kill -9 "$NODE_PID" 2>/dev/null
  fi
  [ -n "$NODE_LAUNCHER" ] && kill "$NODE_LAUNCHER" 2>/dev/null
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null
  done
  for p in "${PIDS[@]:-}" $NODE_LAUNCHER; do
    [ -n "$p" ] && wait "$p" 2>/dev/null
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

for tool in turnserver turnutils_uclient turnutils_peer java jcmd mvn curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

SERVER_HOME=$(ls -d "$ROOT"/ear/target/wildfly-*/ 2>/dev/null | head -1 || true)
if [ "$NODE" = 1 ] && [ ! -x "${SERVER_HOME}edgeway/bin/edgeway.sh" ]; then
  echo "# building the node (mvn -B -o package -DskipTests)" >&2
  (cd "$ROOT" && mvn -q -B -o package -DskipTests >/dev/null)
  SERVER_HOME=$(ls -d "$ROOT"/ear/target/wildfly-*/ | head -1)
fi
echo "# building media-engine and its load generator" >&2
(cd "$ROOT" && mvn -q -B -o -pl media-engine -am test-compile dependency:build-classpath \
   -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null)
CP="$ROOT/media-engine/target/classes:$(cat "$WORK/cp.txt")"
LCP="$ROOT/media-engine/target/test-classes:$CP"

# Ports below the Linux ephemeral range (32768+) and outside the integration tests' band (20000-23999).
# turnutils_peer and coturn each bind port and port + 1.
BASE=$((16000 + (RANDOM % 180) * 20))
COTURN_PORT=$BASE
OUR_PORT=$((BASE + 2))
NODE_PORT=$((BASE + 3))
PEER_PORTS=($((BASE + 4)) $((BASE + 6)))
PEERS="127.0.0.1:${PEER_PORTS[0]},127.0.0.1:${PEER_PORTS[1]}"
CLK=$(getconf CLK_TCK)

cat > "$WORK/turnserver.conf" <<CONF
listening-ip=127.0.0.1
listening-port=$COTURN_PORT
relay-ip=127.0.0.1
min-port=61000
max-port=62999
lt-cred-mech
user=alice:secret
realm=TANDBERG
no-tls
no-dtls
no-cli
allow-loopback-peers
no-stdout-log
log-file=$WORK/turnserver.log
simple-log
pidfile=$WORK/turnserver.pid
userdb=$WORK/turndb
$COTURN_THREADS
CONF
turnserver -c "$WORK/turnserver.conf" >"$WORK/turnserver.out" 2>&1 &
COTURN_PID=$!
PIDS+=("$COTURN_PID")

OUR_PID=""
if [ "$ENGINE" = 1 ]; then # only when measured: an idle JVM would still take its share of the 2 cores' caches
  java -XX:+UseSerialGC -Xms64m -Xmx256m -XX:+AlwaysPreTouch \
    -cp "$CP" org.edgeway.engine.EngineMain --port "$OUR_PORT" --realm TANDBERG --user alice:secret \
    --allow-loopback --media-ports 63000-64499 --max-relays 20000 --unauthorized-rate 0 "${OUR_EXTRA[@]}" \
    >"$WORK/edgeway.out" 2>&1 &
  OUR_PID=$!
  PIDS+=("$OUR_PID")
fi

for p in "${PEER_PORTS[@]}"; do
  turnutils_peer -L 127.0.0.1 -p "$p" >"$WORK/peer.$p.out" 2>&1 &
  PIDS+=("$!")
done

engine_ready() { [ "$ENGINE" = 0 ] || grep -q READY "$WORK/edgeway.out" 2>/dev/null; }
for i in $(seq 1 100); do
  engine_ready && ss -lun | grep -q ":$COTURN_PORT " && break
  sleep 0.1
done
engine_ready || { cat "$WORK/edgeway.out" >&2; exit 1; }

# ------------------------------------------------------------------ the deployed node
SERVERS="coturn engine"
[ "$ENGINE" = 1 ] || SERVERS="coturn"
if [ "$NODE" = 1 ]; then
  SERVERS="$SERVERS node"
  DATA="$WORK/node"
  HTTPS="https://127.0.0.1:$((8443 + OFFSET))"
  ADMIN_PASSWORD="Bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')-1"
  JAR="$WORK/cookies"
  echo "# starting the node: edgeway.sh --data $DATA --offset $OFFSET --role E" >&2
  T0=$(date +%s.%N)
  [ -n "$NODE_THREADS" ] && NODE_OPTS="$NODE_OPTS -Dedgeway.engine.ioThreads=$NODE_THREADS"
  if [ -n "$NODE_OPTS" ]; then
    # edgeway.sh's own JVM sizing, plus the options
    export JBOSS_JAVA_SIZING="-Xms512m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=50$NODE_OPTS"
    echo "# node JVM: $JBOSS_JAVA_SIZING" >&2
  fi
  "${SERVER_HOME}edgeway/bin/edgeway.sh" --data "$DATA" --offset "$OFFSET" --role E >"$WORK/node.out" 2>&1 &
  NODE_LAUNCHER=$!
  wait_deployed "$DATA" "$HTTPS" "$NODE_LAUNCHER" "$WORK/node.out" || exit 1
  NODE_PID=$(cat "$DATA/server.pid")
  echo "# node up in $(echo "$(date +%s.%N) - $T0" | bc | cut -c1-5) s (pid $NODE_PID)" >&2

  # First login as the README describes: the one-time password from the server log, changed in the console.
  first_login "$DATA" "$HTTPS" "$JAR" "$ADMIN_PASSWORD" || exit 1

  api() { # method path [json]: fails on any non-2xx answer
    curl -sk --fail-with-body -u "admin:$ADMIN_PASSWORD" -X "$1" -H 'Content-Type: application/json' \
      ${3:+-d "$3"} "$HTTPS/api/v1$2"
  }
  # TURN as the other two: user alice in the local database, loopback peers allowed, no 401 rate limit (every
  # load client comes from 127.0.0.1), media ports of its own.
  api POST /configuration/authentication/local-database '{"name":"alice","password":"secret"}' >/dev/null
  api PUT /configuration/traversal/turn "{\"enabled\":true,\"requestsPort\":$NODE_PORT,\"realm\":\"TANDBERG\",
    \"mediaPortRangeStart\":64500,\"mediaPortRangeEnd\":65499,\"peerAllow\":\"127.0.0.0/8\",
    \"unauthorizedPerSecond\":0}" >/dev/null
  for i in $(seq 1 100); do
    api GET /status/turn | grep -q '"state":"Active"' && break
    sleep 0.1
  done
  api GET /status/turn | grep -q '"state":"Active"' || { api GET /status/turn >&2; exit 1; }
  echo "# node TURN: $(api GET /status/turn)" >&2
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hwm_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
heap_kb() { jcmd "$1" GC.heap_info 2>/dev/null | awk '/generation|region|total/ && /used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K.*/, "", v); s+=v; break}} END {print s+0}'; }
port_of() { case "$1" in coturn) echo "$COTURN_PORT" ;; engine) echo "$OUR_PORT" ;; node) echo "$NODE_PORT" ;; esac; }
pid_of() { case "$1" in coturn) echo "$COTURN_PID" ;; engine) echo "$OUR_PID" ;; node) echo "$NODE_PID" ;; esac; }

# ------------------------------------------------------------------ warm-up
# The documented warm-up, the same for every server: 50 fresh clients relaying to the echo peers at 20k-60k round
# trips/s, 4 s per step (about 25 s in all), then deleted.
echo "# warm-up: 25 s of external-peer relay load per server, discarded" >&2
for s in $SERVERS; do
  java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" saturate --pairs 50 \
      --rates 20000,30000,40000,50000,60000 --seconds 4 --size 172 --peers "$PEERS" >"$WORK/warmup.$s" 2>&1 || true
done

# ------------------------------------------------------------------ external-peer saturation (the headline)
if [ "$QUICK" = 1 ]; then RATES="20000,40000,60000,80000,100000"; SECONDS_PER_STEP=2; else
  RATES="20000,30000,40000,50000,60000,70000,80000,90000,100000,110000,120000,130000,140000,150000"; SECONDS_PER_STEP=3; fi
for run in $(seq 1 "$RUNS"); do
  for s in $(rotate "$run" $SERVERS); do
    echo "# saturation run $run $s" >&2
    java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" saturate --pairs 50 \
        --rates "$RATES" --seconds "$SECONDS_PER_STEP" --size 172 --peers "$PEERS" --max-loss 0.1 \
        --server-pid "$(pid_of "$s")" --stop-after-loss 2 >"$WORK/sat.$s.$run" 2>&1 || true
    echo "RSS $(rss_kb "$(pid_of "$s")")" >>"$WORK/sat.$s.$run"
  done
done

echo
echo "== external-peer saturation: 50 clients, channels, 172-byte payloads, 2 turnutils_peer echo peers"
echo "   (TurnLoad saturate --peers; $SECONDS_PER_STEP s per step; zero loss = <= 0.1 % lost; $RUNS alternating runs)"
echo "   CPU/rt: server CPU (utime+stime from /proc) per round trip; at the common rate = the highest step every"
echo "   server of that run relayed at <= 0.1 % loss"
for run in $(seq 1 "$RUNS"); do
  for s in $SERVERS; do
    awk -v s="$s" -v run="$run" '
      /^RATE/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                sub(/%/, "", v["loss"]); print s, run, "step", v["target"], v["loss"], v["cpu_us_per_msg"], \
                  v["sys_us_per_msg"], v["wakeups_per_msg"] + 0 }
      /^SATURATION/ { split($2, kv, "="); print s, run, "sat", kv[2] }
      /^RSS/ { print s, run, "rss", $2 }' "$WORK/sat.$s.$run"
  done
done >"$WORK/sat.txt"
awk -v servers="$SERVERS" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " "); if (n == 0) return 0
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  $3 == "step" { loss[$1, $2, $4] = $5; cpu[$1, $2, $4] = $6; sys[$1, $2, $4] = $7; if ($2 > runs) runs = $2 }
  $3 == "sat" { sat[$1, $2] = $4 }
  $3 == "rss" { rss[$1, $2] = $4 }
  END {
    ns = split(servers, S, " ")
    printf "%-7s %4s %16s %10s %12s %10s %14s %8s\n", "server", "run", "zero-loss rt/s", "loss %", "CPU us/rt", \
      "common", "CPU us/rt @com", "RSS MB"
    for (r = 1; r <= runs; r++) {
      common = 0
      for (k = 1; k <= ns; k++) if (common == 0 || sat[S[k], r] < common) common = sat[S[k], r]
      for (k = 1; k <= ns; k++) {
        s = S[k]; z = sat[s, r]
        printf "%-7s %4d %16d %10.3f %12.2f %10d %14.2f %8d\n", s, r, z, loss[s, r, z], cpu[s, r, z], common, \
          cpu[s, r, common], rss[s, r] / 1024
        Z[s] = Z[s] " " z; C[s] = C[s] " " cpu[s, r, z]; CC[s] = CC[s] " " cpu[s, r, common]
        K[s] = K[s] " " sys[s, r, common]
      }
    }
    print ""
    printf "%-7s %16s %14s %16s %16s\n", "median", "zero-loss rt/s", "CPU us/rt", "CPU us/rt @com", \
      "kernel us @com"
    for (k = 1; k <= ns; k++) {
      s = S[k]; mz[s] = median(Z[s]); mc[s] = median(C[s]); mcc[s] = median(CC[s]); mk[s] = median(K[s])
      printf "%-7s %16d %14.2f %16.2f %16.2f\n", s, mz[s], mc[s], mcc[s], mk[s]
    }
    # the kernel time is the work of the system calls (receive, send, loopback delivery), the same for any server
    # making the same calls: its share of the coturn CPU is the lowest CPU ratio such a server could reach
    if (mcc["coturn"] > 0)
      printf "coturn kernel share @com: %.2f (a server making the same system calls cannot go below this CPU ratio)\n", \
        mk["coturn"] / mcc["coturn"]
    print ""
    printf "%-15s %16s %14s %16s   (targets: rate >= 1.20, CPU <= 0.80)\n", "ratio", "zero-loss rate", \
      "CPU us/rt", "CPU us/rt @com"
    for (k = 2; k <= ns; k++)
      printf "%-15s %16s %14s %16s\n", S[k] "/coturn", ratio(mz[S[k]], mz["coturn"]), ratio(mc[S[k]], mc["coturn"]), \
        ratio(mcc[S[k]], mcc["coturn"])
    print "(n/a: coturn lost more than 0.1 % already at the first step, or no common rate)"
  }
  function ratio(a, b) { return b > 0 && a > 0 ? sprintf("%.2f", a / b) : "n/a" }' "$WORK/sat.txt"
echo
echo "-- every step (server run target loss% CPU-us/rt kernel-us/rt wake-ups/rt: the server's threads woken from"
echo "   sleep, e.g. in epoll_wait, per round trip):"
grep ' step ' "$WORK/sat.txt" | awk '{printf "   %-7s %d %7d %8.3f %8.2f %8.2f %8.3f\n", $1, $2, $4, $5, $6, $7, $8}'

if [ "$SATURATION_ONLY" = 0 ]; then

RESULTS="$WORK/results.tsv"
: >"$RESULTS"

# one uclient run: scenario flags, server -> appends a line to RESULTS
uclient_run() {
  local scenario="$1" flags="$2" server="$3" run="$4"
  local port pid c0 c1 t0 t1 log
  port=$(port_of "$server"); pid=$(pid_of "$server"); log="$WORK/uc.$scenario.$server.$run"
  c0=$(cpu_ticks "$pid"); t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  timeout 300 turnutils_uclient $flags -u alice -w secret -p "$port" -m "$CLIENTS" -n "$MESSAGES" -l 172 -z 0 \
      127.0.0.1 >"$log" 2>&1 </dev/null || true
  t1=$(date +%s.%N); c1=$(cpu_ticks "$pid")
  local totals lost rtt tx
  totals=$(grep -o 'tot_send_msgs=[0-9]*, tot_recv_msgs=[0-9]*' "$log" | tail -1 | tr -dc '0-9,' )
  lost=$(grep -o 'Total lost packets [0-9]* ([0-9.]*%' "$log" | tail -1 | sed -E 's/.*\(([0-9.]*)%/\1/')
  rtt=$(grep -o 'Average round trip delay [0-9.]*' "$log" | tail -1 | awk '{print $5}')
  tx=$(grep -o 'Total transmit time is [0-9]*' "$log" | tail -1 | awk '{print $5}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$server" "$run" "${totals:-0,0}" "${lost:-100}" \
      "${rtt:-0}" "${tx:-0}" "$(echo "$t1 - $t0" | bc)" "$(( (c1 - c0) * 1000000 / CLK ))" >>"$RESULTS"
}

if [ "$QUICK" = 1 ]; then CLIENTS=10; MESSAGES=500; else CLIENTS=50; MESSAGES=2000; fi

# scenario name : uclient flags ("-y" = client to client through two relays; "-e" = external UDP echo peer)
SCENARIOS=("udp-channel:-y" "udp-send:-y -s" "tcp-channel:-y -t" "tcp-send:-y -t -s"
  "udp-peer-channel:-e 127.0.0.1 -r ${PEER_PORTS[0]}")

echo "# warm-up: every uclient scenario once per server, discarded (lets the JIT compile every relay path)" >&2
for entry in "${SCENARIOS[@]}"; do
  for s in $SERVERS; do uclient_run warmup "${entry#*:}" "$s" 0; done
done
: >"$RESULTS"

for entry in "${SCENARIOS[@]}"; do
  name=${entry%%:*}; flags=${entry#*:}
  for run in $(seq 1 "$RUNS"); do
    for s in $(rotate "$run" $SERVERS); do
      echo "# $name run $run $s" >&2
      uclient_run "$name" "$flags" "$s" "$run"
    done
  done
done

echo
echo "== turnutils_uclient -m $CLIENTS -n $MESSAGES -l 172 -z 0 ($RUNS alternating runs per scenario)"
printf '%-17s %-8s %12s %10s %9s %10s\n' scenario server "relayed/s" "lost %" "RTT ms" "CPU us/msg"
awk -F'\t' '
  { split($4, t, ","); sent[$1"\t"$2]+=t[1]; recv[$1"\t"$2]+=t[2]; tx[$1"\t"$2]+=$7; cpu[$1"\t"$2]+=$9;
    rtt[$1"\t"$2]+=$6; n[$1"\t"$2]++ }
  END {
    for (k in n) {
      split(k, p, "\t");
      rate = tx[k] > 0 ? recv[k] / tx[k] : 0;
      loss = sent[k] > 0 ? 100 * (sent[k] - recv[k]) / sent[k] : 0;
      us = recv[k] > 0 ? cpu[k] / recv[k] : 0;
      printf "%-17s %-8s %12.0f %10.3f %9.3f %10.2f\n", p[1], p[2], rate, loss, rtt[k] / n[k], us;
    }
  }' "$RESULTS" | sort
echo
printf '%-17s %-14s %14s %14s\n' "ratio" "" "relayed/s" "CPU us/msg"
awk -F'\t' '
  { split($4, t, ","); recv[$1"\t"$2]+=t[2]; tx[$1"\t"$2]+=$7; cpu[$1"\t"$2]+=$9; S[$1] = 1; V[$2] = 1 }
  END {
    for (s in S) for (v in V) if (v != "coturn" && recv[s"\tcoturn"] > 0 && tx[s"\tcoturn"] > 0 && recv[s"\t"v] > 0) {
      rc = recv[s"\tcoturn"] / tx[s"\tcoturn"]; uc = cpu[s"\tcoturn"] / recv[s"\tcoturn"]
      printf "%-17s %-14s %14.2f %14.2f\n", s, v "/coturn", (tx[s"\t"v] > 0 ? recv[s"\t"v] / tx[s"\t"v] : 0) / rc, \
        (cpu[s"\t"v] / recv[s"\t"v]) / uc
    }
  }' "$RESULTS" | sort

echo
echo "== client-to-client saturation (TurnLoad saturate without peers: 50 pairs, channels both ways, 172 bytes)"
if [ "$QUICK" = 1 ]; then RATES="10000,20000,30000"; ALLOCS=500; else
  RATES="20000,30000,40000,50000,60000,70000,80000,90000,100000,110000,120000,130000"; ALLOCS=2000; fi
for s in $(rotate 0 $SERVERS) $(rotate 1 $SERVERS); do
  pid=$(pid_of "$s"); c0=$(cpu_ticks "$pid")
  out=$(java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" saturate \
        --pairs 50 --rates "$RATES" --seconds 3 --size 172 2>&1 || true)
  c1=$(cpu_ticks "$pid")
  echo "-- $s"; echo "$out" | grep -E "RATE|SATURATION"
  echo "   server CPU during the sweep: $(( (c1 - c0) * 1000 / CLK )) ms"
done

echo
echo "== allocations per second (fresh 5-tuple each, full 401 challenge, 64 in flight)"
for s in $(rotate 0 $SERVERS) $(rotate 1 $SERVERS); do
  java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" allocs \
      --count "$ALLOCS" --concurrency 64 2>&1 | grep ALLOCS | sed "s/^/$s /" || true
  sleep 1
done

echo
echo "== memory per 1000 live allocations (each with one permission and one channel binding)"
for s in $SERVERS; do
  pid=$(pid_of "$s")
  [ "$s" != coturn ] && jcmd "$pid" GC.run >/dev/null 2>&1 && sleep 1
  rss0=$(rss_kb "$pid")
  heap0=$([ "$s" != coturn ] && heap_kb "$pid" || echo 0)
  java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" hold --count 1000 \
      --seconds 8 >"$WORK/hold.$s" 2>&1 &
  HOLD=$!
  for i in $(seq 1 300); do grep -q HOLDING "$WORK/hold.$s" && break; sleep 0.1; done
  sleep 1
  [ "$s" != coturn ] && jcmd "$pid" GC.run >/dev/null 2>&1 && sleep 1
  rss1=$(rss_kb "$pid")
  heap1=$([ "$s" != coturn ] && heap_kb "$pid" || echo 0)
  wait "$HOLD" || true
  echo "$s: RSS +$(( (rss1 - rss0) / 1024 )) MB per 1000 allocations$([ "$s" != coturn ] && echo ", Java heap (after full GC) +$(( (heap1 - heap0) / 1024 )) MB (${heap0} KB -> ${heap1} KB)")"
done

fi # SATURATION_ONLY

if [ "$PROFILE" = 1 ]; then
  for s in $SERVERS; do
    [ "$s" = coturn ] && continue
    pid=$(pid_of "$s")
    echo
    echo "== profile of $s during 40k round trips/s to the echo peers (JFR execution samples, top frames)"
    # threads first, without JFR (starting a recording retransforms JDK classes and sends the JIT recompiling)
    thread_ticks "$pid" >"$WORK/threads.before"
    java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" saturate --pairs 50 \
        --rates 40000 --seconds 5 --peers "$PEERS" >/dev/null 2>&1 || true
    thread_ticks "$pid" >"$WORK/threads.after"
    echo "   CPU by thread during 5 s at 40k round trips/s without JFR (ticks of 1/$(getconf CLK_TCK) s):"
    thread_delta "$WORK/threads.before" "$WORK/threads.after"
    jcmd "$pid" JFR.start name=bench settings=profile >/dev/null
    java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" saturate --pairs 50 \
        --rates 40000,40000,40000 --seconds 3 --peers "$PEERS" >/dev/null 2>&1 || true
    jcmd "$pid" JFR.dump name=bench filename="$WORK/$s.jfr" >/dev/null
    jcmd "$pid" JFR.stop name=bench >/dev/null
    jfr print --events jdk.ExecutionSample "$WORK/$s.jfr" | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); c[$0]++; n++} END {for (f in c) printf "%5.1f%% %s\n", 100*c[f]/n, f}' | sort -rn | head -25
    echo "-- allocation of $s (JFR allocation samples, weight by class and allocating frame)"
    jfr print --events jdk.ObjectAllocationSample "$WORK/$s.jfr" | awk '
      /objectClass = / { cls = $3 } /weight = / { w = $3; unit = $4 }
      /stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, "")
        m = unit ~ /^kB/ ? 1024 : unit ~ /^MB/ ? 1048576 : 1; c[cls " " $0] += w * m; n += w * m }
      END { for (f in c) printf "%5.1f%% %s\n", 100 * c[f] / n, f }' | sort -rn | head -15
    [ -n "${KEEP_JFR:-}" ] && cp "$WORK/$s.jfr" "$KEEP_JFR/$s.jfr"
  done
fi

echo
echo "== peak RSS (VmHWM) over the whole benchmark"
echo "coturn: $(( $(hwm_kb "$COTURN_PID") / 1024 )) MB"
if [ "$ENGINE" = 1 ]; then
  echo "engine: $(( $(hwm_kb "$OUR_PID") / 1024 )) MB (EngineMain: -XX:+UseSerialGC -Xms64m -Xmx256m)"
fi
if [ "$NODE" = 1 ]; then
  echo "node:   $(( $(hwm_kb "$NODE_PID") / 1024 )) MB (WildFly + console + engine; JVM: $(tr '\0' ' ' <"/proc/$NODE_PID/cmdline" | grep -oE -- '-X(ms|mx)[^ ]*|-XX:\+Use[A-Za-z0-9]*GC' | tr '\n' ' '))"
  echo "        threads: node $(ls "/proc/$NODE_PID/task" | wc -l)$([ "$ENGINE" = 1 ] && echo ", engine $(ls "/proc/$OUR_PID/task" | wc -l)")"
fi
