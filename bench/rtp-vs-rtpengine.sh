#!/usr/bin/env bash
# RTP relay through the C/E pair vs rtpengine, side by side in one run: calls carrying 20 ms audio both ways (RTP,
# PCMU, 172-byte packets, 50 packets/s per direction per call) at rising numbers of concurrent calls.
#   pair       two deployed nodes (edgeway.sh as the README starts a node, configured through the REST API) linked
#              by a traversal zone over TLS; each call is an INVITE over UDP to the E, through the C to the callee
#              (RtpLoad sip: the tool is caller and callee), so its media crosses two relays, the E's and the C's,
#              as the seed's traversal call does;
#   rtpengine  two rtpengine daemons (Debian's rtpengine-daemon, userspace forwarding: no kernel module here) in a
#              chain, driven over their ng control protocol as a SIP proxy drives them (RtpLoad ng): the same two
#              relay hops per packet.
# Per server and step: packets sent and received end to end, loss, one-way delay, the servers' CPU time (user and
# kernel, both processes) per packet delivered end to end. A step is held when nothing was lost and the generator
# kept the 20 ms pace (it shares the two cores and falls behind first). Per server: the most calls held, and the
# ratios pair/rtpengine. Not a test: prints figures for docs/performance.md.
#
#   bench/rtp-vs-rtpengine.sh [--runs N] [--calls N1,N2,..] [--seconds S] [--warmup S] [--offset N]
#
#   --calls     steps of concurrent calls (default 150,300,600,900,1200,1500; the seed's Small node: 150)
#   --seconds   measured seconds per step (default 10), after --warmup seconds of media (default 3)
#   --runs      alternating runs, the order rotating (default 1)
#   --offset    port offset of the E (default 3900: HTTPS 12343); the C at offset + 50
#
# Builds what is missing (mvn -B -o package -DskipTests), stops every process it starts by pid on exit.
# Traffic stays on 127.0.0.1; ports are below the ephemeral range and outside the tests' band (20000-23999).
set -euo pipefail
ulimit -n 65536 2>/dev/null || true

RUNS=1
CALLS=150,300,600,900,1200,1500
SECONDS_PER_STEP=10
WARMUP=3
OFFSET=3900
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --calls) CALLS="$2"; shift ;;
    --seconds) SECONDS_PER_STEP="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --offset) OFFSET="$2"; shift ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
C_OFFSET=$((OFFSET + 50))

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/rtpbench.XXXXXX)
PIDS=()
NODE_PIDS=()
LAUNCHERS=()
# shellcheck source=bench/lib/node.sh
. "$ROOT/bench/lib/node.sh"
# shellcheck source=bench/lib/pair.sh
. "$ROOT/bench/lib/pair.sh"
trap cleanup EXIT INT TERM

for tool in rtpengine java mvn curl openssl; do
  command -v "$tool" >/dev/null || {
    echo "missing $tool (apt-get install -y rtpengine-daemon curl openssl; JDK 17 and Maven)" >&2; exit 1; }
done
SERVER_HOME=$(ls -d "$ROOT"/ear/target/wildfly-*/ 2>/dev/null | head -1 || true)
if [ ! -x "${SERVER_HOME}edgeway/bin/edgeway.sh" ]; then
  echo "# building the node (mvn -B -o package -DskipTests)" >&2
  (cd "$ROOT" && mvn -q -B -o package -DskipTests >/dev/null)
  SERVER_HOME=$(ls -d "$ROOT"/ear/target/wildfly-*/ | head -1)
