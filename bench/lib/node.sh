# Shell functions the benchmarks share (sourced by bench/*.sh): waiting for a pid, the first login to a deployed
# node as the README describes it, the rotating order of servers.

# Waits until a pid is gone (it may not be our child), at most $2 tenths of a second.
wait_gone() {
  local i
  for i in $(seq 1 "${2:-600}"); do [ -d "/proc/$1" ] || return 0; sleep 0.1; done
  return 1
}

# faces_post COOKIE_JAR URL FORM FIELD=VALUE...: GET a Faces page and POST its form with the page's view state;
# prints the URL it ends on.
faces_post() {
  local jar=$1 url=$2 form=$3 state f
  shift 3
  state=$(curl -sk -c "$jar" -b "$jar" "$url" \
    | sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  [ -n "$state" ] || { echo "no Faces view state at $url" >&2; return 1; }
  local args=(--data-urlencode "$form=$form" --data-urlencode "jakarta.faces.ViewState=$state")
  for f in "$@"; do args+=(--data-urlencode "$form:$f"); done
  curl -sk -c "$jar" -b "$jar" -o /dev/null -L -w '%{url_effective}' "${args[@]}" "$url"
}

# first_login DATA_DIR HTTPS_URL COOKIE_JAR NEW_PASSWORD: the one-time password from the node's server log, changed
# in the console, as an administrator does it; fails unless the console lands on Status > Overview.
first_login() {
  local data=$1 https=$2 jar=$3 password=$4 one_time landed
  one_time=$(sed -n "s/.*Initial administrator password for 'admin' (one-time, change at first login): //p" \
    "$data/server/log/server.log" | head -1)
  faces_post "$jar" "$https/login" loginForm "username=admin" "password=$one_time" "login=" >/dev/null
  landed=$(faces_post "$jar" "$https/change-password" changePasswordForm "currentPassword=$one_time" \
    "newPassword=$password" "confirmPassword=$password" "change=")
  case "$landed" in */status/overview) ;; *) echo "first login failed on $https (ended on $landed)" >&2; return 1 ;; esac
}

# rotate N SERVER...: the servers in an order that rotates with the run number, so none always goes first or last
rotate() { local n=$1; shift; local a=("$@") i; for i in $(seq 0 $((${#a[@]} - 1))); do echo -n "${a[$(( (i + n) % ${#a[@]} ))]} "; done; }

# wait_deployed DATA_DIR HTTPS_URL LAUNCHER_PID LOG: waits (at most 5 min) until the node's EAR is deployed and its
# console answers; fails, showing the end of LOG, if the deployment failed or the launcher (edgeway.sh) ended.
wait_deployed() {
  local data=$1 https=$2 launcher=$3 log=$4 i
  for i in $(seq 1 3000); do
    [ -f "$data/server/deployments/edgeway.ear.failed" ] && { echo "deployment failed ($data)" >&2; return 1; }
    [ -f "$data/server/deployments/edgeway.ear.deployed" ] \
      && [ "$(curl -sk -o /dev/null -w '%{http_code}' "$https/login")" = 200 ] && return 0
    [ -d "/proc/$launcher" ] || { tail -20 "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "the node at $https is not up after 5 minutes" >&2
  return 1
}

# "ticks<TAB>name" per thread name of the given pids, digits in the names folded ("C# CompilerThre"), to tell the
# event loops from the JIT, the GC and WildFly's threads
thread_ticks() { local p t; for p in "$@"; do for t in /proc/"$p"/task/*; do
  awk '{ match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); gsub(/[0-9]+/, "#", name)
         rest = substr($0, RSTART + RLENGTH + 1); split(rest, f, " "); print f[12] + f[13], name }' "$t/stat" 2>/dev/null
  done; done | awk '{ n = $1; $1 = ""; sub(/^ /, ""); c[$0] += n } END { for (k in c) print c[k] "\t" k }'; }

# The threads that used CPU between two thread_ticks files, busiest first
thread_delta() {
  awk -F '\t' 'NR == FNR { b[$2] = $1; next } { d = $1 - b[$2]; if (d > 0) printf "%8d %s\n", d, $2 }' "$1" "$2" |
    sort -rn | head -12
}
