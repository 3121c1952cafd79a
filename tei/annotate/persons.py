"""Mentions of registered persons in body text, linked only when the link is certain.

Every form a register name takes (see :mod:`tei.annotate.names_forms`) is looked for in
each block. A form that fits one person is linked to it. A form that fits several (a
surname shared by two brothers) is resolved from what the document itself says: a gender
honorific the register gives one of them (``Mrs.``), the office before the name when the
register's note or role names it (``President`` / ``Attorney General``), a person named
unambiguously earlier in the same document, else the one candidate the document's header
names. When none decides, the name is tagged without a link and reported as ambiguous.
Honorifics, offices and possessive endings stay outside the span.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field

from tei.annotate.names_forenames import same_forename
from tei.annotate.names_forms import Form, compile_forms, derive_forms
from tei.annotate.names_view import fold, make_view, name_key
from tei.annotate.unregistered import find_unregistered
from tei.lexicon import COURTESY, NOT_FORENAMES, NOT_HELD, is_honorific
from tei.lexicon import FEMALE_COURTESY as _FEMALE
from tei.lexicon import INSTITUTION_AFTER as _INSTITUTION_AFTER
from tei.lexicon import MALE_COURTESY as _MALE
from tei.lexicon import SUFFIX_AFTER_MENTION as _SUFFIX
from tei.lexicon import TITLE_LINKS as _TITLE_LINKS
from tei.model import Span
from tei.namespaces import TEI
from tei.person_register import Register


@dataclass
class Mention:
    block: int
    start: int
    end: int
    surface: str
    candidates: tuple[str, ...]


@dataclass
class PersonResult:
    spans: list[list[Span]]
    mentioned: list[str]
    ambiguous: list[Mention] = field(default_factory=list)
    unregistered: list[Mention] = field(default_factory=list)


# How far before a name its forenames, initials, nickname or office are looked for: a
# bounded window keeps the search linear in the length of the text.
_WINDOW = 160
# Transliterated initials of two letters ("Yu. V. Andrianov", "Zh. Kalen").
_DIGRAPHS = r"(?:Yu|Ya|Ye|Yo|Zh|Kh|Ch|Sh|Ts|Th|Ph)"
_GIVEN_BEFORE = re.compile(
    r"(?<![\w.'’\-])(?P<tok>(?:(?:[A-Z]|" + _DIGRAPHS + r")\.[ \t]?){1,3}"
    r"|[\"“'‘][A-ZÀ-Þ][\w'’\-]*[\"”'’]"
    r"|[A-ZÀ-Þ][a-zà-ÿ'’\-]+)[ \t]*\n?[ \t]*$")
_LOWER_WORD = re.compile(r"[a-z]{3,}")
# The end of a sentence, also when a footnote marker follows its full stop ("agreed.³").
_SENTENCE_END = re.compile(
    r"(?:^|[.!?:;\"“”](?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,2}(?!\d))?|\n\s*\n)\s*$")


class PersonFinder:
    """Finds registered persons (and, on request, tags unregistered person-like names)."""

    def __init__(self, register: Register, tag_unregistered: bool = False) -> None:
        self.register = register
        self.tag_unregistered = tag_unregistered
        self._by_key: dict[str, set[str]] = {}
        self._surname_keys: set[str] = set()
        self._forename_keys: dict[str, set[str]] = {}
        self._given_names: dict[str, set[tuple[tuple[str, str], ...]]] = {}
        forms: list[Form] = []
        for pid in register.ids:
            main = register.canonical(pid)
            for name in register.persons[pid].names:
                for form in derive_forms(name):
                    forms.append(form)
                    self._by_key.setdefault(form.key, set()).add(main)
                    if form.surname_only:
                        self._surname_keys.add(form.key)
                for forename in name.forenames:
                    key = name_key(forename)
                    if key:
                        self._forename_keys.setdefault(main, set()).add(key)
                if name.forenames:
                    self._given_names.setdefault(main, set()).add(_given_sequence(name))
        self._pattern = compile_forms(forms)
        self._all_forenames = sorted({k for keys in self._forename_keys.values()
                                      for k in keys if len(k) > 1})

    def find(self, texts: Sequence[str], header: Sequence[str] = ()) -> PersonResult:
        """Persons in ``texts`` (a document's blocks, in order). ``header`` holds the texts
        of its title, summary and signature: the one candidate of an ambiguous name they
        name (and no other) is meant."""
        result = PersonResult(spans=[[] for _ in texts], mentioned=[])
        resolved_so_far: list[str] = []
        named_in_header = self._named(header)
        # The document's folded text, for the names that may be one of its words.
        folded = ""
        for block, text in enumerate(texts):
            for start, end, candidates, title, other_forename in self._matches(text):
                surface = text[start:end]
                if (not _office(title) and not other_forename and surface.istitle()
                        and _is_lower_word(fold(surface).lower(), folded := folded
                                           or "\n".join(fold(t) for t in texts))
                        and _opens_sentence(text, start)
                        and not candidates & set(resolved_so_far)):
                    # A surname that is also a word of this document ("clay", "home"),
                    # opening a sentence, with its bearer not named before: the word.
                    continue
                # A forename the register gives to none of the surname's bearers: a
                # person, but not one the register can name.
                pid = None if other_forename else self._resolve(
                    candidates, title, resolved_so_far, named_in_header)
                if pid is None:
                    result.spans[block].append(Span.make(start, end, "persName"))
                    result.ambiguous.append(
                        Mention(block, start, end, surface, tuple(sorted(candidates))))
                    continue
                result.spans[block].append(Span.make(start, end, "persName", ref="#" + pid))
                if pid not in result.mentioned:
                    result.mentioned.append(pid)
                if len(candidates) == 1 or pid not in resolved_so_far:
                    resolved_so_far.append(pid)
            taken = [(s.start, s.end) for s in result.spans[block]]
            taken += [(m.start, m.end) for m in result.unregistered if m.block == block]
            for start, end in find_unregistered(text, taken):
                self._report(result, block, text, start, end)
            result.spans[block].sort(key=lambda s: (s.start, -s.end))
        result.unregistered.sort(key=lambda m: (m.block, m.start))
        return result

    def _named(self, texts: Sequence[str]) -> set[str]:
        """Persons that ``texts`` name unambiguously."""
        named: set[str] = set()
        for text in texts:
            for _, _, candidates, _, other_forename in self._matches(text):
                mains = {self.register.canonical(c) for c in candidates}
                if len(mains) == 1 and not other_forename:
                    named |= mains
        return named

    # -- matching -------------------------------------------------------------------

    def _matches(self, text: str) -> list[tuple[int, int, set[str], tuple[str, ...], bool]]:
        """``(start, end, candidates, office title before, other forename)`` per form found."""
        if self._pattern is None:
            return []
        view = make_view(text)
        found: list[tuple[int, int, set[str], tuple[str, ...], bool]] = []
        for m in self._pattern.finditer(view.text):
            found_start, found_end = view.span(m.start(), m.end())
            start, end = _fit_brackets(text, found_start, found_end)
            if start >= end:
                continue
            key = name_key(text[start:end])
            candidates = set(self._by_key.get(key, ()))
            # "[Defense Minister Ramón] Varela": the span keeps the surname, but the
            # forename supplied in the bracket still says who is meant.
            supplied = set(self._by_key.get(name_key(text[found_start:found_end]), ()))
            if start > found_start and supplied:
                candidates = supplied
            if not candidates or _INSTITUTION_AFTER.match(text, end):
                continue
            other_forename = False
            if key in self._surname_keys and candidates is not supplied:
                surname_start = start
                start, kept = self._check_forename(text, start, end, key, candidates)
                if found and start < found[-1][1]:
                    # The word taken as a forename belongs to the name just found
                    # ("Ostrovin's Ostrovin"): it is no forename of this one.
                    start, kept = surname_start, candidates
                other_forename = not kept
                candidates = kept or candidates
            suffix = _SUFFIX.match(text, end)
            if suffix:
                end = suffix.end(1)
            found.append((start, end, candidates, _title_before(text, start), other_forename))
        return found

    def _check_forename(self, text: str, start: int, end: int, key: str,
                        candidates: set[str]) -> tuple[int, set[str]]:
        """A surname alone may follow forenames, initials or a quoted nickname: those that
        fit a registered bearer extend the span and keep only the bearers they fit; those
        that fit none mean a person the register cannot name (no bearer kept)."""
        tokens = self._given_tokens(text, start)
        words = [t for t in tokens if t[1] != "q"]
        if not words:
            return start, candidates
        # The longest run of tokens next to the surname that fits some bearer wins:
        # "Pyotr Andreyevich" fits "Pyotr A.", "Yu. V." fits "Yuri V.".
        for size in range(len(tokens), 0, -1):
            run = tokens[-size:]
            if run[0][1] == "q":
                continue
            given = [t for t in run if t[1] != "q"]
            keep = {pid for pid in candidates
                    if any(_fits(given, seq) for seq in self._given_names.get(
                        self.register.canonical(pid), ()))}
            if keep:
                return run[0][0], keep
        return words[0][0], set()

    def _given_tokens(self, text: str, start: int) -> list[tuple[int, str, str]]:
        """``(offset, kind, key)`` of the forename-like tokens right before ``start``, in
        reading order: ``"w"`` a word, ``"i"`` an initial (``"yu"`` for ``Yu.``), ``"q"`` a
        quoted nickname. Stops at a word that cannot be a forename."""
        low = max(0, start - _WINDOW)
        before = text[low:start]
        tokens: list[tuple[int, str, str]] = []
        while len(tokens) < 5:
            m = _GIVEN_BEFORE.search(before)
            if not m:
                break
            token = m.group("tok").strip()
            offset = low + m.start("tok")
            if token[0] in "\"“'‘":
                tokens.insert(0, (offset, "q", name_key(token)))
            elif token.endswith(".") or "." in token:
                if re.fullmatch(r"U\.\s?[SNK]\.", token) or is_honorific(token):
                    break
                letters = re.findall(r"[A-Z][a-z]?", token)
                for letter in reversed(letters):
                    tokens.insert(0, (offset, "i", letter.lower()))
            else:
                given = name_key(token)
                if (token in NOT_FORENAMES or is_honorific(token)
                        or given in self._surname_keys):
                    break
                if _opens_sentence(text, offset) and not any(
                        same_forename(given, k) for k in self._all_forenames):
                    # An unknown capitalised word opening a sentence ("Suggest ...") is
                    # more likely a verb or adverb than a forename.
                    break
                tokens.insert(0, (offset, "w", given))
            before = before[:m.start("tok")]
            if tokens[0][1] == "w" and _opens_sentence(text, offset):
                break
        return tokens

    def _report(self, result: PersonResult, block: int, text: str, start: int,
                end: int) -> None:
        # find_unregistered gives ranges clear of every span and of each other.
        result.unregistered.append(Mention(block, start, end, text[start:end], ()))
        if self.tag_unregistered:
            result.spans[block].append(Span.make(start, end, "persName"))

    # -- resolution -----------------------------------------------------------------

    def _resolve(self, candidates: set[str], words: tuple[str, ...], earlier: list[str],
                 named_in_header: Set[str] = frozenset()) -> str | None:
        mains = {self.register.canonical(c) for c in candidates}
        if len(mains) == 1:
            return next(iter(mains))
        # "Mme. Harlan" is the bearer the register calls Mme., Mrs. or Madame; "Mr. Harlan"
        # is none of those.
        if any(w in _FEMALE for w in words):
            women = {c for c in mains if self._honorifics(c) & _FEMALE}
            if len(women) == 1:
                return next(iter(women))
            mains = women or mains
        elif any(w in _MALE for w in words):
            mains = {c for c in mains if not self._honorifics(c) & _FEMALE} or mains
            if len(mains) == 1:
                return next(iter(mains))
        title = _office(words)
        # The whole office first ("Defense Minister"), then its last word ("Minister").
        for office in dict.fromkeys((title, title[-1:])) if title else ():
            fitting = {c for c in mains if _title_fits(office, self.register.person(c).hints)}
            if len(fitting) == 1:
                return next(iter(fitting))
            if fitting:
                mains = fitting
                break
        seen = [c for c in mains if c in earlier]
        if len(seen) == 1:
            return seen[0]
        # The one candidate the document's header (title, summary, signature) names.
        named = [c for c in mains if c in named_in_header]
        if len(named) == 1:
            return named[0]
        return None

    def _honorifics(self, pid: str) -> set[str]:
        """Courtesy words the register gives the person (role names, variants' titles)."""
        person = self.register.person(pid)
        words = {w.lower().rstrip(".") for n in self.register.names_of(pid) for t in n.titles
                 for w in t.split()}
        words |= {w.lower().rstrip(".") for e in person.element.iter(
            f"{TEI}roleName") for w in "".join(e.itertext()).split()}
        return {fold(w) for w in words}


def _is_lower_word(word: str, text: str) -> bool:
    """``word`` is one of the words of three lower-case letters or more of ``text``."""
    return _LOWER_WORD.fullmatch(word) is not None and _word_pattern(word).search(text) is not None


@functools.lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern[str]:
    # The word first (the engine then looks for it as a string), the boundaries after.
    return re.compile(re.escape(word) + r"(?!\w)(?<!\w" + re.escape(word) + ")")


def _given_sequence(name) -> tuple[tuple[str, str], ...]:
    """A register name's forenames as ``("w", key)`` words and ``("i", letter)`` initials."""
    out: list[tuple[str, str]] = []
    for token in name.forenames:
        key = name_key(token)
        if not key:
            continue
        out.append(("i", key) if token.endswith(".") and len(key) <= 2 else ("w", key))
    return tuple(out)


def _fits(given: list[tuple[int, str, str]], registered: tuple[tuple[str, str], ...]) -> bool:
    """The written tokens are, in order, forenames or initials of the registered ones (a
    registered forename may be left out: "Nikolai" of "Nikolai S.")."""
    i = 0
    for _, kind, value in given:
        while i < len(registered) and not _token_fits(kind, value, *registered[i]):
            i += 1
        if i == len(registered):
            return False
        i += 1
    return True


def _token_fits(kind: str, value: str, reg_kind: str, reg_value: str) -> bool:
    if kind == "w" and reg_kind == "w":
        return same_forename(value, reg_value)
    if kind == "w":  # a full word for a registered initial: "Andreyevich" for "A."
        return value.startswith(reg_value)
    if reg_kind == "w":  # an initial for a registered word: "Yu." for "Yuri"
        return reg_value.startswith(value)
    return value[0] == reg_value[0]


def _opens_sentence(text: str, pos: int) -> bool:
    """Nothing, or the end of a sentence, precedes ``pos`` (the dot of ``Mr.`` ends no
    sentence). Only a bounded window before ``pos`` is read."""
    low = max(0, pos - _WINDOW)
    before = text[low:pos]
    m = _SENTENCE_END.search(before)
    if not m:
        return False
    abbreviation = re.search(r"([\w'’]+)\.(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,2})?\s*$", before)
    return not (abbreviation and is_honorific(abbreviation.group(1)))


def _fit_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep square brackets balanced inside a name span.

    ``[Nikolai] Ostrovin`` takes in the opening bracket; ``Pak [Seong-cheol]`` the closing one;
    ``[Ruritanian Premier Nikolai] Ostrovin`` keeps only ``Ostrovin``, because the
    bracket holds more than a name.
    """
    opened = text.rfind("[", 0, start)
    if opened != -1 and "]" not in text[opened:start]:
        inside = text[opened + 1:start]
        if inside.strip() == "":
            start = opened
        else:
            close = text.find("]", start, end)
            if close == -1:
                return start, end
            start = close + 1
            while start < end and text[start].isspace():
                start += 1
    depth = 0
    for ch in text[start:end]:
        depth += ch == "["
        depth -= ch == "]"
    if depth > 0 and text.startswith("]", end):
        end += 1
    elif depth > 0:
        end = text.rfind("[", start, end)
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _title_before(text: str, start: int) -> tuple[str, ...]:
    """The title words right before a name, courtesy words included:
    ``("mr", "defense", "minister")``."""
    words: list[str] = []
    before = text[max(0, start - _WINDOW):start]
    while (word_start := last_word(before)) is not None:
        bare = fold(before[word_start:].rstrip()).lower().rstrip(".")
        if is_honorific(bare) or (words and bare in _TITLE_LINKS):
            words.insert(0, bare)
            before = before[:word_start]
            continue
        break
    return tuple(words)


_WORD_PUNCTUATION = "_'’.-"


def last_word(text: str) -> int | None:
    r"""Where the word that ``text`` ends with, before whitespace, starts: what
    ``re.search(r"([\w'’.\-]+)\s+$", text).start(1)`` gives, but read from the end,
    where the regular expression would try every character of ``text`` from the start."""
    end = len(text.rstrip())
    if end == len(text):
        return None  # no whitespace after the word
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _WORD_PUNCTUATION):
        start -= 1
    return start if start < end else None


def _office(title: tuple[str, ...]) -> tuple[str, ...]:
    """The office words of a title: ``("defense", "minister")``; courtesy dropped."""
    return tuple(w for w in title if w not in COURTESY and w not in {"the", "of"})


def _title_fits(title: tuple[str, ...], hints: str) -> bool:
    """The register says the person held this office.

    Every word of the title must occur in one hint (a note or role name), in any order
    (``Defense Minister`` fits "Minister of Defense"), and the office itself must not be
    qualified there as someone else's or a lesser one ("brother of the President",
    "Vice President" for ``President``).
    """
    if not title or not hints:
        return False
    head = title[-1]
    for hint in re.split(r"[|;]", fold(hints).lower()):
        words = re.findall(r"[\w'-]+", hint)
        if not all(w in words or w.rstrip("s") in words for w in title):
            continue
        for i, word in enumerate(words):
            if word != head and word.rstrip("s") != head.rstrip("s"):
                continue
            previous = words[i - 1] if i else ""
            if previous in NOT_HELD and previous not in title:
                continue
            return True
    return False
