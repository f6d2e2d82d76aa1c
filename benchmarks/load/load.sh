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
# mongo", during each step, summarised by hot-methods.py), READ_SECONDS (15), READ_ROUNDS (2) and
# READ_WARMUP_SECONDS (3 per path; the launcher's gateway runs on C2, which needs minutes of traffic
# to compile its request path: give 120 or more when the read step runs alone on a fresh platform) for
# the plain-read comparison, NGINX_PORT (GATEWAY_PORT + 10), and the launcher's own variables.
#
# STEPS: intake (Gatling, gateway and case-service), latency (dispatch → event; also the platform's CPU
# per dispatch and what the gateway's door did, over the dispatches alone), read (GET /api/categories
# with one token, wrk: straight to case-service, through nginx with a keep-alive upstream, through the
# gateway, side by side in one run; needs Debian's wrk and nginx, looked for before anything starts).
# A step that fails is named with what failed and where its logs are (the platform's logs as they were
# then are copied into the results, since the next run overwrites them), and the steps after it still
# run; the report covers the steps that ran and the script exits non-zero. No exit is silent: any early
# end says the step, the command and the line.
# CASES_IN_STORE (0): before the latency step, grow case-service's store to this many cases with closed
# copies of the platform's own closed cases (PrefillCases.java; e.g. 100000, as issue #21's target asks).
# storm (not in the default STEPS): STORM_REPORTS (30000) reports through the gateway in STORM_SECONDS (60),
# every one answered 201 or 429/503 with Retry-After, every accepted report's event delivered once, and
# the platform back to normal latency within 2 minutes after (Storm.java says how each is judged). Each
# report carries X-Correlation-Id storm-<n>; the first 20 answers not allowed are listed with theirs.
# soak (not in the default STEPS either): SOAK_RATE (40) reports/s through the gateway for SOAK_SECONDS
# (1800), every one answered 201, every event delivered once; then each part's resident-memory slope
# (least squares over the samples after the first SOAK_SETTLE_SECONDS, 300) in MiB per 10 minutes, and
# each part's CPU per report from then until 30 s before the end (the steady state, cold JIT left out).
# Before those SOAK_SECONDS, a ramp of SOAK_RAMP_SECONDS (60; 0 for none) rises from a tenth of the rate
# to the full rate, its answers reported apart and judged as the storm's (round 26); the settling time
# counts from the ramp's end.
# Then it times case-service's two scans on the store the soak grew (StoreScans.java).
#
# The gateway's per-user (20/s) and per-address (100/s) rate limits are switched off for the run: all
# load comes from one address and two residents, and the limits would answer 429 to nearly all of it.
# With USE_RUNNING=1 start the gateway with GRASSROOTS_GATEWAY_RATELIMIT_ENABLED=false yourself.
# The platform runs on ports that collide with neither a developer's platform (8080-8085 ...) nor
# the end-to-end suite's (18080 ...), with its own data folder, so all three can coexist.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)"
HERE="$ROOT/benchmarks/load"
# shellcheck source=nginx-proxy.sh
source "$HERE/nginx-proxy.sh"

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
STEPS="${STEPS:-intake,latency,read}"
READ_SECONDS="${READ_SECONDS:-15}"
READ_ROUNDS="${READ_ROUNDS:-2}"
STORM_REPORTS="${STORM_REPORTS:-30000}"
CASES_IN_STORE="${CASES_IN_STORE:-0}"
STORM_SECONDS="${STORM_SECONDS:-60}"
SOAK_RATE="${SOAK_RATE:-40}"
SOAK_SECONDS="${SOAK_SECONDS:-1800}"
SOAK_SETTLE_SECONDS="${SOAK_SETTLE_SECONDS:-300}"
SOAK_RAMP_SECONDS="${SOAK_RAMP_SECONDS:-60}"
NGINX_PORT="${NGINX_PORT:-$((GATEWAY_PORT + 10))}"
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
# case-service-2 runs only with CASE_SERVICE_INSTANCES=2; a part without a pid file is passed over.
PARTS=(kafka kafka-controller mongo keycloak org-service grid-service case-service case-service-2
  volunteer-service evaluation-service gateway)

say() { printf '[load] %s\n' "$*" | tee -a "$OUT/summary.txt"; }

