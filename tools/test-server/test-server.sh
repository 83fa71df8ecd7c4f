#!/usr/bin/env bash
# Temporal's time-skipping test server, started the way @temporalio/testing expects:
# it spawns this file as `<port> [--enable-time-skipping]` and stops it by killing
# this PID, so we must `exec` the JVM rather than run it as a child.
# `--make-archive` records a class-data-sharing archive for fast later starts.
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xlog:disable -Xlog:all=off)
if [ "${1:-}" = "--make-archive" ]; then
  port=$((20000 + RANDOM % 20000))
  java "${jvm[@]}" -XX:ArchiveClassesAtExit="$dir/app.jsa" -cp "$dir/lib/*" io.temporal.testserver.TestServer "$port" --enable-time-skipping >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  kill "$pid"; wait "$pid" 2>/dev/null
  exit 0
fi
[ -f "$dir/app.jsa" ] && jvm+=(-XX:SharedArchiveFile="$dir/app.jsa")
exec java "${jvm[@]}" -cp "$dir/lib/*" io.temporal.testserver.TestServer "$@"
