"""-j: the same output and exit status for every number of processes; a worker that dies
is an error for its files, never a traceback; --shard slices the inputs."""

from __future__ import annotations

import filecmp
import os
import signal
from pathlib import Path

import pytest

from tei.shards import in_shard, slice_of
from tei.sources import collect_sources
from tests.conftest import CORPUS, SHARED
from tests.test_cli import tei

DEV = SHARED / "eval" / "frus-dev" / "input"
MANIFEST = ".tei-edition-manifest.json"


def corpus_of(root: Path, count: int = 8) -> Path:
    """The sample corpus and some development documents, one of them broken (a source
    that fails to convert), in a subfolder too."""
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    for path in sorted(CORPUS.glob("*")):
        if path.is_file():
            (corpus / path.name).write_bytes(path.read_bytes())
    for number, (name, text) in enumerate(extra_documents(count)):
        target = corpus / ("sub" if number % 2 else ".") / name
        target.write_bytes(text)
    (corpus / "broken.txt").write_bytes(b"\xff\xfe not a telegram \x00")
    return corpus


def extra_documents(count: int) -> list[tuple[str, bytes]]:
    """The development set's first ``count`` documents (file name and bytes); where it is
    not beside the checkout, copies of the corpus's telegrams in its place, each with a
    sentence of its own in its longest paragraph, so that the tests need only the checkout."""
    if DEV.is_dir():
        return [(path.name, path.read_bytes()) for path in sorted(DEV.glob("*.txt"))[:count]]
    seeds = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    copies = []
    for number in range(count):
        blocks = seeds[number % len(seeds)].split("\n\n")
        longest = max(range(len(blocks)), key=lambda i: len(blocks[i]))
        blocks[longest] += f" Copy {number} was read again."
        copies.append((f"frus-copy-{number:02d}.txt", "\n\n".join(blocks).encode("utf-8")))
    return copies


def same_tree(left: Path, right: Path) -> None:
    """Every file the same, byte for byte; the manifest, which names the files it
    reports on, with the one folder's name in place of the other's."""
    files = sorted(p.relative_to(left) for p in left.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(right) for p in right.rglob("*") if p.is_file())
    match, mismatch, errors = filecmp.cmpfiles(left, right, [str(f) for f in files],
                                               shallow=False)
    assert not errors
    for name in mismatch:
        assert name == MANIFEST, name
        assert ((left / name).read_text(encoding="utf-8").replace(str(left), str(right))
                == (right / name).read_text(encoding="utf-8"))


def test_build_output_and_status_are_the_same_for_every_j(tmp_path):
    corpus = corpus_of(tmp_path)
    runs = {}
    for jobs in ("1", "2"):
        runs[jobs] = tei("build", str(corpus), "-o", str(tmp_path / f"j{jobs}"), "-j", jobs)
    assert runs["1"].returncode == runs["2"].returncode == 1  # broken.txt fails
    same_tree(tmp_path / "j1", tmp_path / "j2")
    assert (tmp_path / "j2" / "html" / "index.html").is_file()
    strip = {jobs: run.stderr.replace(str(tmp_path / f"j{jobs}"), "OUT")
             for jobs, run in runs.items()}
    assert strip["1"] == strip["2"]
    assert "broken.txt" in strip["1"]


@pytest.mark.parametrize("command", ["convert", "validate", "render"])
def test_each_stage_is_the_same_for_every_j(tmp_path, command):
    corpus = corpus_of(tmp_path)
    converted = tmp_path / "tei"
    assert tei("convert", str(corpus), "-o", str(converted), "-j", "1").returncode == 1
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"{command}-{jobs}"
        if command == "convert":
            run = tei("convert", str(corpus), "-o", str(out), "-j", jobs)
        elif command == "validate":
            out.mkdir()
            run = tei("validate", str(converted), "-o", str(out / "report.txt"), "-j", jobs)
        else:
            run = tei("render", str(converted), "-o", str(out), "-j", jobs)
        outputs[jobs] = (run.returncode, run.stderr.replace(str(out), "OUT"))
    assert outputs["1"] == outputs["2"]
    same_tree(tmp_path / f"{command}-1", tmp_path / f"{command}-2")


def test_the_default_is_the_usable_cores():
    run = tei("build", "--help")
    assert f"here {len(os.sched_getaffinity(0))})" in " ".join(run.stdout.split())
    for command in ("convert", "validate", "render"):
        assert "--jobs" in tei(command, "--help").stdout


