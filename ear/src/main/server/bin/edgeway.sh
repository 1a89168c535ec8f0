#!/usr/bin/env bash
# Starts one Edgeway node (an Expressway-C or Expressway-E) on the WildFly this build provisioned.
#
#   edgeway.sh [--data DIR] [--offset N] [--bind ADDR] [--role C|E] [--size small|medium|large]
#              [--lab-http] [--prepare-only] [--no-deploy] [-- extra standalone.sh args]
#
# A node is its data directory: database, TLS keystore, WildFly base dir (logs, deployments) all live there,
# so two nodes run side by side with two data directories and two port offsets (HTTP 8080+N, HTTPS 8443+N).
# The console and API answer on HTTPS; plain HTTP redirects there, unless --lab-http keeps plain HTTP for
# requests from loopback addresses (a lab on one machine). Management (9990+N) listens on loopback only.
# The data directory is private to the user running the node (files 0600, directories 0700).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)          # <server>/edgeway
server=$(cd "$here/.." && pwd)                   # WildFly home
data=${EDGEWAY_DATA_DIR:-$HOME/.edgeway/data}
offset=${EDGEWAY_PORT_OFFSET:-0}
bind=${EDGEWAY_BIND_ADDRESS:-127.0.0.1}
role=${EDGEWAY_NODE_ROLE:-C}
size=${EDGEWAY_SYSTEM_SIZE:-small}
prepare_only=false
deploy=true
plain_http=off
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --offset) offset=$2; shift 2 ;;
    --bind) bind=$2; shift 2 ;;
    --role) role=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --prepare-only) prepare_only=true; shift ;;
    --no-deploy) deploy=false; shift ;;   # for test servers that deploy their own archive (Arquillian)
    --lab-http) plain_http=loopback; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "edgeway.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
# Everything the node writes (database, keystore, logs) is readable by its own user only.
umask 077
mkdir -p "$data"
data=$(cd "$data" && pwd)
chmod -R go-rwx "$data"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

# Run before every start, including a restart from the console: refreshes the configuration and the EAR and
# installs an uploaded server certificate.
prepare() {
  # The node's WildFly base dir: configuration and the EAR refreshed from this build on every start,
  # its data/ and log/ kept.
  base="$data/server"
  mkdir -p "$base/configuration" "$base/deployments" "$base/data" "$base/log" "$data/tls" "$data/db"
  cp -f "$server/standalone/configuration/"*.xml "$server/standalone/configuration/"*.properties "$base/configuration/"
  rm -f "$base/deployments/edgeway.ear"*
  if $deploy; then
    cp -f "$here/edgeway.ear" "$base/deployments/edgeway.ear"
  fi

  # Self-signed HTTPS certificate and its keystore password, created once per node (Bouncy Castle).
  if [ ! -s "$data/tls/https.properties" ]; then
    echo "edgeway.tls.password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" > "$data/tls/https.properties"
  fi
  password=$(sed -n 's/^edgeway.tls.password=//p' "$data/tls/https.properties")
  if [ ! -s "$data/tls/https.p12" ]; then
    "$java" -cp "$here/lib/*" org.edgeway.engine.tls.SelfSignedCertificate \
      "$data/tls/https.p12" "$password" "$(hostname -f 2>/dev/null || hostname)"
  fi

  # A server certificate uploaded on Maintenance > Security > Server certificate waits for this restart (seed 002).
  if [ -s "$data/tls/https.p12.pending" ]; then
    mv -f "$data/tls/https.p12" "$data/tls/https.p12.previous"
    mv -f "$data/tls/https.p12.pending" "$data/tls/https.p12"
    echo "installed the uploaded server certificate (the previous one is tls/https.p12.previous)"
  fi
}
prepare

# HSM Mode PKCS#11 (Maintenance > Security > HSM configuration): once the token holds a server certificate, the
# HTTPS listener's key store is the token (standalone-hsm.xml) through the JDK's SunPKCS11 provider, configured by
# the java.security override TokenProbe writes; the PIN, stored encrypted, reaches the key store in the server's
# environment only. A token that fails (library gone, wrong PIN) leaves HTTPS on tls/https.p12, and the console's
# HSM status says why. Run after prepare at every start, a console restart included.
choose_tls() {
  if [ "${tls_source:-}" = pkcs11 ]; then
    unset EDGEWAY_HSM_PIN JDK_JAVA_OPTIONS # what the previous start exported; the token is probed again
  fi
  config=standalone.xml
  tls_source=file
  if [ -s "$data/tls/pkcs11/pkcs11.cfg" ]; then
    set +e
    hsm_pin=$("$java" -cp "$here/lib/*" org.edgeway.services.hsm.TokenProbe boot "$data")
    probe=$?
    set -e
    case $probe in
      0) config=standalone-hsm.xml; tls_source=pkcs11
         export EDGEWAY_HSM_PIN="$hsm_pin"
         export JDK_JAVA_OPTIONS="-Djava.security.properties=$data/tls/pkcs11/java.security"
         echo "HTTPS uses the server certificate and key in the PKCS#11 token" ;;
      3) ;;
      *) echo "HSM: the PKCS#11 token is not usable ($hsm_pin); HTTPS uses tls/https.p12" >&2 ;;
    esac
    unset hsm_pin
  fi
}
choose_tls

if $prepare_only; then
  echo "prepared $data"
  exit 0
fi

# The node's JVM (docs/performance.md): a fixed heap, so it never resizes under relay load, and G1 held to pauses a
# media relay can live with (its default target is 200 ms). JBOSS_JAVA_SIZING or JAVA_OPTS in the environment win.
export JBOSS_JAVA_SIZING=${JBOSS_JAVA_SIZING:-"-Xms512m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=50"}
export LAUNCH_JBOSS_IN_BACKGROUND=1
export JBOSS_PIDFILE="$data/server.pid"
# Maintenance > Restart options ends the server with status 11 (restart: prepare and start again) or 0 (shutdown).
# WildFly's own restart status 10 is handled inside standalone.sh, which would skip prepare.
restart_status=11
while true; do
  "$server/bin/standalone.sh" -c "$config" -b "$bind" \
    -Djboss.server.base.dir="$base" \
    -Djboss.socket.binding.port-offset="$offset" \
    -Djboss.bind.address.management=127.0.0.1 \
    -Dedgeway.console.plain-http="$plain_http" \
    -Dedgeway.data.dir="$data" \
    -Dedgeway.tls.source="$tls_source" \
    -Dedgeway.node.role="$role" \
    -Dedgeway.system.size="$size" \
    -Dedgeway.engine.bind-address="$bind" \
    -P "file://$data/tls/https.properties" \
    -Dice4j.harvest.mapping.aws.enabled=false \
    "$@" &
  standalone=$!
  # a signal to this script stops the server (standalone.sh passes it on to the JVM) rather than orphaning it
  trap 'kill -TERM "$standalone" 2>/dev/null' TERM INT HUP
  status=0
  while kill -0 "$standalone" 2>/dev/null; do
    wait "$standalone" && status=0 || status=$?
  done
  trap - TERM INT HUP
  if [ "$status" -ne "$restart_status" ]; then
    exit "$status"
  fi
  echo "restarting the node (requested from Maintenance > Restart options)"
  prepare
  choose_tls
done
