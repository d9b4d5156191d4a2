# Sourced by testbeds/learner-vm.sh and testbeds/learner-host-vm.sh: the stand-in images, saved once for every VM.

# images_tar DIR IMAGE...   prints the path of a tar of IMAGE... (docker save) in DIR, made once per set of image
#   IDs (an older one is replaced); returns 1, saying so on stderr, when an image is missing here.
images_tar() {
  local dir=$1 ids tar; shift
  if ! ids=$(timeout 30 docker image inspect -f '{{.Id}}' "$@" 2>/dev/null); then
    echo "the images $* are not all here (scripts/build-standin-images.sh)" >&2; return 1
  fi
  ids=$(md5sum <<<"$ids" | cut -c1-12)
  tar=$dir/standins-$ids.tar
  if [[ ! -f $tar ]]; then
    rm -f "$dir"/standins-*.tar
    timeout 300 docker save -o "$tar.tmp" "$@" && mv "$tar.tmp" "$tar" || { echo "docker save $* failed" >&2; return 1; }
  fi
  echo "$tar"
}
