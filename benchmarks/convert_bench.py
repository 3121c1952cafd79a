"""Conversion speed and memory: the sample corpus copied N times, converted 3 times.

    python benchmarks/convert_bench.py [--copies 100]

Prints the median wall time of three runs, documents per second and the peak resident
memory of the converting process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_MEASURE = """
import json, resource, sys
from pathlib import Path
from tei.convert import convert_paths, default_registers, make_finders
from tei.sources import collect_sources
from tei.settings import EditionSettings
corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
inputs = collect_sources([corpus], ".txt")
run = convert_paths(inputs, out, make_finders(default_registers([corpus])), EditionSettings())
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"files": len(inputs), "failed": len(run.failed), "peak_kib": peak_kib}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for register in ("persons.xml", "places.xml"):
            (corpus / register).write_bytes((ROOT / "corpus" / register).read_bytes())
        seeds = sorted((ROOT / "corpus").glob("*.txt"))
        for i in range(args.copies):
            for seed in seeds:
                (corpus / f"{seed.stem}-{i:04d}.txt").write_bytes(seed.read_bytes())
        times, peaks = [], []
        for run in range(3):
            out = Path(tmp) / f"out{run}"
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", _MEASURE, str(corpus), str(out)],
                                  capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - start)
            figures = json.loads(proc.stdout)
            peaks.append(figures["peak_kib"])
        files = figures["files"]
        median = statistics.median(times)
        print(f"{files} documents, {figures['failed']} failed; runs: "
              + ", ".join(f"{t:.2f}s" for t in times))
        print(f"median {median:.2f}s, {files / median:.1f} documents/s, "
              f"peak memory {statistics.median(peaks) / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