# No silent exit. STEP names what runs now and STEP_LOGS where its output goes; the ERR trap names the
# command that failed and its line, the EXIT trap says why the script ends early if nothing else did,
# and a signal (the shell killed, Ctrl-C) is reported as such. Steps run through run_step, so one that
# fails is reported and the others still run.
STEP="setup"
STEP_LOGS="$OUT"
FAILED_STEPS=()
REPORTED=0
on_error() {
  local rc="$1" line="$2" command="$3"
  # To stderr: inside a command substitution stdout would be captured as the command's value.
  say "FAILED in step '$STEP': \`$command\` exited with status $rc (load.sh line $line);" \
    "logs: $STEP_LOGS, the launcher's $OUT/launcher.log, the platform's $DATA/logs/" >&2
  REPORTED=1
}
trap 'on_error "$?" "$LINENO" "$BASH_COMMAND"' ERR
on_signal() {
  say "STOPPED by signal $1 during step '$STEP' (logs so far: $OUT)"
  REPORTED=1
  exit $((128 + $2))
}
trap 'on_signal HUP 1' HUP
trap 'on_signal INT 2' INT
trap 'on_signal TERM 15' TERM

machine() {
  local java=java # the launcher's JVM: JAVA_HOME's if it has one, else the PATH's
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then java="$JAVA_HOME/bin/java"; fi
  say "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB memory, $(uname -sr), $("$java" -version 2>&1 | head -1)"
  say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Sums one column of "<session> <CPU ticks> <resident KiB>" (one line per process, read from
# /proc in a single pass) over the processes of each part's session: the pid in
# <data>/run/<part>.pid is the session leader (Keycloak's is kc.sh with its JVM under it).
per_part() {
  local column="$1" part leader processes
  # cat, not awk, reads the files: it goes on past a process that ended since the glob.
  # "|| true": under pipefail cat's status for a process gone since the glob would end the script.
  processes="$({ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v kib="$(($(getconf PAGESIZE) / 1024))" \
    '{sub(/^.*\) /, ""); print $4, $12 + $13, $22 * kib}')"
  for part in "${PARTS[@]}"; do
    [[ -f "$DATA/run/$part.pid" ]] || continue
    read -r leader _ <"$DATA/run/$part.pid" || continue
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

# Each part's CPU between two cpu_ticks snapshots ($1, $2), in seconds and in ms per one of $3 things
# (a unit, $4: "report"), then all parts' with "($3 $5)"; into the summary.
cpu_per() {
  local hz; hz=$(getconf CLK_TCK)
  join <(sort "$1") <(sort "$2") | awk -v hz="$hz" -v n="$3" -v unit="$4" -v counted="$5" '
    { d[$1] = ($3 - $2) / hz; sum += d[$1] }
    END {
      for (p in d) printf "%-20s %7.1f s  %6.2f ms per %s\n", p, d[p], 1000 * d[p] / n, unit
      printf "%-20s %7.1f s  %6.2f ms per %s (%d %s)\n", "all parts", sum, 1000 * sum / n, unit, n, counted
    }' | sort -k2 -nr | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
}

# The soak's steady state between two timed cpu_ticks snapshots ($1, $2: "<when> <part> <ticks>"):
# each part's CPU and the platform's CPU per report, over the reports the soak offered in between
# (SOAK_RATE a second; by then every one is answered 201 unless the soak's own figures say otherwise).
steady_report() {
  [[ -s "$1" && -s "$2" ]] || { say "the soak ended before its steady-state CPU could be taken"; return 0; }
  local from to seconds
  read -r from _ <"$1"; read -r to _ <"$2"
  seconds="$(awk -v a="$from" -v b="$to" 'BEGIN { print b - a }')"
  say "CPU in the soak's steady state, ${seconds%.*} s from its second $((SOAK_RAMP_SECONDS + SOAK_SETTLE_SECONDS)) on ($SOAK_RATE reports/s offered):"
  cpu_per <(cut -d' ' -f2- "$1") <(cut -d' ' -f2- "$2") \
    "$(awk -v rate="$SOAK_RATE" -v seconds="$seconds" 'BEGIN { printf "%.6f", rate * seconds }')" report reports
}

# The CPU of the latency step's dispatches alone, between two cpu_ticks snapshots ($1, $2): each
# part's and all parts' per dispatch answered 200 (the count from the tool's output, $3; the refused
# ones' cost at the door is in it).
dispatch_report() {
  local answered
  answered=$(sed -n 's/.*dispatch HTTP response time: n=\([0-9]*\).*/\1/p' "$3" | head -n 1)
  if [[ -z "$answered" || "$answered" == 0 ]]; then
    say "no dispatch was answered 200: no CPU per dispatch"
    return 0
  fi
  say "CPU during the dispatches alone (from the first sent to the last answered), per dispatch answered:"
  cpu_per "$1" "$2" "$answered" dispatch answered
}

# Waits until the file $2 holds a line starting with $1, while the process $3 runs. Status 1 if it
# ended without one.
await_line() {
  until grep -q "^$1" "$2" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { grep -q "^$1" "$2" 2>/dev/null; return; }
    sleep 0.2
  done
}

# The gateway's door so far, from its /actuator/prometheus: "refused waited in-vain open-breaker" (API
# requests answered 503 by admission, let in after waiting, answered 503 after waiting, answered 503
# because their route's circuit breaker was open); "? ? ? ?" if unreadable.
door_counts() {
  { curl -s --max-time 5 "$GATEWAY/actuator/prometheus" || true; } | awk '
    function count(name) { return (name in v) ? v[name] : "?" }
    /^grassroots_gateway_(admission_(refused|waited|waited_in_vain)|open_breaker_turned_away)_total[{ ]/ {
      n = $1; sub(/\{.*/, "", n); v[n] = int($NF) }
    END { printf "%s %s %s %s\n", count("grassroots_gateway_admission_refused_total"),
            count("grassroots_gateway_admission_waited_total"), count("grassroots_gateway_admission_waited_in_vain_total"),
            count("grassroots_gateway_open_breaker_turned_away_total") }'
}

# What the door did between two door_counts ($1, $2), as a sentence.
door_report() {
  read -r r1 w1 v1 o1 <<<"$1"; read -r r2 w2 v2 o2 <<<"$2"
  if [[ "$r1$w1$v1$o1$r2$w2$v2$o2" == *"?"* ]]; then
    echo "the gateway's admission counters could not be read"
  else
    echo "the gateway's door: $((w2 - w1)) let in after waiting; $((r2 - r1)) answered 503, of them $((r2 - r1 - v2 + v1)) at once and $((v2 - v1)) after waiting; $((o2 - o1)) answered 503 for an open circuit breaker"
  fi
}

# CPU ticks (utime + stime) of every process in the session led by $1 (nginx's master leads its own).
session_ticks() {
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } \
    | awk -v session="$1" '{ sub(/^.*\) /, "") } $4 == session { total += $12 + $13 } END { print total + 0 }'
}

# Samples rss every 5 s into $1 until the file $1.stop appears. A failed sample is skipped, never fatal.
sample_rss() {
  set +e
  trap - ERR
  while [[ ! -f "$1.stop" ]]; do
    rss | sed "s/^/$(date +%s) /" >>"$1"
    sleep 5
  done
}

# Every part of the platform still running? Names each that is not, with its log. Status 1 if any is gone.
check_platform() {
  local part leader gone=0
  if [[ ! -f "$DATA/run/settings.env" ]]; then
    say "no platform is running with its data in $DATA (no $DATA/run/settings.env)"
    return 1
  fi
  for part in "${PARTS[@]}"; do
    [[ -f "$DATA/run/$part.pid" ]] || continue
    leader=""
    read -r leader _ <"$DATA/run/$part.pid" || true
    if [[ -z "$leader" ]] || ! kill -0 "$leader" 2>/dev/null; then
      say "$part is not running (pid ${leader:-unknown}); its log: $DATA/logs/$part.log"
      gone=1
    fi
  done
  return "$gone"
}

# Runs one step (a function) in a subshell with errexit on: a failure there is reported by the ERR
# trap (command and line) and here (step, status, logs), and the script goes on with the next step.
run_step() {
  local name="$1" logs="$2" rc
  shift 2
  STEP="$name"
  STEP_LOGS="$logs"
  # The ERR trap lives in the subshell only, or the subshell's failure would be reported twice.
  trap - ERR
  set +e
  (trap 'on_error "$?" "$LINENO" "$BASH_COMMAND"' ERR; set -e; "$@")
  rc=$?
  set -e
  trap 'on_error "$?" "$LINENO" "$BASH_COMMAND"' ERR
  if ((rc != 0)); then
    FAILED_STEPS+=("$name")
    # The next run starts the platform in the same folder and overwrites its logs: keep them with the results.
    mkdir -p "$OUT/platform-logs-$name"
    cp -p "$DATA"/logs/*.log "$OUT/platform-logs-$name/" 2>/dev/null || true
    say "step '$name' FAILED with status $rc; its logs: $logs; the platform's as they were then: $OUT/platform-logs-$name/; going on with the report"
    check_platform || true
  fi
  STEP="between steps"
  STEP_LOGS="$OUT"
  return 0
}

cleanup() {
  local rc=$?
  set +e
  trap - ERR
  touch "$OUT/rss-load.txt.stop"
  [[ -s "${NGINX_PID_FILE:-}" ]] && kill "$(cat "$NGINX_PID_FILE")" 2>/dev/null
  if ((rc != 0 && REPORTED == 0)); then
    say "load.sh ends early with status $rc during step '$STEP' (logs: $STEP_LOGS, $OUT/launcher.log, $DATA/logs/)"
  fi
  if [[ "$USE_RUNNING" != 1 && -f "$DATA/run/settings.env" ]]; then
    say "stopping the platform"
    "$GRASSROOTS" down >>"$OUT/launcher.log" 2>&1 || say "./grassroots down failed (see $OUT/launcher.log)"
  fi
}
trap cleanup EXIT

machine
# What the chosen steps need from the machine, checked before a platform is built and started for them
# (the read step relies on it).
if [[ "$STEPS" == *read* ]]; then
  missing=()
  for tool in wrk nginx; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if ((${#missing[@]} > 0)); then
    say "the read step needs ${missing[*]}, which this machine lacks: apt-get install ${missing[*]}," \
      "or leave read out of STEPS (now $STEPS)"
    REPORTED=1
    exit 2
  fi
fi
if [[ "$USE_RUNNING" != 1 ]]; then
  STEP="build"
  STEP_LOGS="$OUT/build.log"
  for app in org-service grid-service case-service volunteer-service evaluation-service gateway; do
    if [[ ! -f "$ROOT/$app/target/$app-0.1.0-SNAPSHOT-exec.jar" ]]; then
      say "building the applications (package, nothing installed; $OUT/build.log)"
      (cd "$ROOT" && ./mvnw -q -DskipTests package \
        -pl org-service,grid-service,case-service,volunteer-service,evaluation-service,gateway -am) >"$OUT/build.log" 2>&1
      break
    fi
  done
  STEP="start-up"
  STEP_LOGS="$OUT/launcher.log"
  if [[ "$FRESH" == 1 ]] || ! ls -d "$DATA"/keycloak/keycloak-*/data/h2 >/dev/null 2>&1; then
    say "fresh start in $DATA: empty store, Keycloak imports the realm, demo data loaded (not timed)"
    "$GRASSROOTS" up --fresh --detach >>"$OUT/launcher.log" 2>&1
    "$GRASSROOTS" down >>"$OUT/launcher.log" 2>&1
  fi
  say "start-up (warm Keycloak, data kept): ./grassroots up --detach --no-demo"
  started=$(date +%s.%N)
  "$GRASSROOTS" up --detach --no-demo >>"$OUT/launcher.log" 2>&1
  cpu_ticks >"$OUT/cpu-start-up.txt"
  say "$(printf 'start-up: whole platform healthy in %.1f s (load average now %s)' \
    "$(echo "$(date +%s.%N) - $started" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)")"
  # A start on two cores is bound by CPU: what each part had spent by the time all were healthy.
  say "CPU each part had used by then (its warm-up included):"
  cpu_report <(awk '{ print $1, 0 }' "$OUT/cpu-start-up.txt") "$OUT/cpu-start-up.txt" | sed 's/^/[load]   /' \
    | tee -a "$OUT/summary.txt"
  "$GRASSROOTS" status >>"$OUT/launcher.log" 2>&1 || true
fi
STEP="platform check"
STEP_LOGS="$DATA/logs"
if ! check_platform; then
  say "the platform is not whole before the first step: nothing measured"
  REPORTED=1
  exit 1
fi

STEP="memory at rest"
say "resident memory at rest (30 s after start-up), MiB:"
sleep "${REST_SECONDS:-30}"
rss | tee "$OUT/rss-rest.txt" | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"

sample_rss "$OUT/rss-load.txt" &
sampler=$!

say "gateway rate limits enabled: $GRASSROOTS_GATEWAY_RATELIMIT_ENABLED"
pid_of() {
  local pid=""
  read -r pid _ <"$DATA/run/$1.pid" || true
  [[ -n "$pid" ]] || { echo "no pid for $1 in $DATA/run/$1.pid" >&2; return 1; }
  echo "$pid"
}

# JFR recordings (settings=profile) of the parts in PROFILE_PARTS during a step, summarised by hot-methods.py.
# JFR keeps 64 frames of a stack unless told otherwise before its first recording; a request in a
# servlet service is deeper than that, and the frames cut are the outer ones (the controller, the
# filters), so a method's total would count only the samples that happen to be shallow.
profile_start() {
  [[ "$PROFILE" == 1 ]] || return 0
  local part pid
  for part in $PROFILE_PARTS; do
    pid="$(pid_of "$part")"
    jcmd "$pid" JFR.configure stackdepth=256 >/dev/null
    jcmd "$pid" JFR.start name="bench-$1" settings=profile filename="$OUT/$part-$1.jfr" >/dev/null
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

step_intake() {
  profile_start intake
  say "intake at fixed arrival rates $RATES /s, $STEP_SECONDS s each, gateway then case-service (Gatling)"
  say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  cpu_ticks >"$OUT/cpu-intake-before.txt"
  local rc=0
  (cd "$ROOT" && BENCH_GATEWAY="$GATEWAY" BENCH_CASE_SERVICE="$CASE_SERVICE" BENCH_KEYCLOAK="$KEYCLOAK" \
    RATES="$RATES" STEP_SECONDS="$STEP_SECONDS" BENCH_SUMMARY="$OUT/intake.md" \
    ./mvnw -q -f benchmarks/load/pom.xml gatling:test -Dgatling.resultsFolder="$OUT/gatling") >"$OUT/gatling.log" 2>&1 \
    || rc=$?
  cpu_ticks >"$OUT/cpu-intake-after.txt"
  say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ -s "$OUT/intake.md" ]]; then
    tee -a "$OUT/summary.txt" <"$OUT/intake.md"
  else
    say "Gatling wrote no results ($OUT/intake.md); the end of $OUT/gatling.log:"
    tail -15 "$OUT/gatling.log" | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
  fi
  say "CPU used by each part during the intake (all steps and warm-ups; Gatling itself not counted):"
  cpu_report "$OUT/cpu-intake-before.txt" "$OUT/cpu-intake-after.txt" | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
  profile_stop intake
  if ((rc != 0)); then
    # Gatling fails the run when its assertions fail (errors in a step): the figures above still stand.
    say "Gatling ended with status $rc (see $OUT/gatling.log)"
  fi
  [[ -s "$OUT/intake.md" ]]
}

step_latency() {
  if ((CASES_IN_STORE > 0)); then
    (cd "$ROOT" && ./mvnw -q -f benchmarks/load/pom.xml compile exec:java \
      -Dexec.mainClass=org.grassroots.benchmarks.load.PrefillCases \
      -Dmongo="mongodb://localhost:$MONGODB_PORT" -Dcases="$CASES_IN_STORE") >"$OUT/prefill.txt" 2>&1 \
      || { say "growing the store to $CASES_IN_STORE cases failed (see $OUT/prefill.txt)"; return 1; }
    { grep -v -e '^SLF4J' -e '^\[' -e '^WARNING' "$OUT/prefill.txt" || true; } | tail -3 | sed 's/^/[load] /' \
      | tee -a "$OUT/summary.txt"
  fi
  say "dispatch → CaseDispatched latency at $LATENCY_RATE dispatches/s for $LATENCY_SECONDS s"
  say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  cpu_ticks >"$OUT/cpu-latency-before.txt"
  profile_start latency
  local rc=0 tool door_before="" door_after=""
  (cd "$ROOT" && ./mvnw -q -f benchmarks/load/pom.xml compile exec:java \
    -Dexec.mainClass=org.grassroots.benchmarks.load.DispatchLatency \
    -Dgateway="$GATEWAY" -Dkeycloak="$KEYCLOAK" -Dkafka="localhost:$KAFKA_PORT" \
    -Drate="$LATENCY_RATE" -Dseconds="$LATENCY_SECONDS") >"$OUT/latency.txt" 2>&1 &
  tool=$!
  # The dispatches' own CPU and what the door did to them: from the first dispatch to the last one's
  # answer, as the tool announces each.
  if await_line "Dispatching " "$OUT/latency.txt" "$tool"; then
    cpu_ticks >"$OUT/cpu-dispatch-before.txt"
    door_before=$(door_counts)
    if await_line "Every dispatch answered" "$OUT/latency.txt" "$tool"; then
      cpu_ticks >"$OUT/cpu-dispatch-after.txt"
      door_after=$(door_counts)
    fi
  fi
  wait "$tool" || rc=$?
  cpu_ticks >"$OUT/cpu-latency-after.txt"
  profile_stop latency
  { grep -v -e '^SLF4J' -e '^Dispatching ' -e '^Every dispatch answered' "$OUT/latency.txt" || true; } | tail -8 | tee -a "$OUT/summary.txt"
  say "CPU used by each part during the latency run (preparing the cases included):"
  cpu_report "$OUT/cpu-latency-before.txt" "$OUT/cpu-latency-after.txt" | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
  if [[ -n "$door_after" ]]; then
    say "$(door_report "$door_before" "$door_after") (during the dispatches)"
    dispatch_report "$OUT/cpu-dispatch-before.txt" "$OUT/cpu-dispatch-after.txt" "$OUT/latency.txt"
  fi
  say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if ((rc != 0)); then
    say "the latency run failed with status $rc (see $OUT/latency.txt)"
    return "$rc"
  fi
}

step_storm() {
  say "storm: $STORM_REPORTS reports through the gateway in $STORM_SECONDS s"
  say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  cpu_ticks >"$OUT/cpu-storm-before.txt"
  local door_before; door_before=$(door_counts)
  profile_start storm
  local rc=0
  (cd "$ROOT" && ./mvnw -q -f benchmarks/load/pom.xml compile exec:java \
    -Dexec.mainClass=org.grassroots.benchmarks.load.Storm \
    -Dgateway="$GATEWAY" -Dkeycloak="$KEYCLOAK" -Dkafka="localhost:$KAFKA_PORT" \
    -Dreports="$STORM_REPORTS" -Dseconds="$STORM_SECONDS") >"$OUT/storm.txt" 2>&1 || rc=$?
  cpu_ticks >"$OUT/cpu-storm-after.txt"
  say "$(door_report "$door_before" "$(door_counts)")"
  profile_stop storm
  { grep -v -e '^SLF4J' -e '^\[' "$OUT/storm.txt" || true; } | tail -40 | tee -a "$OUT/summary.txt"
  say "CPU used by each part during the storm (the probes before and after included):"
  cpu_report "$OUT/cpu-storm-before.txt" "$OUT/cpu-storm-after.txt" | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
  say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if ((rc != 0)); then
    say "the storm failed its checks or did not finish, status $rc (see $OUT/storm.txt)"
    return "$rc"
  fi
}

step_soak() {
  say "soak: $SOAK_RATE reports/s through the gateway for $SOAK_SECONDS s, after a ramp of $SOAK_RAMP_SECONDS s"
  say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  cpu_ticks >"$OUT/cpu-soak-before.txt"
  local rc=0 began ended door_before
  door_before=$(door_counts)
  began=$(date +%s)
  # The steady state's CPU: two snapshots while the soak runs at its full rate, one after the ramp and
  # the settling time (the cold start's JIT and turned-away reports are behind it) and one 30 s before
  # the soak's last report; each line is "<when> <part> <ticks>".
  local steady_window=$((SOAK_SECONDS - SOAK_SETTLE_SECONDS - 30)) steady="" settled=$((SOAK_RAMP_SECONDS + SOAK_SETTLE_SECONDS))
  if ((steady_window >= 60)); then
    { sleep "$settled"; cpu_ticks | sed "s/^/$(date +%s.%N) /" >"$OUT/cpu-soak-steady-from.txt"
      sleep "$steady_window"; cpu_ticks | sed "s/^/$(date +%s.%N) /" >"$OUT/cpu-soak-steady-to.txt"; } &
    steady=$!
  fi
  (cd "$ROOT" && ./mvnw -q -f benchmarks/load/pom.xml compile exec:java \
    -Dexec.mainClass=org.grassroots.benchmarks.load.Storm -Dsoak=true \
    -Dgateway="$GATEWAY" -Dkeycloak="$KEYCLOAK" -Dkafka="localhost:$KAFKA_PORT" \
    -Dreports="$((SOAK_RATE * SOAK_SECONDS))" -Dseconds="$SOAK_SECONDS" -DrampSeconds="$SOAK_RAMP_SECONDS") \
    >"$OUT/soak.txt" 2>&1 || rc=$?
  ended=$(date +%s)
  cpu_ticks >"$OUT/cpu-soak-after.txt"
  say "$(door_report "$door_before" "$(door_counts)")"
  { grep -v -e '^SLF4J' -e '^\[' -e '^WARNING' "$OUT/soak.txt" || true; } | tail -30 | tee -a "$OUT/summary.txt"
  say "CPU used by each part during the soak:"
  cpu_report "$OUT/cpu-soak-before.txt" "$OUT/cpu-soak-after.txt" | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
  if [[ -n "$steady" ]]; then
    kill "$steady" 2>/dev/null || true # still waiting only if the soak ended early
    wait "$steady" || true
    steady_report "$OUT/cpu-soak-steady-from.txt" "$OUT/cpu-soak-steady-to.txt"
  fi
  say "resident memory during the soak after its first $settled s (samples every 5 s), MiB:"
  awk -v from="$((began + settled))" -v to="$ended" '
    $1 >= from && $1 <= to {
      p = $2; t = ($1 - from) / 600; n[p]++; st[p] += t; sy[p] += $3; stt[p] += t * t; sty[p] += t * $3
      if (!(p in first)) first[p] = $3
      last[p] = $3; if ($3 > max[p]) max[p] = $3
    }
    END {
      for (p in n) {
        d = n[p] * stt[p] - st[p] * st[p]
        slope = d > 0 ? (n[p] * sty[p] - st[p] * sy[p]) / d : 0
        printf "[load]   %-20s first %5d  last %5d  highest %5d  slope %+6.1f MiB per 10 min (%d samples)\n", p, first[p], last[p], max[p], slope, n[p]
      }
    }' "$OUT/rss-load.txt" | sort | tee -a "$OUT/summary.txt"
  say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  # What the store grown by the soak costs case-service's timed scans (round 12).
  (cd "$ROOT" && ./mvnw -q -f benchmarks/load/pom.xml compile exec:java \
    -Dexec.mainClass=org.grassroots.benchmarks.load.StoreScans \
    -Dmongo="mongodb://localhost:$MONGODB_PORT") >"$OUT/store-scans.txt" 2>&1 \
    || say "timing the store's scans failed (see $OUT/store-scans.txt)"
  { grep -v -e '^SLF4J' -e '^\[' -e '^WARNING' "$OUT/store-scans.txt" || true; } | sed 's/^/[load] /' \
    | tee -a "$OUT/summary.txt"
  if ((rc != 0)); then
    say "the soak failed its checks or did not finish, status $rc (see $OUT/soak.txt)"
    return "$rc"
  fi
}

# The plain read: GET /api/categories with one token, straight to case-service, through nginx (a
# keep-alive upstream, its configuration written here) and through the gateway, in turns, READ_ROUNDS
# rounds of READ_SECONDS each (wrk -t2 -c16). Reports each path's requests/s, its share of the direct
# path's, the CPU each proxy spent per request, and the gateway's cost relative to nginx's, where a
# path's cost is the share of the direct throughput it loses (1 - its requests/s ÷ direct's).
# Known before the step runs (in a subshell), so the EXIT trap stops an nginx that a failed step left.
NGINX_PID_FILE="$OUT/nginx/nginx.pid"
step_read() {
  local token dir="$OUT/nginx" round target url before after cs_before cs_after leader ng_leader
  token="$("$GRASSROOTS" token resident1)"
  start_nginx_proxy "$dir" "$NGINX_PORT" "$CASE_SERVICE_PORT"
  read -r ng_leader <"$dir/nginx.pid"
  leader="$(pid_of gateway)"
  local cs_leader; cs_leader="$(pid_of case-service)"
  say "plain read: GET /api/categories with one token, wrk -t2 -c16 -d${READ_SECONDS}s, $READ_ROUNDS rounds of" \
    "direct / nginx / gateway in turn (nginx: $dir/nginx.conf, port $NGINX_PORT)"
  # Warm-up: a few seconds on each path so no JIT or first connection is measured.
  for url in "$CASE_SERVICE" "http://127.0.0.1:$NGINX_PORT" "$GATEWAY"; do
    wrk -t2 -c16 -d"${READ_WARMUP_SECONDS:-3}s" -H "Authorization: Bearer $token" "$url/api/categories" >/dev/null 2>&1 \
      || say "warm-up of $url failed (wrk status $?); measuring anyway"
  done
  : >"$OUT/read.tsv"
  profile_start read
  for ((round = 1; round <= READ_ROUNDS; round++)); do
    for target in direct nginx gateway; do
      case "$target" in
        direct) url="$CASE_SERVICE" ;;
        nginx) url="http://127.0.0.1:$NGINX_PORT" ;;
        gateway) url="$GATEWAY" ;;
      esac
      local load; load="$(cut -d' ' -f1 /proc/loadavg)"
      before=0; after=0
      case "$target" in
        nginx) before="$(session_ticks "$ng_leader")" ;;
        gateway) before="$(session_ticks "$leader")" ;;
      esac
      cs_before="$(session_ticks "$cs_leader")"
      # A path that fails (wrk cannot connect, say) is a row with an error; the other paths still run.
      wrk -t2 -c16 -d"${READ_SECONDS}s" --latency -H "Authorization: Bearer $token" "$url/api/categories" \
        >"$OUT/read-$target-$round.txt" 2>&1 || echo "wrk failed: status $?" >>"$OUT/read-$target-$round.txt"
      cs_after="$(session_ticks "$cs_leader")"
      case "$target" in
        nginx) after="$(session_ticks "$ng_leader")" ;;
        gateway) after="$(session_ticks "$leader")" ;;
      esac
      awk -v target="$target" -v round="$round" -v load="$load" -v proxy=$((after - before)) \
        -v cs=$((cs_after - cs_before)) -v hz="$(getconf CLK_TCK)" '
        /Requests\/sec:/ { rps = $2 }
        /requests in/ { n = $1 }
        /Non-2xx or 3xx/ { bad += $NF }
        /Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
        / 50%/ { p50 = $2 } / 99%/ { p99 = $2 }
        /^wrk failed|unable to connect/ { bad += 1 }
        END { printf "%s\t%d\t%.1f\t%d\t%d\t%s\t%s\t%.0f\t%.0f\t%s\n", target, round, rps, n, bad, p50, p99,
                (n > 0 ? 1e6 * proxy / hz / n : 0), (n > 0 ? 1e6 * cs / hz / n : 0), load }' \
        "$OUT/read-$target-$round.txt" >>"$OUT/read.tsv"
    done
  done
  kill "$ng_leader" 2>/dev/null || true
  profile_stop read
  say "| path | round | requests/s | requests | errors | p50 | p99 | proxy CPU µs/request | case-service CPU µs/request | load average |"
  say "|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, ($1 == "direct" ? "-" : $8), $9, $10 }' \
    "$OUT/read.tsv" | sed 's/^/[load] /' | tee -a "$OUT/summary.txt"
  # Per path the best round (the one least disturbed by whatever else ran); the ratios from those.
  awk -F'\t' '$3 > best[$1] { best[$1] = $3 } $8 > 0 && (cpu[$1] == 0 || $8 < cpu[$1]) { cpu[$1] = $8 }
    { errors += $5 }
    END {
      d = best["direct"]; n = best["nginx"]; g = best["gateway"]
      if (d <= 0 || n <= 0 || g <= 0) { printf "[load] plain read: a path answered nothing (direct %.0f/s, nginx %.0f/s, gateway %.0f/s; see read-*.txt)\n", d, n, g; exit 1 }
      cn = 1 - n / d; cg = 1 - g / d
      printf "[load] plain read, best round each: direct %.0f/s, nginx %.0f/s (%.2f of direct), gateway %.0f/s (%.2f of direct)\n", d, n, n / d, g, g / d
      printf "[load] gateway cost ÷ nginx cost (cost = share of direct throughput lost): %s (target ≤ 1.5)\n", (cn > 0.005 ? sprintf("%.1f", cg / cn) : "nginx lost < 0.5 %, gateway lost " sprintf("%.1f %%", 100 * cg))
      printf "[load] proxy CPU per request (lowest round): nginx %d µs, gateway %d µs (%.1f×)\n", cpu["nginx"], cpu["gateway"], (cpu["nginx"] > 0 ? cpu["gateway"] / cpu["nginx"] : 0)
      if (errors > 0) { printf "[load] plain read: %d requests failed (see read-*.txt)\n", errors; exit 1 }
    }' "$OUT/read.tsv" | tee -a "$OUT/summary.txt"
}