fi
(cd "$ROOT" && mvn -q -B -o -pl media-engine -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
LCP="$ROOT/media-engine/target/test-classes:$ROOT/media-engine/target/classes:$(cat "$WORK/cp.txt")"

BASE=$((16000 + (RANDOM % 180) * 20))
E_PORT=$BASE                  # the E's SIP over UDP: where the caller sends its INVITEs
C_PORT=$((BASE + 1))
UAS_PORT=$((BASE + 2))        # the callee behind the C
ZONE_PORT=$((BASE + 3))       # the E's traversal server zone (TLS)
NG1=$((BASE + 4))
NG2=$((BASE + 5))
ENDPOINTS=10000               # callers and callees: 10000 up to 10000 + 2 x calls (below 16000)

# ------------------------------------------------------------------ rtpengine x 2
# Each gets its own port range, apart from the nodes' (E 36000-47999, C 48000-59999, see start_node): 4 ports per
# call (RTP and RTCP each side). --delete-delay 0 frees them when a call is deleted; --config-file=none keeps
# Debian's /etc/rtpengine/rtpengine.conf (its fixed ng, CLI and HTTP ports) out.
start_rtpengine() {
  local name=$1 ng=$2 min=$3 max=$4
  rtpengine --config-file=none --foreground --interface=127.0.0.1 --listen-ng="127.0.0.1:$ng" \
    --port-min="$min" --port-max="$max" --table=-1 --delete-delay=0 --log-stderr --log-level=4 >"$WORK/$name.out" 2>&1 &
  PIDS+=("$!")
  echo "$!" >"$WORK/$name.pid"
}
start_rtpengine rtpengine1 "$NG1" 24000 29999
start_rtpengine rtpengine2 "$NG2" 30000 35999
RTPE_PIDS="$(cat "$WORK/rtpengine1.pid"),$(cat "$WORK/rtpengine2.pid")"

# ------------------------------------------------------------------ the pair
ADMIN_PASSWORD="Bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')-1"
start_node e "$OFFSET" E
start_node c "$C_OFFSET" C
ready_node e "$OFFSET"
ready_node c "$C_OFFSET"
E_PID=$(cat "$WORK/e.pid")
C_PID=$(cat "$WORK/c.pid")
api_at "$OFFSET" PUT /configuration/sip "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":$E_PORT,
  \"tcpEnabled\":false,\"tlsEnabled\":false}" >/dev/null
wait_sip "$OFFSET" "*\"state\":\"Active\"*" >/dev/null
link_pair "$OFFSET" "$C_OFFSET" "$ZONE_PORT" "$C_PORT" "$UAS_PORT" carol || exit 1
for s in rtpengine1 rtpengine2; do
  [ -d "/proc/$(cat "$WORK/$s.pid")" ] || { cat "$WORK/$s.out" >&2; echo "$s did not start" >&2; exit 1; }
done
echo "# rtpengine $(rtpengine --version 2>&1 | sed -n 's/^Version: //p') x 2 (pids $RTPE_PIDS); pair E $E_PID, C $C_PID" >&2

# ------------------------------------------------------------------ measuring
run_load() { # server calls: RtpLoad's STEP and BEST lines on stdout
  case "$1" in
    pair) java -cp "$LCP" org.edgeway.engine.bench.RtpLoad sip --proxy "127.0.0.1:$E_PORT" \
      --callee carol@example.com --uas "$UAS_PORT" --calls "$2" --seconds "$SECONDS_PER_STEP" \
      --warmup "$WARMUP" --ports "$ENDPOINTS" --server-pids "$E_PID,$C_PID" ;;
    rtpengine) java -cp "$LCP" org.edgeway.engine.bench.RtpLoad ng --ng "127.0.0.1:$NG1,127.0.0.1:$NG2" \
      --calls "$2" --seconds "$SECONDS_PER_STEP" --warmup "$WARMUP" --ports "$ENDPOINTS" \
      --server-pids "$RTPE_PIDS" ;;
  esac
}

# A short warm-up of each (the pair's JIT), then the runs, the order rotating per run
echo "# warm-up: 150 calls for 10 s on each" >&2
for s in pair rtpengine; do
  run_load "$s" 150 | sed "s/^/# warm-up $s: /" >&2
done
for run in $(seq 1 "$RUNS"); do
  for s in $(rotate "$run" pair rtpengine); do
    echo "# run $run: $s, steps $CALLS" >&2
    run_load "$s" "$CALLS" | tee "$WORK/$s.$run.txt" | sed "s/^/# $s: /" >&2
  done
done

# ------------------------------------------------------------------ summary
field() { sed -n "s/.* $1=\([^ %]*\).*/\1/p"; }
echo
echo "== RTP relay, 20 ms audio both ways, two relay hops per packet ($SECONDS_PER_STEP s per step after $WARMUP s," \
  "$RUNS run(s), $(nproc) cores shared by both servers and the load generator)"
echo "| server | calls held (0 loss, 20 ms pace kept) | packets/s end to end | CPU us per packet (both hops) | delay p99 us |"
echo "|---|---|---|---|---|"
for s in pair rtpengine; do
  for run in $(seq 1 "$RUNS"); do
    best=$(sed -n 's/^BEST calls=//p' "$WORK/$s.$run.txt")
    line=$(grep "^STEP calls=$best " "$WORK/$s.$run.txt" || true)
    echo "| $s (run $run) | $best | $(echo "$line" | field pps) | $(echo "$line" | field cpu_us_per_pkt)" \
      "| $(echo "$line" | field delay_p99_us) |"
  done
done
echo
echo "CPU per packet at each step both held (run 1), pair / rtpengine:"
for n in ${CALLS//,/ }; do
  p=$(grep "^STEP calls=$n " "$WORK/pair.1.txt" || true)
  r=$(grep "^STEP calls=$n " "$WORK/rtpengine.1.txt" || true)
  [ -n "$p" ] && [ -n "$r" ] || continue
  [ "$(echo "$p" | field loss)" = 0.000 ] && [ "$(echo "$r" | field loss)" = 0.000 ] || continue
  [ "$(echo "$p" | field paced)" = true ] && [ "$(echo "$r" | field paced)" = true ] || continue
  awk -v n="$n" -v a="$(echo "$p" | field cpu_us_per_pkt)" -v b="$(echo "$r" | field cpu_us_per_pkt)" \
    'BEGIN { printf "  %5d calls: pair %.2f us, rtpengine %.2f us, ratio %.2f\n", n, a, b, a / b }'
done
