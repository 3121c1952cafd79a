#!/usr/bin/env bash
# Tools for the reading-edition checks, from nothing on a fresh Debian/Ubuntu machine:
#   Chromium (Debian package), driven in the tests by Playwright's Python package (a `test`
#   extra of pyproject.toml; never `playwright install`, which would download a browser),
#   Java for the Nu HTML Checker, and the npm packages vnu-jar and axe-core (package-lock.json).
# Idempotent: what is installed already is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
# A fixed font so pages and screenshots look the same on every machine.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || packages+=(fonts-dejavu-core)
if [ ${#packages[@]} -gt 0 ]; then
    echo "installing: ${packages[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${packages[@]}"
fi

# vnu-jar's install script would download a Java runtime; the system's Java is used instead.
npm ci --ignore-scripts --no-audit --no-fund

chromium --version
java -version 2>&1 | head -n 1
test -f node_modules/vnu-jar/build/dist/vnu.jar
test -f node_modules/axe-core/axe.min.js
echo "browser tools ready"
