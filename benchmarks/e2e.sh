#!/usr/bin/env bash
# End-to-end benchmark of the packaged t3 (adapter-cli/target/t3) on this machine, all in one run:
#   - a loopback fake t3.chat serves a recorded reply stream (about 2.1 million characters of answer in
#     3-to-8-character deltas, about 381,000 deltas and 22.6 MB, framed as PROTOCOL.md 3a) as fast as the
#     socket takes it; t3 ask reads it with its output to a file, served cold (T3_DAEMON=off) and by the
#     warm process, next to curl draining the same stream and the AI SDK's own JavaScript reader of it
#     (benchmarks/ai-sdk-reader);
#   - t3 ask "hi" against the same server answering at once, cold and warm, t3 --version, and a JVM
#     printing "hello";
#   - the time to the first byte of a reply over TLS (HTTP/2) through a relay that delays every byte by
#     25 ms each way and a new connection by one round trip, cold and warm, and the same through a relay
#     that delays nothing; both relays note when they accepted a connection and when a client's data
#     arrived, so each run's time on the network before its first byte (from opening its connection, or
#     from sending its request on a kept one) is known apart from its JVM's start: the difference between
#     the relays is what the network costs each, in round trips.
# Reports the median wall time, CPU time and peak memory (resident set) of each, over RUNS runs (default 5).
# Needs: mvn package first (for adapter-cli/target/t3), curl, GNU time (apt-get install time), python3 for
# the timings to the first byte; node and npm for the AI SDK reader (skipped when missing). Only 127.0.0.1 is
# contacted. Every warm process it starts is stopped at the end.
# Usage: benchmarks/e2e.sh [RUNS]; T3="java -jar some/t3.jar" measures another build the same way (its rows
# marked warm then measure whatever that build does).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=adapter-cli/target/t3.jar
[ -x adapter-cli/target/t3 ] || { echo "no adapter-cli/target/t3: run 'mvn -q -B package -DskipTests' first" >&2; exit 1; }
read -r -a t3 <<< "${T3:-adapter-cli/target/t3}"
[ -x /usr/bin/time ] || { echo "no /usr/bin/time: apt-get install time" >&2; exit 1; }
command -v python3 >/dev/null || { echo "no python3: the timings to the first byte need it" >&2; exit 1; }
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi

