#!/usr/bin/env bash
# The deploy topology of deploy/docker-compose.yml, run on one machine from Debian packages:
# PostgreSQL 15 of its own, Redis primary + replica watched by three Sentinels, two application
# nodes (ui/target/shuangyong-cloud.jar) and HAProxy in front with sticky cookies.
#
# Everything runs on its own ports and under its own directory ($SY_STATE, default
# deploy/local/target/cluster): it never touches a PostgreSQL on 5432 or a Redis on 6379.
#
#   deploy/local/cluster.sh up              start what is not running, wait until healthy
#   deploy/local/cluster.sh down            stop everything (data kept)
#   deploy/local/cluster.sh status          what runs, who is the Redis primary, node health
#   deploy/local/cluster.sh logs [part]     tail the logs (postgres, redis1, redis2, sentinel1..3,
#                                           node1, node2, haproxy), all when no part is named
#   deploy/local/cluster.sh start|stop <part>   one part (pg, redis1, redis2, sentinels, node1,
#                                           node2, nodes, haproxy); stop -9 <part> kills it;
#                                           launch node1|node2 starts a node without waiting
#   deploy/local/cluster.sh psql [args]     psql as the cluster's superuser on its database
#   deploy/local/cluster.sh primary         the port of the current Redis primary (Sentinel's)
#   deploy/local/cluster.sh fresh-db        drop the database and the roles the nodes created,
#                                           recreate the empty database (nodes must be stopped)
#   deploy/local/cluster.sh clean           down, then delete the state directory
#   deploy/local/cluster.sh env             the environment the nodes get (secrets masked)
#
# Needs: postgresql-15 (initdb, pg_ctl), redis-server, haproxy (apt-get install -y haproxy),
# JDK 17, and the jar (mvn -B -q -DskipTests package). Run as root (PostgreSQL runs as postgres).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"

: "${SY_STATE:=$HERE/target/cluster}"
: "${SY_PG_BIN:=/usr/lib/postgresql/15/bin}"
: "${SY_PG_PORT:=55432}"
: "${SY_PG_MAX_CONNECTIONS:=80}"
: "${SY_REDIS1_PORT:=56379}"
: "${SY_REDIS2_PORT:=56380}"
: "${SY_SENTINEL_PORTS:=56390 56391 56392}"
: "${SY_SENTINEL_DOWN_AFTER_MS:=5000}"
: "${SY_REDIS_MASTER_NAME:=shuangyong}"
: "${SY_NODE1_PORT:=58081}"
: "${SY_NODE2_PORT:=58082}"
: "${SY_HAPROXY_PORT:=58080}"
: "${SY_HAPROXY_STATS_PORT:=58404}"
: "${SY_JAR:=$REPO/ui/target/shuangyong-cloud.jar}"
: "${SY_JAVA_OPTS:=-Xms128m -Xmx640m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
: "${SY_HEALTH_TIMEOUT:=180}"
# HAProxy's own answers (503 when no node can take a request): those of deploy/haproxy.cfg
SY_ERRORS_DIR="$REPO/deploy/haproxy-errors"
export SY_HAPROXY_PORT SY_NODE1_PORT SY_NODE2_PORT SY_HAPROXY_STATS_PORT SY_ERRORS_DIR SY_STATE

DB=shuangyong
OWNER=shuangyong_owner
PGDATA="$SY_STATE/pg/data"
PGRUN="$SY_STATE/pg/run"
LOGS="$SY_STATE/logs"
PIDS="$SY_STATE/pids"
SECRETS="$SY_STATE/secrets.env"

for port in "$SY_PG_PORT" "$SY_REDIS1_PORT" "$SY_REDIS2_PORT"; do
  case "$port" in 5432 | 6379)
    echo "refusing port $port: it belongs to the shared servers" >&2
    exit 2
    ;;
  esac
done

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() {
  log "ERROR: $*" >&2
  exit 1
}

