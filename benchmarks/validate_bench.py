"""Validation speed and peak memory on 1,000 documents.

Makes copies of a valid document (each with its own xml:id) in a temporary folder, runs
``tei validate`` on the folder three times with -j 1 and three times with -j 2, and prints
the median files per second and the peak resident memory from resource.getrusage: of the
process itself, of its largest worker child (ru_maxrss of RUSAGE_CHILDREN is the largest
child's, not a sum), and the two added.

    python benchmarks/validate_bench.py [--count 1000] [--source docs/example.tei.xml]

Each run is a fresh process, so the schema is loaded as a user would see it (from the
compiled-schema cache after the first run; the project's own XSD compiles in about a second
anyway).
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

# One run of the command in a child process that reports its own peak memory: maxrss of
# the process itself and of its (waited-for) worker children.
RUNNER = """
import resource, sys
from tei.cli import main
status = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"PEAK_KB {own} {children}", file=sys.stderr)
sys.exit(status)
"""


def make_documents(folder: Path, source: Path, count: int) -> None:
    text = source.read_text(encoding="utf-8")
    for n in range(count):
        copy = text.replace('xml:id="wcda-110442"', f'xml:id="bench-{n:05d}"', 1)
        (folder / f"bench-{n:05d}.xml").write_text(copy, encoding="utf-8")


def run_once(folder: Path, jobs: int, cache: Path) -> tuple[float, int, int]:
    command = [sys.executable, "-c", RUNNER, "validate", str(folder), "-j", str(jobs),
               "--format", "json", "-q"]
    env = {"TEI_EDITION_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"validate failed ({done.returncode}): {done.stderr}")
    summary = json.loads(done.stdout)["summary"]
    peak_line = next(line for line in done.stderr.splitlines() if line.startswith("PEAK_KB"))
    own, children = (int(value) for value in peak_line.split()[1:])
    return summary["files"] / elapsed, own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", type=Path, default=ROOT / "docs" / "example.tei.xml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tei-validate-bench-") as temp:
        folder = Path(temp) / "docs"
        folder.mkdir()
        cache = Path(temp) / "cache"
        make_documents(folder, args.source, args.count)
        print(f"{args.count} documents, {args.runs} runs each; median of the runs")
        for jobs in (1, 2):
            results = [run_once(folder, jobs, cache) for _ in range(args.runs)]
            rates = [rate for rate, _, _ in results]
            own = max(o for _, o, _ in results) / 1024
            child = max(c for _, _, c in results) / 1024
            print(f"-j {jobs}: {statistics.median(rates):7.1f} files/s "
                  f"(runs: {', '.join(f'{r:.1f}' for r in rates)}); peak memory: "
                  f"self {own:.0f} MB, largest child {child:.0f} MB, "
                  f"self + children {own + child:.0f} MB")


if __name__ == "__main__":
    main()
