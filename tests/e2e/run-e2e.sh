#!/bin/sh
# run-e2e.sh — run e2e.py with what it needs around the application: its own settings
# (keyfile backend in a temporary folder), accessibility through AT-SPI rather than the test
# backend, and a D-Bus session bus of its own for the accessibility bus. The display comes from
# the caller (build-aux/dev test runs the suites under Xvfb).
#
# Copyright 2026 The Incident Desk developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

export XDG_CONFIG_HOME="$workdir/config" XDG_DATA_HOME="$workdir/data"
export GSETTINGS_BACKEND=keyfile GTK_A11Y=atspi GSK_RENDERER=cairo
unset NO_AT_BRIDGE
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

exec dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/e2e.py" "$@" "$workdir"
