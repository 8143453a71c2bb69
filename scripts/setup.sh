#!/usr/bin/env bash
# Installs what nianbao needs: Qt's system libraries and CJK fonts (apt, only where missing),
# then a virtual environment in .venv with the project. `setup.sh test` adds the test tools
# and what the export tests convert with (LibreOffice, poppler).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
          libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-noto-cjk)
[ "$mode" = test ] && packages+=(libreoffice-writer-nogui poppler-utils)

python3 -c 'import ensurepip' 2>/dev/null || packages+=(python3-venv)
source scripts/debian-packages.sh
install_missing "${packages[@]}"

[ -x .venv/bin/python ] || python3 -m venv .venv
extras=""; [ "$mode" = test ] && extras="[test]"
stamp=".venv/.installed-$mode-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -e "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extras"
  touch "$stamp"
fi
