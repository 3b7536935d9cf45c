#!/bin/sh
# Usage: pkgconfig.sh BUILD_DIR consumer.c
set -eu
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
meson install -C "$build" --no-rebuild --destdir "$tmp/root" >/dev/null
prefix=$(meson introspect "$build" --buildoptions |
         python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
pcdir=$(dirname "$(find "$tmp/root" -name stuinfo.pc | head -n 1)")
# The .pc file names the real prefix; point it at the staging copy.
flags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --define-variable=prefix="$tmp/root$prefix" \
        --cflags --libs stuinfo)
cc -std=c11 -Wall -Werror -o "$tmp/consumer" "$src" $flags
libdir=$(dirname "$(find "$tmp/root" -name 'libstuinfo.so.0' | head -n 1)")
LD_LIBRARY_PATH="$libdir" "$tmp/consumer"
