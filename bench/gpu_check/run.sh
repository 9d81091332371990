#!/usr/bin/env bash
# The GPU check for a lent GPU machine (which has Python, PyTorch and nvidia-smi but no Java).
#
#   bench/gpu_check/run.sh build    here: a jlink runtime (java.base, java.xml, java.logging), the
#                                   probe and allocator classes and this check, in target/gpu-check
#   bench/gpu_check/run.sh check    there: runs it against the live nvidia-smi
#
# With the device tool: run "bench/gpu_check/run.sh check" with carry ["target/gpu-check"].
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/gpu-check

case "${1:-}" in
  build)
    ./mvnw -B -q -ntp -DskipTests compile
    rm -rf "$out" && mkdir -p "$out/classes"
    slf4j=$(find ~/.m2/repository/org/slf4j/slf4j-api -name 'slf4j-api-*.jar' | sort | tail -n 1)
    cp "$slf4j" "$out/slf4j-api.jar"
    javac -d "$out/classes" -cp target/classes:"$out/slf4j-api.jar" bench/gpu_check/dev/tunelab/gpu/GpuCheck.java
    (cd target/classes && cp --parents dev/tunelab/gpu/NvidiaSmiProbe*.class dev/tunelab/gpu/model/*.class ../gpu-check/classes/)
    jlink --add-modules java.base,java.xml,java.logging --strip-debug --no-header-files --no-man-pages \
          --compress=2 --output "$out/runtime"
    du -sh "$out"
    ;;
  check)
    "$out/runtime/bin/java" -cp "$out/classes:$out/slf4j-api.jar" dev.tunelab.gpu.GpuCheck "${2:-nvidia-smi}" "${3:-python3}"
    ;;
  *)
    echo "usage: $0 build | check [nvidia-smi] [python]" >&2
    exit 2
    ;;
esac
