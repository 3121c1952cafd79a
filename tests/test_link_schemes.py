"""Only http(s) and in-site addresses become links: javascript:, data: and vbscript: targets
are refused by the schema and never rendered as an href, in every place a link is made."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tei.render import render_paths
from tei.validate import validate_paths

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "example.tei.xml"
CITATION = ('<ref target="https://digitalarchive.umd.edu/document/110442">'
            'https://digitalarchive.umd.edu/document/110442</ref>')
HOSTILE = ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>",
           "vbscript:msgbox(1)", "java\tscript:alert(1)", "\u00a0javascript:alert(1)"]
XML_ESCAPE = str.maketrans({"<": "&lt;", "&": "&amp;", '"': "&quot;", "\t": "&#9;"})


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))


def with_target(target: str) -> str:
    """The example with ``target`` in every place the site makes a link from: the citation's
    ref, a ref in the text and a person's authority record."""
    value = target.translate(XML_ESCAPE)
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace(CITATION, f'<ref target="{value}">the archive</ref>', 1)
    text = text.replace("<p>... but he thought",
                        f'<p><ref target="{value}">see here</ref>... but he thought', 1)
    wikidata = re.search(r'<idno type="wikidata">Q\d+</idno>', text)
    assert wikidata, "the example has a person with a Wikidata id"
    return text.replace(wikidata.group(0), f'<idno type="authority">{value}</idno>', 1)


def hrefs(site: Path) -> list[str]:
    found = []
    for page in sorted((site / "html").glob("*.html")):
        tree = lxml_html.fromstring(page.read_bytes())
        found += [str(a.get("href")) for a in tree.iter("a") if a.get("href") is not None]
    return found


def safe(href: str) -> bool:
    lowered = href.strip().lower()
    if lowered.startswith(("http://", "https://")):
        return True
    return ":" not in lowered.split("/", 1)[0].split("#", 1)[0] and not lowered.startswith("//")


@pytest.mark.parametrize("target", HOSTILE, ids=repr)
def test_a_foreign_scheme_never_becomes_a_link(tmp_path, target):
    source = tmp_path / "doc.xml"
    source.write_text(with_target(target), encoding="utf-8")
    report = render_paths([source], tmp_path / "site")
    assert report.ok, report.errors
    links = hrefs(tmp_path / "site")
    assert links and all(safe(href) for href in links), [h for h in links if not safe(h)]
    page = (tmp_path / "site" / "html" / "doc.html").read_text(encoding="utf-8")
    assert "the archive" in page and "see here" in page  # the words stay, as text
    assert "script:" not in "".join(links).lower() and "data:" not in "".join(links).lower()


def test_http_and_in_site_targets_still_become_links(tmp_path):
    source = tmp_path / "doc.xml"
    source.write_text(with_target("https://example.org/record/7"), encoding="utf-8")
    assert render_paths([source], tmp_path / "site").ok
    links = hrefs(tmp_path / "site")
    assert links.count("https://example.org/record/7") == 3  # citation, text, register
    assert "persons.html#dobrynin-anatoly" in links


@pytest.mark.parametrize("scheme", ["javascript:alert(1)", "JAVASCRIPT:alert(1)",
                                    "data:text/html;base64,PGI+", "vbscript:msgbox(1)"])
@pytest.mark.parametrize(("before", "after"), [
    (CITATION, '<ref target="{}">the archive</ref>'),  # bibl/ref/@target
    ('<persName ref="#dobrynin-anatoly">A. DOBRYNIN', '<persName ref="{}">A. DOBRYNIN'),
    ('who="#conversion"', 'who="{}"'),
    ('<supplied resp="#ed">', '<supplied resp="{}">'),
    ('<person xml:id="kennedy-robert">', '<person xml:id="kennedy-robert" sameAs="{}">'),
], ids=["target", "ref", "who", "resp", "sameAs"])
def test_the_schema_refuses_a_foreign_scheme_in_every_pointer(tmp_path, scheme, before, after):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert before in text
    path = tmp_path / "doc.xml"
    path.write_text(text.replace(before, after.format(scheme), 1), encoding="utf-8")
    errors = [i for i in validate_paths([path]).issues if i.severity == "error"]
    assert [i.rule for i in errors] == ["xsd-value"]
    assert f"uses the scheme {scheme.split(':')[0]}:" in errors[0].message


def test_a_pointer_list_with_one_foreign_scheme_is_refused(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        CITATION, '<ref target="https://example.org/a javascript:alert(1)">x</ref>', 1)
    path = tmp_path / "doc.xml"
    path.write_text(text, encoding="utf-8")
    [issue] = validate_paths([path]).issues
    assert issue.rule == "xsd-value" and "uses the scheme javascript:" in issue.message


def test_the_licence_target_is_a_pointer_too(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "<licence>", '<licence target="data:text/html,x">', 1)
    path = tmp_path / "doc.xml"
    path.write_text(text, encoding="utf-8")
    [issue] = validate_paths([path]).issues
    assert issue.rule == "xsd-value" and "uses the scheme data:" in issue.message
