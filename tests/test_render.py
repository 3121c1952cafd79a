"""Rendering TEI to the reading site: files written, page content, order, failures, safety."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tei import cli
from tei.render import Renderer, default_renderer, read_tei, render_paths

DATA = Path(__file__).resolve().parent / "data" / "render"
FULL = DATA / "1958-05-14_varga.xml"
STEMS = ["1957-11_brask", "1958-05-14_varga", "1958-06-03_varga-moll"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    report = render_paths([DATA], out)
    assert report.ok, report.errors
    return out


def page(site: Path, name: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / "html" / name).read_bytes())


def test_render_paths_writes_pages_text_site_and_stylesheet(site: Path) -> None:
    html = sorted(p.relative_to(site / "html").as_posix()
                  for p in (site / "html").rglob("*") if p.is_file())
    text = sorted(p.name for p in (site / "text").iterdir())
    assert html == sorted(
        [f"{s}.html" for s in STEMS] + [f"tei/{s}.xml" for s in STEMS]
        + [f"text/{s}.txt" for s in STEMS] + [f"cite/{s}.json" for s in STEMS]
        + [f"search/{s}.js" for s in STEMS]
        + ["index.html", "persons.html", "places.html", "organisations.html", "search.html",
           "about.html", "search-index.js", "edition.css", "search.js", "facets.js", "cite.js",
           "vendor/minisearch.js", "vendor/minisearch-LICENSE.txt"])
    assert text == [f"{s}.txt" for s in STEMS]


def test_report_counts_documents_and_files(tmp_path: Path) -> None:
    report = render_paths([DATA], tmp_path)
    assert (report.documents, report.rendered, report.errors) == (3, 3, [])
    # Per document: page, text, the three downloads and the snippet texts; then six site
    # pages, the search index and six assets.
    assert len(report.written) == 3 * 6 + 6 + 1 + 6
    assert len(set(report.written)) == len(report.written)
    assert report.summary() == "3 document(s): 3 rendered, 0 error(s)"


def test_same_input_gives_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    render_paths([DATA], first)
    render_paths([DATA], second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_one_renderer_per_process_reused() -> None:
    assert default_renderer() is default_renderer()


def test_page_header_facts(site: Path) -> None:
    doc = page(site, "1958-05-14_varga.html")
    assert doc.get("lang") == "en"
    title = ("Telegram from Envoy to the Northern Isles A. B. Varga "
             "to the Ministry of Coastal Affairs")
    assert doc.findtext(".//title") == title
    assert doc.xpath("string(//h1)") == title
    assert doc.xpath("string(//dd[@class='sender'])") == "Envoy to the Northern Isles A. B. Varga"
    assert doc.xpath("string(//dd[@class='recipient'])") == "the Ministry of Coastal Affairs"
    assert doc.xpath("//dl[@class='facts']//time/@datetime") == ["1958-05-14"]
    assert doc.xpath("//p[@class='citation']//a/@href") == [
        "https://archive.example.org/document/900001"]
    assert "winter ferries" in doc.xpath("string(//section[@class='summary'])")


def test_title_without_recipient_has_sender_only(site: Path) -> None:
    doc = page(site, "1957-11_brask.html")
    assert doc.xpath("string(//dd[@class='sender'])") == \
        "the Harbour Office of the Eastern Port (Brask)"
    assert not doc.xpath("//dd[@class='recipient']")
    # A month-only date is still a machine-readable time.
    assert doc.xpath("//dl[@class='facts']//time/@datetime") == ["1957-11"]


def test_trailing_date_is_not_part_of_the_recipient(site: Path) -> None:
    doc = page(site, "1958-06-03_varga-moll.html")
    assert doc.xpath("string(//dd[@class='recipient'])") == "the Ministry of Coastal Affairs"


def test_body_layout_persons_and_dates(site: Path) -> None:
    doc = page(site, "1958-05-14_varga.html")
    telegram = doc.xpath("//div[@class='telegram']")[0]
    assert [p.text_content() for p in telegram.xpath(".//div[@class='opener']/p")] == [
        "13 May 1958", "CONFIDENTIAL", "Copy No. 3"]
    assert [p.text_content() for p in telegram.xpath(".//div[@class='closer']/p")] == [
        "14.V.58", "A. VARGA"]
    assert telegram.xpath(".//a[@class='person']/@href") == [
        "persons.html#brask-olin", "persons.html#ferenc-tomas", "persons.html#ferenc-tomas",
        "persons.html#varga-ada"]
    assert telegram.xpath(".//time/@datetime") == [
        "1958-05-13", "1958-06", "1958-01-10", "1958-05-20", "1958-05-14"]
    ranged = telegram.xpath(".//time[@datetime='1958-01-10']")[0]
    assert ranged.get("title") == "1958-01-10 to 1958-04-02"
    labels = telegram.xpath(".//span[@class='label']/text()")
    assert labels == ["1.", "2."]


def test_footnotes_open_in_place_and_link_both_ways(site: Path) -> None:
    doc = page(site, "1958-05-14_varga.html")
    markers = doc.xpath("//button[@class='fn-ref']")
    assert [m.text for m in markers] == ["1", "2"]
    for marker in markers:
        popover = doc.get_element_by_id(marker.get("popovertarget"))
        assert popover.get("popover") is not None
        note_id = popover.xpath(".//a[@class='fn-more']/@href")[0][1:]
        item = doc.get_element_by_id(note_id)
        assert item.xpath(".//a[@class='backref']/@href") == ["#" + marker.get("id")]
    notes = doc.xpath("//ol[@class='notes-list']/li")
    assert [li.xpath("string(span[@class='fn-n'])") for li in notes] == ["1.", "2.", "3."]
    # The note after the closer has no marker, so no back-link either.
    assert not notes[2].xpath(".//a[@class='backref']")
    assert "No marker" in notes[2].text_content()
    assert "ice between January and April" in markers[0].getnext().text_content()


def test_editorial_insertions_are_marked_with_the_responsible_editor(site: Path) -> None:
    doc = page(site, "1958-05-14_varga.html")
    marks = doc.xpath("//span[contains(@class, 'ed ')]")
    assert [(m.get("class"), m.text_content()) for m in marks] == [
        ("ed ed-supplied", "the deputy harbour master"),
        ("ed ed-note", "parishes--ed."),
        ("ed ed-gap", "illegible")]
    for mark in marks:
        assert mark.get("tabindex") == "0"
        assert mark.get("title").endswith("(Harbour Street Archive)")
        # The source's brackets stay around the marked words.
        before = mark.getprevious()
        assert (before.tail if before is not None else mark.getparent().text).endswith("[")
        assert mark.tail.startswith("]")
    text = doc.xpath("string(//div[@class='telegram'])")
    assert "even [the deputy harbour master] Lund" in text


def test_page_break_is_a_discreet_mark(site: Path) -> None:
    doc = page(site, "1958-05-14_varga.html")
    (mark,) = doc.xpath("//span[@class='pb']")
    assert mark.get("aria-label") == "page break in the source"
    assert mark.text_content() == ""
    assert mark.tail.startswith("autumn")


def test_previous_and_next_follow_the_dates(site: Path) -> None:
    def neighbours(stem: str) -> tuple[list[str], list[str]]:
        doc = page(site, f"{stem}.html")
        return doc.xpath("//a[@rel='prev']/@href"), doc.xpath("//a[@rel='next']/@href")

    assert neighbours("1957-11_brask") == ([], ["1958-05-14_varga.html"])
    assert neighbours("1958-05-14_varga") == (["1957-11_brask.html"],
                                              ["1958-06-03_varga-moll.html"])
    assert neighbours("1958-06-03_varga-moll") == (["1958-05-14_varga.html"], [])


def test_index_lists_documents_oldest_first_with_date_sender_summary(site: Path) -> None:
    doc = page(site, "index.html")
    cards = doc.xpath("//ol[@class='document-list']/li/article")
    assert [c.xpath("string(.//h2/a/@href)") for c in cards] == [f"{s}.html" for s in STEMS]
    assert [c.xpath("string(.//time/@datetime)") for c in cards] == [
        "1957-11", "1958-05-14", "1958-06-03"]
    assert cards[1].xpath("string(.//span[@class='sender'])") == \
        "From Envoy to the Northern Isles A. B. Varga"
    assert "lighthouse keepers' pay" in cards[1].xpath("string(.//p[@class='summary'])")


def test_register_names_roles_authorities_and_mentions(site: Path) -> None:
    doc = page(site, "persons.html")
    entries = doc.xpath("//ul[@class='register']/li")
    # Sorted by surname; each person once although several documents list them.
    assert [e.get("id") for e in entries] == [
        "brask-olin", "cortazar-ines", "ferenc-tomas", "varga-ada"]
    assert doc.xpath("//nav[@class='name-index']//a/@href") == [
        "#brask-olin", "#cortazar-ines", "#ferenc-tomas", "#varga-ada"]
    varga = doc.get_element_by_id("varga-ada")
    assert varga.xpath("string(h2)") == "Ada Varga"
    assert "A. B. Varga" in varga.xpath("string(p[@class='variants'])")
    assert varga.xpath("string(p[@class='role'])") == "Envoy to the Northern Isles, 1955-1961."
    assert varga.xpath(".//p[@class='authority']/a/@href") == [
        "https://www.wikidata.org/wiki/Q4115189"]
    assert varga.xpath(".//ul[@class='mentions']//a/@href") == [
        "1958-05-14_varga.html", "1958-06-03_varga-moll.html"]
    brask = doc.get_element_by_id("brask-olin")
    assert not brask.xpath(".//p[@class='authority']")
    assert brask.xpath(".//ul[@class='mentions']//a/@href") == [
        f"{s}.html" for s in STEMS]


def test_pages_use_no_external_resources(site: Path) -> None:
    for path in (site / "html").glob("*.html"):
        doc = lxml_html.fromstring(path.read_bytes())
        loaded = doc.xpath("//link/@href | //script/@src | //img/@src | //iframe/@src")
        assert loaded[0] == "edition.css", path.name
        # Scripts are the site's own files, beside the page.
        for name in loaded:
            assert "//" not in name and ":" not in name, (path.name, name)
            assert (site / "html" / name).is_file(), (path.name, name)
    css = (site / "html" / "edition.css").read_text()
    assert "url(" not in css and "@import" not in css
    assert "@media print" in css and "@media (max-width" in css


def test_a_bad_document_does_not_stop_the_others(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(DATA, inputs)
    (inputs / "0000_broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>")
    (inputs / "0001_not-tei.xml").write_text("<html/>")
    report = render_paths([inputs], tmp_path / "out")
    assert not report.ok
    assert (report.documents, report.rendered) == (5, 3)
    assert len(report.errors) == 2
    assert "0000_broken.xml" in report.errors[0] and "not well-formed" in report.errors[0]
    assert "0001_not-tei.xml" in report.errors[1] and "not a TEI document" in report.errors[1]
    index = (tmp_path / "out" / "html" / "index.html").read_text()
    assert "0000_broken" not in index and "1958-05-14_varga.html" in index


class FailingRenderer(Renderer):
    """A renderer whose stylesheet fails on one named document."""

    def __init__(self, failing_stem: str) -> None:
        super().__init__()
        self.failing_stem = failing_stem

    def render_output(self, output, document, edition=None,  # type: ignore[no-untyped-def]
                      parameters=None, source=None):
        if output.name == "html" and document.stem == self.failing_stem:
            raise RuntimeError("XTTE0570: simulated dynamic error")
        return super().render_output(output, document, edition, parameters, source)


def test_a_document_that_fails_in_the_stylesheet_is_left_out_of_the_site(
        tmp_path: Path) -> None:
    paths = sorted(DATA.glob("*.xml"))
    report = FailingRenderer("1958-05-14_varga").render_site(paths, tmp_path)
    assert (report.documents, report.rendered) == (3, 2)
    assert report.errors == [f"{FULL}: XTTE0570: simulated dynamic error"]
    html = tmp_path / "html"
    assert not (html / "1958-05-14_varga.html").exists()
    assert not (tmp_path / "text" / "1958-05-14_varga.txt").exists()
    # The survivors link to each other, never to the missing page.
    first = lxml_html.fromstring((html / "1957-11_brask.html").read_bytes())
    assert first.xpath("//a[@rel='next']/@href") == ["1958-06-03_varga-moll.html"]
    assert "1958-05-14_varga.html" not in (html / "index.html").read_text()
    assert "1958-05-14_varga.html" not in (html / "persons.html").read_text()


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    report = render_paths([tmp_path / "absent"], tmp_path / "out")
    assert not report.ok and "no such file or folder" in report.errors[0]


def test_entity_references_are_refused_and_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CONFIDENTIAL-CANARY")
    source = FULL.read_text()
    body = source.split("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 1)[1]
    evil = tmp_path / "in" / "evil.xml"
    evil.parent.mkdir()
    evil.write_text(f'<!DOCTYPE TEI [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>\n'
                    + body.replace("Your request has been passed on.", "&leak;"))
    report = render_paths([evil], tmp_path / "out")
    assert report.rendered == 0 and "entity reference" in report.errors[0]
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file():
            assert "CONFIDENTIAL-CANARY" not in path.read_text(errors="replace")


def test_external_dtd_is_not_fetched_and_internal_subset_is_dropped(tmp_path: Path) -> None:
    source = FULL.read_text().split("\n", 1)[1]
    doc = tmp_path / "with-doctype.xml"
    # Neither the remote DTD nor a local one is read; a fetch would fail or hang here.
    doc.write_text('<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd" '
                   '[<!ATTLIST p rend CDATA "injected">]>\n' + source)
    report = render_paths([doc], tmp_path / "out")
    assert report.ok, report.errors
    html = (tmp_path / "out" / "html" / "with-doctype.html").read_text()
    assert "injected" not in html
    assert read_tei(doc).xml.startswith("<TEI ")


def test_render_document_alone_has_no_neighbour_links(tmp_path: Path) -> None:
    written = Renderer().render_document(FULL, tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "html/1958-05-14_varga.html", "text/1958-05-14_varga.txt"]
    doc = lxml_html.fromstring(written[0].read_bytes())
    assert not doc.xpath("//nav[@class='pager']")


def run_command(*argv: str) -> int:
    return cli.main(["render", *argv])


def test_command_exit_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_command(str(DATA), "-o", str(tmp_path / "ok")) == 0
    assert "3 document(s): 3 rendered, 0 error(s)" in capsys.readouterr().out

    bad = tmp_path / "bad"
    bad.mkdir()
    shutil.copy(FULL, bad)
    (bad / "broken.xml").write_text("<TEI")
    assert run_command(str(bad), "-o", str(tmp_path / "partly")) == 1
    captured = capsys.readouterr()
    assert "broken.xml" in captured.err and "1 rendered" in captured.out
    assert (tmp_path / "partly" / "html" / "1958-05-14_varga.html").is_file()

    assert run_command(str(tmp_path / "absent"), "-o", str(tmp_path / "x")) == 2
    assert run_command(str(DATA)) == 2  # -o is required
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_command(str(empty), "-o", str(tmp_path / "y")) == 2


@pytest.mark.parametrize(("sender", "recipient"), [
    ("SOVIET AMBASSADOR A. VARGA", "THE MINISTRY"),
    ("the Harbour Office in Eastport (Brask)", None),
    (None, None),
])
def test_sender_and_recipient_from_the_correspondence_description(
        sender: str | None, recipient: str | None) -> None:
    """From and To show the title's words the correspondence description keeps; the title
    itself is not read again (a title naming other parties changes nothing)."""
    document = read_tei(FULL)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    document.root.find(".//t:titleStmt/t:title", ns).text = "Telegram from A to B"
    for action, words in (("sent", sender), ("received", recipient)):
        note = document.root.find(f".//t:correspAction[@type='{action}']/t:note", ns)
        if words:
            note.text = words
        else:
            note.getparent().remove(note)
    doc = lxml_html.fromstring(default_renderer().html(document).encode())
    assert doc.xpath("//dd[@class='sender']/text()") == ([sender] if sender else [])
    assert doc.xpath("//dd[@class='recipient']/text()") == ([recipient] if recipient else [])


def test_stylesheets_are_compiled_once_for_many_documents(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import saxonche

    compiled: list[str] = []
    real_processor = saxonche.PySaxonProcessor

    class CountingCompiler:
        def __init__(self, compiler: object) -> None:
            self.compiler = compiler

        def compile_stylesheet(self, **options: str) -> object:
            compiled.append(Path(options["stylesheet_file"]).name)
            return self.compiler.compile_stylesheet(**options)

    class CountingProcessor:
        def __init__(self, **options: object) -> None:
            self.processor = real_processor(**options)

        def __getattr__(self, name: str) -> object:
            return getattr(self.processor, name)

        def new_xslt30_processor(self) -> CountingCompiler:
            return CountingCompiler(self.processor.new_xslt30_processor())

    monkeypatch.setattr(saxonche, "PySaxonProcessor", CountingProcessor)
    renderer = Renderer()
    paths = sorted(DATA.glob("*.xml"))
    assert renderer.render_site(paths, tmp_path / "one").ok
    assert renderer.render_site(paths, tmp_path / "two").ok
    assert sorted(compiled) == ["site-about.xsl", "site-index.xsl", "site-order.xsl",
                                "site-register.xsl", "site-search.xsl", "site-summary.xsl",
                                "tei-to-html.xsl", "tei-to-text.xsl"]


def test_dates_with_a_time_of_day_are_machine_readable(site: Path) -> None:
    doc = page(site, "1958-06-03_varga-moll.html")
    assert doc.xpath("//div[@class='telegram']//time/@datetime") == [
        "1958-06-02T09:30:00", "1958-06-03"]


def test_links_lists_and_paragraphs_inside_notes_stay_valid_html(tmp_path: Path) -> None:
    source = FULL.read_text()
    source = source.replace(
        "A second copy of the letter is lost.",
        "<p>A second copy is lost.</p><p>See <ref target='https://example.org/copy'>the"
        " catalogue</ref> and <ref target='#elsewhere'>the first copy</ref>.</p>")
    source = source.replace(
        "<closer>",
        "<list><item>forty lamps</item><item>two boats</item></list><closer>")
    changed = tmp_path / "changed.xml"
    changed.write_text(source)
    html = default_renderer().html(read_tei(changed))
    doc = lxml_html.fromstring(html.encode())
    popover = doc.get_element_by_id("fn-pop-2")
    assert [p.tag for p in popover.iter("p", "span") if p.get("class") == "p"] == ["span", "span"]
    assert popover.xpath(".//a[not(@class)]/@href") == ["https://example.org/copy"]
    assert "the first copy" in popover.text_content()
    assert doc.xpath("//ul[@class='list']/li/text()") == ["forty lamps", "two boats"]
    assert not doc.xpath("//p//p | //p//ul | //p//div")


def test_file_names_with_spaces_and_hashes_give_working_links(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(FULL, inputs / "note #2 copy.xml")
    shutil.copy(DATA / "1957-11_brask.xml", inputs)
    report = render_paths([inputs], tmp_path / "out")
    assert report.ok, report.errors
    html = tmp_path / "out" / "html"
    assert (html / "note #2 copy.html").is_file()
    index = lxml_html.fromstring((html / "index.html").read_bytes())
    assert index.xpath("//h2/a/@href") == ["1957-11_brask.html", "note%20%232%20copy.html"]
    assert index.xpath("//article/h2/@id") == ["doc-1", "doc-2"]
    page_ = lxml_html.fromstring((html / "note #2 copy.html").read_bytes())
    downloads = page_.xpath("//ul[@class='downloads']//a/@href")
    assert downloads == ["tei/note%20%232%20copy.xml", "text/note%20%232%20copy.txt",
                         "cite/note%20%232%20copy.json"]
    assert (html / "tei" / "note #2 copy.xml").is_file()
    first = lxml_html.fromstring((html / "1957-11_brask.html").read_bytes())
    assert first.xpath("//a[@rel='next']/@href") == ["note%20%232%20copy.html"]
