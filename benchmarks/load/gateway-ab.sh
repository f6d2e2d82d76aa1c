#!/usr/bin/env bash
# Side-by-side comparison of gateway builds on one running platform, in one run: each jar given is
# started as an extra gateway (same settings as the launcher gives its own) on its own port, then
# GET /api/categories with one token is driven by wrk straight to case-service and through each
# gateway in turn, ROUNDS times, so every build meets the same machine at nearly the same moment.
# Reports each path's requests/s, its share of the direct path's, and the gateway's CPU per request
# (utime + stime of its JVM ÷ requests answered), which a busy machine disturbs far less than
# requests/s.
#
#   benchmarks/load/gateway-ab.sh before.jar after.jar [more.jar ...]
#   benchmarks/load/gateway-ab.sh 'base@gw.jar' 'no-obs@gw.jar@--spring.x.enabled=false@-XX:-TieredCompilation'
#
# A variant is a jar, or name@jar@extra@extra...: an extra starting with -X or -D is a JVM option,
# one starting with -- a Spring Boot argument, so one jar can be compared under several settings.
#
# Uses the platform of GRASSROOTS_DATA_DIR (its ports from <data>/run/settings.env). Settings:
# SECONDS_EACH (10), ROUNDS (3), WARMUP_SECONDS (2 × SECONDS_EACH per path; C2 needs minutes), WARMUP_DIRECT (1),
# FIRST_PORT (GATEWAY_PORT + 20), CONNECTIONS (16), GATEWAY_JAVA_OPTS (the launcher's default for the
# services, C1; the launcher's gateway adds -XX:TieredStopAtLevel=4, so give that as a variant's extra), GATEWAY_ENV (extra NAME=value pairs for every gateway, space separated).
# NGINX (1 if nginx is installed): Debian's nginx in front of case-service as load.sh's read step writes
# it (keep-alive upstream, no access log) is one more path, on NGINX_PORT (GATEWAY_PORT + 10), with its
# CPU per request (master and workers), so each gateway's CPU per request is also given as × nginx's.
# The variants start one after the other, each alone, so their start-up (seconds to healthy and the CPU
# the JVM spent until then) is reported too.
set -Eeuo pipefail
trap 'echo "[gateway-ab] FAILED: \`$BASH_COMMAND\` exited with status $? (line $LINENO); logs in ${OUT:-?}" >&2' ERR

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)"
# shellcheck source=nginx-proxy.sh
source "$ROOT/benchmarks/load/nginx-proxy.sh"
(($# >= 1)) || { echo "usage: $0 gateway.jar [gateway.jar ...]" >&2; exit 2; }
DATA="$(realpath -m "${GRASSROOTS_DATA_DIR:-$ROOT/benchmarks/load/target/platform}")"
[[ -f "$DATA/run/settings.env" ]] || { echo "[gateway-ab] no platform running with data in $DATA" >&2; exit 1; }
set -a
# shellcheck disable=SC1091
source "$DATA/run/settings.env"
set +a
SECONDS_EACH="${SECONDS_EACH:-10}"
WARMUP_SECONDS="${WARMUP_SECONDS:-$((2 * SECONDS_EACH))}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-16}"
FIRST_PORT="${FIRST_PORT:-$((GATEWAY_PORT + 20))}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
OUT="$ROOT/benchmarks/load/target/gateway-ab/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
say() { printf '[gateway-ab] %s\n' "$*" | tee -a "$OUT/summary.txt"; }

PIDS=()
stop_gateways() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
NGINX_DIR="$OUT/nginx"
stop_all() {
  stop_gateways
  if [[ -s "$NGINX_DIR/nginx.pid" ]]; then kill -QUIT "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true; fi
}
trap stop_all EXIT
# CPU ticks (utime + stime) of every process in the session led by $1 (nginx's master leads its own).
session_ticks() {
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } \
    | awk -v session="$1" '{ sub(/^.*\) /, "") } $4 == session { total += $12 + $13 } END { print total + 0 }'
}

ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# CPU ticks of the JVM's JIT compiler threads (a compiler thread that has ended is no longer counted).
jit_ticks() {
  local task comm total=0
  for task in /proc/"$1"/task/*; do
    comm="$(cat "$task/comm" 2>/dev/null)" || continue
    [[ "$comm" == *CompilerThre* ]] || continue
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$task/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
names=()
ports=()
port="$FIRST_PORT"
for variant in "$@"; do
  IFS=@ read -r -a fields <<<"$variant"
  if ((${#fields[@]} == 1)); then name="$(basename "$variant" .jar)"; jar="$variant"; fields=(); else
    name="${fields[0]}"; jar="${fields[1]}"; fields=("${fields[@]:2}"); fi
  jvm=()
  args=()
  for extra in "${fields[@]}"; do
    if [[ "$extra" == --* ]]; then args+=("$extra"); else jvm+=("$extra"); fi
  done
  # shellcheck disable=SC2086
  env GATEWAY_PORT="$port" KEYCLOAK_ISSUER_URI="http://localhost:$KEYCLOAK_PORT/realms/grassroots" \
    ORG_SERVICE_URL="http://localhost:$ORG_SERVICE_PORT" GRID_SERVICE_URL="http://localhost:$GRID_SERVICE_PORT" \
    CASE_SERVICE_URL="http://localhost:$CASE_SERVICE_PORT" VOLUNTEER_SERVICE_URL="http://localhost:$VOLUNTEER_SERVICE_PORT" \
    EVALUATION_SERVICE_URL="http://localhost:$EVALUATION_SERVICE_PORT" GRASSROOTS_GATEWAY_RATELIMIT_ENABLED=false \
    ${GATEWAY_ENV:-} java $GATEWAY_JAVA_OPTS "${jvm[@]}" -jar "$jar" "${args[@]}" >"$OUT/$name.log" 2>&1 &
  PIDS+=("$!")
  names+=("$name")
  ports+=("$port")
  say "started $name (pid $!) on port $port: $jar ${jvm[*]} ${args[*]}; log $OUT/$name.log"
  i=$((${#PIDS[@]} - 1))
  started=$(date +%s%N)
  for _ in $(seq 1 $((${START_TIMEOUT:-400} * 5))); do
    curl -fs "http://localhost:$port/actuator/health" >/dev/null && break
    kill -0 "${PIDS[$i]}" 2>/dev/null || { say "$name died at start-up; see $OUT/$name.log"; exit 1; }
    sleep 0.2
  done
  curl -fs "http://localhost:$port/actuator/health" >/dev/null \
    || { say "$name not healthy after ${START_TIMEOUT:-400} s; see $OUT/$name.log"; exit 1; }
  say "$name healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms, $(( $(ticks "${PIDS[$i]}") * 1000 / $(getconf CLK_TCK) )) ms of CPU (load average $(cut -d' ' -f1 /proc/loadavg))"
  port=$((port + 1))
done
paths=(direct)
urls=("http://localhost:$CASE_SERVICE_PORT")
if [[ "${NGINX:-1}" == 1 ]] && command -v nginx >/dev/null; then
  NGINX_PORT="${NGINX_PORT:-$((GATEWAY_PORT + 10))}"
  start_nginx_proxy "$NGINX_DIR" "$NGINX_PORT" "$CASE_SERVICE_PORT"
  say "started nginx (pid $(cat "$NGINX_DIR/nginx.pid")) on port $NGINX_PORT: $NGINX_DIR/nginx.conf"
  paths+=(nginx)
  urls+=("http://127.0.0.1:$NGINX_PORT")
fi
for i in "${!ports[@]}"; do paths+=("${names[$i]}"); urls+=("http://localhost:${ports[$i]}"); done
# cpu_of <path index>: CPU ticks so far of that path's proxy (0 for the direct path); jit_of: of its JIT threads.
cpu_of() {
  local name="${paths[$1]}" j
  case "$name" in
    direct) echo 0 ;;
    nginx) session_ticks "$(cat "$NGINX_DIR/nginx.pid")" ;;
    *) for j in "${!names[@]}"; do [[ "${names[$j]}" != "$name" ]] || ticks "${PIDS[$j]}"; done ;;
  esac
  return 0
}
jit_of() {
  local name="${paths[$1]}" j
  case "$name" in
    direct | nginx) echo 0 ;;
    *) for j in "${!names[@]}"; do [[ "${names[$j]}" != "$name" ]] || jit_ticks "${PIDS[$j]}"; done ;;
  esac
  return 0
}
token="$(GRASSROOTS_DATA_DIR="$DATA" "$ROOT/grassroots" token resident1)"
run_wrk() { wrk -t2 -c"$CONNECTIONS" -d"$2" --latency -H "Authorization: Bearer $token" "$1/api/categories"; }
say "warming up each path (2 × $((WARMUP_SECONDS / 2)) s)"
for _ in 1 2; do
  # The direct path (the launcher's case-service, long warm) is left out with WARMUP_DIRECT=0.
  [[ "${WARMUP_DIRECT:-1}" == 0 ]] || run_wrk "http://localhost:$CASE_SERVICE_PORT" "$((WARMUP_SECONDS / 2))s" >/dev/null
  for i in "${!paths[@]}"; do
    [[ "${paths[$i]}" == direct ]] || run_wrk "${urls[$i]}" "$((WARMUP_SECONDS / 2))s" >/dev/null
  done
done
: >"$OUT/results.tsv"
for ((round = 1; round <= ROUNDS; round++)); do
  for i in "${!paths[@]}"; do
    name="${paths[$i]}"; url="${urls[$i]}"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    before="$(cpu_of "$i")"; jit_before="$(jit_of "$i")"
    run_wrk "$url" "${SECONDS_EACH}s" >"$OUT/$name-$round.txt" 2>&1
    after="$(cpu_of "$i")"; jit_after="$(jit_of "$i")"
    awk -v name="$name" -v round="$round" -v load="$load" -v cpu=$((after - before)) -v jit=$((jit_after - jit_before)) -v hz="$(getconf CLK_TCK)" '
      /Requests\/sec:/ { rps = $2 } /requests in/ { n = $1 }
      /Non-2xx or 3xx/ { bad += $NF } /Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
      / 50%/ { p50 = $2 } / 99%/ { p99 = $2 }
      END { printf "%s\t%d\t%.1f\t%d\t%d\t%s\t%s\t%.0f\t%s\t%.0f\n", name, round, rps, n, bad, p50, p99,
              (n > 0 ? 1e6 * cpu / hz / n : 0), load, (n > 0 ? 1e6 * jit / hz / n : 0) }' "$OUT/$name-$round.txt" >>"$OUT/results.tsv"
  done
done
say "| path | round | requests/s | requests | errors | p50 | p99 | proxy CPU µs/request | of which JIT compiler threads | load average |"
say "|---|---|---|---|---|---|---|---|---|---|"
awk -F'\t' '{ printf "[gateway-ab] | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, ($1 == "direct" ? "-" : $8), ($1 == "direct" ? "-" : $10), $9 }' \
  "$OUT/results.tsv" | tee -a "$OUT/summary.txt"
say "median over rounds (requests/s, share of direct, proxy CPU µs/request, × nginx's):"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : 0) }'; }
for name in "${paths[@]}"; do
  printf '%s %s %s\n' "$name" "$(awk -F'\t' -v name="$name" '$1 == name { print $3 }' "$OUT/results.tsv" | median)" \
    "$(awk -F'\t' -v name="$name" '$1 == name { print $8 }' "$OUT/results.tsv" | median)"
done | awk '$1 == "direct" { d = $2 } $1 == "nginx" { n = $3 }
  { printf "[gateway-ab]   %-40s %8.1f/s  %.2f of direct  %s µs  %s\n", $1, $2, (d > 0 ? $2 / d : 0), ($1 == "direct" ? "-" : $3),
      ($1 == "direct" || $1 == "nginx" || n <= 0 ? "" : sprintf("%.1f × nginx", $3 / n)) }' \
  | tee -a "$OUT/summary.txt"
say "results: $OUT"
