#!/bin/sh
# Chromium's headless shell with its DNS resolver pointed at 127.0.0.1, for the connectivity check's
# browser tests: WebRTC resolves STUN server names through DNS, which neither Chromium's
# --host-resolver-rules nor /etc/hosts reach, so the tests answer those names from a DNS server of
# their own (dns.mjs). The resolver file is replaced in a mount namespace of this browser alone;
# the machine's own /etc/resolv.conf is untouched. Needs root (unshare -m).
set -eu
resolv=$(mktemp)
printf 'nameserver 127.0.0.1\n' >"$resolv"
exec unshare -m sh -c 'mount --bind "$0" /etc/resolv.conf && rm -f "$0" && exec "$@"' \
  "$resolv" "${HEADLESS_SHELL_PATH:-/usr/bin/chromium-headless-shell}" "$@"
