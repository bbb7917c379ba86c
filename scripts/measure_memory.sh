#!/usr/bin/env bash
# Resident memory of the real app (release build, real window under Xvfb) on
# the bundled sample and on generated files, after visiting every screen.
#
#   scripts/measure_memory.sh [MEETINGS...]      (default: 100000)
#
# Needs: xvfb, xdotool (see README), a release build (`cargo build --release`).
# Prints, per file: its size, the process's resident memory (VmRSS) and its
# peak (VmHWM), and RSS as a multiple of the file's size.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/liaison-desk
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
sizes=("${@:-100000}")
work=$(mktemp -d)
trap 'kill "${xvfb:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
display=:93
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display
unset WAYLAND_DISPLAY

measure() {
  local file=$1 name
  name=$(basename "$file")
  mkdir -p "$work/state"
  XDG_DATA_HOME="$work/state" LIAISON_DESK_RECOVERY_DIR="$work/recovery" \
    "$bin" "$file" >/dev/null 2>&1 &
  local pid=$!
  # Opened when the title names the file (a large one opens in the background).
  local win=""
  for _ in $(seq 600); do
    win=$(xdotool search --pid "$pid" --name "Liaison Desk" 2>/dev/null | head -n 1 || true)
    if [ -n "$win" ] && [[ "$(xdotool getwindowname "$win")" == "$name — Liaison Desk" ]]; then
      break
    fi
    win=""
    sleep 0.5
  done
  [ -n "$win" ] || { echo "$name: never opened" >&2; kill "$pid"; return 1; }
  xdotool windowfocus "$win" 2>/dev/null || true
  # Every screen once (tables build their indexes), then the dashboard.
  for key in ctrl+2 ctrl+3 ctrl+4 ctrl+5 ctrl+6 ctrl+7 ctrl+8 ctrl+9 ctrl+4 ctrl+f b o s ctrl+1; do
    xdotool key "$key"
    sleep 1
  done
  sleep 2
  local rss hwm bytes
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  bytes=$(stat -c %s "$file")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -f "$(dirname "$file")/.~lock.$name#"
  awk -v n="$name" -v b="$bytes" -v r="$rss" -v h="$hwm" 'BEGIN {
    printf "%-22s file %8.1f MB   RSS %7.1f MB (%.1f× the file)   peak %7.1f MB\n",
      n, b / 1048576, r / 1024, (r * 1024) / b, h / 1024 }'
}

cp assets/sample.ron "$work/sample.ron"
measure "$work/sample.ron"
for n in "${sizes[@]}"; do
  "$bin" generate --meetings "$n" --seed 1 -o "$work/m$n.ron" >/dev/null
  measure "$work/m$n.ron"
done
