# A throwaway PostgreSQL cluster for the benchmarks: Debian's newest server binaries, default durability (fsync and
# synchronous_commit on), run as the postgres user when root. Source it, then:
#   pg_start DIR PORT [extra server options]   initdb in DIR/data and start on 127.0.0.1:PORT (socket in DIR)
#   pg_stop                                    stop it (safe to call twice, and when it never started)
#   pg_run PROGRAM ARGS...                     a client program of the same version (createdb …), as that user
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PG_AS=(); [ "$(id -u)" -eq 0 ] && PG_AS=(runuser -u postgres --)
PG_DIR=""

pg_start() {
  PG_DIR="$1"; local port="$2"; shift 2
  mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && { chown -R postgres "$PG_DIR"; chmod 755 "$(dirname "$PG_DIR")"; }
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U brainstem -A trust -E UTF8 >/dev/null
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 $*" start >/dev/null
}

pg_stop() {
  [ -n "$PG_DIR" ] && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  PG_DIR=""
}

pg_run() {
  local program="$1"; shift
  "${PG_AS[@]}" "$PG_BIN/$program" "$@"
}