# --- secrets: made once, the same for both nodes --------------------------------------------
secrets() {
  mkdir -p "$SY_STATE"
  if [[ ! -f "$SECRETS" ]]; then
    umask 077
    {
      echo "SY_OWNER_PASSWORD=$(openssl rand -hex 16)"
      echo "SY_APP_PASSWORD=$(openssl rand -hex 16)"
      echo "SY_PLATFORM_PASSWORD=$(openssl rand -hex 16)"
      echo "SY_HOG_PASSWORD=$(openssl rand -hex 16)"
      echo "SY_JWT_SECRET=$(openssl rand -hex 32)"
    } >"$SECRETS"
    umask 022
  fi
  if ! grep -q '^SY_AUDIT_KEY=' "$SECRETS"; then # state made before the audit key existed
    echo "SY_AUDIT_KEY=$(openssl rand -hex 32)" >>"$SECRETS"
  fi
  if ! grep -q '^SY_PRIVACY_KEY=' "$SECRETS"; then # state made before the personal-data key existed
    echo "SY_PRIVACY_KEY=$(openssl rand -hex 32)" >>"$SECRETS"
  fi
  # shellcheck disable=SC1090
  source "$SECRETS"
}

# --- process helpers ------------------------------------------------------------------------
pid_of() { [[ -f "$PIDS/$1.pid" ]] && cat "$PIDS/$1.pid" || true; }
alive() {
  local pid
  pid="$(pid_of "$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}
wait_for() { # description, timeout seconds, command...
  local what="$1" timeout="$2"
  shift 2
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    ((SECONDS - start < timeout)) || die "$what not ready after ${timeout}s (see $LOGS)"
    sleep 0.5
  done
}
stop_pid() { # name, signal
  local name="$1" signal="${2:-TERM}" pid
  pid="$(pid_of "$name")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    log "stopped $name (pid $pid, SIG$signal)"
  fi
  rm -f "$PIDS/$name.pid"
}

# --- PostgreSQL -----------------------------------------------------------------------------
as_postgres() { runuser -u postgres -- "$@"; }
pg_up() { as_postgres "$SY_PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }
pg_ready() { "$SY_PG_BIN/pg_isready" -q -h "$PGRUN" -p "$SY_PG_PORT"; }
psql_super() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$PGRUN" -p "$SY_PG_PORT" "$@"; }

pg_init() {
  mkdir -p "$SY_STATE/pg" "$PGRUN" "$LOGS"
  chown postgres:postgres "$SY_STATE/pg" "$PGRUN"
  touch "$LOGS/postgres.log" && chown postgres "$LOGS/postgres.log"
  if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
    log "initdb $PGDATA"
    as_postgres "$SY_PG_BIN/initdb" -D "$PGDATA" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log"
    cat >>"$PGDATA/postgresql.conf" <<EOF

# deploy/local/cluster.sh
listen_addresses = '127.0.0.1'
port = $SY_PG_PORT
unix_socket_directories = '$PGRUN'
# low on purpose: two nodes use up to 2 x 36 (owner 10, platform 10, tenant 16), so the fault
# suite's hog can really exhaust it; 3 slots stay reserved for the superuser (the operator)
max_connections = $SY_PG_MAX_CONNECTIONS
superuser_reserved_connections = 3
max_locks_per_transaction = 256
shared_buffers = 128MB
fsync = on
log_line_prefix = '%m [%p] %u@%d '
log_min_messages = warning
log_connections = off
EOF
  fi
}

pg_start() {
  pg_init
  secrets
  if ! pg_up; then
    log "starting PostgreSQL on $SY_PG_PORT (max_connections $SY_PG_MAX_CONNECTIONS)"
    as_postgres "$SY_PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 start >/dev/null
  fi
  wait_for "PostgreSQL" 60 pg_ready
  pg_roles
}

# the owner: CREATEROLE and the database's owner, not a superuser (the reserved slots stay
# the operator's); the hog: a plain login the fault suite uses to take every free slot
pg_roles() {
  psql_super -d postgres <<EOF >/dev/null
select 'create role $OWNER login createrole'
 where not exists (select 1 from pg_roles where rolname = '$OWNER') \gexec
alter role $OWNER login createrole password '$SY_OWNER_PASSWORD';
select 'create role shuangyong_hog login'
 where not exists (select 1 from pg_roles where rolname = 'shuangyong_hog') \gexec
alter role shuangyong_hog login password '$SY_HOG_PASSWORD';
select 'create database $DB owner $OWNER'
 where not exists (select 1 from pg_database where datname = '$DB') \gexec
EOF
}

pg_stop() {
  if pg_up; then
    as_postgres "$SY_PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    log "stopped PostgreSQL"
  fi
}

fresh_db() {
  alive node1 && die "stop node1 first"
  alive node2 && die "stop node2 first"
  secrets
  psql_super -d postgres <<EOF >/dev/null
select pg_terminate_backend(pid) from pg_stat_activity where datname = '$DB';
drop database if exists $DB;
select format('drop role %I', rolname) from pg_roles
 where rolname like 'tenant\_%' or rolname in ('shuangyong_app', 'shuangyong_platform') \gexec
create database $DB owner $OWNER;
EOF
  log "fresh database $DB (roles of the nodes dropped)"
}

# --- Redis and Sentinel ---------------------------------------------------------------------
redis_dir() { echo "$SY_STATE/redis/$1"; }
redis_port() { case "$1" in redis1) echo "$SY_REDIS1_PORT" ;; redis2) echo "$SY_REDIS2_PORT" ;; esac; }
sentinel_ports() { echo "$SY_SENTINEL_PORTS"; }

