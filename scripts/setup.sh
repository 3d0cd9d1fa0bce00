#!/usr/bin/env bash
# Installs everything Gloss needs on Debian 12 (as root), and fetches the Debian *source* packages of
# imgui into third_party/ (git-ignored) for the WebAssembly build. Safe to run again: every
# step checks first. The system's apt lists are never changed (deb-src lists live in a private folder).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TP=$ROOT/third_party

PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates python3 perl
  emscripten binaryen nodejs npm
  nlohmann-json3-dev catch2 libimgui-dev libglfw3-dev libgl-dev libstb-dev
  dpkg-dev iso-codes wordnet-base wamerican libtext-names-perl miscfiles fonts-dejavu-core
  xvfb xauth chromium clang-14 libclang-rt-14-dev llvm-14
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A nodejs from another archive (e.g. a newer major) also satisfies us; only install what is absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Debian source package of imgui (TOOLCHAIN.md item 4) ---------------------------------------------
fetch_source() { # $1 = source package, $2 = directory glob it unpacks to
  if compgen -G "$TP/$2" >/dev/null; then return; fi
  local apt_dir=$TP/.apt
  mkdir -p "$apt_dir/sources.d" "$apt_dir/lists/partial"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$apt_dir/sources.d/debian-src.sources"
  local opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/sources.d"
              -o "Dir::State::Lists=$apt_dir/lists" -o APT::Sandbox::User=root)  # private lists: no _apt user access
  [ -f "$apt_dir/.updated" ] || { apt-get "${opts[@]}" update -qq; touch "$apt_dir/.updated"; }
  (cd "$TP" && apt-get "${opts[@]}" source -qq "$1" >/dev/null 2>&1 || apt-get "${opts[@]}" source "$1")
}
mkdir -p "$TP"
fetch_source imgui 'imgui-1.86*'
ln -sfn "$(basename "$(compgen -G "$TP/imgui-1.86*" | head -1)")" "$TP/imgui"
# --- npm packages of the web build and the browser tests (web/package-lock.json; no browser download) -
if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "setup: npm ci in web/"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: ok"
