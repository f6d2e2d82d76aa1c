#!/usr/bin/env bash
# The load benchmark, one command: start-up time of the whole platform (warm Keycloak), resident
# memory of every process at rest and under load, case intake at fixed arrival rates through the
# gateway and straight at case-service (Gatling), and dispatch → CaseDispatched latency at an
# outside consumer group. Results land in benchmarks/load/target/results/<timestamp>/; the summary
# is printed at the end. See docs/benchmarks.md.
#
#   benchmarks/load/load.sh                    start a platform of its own, measure, stop it
#   USE_RUNNING=1 benchmarks/load/load.sh      use the platform already running with the ports below
#                                              (no start-up figure; the platform is left running)
#
# Settings (environment): RATES (intake arrivals per second, comma separated, default 25,50,75,100,150),
# STEP_SECONDS (30), LATENCY_RATE (200), LATENCY_SECONDS (20), FRESH (1: begin from an empty store, so
# every run meets the same data; 0 keeps what earlier runs left), STEPS (intake,latency: which to run),
# PROFILE (1: JFR recordings of the parts in PROFILE_PARTS, default "gateway case-service grid-service
# mongo", during each step, summarised by hot-methods.py), and the launcher's own variables.
#
# The gateway's per-user (20/s) and per-address (100/s) rate limits are switched off for the run: all
# load comes from one address and two residents, and the limits would answer 429 to nearly all of it.
# With USE_RUNNING=1 start the gateway with GRASSROOTS_GATEWAY_RATELIMIT_ENABLED=false yourself.
# The platform runs on ports that collide with neither a developer's platform (8080-8085 ...) nor
# the end-to-end suite's (18080 ...), with its own data folder, so all three can coexist.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)"
HERE="$ROOT/benchmarks/load"

export GRASSROOTS_DATA_DIR="${GRASSROOTS_DATA_DIR:-$HERE/target/platform}"
export KAFKA_PORT="${KAFKA_PORT:-29092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-29093}"
export MONGODB_PORT="${MONGODB_PORT:-27217}"
export KEYCLOAK_PORT="${KEYCLOAK_PORT:-28180}"
export GATEWAY_PORT="${GATEWAY_PORT:-28080}"
export ORG_SERVICE_PORT="${ORG_SERVICE_PORT:-28081}"
export GRID_SERVICE_PORT="${GRID_SERVICE_PORT:-28082}"
export CASE_SERVICE_PORT="${CASE_SERVICE_PORT:-28083}"
export VOLUNTEER_SERVICE_PORT="${VOLUNTEER_SERVICE_PORT:-28084}"
export EVALUATION_SERVICE_PORT="${EVALUATION_SERVICE_PORT:-28085}"
RATES="${RATES:-25,50,75,100,150}"
STEP_SECONDS="${STEP_SECONDS:-30}"
LATENCY_RATE="${LATENCY_RATE:-200}"
LATENCY_SECONDS="${LATENCY_SECONDS:-20}"
USE_RUNNING="${USE_RUNNING:-0}"
FRESH="${FRESH:-1}"
STEPS="${STEPS:-intake,latency}"
PROFILE="${PROFILE:-0}"
PROFILE_PARTS="${PROFILE_PARTS:-gateway case-service grid-service mongo}"
export GRASSROOTS_GATEWAY_RATELIMIT_ENABLED="${GRASSROOTS_GATEWAY_RATELIMIT_ENABLED:-false}"

GATEWAY="http://localhost:$GATEWAY_PORT"
CASE_SERVICE="http://localhost:$CASE_SERVICE_PORT"
KEYCLOAK="http://localhost:$KEYCLOAK_PORT"
DATA="$(realpath -m "$GRASSROOTS_DATA_DIR")"
OUT="$HERE/target/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
GRASSROOTS="$ROOT/grassroots"
PARTS=(kafka kafka-controller mongo keycloak org-service grid-service case-service volunteer-service
  evaluation-service gateway)

say() { printf '[load] %s\n' "$*" | tee -a "$OUT/summary.txt"; }

