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
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"
jpackage --type app-image --name DiffusionLab --app-version 0.1.0 \
  --input "$out/input" --main-jar diffusion-lab.jar --main-class lab.diffusion.app.Launcher \
  --runtime-image "$out/runtime" --java-options "-Xmx2g" --dest "$out"
echo "app image: $out/DiffusionLab (run $out/DiffusionLab/bin/DiffusionLab [--demo NAME] [--lecture])"
if [[ "${1:-}" == "--deb" ]]; then
  jpackage --type deb --name diffusion-lab --app-version 0.1.0 --app-image "$out/DiffusionLab" --dest "$out" \
    --linux-shortcut --linux-menu-group Education
  echo "package: $(ls "$out"/*.deb)"
fi
