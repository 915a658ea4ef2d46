#!/usr/bin/env bash
# The fault suite: under a steady load of 双清单 submissions and lists through HAProxy, inject
# each fault of issue 10 in turn on the local topology (cluster.sh), then account for every
# acknowledged write against what the database holds.
#
#   mvn -B -q -DskipTests package                 # the jar the nodes run
#   deploy/local/fault-suite.sh                   # all faults, about 6-8 minutes
#   FAULTS="pg-stop redis-oom" deploy/local/fault-suite.sh     # some of them
#
# Writes deploy/local/target/fault-report.md (the table for the README) and keeps the raw log in
# deploy/local/target/fault/ (requests.csv: one line per request; events.csv: when each fault
# started and ended; stored.tsv: the needs the database holds; logout.csv; the nodes' logs).
#
# Faults (in this order; the last one drops the database, so it runs last):
#   pg-restart       PostgreSQL restarted (pg_ctl restart -m fast)
#   pg-stop          PostgreSQL stopped for $PG_STOP_SECONDS (35: longer than the pools' wait)
#   redis-kill       the Redis primary killed (-9), restarted after $FAULT_SECONDS (Sentinel fails
#                    over after SY_SENTINEL_DOWN_AFTER_MS, the old primary comes back as replica)
#   redis-freeze     the Redis primary frozen (SIGSTOP) for $FAULT_SECONDS, then SIGCONT
#   redis-oom        the Redis primary refusing writes (maxmemory 1, noeviction) for
#                    $FAULT_SECONDS; a logout during it, its token then asked for on both nodes
#   node-kill        node1 killed (-9), relaunched after 3 s
#   pg-exhaust       the nodes' connections cut and every free PostgreSQL slot taken by a hog
#                    (pg_sleep), for $EXHAUST_SECONDS (35)
#   fresh-start      both nodes stopped, the database dropped, both nodes started at once on it
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CLUSTER="$HERE/cluster.sh"
: "${SY_STATE:=$HERE/target/cluster}"
: "${SY_PG_PORT:=55432}"
: "${SY_NODE1_PORT:=58081}"
: "${SY_NODE2_PORT:=58082}"
: "${SY_HAPROXY_PORT:=58080}"
: "${SY_HAPROXY_STATS_PORT:=58404}"
: "${SY_PG_MAX_CONNECTIONS:=80}"
: "${FAULTS:=pg-restart pg-stop redis-kill redis-freeze redis-oom node-kill pg-exhaust fresh-start}"
: "${FAULT_SECONDS:=10}"
# longer than the pools' 30 s wait for a connection, so that what a client then gets shows
: "${PG_STOP_SECONDS:=35}"
: "${EXHAUST_SECONDS:=35}"
: "${SETTLE_SECONDS:=6}"
: "${BASELINE_SECONDS:=10}"
: "${RECOVERY_LIMIT_SECONDS:=120}"
: "${PACE_MS:=300}"
# workers of each kind per tenant (Pinghu and Hangzhou): submitters and listers
: "${WORKERS:=2}"
: "${REQUEST_TIMEOUT_SECONDS:=40}"
: "${OUT:=$HERE/target/fault}"
: "${REPORT:=$HERE/target/fault-report.md}"
export SY_STATE SY_PG_PORT SY_NODE1_PORT SY_NODE2_PORT SY_HAPROXY_PORT SY_HAPROXY_STATS_PORT \
  SY_PG_MAX_CONNECTIONS

