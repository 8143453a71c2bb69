#!/usr/bin/env bash
# Smoke-tests the Windows package under Wine + Xvfb: builds it first unless build/windows holds a package
# of this very commit. Prints one line per step with its time; exits non-zero if any step fails.
# Wine 8 lacks three things Windows 10/11 has; the test shims from ../shared/windows/wine-shims supply
# them in the throw-away Wine prefix only, never in the package.
set -uo pipefail
# Under pipefail `producer | grep -q` fails at random: grep leaves at the first match and the producer, still
# writing, dies of SIGPIPE. The checks below read their whole input (grep … >/dev/null) instead.
cd "$(dirname "$0")/.."
REPO=$PWD
OUT=$REPO/build/windows
SMOKE=$OUT/smoke
SHIMS=${NIANBAO_WINE_SHIMS:-$REPO/../shared/windows/wine-shims}
SAMPLE=$REPO/resources/sample/qinglan_county_2024.json
CORPUS_PDF=$REPO/../shared/corpus/hongze_district_2024.pdf
version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')

need=(locales wine wine64 xvfb xdotool imagemagick poppler-utils gcc-mingw-w64-x86-64-win32 unzip)
source scripts/debian-packages.sh
install_missing "${need[@]}"
[ -d "$SHIMS" ] || { echo "FAIL: the Wine test shims are not at $SHIMS (set NIANBAO_WINE_SHIMS)"; exit 1; }

rm -rf "$SMOKE"; mkdir -p "$SMOKE/logs" "$SMOKE/d/2025年 年报"
: > "$SMOKE/steps.txt"
failures=0
n=0
step() {  # step "what" command...: runs it, prints "ok|FAIL  seconds  what"
  local what=$1; shift
  n=$((n + 1))
  local log="$SMOKE/logs/$n.log" start=$(date +%s.%N) status=ok
  "$@" >"$log" 2>&1 || status=FAIL
  local line
  line=$(printf "%-4s %6.1f s  %s" "$status" "$(awk "BEGIN {print $(date +%s.%N) - $start}")" "$what")
  echo "$line" | tee -a "$SMOKE/steps.txt"
  if [ $status = FAIL ]; then
    failures=$((failures + 1))
    tail -15 "$log" | sed 's/^/       | /'
  fi
}

# ---------------------------------------------------------------- the package
package_is_current() {
  local manifest=$OUT/nianbao/manifest.json
  [ -f "$manifest" ] && [ -f "$OUT/nianbao-setup-$version.exe" ] && [ -f "$OUT/nianbao/nianbao.exe" ] &&
    [ -z "$(git status --porcelain --untracked-files=no)" ] &&
    grep -q "\"commit\": \"$(git rev-parse HEAD)\"" "$manifest"
}
build() {
  if package_is_current; then echo "reusing the package of commit $(git rev-parse --short HEAD)"; return 0; fi
  bash scripts/build-windows.sh
}
step "build the package (or reuse this commit's)" build || true
[ -f "$OUT/nianbao/nianbao-cli.exe" ] || { echo "FAIL: no package to test"; exit 1; }

