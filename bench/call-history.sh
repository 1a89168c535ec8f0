#!/usr/bin/env bash
# Call history at scale: a deployed Expressway-C node (edgeway.sh, as the README starts it) whose stopped database
# is given N call records through the bulk path of the tests (CallRecordSeeder: batched JDBC into the node's H2
# file, the V8 tables), then: the API's history page under sort and filter (p50/p95 over repeated requests) and
# the CSV export of the whole history (time, size, heap of the node while it streams). Not a test: prints figures
# for docs/performance.md.
#
#   bench/call-history.sh [--records N] [--repeats N] [--offset N] [--data DIR]
#
#   --records N   stored calls (default 1000000; the issue's target)
#   --repeats N   requests per page query (default 20)
#   --offset N    port offset of the node (default 3600: HTTPS 12043)
#   --data DIR    the node's data directory, kept after the run (its server log too); a DIR this script seeded
#                 with the same --records before is started as it is, without seeding again
#
# Builds what is missing (mvn -B -o package -DskipTests), stops every process it starts by pid on exit.
set -euo pipefail

RECORDS=1000000
DATA=""
REPEATS=20
OFFSET=3600
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS="$2"; shift ;;
    --repeats) REPEATS="$2"; shift ;;
    --offset) OFFSET="$2"; shift ;;
    --data) DATA="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/callbench.XXXXXX)
NODE_LAUNCHER=""
NODE_PID=""
SAMPLER=""

# shellcheck source=bench/lib/node.sh
. "$ROOT/bench/lib/node.sh"

stop_node() {
  [ -z "$NODE_PID" ] && [ -s "$DATA/server.pid" ] && NODE_PID=$(cat "$DATA/server.pid")
  if [ -n "$NODE_PID" ]; then
    kill "$NODE_PID" 2>/dev/null || true
    wait_gone "$NODE_PID" 600 || kill -9 "$NODE_PID" 2>/dev/null || true
  fi
  if [ -n "$NODE_LAUNCHER" ]; then
    kill "$NODE_LAUNCHER" 2>/dev/null || true
    wait "$NODE_LAUNCHER" 2>/dev/null || true
  fi
  NODE_PID=""
  NODE_LAUNCHER=""
  rm -f "$DATA/server.pid"
}