machine() {
  say "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB memory, $(uname -sr), $(java -version 2>&1 | head -1)"
  say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Sums one column of "<session> <CPU ticks> <resident KiB>" (one line per process, read from
# /proc in a single pass) over the processes of each part's session: the pid in
# <data>/run/<part>.pid is the session leader (Keycloak's is kc.sh with its JVM under it).
per_part() {
  local column="$1" part leader processes
  # cat, not awk, reads the files: it goes on past a process that ended since the glob.
  processes="$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v kib="$(($(getconf PAGESIZE) / 1024))" \
    '{sub(/^.*\) /, ""); print $4, $12 + $13, $22 * kib}')"
  for part in "${PARTS[@]}"; do
    [[ -f "$DATA/run/$part.pid" ]] || continue
    read -r leader _ <"$DATA/run/$part.pid"
    awk -v session="$leader" -v column="$column" -v part="$part" \
      '$1 == session { total += $column } END { printf "%s %d\n", part, total }' <<<"$processes"
  done
}

# Resident memory of each part in MiB.
rss() { per_part 3 | awk '{ printf "%s %d\n", $1, $2 / 1024 }'; }

# CPU time of each part so far, in clock ticks (utime + stime).
cpu_ticks() { per_part 2; }

# Where the CPU went between two cpu_ticks snapshots ($1, $2): seconds and share per part.
cpu_report() {
  local hz; hz=$(getconf CLK_TCK)
  join <(sort "$1") <(sort "$2") | awk -v hz="$hz" '{ d[$1] = ($3 - $2) / hz; sum += d[$1] }
    END { for (p in d) printf "%-20s %7.1f s  %5.1f %%\n", p, d[p], (sum > 0 ? 100 * d[p] / sum : 0); printf "%-20s %7.1f s\n", "all parts", sum }' \
    | sort -k2 -nr
}

# Samples rss every 5 s into $1 until the file $1.stop appears.
sample_rss() {
  while [[ ! -f "$1.stop" ]]; do
    rss | sed "s/^/$(date +%s) /" >>"$1"
    sleep 5
  done
}

cleanup() {
  touch "$OUT/rss-load.txt.stop"
  if [[ "$USE_RUNNING" != 1 && -f "$DATA/run/settings.env" ]]; then
    say "stopping the platform"
    "$GRASSROOTS" down >>"$OUT/launcher.log" 2>&1 || true
  fi
}

machine
if [[ "$USE_RUNNING" != 1 ]]; then
  for app in org-service grid-service case-service volunteer-service evaluation-service gateway; do
    if [[ ! -f "$ROOT/$app/target/$app-0.1.0-SNAPSHOT-exec.jar" ]]; then
      say "building the applications (package, nothing installed)"
      (cd "$ROOT" && ./mvnw -q -DskipTests package \
        -pl org-service,grid-service,case-service,volunteer-service,evaluation-service,gateway -am)
      break
    fi
  done
  trap cleanup EXIT
  if [[ "$FRESH" == 1 ]] || ! ls -d "$DATA"/keycloak/keycloak-*/data/h2 >/dev/null 2>&1; then
    say "fresh start in $DATA: empty store, Keycloak imports the realm, demo data loaded (not timed)"
    "$GRASSROOTS" up --fresh --detach >>"$OUT/launcher.log" 2>&1
    "$GRASSROOTS" down >>"$OUT/launcher.log" 2>&1
  fi
  say "start-up (warm Keycloak, data kept): ./grassroots up --detach --no-demo"
  started=$(date +%s.%N)
  "$GRASSROOTS" up --detach --no-demo >>"$OUT/launcher.log" 2>&1
  say "$(printf 'start-up: whole platform healthy in %.1f s (load average now %s)' \
    "$(echo "$(date +%s.%N) - $started" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)")"
  "$GRASSROOTS" status >>"$OUT/launcher.log" 2>&1 || true
fi

say "resident memory at rest (30 s after start-up), MiB:"
sleep 30
rss | tee "$OUT/rss-rest.txt" | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"

sample_rss "$OUT/rss-load.txt" &
sampler=$!

say "gateway rate limits enabled: $GRASSROOTS_GATEWAY_RATELIMIT_ENABLED"
pid_of() { local pid; read -r pid _ <"$DATA/run/$1.pid"; echo "$pid"; }

# JFR recordings (settings=profile) of the parts in PROFILE_PARTS during a step, summarised by hot-methods.py.
profile_start() {
  [[ "$PROFILE" == 1 ]] || return 0
  local part
  for part in $PROFILE_PARTS; do
    jcmd "$(pid_of "$part")" JFR.start name="bench-$1" settings=profile filename="$OUT/$part-$1.jfr" >/dev/null
  done
}
profile_stop() {
  [[ "$PROFILE" == 1 ]] || return 0
  local part
  for part in $PROFILE_PARTS; do
    jcmd "$(pid_of "$part")" JFR.stop name="bench-$1" >/dev/null
    say "profile of $part during the $1 run ($OUT/$part-$1.jfr):"
    python3 "$HERE/hot-methods.py" "$OUT/$part-$1.jfr" 20 | tee "$OUT/$part-$1-hot.txt" | sed 's/^/[load]   /' \
      | tee -a "$OUT/summary.txt"
  done
}
if [[ "$STEPS" == *intake* ]]; then
  profile_start intake
  say "intake at fixed arrival rates $RATES /s, $STEP_SECONDS s each, gateway then case-service (Gatling)"
  say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  cpu_ticks >"$OUT/cpu-intake-before.txt"
  (cd "$ROOT" && BENCH_GATEWAY="$GATEWAY" BENCH_CASE_SERVICE="$CASE_SERVICE" BENCH_KEYCLOAK="$KEYCLOAK" \
    RATES="$RATES" STEP_SECONDS="$STEP_SECONDS" BENCH_SUMMARY="$OUT/intake.md" \
    ./mvnw -q -f benchmarks/load/pom.xml gatling:test -Dgatling.resultsFolder="$OUT/gatling") >"$OUT/gatling.log" 2>&1 \
    || say "Gatling reported failures (see $OUT/gatling.log)"
  cpu_ticks >"$OUT/cpu-intake-after.txt"
  say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$OUT/intake.md" | tee -a "$OUT/summary.txt" || true
  say "CPU used by each part during the intake (all steps and warm-ups; Gatling itself not counted):"
  cpu_report "$OUT/cpu-intake-before.txt" "$OUT/cpu-intake-after.txt" | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
  profile_stop intake
fi

if [[ "$STEPS" == *latency* ]]; then
  # An overloaded intake leaves the gateway's circuit breaker open for a while: let the platform settle.
  [[ "$STEPS" == *intake* ]] && sleep 30
  say "dispatch → CaseDispatched latency at $LATENCY_RATE dispatches/s for $LATENCY_SECONDS s"
  say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  cpu_ticks >"$OUT/cpu-latency-before.txt"
  profile_start latency
  (cd "$ROOT" && ./mvnw -q -f benchmarks/load/pom.xml compile exec:java \
    -Dexec.mainClass=org.grassroots.benchmarks.load.DispatchLatency \
    -Dgateway="$GATEWAY" -Dkeycloak="$KEYCLOAK" -Dkafka="localhost:$KAFKA_PORT" \
    -Drate="$LATENCY_RATE" -Dseconds="$LATENCY_SECONDS") >"$OUT/latency.txt" 2>&1 \
    || say "the latency run failed (see $OUT/latency.txt)"
  cpu_ticks >"$OUT/cpu-latency-after.txt"
  profile_stop latency
  grep -v -e '^SLF4J' "$OUT/latency.txt" | tail -8 | tee -a "$OUT/summary.txt"
  say "CPU used by each part during the latency run (preparing the cases included):"
  cpu_report "$OUT/cpu-latency-before.txt" "$OUT/cpu-latency-after.txt" | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
  say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

touch "$OUT/rss-load.txt.stop"
wait "$sampler" || true
say "resident memory under load (highest sample, every 5 s during both runs), MiB:"
awk '{ if ($3 > max[$2]) max[$2] = $3 } END { for (p in max) print p, max[p] }' "$OUT/rss-load.txt" | sort \
  | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
say "results: $OUT"
