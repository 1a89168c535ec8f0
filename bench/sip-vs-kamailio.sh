#!/usr/bin/env bash
# Edgeway's SIP registrar/proxy vs Kamailio 5.6 on loopback: the deployed node (WildFly, started by edgeway.sh as
# the README starts a node, SIP configured through the REST API) and Kamailio (bench/sip/kamailio.cfg: tm,
# registrar, usrloc, auth_db over db_text, record_route), alternating, under THE SAME SIPp scenarios
# (bench/sip/*.xml):
#   register  REGISTER with digest (401, then REGISTER with MD5 credentials, 200), users from an injection file;
#   call      INVITE-100-180-200-ACK-BYE-200 through the proxy to a SIPp UAS (uas.xml).
# Each scenario runs at rising rates (sipp -r); per server: the highest rate with 0 failed calls, server CPU per
# call (utime+stime from /proc, summed over Kamailio's processes) and memory (PSS summed over processes), and the
# ratio ours/Kamailio. Needs Debian's kamailio (5.6) and sip-tester (sipp), curl, JDK 17 + Maven (offline).
# Not a test: prints figures for docs/performance.md.
#
#   bench/sip-vs-kamailio.sh [--runs N] [--quick] [--offset N] [--users N] [--seconds S]
#                            [--register-rates R1,R2,..] [--call-rates R1,R2,..] [--kamailio-children N]
#                            [--only register|call] [--pair] [--pair-offset N] [--profile]
#                            [--warmup S]
#
#   --offset N             port offset of the deployed node (default 3800: HTTPS 12243)
#   --users N              users in the node's local database, Kamailio's subscriber table and the injection file
#   --seconds S            seconds per rate step (default 5; --quick 2)
#   --kamailio-children N  Kamailio UDP worker processes (default 8, Debian's kamailio.cfg)
#   --pair                 also the calls through a C/E pair: the node is the E, a second node (--role C, offset
#                          --pair-offset, default offset + 50) the C, linked by a traversal zone over TLS
#   --warmup S             seconds of discarded traffic per scenario and server before the runs (default 20)
#   --profile              at the end, the node's CPU by thread and top Java frames (JFR) during REGISTER at 2000/s and calls at 500/s
#                          (with --pair also both nodes' during pair calls at 500/s); the recordings are kept in
#                          /tmp/sipbench-profile.XXXXXX (printed) for `jfr print`
#
# Builds the node if it is missing (mvn -B -o package -DskipTests), stops every process it starts by pid on exit.
# Traffic stays on 127.0.0.1; ports are below the ephemeral range and outside the tests' band (20000-23999).
set -euo pipefail
# SIPp refuses calls beyond its open-file limit ("Maximum number of open sockets ... plus number of open calls");
# raise it so the limit measured is the server's
ulimit -n 1048576 2>/dev/null || ulimit -n 65536 2>/dev/null || true

RUNS=3
QUICK=0
OFFSET=3800
USERS=""
SECONDS_PER_STEP=""
REGISTER_RATES=""
CALL_RATES=""
KAM_CHILDREN=8
ONLY=""
PAIR=0
PAIR_OFFSET=""
PROFILE=0
WARMUP=20
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --quick) QUICK=1; RUNS=1 ;;
    --offset) OFFSET="$2"; shift ;;
    --users) USERS="$2"; shift ;;
    --seconds) SECONDS_PER_STEP="$2"; shift ;;
    --register-rates) REGISTER_RATES="$2"; shift ;;
    --call-rates) CALL_RATES="$2"; shift ;;
    --kamailio-children) KAM_CHILDREN="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --pair) PAIR=1 ;;
    --pair-offset) PAIR_OFFSET="$2"; shift ;;
    --profile) PROFILE=1 ;;
    --warmup) WARMUP="$2"; shift ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$QUICK" = 1 ]; then
  : "${USERS:=50}" "${SECONDS_PER_STEP:=2}" "${REGISTER_RATES:=200,500,1000,2000}" "${CALL_RATES:=100,200,400}"
else
  : "${USERS:=200}" "${SECONDS_PER_STEP:=5}"
  : "${REGISTER_RATES:=1000,2000,4000,6000,8000,10000,12000,14000,16000,18000,20000,22000,24000}"
  : "${CALL_RATES:=250,500,1000,1500,2000,2500,3000,3500,4000}"
