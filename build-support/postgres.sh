# Sourced by run-tests. The PostgreSQL history store's tests (history, serve, cli) start one throwaway server
# per test JVM from Debian's postgresql package (history's test class PostgresServer): initdb, pg_ctl and
# postgres under /usr/lib/postgresql/*/bin. When they are missing and we are root, install the package,
# quietly, with apt-get; no system cluster is used. Otherwise say what to install: those tests then fail
# naming the package, never skip.
fieldtest_pg_found=
for fieldtest_pg_bin in /usr/lib/postgresql/*/bin; do
  if [ -x "$fieldtest_pg_bin/initdb" ] && [ -x "$fieldtest_pg_bin/pg_ctl" ] && [ -x "$fieldtest_pg_bin/postgres" ]; then
    fieldtest_pg_found=1
  fi
done
if [ -z "$fieldtest_pg_found" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "fieldtest: installing postgresql for the PostgreSQL history store tests ..." >&2
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql) >/dev/null 2>&1 \
      || echo "fieldtest: could not install postgresql; the PostgreSQL history store tests will fail" >&2
  else
    echo "fieldtest: no PostgreSQL server under /usr/lib/postgresql/*/bin; the PostgreSQL history store tests will fail. Fix: sudo apt-get install -y postgresql" >&2
  fi
fi
unset fieldtest_pg_found fieldtest_pg_bin
