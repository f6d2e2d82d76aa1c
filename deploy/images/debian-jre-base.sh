#!/usr/bin/env bash
# Makes a Java 17 JRE base image from Debian packages and writes it as a docker-save tarball, for building
# the application images on a machine that reaches Debian's package mirror but no container registry:
#
#   sudo deploy/images/debian-jre-base.sh /opt/images/debian-bookworm-jre17.tar
#   ./mvnw -Pimages -DskipTests package -Dimage.base=tar:///opt/images/debian-bookworm-jre17.tar
#
# Where a registry is reachable, prefer the default base (eclipse-temurin:17-jre): it is maintained and
# scanned upstream. This base is Debian bookworm "minbase" plus openjdk-17-jre-headless, about 110 MB
# compressed; rebuild it to take Debian's security updates. Needs root, debootstrap and GNU tar.
set -euo pipefail

out=${1:?usage: debian-jre-base.sh <output.tar> [mirror]}
mirror=${2:-http://deb.debian.org/debian}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" "$mirror"
chroot "$rootfs" apt-get clean
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/* "$rootfs"/usr/share/doc/* \
  "$rootfs"/usr/share/man/*
java_home=$(dirname "$(dirname "$(chroot "$rootfs" readlink -f /usr/bin/java)")")

# One layer: the whole root filesystem, without the kernel's and the runtime's mount points' contents.
tar --numeric-owner --sort=name --mtime=@0 -C "$rootfs" -cf "$work/layer.tar" \
  --exclude=./dev/* --exclude=./proc/* --exclude=./sys/* --exclude=./run/* .
layer_digest=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)

cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_digest"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/debian-jre-base.sh"}]}
JSON
mv "$work/layer.tar" "$work/$layer_digest.tar"
printf '[{"Config":"config.json","RepoTags":["grassroots/debian-jre:17"],"Layers":["%s.tar"]}]\n' "$layer_digest" \
  > "$work/manifest.json"
tar -C "$work" -cf "$out" manifest.json config.json "$layer_digest.tar"
echo "base image written to $out (java at $java_home): build with -Dimage.base=tar://$(readlink -f "$out")"