fi
: "${PAIR_OFFSET:=$((OFFSET + 50))}"
SCENARIOS="register call"
[ -n "$ONLY" ] && SCENARIOS="$ONLY"

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIPDIR="$ROOT/bench/sip"
WORK=$(mktemp -d /tmp/sipbench.XXXXXX)
PIDS=()
NODE_PIDS=()
LAUNCHERS=()
KAM_PID=""

# shellcheck source=bench/lib/node.sh
. "$ROOT/bench/lib/node.sh"
# shellcheck source=bench/lib/pair.sh
. "$ROOT/bench/lib/pair.sh"

trap cleanup EXIT INT TERM

for tool in kamailio sipp java jcmd jfr mvn curl md5sum openssl; do
  command -v "$tool" >/dev/null || {
    echo "missing $tool (apt-get install -y kamailio sip-tester curl openssl; JDK 17 and Maven)" >&2; exit 1; }
done
kamailio -v | head -1 | grep -q ' 5\.6\.' || echo "# warning: not Kamailio 5.6: $(kamailio -v | head -1)" >&2

SERVER_HOME=$(ls -d "$ROOT"/ear/target/wildfly-*/ 2>/dev/null | head -1 || true)
if [ ! -x "${SERVER_HOME}edgeway/bin/edgeway.sh" ]; then
  echo "# building the node (mvn -B -o package -DskipTests)" >&2
  (cd "$ROOT" && mvn -q -B -o package -DskipTests >/dev/null)
  SERVER_HOME=$(ls -d "$ROOT"/ear/target/wildfly-*/ | head -1)
fi

# Ports below the Linux ephemeral range (32768+) and outside the integration tests' band (20000-23999).
BASE=$((16000 + (RANDOM % 180) * 20))
KAM_PORT=$BASE
NODE_PORT=$((BASE + 1))
UAS_PORT=$((BASE + 2))
UAC_PORT=$((BASE + 3))
C_PORT=$((BASE + 4))          # the C of the pair: UDP towards the UAS
ZONE_PORT=$((BASE + 5))       # the E's traversal server zone (TLS)
CLK=$(getconf CLK_TCK)

# ------------------------------------------------------------------ users: one list for both servers and SIPp
# userNNNN with a password of its own; Kamailio's db_text subscriber table carries HA1 = MD5(user:realm:password)
# (realm = the To domain, example.com), as kamctl would store it.
mkdir -p "$WORK/dbtext" "$WORK/kamrun"
printf 'id(int,auto) table_name(string) table_version(int) \n0:subscriber:7\n' >"$WORK/dbtext/version"
echo 'id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string) ' \
  >"$WORK/dbtext/subscriber"
echo SEQUENTIAL >"$WORK/users.csv"
: >"$WORK/users.txt"
for i in $(seq 1 "$USERS"); do
  u=$(printf 'user%04d' "$i")
  p="Pw-$(head -c 6 /dev/urandom | base64 | tr -d '/+=')-$i"
  ha1=$(printf '%s' "$u:example.com:$p" | md5sum | cut -d' ' -f1)
  ha1b=$(printf '%s' "$u@example.com:example.com:$p" | md5sum | cut -d' ' -f1)
  echo "$i:$u:example.com:$p:$ha1:$ha1b" >>"$WORK/dbtext/subscriber"
  echo "$u;[authentication username=$u password=$p]" >>"$WORK/users.csv"
  echo "$u $p" >>"$WORK/users.txt"
done

# ------------------------------------------------------------------ Kamailio
# -DD: stays in the foreground (our child, so its pid is $!) and forks its workers; -E: errors to stderr.
kamailio -f "$SIPDIR/kamailio.cfg" -l "udp:127.0.0.1:$KAM_PORT" -A "DBURL=\"text://$WORK/dbtext\"" \
  -A "UAS=\"sip:127.0.0.1:$UAS_PORT\"" -A "CHILDREN=$KAM_CHILDREN" -Y "$WORK/kamrun" -P "$WORK/kamailio.pid" \
  -m 256 -M 16 -DD -E >"$WORK/kamailio.out" 2>&1 &
KAM_PID=$!
PIDS+=("$KAM_PID")

# ------------------------------------------------------------------ deployed nodes
ADMIN_PASSWORD="Bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')-1"
api() { api_at "$OFFSET" "$@"; }

