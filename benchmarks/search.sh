#!/usr/bin/env bash
# Benchmark of t3 conversations search on this machine, all in one run:
#   - generates COUNT conversations (default 10,000, about 100 MB of text) through t3's own store, from a
#     fixed seed (benchmarks/search/GenerateConversations.java), in throw-away XDG folders;
#   - grep -rl over the same files (the page cache warmed by a first grep), as the floor of "no index";
#   - the first search (which builds the index), run on a pseudo-terminal (script) so that its progress
#     line shows, then later searches of several kinds, each a whole t3 process: served cold (T3_DAEMON=off,
#     a JVM of its own) and by the warm process (started with 't3 daemon start', given a few searches first;
#     its CPU per search read from /proc);
#   - the same searches inside one JVM through the library's use case (benchmarks/search/SearchTimer.java):
#     the first call in a fresh JVM and the median of RUNS more.
# Reports medians of RUNS runs (default 5) of wall time, and the index's size.
# Needs: mvn package first (for adapter-cli/target/t3), GNU time, script (util-linux). Touches no network.
# The warm process it starts is stopped at the end.
# Usage: benchmarks/search.sh [RUNS]; COUNT=2000 benchmarks/search.sh for a smaller store.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
count=${COUNT:-10000}
jar=adapter-cli/target/t3.jar
t3=adapter-cli/target/t3
[ -x "$t3" ] || { echo "no $t3: run 'mvn -q -B package -DskipTests' first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "no /usr/bin/time: apt-get install time" >&2; exit 1; }
command -v script >/dev/null || { echo "no script: apt-get install bsdutils" >&2; exit 1; }
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi

work=$(mktemp -d)
trap 'T3_DAEMON=on "$t3" daemon stop > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
export HOME=$work/home XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache \
    XDG_STATE_HOME=$work/state XDG_RUNTIME_DIR=$work/run
unset T3_BASE_URL COOKIES CONVEX_SESSION_ID T3_JAVA_OPTS T3_DAEMON_IDLE
# Cold unless a row says warm: no warm process is started by the runs themselves.
export T3_DAEMON=off
mkdir -p "$HOME" && mkdir -p -m 700 "$XDG_RUNTIME_DIR"
folder=$XDG_DATA_HOME/t3chat4j/conversations
index=$XDG_CACHE_HOME/t3chat4j/search

generated=$("$java" -cp "$jar" benchmarks/search/GenerateConversations.java "$XDG_DATA_HOME/t3chat4j" "$count")
files=$(find "$folder" -name '*.json' | wc -l)
bytes=$(du -sb "$folder" | cut -f1)

# measure NAME COMMAND...: runs it RUNS times, keeps "wall user system" seconds of each.
measure() {
    local name=$1; shift
    : > "$work/$name.times"
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$work/$name.time" -f "%e %U %S" "$@" > "$work/$name.out" 2> "$work/$name.err"
        cat "$work/$name.time" >> "$work/$name.times"
    done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
seconds() { cut -d' ' -f1 "$work/$1.times" | median; }
cpu() { awk '{print $2 + $3}' "$work/$1.times" | median; }
lines() { wc -l < "$work/$1.out" | tr -d ' '; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
grep -rl kubernetes "$folder" > /dev/null || true                # warms the page cache
measure grep-word grep -rl Kubernetes "$folder"
measure grep-word-i grep -rli kubernetes "$folder"
measure grep-cjk grep -rl 東京 "$folder"
measure grep-phrase grep -rli "maven shade plugin" "$folder"

# The first search builds the index; on a terminal it shows its progress on standard error.
: > "$work/first.times"
for _ in $(seq "$runs"); do
    rm -rf "$index"
    /usr/bin/time -o "$work/first.time" -f "%e %U %S" script -qec "$t3 conversations search --limit 20 kubernetes" \
        /dev/null > "$work/first.out" 2>&1
    cat "$work/first.time" >> "$work/first.times"
done
progress=$(grep -c 'Indexing the conversations for search' "$work/first.out" || true)
index_bytes=$(du -sb "$index" | cut -f1)

measure version "$t3" --version
# searches SUFFIX T3...: the later searches, each a whole process of T3..., named NAME-SUFFIX.
searches() {
    local suffix=$1; shift
    measure "word-$suffix" "$@" conversations search --limit 20 kubernetes
    measure "word-json-$suffix" "$@" conversations search --json --limit 20 kubernetes
    measure "common-$suffix" "$@" conversations search --limit 20 water
    measure "phrase-$suffix" "$@" conversations search --limit 20 '"maven shade plugin"'
    measure "cjk-$suffix" "$@" conversations search --limit 20 東京
    measure "filtered-$suffix" "$@" conversations search --limit 20 --sort newest model:gpt-5 role:assistant after:2025-06-01 water
    measure "excluded-$suffix" "$@" conversations search --limit 20 java -gradle -maven
}
searches cold "$t3"
"$t3" conversations search --json --limit 1 kubernetes > "$work/total.json"
total_word=$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$work/total.json")

# The warm process, started as the first run would start it, then given a few searches before measuring.
warm=(env T3_DAEMON=on "$t3")
"${warm[@]}" daemon start > /dev/null
for query in kubernetes water 東京 java; do "${warm[@]}" conversations search --limit 20 "$query" > /dev/null; done
pid=$("${warm[@]}" daemon status | sed -n 's/^ *pid: //p')
proc_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$pid/stat"; }
cpu_before=$(proc_cpu)
searches warm "${warm[@]}"
warm_cpu=$(awk -v a="$cpu_before" -v b="$(proc_cpu)" -v n="$((runs * 7))" 'BEGIN {printf "%.3f", (b - a) / n}')
measure version-warm "${warm[@]}" --version
cmp -s "$work/word-cold.out" "$work/word-warm.out" && same_warm=yes || same_warm=NO
"${warm[@]}" daemon stop > /dev/null

"$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar" benchmarks/search/SearchTimer.java 20 kubernetes water \
    '"maven shade plugin"' 東京 'model:gpt-5 role:assistant after:2025-06-01 water' 'java -gradle -maven' \
    > "$work/in-process.tsv"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "## t3 conversations search, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB;"\
     "load average $load_before before, $load_after after. $("$java" -version 2>&1 | head -1)."
echo "Store: $generated in $files files, $((bytes / 1000000)) MB on disk; the index: $((index_bytes / 1000000)) MB."
echo "Median of $runs runs of the whole process: wall time, and CPU time (user + system, all threads)."
echo
row() { echo "| $1 | $(seconds "$2-cold") | $(cpu "$2-cold") | $(seconds "$2-warm") | $(cpu "$2-warm") |"; }
echo "| what | wall (s) | CPU (s) | found |"
echo "|---|---|---|---|"
echo "| \`grep -rl Kubernetes\` (one word, case as stored) | $(seconds grep-word) | $(cpu grep-word) | $(lines grep-word) files |"
echo "| \`grep -rli kubernetes\` (any case) | $(seconds grep-word-i) | $(cpu grep-word-i) | $(lines grep-word-i) files |"
echo "| \`grep -rl 東京\` | $(seconds grep-cjk) | $(cpu grep-cjk) | $(lines grep-cjk) files |"
echo "| \`grep -rli \"maven shade plugin\"\` | $(seconds grep-phrase) | $(cpu grep-phrase) | $(lines grep-phrase) files |"
echo "| first \`t3 conversations search kubernetes\` (builds the index; on a terminal) | $(seconds first) | $(cpu first) | progress line shown: $([ "$progress" -gt 0 ] && echo yes || echo NO) |"
echo "| for scale: \`t3 --version\` | $(seconds version) | $(cpu version) | |"
echo
echo "Later searches ($total_word conversations match kubernetes), cold (\`T3_DAEMON=off\`, a JVM of their own)"\
     "and warm (handed to the warm process; CPU of the launcher's JVM only):"
echo
echo "| later \`t3 conversations search\` | cold wall (s) | cold CPU (s) | warm wall (s) | warm CPU (s) |"
echo "|---|---|---|---|---|"
row "\`kubernetes\`" word
row "the same with \`--json\`" word-json
row "a common word (\`water\`)" common
row "a phrase (\`\"maven shade plugin\"\`)" phrase
row "CJK (\`東京\`)" cjk
row "filters (\`model:gpt-5 role:assistant after:2025-06-01 water\`, newest first)" filtered
row "exclusions (\`java -gradle -maven\`)" excluded
echo
echo "The warm process spent $warm_cpu s of CPU per search. \`t3 --version\` with it running: $(seconds version-warm) s"\
     "(never handed over). Same output cold and warm: $same_warm."
echo
echo "Inside one JVM (the library's SearchConversationsUseCase, 10 hits a page, the index built already):"
echo
echo "| query | conversations | first call in a fresh JVM (ms) | later calls, median of 20 (ms) |"
echo "|---|---|---|---|"
awk -F'\t' '{ printf "| `%s` | %s | %s | %s |\n", $1, $2, $3, $4 }' "$work/in-process.tsv"
