#!/usr/bin/env bash
# Measures the embedded sentence-embedding models and the embedded-qa target (docs/embedded.md), each in a
# fresh JVM so model load times are cold. Usage: bench/embedded/run.sh [RUNS] [KB_ENTRIES]   (defaults: 3, 200)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=${1:-3}; entries=${2:-200}
. "$root/build-support/jdk.sh"
. "$root/.mvn/wrapper/repository.sh"
cd "$root"
./mvnw -q -B -ntp -pl embedded -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="embedded/target/test-classes:embedded/target/classes:$(cat embedded/target/bench.classpath)"
run() { java --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$cp" dev.fieldtest.embedded.EmbeddedBench "$@"; }
echo "$(nproc) cpus, $(java -version 2>&1 | head -1)"
for _ in $(seq "$runs"); do
  run embed all-minilm-l6-v2
  run embed e5-small-v2
  run qa "$entries"
done
jars=$(tr ':' '\n' < embedded/target/bench.classpath | grep -E 'onnxruntime|langchain4j-embeddings')
echo "model and runtime jars on the class path:"
for j in $jars; do stat -c '%s %n' "$j"; done | awk '{ n = split($2, p, "/"); printf "  %6.1f MB  %s\n", $1 / 1e6, p[n]; t += $1 } END { printf "  %6.1f MB  in all\n", t / 1e6 }'
