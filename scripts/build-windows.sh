#!/usr/bin/env bash
# Builds the Windows package on Linux: build/windows/nianbao/ (portable folder), nianbao-<v>-win64.zip,
# nianbao-setup-<v>.exe (per-user installer) and nianbao/manifest.json. Idempotent; downloads are cached
# in build/windows/cache and checked against packaging/windows/lock.txt by sha256.
#   bash scripts/build-windows.sh          build
#   bash scripts/build-windows.sh --lock   re-resolve the Windows dependencies after pyproject.toml changed
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian tools: Wine (pre-compiles the .pyc with the package's own CPython), the MinGW compiler for the
# launchers, NSIS, and rsvg/ImageMagick for the icon.
need=(wine wine64 nsis gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 librsvg2-bin imagemagick git)
[ -n "${NIANBAO_SIGN_PKCS12:-}" ] && need+=(osslsigncode)   # signing with the office's certificate
source scripts/debian-packages.sh
install_missing "${need[@]}"

bash scripts/setup.sh run >/dev/null
if [ "${1:-}" = "--lock" ]; then
  exec .venv/bin/python packaging/windows/build.py lock "${@:2}"
fi
exec .venv/bin/python packaging/windows/build.py build
