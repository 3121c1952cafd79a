"""The site beyond the reading pages: registers of places and organisations with counts
and first-mention contexts, one link per name and paragraph, the cite block and its
meta tags, the downloads, the filters' data, the about page and the site settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tei.citation import Citation
from tei.errors import InputError
from tei.render import Renderer, read_tei, render_paths
from tei.settings import EditionSettings

DATA = Path(__file__).resolve().parent / "data" / "render"
BRASK = DATA / "1957-11_brask.xml"
VARGA = DATA / "1958-05-14_varga.xml"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    report = render_paths([DATA], out)
    assert report.ok, report.errors
    return out / "html"


def page(site: Path, name: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / name).read_bytes())


def test_places_and_organisations_registers(site: Path) -> None:
    places = page(site, "places.html")
    entry = places.get_element_by_id("grey-point")
    assert entry.xpath("string(h2)") == "Grey Point"
    assert "Grey Pt." in entry.xpath("string(p[@class='variants'])")
    assert entry.xpath(".//p[@class='authority']/a/@href") == [
        "https://www.wikidata.org/wiki/Q2006"]
    assert entry.xpath("string(p[@class='mention-count'])") == "2 mentions in 1 document"
    assert entry.xpath(".//ul[@class='mentions']//a/@href") == ["1957-11_brask.html"]
    orgs = page(site, "organisations.html")
    office = orgs.get_element_by_id("harbour-office")
    assert office.xpath("string(h2)") == "the Harbour Office"
    assert office.xpath(".//ul[@class='mentions']//a/@href") == ["1957-11_brask.html"]


def test_persons_register_counts_mentions_and_quotes_the_first(site: Path) -> None:
    ferenc = page(site, "persons.html").get_element_by_id("ferenc-tomas")
    assert ferenc.xpath("string(p[@class='mention-count'])") == "2 mentions in 1 document"
    first = ferenc.xpath(".//ul[@class='mentions']/li")[0]
    assert first.xpath("string(span[@class='count'])") == "2 mentions"
    context = first.xpath("string(span[@class='context'])")
    assert context.startswith("“") and context.endswith("”")
    assert "to the whole of Minister T. Ferenc's letter about the winter" in context
    assert first.xpath("string(span[@class='context']/strong)") == "T. Ferenc"


def test_register_counts_every_name_of_every_pointer(tmp_path: Path) -> None:
    """A record keeps one element per pointer with the number of names behind it: the
    counts on the page are still those of the text, a name pointing to two entries
    counting for each."""
    source = VARGA.read_text().replace(
        '<persName ref="#ferenc-tomas">Minister Ferenc</persName>',
        '<persName ref="#ferenc-tomas #brask-olin">Minister Ferenc</persName> and '
        '<persName ref="#ferenc-tomas #brask-olin">the two</persName>')
    changed = tmp_path / "in" / "changed.xml"
    changed.parent.mkdir()
    changed.write_text(source)
    assert render_paths([changed, BRASK], tmp_path / "out").ok
    persons = page(tmp_path / "out" / "html", "persons.html")
    for tei in (changed, BRASK):
        text = read_tei(tei).root.find("{http://www.tei-c.org/ns/1.0}text")
        refs = [r.split() for r in text.xpath(".//*[local-name() = 'persName']/@ref")]
        for ref in {r for rs in refs for r in rs}:
            entry = persons.get_element_by_id(ref[1:])
            link = f"{tei.stem}.html"
            (item,) = entry.xpath(f".//ul[@class='mentions']/li[a/@href = '{link}']")
            count = sum(ref in rs for rs in refs)
            assert item.xpath("string(span[@class='count'])") == (
                f"{count} mention" + ("s" if count != 1 else ""))
    brask = persons.get_element_by_id("brask-olin")
    item = brask.xpath(".//ul[@class='mentions']/li[a/@href = 'changed.html']")[0]
    assert item.xpath("string(span[@class='count'])") == "3 mentions"


def test_a_name_is_a_link_once_per_paragraph(site: Path) -> None:
    doc = page(site, "1957-11_brask.html")
    paragraph = doc.xpath("//div[@class='telegram']//p[not(@class)]")[0]
    assert paragraph.xpath(".//a[@class='place']/@href") == ["places.html#grey-point"]
    assert paragraph.xpath(".//span[@class='place repeat']/text()") == ["Grey Pt."]
    assert paragraph.xpath(".//a[@class='org']/@href") == ["organisations.html#harbour-office"]
    # A name in another paragraph (here the closer) is a link again.
    assert doc.xpath("//div[@class='closer']//a[@class='person']/@href") == [
        "persons.html#brask-olin"]


def test_every_mention_is_a_link_when_the_settings_say_so(tmp_path: Path) -> None:
    renderer = Renderer(settings=EditionSettings(link_mentions="all"))
    assert renderer.render_site([BRASK], tmp_path).ok
    doc = lxml_html.fromstring((tmp_path / "html" / "1957-11_brask.html").read_bytes())
    assert doc.xpath("//a[@class='place']/@href") == ["places.html#grey-point"] * 2
    assert not doc.xpath("//*[contains(@class, 'repeat')]")


def test_cite_block_meta_tags_and_downloads(site: Path) -> None:
    doc = page(site, "1958-05-14_varga.html")
    meta = dict(zip(doc.xpath("//head/meta[@content]/@name"),
                    doc.xpath("//head/meta[@content]/@content"), strict=True))
    assert meta["citation_title"] == meta["DC.title"] == doc.xpath("string(//h1)")
    assert meta["citation_date"] == "1958/05/14" and meta["DC.date"] == "1958-05-14"
    assert meta["citation_public_url"] == "https://archive.example.org/document/900001"
    chicago = doc.xpath("string(//p[@id='cite-chicago'])")
    assert chicago == ("“Telegram from Envoy to the Northern Isles A. B. Varga to the Ministry "
                       "of Coastal Affairs.” May 14, 1958. HSA. Translated by P. Quill. "
                       "Harbour Street Archive. https://archive.example.org/document/900001.")
    bibtex = doc.xpath("string(//pre[@id='cite-bibtex'])")
    assert bibtex.startswith("@misc{1958-05-14_varga,\n")
    assert "  year = 1958,\n  month = may,\n" in bibtex
    csl = json.loads((site / "cite" / "1958-05-14_varga.json").read_text())
    assert csl[0]["issued"] == {"date-parts": [[1958, 5, 14]]}
    assert csl[0]["URL"] == "https://archive.example.org/document/900001"
    tei = (site / "tei" / "1958-05-14_varga.xml").read_text()
    assert tei.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI ')
    assert read_tei(site / "tei" / "1958-05-14_varga.xml").root.get("{http://www.w3.org/XML/1998/namespace}id") == "wcda-900001"
    assert (site / "text" / "1958-05-14_varga.txt").read_text().startswith("Telegram from")


def test_bibtex_escapes_its_special_characters() -> None:
    root = read_tei(VARGA).root
    title = root.find(".//{http://www.tei-c.org/ns/1.0}titleStmt/{http://www.tei-c.org/ns/1.0}title")
    title.text = "Cable 50% {draft} & notes_1"
    entry = Citation.from_tei(root, "a b").bibtex()
    assert "title = {{Cable 50\\% \\{draft\\} \\& notes\\_1}}" in entry
    assert entry.startswith("@misc{a-b,")


def test_index_cards_carry_their_filter_values(site: Path) -> None:
    doc = page(site, "index.html")
    cards = doc.xpath("//ol[@id='document-list']/li")
    brask = cards[0]
    assert brask.get("data-year") == "1957" and brask.get("data-month") == "1957-11"
    assert brask.get("data-place") == "grey-point"
    assert set(brask.get("data-person").split()) == {"cortazar-ines", "brask-olin"}
    # No correspondence description: the sender is the register person the title names,
    # else the title's own words.
    assert cards[1].get("data-from") == "varga-ada"
    assert cards[1].get("data-to") == "n-the-ministry-of-coastal-affairs"
    options = doc.xpath("//select[@id='facet-year']/option/text()")
    assert options == ["All (3)", "1957 (1)", "1958 (2)"]
    assert doc.xpath("//form[@id='facets']/@hidden") == [""]


def test_correspondence_description_gives_sender_and_recipient(tmp_path: Path) -> None:
    source = VARGA.read_text().replace("      <creation>", """      <correspDesc>
        <correspAction type="sent"><persName ref="#ferenc-tomas">T. Ferenc</persName></correspAction>
        <correspAction type="received"><orgName>The Lantern Society</orgName></correspAction>
      </correspDesc>
      <creation>""")
    changed = tmp_path / "in" / "changed.xml"
    changed.parent.mkdir()
    changed.write_text(source)
    assert render_paths([changed], tmp_path / "out").ok
    doc = lxml_html.fromstring((tmp_path / "out" / "html" / "index.html").read_bytes())
    (card,) = doc.xpath("//ol[@id='document-list']/li")
    assert card.get("data-from") == "ferenc-tomas"
    assert card.get("data-to") == "n-the-lantern-society"


def test_site_settings_title_subtitle_about(tmp_path: Path) -> None:
    settings = EditionSettings(site_title="Harbour Letters", site_subtitle="Cables, 1957-1958",
                               about="First paragraph.\n\nSecond paragraph.")
    assert Renderer(settings=settings).render_site(sorted(DATA.glob("*.xml")), tmp_path).ok
    html = tmp_path / "html"
    index = lxml_html.fromstring((html / "index.html").read_bytes())
    assert index.xpath("string(//p[@class='site-name'])") == "Harbour Letters"
    assert index.xpath("string(//p[@class='subtitle'])") == "Cables, 1957-1958"
    about = lxml_html.fromstring((html / "about.html").read_bytes())
    assert about.xpath("//p[@class='about-text']/text()") == ["First paragraph.",
                                                             "Second paragraph."]
    text = about.xpath("string(//main)")
    assert "tei-edition 0.1.0" in text and "tei-edition.xsd" in text
    assert "4 persons" in " ".join(text.split()) and "1 places" in " ".join(text.split())
    assert "Square brackets of the source are kept as text." in text


def test_settings_file_keys_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "edition.toml"
    good.write_text('site_title = "Harbour Letters"\nlink_mentions = "all"\n')
    settings = EditionSettings.load(good)
    assert (settings.site_title, settings.link_mentions) == ("Harbour Letters", "all")
    assert EditionSettings().link_mentions == "first-in-paragraph"
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('site_titel = "x"\n')
    with pytest.raises(InputError, match="unknown setting\\(s\\): site_titel"):
        EditionSettings.load(unknown)
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('link_mentions = "some"\n')
    with pytest.raises(InputError, match="link_mentions = 'some' is not a choice"):
        EditionSettings.load(wrong)


def test_build_reads_the_site_settings_of_the_corpus(tmp_path: Path) -> None:
    from tei.build import build
    from tests.conftest import CORPUS

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in CORPUS.glob("*"):
        (corpus / source.name).write_bytes(source.read_bytes())
    # Top-level keys go before the file's first table ([deposit]).
    settings = corpus / "edition.toml"
    settings.write_text('site_title = "Crisis Cables"\n' + settings.read_text(encoding="utf-8"),
                        encoding="utf-8")
    result = build(corpus, tmp_path / "out")
    assert result.rendered == 2, result.errors
    index = (tmp_path / "out" / "html" / "index.html").read_text()
    assert "<title>Crisis Cables: documents</title>" in index


def test_render_command_takes_the_settings_file(tmp_path: Path) -> None:
    from tests.test_render import run_command

    toml = tmp_path / "site.toml"
    toml.write_text('site_title = "Harbour Letters"\n')
    assert run_command(str(BRASK), "-o", str(tmp_path / "out"), "--settings", str(toml)) == 0
    assert "<title>Harbour Letters: places</title>" in (
        tmp_path / "out" / "html" / "places.html").read_text()
    toml.write_text('colour = "red"\n')
    assert run_command(str(BRASK), "-o", str(tmp_path / "bad"), "--settings", str(toml)) == 2