def _die_on_marked(paths):
    # A worker that dies outright on a marked document, as one killed by the system would.
    from tei.validate import runner

    if any(p.stem == "fatal" for p in paths):
        os.kill(os.getpid(), signal.SIGKILL)
    return runner._check_batch(paths)


def test_a_worker_that_dies_fails_the_files_of_its_batch_only(tmp_path):
    from tei.validate import runner
    from tei.workers import run_batches

    files = [tmp_path / f"{name}.xml" for name in ("a", "b", "fatal", "c", "d", "e")]
    for path in files:
        path.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", encoding="utf-8")
    settings = runner.Settings()
    results = run_batches(_die_on_marked, files, 2, runner._start_worker, (settings,),
                          failed=runner._worker_died)
    assert [r.result.file for r in results] == [str(p) for p in files]
    died = [r.result.file for r in results
            if any("ended unexpectedly" in i.message for i in r.result.issues)]
    assert str(files[2]) in died
    assert len(died) < len(files)  # the other batches were checked
    survivors = [r for r in results if r.result.file not in died]
    assert all(r.result.issues for r in survivors)  # real findings, from a real check


def test_shards_split_the_inputs_into_disjoint_stable_slices(tmp_path):
    corpus = corpus_of(tmp_path)
    sources = collect_sources([corpus], ".txt")
    slices = [in_shard(sources, (k, 3)) for k in (1, 2, 3)]
    names = [str(s.name) for part in slices for s in part]
    assert sorted(names) == sorted(str(s.name) for s in sources)
    assert len(set(names)) == len(names)
    assert slice_of("sub/a", 3) == slice_of("sub/a", 3)  # by name alone
    assert in_shard(sources, None) == sources


def test_sharded_builds_then_render_make_the_whole_site(tmp_path):
    corpus = corpus_of(tmp_path)
    for k in (1, 2):
        run = tei("build", str(corpus), "-o", str(tmp_path / f"shard{k}"), "--shard", f"{k}/2")
        assert run.returncode in (0, 1), run.stderr
    whole = tei("build", str(corpus), "-o", str(tmp_path / "whole"))
    built = sorted(p.relative_to(tmp_path / "whole" / "tei")
                   for p in (tmp_path / "whole" / "tei").rglob("*.xml"))
    sharded = sorted(p.relative_to(tmp_path / f"shard{k}" / "tei") for k in (1, 2)
                     for p in (tmp_path / f"shard{k}" / "tei").rglob("*.xml"))
    assert built == sharded
    # The merge step: the TEI of every shard in one folder, rendered as one site.
    merged = tmp_path / "merged-tei"
    for k in (1, 2):
        for path in (tmp_path / f"shard{k}" / "tei").rglob("*.xml"):
            target = merged / path.relative_to(tmp_path / f"shard{k}" / "tei")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    assert tei("render", str(merged), "-o", str(tmp_path / "site")).returncode == 0
    same_tree(tmp_path / "whole" / "html", tmp_path / "site" / "html")
    assert whole.returncode == 1


def test_bad_shard_is_a_usage_error(tmp_path):
    corpus = corpus_of(tmp_path, 0)
    for value in ("0/2", "3/2", "x", "1/0"):
        run = tei("build", str(corpus), "-o", str(tmp_path / "b"), "--shard", value)
        assert run.returncode == 2 and "K/N" in run.stderr, value


def _on_a_terminal(*args: str) -> tuple[int, str]:
    """Run tei with standard error on a pseudo-terminal; its status and what it drew."""
    import fcntl
    import pty
    import struct
    import subprocess
    import termios

    from tests.test_corpus_tei import tei_command

    leader, follower = pty.openpty()
    # A terminal 100 columns wide (a new pseudo-terminal has none).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    with subprocess.Popen([*tei_command(), *args], stdout=subprocess.DEVNULL,
                          stderr=follower) as child:
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
        status = child.wait()
    os.close(leader)
    return status, drawn.decode("utf-8", "replace")


def test_progress_shows_on_a_terminal_only_and_not_with_q(tmp_path):
    corpus = corpus_of(tmp_path, 2)
    status, drawn = _on_a_terminal("build", str(corpus), "-o", str(tmp_path / "a"), "-j", "1")
    assert status == 1
    for stage in ("converting", "validating", "rendering"):
        assert stage in drawn
    assert "doc/s" in drawn
    status, drawn = _on_a_terminal("build", str(corpus), "-o", str(tmp_path / "b"), "-q")
    assert "converting" not in drawn and "doc/s" not in drawn
    piped = tei("build", str(corpus), "-o", str(tmp_path / "c"))
    assert "converting" not in piped.stderr and "doc/s" not in piped.stderr
