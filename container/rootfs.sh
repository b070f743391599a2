#!/bin/sh
# Lays out the runtime image's whole file system in ROOT, from the static
# binary BIN: the binary, CA certificates, a passwd entry for the non-root
# user 65532, and /data owned by that user. The Dockerfile's build stage
# runs it, and so does container/check.sh on a machine that cannot pull the
# build stage's image: one recipe for both.
#
#   sh container/rootfs.sh ROOT BIN [CA-BUNDLE]
set -eu
root=$1
bin=$2
certs=${3:-/etc/ssl/certs/ca-certificates.crt}

mkdir -p "$root/usr/local/bin" "$root/etc/ssl/certs" "$root/data" "$root/tmp"
cp "$bin" "$root/usr/local/bin/ninebridges"
cp "$certs" "$root/etc/ssl/certs/ca-certificates.crt"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/data:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' >"$root/etc/group"
# A fresh named volume takes the owner of the image's mount point: root
# would leave SQLite unable to create its file.
chown 65532:65532 "$root/data"
chmod 0755 "$root/data"
chmod 1777 "$root/tmp"
