#!/usr/bin/env bash
# End-to-end benchmark of the packaged t3 (adapter-cli/target/t3) on this machine, all in one run:
#   - a loopback fake t3.chat serves a recorded reply stream (about 2.1 million characters of answer in
#     3-to-8-character deltas, about 381,000 deltas and 22.6 MB, framed as PROTOCOL.md 3a) as fast as the
#     socket takes it; t3 ask reads it with its output to a file, next to curl draining the same stream and
#     the AI SDK's own JavaScript reader of it (benchmarks/ai-sdk-reader);
#   - t3 ask "hi" against the same server answering at once, t3 --version, and a JVM printing "hello".
# Reports the median wall time and peak memory (resident set) of each, over RUNS runs (default 5).
# Needs: mvn package first (for adapter-cli/target/t3), curl, GNU time (apt-get install time); node and
# npm for the AI SDK reader (skipped when missing). Only 127.0.0.1 is contacted.
# Usage: benchmarks/e2e.sh [RUNS]; T3="java -jar some/t3.jar" measures another build the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=adapter-cli/target/t3.jar
[ -x adapter-cli/target/t3 ] || { echo "no adapter-cli/target/t3: run 'mvn -q -B package -DskipTests' first" >&2; exit 1; }
read -r -a t3 <<< "${T3:-adapter-cli/target/t3}"
[ -x /usr/bin/time ] || { echo "no /usr/bin/time: apt-get install time" >&2; exit 1; }
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi

work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A stored login, as after 't3 login', in throw-away folders.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
unset COOKIES CONVEX_SESSION_ID T3_BASE_URL T3_LOGIN_ORIGIN

"$java" -XX:+UseSerialGC -cp "$jar" io.github.t3chat4j.testkit.LoopbackReplyServer --text-chars 2100000 \
    --url-file "$work/server-url" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do [ -s "$work/server-url" ] && break; sleep 0.1; done
read -r url stream_info < "$work/server-url"
chat=$url/api/chat
# The login belongs to the loopback server, as 't3 login --base-url' would have stored it.
mkdir -p -m 700 "$XDG_CONFIG_HOME/t3chat4j"
(umask 077 && printf 'COOKIES=wos-session=bench-session; theme=dark\nCONVEX_SESSION_ID=bench\nT3_LOGIN_ORIGIN=%s\n' "$url" \
    > "$XDG_CONFIG_HOME/t3chat4j/config.properties")

printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
"${java%java}javac" -d "$work" "$work/Hello.java" 2>/dev/null || "$java" -version >/dev/null

node_reader=""
if command -v node >/dev/null && command -v npm >/dev/null; then
    if [ -d benchmarks/ai-sdk-reader/node_modules ] || (cd benchmarks/ai-sdk-reader && npm ci --silent --no-audit --no-fund >/dev/null 2>&1); then
        node_reader=benchmarks/ai-sdk-reader/reader.mjs
    fi
fi