redis_start() { # redis1 | redis2
  local name="$1" port dir
  port="$(redis_port "$name")"
  dir="$(redis_dir "$name")"
  mkdir -p "$dir" "$LOGS" "$PIDS"
  alive "$name" && return 0
  if [[ ! -f "$dir/redis.conf" ]]; then
    # written once: Sentinel rewrites it after a failover (replicaof), and a restart keeps that
    {
      echo "port $port"
      echo "bind 127.0.0.1"
      echo "dir $dir"
      echo "appendonly yes"
      echo "save \"\""
      echo "replica-announce-ip 127.0.0.1"
      [[ "$name" == redis2 ]] && echo "replicaof 127.0.0.1 $SY_REDIS1_PORT"
    } >"$dir/redis.conf"
  fi
  redis-server "$dir/redis.conf" --daemonize yes --pidfile "$PIDS/$name.pid" \
    --logfile "$LOGS/$name.log"
  wait_for "$name" 20 redis-cli -p "$port" ping
  log "started $name on $port"
}

sentinel_start() {
  local i=0 port dir
  for port in $(sentinel_ports); do
    i=$((i + 1))
    dir="$(redis_dir "sentinel$i")"
    mkdir -p "$dir"
    alive "sentinel$i" && continue
    if [[ ! -f "$dir/sentinel.conf" ]]; then
      cat >"$dir/sentinel.conf" <<EOF
port $port
bind 127.0.0.1
dir $dir
sentinel monitor $SY_REDIS_MASTER_NAME 127.0.0.1 $SY_REDIS1_PORT 2
sentinel down-after-milliseconds $SY_REDIS_MASTER_NAME $SY_SENTINEL_DOWN_AFTER_MS
sentinel failover-timeout $SY_REDIS_MASTER_NAME 30000
sentinel parallel-syncs $SY_REDIS_MASTER_NAME 1
EOF
    fi
    redis-server "$dir/sentinel.conf" --sentinel --daemonize yes --pidfile "$PIDS/sentinel$i.pid" \
      --logfile "$LOGS/sentinel$i.log"
    wait_for "sentinel$i" 20 redis-cli -p "$port" ping
    log "started sentinel$i on $port"
  done
}

