#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples (JDK 17 has no `jfr view hot-methods`).

    python3 benchmarks/load/hot-methods.py recording.jfr [top=25]

Prints the methods most often on top of the stack (self time) and, with their share, the
Grassroots / Spring / Jackson / Kafka / Mongo packages most often anywhere in the stack (total).
"""
import collections
import re
import subprocess
import sys

recording = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
# `jfr print` shows five frames of each stack unless told otherwise: the totals below need all of them.
text = subprocess.run(["jfr", "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", recording],
                      capture_output=True, text=True, check=True).stdout
self_counts = collections.Counter()
total_counts = collections.Counter()
samples = 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>/]+)\(", event.split("stackTrace = [", 1)[-1], re.M)
    if not frames:
        continue
    samples += 1
    self_counts[frames[0]] += 1
    seen = set()
    for frame in frames:
        parts = frame.split(".")
        package = ".".join(parts[:4]) if frame.startswith("org.grassroots") else ".".join(parts[:3])
        if package not in seen:
            seen.add(package)
            total_counts[package] += 1
print(f"{samples} samples (stacks of up to 256 frames, as load.sh records them)")
print("\nself (top of stack):")
for frame, count in self_counts.most_common(top):
    print(f"  {100 * count / samples:5.1f}%  {frame}")
print("\ntotal (package anywhere in the stack):")
for package, count in total_counts.most_common(top):
    print(f"  {100 * count / samples:5.1f}%  {package}")
