"""The header: date line, title, funder, labelled sections and content items (FORMAT.md B, C).

The header is found by its labels, not by line numbers (FORMAT.md rules 2 to 4): labels
may come in any order and any may be missing. The walk stops at the first line that is
none of these; the body begins there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tei.model import Consumed, ExtraField, Field, Header, Warning_
from tei.parse import patterns as pat
from tei.parse.lines import Line, cut, make_field, span_field


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
        text = line.text
        h = self.header
        seen_anything = h.date_line or h.title or self.result.labels_seen
        if not self.in_contents and not h.title and not seen_anything and (
            pat.CHROME.fullmatch(text) or "digitalarchive.wilsoncenter.org" in text.lower()
        ):
            self.extra_line(line)
            return True
        if (h.title or h.date_line) and pat.OLD_CHROME.fullmatch(text):
            self.extra_line(line)
            return True
        if (h.summary or h.citation) and self.take_repeat():
            return True
        if h.date_line is None and not h.title and not self.result.labels_seen:
            if pat.DATE_LINE.fullmatch(text):
                h.date_line = Field(text, line.start, line.end)
                self.i += 1
                return True
            both = pat.DATE_THEN_TITLE.fullmatch(text)
            if both and not _is_label_line(line):
                h.date_line = make_field(self.source, line.start + both.start(1),
                                         line.start + both.end(1))
                h.title = make_field(self.source, line.start + both.start(2), line.end)
                self.i += 1
                return True
        if h.title is None and text.startswith(pat.TITLE_OPEN) and self.take_starred_title():
            return True
        if h.title is None and _STARS_ONLY.fullmatch(text):
            # "****" or "** **" above the title marks no title: an ornament, kept as it is.
            self.extra_line(line)
            return True
        name = _label_name(text)
        if name:
            self.take_label(line, name)
            return True
        item = pat.CONTENTS_ITEM.match(text)
        if item and (self.in_contents or self.result.labels_seen or h.title):
            return self.take_contents_item(line, item)
        if self.in_contents:
            return False
        if pat.FUNDER.match(text) and h.funder is None:
            end = _funder_end(self.lines, self.i)
            h.funder = span_field(self.source, self.lines[self.i : end])
            self.i = end
            return True
        if pat.SOURCE_OPEN.match(text) and h.source is None and (h.title or h.date_line):
            return self.take_source()
        if h.citation is None and (h.title or h.date_line) and pat.BARE_CITATION.match(text):
            self.take_citation(self.i)
            return True
        if h.title is None and not self.result.labels_seen and (
            h.date_line or self.label_follows()
        ):
            h.title = Field(text, line.start, line.end)
            self.i += 1
            return True
        if (h.title or h.date_line) and h.summary is None and not h.citation:
            # C-OLD: an unlabelled summary stands just before the unlabelled citation.
            if self.take_unlabelled_summary():
                return True
        unknown = pat.UNKNOWN_LABEL.fullmatch(text)
        if unknown and self.result.labels_seen and not unknown.group(2) and len(text) < 40:
            self.take_unknown_label(line, unknown)
            return True
        return False

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
        slot = {"summary": "summary", "credits": "credits",
                "original language": "original_language"}[name]
        if getattr(self.header, slot) is None:
            setattr(self.header, slot, value)
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
        urls = [u.rstrip(".,;") for u in pat.URL.findall(value.text)]
        urls = [u for u in urls if is_uri(u)]
        if urls:
            self.header.url = urls[-1]
        self.i = end

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