sentinel_stop() {
  local i=0
  for _ in $(sentinel_ports); do
    i=$((i + 1))
    stop_pid "sentinel$i"
  done
}

# the primary as the Sentinels see it (what the nodes connect to)
primary_port() {
  local port
  for port in $(sentinel_ports); do
    if answer="$(redis-cli -p "$port" sentinel get-master-addr-by-name "$SY_REDIS_MASTER_NAME" 2>/dev/null)"; then
      echo "$answer" | sed -n 2p
      return 0
    fi
  done
  return 1
}

redis_uri() {
  local hosts="" port
  for port in $(sentinel_ports); do hosts="${hosts:+$hosts,}127.0.0.1:$port"; done
  echo "redis-sentinel://$hosts#$SY_REDIS_MASTER_NAME"
}

# --- application nodes ----------------------------------------------------------------------
node_port() { case "$1" in node1) echo "$SY_NODE1_PORT" ;; node2) echo "$SY_NODE2_PORT" ;; esac; }

node_env() {
  secrets
  # the fault load signs in again and again from one address: the rate limits are lifted here
  # (this topology tests faults; RateLimitApiTest tests the limits)
  cat <<EOF
DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:$SY_PG_PORT/$DB
DATASOURCES_DEFAULT_USERNAME=$OWNER
DATASOURCES_DEFAULT_PASSWORD=$SY_OWNER_PASSWORD
SHUANGYONG_DB_APP_PASSWORD=$SY_APP_PASSWORD
SHUANGYONG_DB_PLATFORM_PASSWORD=$SY_PLATFORM_PASSWORD
SHUANGYONG_SECURITY_JWT_SECRET=$SY_JWT_SECRET
SHUANGYONG_JWT_SECRET=$SY_JWT_SECRET
SHUANGYONG_AUDIT_KEY=$SY_AUDIT_KEY
SHUANGYONG_PRIVACY_KEY=$SY_PRIVACY_KEY
SHUANGYONG_REDIS_URI=$(redis_uri)
SHUANGYONG_REDIS_TIMEOUT=250ms
SHUANGYONG_SECURITY_TRUSTED_PROXIES=127.0.0.1
SHUANGYONG_DEMO_ENABLED=true
SHUANGYONG_DATA_DIR=$SY_STATE/app
SHUANGYONG_RATE_LIMIT_SIGN_IN_PER_ADDRESS=${SY_SIGN_IN_PER_ADDRESS:-100000}
SHUANGYONG_RATE_LIMIT_SIGN_IN_PER_ACCOUNT=${SY_SIGN_IN_PER_ACCOUNT:-100000}
SHUANGYONG_RATE_LIMIT_API_PER_ADDRESS=${SY_API_PER_ADDRESS:-1000000}
SHUANGYONG_RATE_LIMIT_API_PER_ACCOUNT=${SY_API_PER_ACCOUNT:-1000000}
TZ=Asia/Shanghai
EOF
}