cleanup() {
  set +e
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null
  stop_node
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

for tool in java jstat jcmd mvn curl awk; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

SERVER_HOME=$(ls -d "$ROOT"/ear/target/wildfly-*/ 2>/dev/null | head -1 || true)
if [ ! -x "${SERVER_HOME}edgeway/bin/edgeway.sh" ] || [ ! -d "$ROOT/ear/target/test-classes/org/edgeway/it/calls" ]; then
  echo "# building the node (mvn -B -o package -DskipTests)" >&2
  (cd "$ROOT" && mvn -q -B -o package -DskipTests >/dev/null)
  SERVER_HOME=$(ls -d "$ROOT"/ear/target/wildfly-*/ | head -1)
fi
H2_JAR=$(ls "$SERVER_HOME"modules/system/layers/base/com/h2database/h2/main/h2-*.jar | head -1)
SEED_CP="$ROOT/ear/target/test-classes:$ROOT/media-engine/target/classes:$H2_JAR"

: "${DATA:=$WORK/node}"
DATA=$(realpath -m "$DATA")
HTTPS="https://127.0.0.1:$((8443 + OFFSET))"
ADMIN_PASSWORD="Bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')-1"
JAR="$WORK/cookies"

# H2 hands a statement its previous result again while no table has changed since, so twenty identical requests
# to an idle node would measure one query and nineteen cache hits; on a live node calls end between requests.
# The node runs with that reuse off (OPTIMIZE_REUSE_RESULTS=FALSE), so every request does the whole work.
start_node() {
  "${SERVER_HOME}edgeway/bin/edgeway.sh" --data "$DATA" --offset "$OFFSET" --role C -- \
    "-Dedgeway.db.url=jdbc:h2:file:$DATA/db/edgeway;DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE" \
    >>"$WORK/node.out" 2>&1 &
  NODE_LAUNCHER=$!
  wait_deployed "$DATA" "$HTTPS" "$NODE_LAUNCHER" "$WORK/node.out" || exit 1
  NODE_PID=$(cat "$DATA/server.pid")
}

if [ -f "$DATA/seeded-$RECORDS" ]; then
  echo "# $DATA holds $RECORDS seeded calls already" >&2
  ADMIN_PASSWORD=$(cat "$DATA/seeded-$RECORDS")
else
  echo "# first start (schema, first login), then stopped for the bulk load" >&2
  start_node
  first_login "$DATA" "$HTTPS" "$JAR" "$ADMIN_PASSWORD" || exit 1
  stop_node

  echo "# seeding $RECORDS calls into the stopped node's database" >&2
  java -cp "$SEED_CP" org.edgeway.it.calls.CallRecordSeeder "$DATA" "$RECORDS" >&2
  du -sh "$DATA/db" >&2
  echo "$ADMIN_PASSWORD" >"$DATA/seeded-$RECORDS"
fi

T0=$(date +%s.%N)
start_node
echo "# node up again in $(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s (pid $NODE_PID)" >&2

api_time() { # path: prints the request's total time in ms; fails on a non-200 answer
  local out
  out=$(curl -sk -u "admin:$ADMIN_PASSWORD" -o "$WORK/answer" -w '%{http_code} %{time_total}' "$HTTPS/api/v1$1")
  [ "${out%% *}" = 200 ] || { echo "GET $1 answered ${out%% *}: $(head -c 300 "$WORK/answer")" >&2; exit 1; }
  awk -v t="${out##* }" 'BEGIN{printf "%.1f\n", t * 1000}'
}

heap_used_mb() { # the node's heap in use (eden + survivors + old), MB
  jstat -gc "$NODE_PID" | awk 'NR==2{printf "%.0f\n", ($3+$4+$6+$8)/1024}'
}

# one warm-up pass (JIT, H2 page cache), not counted
HOUR_AGO=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)
QUERIES=(
  "/status/calls/history?size=50"
  "/status/calls/history?size=50&page=1000"
  "/status/calls/history?size=50&sort=sourceAlias,asc"
  "/status/calls/history?size=50&sort=durationSeconds,desc"
  "/status/calls/history?size=50&status=Failed"
  "/status/calls/history?size=50&iceCallType=host_to_relay"
  "/status/calls/history?size=50&alias=user3%40remote"
  "/status/calls/history?size=50&from=$HOUR_AGO"
)
for q in "${QUERIES[@]}"; do api_time "$q" >/dev/null; done
total=$(curl -sk -u "admin:$ADMIN_PASSWORD" "$HTTPS/api/v1/status/calls/history?size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "# stored calls: $total"

echo "| query | p50 ms | p95 ms | max ms |"
echo "|---|---|---|---|"
: >"$WORK/all-times"
for q in "${QUERIES[@]}"; do
  : >"$WORK/times"
  for _ in $(seq 1 "$REPEATS"); do api_time "$q" | tee -a "$WORK/all-times" >>"$WORK/times"; done
  sort -n "$WORK/times" | awk -v q="${q#/status/calls/history?}" '{a[NR]=$1} END{
    p50=a[int((NR+1)*0.50)]; i=int(NR*0.95+0.999); if(i>NR)i=NR; printf "| %s | %s | %s | %s |\n", q, p50, a[i], a[NR]}'
done
sort -n "$WORK/all-times" | awk '{a[NR]=$1} END{i=int(NR*0.95+0.999); if(i>NR)i=NR; printf "# all page requests: p95 %s ms over %d requests\n", a[i], NR}'

# the CSV export of everything, heap sampled every 200 ms while it streams
jcmd "$NODE_PID" GC.run >/dev/null
BASE=$(heap_used_mb)
( while true; do heap_used_mb; sleep 0.2; done ) >"$WORK/heap" 2>/dev/null &
SAMPLER=$!
out=$(curl -sk -u "admin:$ADMIN_PASSWORD" -o "$WORK/history.csv" -w '%{http_code} %{time_total}' \
  "$HTTPS/api/v1/status/calls/history.csv")
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true
SAMPLER=""
[ "${out%% *}" = 200 ] || { echo "CSV export answered ${out%% *}" >&2; exit 1; }
PEAK=$(sort -n "$WORK/heap" | tail -1)
LINES=$(($(wc -l <"$WORK/history.csv") - 1))
echo "# CSV export: $LINES calls, $(du -h "$WORK/history.csv" | cut -f1), ${out##* } s;" \
  "heap after GC before ${BASE} MB, peak during ${PEAK} MB (growth $((PEAK - BASE)) MB; young garbage included)"
[ "$LINES" = "$total" ] || { echo "the CSV has $LINES calls, the history $total" >&2; exit 1; }
