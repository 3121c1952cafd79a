"""The BagIt profile a bag is made for and checked against (offline, with bagit-profile).

The profile shipped with the package is ``schemas/bagit/tei-edition-bagit-profile.json``;
a curator may pass a repository's own profile instead. bagit-profile is given the JSON
itself, so it never fetches the profile from its identifier.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tei.errors import InputError
from tei.resources import schemas_dir


def default_profile_path() -> Path:
    return schemas_dir() / "bagit" / "tei-edition-bagit-profile.json"


@dataclass(frozen=True)
class BagProfile:
    path: Path
    data: dict

    @property
    def identifier(self) -> str:
        return str(self.data["BagIt-Profile-Info"]["BagIt-Profile-Identifier"])

    @property
    def manifests(self) -> list[str]:
        return list(self.data.get("Manifests-Required") or ["sha256", "sha512"])

    @classmethod
    def load(cls, path: Path | None = None) -> BagProfile:
        path = path or default_profile_path()
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(str(path), f"cannot read the BagIt profile: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON: {exc.msg}", line=exc.lineno) from exc
        identifier = (data.get("BagIt-Profile-Info") or {}).get("BagIt-Profile-Identifier") \
            if isinstance(data, dict) else None
        if not identifier:
            raise InputError(str(path), "not a BagIt profile: BagIt-Profile-Info has no "
                             "BagIt-Profile-Identifier")
        return cls(Path(path), data)

    def errors(self, bag: object) -> list[str]:
        """What the bag (a ``bagit.Bag``) breaks of this profile; empty when it conforms."""
        import bagit_profile

        with _quiet():
            try:
                checker = bagit_profile.Profile(self.identifier, profile=json.loads(
                    json.dumps(self.data)))
                checker.validate(bag)
            except bagit_profile.ProfileValidationError as exc:
                return [_clean(exc.value)]
        return [_clean(getattr(e, "value", str(e))) for e in checker.report.errors]


def _clean(message: object) -> str:
    # bagit-profile starts each message with the bag's repr; the caller names the bag.
    text = str(message)
    return text.split(": ", 1)[1] if text.startswith("Bag(") and ": " in text else text


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """bagit and bagit-profile log each finding at ERROR on the root logger; the findings
    are returned as messages instead."""
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(previous)
