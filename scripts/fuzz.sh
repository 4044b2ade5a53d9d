#!/usr/bin/env bash
# Fuzzes every Jazzer @FuzzTest of the project in turn, each for a set time (default 60s).
#
#   scripts/fuzz.sh [duration] [name filter]     e.g. scripts/fuzz.sh 5m   or   scripts/fuzz.sh 30s Jsonl
#
# A finding (an exception other than the documented ones, a failed assertion, an input that runs over
# the fuzz test's @Timeout, or an OutOfMemoryError under the fuzz profile's -Xmx512m) fails that target;
# Jazzer writes the input as crash-<sha1> into the target's seed folder
# (src/test/resources/<package>/<Class>Inputs/<method>/), where `mvn verify` replays it from then on.
# Inputs that reached new code are kept in <module>/.cifuzz-corpus/ (not committed) for the next run.
# Logs: target/fuzz/<Class>.<method>.log. Maven runs offline unless MAVEN_ARGS says otherwise.
set -u
cd "$(dirname "$0")/.."

duration="${1:-60s}"
filter="${2:-}"
maven_args="${MAVEN_ARGS:--o}"
logs=target/fuzz
mkdir -p "$logs"

# module<TAB>class<TAB>method for every @FuzzTest, read from the sources.
targets() {
    grep -rl --include='*FuzzTest.java' '@FuzzTest' -- */src/test/java | sort | while read -r file; do
        module="${file%%/*}"
        class="$(basename "$file" .java)"
        awk '/@FuzzTest/ { want = 1; next } want && /void [A-Za-z0-9_]+\(/ {
                 match($0, /void [A-Za-z0-9_]+\(/); print substr($0, RSTART + 5, RLENGTH - 6); want = 0 }' "$file" |
            while read -r method; do printf '%s\t%s\t%s\n' "$module" "$class" "$method"; done
    done
}

failed=0
ran=0
while IFS=$'\t' read -r module class method; do
    name="$class.$method"
    [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
    ran=$((ran + 1))
    log="$logs/$name.log"
    printf '%-80s ' "$module $name ($duration)"
    # shellcheck disable=SC2086
    if JAZZER_FUZZ=1 mvn -q -B $maven_args -pl "$module" -am test -Dtest="$class#$method" \
            -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration="$duration" >"$log" 2>&1; then
        runs="$(grep -aho 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)"
        echo "ok   ${runs:-}"
    else
        failed=$((failed + 1))
        echo "FINDING (see $log and $module/target/surefire-reports/)"
    fi
done < <(targets)

echo "$ran fuzz targets run, $failed with findings."
[[ $ran -gt 0 && $failed -eq 0 ]]