# measure NAME COMMAND...: runs it RUNS times, standard output to $work/NAME.out; keeps "seconds kilobytes" per run.
measure() {
    local name=$1; shift
    : > "$work/$name.times"
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$work/$name.time" -f "%e %M" "$@" > "$work/$name.out" 2> "$work/$name.err"
        cat "$work/$name.time" >> "$work/$name.times"
    done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
seconds() { cut -d' ' -f1 "$work/$1.times" | median; }
megabytes() { cut -d' ' -f2 "$work/$1.times" | median | awk '{printf "%.0f", $1/1024}'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"${t3[@]}" --base-url "$url" ask "hi" > /dev/null            # the first run renews the stored cookie and notes when
curl -s "$url/bench/requests" > "$work/first-requests"
measure hello "$java" -cp "$work" Hello
measure version "${t3[@]}" --version
measure ask-hi "${t3[@]}" --base-url "$url" ask "hi"
curl -s "$url/bench/requests" > "$work/hi-requests"
measure ask-long "${t3[@]}" --base-url "$url" ask "a long reply please"
measure ask-json "${t3[@]}" --base-url "$url" ask --json "a long reply please"
measure curl curl -s -X POST -H 'content-type: application/json' -H 'cookie: wos-session=bench' \
    --data-binary @benchmarks/e2e/chat-request.json -o "$work/curl.body" "$chat"
if [ -n "$node_reader" ]; then
    measure ai-sdk node "$node_reader" "$chat" benchmarks/e2e/chat-request.json "$work/ai-sdk.text"
fi
# A reply whose words arrive 1.5 s apart: how long after the server wrote each one it reached standard output.
latency=""
if command -v python3 >/dev/null; then
    for _ in $(seq "$runs"); do
        "${t3[@]}" --base-url "$url" ask "answer slowly" | python3 -c '
import os, sys, time
while True:
    chunk = os.read(0, 65536)
    if not chunk:
        break
    sys.stdout.write("%d " % int(time.time() * 1000))
print()' >> "$work/arrived"
    done
    latency=$(paste -d' ' "$work/server-url.sent" "$work/arrived" | awk '{
        for (i = 1; i <= 4; i++) { d = $(i + 4) - $i; if (d > max) max = d; sum += d; count++ } }
        END { if (count) printf "mean %.0f ms, worst %d ms over %d words", sum / count, max, count }')
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cmp -s "$work/ask-long.out" "$work/ai-sdk.text" && same="yes" || same="NO"

echo "## t3 end to end, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB;"\
     "load average $load_before before, $load_after after. $("$java" -version 2>&1 | head -1)."\
     "Stream: $stream_info (UI message stream, chunked). Median of $runs runs."
echo
echo "| what | wall (s) | peak RSS (MB) |"
echo "|---|---|---|"
echo "| JVM hello world (\`java Hello\`) | $(seconds hello) | $(megabytes hello) |"
echo "| \`t3 --version\` | $(seconds version) | $(megabytes version) |"
echo "| \`t3 ask \"hi\"\` (instant server, stored login) | $(seconds ask-hi) | $(megabytes ask-hi) |"
echo "| \`t3 ask\` long reply, output to a file | $(seconds ask-long) | $(megabytes ask-long) |"
echo "| \`t3 ask --json\` long reply | $(seconds ask-json) | $(megabytes ask-json) |"
echo "| \`curl\` draining the same stream | $(seconds curl) | $(megabytes curl) |"
if [ -n "$node_reader" ]; then
    echo "| AI SDK reader (node, \`parseJsonEventStream\` + \`uiMessageChunkSchema\`) | $(seconds ai-sdk) | $(megabytes ai-sdk) |"
fi
echo
awk -v h="$(seconds hello)" -v v="$(seconds version)" -v a="$(seconds ask-hi)" -v l="$(seconds ask-long)" \
    -v n="$( [ -n "$node_reader" ] && seconds ai-sdk || echo 0)" -v m="$(megabytes ask-long)" 'BEGIN {
    printf "Ratios: t3 ask \"hi\" / hello = %.1f (target <= 4); t3 --version / hello = %.1f (target <= 3);", a/h, v/h
    if (n > 0) printf " AI SDK reader / t3 ask long = %.1f (target >= 3);", n/l
    printf " t3 ask long peak = %d MB (target <= 128).\n", m }'
echo
echo "Requests of the first t3 ask (renews the stored cookie): $(tr '\n' ';' < "$work/first-requests")"
echo "Requests of the $runs measured t3 ask \"hi\" runs: $(tr '\n' ';' < "$work/hi-requests")"
if [ -n "$node_reader" ]; then
    echo "Same answer text from t3 and the AI SDK reader: $same"
fi
if [ -n "$latency" ]; then
    echo "Words 1.5 s apart, from the server's write to t3's standard output: $latency (target <= 50 ms)."
fi
