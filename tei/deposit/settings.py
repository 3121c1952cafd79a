"""What a repository needs to know about the depositor: the ``[deposit]`` table of
``edition.toml`` together with the edition's publisher and licence.

Every value a format needs and the file does not give is named in one error, with the
key to add, so a curator can fix the file in one go.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from tei.errors import InputError
from tei.settings import EditionSettings

# Needed by every format: who deposits, how to reach them, what the edition is called.
REQUIRED = ("contact_name", "contact_email", "identifier")


@dataclass(frozen=True)
class DepositSettings:
    publisher: str
    licence: str
    licence_url: str
    contact_name: str = ""
    contact_email: str = ""
    identifier: str = ""  # External-Identifier: a DOI, handle or local accession id
    title: str = ""  # the edition's title (default: built from the publisher)
    description: str = ""  # External-Description (default: built from the documents)
    source_organization: str = ""  # default: the publisher
    creator: str = ""  # the edition's creator, an organisation (default: the publisher)
    handle: str = ""  # DSpace collection handle (or UUID) for each item's collections file
    url: str = ""  # where the edition is published on the web
    cmif_url: str = ""  # where its CMIF file is published, for correspSearch to harvest
    source: str = ""  # where the settings came from, for messages
    found: bool = True  # False: there was no edition.toml at all

    @property
    def organization(self) -> str:
        return self.source_organization or self.publisher

    @property
    def edition_title(self) -> str:
        return self.title or f"{self.publisher}: TEI edition"

    @property
    def edition_creator(self) -> str:
        return self.creator or self.publisher

    def missing(self) -> list[str]:
        return [key for key in REQUIRED if not getattr(self, key).strip()]

    def require(self) -> None:
        """Raise InputError naming every required key that is empty."""
        missing = self.missing()
        if missing and not self.found:
            raise InputError(self.source or "edition.toml", "no edition settings file",
                             "create it with publisher, licence and a [deposit] table with "
                             + ", ".join(missing) + " (see docs/deposit.md)")
        if missing:
            raise InputError(self.source or "edition.toml",
                             "the [deposit] settings lack " + ", ".join(missing),
                             "add them to the [deposit] table of edition.toml, e.g. "
                             'contact_email = "curator@example.org"')

    @classmethod
    def load(cls, path: Path | None) -> DepositSettings:
        """The settings of ``path`` (an edition.toml); without a file, the defaults, whose
        required keys are then reported as missing by :meth:`require`."""
        if path is None or not path.is_file():
            edition = EditionSettings()
            return cls(edition.publisher, edition.licence, edition.licence_url,
                       source=str(path) if path else "edition.toml", found=False)
        edition = EditionSettings.load(path)
        data = tomllib.loads(path.read_text(encoding="utf-8")).get("deposit", {})
        if not isinstance(data, dict):
            raise InputError(str(path), "deposit must be a table ([deposit])")
        known = {f.name for f in fields(cls)} - {"publisher", "licence", "licence_url",
                                                  "source", "found"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(str(path), f"unknown [deposit] setting(s): {', '.join(unknown)}",
                             f"the settings are: {', '.join(sorted(known))}")
        values: dict[str, Any] = {k: str(v) for k, v in data.items()}
        return cls(edition.publisher, edition.licence, edition.licence_url,
                   source=str(path), **values)
