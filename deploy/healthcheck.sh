#!/bin/bash
# Container health check without curl or wget: GET /healthz (or $1) through bash's /dev/tcp.
# Healthy (exit 0) only on an HTTP 200 status line. Used by the image's HEALTHCHECK and compose.
set -u
port=${KCZY_PORT:-8080}
host=${KCZY_HOST:-127.0.0.1}
# A wildcard listen address is reached through loopback.
case "$host" in 0.0.0.0 | :: | "") host=127.0.0.1 ;; esac
path=${1:-/healthz}
exec 3<>"/dev/tcp/$host/$port" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$host" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
case "$status" in "HTTP/1."?" 200 "*) exit 0 ;; *) exit 1 ;; esac