node_healthy() { curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$(node_port "$1")/health"; }

node_launch() { # start a node without waiting
  local name="$1" port
  port="$(node_port "$name")"
  alive "$name" && return 0
  [[ -f "$SY_JAR" ]] || die "no $SY_JAR: build it with mvn -B -q -DskipTests package"
  mkdir -p "$SY_STATE/app" "$LOGS" "$PIDS"
  # the nodes run a copy, taken when no node runs: a rebuild of ui/target does not pull the jar
  # from under a running node, and both nodes always run the same build
  if ! alive node1 && ! alive node2; then
    cp "$SY_JAR" "$SY_STATE/shuangyong-cloud.jar"
  fi
  # one environment for both nodes (same JWT secret and role passwords); only the port differs
  (
    set -a
    # shellcheck disable=SC1090
    source <(node_env)
    set +a
    export MICRONAUT_SERVER_PORT="$port"
    # shellcheck disable=SC2086
    exec nohup java $SY_JAVA_OPTS -jar "$SY_STATE/shuangyong-cloud.jar" >>"$LOGS/$name.log" 2>&1
  ) &
  echo $! >"$PIDS/$name.pid"
  log "launched $name on $port (pid $!)"
  # back in HAProxy (a node taken out by node_stop stays out until told); checks decide from here
  node_ready_in_haproxy "$name"
}

node_start() {
  node_launch "$1"
  wait_for "$1" "$SY_HEALTH_TIMEOUT" node_healthy "$1"
  log "$1 healthy"
}

# --- taking a node out of HAProxy before it stops, back in once it is started --------------
haproxy_say() { # command on HAProxy's admin socket (nothing when HAProxy or socat is missing)
  [[ -S "$SY_STATE/haproxy.sock" ]] && command -v socat >/dev/null || return 0
  echo "$1" | socat stdio "unix-connect:$SY_STATE/haproxy.sock" 2>/dev/null || true
}
server_of() { echo "app${1#node}"; }

# no new request goes to the node; the ones it is serving finish (up to 10 s) before SIGTERM
# (a SIGTERM cuts a request in flight: its write may commit while its answer is lost)
node_drain() {
  local server
  server="$(server_of "$1")"
  alive haproxy || return 0
  haproxy_say "set server app/$server state maint" >/dev/null
  for _ in $(seq 1 20); do
    [[ "$(haproxy_say "show stat" | awk -F, -v s="$server" '$1=="app" && $2==s {print $5}')" == 0 ]] && break
    sleep 0.5
  done
}
node_ready_in_haproxy() { alive haproxy && haproxy_say "set server app/$(server_of "$1") state ready" >/dev/null || true; }

node_stop() { # node, signal
  [[ "$2" == TERM ]] && alive "$1" && node_drain "$1"
  stop_pid "$1" "$2"
}

# --- HAProxy --------------------------------------------------------------------------------
haproxy_start() {
  mkdir -p "$LOGS" "$PIDS"
  alive haproxy && return 0
  command -v haproxy >/dev/null || die "haproxy missing: apt-get install -y haproxy"
  haproxy -q -c -f "$HERE/haproxy.cfg"
  haproxy -f "$HERE/haproxy.cfg" -D -p "$PIDS/haproxy.pid" >>"$LOGS/haproxy.log" 2>&1
  wait_for "HAProxy" 20 curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$SY_HAPROXY_PORT/health"
  log "HAProxy on $SY_HAPROXY_PORT (stats http://127.0.0.1:$SY_HAPROXY_STATS_PORT/)"
}

# --- commands -------------------------------------------------------------------------------
up() {
  pg_start
  redis_start redis1
  redis_start redis2
  sentinel_start
  # both nodes start together (as after a deploy), then each must become healthy
  node_launch node1
  node_launch node2
  wait_for node1 "$SY_HEALTH_TIMEOUT" node_healthy node1
  wait_for node2 "$SY_HEALTH_TIMEOUT" node_healthy node2
  log "nodes healthy"
  haproxy_start
  status
}

down() {
  stop_pid haproxy
  stop_pid node1
  stop_pid node2 # HAProxy first: nothing is in flight then
  sentinel_stop
  stop_pid redis2
  stop_pid redis1
  pg_stop
}

status() {
  local part state
  printf '%-10s %-8s %s\n' part pid state
  if pg_up; then
    state="$(psql_super -d postgres -Atc "select count(*) || '/' || current_setting('max_connections') || ' connections' from pg_stat_activity where backend_type = 'client backend'" 2>&1 || echo "not answering")"
    printf '%-10s %-8s %s\n' postgres "$(head -1 "$PGDATA/postmaster.pid" 2>/dev/null)" "up on $SY_PG_PORT, $state"
  else
    printf '%-10s %-8s %s\n' postgres - down
  fi
  for part in redis1 redis2; do
    if alive "$part"; then
      state="$(redis-cli -p "$(redis_port "$part")" info replication 2>/dev/null | tr -d '\r' | grep -E '^role:' || echo 'not answering')"
      printf '%-10s %-8s %s\n' "$part" "$(pid_of "$part")" "up on $(redis_port "$part"), $state"
    else
      printf '%-10s %-8s %s\n' "$part" - down
    fi
  done
  local i=0 port
  for port in $(sentinel_ports); do
    i=$((i + 1))
    if alive "sentinel$i"; then
      printf '%-10s %-8s %s\n' "sentinel$i" "$(pid_of "sentinel$i")" "up on $port"
    else
      printf '%-10s %-8s %s\n' "sentinel$i" - down
    fi
  done
  printf '%-10s %-8s %s\n' primary - "$(primary_port || echo unknown) (Sentinel's answer)"
  for part in node1 node2; do
    if alive "$part"; then
      state="$(curl -sS -m 2 "http://127.0.0.1:$(node_port "$part")/health" 2>&1 || true)"
      printf '%-10s %-8s %s\n' "$part" "$(pid_of "$part")" "on $(node_port "$part"): $state"
    else
      printf '%-10s %-8s %s\n' "$part" - down
    fi
  done
  if alive haproxy; then
    state="$(curl -sS -m 2 "http://127.0.0.1:$SY_HAPROXY_STATS_PORT/;csv" 2>/dev/null | awk -F, '$1=="app" && $2 ~ /^app/ {printf "%s=%s ", $2, $18}')"
    printf '%-10s %-8s %s\n' haproxy "$(pid_of haproxy)" "on $SY_HAPROXY_PORT: $state"
  else
    printf '%-10s %-8s %s\n' haproxy - down
  fi
}

logs() {
  mkdir -p "$LOGS"
  if [[ $# -eq 0 ]]; then
    tail -n 20 -F "$LOGS"/*.log
  else
    tail -n 50 -F "$LOGS/$1.log"
  fi
}

part() { # start|stop [-9] part
  local action="$1" signal=TERM
  shift
  if [[ "${1:-}" == -9 ]]; then
    signal=KILL
    shift
  fi
  local name="${1:?name a part}"
  case "$action:$name" in
    start:pg) pg_start ;;
    stop:pg) pg_stop ;;
    start:redis1 | start:redis2) redis_start "$name" ;;
    stop:redis1 | stop:redis2) stop_pid "$name" "$signal" ;;
    start:sentinels) sentinel_start ;;
    stop:sentinels) sentinel_stop ;;
    start:node1 | start:node2) node_start "$name" ;;
    launch:node1 | launch:node2) node_launch "$name" ;;
    stop:node1 | stop:node2) node_stop "$name" "$signal" ;;
    start:nodes)
      node_launch node1
      node_launch node2
      wait_for node1 "$SY_HEALTH_TIMEOUT" node_healthy node1
      wait_for node2 "$SY_HEALTH_TIMEOUT" node_healthy node2
      log "nodes healthy"
      ;;
    stop:nodes)
      node_stop node1 "$signal"
      node_stop node2 "$signal"
      ;;
    start:haproxy) haproxy_start ;;
    stop:haproxy) stop_pid haproxy "$signal" ;;
    *) die "unknown part $name" ;;
  esac
}

command="${1:-status}"
shift || true
case "$command" in
  up) up ;;
  down) down ;;
  status) status ;;
  logs) logs "$@" ;;
  start | stop | launch) part "$command" "$@" ;;
  psql) psql_super -d "$DB" "$@" ;;
  primary) primary_port ;;
  fresh-db) fresh_db ;;
  env) node_env | sed -E 's/(PASSWORD|SECRET)=.*/\1=***/' ;;
  secrets) secrets && cat "$SECRETS" ;;
  clean)
    down
    rm -rf "$SY_STATE"
    log "removed $SY_STATE"
    ;;
  *)
    sed -n '2,25p' "$0"
    exit 2
    ;;
esac
