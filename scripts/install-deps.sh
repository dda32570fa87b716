#!/usr/bin/env bash
# Host dependencies of the tests: for the PC/SC test (docs/pcsc.md) pcscd, the vpcd virtual reader driver
# (vsmartcard-vpcd) and scriptor (pcsc-tools); for the display glyph table check (docs/display-font.md) the
# WenQuanYi bitmap font (xfonts-wqy). Installs what is missing and starts pcscd if it is not running.
# Idempotent and quick when everything is already there (no apt-get update then).
# Under CI=true any failure is fatal; elsewhere it prints a warning and exits 0, and the PC/SC and font tests skip.
set -uo pipefail

PACKAGES="pcscd vsmartcard-vpcd pcsc-tools xfonts-wqy"
PCSCD_LOG=/tmp/terminal-pcscd.log
VPCD_PORT=35963

say() { echo "install-deps: $*"; }
give_up() {
  if [ "${CI:-}" = "true" ]; then say "ERROR: $*" >&2; exit 1; fi
  say "WARNING: $* (the PC/SC and display font tests will skip)" >&2; exit 0
}

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
  command -v apt-get >/dev/null 2>&1 || give_up "apt-get not available; cannot install:$missing"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else give_up "not root and no passwordless sudo; cannot install:$missing"; fi
  fi
  say "installing:$missing"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || give_up "apt-get update failed"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null \
    || give_up "apt-get install failed:$missing"
  say "installed:$missing"
else
  say "packages present: $PACKAGES"
fi

# pcscd's vpcd driver listens on the port given in /etc/reader.conf.d/vpcd (DEVICENAME /dev/null:35963).
[ -f /etc/reader.conf.d/vpcd ] || give_up "/etc/reader.conf.d/vpcd missing (vsmartcard-vpcd not installed correctly)"

# Listening check without connecting: vpcd would take any connection for a virtual card.
port_hex=$(printf '%04X' "$VPCD_PORT")
port_listening() { cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v p=":$port_hex" '$2 ~ p"$" && $4 == "0A" {f=1} END {exit !f}'; }

# pid of a running pcscd, from /proc (procps/pgrep is not in a minimal Debian image).
pcscd_pid() { local c n; for c in /proc/[0-9]*/comm; do n=; read -r n < "$c" 2>/dev/null; [ "$n" = pcscd ] && { c=${c#/proc/}; echo "${c%/comm}"; return 0; }; done; return 1; }

if pid=$(pcscd_pid); then
  say "pcscd already running (pid $pid)"
else
  PCSCD=$(command -v pcscd || echo /usr/sbin/pcscd)
  [ -x "$PCSCD" ] || give_up "pcscd binary not found"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else give_up "not root and no passwordless sudo; cannot start pcscd"; fi
  fi
  say "starting pcscd (no systemd: foreground mode in the background, log $PCSCD_LOG)"
  # -f: foreground (we detach it ourselves), so it needs no systemd socket activation and no auto-exit.
  $SUDO mkdir -p /run/pcscd
  nohup $SUDO "$PCSCD" -f >"$PCSCD_LOG" 2>&1 </dev/null &
  disown || true
fi

# Ready when the vpcd driver listens on its port (bounded wait: 20 s).
for _ in $(seq 1 100); do
  if port_listening; then say "pcscd ready: vpcd listening on 127.0.0.1:$VPCD_PORT"; exit 0; fi
  sleep 0.2
done
give_up "pcscd did not open the vpcd port $VPCD_PORT within 20 s (log: $PCSCD_LOG; a pcscd started before vsmartcard-vpcd was installed, or one with --auto-exit, must be restarted)"
