# Sourced before ./mvnw. The wrapper downloads Maven from the repository base in MVNW_REPOURL; when that
# is unset we take the base the installed Maven itself uses (its super POM), so no host is hard-coded here.
if [ -z "${MVNW_REPOURL-}" ]; then
  for _ft_jar in /usr/share/maven/lib/maven-model-builder-*.jar "${MAVEN_HOME:-/nonexistent}"/lib/maven-model-builder-*.jar; do
    [ -f "$_ft_jar" ] || continue
    MVNW_REPOURL=$(unzip -p "$_ft_jar" org/apache/maven/model/pom-4.0.0.xml 2>/dev/null \
      | sed -n 's#.*<url>\(https*://[^<]*\)</url>.*#\1#p' | head -n 1)
    [ -n "$MVNW_REPOURL" ] && break
  done
fi
if [ -z "${MVNW_REPOURL-}" ]; then
  echo "fieldtest: cannot find a Maven repository to fetch Maven from; set MVNW_REPOURL to its base URL (the one ending in /maven2)" >&2
  exit 2
fi
export MVNW_REPOURL
