#!/usr/bin/env bash
# Builds a self-contained Diffusion Lab app image (no Java needed on the target machine):
# a jlink runtime of the JDK modules the app uses, plus jpackage with the app jar and every
# library (JavaFX, ControlsFX, ND4J with its native code) on the class path.
#
#   packaging/build-app-image.sh            # → packaging/out/DiffusionLab/bin/DiffusionLab
#   packaging/build-app-image.sh --deb      # also a .deb (needs dpkg-deb and fakeroot)
#
# Needs a JDK 17 with jlink and jpackage (the JDK that runs ./mvnw). Threads are configured in
# code, so the launcher needs no environment variables.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests package
out=packaging/out
rm -rf "$out"
mkdir -p "$out/input"
cp app/target/diffusion-lab.jar "$out/input/"
cp -r app/target/lib "$out/input/"
# the modules a class-path JavaFX + ND4J app needs from the JDK
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.zipfs,java.net.http,jdk.crypto.ec,java.security.jgss,jdk.jfr
jlink --add-modules "$modules" --generate-cds-archive --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"
jpackage --type app-image --name DiffusionLab --app-version 0.1.0 \
  --input "$out/input" --main-jar diffusion-lab.jar --main-class lab.diffusion.app.Launcher \
  --runtime-image "$out/runtime" --java-options "-Xmx2g" \
  --java-options '-XX:ArchiveClassesAtExit=$APPDIR/diffusion-lab.jsa' --java-options "-Ddlab.exitAfterMs=4000" \
  --java-options "-Ddlab.home=$PWD/$out/record-home" --java-options "-Xlog:cds=off" --java-options "-Xlog:cds+dynamic=off" \
  --dest "$out"
# Start-up: run the app once (it closes itself after 4 s, with the swiss roll demo open) to record
# a class-data-sharing archive of every class it loaded, then point the launcher at that archive.
cfg="$out/DiffusionLab/lib/app/DiffusionLab.cfg"
if [[ -n "${DISPLAY:-}" ]]; then record=("$out/DiffusionLab/bin/DiffusionLab"); else record=(xvfb-run -a "$out/DiffusionLab/bin/DiffusionLab"); fi
if "${record[@]}" --demo swissroll >"$out/record.log" 2>&1 && [[ -s "$out/DiffusionLab/lib/app/diffusion-lab.jsa" ]]; then
  sed -i -e 's/ArchiveClassesAtExit/SharedArchiveFile/' -e '/dlab.exitAfterMs/d' -e '/dlab.home/d' "$cfg"
  echo "class-data-sharing archive recorded ($(du -h "$out/DiffusionLab/lib/app/diffusion-lab.jsa" | cut -f1))"
else
  echo "could not record the class-data-sharing archive (no display? see $out/record.log); the app starts without it" >&2
  sed -i -e '/ArchiveClassesAtExit/d' -e '/dlab.exitAfterMs/d' -e '/dlab.home/d' "$cfg"
  rm -f "$out/DiffusionLab/lib/app/diffusion-lab.jsa"
fi
rm -rf "$out/record-home"
echo "app image: $out/DiffusionLab (run $out/DiffusionLab/bin/DiffusionLab [--demo NAME] [--lecture])"
if [[ "${1:-}" == "--deb" ]]; then
  jpackage --type deb --name diffusion-lab --app-version 0.1.0 --app-image "$out/DiffusionLab" --dest "$out" \
    --linux-shortcut --linux-menu-group Education
  echo "package: $(ls "$out"/*.deb)"
fi
