"""Convert the FRUS development set and score it with the shared scorer.

    python benchmarks/eval_frus.py [--shared ../shared] [--keep OUTDIR] [--plain]

Runs ``tei convert`` on ``shared/eval/frus-dev/input`` with the volume's register (with
``--plain``, the same persons written as plain names, ``frus-dev/register-plain/``), then
``shared/eval/score.py``; prints the scorer's output (its last line is the summary) and
validates every output against the project schema and tei_all.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--keep", type=Path, help="write the TEI here instead of a temp dir")
    parser.add_argument("--plain", action="store_true",
                        help="convert with the plain-name register (register-plain/); the "
                        "scorer still resolves ids through the volume's register")
    args = parser.parse_args()
    dev = args.shared / "eval" / "frus-dev"
    if not dev.is_dir():
        print(f"no development set at {dev}", file=sys.stderr)
        return 2
    registers = sorted((dev / ("register-plain" if args.plain else "register")).glob("*.xml"))
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        convert = [sys.executable, "-m", "tei", "convert", str(dev / "input"), "-o", str(out),
                   "-q"]
        for register in registers:
            convert += ["--register", str(register)]
        status = subprocess.run(convert).returncode
        print(f"tei convert exit status {status}")
        files = sorted(out.glob("*.xml"))
        for label, extra in (("project schema", []),
                             ("tei_all", ["--tei-all", str(args.shared / "tei-p5" /
                                                           "tei_all.rng")])):
            check = subprocess.run([sys.executable, "-m", "tei", "validate", *map(str, files),
                                    *extra],
                                   capture_output=True, text=True)
            print(f"valid against {label}: exit {check.returncode}"
                  + (f"\n{check.stdout}{check.stderr}" if check.returncode else ""))
        score = subprocess.run([sys.executable, str(args.shared / "eval" / "score.py"),
                                "--gold", str(dev / "gold"), "--pred", str(out)])
        return status or score.returncode


if __name__ == "__main__":
    raise SystemExit(main())
