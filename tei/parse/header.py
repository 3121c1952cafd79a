"""The header: date line, title, funder, labelled sections and content items (FORMAT.md B, C).

The header is found by its labels, not by line numbers (FORMAT.md rules 2 to 4): labels
may come in any order and any may be missing. The walk stops at the first line that is
none of these; the body begins there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tei.model import Consumed, ExtraField, Field, Header, Warning_
from tei.parse import patterns as pat
from tei.parse.lines import Line, cut, make_field, span_field
from tei.parse.rules import Outcome, Rule, apply_first, taken


@dataclass
class HeaderResult:
    header: Header
    consumed: list[Consumed] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)  # the lines after the header
    labels_seen: int = 0


_STARS_ONLY = re.compile(r"\*[*\s]*")


def _next_nonblank(lines: list[Line], i: int) -> int:
    while i < len(lines) and lines[i].blank:
        i += 1
    return i


def _chunk_end(lines: list[Line], i: int) -> int:
    """Index after the run of non-blank lines starting at ``i``."""
    while i < len(lines) and not lines[i].blank:
        i += 1
    return i


# B5: a funder line wraps only once it is long; what goes on is a short name tail
# ("Foundation", "of New York (CCNY)"), never a classification, a salute or a sentence.
_FUNDER_WRAP_AT = 50
_FUNDER_TAIL = re.compile(r"[^\W\d][\w.'’&()-]*(?: [\w.'’&()-]+){0,5}\.?")


def _funder_end(lines: list[Line], i: int) -> int:
    """Index after the funder line and the lines its wrapped name goes on over."""
    end = i + 1
    while end < len(lines):
        step = end + 1 if _put_between(lines[end - 1], lines[end]) else end
        if not (
            step < len(lines) and not lines[step].blank
            and len(lines[end - 1].text) >= _FUNDER_WRAP_AT
            and not lines[end - 1].text.endswith(".")
            and _FUNDER_TAIL.fullmatch(lines[step].text)
            and not lines[step].text.isupper()
        ):
            break
        end = step + 1
    return end


def _put_between(previous: Line, line: Line) -> bool:
    """A blank line put between two lines of a file without blank lines (it stands at the
    end of the line before, where a real blank line starts a character later)."""
    return line.blank and line.start == previous.end


def _is_label_line(line: Line) -> bool:
    return bool(
        pat.HEADER_LABEL.fullmatch(line.text) and _label_name(line.text)
        or pat.CONTENTS_ITEM.match(line.text)
        or pat.TRAILER_OPENING.fullmatch(line.text)
    )


def _starts_section(line: Line) -> bool:
    return _is_label_line(line) or bool(pat.SOURCE_OPEN.match(line.text))


def _label_name(text: str) -> str | None:
    """The label of a label line ("Citation:", "Summary", "Original Language: Russian")."""
    match = pat.HEADER_LABEL.fullmatch(text)
    if not match:
        return None
    rest = match.group(2)
    name = re.sub(r"\s+", " ", match.group(1).lower())
    has_colon = ":" in text[: match.start(2)]
    # "Summary" alone is a label; "Contents of the talks ..." is prose.
    if rest and not has_colon:
        return None
    return name


class _Walk:
    def __init__(self, source: str, lines: list[Line]) -> None:
        self.source = source
        self.lines = lines
        self.result = HeaderResult(Header())
        self.i = 0
        self.in_contents = False

    @property
    def header(self) -> Header:
        return self.result.header

    def consume(self, start: int, end: int, reason: str) -> None:
        if end > start:
            self.result.consumed.append(Consumed(start, end, reason))

    def run(self) -> HeaderResult:
        lines = self.lines
        while True:
            self.i = _next_nonblank(lines, self.i)
            if self.i >= len(lines):
                break
            if not self.step(lines[self.i]):
                break
        rest = lines[self.i :]
        if self.result.body and rest:
            rest = rest[1:]
        self.result.body = self.result.body + rest
        return self.result

    def step(self, line: Line) -> bool:
        """Take one header item starting at ``line``; False when the body begins."""
        return apply_first(HEADER_RULES, self, line) is Outcome.TAKEN

    # -- where the walk stands -----------------------------------------------------------

    def at_top(self) -> bool:
        """Nothing of the header is found yet (site chrome may stand here)."""
        h = self.header
        return not (self.in_contents or h.title or h.date_line or self.result.labels_seen)

    def before_date_line(self) -> bool:
        h = self.header
        return h.date_line is None and not h.title and not self.result.labels_seen

    def has_top(self) -> bool:
        """The date line or the title is found."""
        return bool(self.header.title or self.header.date_line)

    # -- the actions of the rules that had none of their own ---------------------------

    def take_date_line(self, line: Line) -> None:
        self.header.date_line = Field(line.text, line.start, line.end)
        self.i += 1

    def take_date_and_title(self, line: Line) -> None:
        both = pat.DATE_THEN_TITLE.fullmatch(line.text)
        assert both is not None
        self.header.date_line = make_field(self.source, line.start + both.start(1),
                                           line.start + both.end(1))
        self.header.title = make_field(self.source, line.start + both.start(2), line.end)
        self.i += 1

    def take_plain_title(self, line: Line) -> None:
        self.header.title = Field(line.text, line.start, line.end)
        self.i += 1

    def take_funder(self, line: Line) -> None:
        end = _funder_end(self.lines, self.i)
        self.header.funder = span_field(self.source, self.lines[self.i : end])
        self.i = end

    def take_labelled(self, line: Line) -> None:
        name = _label_name(line.text)
        assert name is not None
        self.take_label(line, name)

    def take_bare_citation(self, line: Line) -> None:
        self.take_citation(self.i)

    def label_follows(self) -> bool:
        """The next chunk starts with a header label (a title with no date line above it)."""
        j = _next_nonblank(self.lines, self.i + 1)
        return j < len(self.lines) and bool(_label_name(self.lines[j].text))

    def extend_to_label(self, lines: list[Line], end: int) -> tuple[list[Line], int]:
        """A value of several paragraphs runs on to the next label, if one follows soon."""
        j = end
        for _ in range(3):
            j = _next_nonblank(self.lines, j)
            if j >= len(self.lines):
                return lines, end
            if _starts_section(self.lines[j]):
                extra = [x for x in self.lines[end:j] if not x.blank]
                return lines + extra, j
            j = _chunk_end(self.lines, j)
        return lines, end

    def take_repeat(self) -> bool:
        """C-OLD: the citation box shows the summary, the citation and the URL a second
        time; a chunk repeating one of them word for word is consumed with that reason. A
        URL alone on its line that the citation does not name is kept as a header item."""
        h = self.header
        end = _chunk_end(self.lines, self.i)
        chunk = self.lines[self.i : end]
        text = " ".join(" ".join(line.text for line in chunk).split())
        urls = pat.URL.fullmatch(text)
        if h.summary and text == h.summary.text:
            reason = "repeated summary"
        elif h.citation and text and (text == h.citation.text or text in h.citation.text
                                      and len(text) > 40):
            reason = "repeated citation"
        elif urls and h.url and urls.group(1).rstrip(".,;") == h.url:
            reason = "repeated URL"
        elif urls and len(chunk) == 1:
            # The page's own address, not named in the citation: a header item.
            self.extra_line(chunk[0])
            return True
        else:
            return False
        self.consume(chunk[0].start, chunk[-1].end, reason)
        self.i = end
        return True

    def extra_line(self, line: Line) -> None:
        self.header.extra.append(ExtraField(line.text, None, line.start, line.end))
        self.i += 1

    def take_starred_title(self) -> bool:
        lines = self.lines
        j = self.i
        while j < len(lines) and not lines[j].blank:
            if lines[j].text.endswith("**") and (j > self.i or len(lines[j].text) >= 4):
                first, last = lines[self.i], lines[j]
                title = make_field(self.source, first.start + 2, last.end - 2)
                if not title.text:
                    return False  # stars with nothing between them mark no title
                self.consume(first.start, first.start + 2, "title markup")
                self.consume(last.end - 2, last.end, "title markup")
                self.header.title = title
                self.i = j + 1
                return True
            j += 1
        return False

    def value_lines(self, start: int) -> tuple[list[Line], int]:
        """The chunk starting at line index ``start`` and the index after it."""
        start = _next_nonblank(self.lines, start)
        end = start + 1
        # C-PDF puts labels on the very next line: a label ends the value too.
        while end < len(self.lines) and not self.lines[end].blank and not _starts_section(
            self.lines[end]
        ):
            end += 1
        return self.lines[start:end], end

    def take_label(self, line: Line, name: str) -> None:
        match = pat.HEADER_LABEL.fullmatch(line.text)
        assert match is not None
        self.result.labels_seen += 1
        self.in_contents = name == "contents"
        label_end = line.start + match.start(2) if match.group(2) else line.end
        self.consume(line.start, label_end, f"label {name}")
        self.i += 1
        if name == "contents":
            if match.group(2):
                rest = cut(line, line.start + match.start(2))
                item = pat.CONTENTS_ITEM.match(rest.text)
                if item:
                    self.header.contents.append(
                        make_field(self.source, rest.start, rest.start + item.end())
                    )
            return
        if match.group(2):
            value = make_field(self.source, line.start + match.start(2), line.end)
            end_index = self.i
        else:
            j = _next_nonblank(self.lines, self.i)
            if j >= len(self.lines) or _is_label_line(self.lines[j]):
                self.result.warnings.append(Warning_(line.no, f"the label {name!r} has no value",
                                                     "layout-empty-label"))
                return
            if name == "citation":
                self.take_citation(j)
                return
            lines, end_index = self.value_lines(j)
            if name in ("summary", "credits"):
                lines, end_index = self.extend_to_label(lines, end_index)
            value = span_field(self.source, lines)
        self.i = end_index
        slot = {"summary": "summary", "credits": "credits", "citation": "citation",
                "original language": "original_language"}[name]
        if getattr(self.header, slot) is None:
            setattr(self.header, slot, value)
            if name == "citation":  # "Citation: ..." with its value on the label's line
                self.take_url(value)
        else:
            self.header.extra.append(ExtraField(line.text, value, line.start, label_end))
            self.result.consumed.pop()
            self.result.warnings.append(Warning_(line.no, f"a second {name!r} section is kept",
                                                 "layout-repeated-section"))

    def take_citation(self, j: int) -> None:
        lines, end = self.value_lines(j)
        # C1c: the URL may stand alone on the next chunk.
        k = _next_nonblank(self.lines, end)
        if k < len(self.lines) and pat.URL.fullmatch(self.lines[k].text):
            lines = lines + [self.lines[k]]
            end = k + 1
        value = span_field(self.source, lines)
        self.header.citation = value
        self.take_url(value)
        self.i = end

    def take_url(self, citation: Field) -> None:
        """The document's URL: the last address in the citation that the TEI can point at."""
        urls = [u.rstrip(".,;") for u in pat.URL.findall(citation.text)]
        urls = [u for u in urls if is_uri(u)]
        if urls:
            self.header.url = urls[-1]

    def take_contents_item(self, line: Line, item: re.Match[str]) -> bool:
        """One content item; False when the first body line runs on after it (C-PDF)."""
        self.in_contents = True
        self.header.contents.append(make_field(self.source, line.start, line.start + item.end()))
        if line.text[item.end() :].strip():
            self.result.body = [cut(line, line.start + item.end())]
            return False
        self.i += 1
        return True

    def take_source(self) -> bool:
        lines, end = self.value_lines(self.i)
        first, last = lines[0], lines[-1]
        opener = pat.SOURCE_OPEN.match(first.text)
        if not opener or not last.text.endswith("]"):
            return False
        self.consume(first.start, first.start + opener.end(), "source line")
        self.consume(last.end - 1, last.end, "source line")
        inner = make_field(self.source, first.start + opener.end(), last.end - 1)
        if inner.text:
            self.header.source = inner
        self.i = end
        return True

    def take_unlabelled_summary(self) -> bool:
        j = self.i
        for _ in range(4):
            j = _next_nonblank(self.lines, j)
            if j >= len(self.lines):
                return False
            if pat.BARE_CITATION.match(self.lines[j].text):
                if j == self.i:
                    return False
                summary_lines = [x for x in self.lines[self.i : j] if not x.blank]
                self.header.summary = span_field(self.source, summary_lines)
                self.i = j
                return True
            j = _chunk_end(self.lines, j)
        return False

    def take_unknown_label(self, line: Line, match: re.Match[str]) -> None:
        label_end = line.start + match.end(1) + line.text[match.end(1) :].index(":") + 1
        self.i += 1
        value = None
        j = _next_nonblank(self.lines, self.i)
        if j < len(self.lines) and not _is_label_line(self.lines[j]):
            lines, self.i = self.value_lines(j)
            value = span_field(self.source, lines)
        self.header.extra.append(ExtraField(line.text[: label_end - line.start], value,
                                            line.start, label_end))
        self.result.warnings.append(Warning_(line.no, f"unknown header label {match.group(1)!r}",
                                             "layout-unknown-label"))