RUN="FL$(date -u +%m%d%H%M%S)"
EVENTS="$OUT/events.csv"
LOAD_PID=""
HOG_PIDS=()

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/suite.log"; }
now_ms() { date +%s%3N; }
event() { # fault phase [note]
  echo "$(now_ms),$1,$2,${3:-}" >>"$EVENTS"
  log "$1 $2 ${3:-}"
}
pid_of() { cat "$SY_STATE/pids/$1.pid" 2>/dev/null || true; }
healthy() { curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$1/health" 2>/dev/null; }
both_up_in_haproxy() {
  [[ "$(curl -fsS -m 2 "http://127.0.0.1:$SY_HAPROXY_STATS_PORT/;csv" 2>/dev/null |
    awk -F, '$1=="app" && ($2=="app1" || $2=="app2") && $18=="UP"' | wc -l)" == 2 ]]
}
psql_super() { "$CLUSTER" psql -Atq "$@"; }
primary_name() {
  case "$("$CLUSTER" primary)" in
    56380 | "${SY_REDIS2_PORT:-56380}") echo redis2 ;;
    *) echo redis1 ;;
  esac
}
redis_port() { [[ "$1" == redis2 ]] && echo "${SY_REDIS2_PORT:-56380}" || echo "${SY_REDIS1_PORT:-56379}"; }

