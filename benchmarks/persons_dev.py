"""Person recognition on the FRUS development set, without the rest of the pipeline.

    .venv/bin/python benchmarks/persons_dev.py [--eval DIR] [--tag-unregistered] [--show]

Reads each gold JSON's ``body_text``, splits it into blocks at blank lines, runs
:class:`PersonFinder` with the volume's FRUS register and prints strict and lenient
P/R/F1 and reference accuracy as the evaluation's score.py defines them (its functions are
imported from there, not copied).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tei.annotate.persons import PersonFinder  # noqa: E402
from tei.person_register import Register  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


def load_score(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def blocks_of(text: str) -> list[str]:
    return [b for b in re.split(r"\n[ \t\u00a0]*\n", text) if b.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--tag-unregistered", action="store_true")
    parser.add_argument("--show", action="store_true", help="print misses and false hits")
    args = parser.parse_args(argv)
    score = load_score(args.eval)
    gold_dir = args.eval / "frus-dev" / "gold"
    finders: dict[str, tuple[PersonFinder, object]] = {}
    tp_s = tp_l = n_pred = n_gold = 0
    ref_gold = ref_correct = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        reg_path = args.eval / "frus-dev" / gold["register"]
        if not reg_path.exists():
            reg_path = args.eval / "frus-dev" / "register" / Path(gold["register"]).name
        if str(reg_path) not in finders:
            finders[str(reg_path)] = (
                PersonFinder(Register.load([reg_path]), tag_unregistered=args.tag_unregistered),
                score.Register(reg_path),
            )
        finder, frus = finders[str(reg_path)]
        texts = blocks_of(gold["body_text"])
        result = finder.find(texts)
        pred = [(text[s.start:s.end], (s.attr("ref") or "").lstrip("#") or None)
                for text, spans in zip(texts, result.spans, strict=True) for s in spans
                if s.kind == "persName"]
        gm = gold["persnames"]
        g_strict = [score.norm_surface(m["surface"]) for m in gm]
        g_len = [score.surname_key(m["surface"]) for m in gm]
        p_strict = [score.norm_surface(s) for s, _ in pred]
        p_len = [score.surname_key(s) for s, _ in pred]
        n_gold += len(gm)
        n_pred += len(pred)
        tp_s += score.multiset_tp(g_strict, p_strict)
        tp_l += score.multiset_tp(g_len, p_len)
        gold_ref = [(k, frus.canon(m["corresp"])) for k, m in zip(g_len, gm, strict=True)
                    if m.get("corresp") and m["corresp"] in frus.ids]
        by_key_g: dict[str, Counter] = {}
        for k, cid in gold_ref:
            by_key_g.setdefault(k, Counter())[cid] += 1
        by_key_p: dict[str, Counter] = {}
        for k, (_, ref) in zip(p_len, pred, strict=True):
            if ref and ref in frus.ids:
                by_key_p.setdefault(k, Counter())[frus.canon(ref)] += 1
        ref_gold += len(gold_ref)
        ref_correct += sum(min(c, by_key_p.get(k, Counter())[cid])
                           for k, cg in by_key_g.items() for cid, c in cg.items())
        if args.show:
            missed = Counter(g_strict) - Counter(p_strict)
            extra = Counter(p_strict) - Counter(g_strict)
            if missed or extra:
                print(f"{gold['id']}: missed {dict(missed)} extra {dict(extra)}")
            for m in result.ambiguous:
                print(f"  ambiguous: {m.surface!r} {m.candidates}")
    ps, rs, fs = score.prf(tp_s, n_pred, n_gold)
    pl, rl, fl = score.prf(tp_l, n_pred, n_gold)
    acc = ref_correct / ref_gold if ref_gold else 0.0
    print(f"gold {n_gold} predicted {n_pred}")
    print(f"strict  P {ps:.3f} R {rs:.3f} F1 {fs:.3f}")
    print(f"lenient P {pl:.3f} R {rl:.3f} F1 {fl:.3f}")
    print(f"ref acc {acc:.3f} ({ref_correct}/{ref_gold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