if [[ "$STEPS" == *intake* ]]; then
  run_step intake "$OUT/gatling.log, $OUT/gatling/" step_intake
fi
if [[ "$STEPS" == *latency* ]]; then
  # An overloaded intake leaves the gateway's circuit breaker open for a while: let the platform settle.
  if [[ "$STEPS" == *intake* ]]; then sleep 30; fi
  run_step latency "$OUT/latency.txt" step_latency
fi
if [[ "$STEPS" == *storm* ]]; then
  run_step storm "$OUT/storm.txt" step_storm
fi
if [[ "$STEPS" == *soak* ]]; then
  run_step soak "$OUT/soak.txt" step_soak
fi
if [[ "$STEPS" == *read* ]]; then
  run_step read "$OUT/read-*.txt, $OUT/nginx/logs/" step_read
fi

STEP="report"
touch "$OUT/rss-load.txt.stop"
wait "$sampler" || true
say "resident memory under load (highest sample, every 5 s during the steps), MiB:"
if [[ -s "$OUT/rss-load.txt" ]]; then
  awk '{ if ($3 > max[$2]) max[$2] = $3 } END { for (p in max) print p, max[p] }' "$OUT/rss-load.txt" | sort \
    | sed 's/^/[load]   /' | tee -a "$OUT/summary.txt"
else
  say "  (no samples)"
fi
check_platform || say "(parts above stopped during the run)"
say "results: $OUT"
if ((${#FAILED_STEPS[@]} > 0)); then
  say "steps that FAILED: ${FAILED_STEPS[*]} (each named above with its logs)"
  REPORTED=1
  exit 1
fi
