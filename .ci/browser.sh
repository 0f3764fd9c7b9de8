#!/bin/sh
# browser.sh installs what akhbar's browser tests need: Debian's chromium
# (driven headless by chromedp) and the Noto fonts that render Arabic.
# It does nothing when both are already there.
set -eu

need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
dpkg -s fonts-noto-core >/dev/null 2>&1 || need="$need fonts-noto-core"
if [ -z "$need" ]; then
	echo "browser.sh: chromium and fonts-noto-core already installed"
	exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
	SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $need
/usr/bin/chromium --version
