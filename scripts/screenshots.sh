#!/usr/bin/env bash
# Runs the real app under Xvfb on the sample data and writes a PNG of each screen
# (both themes, in English) and a few in French into docs/screenshots/. Needs: xvfb xauth xdotool imagemagick and the
# run-time libraries named in README.md. Usage: scripts/screenshots.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
profile=${PROFILE:-release}
if [ "$profile" = release ]; then cargo build --release --quiet; else cargo build --quiet; fi
bin=target/$([ "$profile" = release ] && echo release || echo debug)/liaison-desk

display=${SCREENSHOT_DISPLAY:-:79}
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display
unset WAYLAND_DISPLAY

# Starts the app on FILE with THEME and LANGUAGE remembered as settings, its
# window moved to the corner at full size; sets app_pid and app_state.
start_app() { # theme language file
  app_state=$(mktemp -d)
  mkdir -p "$app_state/liaison-desk"
  printf '{\n    "app": "(recent_files:[],last_file:None,started_before:true,theme:%s,zoom:1.0,language:Some(%s))",\n}\n' "$1" "$2" \
    > "$app_state/liaison-desk/app.ron"
  XDG_DATA_HOME=$app_state "$bin" "$3" >/dev/null 2>&1 &
  app_pid=$!
  sleep 4
  local win
  win=$(xdotool search --sync --name "Liaison Desk" | head -n 1)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900
  xdotool windowfocus "$win" 2>/dev/null || true
  sleep 1
}

stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  rm -rf "$app_state"
}

shoot() { # theme file
  local theme=$1 file=$2
  start_app "$theme" English "$file"
  local names=(dashboard affiliates companies meetings notes contracts institutes zones problems)
  for i in "${!names[@]}"; do
    xdotool key "ctrl+$((i + 1))"
    sleep 1
    /usr/bin/import -window root "$out/${names[$i]}-${theme,,}.png"
  done
  # A record open in its form: a meeting, then a country note with its reading view.
  for shot in "4 meeting-form" "5 note-form"; do
    set -- $shot
    xdotool key "ctrl+$1"
    sleep 1
    # Down selects the first row, Enter opens it (clicks sent by xdotool to
    # a window without a window manager are not reliable).
    xdotool key Down
    sleep 0.5
    xdotool key Return
    sleep 1
    /usr/bin/import -window root "$out/$2-${theme,,}.png"
    xdotool key Escape
    sleep 1
  done
  stop_app
}

# The map coloured by meetings, a country's tooltip, and a bar's tooltip.
# Clicks only work before any key press (see above): a fresh start each.
dashboard_extras() { # theme
  local theme=$1
  start_app "$theme" English assets/sample.ron
  xdotool mousemove 405 213 click 1 # "By meetings"
  sleep 0.7
  xdotool mousemove 1000 330 # China
  sleep 1
  /usr/bin/import -window root "$out/map-${theme,,}.png"
  xdotool mousemove 560 742 # Europe's bar, in the meetings by stage
  sleep 1
  /usr/bin/import -window root "$out/bar-tooltip-${theme,,}.png"
  stop_app
}

# In French: the dashboard, and the companies written in their own scripts
# (a search for "(" finds them), one of them open in its form.
french() { # theme
  local theme=$1
  start_app "$theme" French assets/sample.ron
  /usr/bin/import -window root "$out/dashboard-fr-${theme,,}.png"
  xdotool key ctrl+3
  sleep 1
  xdotool key ctrl+f
  sleep 0.5
  xdotool key parenleft
  sleep 1
  xdotool key Escape
  sleep 0.5
  for _ in 1 2 3 4 5 6 7 8; do xdotool key Down; sleep 0.2; done
  xdotool key Return
  sleep 1
  /usr/bin/import -window root "$out/scripts-fr-${theme,,}.png"
  stop_app
}

shoot Light assets/sample.ron
shoot Dark assets/sample.ron
french Light
french Dark
dashboard_extras Light
dashboard_extras Dark
echo "screenshots in $out"
