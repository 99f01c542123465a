# Sourced by ./fieldtest and .ci/run: picks a JDK >= 21 and exports JAVA_HOME.
# Order: JAVA_HOME if it is new enough, then `java` on the PATH, then the newest JDK under /usr/lib/jvm.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  if command -v java >/dev/null 2>&1 && [ "$(java_major java)" -ge 21 ] 2>/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    return 0
  fi
  best=""; best_major=0
  for home in /usr/lib/jvm/*/ "$HOME"/.sdkman/candidates/java/*/ /opt/java/*/; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=${home%/}; best_major=$major; fi
  done
  [ -n "$best" ] || { echo "fieldtest: needs a JDK 21 or newer; install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2; exit 2; }
  JAVA_HOME=$best
}
pick_jdk
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