work=$(mktemp -d)
server_pid=""
relay_pid=""
direct_pid=""
tls_opts=""
cleanup() {
    T3_JAVA_OPTS="" "${t3[@]}" daemon stop >/dev/null 2>&1 || true
    [ -n "$tls_opts" ] && T3_JAVA_OPTS="$tls_opts" "${t3[@]}" daemon stop >/dev/null 2>&1 || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$relay_pid" ] && kill "$relay_pid" 2>/dev/null || true
    [ -n "$direct_pid" ] && kill "$direct_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A stored login, as after 't3 login', in throw-away folders; the warm process's socket there too.
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache \
    XDG_STATE_HOME=$work/state XDG_RUNTIME_DIR=$work/run
mkdir -p "$HOME" && mkdir -p -m 700 "$XDG_RUNTIME_DIR"
unset COOKIES CONVEX_SESSION_ID T3_BASE_URL T3_LOGIN_ORIGIN T3_JAVA_OPTS T3_DAEMON T3_DAEMON_IDLE

# The fake server answers with TCP_NODELAY, as a web server does (the JDK's HttpServer otherwise holds a
# reply's body behind its head until the client acknowledges it).
"$java" -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true -cp "$jar" io.github.t3chat4j.testkit.LoopbackReplyServer \
    --tls --text-chars 2100000 --url-file "$work/server-url" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do [ -s "$work/server-url" ] && break; sleep 0.1; done
read -r url stream_info < "$work/server-url"
read -r tls_url pem < "$work/server-url.tls"
chat=$url/api/chat
"$java" -XX:+UseSerialGC -cp "$jar" io.github.t3chat4j.testkit.DelayingRelay --target "${tls_url##*:}" --delay 25 \
    --port-file "$work/relay-port" --events "$work/relay.events" > "$work/relay.log" 2>&1 &
relay_pid=$!
"$java" -XX:+UseSerialGC -cp "$jar" io.github.t3chat4j.testkit.DelayingRelay --target "${tls_url##*:}" --delay 0 \
    --port-file "$work/direct-port" --events "$work/direct.events" > "$work/direct.log" 2>&1 &
direct_pid=$!
for _ in $(seq 300); do [ -s "$work/relay-port" ] && [ -s "$work/direct-port" ] && break; sleep 0.1; done
relay_url=https://127.0.0.1:$(cat "$work/relay-port")
# "Direct": through a relay that delays nothing, so that its runs are timed the same way.
direct_url=https://127.0.0.1:$(cat "$work/direct-port")

# The logins belong to the loopback server, as 't3 login --base-url' would have stored them: one for plain
# HTTP, and (in a config folder of its own) one for the relay's TLS address.
store_login() {
    mkdir -p -m 700 "$1/t3chat4j"
    (umask 077 && printf 'COOKIES=wos-session=bench-session; theme=dark\nCONVEX_SESSION_ID=bench\nT3_LOGIN_ORIGIN=%s\n' \
        "$2" > "$1/t3chat4j/config.properties")
}
store_login "$XDG_CONFIG_HOME" "$url"
store_login "$work/config-tls" "$relay_url"
store_login "$work/config-tls-direct" "$direct_url"
# t3 trusts the test certificate through the JVM's trust store; T3_JAVA_OPTS gives those runs (and their
# warm process, one of their own) the option.
keytool=$(dirname "$(readlink -f "$(command -v "$java")")")/keytool
"$keytool" -importcert -noprompt -alias t3chat-test -file "$pem" -keystore "$work/trust.p12" -storetype PKCS12 \
    -storepass bench-trust > /dev/null 2>&1
tls_opts="-Djavax.net.ssl.trustStore=$work/trust.p12 -Djavax.net.ssl.trustStorePassword=bench-trust"

printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
"${java%java}javac" -d "$work" "$work/Hello.java" 2>/dev/null || "$java" -version >/dev/null

node_reader=""
if command -v node >/dev/null && command -v npm >/dev/null; then
    if [ -d benchmarks/ai-sdk-reader/node_modules ] || (cd benchmarks/ai-sdk-reader && npm ci --silent --no-audit --no-fund >/dev/null 2>&1); then
        node_reader=benchmarks/ai-sdk-reader/reader.mjs
    fi
fi

# measure NAME COMMAND...: runs it RUNS times, standard output to $work/NAME.out; keeps "seconds kilobytes cpu" per run.
measure() {
    local name=$1; shift
    : > "$work/$name.times"
    for _ in $(seq "$runs"); do
        # Wall time to the millisecond from the shell's clock (GNU time's has hundredths: too coarse next to
        # a JVM hello world); CPU and peak memory from GNU time.
        local began=$EPOCHREALTIME
        /usr/bin/time -o "$work/$name.time" -f "%e %M %U %S" "$@" > "$work/$name.out" 2> "$work/$name.err"
        local ended=$EPOCHREALTIME
        awk -v b="$began" -v e="$ended" '{printf "%.3f %s %.2f\n", e - b, $2, $3 + $4}' "$work/$name.time" >> "$work/$name.times"
    done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
seconds() { cut -d' ' -f1 "$work/$1.times" | median; }
megabytes() { cut -d' ' -f2 "$work/$1.times" | median | awk '{printf "%.0f", $1/1024}'; }
cpu() { cut -d' ' -f3 "$work/$1.times" | median; }
row() { echo "| $1 | $(seconds "$2") | $(cpu "$2") | $(megabytes "$2") |"; }
cold=(env T3_DAEMON=off "${t3[@]}")
warm=(env T3_DAEMON=on "${t3[@]}")

# The warm process's pid, CPU seconds so far and peak resident set (MB), from /proc.
warm_pid() { T3_DAEMON=on "${t3[@]}" daemon status 2>/dev/null | sed -n 's/^ *pid: //p'; }
proc_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
proc_peak() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# ttfb NAME CONFIG-HOME BASE-URL DAEMON EVENTS: RUNS times, the seconds from starting t3 to its first byte of
# output, and the seconds of those it spent on the network: from the relay's first event of the run (the
# connection accepted, or the request's first data on a kept connection) to that byte.
ttfb() {
    local name=$1 config=$2 base=$3 daemon=$4 events=$5
    : > "$work/$name.ttfb"
    : > "$work/$name.net"
    for _ in $(seq "$runs"); do
        XDG_CONFIG_HOME=$config T3_DAEMON=$daemon T3_JAVA_OPTS=$tls_opts python3 - "$events" "${t3[@]}" --base-url "$base" \
            ask "hi" >> "$work/$name.ttfb" 3>> "$work/$name.net" <<'EOF'
import os, subprocess, sys, time
events = sys.argv[1]
start, start_wall = time.monotonic(), time.time()
p = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
byte = p.stdout.read(1)
first, first_wall = time.monotonic() - start, time.time()
p.stdout.read()
err = p.stderr.read()
if p.wait() != 0 or not byte:
    sys.exit("t3 failed over TLS: " + err.decode(errors="replace"))
print("%.4f" % first)
noted = [int(line.split()[0]) / 1000 for line in open(events) if line.strip()]
during = [t for t in noted if start_wall - 0.002 <= t <= first_wall]
if not during:
    sys.exit("the relay noted nothing of this run")
os.write(3, b"%.4f\n" % (first_wall - min(during)))
EOF
    done
}
ttfb_ms() { median < "$work/$1.ttfb" | awk '{printf "%.0f", $1 * 1000}'; }
net_ms() { median < "$work/$1.net" | awk '{printf "%.0f", $1 * 1000}'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"${cold[@]}" --base-url "$url" ask "hi" > /dev/null                 # the first run renews the stored cookie and notes when
curl -s "$url/bench/requests" > "$work/first-requests"
measure hello "$java" -cp "$work" Hello
measure version "${t3[@]}" --version
measure ask-hi-cold "${cold[@]}" --base-url "$url" ask "hi"
curl -s "$url/bench/requests" > "$work/hi-requests"
"${warm[@]}" daemon start > /dev/null                                # started as the first run would, then 10 runs
for _ in $(seq 10); do "${warm[@]}" --base-url "$url" ask "hi" > /dev/null; done
pid=$(warm_pid)
cpu_before=$(proc_cpu "$pid")
measure ask-hi-warm "${warm[@]}" --base-url "$url" ask "hi"
cpu_hi_warm=$(awk -v a="$cpu_before" -v b="$(proc_cpu "$pid")" -v n="$runs" 'BEGIN {printf "%.3f", (b - a) / n}')
measure version-warm "${warm[@]}" --version                          # never handed over: answered by the launcher's JVM
measure ask-long-cold "${cold[@]}" --base-url "$url" ask "a long reply please"
"${warm[@]}" --base-url "$url" ask "a long reply please" > /dev/null
cpu_before=$(proc_cpu "$pid")
measure ask-long-warm "${warm[@]}" --base-url "$url" ask "a long reply please"
cpu_long_warm=$(awk -v a="$cpu_before" -v b="$(proc_cpu "$pid")" -v n="$runs" 'BEGIN {printf "%.2f", (b - a) / n}')
peak_warm=$(proc_peak "$pid")
measure ask-json "${cold[@]}" --base-url "$url" ask --json "a long reply please"
measure curl curl -s -X POST -H 'content-type: application/json' -H 'cookie: wos-session=bench' \
    --data-binary @benchmarks/e2e/chat-request.json -o "$work/curl.body" "$chat"
if [ -n "$node_reader" ]; then
    measure ai-sdk node "$node_reader" "$chat" benchmarks/e2e/chat-request.json "$work/ai-sdk.text"
fi

# The first byte over TLS, with and without the 25 ms relay; the warm process of these runs is warmed first
# and holds a connection to each address when measured.
for config in "$work/config-tls" "$work/config-tls-direct"; do
    base=$relay_url
    [ "$config" = "$work/config-tls-direct" ] && base=$direct_url
    XDG_CONFIG_HOME=$config T3_JAVA_OPTS=$tls_opts "${cold[@]}" --base-url "$base" ask "hi" > /dev/null   # renews, notes when
done
XDG_CONFIG_HOME=$work/config-tls T3_JAVA_OPTS=$tls_opts "${warm[@]}" daemon start > /dev/null
for _ in 1 2 3; do
    XDG_CONFIG_HOME=$work/config-tls T3_JAVA_OPTS=$tls_opts "${warm[@]}" --base-url "$relay_url" ask "hi" > /dev/null
    XDG_CONFIG_HOME=$work/config-tls-direct T3_JAVA_OPTS=$tls_opts "${warm[@]}" --base-url "$direct_url" ask "hi" > /dev/null
done
ttfb relay-cold "$work/config-tls" "$relay_url" off "$work/relay.events"
ttfb relay-warm "$work/config-tls" "$relay_url" on "$work/relay.events"
ttfb direct-cold "$work/config-tls-direct" "$direct_url" off "$work/direct.events"
ttfb direct-warm "$work/config-tls-direct" "$direct_url" on "$work/direct.events"

# A reply whose words arrive 1.5 s apart: how long after the server wrote each one it reached standard output.
latency=""
for _ in $(seq "$runs"); do
    "${warm[@]}" --base-url "$url" ask "answer slowly" | python3 -c '
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
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cmp -s "$work/ask-long-cold.out" "$work/ai-sdk.text" && same="yes" || same="NO"
cmp -s "$work/ask-long-cold.out" "$work/ask-long-warm.out" && same_warm="yes" || same_warm="NO"

echo "## t3 end to end, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB;"\
     "load average $load_before before, $load_after after. $("$java" -version 2>&1 | head -1)."\
     "Stream: $stream_info (UI message stream, chunked). Median of $runs runs."
echo
echo "| what | wall (s) | CPU (s) | peak RSS (MB) |"
echo "|---|---|---|---|"
row "JVM hello world (\`java Hello\`)" hello
row "\`t3 --version\`" version
row "\`t3 --version\` with the warm process running (answered by the launcher's JVM)" version-warm
row "\`t3 ask \"hi\"\` cold (\`T3_DAEMON=off\`; instant server, stored login)" ask-hi-cold
row "\`t3 ask \"hi\"\` warm (the launcher's JVM; the warm process's CPU below)" ask-hi-warm
row "\`t3 ask\` long reply cold, output to a file" ask-long-cold
row "\`t3 ask\` long reply warm, output to a file" ask-long-warm
row "\`t3 ask --json\` long reply cold" ask-json
row "\`curl\` draining the same stream" curl
if [ -n "$node_reader" ]; then
    row "AI SDK reader (node, \`parseJsonEventStream\` + \`uiMessageChunkSchema\`)" ai-sdk
fi
echo
echo "The warm process: $cpu_hi_warm s of CPU per \`ask \"hi\"\`, $cpu_long_warm s per long reply; peak resident set $peak_warm MB."
echo
echo "| the first byte of a reply, TLS + HTTP/2 (ms) | cold: from start | cold: on the network | warm: from start | warm: on the network |"
echo "|---|---|---|---|---|"
echo "| direct (a relay that delays nothing) | $(ttfb_ms direct-cold) | $(net_ms direct-cold) | $(ttfb_ms direct-warm) | $(net_ms direct-warm) |"
echo "| through the relay (25 ms each way, a new connection waits one round trip) | $(ttfb_ms relay-cold) | $(net_ms relay-cold) | $(ttfb_ms relay-warm) | $(net_ms relay-warm) |"
echo "| what the relay added | $(( $(ttfb_ms relay-cold) - $(ttfb_ms direct-cold) )) | $(( $(net_ms relay-cold) - $(net_ms direct-cold) )) | $(( $(ttfb_ms relay-warm) - $(ttfb_ms direct-warm) )) | $(( $(net_ms relay-warm) - $(net_ms direct-warm) )) |"
echo
awk -v h="$(seconds hello)" -v v="$(seconds version)" -v c="$(seconds ask-hi-cold)" -v w="$(seconds ask-hi-warm)" \
    -v lc="$(seconds ask-long-cold)" -v lw="$(seconds ask-long-warm)" \
    -v n="$( [ -n "$node_reader" ] && seconds ai-sdk || echo 0)" -v m="$(megabytes ask-long-cold)" \
    -v rc="$(net_ms relay-cold)" -v dc="$(net_ms direct-cold)" -v rw="$(net_ms relay-warm)" -v dw="$(net_ms direct-warm)" 'BEGIN {
    printf "Ratios: t3 ask \"hi\" warm / hello = %.1f (target <= 4), cold / hello = %.1f;", w/h, c/h
    printf " t3 --version / hello = %.1f (target <= 3);", v/h
    printf " long reply warm / cold = %.2f (target <= 1);", lw/lc
    if (n > 0) printf " AI SDK reader / t3 ask long cold = %.1f (target >= 3);", n/lc
    printf " t3 ask long cold peak = %d MB (target <= 128).", m
    saved = ((rc - dc) - (rw - dw)) / 50
    printf " Round trips the warm process saved before the first byte (time on the network): %.1f (target >= 2).\n", saved }'
echo
echo "Requests of the first t3 ask (renews the stored cookie): $(tr '\n' ';' < "$work/first-requests")"
echo "Requests of the $runs measured cold t3 ask \"hi\" runs: $(tr '\n' ';' < "$work/hi-requests")"
echo "Same answer text from t3 cold and warm: $same_warm"
if [ -n "$node_reader" ]; then
    echo "Same answer text from t3 and the AI SDK reader: $same"
fi
echo "Words 1.5 s apart, from the server's write to t3's standard output (warm): $latency (target <= 50 ms)."