# ---------------------------------------------------------------- Wine
# Outside the repository: the prefix's z: drive links to / (see WINE_HOME in packaging/windows/build.py).
WINE_HOME=${XDG_CACHE_HOME:-$HOME/.cache}/nianbao-windows/$(printf %s "$REPO" | sha1sum | cut -c1-10)
mkdir -p "$WINE_HOME"
export WINEPREFIX=$WINE_HOME/prefix-test WINEDEBUG=-all WINEARCH=win64
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d;winedbg.exe=d"  # a crash ends, not waits
export LC_ALL=C.UTF-8
xvfb_pid=""
cleanup() {
  wineserver -k 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
# One display for the whole run.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$SMOKE/display" >"$SMOKE/logs/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 40); do [ -s "$SMOKE/display" ] && break; sleep 0.5; done
[ -s "$SMOKE/display" ] || { echo "FAIL: Xvfb did not start"; exit 1; }
export DISPLAY=":$(head -1 "$SMOKE/display")"

# A Chinese Windows: code page 936 and a zh-CN UI, as on a clerk's PC (Wine's own locale tables; the
# Linux tools of this script keep C.UTF-8).
# glibc needs the zh_CN.UTF-8 locale itself, or Wine mangles Chinese arguments: built here, not installed.
[ -d "$WINE_HOME/locale/zh_CN.UTF-8" ] || { mkdir -p "$WINE_HOME/locale" &&
  localedef -i zh_CN -f UTF-8 "$WINE_HOME/locale/zh_CN.UTF-8" 2>/dev/null; }
wine() { env LOCPATH="$WINE_HOME/locale" LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 wine "$@"; }
# Wine's Python cannot use a regular file or a closed handle as a standard stream: pipes everywhere.
w() { true | wine "$@" 2>&1 | cat; return "${PIPESTATUS[1]}"; }
shell_folder() {  # the Linux path of a Windows shell folder (Desktop, Programs, …) of this prefix
  local win; win=$(w reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\Shell Folders' /v "$1" |
    tr -d '\r' | sed -n "s/^ *$1 *REG_SZ *//p")
  winepath -u "$win"
}
winpath() { winepath -w "$1" 2>/dev/null; }
USERDIR="$WINEPREFIX/drive_c/users/$(whoami)"
INSTALL_WIN='C:\Users\张三\AppData\Local\Programs\年报 编辑器'
INSTALL="$WINEPREFIX/drive_c/users/张三/AppData/Local/Programs/年报 编辑器"
DOCS_WIN='D:\2025年 年报'
PORTABLE_CLI=$(winpath "$OUT/nianbao/nianbao-cli.exe")
PORTABLE_PY=$(winpath "$OUT/nianbao/python/python.exe")
# A command line handed to CreateProcess verbatim, as typed at a Windows prompt (NSIS's /D= must not be
# quoted although the path has a space; wine would quote it as one argument).
rawrun() { w "$PORTABLE_PY" -c "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1]))" "$1"; }

prefix() {
  wineserver -k 2>/dev/null; rm -rf "$WINEPREFIX"
  wine wineboot -i && wineserver -w || return 1
  for dll in icuuc bcryptprimitives; do   # icuuc_stub.c -> icuuc.dll, into the prefix only
    x86_64-w64-mingw32-gcc -shared -O2 -o "$SMOKE/$dll.dll" "$SHIMS/${dll}_stub.c" || return 1
    cp "$SMOKE/$dll.dll" "$WINEPREFIX/drive_c/windows/system32/" || return 1
  done
  # Real folders, not links into the Linux home: the installer's shortcuts must land inside the prefix.
  DESKTOP=$(shell_folder Desktop) && PROGRAMS=$(shell_folder Programs) || return 1
  echo "Desktop: $DESKTOP; Programs: $PROGRAMS"
  for d in "$DESKTOP" "$(shell_folder Personal)" "$PROGRAMS"; do
    [ -L "$d" ] && rm "$d"; mkdir -p "$d"
  done
  printf 'DESKTOP=%q\nPROGRAMS=%q\n' "$DESKTOP" "$PROGRAMS" >"$SMOKE/folders"
  ln -sfn "$SMOKE/d" "$WINEPREFIX/dosdevices/d:"   # D:\2025年 年报\ — a Chinese folder name with a space
}
step "Wine prefix (zh-CN, code page 936) with the test shims, D: drive" prefix
. "$SMOKE/folders" 2>/dev/null || true

version_check() {
  local out; out=$(w "$PORTABLE_CLI" --version) || return 1
  echo "$out"; [ "$(echo "$out" | tr -d '\r')" = "nianbao $version" ]
}
step "nianbao-cli.exe --version" version_check

check_sample() {
  local win linux
  win=$(w "$PORTABLE_CLI" check "$(winpath "$SAMPLE")" | tr -d '\r') || return 1
  linux=$(.venv/bin/nianbao check "$SAMPLE") || return 1
  echo "$win"; [ "$win" = "$linux" ]   # the same findings as on Linux
}
step "check the sample (same findings as on Linux)" check_sample

export_all() {
  # PDF: Qt lays the report out; the minimal platform with fonts needs no desktop (Wine drops QT_*).
  WINEQT_QPA_PLATFORM=minimal:enable_fonts QT_QPA_PLATFORM=minimal:enable_fonts \
    w "$PORTABLE_CLI" export "$(winpath "$SAMPLE")" --docx "$DOCS_WIN\\报告.docx" --html "$DOCS_WIN\\报告.html" \
      --pdf "$DOCS_WIN\\报告.pdf" || return 1
  local dir="$SMOKE/d/2025年 年报"
  unzip -p "$dir/报告.docx" word/document.xml | grep "青岚县人民政府" >/dev/null || { echo "docx lacks the title"; return 1; }
  grep -q "青岚县人民政府" "$dir/报告.html" || { echo "html lacks the title"; return 1; }
  pdftotext "$dir/报告.pdf" - | grep "政府信息公开" >/dev/null || { echo "pdf text lacks Chinese"; return 1; }
  pdftoppm -png -r 50 -f 1 -l 1 "$dir/报告.pdf" "$SMOKE/export-pdf"
}
step "export Word, HTML and PDF into D:\\2025年 年报\\" export_all

import_pdf() {
  [ -f "$CORPUS_PDF" ] || { echo "corpus PDF missing: $CORPUS_PDF"; return 1; }
  cp "$CORPUS_PDF" "$SMOKE/d/2025年 年报/去年 年报.pdf"
  w "$PORTABLE_CLI" import "$DOCS_WIN\\去年 年报.pdf" -o "$DOCS_WIN\\导入.json" || return 1
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1],encoding="utf-8")); assert d["tables"], "no tables"' \
    "$SMOKE/d/2025年 年报/导入.json"
}
step "import a corpus PDF" import_pdf

