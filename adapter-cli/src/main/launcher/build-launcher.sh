#!/bin/sh
# Run by Maven at 'package' (adapter-cli/pom.xml) after the shade plugin made target/t3.jar:
#  1. rewrites t3.jar with its entries stored, not deflated, so the JVM reads classes without inflating;
#  2. puts the launcher script beside it as target/t3;
#  3. trains a class-data archive (target/t3.jsa) on runs of 't3 --demo ask', offline against the
#     bundled fake server on 127.0.0.1, with files in a throw-away folder: one served by a warm process
#     (started in the training JVM), one served in-process, then 't3 --demo conversations search' over
#     what they saved, all in one JVM (bootstrap.ClassDataTraining).
# Arguments: the target folder and the JDK home of the build.
set -e
target=$1
jdk=$2
src=$(cd "$(dirname "$0")" && pwd -P)

work=$target/t3-stored
rm -rf "$work"
mkdir -p "$work"
(cd "$work" && "$jdk/bin/jar" --extract --file "$target/t3.jar")
rm "$target/t3.jar"
"$jdk/bin/jar" --create --no-compress --file "$target/t3.jar" --manifest "$work/META-INF/MANIFEST.MF" \
    -C "$work" .
rm -rf "$work"

cp "$src/t3" "$target/t3"
chmod +x "$target/t3"

release=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$jdk/release")
home=$target/cds-training
rm -rf "$home" "$target/t3.jsa" "$target/t3.jsa.release"
mkdir -p "$home"
# The training's warm process listens in a short private folder (socket paths are limited to ~100 bytes).
run=$(mktemp -d)
if XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_STATE_HOME=$home/state \
        XDG_RUNTIME_DIR=$run HOME=$home "$jdk/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xss512k -XX:-UsePerfData \
        -XX:ArchiveClassesAtExit="$target/t3.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
        -cp "$target/t3.jar" io.github.t3chat4j.bootstrap.ClassDataTraining > "$home/out.txt" 2>&1 </dev/null \
        && [ -f "$target/t3.jsa" ]; then
    printf '%s\n' "$release" > "$target/t3.jsa.release"
else
    echo "t3: no class-data archive (the training run failed; see $home/out.txt); the launcher runs without one" >&2
    rm -f "$target/t3.jsa"
fi
rm -rf "$run"