start_node node "$OFFSET" E
[ "$PAIR" = 1 ] && start_node c "$PAIR_OFFSET" C
ready_node node "$OFFSET"
NODE_PID=$(cat "$WORK/node.pid")

# The same users, a registrar domain, SIP over UDP only with MD5 challenges (SIPp answers MD5 only), a neighbor
# zone to the SIPp UAS and a search rule sending bob there: the work Kamailio's configuration does.
echo "# node: $USERS users, domain, SIP, neighbor zone, search rule (REST)" >&2
while read -r u p; do
  api POST /configuration/authentication/local-database "{\"name\":\"$u\",\"password\":\"$p\"}" >/dev/null
done <"$WORK/users.txt"
api POST /configuration/domains '{"name":"example.com","sipRegistrations":true}' >/dev/null
api POST /configuration/zones "{\"name\":\"UasZone\",\"type\":\"NEIGHBOR\",\"transport\":\"UDP\",
  \"port\":$UAS_PORT,\"peers\":[\"127.0.0.1\"]}" >/dev/null
api POST /configuration/dial-plan/search-rules '{"name":"to-uas","priority":10,"mode":"ALIAS_PATTERN_MATCH",
  "patternType":"PREFIX","pattern":"bob","behavior":"LEAVE","onMatch":"STOP","targetZone":"UasZone"}' >/dev/null
api PUT /configuration/sip "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":$NODE_PORT,\"tcpEnabled\":false,
  \"tlsEnabled\":false,\"digestAlgorithms\":\"MD5\"}" >/dev/null
status=$(wait_sip "$OFFSET" "*\"credentials\":$USERS,*\"listening\":*\"UDP 127.0.0.1:$NODE_PORT\"*\"state\":\"Active\"*")
case "$status" in *'"state":"Active"'*) ;; *) echo "SIP not active on the node: $status" >&2; exit 1 ;; esac
echo "# node SIP: $status" >&2

# ------------------------------------------------------------------ the C/E pair (--pair)
# The node above is the E; a second node is the C. Calls to carol@example.com: SIPp -> E (UDP) -> search rule
# to-c -> traversal server zone -> the C's outbound TLS connection (TLS verify On both ways, each node trusting the
# other's certificate) -> search rule to-uas -> neighbor zone -> the SIPp UAS.
if [ "$PAIR" = 1 ]; then
  ready_node c "$PAIR_OFFSET"
  C_PID=$(cat "$WORK/c.pid")
  link_pair "$OFFSET" "$PAIR_OFFSET" "$ZONE_PORT" "$C_PORT" "$UAS_PORT" carol || exit 1
fi

# grep reads all of ss (grep -q would stop early, ss die of SIGPIPE, and pipefail call Kamailio absent)
ss -lun | grep "127.0.0.1:$KAM_PORT " >/dev/null || { cat "$WORK/kamailio.out" >&2; echo "Kamailio not listening" >&2; exit 1; }
KAM_TREE="$KAM_PID $(ps -o pid= --ppid "$KAM_PID" | tr '\n' ' ')"
echo "# Kamailio 5.6 on 127.0.0.1:$KAM_PORT (pid $KAM_PID, $(echo "$KAM_TREE" | wc -w) processes)" >&2