install() {
  rawrun "\"$(winpath "$OUT/nianbao-setup-$version.exe")\" /S /D=$INSTALL_WIN" || return 1
  wineserver -w
  for f in nianbao.exe nianbao-cli.exe uninstall.exe python/pythonw.exe; do
    [ -f "$INSTALL/$f" ] || { echo "not installed: $f"; return 1; }
  done
  for lnk in "$DESKTOP/年报编辑器.lnk" "$PROGRAMS/年报编辑器.lnk"; do
    [ -f "$lnk" ] || { echo "no shortcut $lnk"; return 1; }
  done
  w reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao' | grep DisplayName >/dev/null
}
step "silent install into $INSTALL_WIN" install

shortcut_starts() {
  # Started the way Explorer starts it (ShellExecute on the .lnk), with a report on the command line
  # that the editor opens and draws into a PNG (the minimal platform: no desktop needed).
  local lnk; lnk=$(winpath "$DESKTOP/年报编辑器.lnk")
  WINEQT_QPA_PLATFORM=minimal:enable_fonts QT_QPA_PLATFORM=minimal:enable_fonts \
    w start /wait "$lnk" --screenshot "$DOCS_WIN\\快捷方式.png" "$DOCS_WIN\\报告.docx" || return 1
  [ -s "$SMOKE/d/2025年 年报/快捷方式.png" ] || { echo "no screenshot from the shortcut's target"; return 1; }
}
step "the installed shortcut's target starts (opens D:\\2025年 年报\\报告.docx)" shortcut_starts

live_window() {
  # The real windows platform on Xvfb. Qt >= 6.8 reads the desktop palette through WinRT, which Wine
  # lacks: the shim skips that (Windows 10/11 need no shim), then starts the installed app's launcher.
  (true | wine "$INSTALL_WIN\\python\\python.exe" "$(winpath "$SHIMS/wine_nodesktop.py")" \
      "$DOCS_WIN\\报告.docx" 2>&1 | cat >"$SMOKE/logs/live-app.log") &
  local app=$! found=""
  for _ in $(seq 1 120); do
    found=$(xdotool search --onlyvisible --name "年报编辑器" 2>/dev/null | head -1)
    [ -n "$found" ] && break
    kill -0 "$app" 2>/dev/null || break   # the editor ended without a window
    sleep 1
  done
  [ -n "$found" ] || { echo "no editor window within 120 s"; cat "$SMOKE/logs/live-app.log"; return 1; }
  sleep 8   # the report's first paint and check
  xdotool getwindowname "$found"
  import -window root "$SMOKE/live-window.png" || return 1
  local colours; colours=$(convert "$SMOKE/live-window.png" -format %k info:)
  echo "screenshot colours: $colours"
  kill "$app" 2>/dev/null; wineserver -k; wait "$app" 2>/dev/null
  [ "$colours" -gt 50 ] || { echo "the screenshot is blank"; return 1; }
  local logs; logs=$(find "$WINEPREFIX/drive_c/users" -name nianbao.log | head -1)
  echo "log file: $logs"   # %LOCALAPPDATA%\nianbao\nianbao\Logs\nianbao.log
  case "$logs" in */AppData/Local/nianbao/nianbao/Logs/nianbao.log) ;; *) echo "log not in %LOCALAPPDATA%"; return 1;; esac
  grep -q "报告.docx" "$logs" || { echo "no start-up line in $logs"; return 1; }
}
step "live editor window from the installed package (screenshot)" live_window

uninstall() {
  w "$INSTALL_WIN\\uninstall.exe" /S || return 1
  for _ in $(seq 1 60); do [ -e "$INSTALL" ] || break; sleep 1; done   # it finishes from a temp copy
  wineserver -w
  local left=0
  [ -e "$INSTALL" ] && { echo "left behind:"; find "$INSTALL" | head; left=1; }
  for lnk in "$DESKTOP/年报编辑器.lnk" "$PROGRAMS/年报编辑器.lnk"; do
    [ -e "$lnk" ] && { echo "shortcut left: $lnk"; left=1; }
  done
  grep -il 'nianbao' "$WINEPREFIX"/*.reg && { echo "registry entries left"; grep -i -B2 nianbao "$WINEPREFIX"/user.reg | head; left=1; }
  echo "kept on purpose (settings, logs, recovery):"; find "$USERDIR/AppData" -path '*nianbao*' -maxdepth 3 | head
  [ $left = 0 ]
}
step "silent uninstall leaves nothing behind" uninstall

mkdir -p "$OUT"
cp "$SMOKE/live-window.png" "$OUT/live-window.png" 2>/dev/null || true
echo "screenshot: $SMOKE/live-window.png; logs: $SMOKE/logs; steps: $SMOKE/steps.txt"
if [ $failures -gt 0 ]; then echo "$failures step(s) failed"; exit 1; fi
echo "all steps passed"
