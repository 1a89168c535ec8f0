#!/usr/bin/env bash
# Edgeway TURN vs coturn on loopback. Needs only Debian's coturn (turnserver, turnutils_uclient, turnutils_peer)
# and this repository's build (JDK 17 + Maven, offline). Not a test: prints figures for docs/performance.md.
#
#   bench/turn-vs-coturn.sh [--runs N] [--quick] [--no-hairpin] [--threads N] [--profile]
#
#   --threads N   I/O threads for both servers (ours: --threads N, coturn: --relay-threads N); default: each
#                 server's own default (ours: number of processors, at least 2; coturn: number of processors)
#
# Every server process it starts is stopped by pid on exit. Traffic stays on 127.0.0.1.
set -euo pipefail

RUNS=3
QUICK=0
OUR_EXTRA=()
PROFILE=0
COTURN_THREADS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --quick) QUICK=1; RUNS=1 ;;
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
cleanup() {
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && wait "$p" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

for tool in turnserver turnutils_uclient turnutils_peer java mvn; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

echo "# building media-engine" >&2
(cd "$ROOT" && mvn -q -B -o -pl media-engine test-compile dependency:build-classpath \
   -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null)
CP="$ROOT/media-engine/target/classes:$(cat "$WORK/cp.txt")"
LCP="$ROOT/media-engine/target/test-classes:$CP"

# "ephemeral-ish" ports below the Linux ephemeral range (32768+), so client sockets never collide with them
BASE=$((16000 + (RANDOM % 200) * 10))
COTURN_PORT=$BASE
OUR_PORT=$((BASE + 2))
PEER_PORT=$((BASE + 4))
CLK=$(getconf CLK_TCK)

cat > "$WORK/turnserver.conf" <<CONF
listening-ip=127.0.0.1
listening-port=$COTURN_PORT
relay-ip=127.0.0.1
min-port=20000
max-port=24999
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

java -XX:+UseSerialGC -Xms64m -Xmx256m -XX:+AlwaysPreTouch -Dio.netty.leakDetection.level=disabled \
  -cp "$CP" org.edgeway.engine.EngineMain --port "$OUR_PORT" --realm TANDBERG --user alice:secret \
  --allow-loopback --media-ports 25000-29999 --max-relays 20000 --unauthorized-rate 0 "${OUR_EXTRA[@]}" \
  >"$WORK/edgeway.out" 2>&1 &
OUR_PID=$!
PIDS+=("$OUR_PID")

turnutils_peer -L 127.0.0.1 -p "$PEER_PORT" >"$WORK/peer.out" 2>&1 &
PIDS+=("$!")

for i in $(seq 1 100); do
  grep -q READY "$WORK/edgeway.out" 2>/dev/null && ss -lun | grep -q ":$COTURN_PORT " && break
  sleep 0.1
done
grep -q READY "$WORK/edgeway.out" || { cat "$WORK/edgeway.out" >&2; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hwm_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
heap_kb() { jcmd "$1" GC.heap_info 2>/dev/null | awk '/generation/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K.*/, "", v); s+=v}} END {print s+0}'; }
port_of() { [ "$1" = coturn ] && echo "$COTURN_PORT" || echo "$OUR_PORT"; }
pid_of() { [ "$1" = coturn ] && echo "$COTURN_PID" || echo "$OUR_PID"; }

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
SCENARIOS=("udp-channel:-y" "udp-send:-y -s" "tcp-channel:-y -t" "tcp-send:-y -t -s" "udp-peer-channel:-e 127.0.0.1 -r $PEER_PORT")

echo "# warm-up: every scenario once per server, discarded (lets the JIT compile every relay path)" >&2
for entry in "${SCENARIOS[@]}"; do
  for s in coturn edgeway; do uclient_run warmup "${entry#*:}" "$s" 0; done
done
: >"$RESULTS"

for entry in "${SCENARIOS[@]}"; do
  name=${entry%%:*}; flags=${entry#*:}
  for run in $(seq 1 "$RUNS"); do
    if [ $((run % 2)) = 1 ]; then order="coturn edgeway"; else order="edgeway coturn"; fi
    for s in $order; do
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
    rtt[$1"\t"$2]+=$6; n[$1"\t"$2]++; order[$1]=1 }
  END {
    for (k in n) {
      split(k, p, "\t");
      rate = tx[k] > 0 ? recv[k] / tx[k] : 0;
      loss = sent[k] > 0 ? 100 * (sent[k] - recv[k]) / sent[k] : 0;
      us = recv[k] > 0 ? cpu[k] / recv[k] : 0;
      printf "%-17s %-8s %12.0f %10.3f %9.3f %10.2f\n", p[1], p[2], rate, loss, rtt[k] / n[k], us;
      R[p[1]"\t"p[2]] = rate; U[p[1]"\t"p[2]] = us; S[p[1]] = 1
    }
    print "";
    printf "%-17s %14s %14s\n", "ratio ours/coturn", "relayed/s", "CPU us/msg";
    for (s in S) if (R[s"\tcoturn"] > 0 && U[s"\tcoturn"] > 0)
      printf "%-17s %14.2f %14.2f\n", s, R[s"\tedgeway"] / R[s"\tcoturn"], U[s"\tedgeway"] / U[s"\tcoturn"];
  }' "$RESULTS" | sort

echo
echo "== own load generator (org.edgeway.engine.bench.TurnLoad, UDP, channels both ways, 172-byte payloads)"
if [ "$QUICK" = 1 ]; then RATES="10000,20000,30000"; ALLOCS=500; else
  RATES="20000,30000,40000,50000,60000,70000,80000,90000,100000,110000,120000,130000"; ALLOCS=2000; fi
for s in coturn edgeway edgeway coturn; do
  pid=$(pid_of "$s"); c0=$(cpu_ticks "$pid")
  out=$(java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" saturate \
        --pairs 50 --rates "$RATES" --seconds 3 --size 172 2>&1 || true)
  c1=$(cpu_ticks "$pid")
  echo "-- $s"; echo "$out" | grep -E "RATE|SATURATION"
  echo "   server CPU during the sweep: $(( (c1 - c0) * 1000 / CLK )) ms"
done

echo
echo "== allocations per second (fresh 5-tuple each, full 401 challenge, 64 in flight)"
for s in coturn edgeway coturn edgeway; do
  java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" allocs \
      --count "$ALLOCS" --concurrency 64 2>&1 | sed "s/^/$s /" || true
  sleep 1
done

echo
echo "== memory per 1000 live allocations (each with one permission and one channel binding)"
for s in coturn edgeway; do
  pid=$(pid_of "$s")
  [ "$s" = edgeway ] && jcmd "$pid" GC.run >/dev/null 2>&1 && sleep 1
  rss0=$(rss_kb "$pid")
  heap0=$([ "$s" = edgeway ] && heap_kb "$pid" || echo 0)
  java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$(port_of "$s")" hold --count 1000 \
      --seconds 8 >"$WORK/hold.$s" 2>&1 &
  HOLD=$!
  for i in $(seq 1 200); do grep -q HOLDING "$WORK/hold.$s" && break; sleep 0.1; done
  sleep 1
  [ "$s" = edgeway ] && jcmd "$pid" GC.run >/dev/null 2>&1 && sleep 1
  rss1=$(rss_kb "$pid")
  heap1=$([ "$s" = edgeway ] && heap_kb "$pid" || echo 0)
  wait "$HOLD" || true
  echo "$s: RSS +$(( (rss1 - rss0) / 1024 )) MB per 1000 allocations$([ "$s" = edgeway ] && echo ", Java heap (after full GC) +$(( (heap1 - heap0) / 1024 )) MB (${heap0} KB -> ${heap1} KB)")"
done

if [ "$PROFILE" = 1 ]; then
  echo
  echo "== profile of edgeway during a 20k msg/s run (JFR execution samples, top frames)"
  jcmd "$OUR_PID" JFR.start name=bench duration=12s filename="$WORK/edgeway.jfr" settings=profile >/dev/null
  java -cp "$LCP" org.edgeway.engine.bench.TurnLoad --server "127.0.0.1:$OUR_PORT" saturate --pairs 50 \
      --rates 20000,20000,20000 --seconds 3 >/dev/null 2>&1 || true
  sleep 3
  jfr print --events jdk.ExecutionSample "$WORK/edgeway.jfr" | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); c[$0]++; n++} END {for (f in c) printf "%5.1f%% %s\n", 100*c[f]/n, f}' | sort -rn | head -25
fi

echo
echo "== peak RSS (VmHWM) over the whole benchmark"
echo "coturn:  $(( $(hwm_kb "$COTURN_PID") / 1024 )) MB"
echo "edgeway: $(( $(hwm_kb "$OUR_PID") / 1024 )) MB (JVM: -XX:+UseSerialGC -Xms64m -Xmx256m)"
