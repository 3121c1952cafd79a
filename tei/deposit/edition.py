"""What a deposit packs: the TEI documents of a build (or of a folder of TEI files), the
registers beside the corpus, and, on request, the reading edition."""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from tei.errors import InputError
from tei.namespaces import TEI_NS
from tei.render import SourceDocument, read_tei

REGISTER_NAMES = ("persons.xml", "places.xml")


@dataclass
class Edition:
    documents: list[SourceDocument]
    registers: list[Path] = field(default_factory=list)
    html: Path | None = None  # the reading site's folder, when there is one
    text: Path | None = None


def find_edition(source: Path, corpus: Path | None = None) -> Edition:
    """The edition under ``source``: a build folder (``tei/``, ``html/``, ``text/``) or a
    folder of TEI files. Registers are the corpus's ``persons.xml`` / ``places.xml``."""
    source = Path(source)
    if not source.is_dir():
        raise InputError(str(source), "not a folder", "give a build folder or a folder of "
                         "TEI files")
    tei = source / "tei" if (source / "tei").is_dir() else source
    documents = []
    for path in sorted(tei.glob("*.xml")):
        document = read_tei(path)
        # A register is a TEI file too, but it has no text: it is packed as a register.
        if document.root.find(f"{{{TEI_NS}}}text") is not None:
            documents.append(document)
    if not documents:
        raise InputError(str(tei), "holds no TEI document (.xml with a text element)")
    base = tei.parent
    registers = [corpus / n for n in REGISTER_NAMES if corpus and (corpus / n).is_file()]
    html = base / "html" if (base / "html").is_dir() else None
    text = base / "text" if (base / "text").is_dir() else None
    return Edition(documents, registers, html, text)


def deposit_date() -> _dt.date:
    """Today (UTC), or the day of SOURCE_DATE_EPOCH so that packages are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC).date()
    return _dt.datetime.now(tz=_dt.UTC).date()


def source_epoch() -> int:
    """The fixed time stamp of packed files: SOURCE_DATE_EPOCH, else 0."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(epoch) if epoch.isdigit() else 0
