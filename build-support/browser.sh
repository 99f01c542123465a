# Sourced by run-tests and .ci/run. report.html's browser tests (report module) drive Debian's chromium
# through its chromedriver; when /usr/bin/chromedriver is missing and we are root, install both, quietly,
# with apt-get. Otherwise say what to install: those tests then fail naming the package, never skip.
if [ -z "${FIELDTEST_CHROMEDRIVER-}" ] && [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "fieldtest: installing chromium and chromium-driver for the report.html browser tests ..." >&2
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver) >/dev/null 2>&1 \
      || echo "fieldtest: could not install chromium and chromium-driver; the report.html browser tests will fail" >&2
  else
    echo "fieldtest: /usr/bin/chromedriver is missing; the report.html browser tests will fail. Fix: sudo apt-get install -y chromium chromium-driver" >&2
  fi
fi
