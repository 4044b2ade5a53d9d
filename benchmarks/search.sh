#!/usr/bin/env bash
# Benchmark of t3 conversations search on this machine, all in one run:
#   - generates COUNT conversations (default 10,000, about 100 MB of text) through t3's own store, from a
#     fixed seed (benchmarks/search/GenerateConversations.java), in throw-away XDG folders;
#   - grep -rl over the same files (the page cache warmed by a first grep), as the floor of "no index";
#   - the first search (which builds the index), run on a pseudo-terminal (script) so that its progress
#     line shows, then later searches of several kinds, each a whole t3 process;
#   - the same searches inside one JVM through the library's use case (benchmarks/search/SearchTimer.java):
#     the first call in a fresh JVM and the median of RUNS more.
# Reports medians of RUNS runs (default 5) of wall time, and the index's size.
# Needs: mvn package first (for adapter-cli/target/t3), GNU time, script (util-linux). Touches no network.
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
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache \
    XDG_STATE_HOME=$work/state
unset T3_BASE_URL COOKIES CONVEX_SESSION_ID
mkdir -p "$HOME"
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
measure word "$t3" conversations search --limit 20 kubernetes
measure word-json "$t3" conversations search --json --limit 20 kubernetes
measure common "$t3" conversations search --limit 20 water
measure phrase "$t3" conversations search --limit 20 '"maven shade plugin"'
measure cjk "$t3" conversations search --limit 20 東京
measure filtered "$t3" conversations search --limit 20 --sort newest model:gpt-5 role:assistant after:2025-06-01 water
measure excluded "$t3" conversations search --limit 20 java -gradle -maven
"$t3" conversations search --json --limit 1 kubernetes > "$work/total.json"
total_word=$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$work/total.json")

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
echo "| what | wall (s) | CPU (s) | found |"
echo "|---|---|---|---|"
echo "| \`grep -rl Kubernetes\` (one word, case as stored) | $(seconds grep-word) | $(cpu grep-word) | $(lines grep-word) files |"
echo "| \`grep -rli kubernetes\` (any case) | $(seconds grep-word-i) | $(cpu grep-word-i) | $(lines grep-word-i) files |"
echo "| \`grep -rl 東京\` | $(seconds grep-cjk) | $(cpu grep-cjk) | $(lines grep-cjk) files |"
echo "| \`grep -rli \"maven shade plugin\"\` | $(seconds grep-phrase) | $(cpu grep-phrase) | $(lines grep-phrase) files |"
echo "| first \`t3 conversations search kubernetes\` (builds the index; on a terminal) | $(seconds first) | $(cpu first) | progress line shown: $([ "$progress" -gt 0 ] && echo yes || echo NO) |"
echo "| later \`t3 conversations search kubernetes\` | $(seconds word) | $(cpu word) | $total_word conversations |"
echo "| the same with \`--json\` | $(seconds word-json) | $(cpu word-json) | |"
echo "| a common word (\`water\`) | $(seconds common) | $(cpu common) | |"
echo "| a phrase (\`\"maven shade plugin\"\`) | $(seconds phrase) | $(cpu phrase) | |"
echo "| CJK (\`東京\`) | $(seconds cjk) | $(cpu cjk) | |"
echo "| filters (\`model:gpt-5 role:assistant after:2025-06-01 water\`, newest first) | $(seconds filtered) | $(cpu filtered) | |"
echo "| exclusions (\`java -gradle -maven\`) | $(seconds excluded) | $(cpu excluded) | |"
echo "| for scale: \`t3 --version\` | $(seconds version) | $(cpu version) | |"
echo
echo "Inside one JVM (the library's SearchConversationsUseCase, 10 hits a page, the index built already):"
echo
echo "| query | conversations | first call in a fresh JVM (ms) | later calls, median of 20 (ms) |"
echo "|---|---|---|---|"
awk -F'\t' '{ printf "| `%s` | %s | %s | %s |\n", $1, $2, $3, $4 }' "$work/in-process.tsv"