# ------------------------------------------------------------------ measuring
# "pair" is the E's SIP port with the callee carol (routed through the C); its CPU and memory are both nodes'.
port_of() { case "$1" in kamailio) echo "$KAM_PORT" ;; node|pair) echo "$NODE_PORT" ;; esac; }
callee_of() { case "$1" in pair) echo carol ;; *) echo bob ;; esac; }
tree_of() { case "$1" in kamailio) echo "$KAM_TREE" ;; node) echo "$NODE_PID" ;; pair) echo "$NODE_PID $C_PID" ;; esac; }
cpu_ticks() { local p s=0; for p in $(tree_of "$1"); do s=$((s + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$s"; }
pss_kb() { local p s=0; for p in $(tree_of "$1"); do s=$((s + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup"))); done; echo "$s"; }
rss_kb() { local p s=0; for p in $(tree_of "$1"); do s=$((s + $(awk '/^VmRSS:/ {print $2}' "/proc/$p/status"))); done; echo "$s"; }
servers_for() { if [ "$1" = call ] && [ "$PAIR" = 1 ]; then echo kamailio node pair; else echo kamailio node; fi; }

UAS_PID=""
start_uas() {
  sipp -sf "$SIPDIR/uas.xml" -i 127.0.0.1 -p "$UAS_PORT" -nostdin >"$WORK/uas.out" 2>&1 &
  UAS_PID=$!
  PIDS+=("$UAS_PID")
  for i in $(seq 1 50); do ss -lun | grep "127.0.0.1:$UAS_PORT " >/dev/null && return 0; sleep 0.1; done
  echo "the SIPp UAS did not start: $(cat "$WORK/uas.out")" >&2; exit 1
}
stop_uas() { kill "$UAS_PID" 2>/dev/null; wait "$UAS_PID" 2>/dev/null || true; UAS_PID=""; }

# One step: scenario, server, rate, seconds -> writes "total successful failed retransmissions wall_s cpu_ticks"
# to $WORK/step.out. sipp sends rate x seconds calls at the rate (-l: no cap on calls in progress, so a slow server
# shows as retransmissions, failures and a longer step, not as a lower rate); a call fails when an answer it waits
# for does not come within 5 s (-recv_timeout). -default_behaviors without abortunexp: a stray message is ignored
# instead of aborting the call (Kamailio's parallel workers sometimes forward the 180 after the 200; a wrong answer
# still fails the call by its timeout).
step() {
  local scenario=$1 server=$2 rate=$3 secs=$4 total c0 c1 t0 t1 stats extra=() limit
  total=$((rate * secs))
  # SIPp refuses -l beyond its open-file ceiling of 20 000 (even with a higher ulimit): at 19 000 calls in
  # progress a server is seconds behind and fails the step anyway
  limit=$((total < 19000 ? total : 19000))
  [ "$scenario" = register ] && extra=(-inf "$WORK/users.csv")
  [ "$scenario" = call ] && { start_uas; extra=(-s "$(callee_of "$server")"); }
  rm -f "$WORK/stat.csv" "$WORK/errors.log"
  c0=$(cpu_ticks "$server"); t0=$(date +%s.%N)
  timeout $((secs * 3 + 60)) sipp "127.0.0.1:$(port_of "$server")" -sf "$SIPDIR/$scenario.xml" "${extra[@]}" \
    -i 127.0.0.1 -p "$UAC_PORT" -r "$rate" -m "$total" -l "$limit" -recv_timeout 5000 \
    -default_behaviors all,-abortunexp -nostdin -trace_stat -stf "$WORK/stat.csv" -fd 1 \
    -trace_err -error_file "$WORK/errors.log" >"$WORK/uac.out" 2>&1 </dev/null || true
  t1=$(date +%s.%N); c1=$(cpu_ticks "$server")
  [ "$scenario" = call ] && stop_uas
  # cumulative columns of sipp's statistics file, found by name
  stats=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { last = $0 } END { split(last, v, ";")
      print v[col["SuccessfulCall(C)"]] + 0, v[col["FailedCall(C)"]] + 0, v[col["Retransmissions(C)"]] + 0 }' \
    "$WORK/stat.csv" 2>/dev/null || echo "0 0 0")
  echo "$total $stats $(echo "$t1 - $t0" | bc) $((c1 - c0))" >"$WORK/step.out"
}

# A step passes when every call succeeded and the step took at most 25 % longer than its calls' schedule (plus
# 1.5 s for sipp's start and the last calls): a server that only keeps up through retransmissions does not pass.
passed() { # total successful failed retransmissions wall_s cpu_ticks
  [ "$2" = "$1" ] && [ "$3" = 0 ] && [ "$(echo "$5 <= $SECONDS_PER_STEP * 1.25 + 1.5" | bc)" = 1 ]
}

# A sweep: rising rates until two steps have failed; one line per step into $RESULTS.
RESULTS="$WORK/results.txt"
: >"$RESULTS"
sweep() {
  local scenario=$1 server=$2 run=$3 rates=$4 rate out failing=0
  for rate in ${rates//,/ }; do
    step "$scenario" "$server" "$rate" "$SECONDS_PER_STEP"
    out=$(cat "$WORK/step.out")
    echo "$scenario $server $run $rate $out" >>"$RESULTS"
    set -- $out
    echo "#   $scenario $server run $run: $rate/s -> $2 of $1 successful, $3 failed, $4 retransmissions, $5 s" >&2
    if passed $out; then
      echo "$scenario $server $run $rate pass" >>"$RESULTS"
    else
      { grep -v 'Continuing call on unexpected' "$WORK/errors.log" 2>/dev/null | grep -o '17[0-9]*\.[0-9]*: [^:]*' \
        | head -1 | sed 's/^[^ ]* /#     first error: /' >&2; } || true
      failing=$((failing + 1))
      [ "$failing" -ge 2 ] && break
    fi
  done
  echo "$scenario $server $run pss $(pss_kb "$server")" >>"$RESULTS"
  echo "$scenario $server $run rss $(rss_kb "$server")" >>"$RESULTS"
}

# ------------------------------------------------------------------ warm-up (discarded)
# The node's JIT compiles the SIP path under load (C2 needs some 10 000 passes through a method, and it compiles
# on the same two cores): Kamailio gets the same traffic. 5 s steps were too short: the profile showed C2 still
# compiling the codec and the digest during the first measured steps.
echo "# warm-up: register 1000/s and calls 300/s, $WARMUP s each per server, discarded" >&2
for s in kamailio node; do
  [ -z "$ONLY" ] || [ "$ONLY" = register ] && step register "$s" 1000 "$WARMUP"
  [ -z "$ONLY" ] || [ "$ONLY" = call ] && step call "$s" 300 "$WARMUP"
done
[ "$PAIR" = 1 ] && step call pair 300 "$WARMUP"

for run in $(seq 1 "$RUNS"); do
  for scenario in $SCENARIOS; do
    rates=$REGISTER_RATES
    [ "$scenario" = call ] && rates=$CALL_RATES
    for s in $(rotate "$run" $(servers_for "$scenario")); do
      echo "# $scenario run $run $s" >&2
      sweep "$scenario" "$s" "$run" "$rates"
    done
  done
done

# ------------------------------------------------------------------ summary
echo
echo "== SIP on 127.0.0.1/UDP: Kamailio $(kamailio -v | head -1 | awk '{print $3}') ($KAM_CHILDREN workers) vs the"
echo "   deployed node$([ "$PAIR" = 1 ] && echo " and a C/E pair (calls)"); $USERS users; $SECONDS_PER_STEP s per step; $RUNS alternating runs"
echo "   zero-failure rate: the highest step before the first step with a failed or missing call, or that took"
echo "   more than 1.25 x its schedule + 1.5 s (kept up only through retransmissions)"
echo "   CPU us/call: server utime+stime per successful call at that rate (Kamailio: all its processes; pair: both"
echo "   nodes); at common: at the highest rate every server passed in that run (the same work for all)"
echo "   PSS MB: proportional set size after the sweep, summed over the server's processes; RSS MB: resident set"
echo "   size summed the same way (counts Kamailio's shared memory once per process)"
awk '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " "); if (n == 0) return 0
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ratio(a, b) { return b > 0 && a > 0 ? sprintf("%.2f", a / b) : "n/a" }
  function zero_failure(   i) {
    for (i = 1; i <= n; i++) if (!(key[i] in broken)) {
      if (step[i] in pass) best[key[i]] = rt[i]; else broken[key[i]] = 1
    }
  }
  $4 == "pss" { pss[$1, $2, $3] = $5; next }
  $4 == "rss" { rss[$1, $2, $3] = $5; next }
  $5 == "pass" { pass[$1, $2, $3, $4] = 1; next }
  {
    sc = $1; s = $2; r = $3; rate = $4; ok = $6
    if (!(sc in SC)) { SC[sc] = 1; order[++nsc] = sc }
    if (!((sc, s) in SV)) { SV[sc, s] = 1; ns[sc]++; srv[sc, ns[sc]] = s }
    if (r > runs) runs = r
    cpu[sc, s, r, rate] = ok > 0 ? $10 * 1000000 / clk / ok : 0
    step[++n] = sc SUBSEP s SUBSEP r SUBSEP rate; key[n] = sc SUBSEP s SUBSEP r; rt[n] = rate
  }
  END {
    zero_failure()
    for (o = 1; o <= nsc; o++) {
      sc = order[o]
      printf "\n-- %s\n%-14s %4s %14s %12s %10s %14s %8s %8s\n", sc, "server", "run", "zero-fail /s", "CPU us/call", \
        "common", "CPU @common", "PSS MB", "RSS MB"
      for (r = 1; r <= runs; r++) {
        common = -1
        for (k = 1; k <= ns[sc]; k++) { z = best[sc, srv[sc, k], r] + 0; if (common < 0 || z < common) common = z }
        for (k = 1; k <= ns[sc]; k++) {
          s = srv[sc, k]; z = best[sc, s, r] + 0
          printf "%-14s %4d %14d %12.1f %10d %14.1f %8d %8d\n", s, r, z, cpu[sc, s, r, z], common, \
            cpu[sc, s, r, common], pss[sc, s, r] / 1024, rss[sc, s, r] / 1024
          Z[sc, s] = Z[sc, s] " " z; C[sc, s] = C[sc, s] " " cpu[sc, s, r, z]
          CC[sc, s] = CC[sc, s] " " cpu[sc, s, r, common]; P[sc, s] = P[sc, s] " " pss[sc, s, r]
        }
      }
      for (k = 1; k <= ns[sc]; k++) {
        s = srv[sc, k]
        mz[s] = median(Z[sc, s]); mc[s] = median(C[sc, s]); mcc[s] = median(CC[sc, s]); mp[s] = median(P[sc, s])
        printf "%-14s %4s %14d %12.1f %10s %14.1f %8d\n", s, "med", mz[s], mc[s], "", mcc[s], mp[s] / 1024
      }
      for (k = 1; k <= ns[sc]; k++) if ((s = srv[sc, k]) != "kamailio")
        printf "%-19s %14s %12s %10s %14s %8s   (target: rate >= 0.80)\n", s "/kamailio", ratio(mz[s], \
          mz["kamailio"]), ratio(mc[s], mc["kamailio"]), "", ratio(mcc[s], mcc["kamailio"]), ratio(mp[s], mp["kamailio"])
    }
  }' clk="$CLK" "$RESULTS"
echo
echo "-- every step (scenario server run rate/s: successful/total failed retransmissions wall-s CPU-us/call):"
awk -v clk="$CLK" '$4 != "pss" && $4 != "rss" && $5 != "pass" { printf "   %-8s %-8s %d %6d/s: %7d/%-7d %5d %7d %6.1f %8.1f\n", $1, $2,
  $3, $4, $6, $5, $7, $8, $9, ($6 > 0 ? $10 * 1000000 / clk / $6 : 0) }' "$RESULTS"

if [ "$PROFILE" = 1 ]; then
  KEPT=$(mktemp -d /tmp/sipbench-profile.XXXXXX)
  entries="register:2000:node call:500:node"
  [ "$PAIR" = 1 ] && entries="$entries call:500:pair"
  for entry in $entries; do
    IFS=: read -r scenario rate server <<<"$entry"
    pids=("$NODE_PID"); names=(node)
    [ "$server" = pair ] && { pids=("$NODE_PID" "$C_PID"); names=(e c); }
    echo
    echo "== profile of the $server during $scenario at $rate/s for 5 s (JFR execution samples, top frames)"
    # Threads first, without JFR: starting a recording retransforms JDK classes for its I/O events, which sends
    # the JIT recompiling much of what was compiled (seen as C2 threads busier than the event loops).
    thread_ticks "${pids[@]}" >"$WORK/threads.before"
    step "$scenario" "$server" "$rate" 5
    thread_ticks "${pids[@]}" >"$WORK/threads.after"
    echo "   step without JFR: $(cat "$WORK/step.out")"
    echo "   CPU by thread (ticks of 1/$CLK s during that step; threads grouped by name):"
    thread_delta "$WORK/threads.before" "$WORK/threads.after"
    for pid in "${pids[@]}"; do jcmd "$pid" JFR.start name=sipbench settings="${SIPBENCH_JFC:-profile}" >/dev/null; done
    step "$scenario" "$server" "$rate" 3
    step "$scenario" "$server" "$rate" 5
    echo "   step: $(cat "$WORK/step.out") (total successful failed retransmissions wall-s CPU-ticks)"
    for i in "${!pids[@]}"; do
      jfr_file="$KEPT/$scenario-${names[$i]}.jfr"
      jcmd "${pids[$i]}" JFR.dump name=sipbench filename="$jfr_file" >/dev/null
      jcmd "${pids[$i]}" JFR.stop name=sipbench >/dev/null
      echo "   ${names[$i]}: $jfr_file"
      jfr print --events jdk.ExecutionSample "$jfr_file" | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, "");
        sub(/line:.*/, ""); c[$0]++; n++} END {for (f in c) printf "%5.1f%% %s\n", 100 * c[f] / n, f}' | sort -rn | head -25
    done
  done
fi