cleanup() {
  for pid in "${HOG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n "$LOAD_PID" ]] && kill -0 "$LOAD_PID" 2>/dev/null; then
    touch "$OUT/stop"
    wait "$LOAD_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# successes on both nodes after the fault ended, no failure for SETTLE_SECONDS, both nodes UP
wait_recovered() { # fault
  local fault="$1" ended start=$SECONDS
  ended="$(awk -F, -v f="$fault" '$2==f && $3=="end" {t=$1} END {print t}' "$EVENTS")"
  while ((SECONDS - start < RECOVERY_LIMIT_SECONDS)); do
    if healthy "$SY_NODE1_PORT" && healthy "$SY_NODE2_PORT" && both_up_in_haproxy &&
      awk -F, -v t="$ended" -v now="$(now_ms)" -v settle="$((SETTLE_SECONDS * 1000))" '
        NR > 1 && $4 != "login" {
          ok = ($7 >= 200 && $7 < 300)
          if (!ok && $2 > lastfail) lastfail = $2
          if (ok && $1 >= t) seen[$8] = 1
        }
        END { exit !(seen["app1"] && seen["app2"] && now - lastfail >= settle) }' "$OUT/requests.csv"; then
      event "$fault" settled
      return 0
    fi
    sleep 1
  done
  event "$fault" settled "not recovered within ${RECOVERY_LIMIT_SECONDS}s"
}

snapshot_stored() { # appends the suite's needs the database holds: tenant, title, id
  psql_super -F $'\t' -c "
    select 'pinghu', title, id from t_pinghu.need where title like '$RUN-%'
    union all
    select 'hangzhou', title, id from t_hangzhou.need where title like '$RUN-%'" >>"$OUT/stored.tsv"
}

node_crashed_note() { # node: the process is gone
  local pid
  pid="$(pid_of "$1")"
  [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null
}

# --- the faults -----------------------------------------------------------------------------
fault_pg-restart() {
  event pg-restart start
  "$CLUSTER" stop pg >/dev/null
  "$CLUSTER" start pg >/dev/null
  event pg-restart end
}

fault_pg-stop() {
  event pg-stop start "${PG_STOP_SECONDS} s"
  "$CLUSTER" stop pg >/dev/null
  sleep "$PG_STOP_SECONDS"
  "$CLUSTER" start pg >/dev/null
  event pg-stop end
}

fault_redis-kill() {
  local name
  name="$(primary_name)"
  event redis-kill start "$name -9, back after ${FAULT_SECONDS} s"
  "$CLUSTER" stop -9 "$name" >/dev/null
  sleep "$FAULT_SECONDS"
  "$CLUSTER" start "$name" >/dev/null
  event redis-kill end "primary now $(primary_name)"
}

fault_redis-freeze() {
  local name pid
  name="$(primary_name)"
  pid="$(pid_of "$name")"
  event redis-freeze start "$name SIGSTOP ${FAULT_SECONDS} s"
  kill -STOP "$pid"
  sleep "$FAULT_SECONDS"
  kill -CONT "$pid"
  event redis-freeze end "primary now $(primary_name)"
}

fault_redis-oom() {
  local name port check
  name="$(primary_name)"
  port="$(redis_port "$name")"
  event redis-oom start "$name maxmemory 1 for ${FAULT_SECONDS} s, a logout during it"
  redis-cli -p "$port" config set maxmemory-policy noeviction >/dev/null
  redis-cli -p "$port" config set maxmemory 1 >/dev/null
  sleep 2
  java "$HERE/FaultLoad.java" logout-check fault=redis-oom out="$OUT/logout.csv" \
    base="http://127.0.0.1:$SY_HAPROXY_PORT" watch-s=$((FAULT_SECONDS + 8)) \
    nodes="app1=http://127.0.0.1:$SY_NODE1_PORT,app2=http://127.0.0.1:$SY_NODE2_PORT" \
    >>"$OUT/suite.log" 2>&1 &
  check=$!
  sleep "$((FAULT_SECONDS - 2))"
  redis-cli -p "$port" config set maxmemory 0 >/dev/null
  event redis-oom end
  wait "$check" || true
}

fault_node-kill() {
  event node-kill start "node1 -9, relaunched after 3 s"
  "$CLUSTER" stop -9 node1 >/dev/null
  sleep 3
  "$CLUSTER" launch node1 >/dev/null
  event node-kill end "node1 relaunched"
}

free_slots() { # client slots a non-superuser could still take
  psql_super -c "select current_setting('max_connections')::int
                   - current_setting('superuser_reserved_connections')::int - count(*)
                 from pg_stat_activity where backend_type = 'client backend' and usename <> 'postgres'"
}

hog_fill() { # [n]: one psql per slot it can get, each sleeping until the suite ends the fault
  local password i
  password="$(grep SY_HOG_PASSWORD "$SY_STATE/secrets.env" | cut -d= -f2)"
  for i in $(seq 1 "${1:-$SY_PG_MAX_CONNECTIONS}"); do
    PGPASSWORD="$password" psql -X -q -h 127.0.0.1 -p "$SY_PG_PORT" -U shuangyong_hog -d shuangyong \
      -c "select pg_sleep(3600)" >/dev/null 2>&1 &
    HOG_PIDS+=($!)
  done
}

APP_ROLES="'shuangyong_app', 'shuangyong_platform', 'shuangyong_owner'"
connection_limit() { # n: how many connections the nodes' roles may open (-1: no limit)
  printf '%s\n' "select format('alter role %I connection limit $1', rolname) from pg_roles" \
    " where rolname in ($APP_ROLES) \\gexec" | psql_super >/dev/null
}
fault_pg-exhaust() {
  event pg-exhaust start "a hog holds every slot for ${EXHAUST_SECONDS} s"
  # the nodes' own connections are cut and, for the second the hog needs to take every free
  # slot, their roles may not reconnect; then they may again, but no slot is left
  connection_limit 0
  psql_super -c "select count(pg_terminate_backend(pid)) from pg_stat_activity
                 where usename in ($APP_ROLES)" >/dev/null
  hog_fill
  local deadline=$((SECONDS + 8))
  while (($(free_slots) > 0 && SECONDS < deadline)); do
    sleep 0.5
    (($(free_slots) > 0)) && hog_fill "$(free_slots)"
  done
  connection_limit -1
  log "hog holds $(psql_super -c "select count(*) from pg_stat_activity where usename = 'shuangyong_hog'") connections,"\
" the nodes $(psql_super -c "select count(*) from pg_stat_activity where usename in ($APP_ROLES)")"
  sleep "$((EXHAUST_SECONDS - 2))"
  psql_super -c "select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = 'shuangyong_hog'" >/dev/null
  for pid in "${HOG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  HOG_PIDS=()
  event pg-exhaust end
}

fault_fresh-start() {
  event fresh-start start "both nodes stopped, database dropped, both started at once"
  "$CLUSTER" stop nodes >/dev/null
  snapshot_stored
  "$CLUSTER" fresh-db >/dev/null
  local one two
  "$CLUSTER" launch node1 >/dev/null &
  one=$!
  "$CLUSTER" launch node2 >/dev/null &
  two=$!
  wait "$one" "$two"
  event fresh-start end "both launched"
  local start=$SECONDS node
  until healthy "$SY_NODE1_PORT" && healthy "$SY_NODE2_PORT"; do
    for node in node1 node2; do
      if node_crashed_note "$node"; then
        event fresh-start crash "$node exited during its start (see $node.log); relaunched"
        "$CLUSTER" launch "$node" >/dev/null
      fi
    done
    ((SECONDS - start < RECOVERY_LIMIT_SECONDS)) || break
    sleep 1
  done
}

# --- the run --------------------------------------------------------------------------------
# one function, read whole before it runs: editing this file during a run cannot derail it
main() {
  rm -rf "$OUT"
  mkdir -p "$OUT"
  : >"$OUT/stored.tsv"
  echo "time_ms,fault,phase,note" >"$EVENTS"
  log "run $RUN: faults: $FAULTS (fault ${FAULT_SECONDS} s, settle ${SETTLE_SECONDS} s)"
  "$CLUSTER" up >>"$OUT/suite.log" 2>&1 || { log "cluster did not come up"; exit 1; }
  SENTINEL_LOG_LINES="$(wc -l <"$SY_STATE/logs/sentinel1.log")"

  java "$HERE/FaultLoad.java" load out="$OUT" run="$RUN" pace-ms="$PACE_MS" workers="$WORKERS" \
    base="http://127.0.0.1:$SY_HAPROXY_PORT" timeout-s="$REQUEST_TIMEOUT_SECONDS" \
    >>"$OUT/load.log" 2>&1 &
  LOAD_PID=$!
  until [[ -s "$OUT/requests.csv" ]] && (($(wc -l <"$OUT/requests.csv") > 4)); do sleep 0.5; done
  log "load running (pid $LOAD_PID), baseline ${BASELINE_SECONDS} s"
  sleep "$BASELINE_SECONDS"

  for fault in $FAULTS; do
    declare -F "fault_$fault" >/dev/null || { log "unknown fault $fault"; exit 2; }
    "fault_$fault"
    wait_recovered "$fault"
  done

  touch "$OUT/stop"
  wait "$LOAD_PID" || true
  LOAD_PID=""
  log "load stopped; accounting"
  snapshot_stored
  for name in node1 node2 haproxy postgres; do
    cp "$SY_STATE/logs/$name.log" "$OUT/$name.log" 2>/dev/null || true
  done
  tail -n +"$((SENTINEL_LOG_LINES + 1))" "$SY_STATE/logs/sentinel1.log" 2>/dev/null |
    grep -E '\+switch-master|\+sdown master|\+odown' >"$OUT/sentinel-failovers.log" || true
  java "$HERE/FaultLoad.java" report out="$OUT" report="$REPORT" | tee -a "$OUT/suite.log"
  {
    echo
    echo "Run $RUN of $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$REPO" rev-parse --short HEAD),"\
  " faults ${FAULT_SECONDS} s (PostgreSQL stopped ${PG_STOP_SECONDS} s, exhausted ${EXHAUST_SECONDS} s), settle ${SETTLE_SECONDS} s,"\
  " load: $((WORKERS * 2)) submitting and $((WORKERS * 2)) listing clients, each pausing ${PACE_MS} ms,"\
  " PostgreSQL max_connections $SY_PG_MAX_CONNECTIONS."
    echo "Times are from the fault's start; recovery runs from the fault's end to the first success on each node."
    awk -F, 'NR > 1 && $4 != "" && $3 != "start" {print "- " $2 " " $3 ": " $4}' "$EVENTS"
    sed 's/^/- sentinel: /' "$OUT/sentinel-failovers.log"
  } >>"$REPORT"
  log "report: $REPORT (raw log: $OUT)"
}

main "$@"
