"""Speed and memory of every stage of an edition build, at 1,000 and 10,000 documents.

    python benchmarks/build_bench.py [--sizes 1000 10000] [--runs 3] [--jobs 2] [--dev DIR]

Generates N documents in the archive's plain-text layout from the sample corpus and, when
it is found (``--dev``, by default ``../shared/eval/frus-dev`` beside the checkout), the
development set; the first line printed says which. Without the development set the
documents are copies of the two long seeds only, about twice as large. Each copy is
changed so that no two are identical: its archive id, its year (shifted consistently
through the whole document, so its dates stay coherent), the order of the register's
forenames in one added sentence naming two registered persons, and its length (some
paragraphs repeated). The texts are generated in a temporary folder at run time and never
written into the project.

Then, per size, it times each stage as its own command in a fresh process (``tei convert``,
``tei validate``, ``tei render``), the whole ``tei build``, a no-op rebuild of the same
output and a rebuild after touching 1% of the inputs, and prints one table: medians of
``--runs`` runs of documents/s, ms per document per core and the peak resident memory of
the whole process tree (the command and every worker, sampled from /proc every 0.2 s;
at least the command's own peak plus its largest waited-for child's, from getrusage).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "frus-dev"

# The command in a child process that prints its own peak memory and that of its largest
# waited-for child (ru_maxrss of RUSAGE_CHILDREN is the largest child's, not a sum).
RUNNER = """
import resource, sys
from tei.cli import main
status = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"PEAK_KB {own} {children}", file=sys.stderr)
sys.exit(status)
"""

YEAR = re.compile(r"\b(19[4-8]\d)\b")
ARCHIVE_ID = re.compile(r"(?<=/document/)(\d+)|(?<=Document )(\d+)")


@dataclass
class Sample:
    text: str
    persons: list[str]


def _register_names(register: Path) -> list[str]:
    from lxml import etree

    tree = etree.parse(str(register), etree.XMLParser(resolve_entities=False, no_network=True))
    names = []
    for name in tree.iter("{http://www.tei-c.org/ns/1.0}persName"):
        text = " ".join("".join(name.itertext()).split())
        if text and "," not in text:
            names.append(text)
    return names[:40]


def load_samples(dev: Path = DEV) -> tuple[list[Sample], list[Path]]:
    corpus_names = _register_names(ROOT / "corpus" / "persons.xml")
    samples = [Sample(p.read_text(encoding="utf-8"), corpus_names)
               for p in sorted((ROOT / "corpus").glob("*.txt"))]
    registers = [ROOT / "corpus" / "persons.xml", ROOT / "corpus" / "places.xml"]
    dev_register = dev / "register" / "frus1961-63v15-persons.xml"
    if dev_register.is_file():
        dev_names = _register_names(dev_register)
        samples += [Sample(p.read_text(encoding="utf-8"), dev_names)
                    for p in sorted((dev / "input").glob("*.txt"))]
        registers.append(dev_register)
    return samples, registers


def vary(sample: Sample, n: int, rng: random.Random) -> str:
    """One distinct document: a new archive id, a shifted year, an added sentence naming
    two registered persons, and a paragraph repeated 0-2 times."""
    text = sample.text
    shift = rng.choice((-1, 0, 1))
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = ARCHIVE_ID.sub(str(900000 + n), text)
    blocks = text.split("\n\n")
    # The longest block is a body paragraph in this layout: grow it, or repeat it.
    longest = max(range(len(blocks)), key=lambda i: len(blocks[i]))
    if len(sample.persons) >= 2:
        first, second = rng.sample(sample.persons, 2)
        blocks[longest] += f" Copy {n} was also read by {first} and {second}."
    blocks[longest:longest + 1] = [blocks[longest]] * rng.choice((1, 1, 2, 3))
    return "\n\n".join(blocks)


def make_corpus(folder: Path, count: int, seed: int = 1962, dev: Path = DEV) -> None:
    samples, registers = load_samples(dev)
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for register in registers:
        name = register.name if register.parent == ROOT / "corpus" else "persons-dev.xml"
        shutil.copyfile(register, folder / name)
    for n in range(count):
        sample = samples[n % len(samples)]
        (folder / f"doc-{n:05d}.txt").write_text(vary(sample, n, rng), encoding="utf-8")


def supports_jobs(command: str) -> bool:
    done = subprocess.run([sys.executable, "-m", "tei", command, "--help"],
                          capture_output=True, text=True, cwd=ROOT)
    return "--jobs" in done.stdout


def _tree_rss_kb(root: int) -> int:
    """The resident memory of ``root`` and all its descendants now (from /proc), in kB:
    worker processes are children of a fork server, not of the command, so getrusage of
    the command's children would miss them."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(parents.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                total += int(statm.read().split()[1]) * PAGE_KB
        except OSError:
            continue
    return total


PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def run(args: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Seconds taken, the command's own peak (kB) and the peak of its whole process tree
    (sampled every 0.2 s, so a short peak may be missed)."""
    started = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", RUNNER, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT) as child:
        tree = 0
        while child.poll() is None:
            if os.path.isdir("/proc"):
                tree = max(tree, _tree_rss_kb(child.pid))
            time.sleep(0.2)
        _, stderr = child.communicate()
    elapsed = time.perf_counter() - started
    if child.returncode not in (0, 1):
        raise SystemExit(f"tei {' '.join(args)} failed ({child.returncode}):\n"
                         f"{stderr[-2000:]}")
    peak = next(line for line in stderr.splitlines() if line.startswith("PEAK_KB"))
    own, largest_child = (int(v) for v in peak.split()[1:])
    return elapsed, own, max(tree, own + largest_child)


def measure(size: int, runs: int, jobs: int, tmp: Path,
            dev: Path = DEV) -> list[tuple[str, float, float, float]]:
    corpus = tmp / f"corpus-{size}"
    make_corpus(corpus, size, dev=dev)
    env = {**os.environ, "TEI_EDITION_CACHE_DIR": str(tmp / "cache"),
           "SOURCE_DATE_EPOCH": "1700000000"}
    registers = [a for r in sorted(corpus.glob("*.xml")) for a in ("--register", str(r))]
    rows = []

    def stage(name: str, command: str, make_args, prepare=None) -> None:
        cores = jobs if supports_jobs(command) else 1
        times, peaks = [], []
        for i in range(runs):
            if prepare:
                prepare(i)
            elapsed, _, tree = run(make_args(i), env)
            times.append(elapsed)
            peaks.append(tree / 1024)
        median = statistics.median(times)
        rows.append((name, size / median, median * 1000 * cores / size,
                     statistics.median(peaks)))

    def jobs_for(command: str) -> list[str]:
        return ["-j", str(jobs)] if supports_jobs(command) else []

    stage("convert", "convert",
          lambda i: ["convert", str(corpus), "-o", str(tmp / f"tei-{size}-{i}"), *registers,
                     "-q", *jobs_for("convert")])
    tei_dir = tmp / f"tei-{size}-0"
    written = len(list(tei_dir.rglob("*.xml")))
    print(f"{size:>6}  (convert wrote {written} of {size} documents)", flush=True)
    stage("validate", "validate",
          lambda i: ["validate", str(tei_dir), "-q", *jobs_for("validate")])
    stage("render", "render",
          lambda i: ["render", str(tei_dir), "-o", str(tmp / f"site-{size}-{i}"),
                     *jobs_for("render")])

    def fresh(i: int) -> None:
        shutil.rmtree(tmp / f"build-{size}", ignore_errors=True)

    build_args = ["build", str(corpus), "-o", str(tmp / f"build-{size}"), *registers, "-q",
                  *jobs_for("build")]
    stage("build", "build", lambda i: build_args, fresh)
    stage("rebuild, no change", "build", lambda i: build_args)

    def touch(i: int) -> None:
        # A different 1% each run, each file changed (a line appended), not only its mtime.
        inputs = sorted(corpus.glob("*.txt"))
        count = max(1, size // 100)
        for path in inputs[i * count:(i + 1) * count]:
            path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    stage("rebuild, 1% touched", "build", lambda i: build_args, touch)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="passed as -j to the commands that take it")
    parser.add_argument("--dev", type=Path, default=DEV,
                        help="the development set (its input/ and register/ folders), "
                             "whose documents are samples beside the corpus's "
                             "(default: %(default)s)")
    args = parser.parse_args()
    samples, _ = load_samples(args.dev)
    seeds = len(list((ROOT / "corpus").glob("*.txt")))
    if len(samples) > seeds:
        print(f"samples: {seeds} corpus and {len(samples) - seeds} development-set "
              f"documents ({args.dev})")
    else:
        print(f"samples: the {seeds} corpus documents only; no development set at "
              f"{args.dev} (--dev)")
    print(f"{'N':>6}  {'stage':<20} {'docs/s':>9} {'ms/doc/core':>12} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            for name, rate, ms, peak in measure(size, args.runs, args.jobs, Path(tmp),
                                                args.dev):
                print(f"{size:>6}  {name:<20} {rate:>9.1f} {ms:>12.2f} {peak:>12.0f}",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
