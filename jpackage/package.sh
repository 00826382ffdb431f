#!/usr/bin/env bash
# Builds the Velocity installer with jpackage. Called by `./velocity package` after the build.
#   jpackage/package.sh [app-image|deb|auto]   (default app-image; auto = deb when fakeroot and dpkg-deb exist)
# Output: target/jpackage/out/. JavaFX goes on the module path ($APPDIR/javafx), everything else on the
# class path; the shipped config/ becomes the app's built-in configuration folder.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TYPE="${1:-app-image}"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+ with jpackage}"
JPACKAGE="$JAVA_HOME/bin/jpackage"
[ -x "$JPACKAGE" ] || { echo "package: $JPACKAGE not found (needs a full JDK 21+)" >&2; exit 1; }
if [ "$TYPE" = auto ]; then
  if command -v fakeroot >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1; then TYPE=deb; else TYPE=app-image; fi
fi
case "$TYPE" in app-image|deb|rpm|dmg|pkg|msi|exe) ;; *) echo "package: unknown type '$TYPE'" >&2; exit 2 ;; esac

DESKTOP_JAR="$ROOT/desktop/target/velocity-desktop.jar"
ENGINE_JAR="$ROOT/engine/target/velocity-engine.jar"
for f in "$DESKTOP_JAR" "$ENGINE_JAR" "$ROOT/desktop/target/lib"; do
  [ -e "$f" ] || { echo "package: $f missing; build first (mvn -DskipTests package)" >&2; exit 1; }
done

WORK="$ROOT/target/jpackage"
INPUT="$WORK/input"
OUT="$WORK/out"
rm -rf "$INPUT" "$OUT"
mkdir -p "$INPUT/javafx" "$OUT"
cp "$DESKTOP_JAR" "$ENGINE_JAR" "$INPUT/"
for f in "$ROOT/desktop/target/lib"/*.jar; do
  case "$(basename "$f")" in
    javafx-*-linux.jar|javafx-*-mac*.jar|javafx-*-win.jar) cp "$f" "$INPUT/javafx/" ;;
    javafx-*.jar) ;;  # platform-neutral placeholder jars; the classifier jars carry the modules
    *) cp "$f" "$INPUT/" ;;
  esac
done
cp -r "$ROOT/config" "$INPUT/config"
[ -d "$ROOT/abi" ] && cp -r "$ROOT/abi" "$INPUT/abi"
[ -d "$ROOT/migrations" ] && cp -r "$ROOT/migrations" "$INPUT/migrations"

ARGS=(@"$ROOT/jpackage/options" --type "$TYPE" --input "$INPUT" --dest "$OUT" --icon "$ROOT/jpackage/velocity.png")
if [ "$TYPE" = deb ]; then
  ARGS+=(--linux-package-name velocity --linux-shortcut --linux-menu-group Finance --linux-app-category misc
         --resource-dir "$WORK/resources")
  mkdir -p "$WORK/resources"
  cp "$ROOT/jpackage/velocity.desktop" "$WORK/resources/velocity.desktop"
fi
"$JPACKAGE" "${ARGS[@]}"
echo "package: $(ls -d "$OUT"/*)"
