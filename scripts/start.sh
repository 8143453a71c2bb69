#!/usr/bin/env bash
# Sets everything up and opens the editor on the bundled sample report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname -s)" = Linux ]; then
  mkdir -p out
  QT_QPA_PLATFORM=offscreen .venv/bin/nianbao --sample --screenshot out/sample.png
  echo "没有图形显示环境：已把示例年报的编辑器窗口截图保存到 out/sample.png。在桌面环境中运行本命令即可打开编辑器。"
  exit 0
fi
exec .venv/bin/nianbao --sample