def _outcome(took: bool) -> Outcome:
    return Outcome.TAKEN if took else Outcome.PASS


def _taken_or_body(took: bool) -> Outcome:
    return Outcome.TAKEN if took else Outcome.END


def _labelled(name: str) -> Callable[[_Walk, Line], bool]:
    return lambda walk, line: _label_name(line.text) == name


def _is_unknown_label(walk: _Walk, line: Line) -> bool:
    unknown = pat.UNKNOWN_LABEL.fullmatch(line.text)
    return bool(unknown and walk.result.labels_seen and not unknown.group(2)
                and len(line.text) < 40)


def _take_unknown_label(walk: _Walk, line: Line) -> Outcome:
    unknown = pat.UNKNOWN_LABEL.fullmatch(line.text)
    assert unknown is not None
    walk.take_unknown_label(line, unknown)
    return Outcome.TAKEN


def _take_contents_item(walk: _Walk, line: Line) -> Outcome:
    item = pat.CONTENTS_ITEM.match(line.text)
    assert item is not None
    return _taken_or_body(walk.take_contents_item(line, item))


_TAKE_LABEL = taken(_Walk.take_labelled)

# The header walk (FORMAT.md rules 2 to 4), tried in this order on the first line of each
# chunk; the body begins at the first line no rule takes.
HEADER_RULES: list[Rule[_Walk, Line]] = [
    Rule("B6", "site-chrome",
         lambda w, line: w.at_top() and bool(pat.CHROME.fullmatch(line.text)),
         taken(_Walk.extra_line)),
    Rule("B7", "pdf-header-line",
         lambda w, line: w.at_top() and "digitalarchive.wilsoncenter.org" in line.text.lower(),
         taken(_Walk.extra_line)),
    Rule("C-OLD", "old-site-chrome",
         lambda w, line: w.has_top() and bool(pat.OLD_CHROME.fullmatch(line.text)),
         taken(_Walk.extra_line)),
    Rule("C-OLD", "repeated-citation-box",
         lambda w, line: bool(w.header.summary or w.header.citation),
         lambda w, line: _outcome(w.take_repeat())),
    Rule("B1", "date-line",
         lambda w, line: w.before_date_line() and bool(pat.DATE_LINE.fullmatch(line.text)),
         taken(_Walk.take_date_line)),
    Rule("B1c", "date-and-title",
         lambda w, line: w.before_date_line() and bool(pat.DATE_THEN_TITLE.fullmatch(line.text))
         and not _is_label_line(line),
         taken(_Walk.take_date_and_title)),
    Rule("B2", "starred-title",
         lambda w, line: w.header.title is None and line.text.startswith(pat.TITLE_OPEN),
         lambda w, line: _outcome(w.take_starred_title())),
    # "****" or "** **" above the title marks no title: an ornament, kept as it is.
    Rule("B2", "stars-without-title",
         lambda w, line: w.header.title is None and bool(_STARS_ONLY.fullmatch(line.text)),
         taken(_Walk.extra_line)),
    Rule("C1", "citation-label", _labelled("citation"), _TAKE_LABEL),
    Rule("C2", "summary-label", _labelled("summary"), _TAKE_LABEL),
    Rule("C3", "credits-label", _labelled("credits"), _TAKE_LABEL),
    Rule("C4", "original-language-label", _labelled("original language"), _TAKE_LABEL),
    Rule("C5", "contents-label", _labelled("contents"), _TAKE_LABEL),
    Rule("C5", "contents-item",
         lambda w, line: bool(pat.CONTENTS_ITEM.match(line.text))
         and bool(w.in_contents or w.result.labels_seen or w.header.title),
         _take_contents_item),
    # After the contents items, the body begins.
    Rule("C5", "end-of-contents", lambda w, line: w.in_contents, lambda w, line: Outcome.END),
    Rule("B5", "funder-line",
         lambda w, line: bool(pat.FUNDER.match(line.text)) and w.header.funder is None,
         taken(_Walk.take_funder)),
    Rule("C6", "source-line-above-the-body",
         lambda w, line: bool(pat.SOURCE_OPEN.match(line.text)) and w.header.source is None
         and w.has_top(),
         lambda w, line: _taken_or_body(w.take_source())),
    Rule("C-OLD", "unlabelled-citation",
         lambda w, line: w.header.citation is None and w.has_top()
         and bool(pat.BARE_CITATION.match(line.text)),
         taken(_Walk.take_bare_citation)),
    Rule("B2a", "plain-title",
         lambda w, line: w.header.title is None and not w.result.labels_seen
         and bool(w.header.date_line or w.label_follows()),
         taken(_Walk.take_plain_title)),
    # An unlabelled summary stands just before the unlabelled citation.
    Rule("C-OLD", "unlabelled-summary",
         lambda w, line: w.has_top() and w.header.summary is None and not w.header.citation,
         lambda w, line: _outcome(w.take_unlabelled_summary())),
    Rule("C-EXP", "unknown-label", _is_unknown_label, _take_unknown_label),
]


def is_uri(text: str) -> bool:
    """A URL the TEI can point at: RFC 3986 characters, and a port that is a number."""
    if not pat.URI_REFERENCE.fullmatch(text):
        return False
    try:
        urlsplit(text).port  # noqa: B018  (raises for "host:e.org")
    except ValueError:
        return False
    return True


def read_header(source: str, lines: list[Line]) -> HeaderResult:
    """Walk the header from the top; the result's ``body`` holds the remaining lines."""
    return _Walk(source, lines).run()
