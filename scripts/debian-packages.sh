# Sourced by the scripts: install_missing PKG… installs, with apt, those Debian packages not yet installed
# (nothing to do on a machine that has them all, or that has no apt).
install_missing() {
  command -v dpkg-query >/dev/null && command -v apt-get >/dev/null || return 0
  local missing=() p sudo=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "安装系统组件：${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
