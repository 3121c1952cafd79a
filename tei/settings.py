"""Edition settings: who publishes, under which licence, who the editor is, and how the
reading site presents itself.

Read from ``edition.toml`` in the corpus folder when there is one; otherwise defaults
that say plainly that nothing was set. The keys (all strings):

    publisher, licence, licence_url, editor   the TEI header (tei convert, tei build)
    site_title       the site's name in every banner (default "Reading edition")
    site_subtitle    a line under the name on the front page (default: none)
    about            a paragraph for the about page, before what the tool says of itself
    link_mentions    "first-in-paragraph" (default): a person, place or body is a link at
                     its first mention in each paragraph and marked, not linked, after;
                     "all": every mention is a link

An unknown key, or a value for link_mentions other than those two, is an error.
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
    site_title: str = "Reading edition"
    site_subtitle: str = ""
    about: str = ""
    link_mentions: str = "first-in-paragraph"

    LINK_MENTIONS = ("first-in-paragraph", "all")

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
        settings = cls(**data)
        if settings.link_mentions not in cls.LINK_MENTIONS:
            raise InputError(str(path), f"link_mentions = {settings.link_mentions!r} is not "
                             "a choice", f"write one of: {', '.join(cls.LINK_MENTIONS)}")
        return settings

    @classmethod
    def for_inputs(cls, folders: list[Path]) -> EditionSettings:
        for folder in folders:
            candidate = folder / "edition.toml"
            if candidate.is_file():
                return cls.load(candidate)
        return cls()
