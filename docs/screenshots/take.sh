#!/usr/bin/env bash
# Takes the README screenshots under a virtual display: builds, then runs
# io.velocity.desktop.screenshots.ScreenshotRunner (desktop test sources) on the real paper
# session: the venue simulator at 10x, the market-data feeds, embedded Redis and PostgreSQL.
# Usage: docs/screenshots/take.sh [WARMUP_SECONDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
# One reactor run, so the desktop resolves the engine from engine/target rather than ~/.m2.
mvn -B -q -ntp -pl engine,desktop -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
CP="desktop/target/test-classes:desktop/target/classes:engine/target/classes:$(cat desktop/target/test-classpath.txt)"
command -v xvfb-run >/dev/null || { echo "take.sh: needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }
xvfb-run -a -s "-screen 0 1920x1200x24" "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow \
  --enable-native-access=ALL-UNNAMED -Dprism.order=sw -Dprism.lcdtext=false -Dlogback.configurationFile=desktop/src/test/resources/logback-test.xml \
  -cp "$CP" io.velocity.desktop.screenshots.ScreenshotRunner docs/screenshots "${1:-75}" 2> >(grep -v "^WARNING" >&2) | grep -v " INFO \| DEBUG "
