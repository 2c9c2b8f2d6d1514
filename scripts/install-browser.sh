#!/bin/sh
# Installs the Chromium that the browser tests drive (spec/browser), from the system's package
# manager: the tests never download a browser of their own. Running it again changes nothing.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "install-browser: $CHROMIUM is already installed; nothing to do."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: apt-get not found; install Chromium so that $CHROMIUM exists." >&2
  exit 1
fi

# Root runs apt-get itself; anyone else goes through sudo when there is one.
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "install-browser: not root and no sudo; run as root: apt-get install -y chromium" >&2
  exit 1
fi

echo "install-browser: running ${SUDO:+$SUDO }apt-get update"
$SUDO apt-get update
echo "install-browser: running ${SUDO:+$SUDO }apt-get install -y chromium"
$SUDO apt-get install -y chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "install-browser: chromium was installed but $CHROMIUM is missing." >&2
  exit 1
fi
echo "install-browser: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")."
