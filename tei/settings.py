"""Edition settings: who publishes, under which licence, who the editor is.

Read from ``edition.toml`` in the corpus folder when there is one; otherwise defaults
that say plainly that nothing was set.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from tei.errors import InputError


def _toml_type(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", list: "an array",
             dict: "a table"}
    return next((name for kind, name in names.items() if isinstance(value, kind)),
                f"a {type(value).__name__}")


@dataclass(frozen=True)
class EditionSettings:
    publisher: str = "tei-edition (unpublished conversion)"
    licence: str = ("Rights as stated by the source archive; this encoding may be reused "
                    "under the same terms.")
    licence_url: str = ""
    editor: str = "Wilson Center Digital Archive"

    @classmethod
    def load(cls, path: Path) -> EditionSettings:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"cannot read the edition settings: {exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise InputError(str(path), f"not valid TOML: {exc}",
                             "fix the syntax or remove the file") from exc
        # The [deposit] table is read by tei.deposit.settings.
        data.pop("deposit", None)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(str(path), f"unknown setting(s): {', '.join(unknown)}",
                             f"the settings are: {', '.join(sorted(known))}")
        for key, value in data.items():
            if not isinstance(value, str):
                raise InputError(str(path), f"{key} must be a string, not "
                                 f"{_toml_type(value)} ({value!r})",
                                 f'write it in quotes: {key} = "..."')
        return cls(**data)

    @classmethod
    def for_inputs(cls, folders: list[Path]) -> EditionSettings:
        for folder in folders:
            candidate = folder / "edition.toml"
            if candidate.is_file():
                return cls.load(candidate)
        return cls()
