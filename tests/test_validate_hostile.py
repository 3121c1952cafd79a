"""Hostile XML: nothing outside the input is read, nothing is fetched, nothing explodes.

Each attack is validated through the API and printed in every report format; the secret a
document tries to pull in must appear in no output. Network access is caught twice: Python's
socket.connect is patched to fail the test, and the URLs point at a local server that counts
requests (libxml2 would fetch with its own C sockets, which the patch cannot see).
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tei.limits import MAX_ELEMENT_DEPTH
from tei.validate import FORMATS, Limits, SchemaError, schemas, validate_paths

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "example.tei.xml"
SECRET = "the-lighthouse-key-is-under-the-third-stone"


class CountingServer:
    def __init__(self) -> None:
        self.requests: list[str] = []
        requests = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                requests.append(self.path)
                body = SECRET.encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    running = CountingServer()
    yield running
    running.close()
    assert running.requests == [], "something was fetched over the network"


@pytest.fixture(autouse=True)
def no_network(monkeypatch, tmp_path):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))

    def refuse(self, address):
        pytest.fail(f"network access attempted: connect to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture
def secret_file(tmp_path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    path = outside / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def example_with(prolog: str = "", paragraph: str = "", root_attributes: str = "") -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('<?xml version="1.0" encoding="UTF-8"?>\n',
                        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}', 1)
    text = text.replace('xml:id="wcda-110442"', f'xml:id="wcda-110442"{root_attributes}', 1)
    return text.replace("<p>... but he thought", f"<p>{paragraph}... but he thought", 1)


def write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "input"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def every_output(path: Path, **options) -> tuple[list, str]:
    report = validate_paths([path], **options)
    return report, "".join(render(report) for render in FORMATS.values())


def rules_of(report) -> set[str]:
    return {issue.rule for issue in report.issues}


def test_external_entity_to_a_local_file_is_not_read(tmp_path, secret_file):
    doc = example_with(f'<!DOCTYPE TEI [<!ENTITY leak SYSTEM "{secret_file.as_uri()}">]>\n',
                       "&leak; ")
    report, output = every_output(write(tmp_path, "xxe.xml", doc))
    assert SECRET not in output
    assert not report.valid
    assert "xml-entity" in rules_of(report)
    assert "declares entities (leak)" in output


def test_parameter_entities_are_not_loaded(tmp_path, secret_file):
    dtd = secret_file.parent / "evil.dtd"
    dtd.write_text(f'<!ENTITY stolen "{SECRET}">', encoding="utf-8")
    doc = example_with(f'<!DOCTYPE TEI [<!ENTITY % remote SYSTEM "{dtd.as_uri()}"> %remote;]>\n',
                       "&stolen; ")
    report, output = every_output(write(tmp_path, "pe.xml", doc))
    assert SECRET not in output
    assert not report.valid


def test_billion_laughs_is_refused_quickly(tmp_path):
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)]
    doc = example_with("<!DOCTYPE TEI [" + "".join(levels) + "]>\n", "&lol9; ")
    started = time.monotonic()
    report, output = every_output(write(tmp_path, "laughs.xml", doc))
    assert time.monotonic() - started < 10
    assert not report.valid
    assert "xml-entity" in rules_of(report)
    assert "lollollol" not in output


def test_schema_location_urls_are_never_fetched(tmp_path, server):
    attributes = (' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
                  f' xsi:schemaLocation="http://www.tei-c.org/ns/1.0 {server.url}/tei.xsd"')
    prolog = (f'<?xml-model href="{server.url}/tei_all.rng" '
              'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n')
    report, output = every_output(write(tmp_path, "located.xml",
                                        example_with(prolog, root_attributes=attributes)))
    assert SECRET not in output
    assert report.valid  # the hints are ignored, the project's schema decides


def test_an_external_dtd_is_not_fetched(tmp_path, server):
    doc = example_with(f'<!DOCTYPE TEI SYSTEM "{server.url}/tei.dtd">\n')
    report, output = every_output(write(tmp_path, "dtd.xml", doc))
    assert SECRET not in output
    assert report.valid


def test_a_user_schema_importing_a_url_is_refused_without_fetching(tmp_path, server):
    schema = tmp_path / "remote-import.xsd"
    schema.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="urn:example:far" schemaLocation="{server.url}/far.xsd"/>'
        '<xs:element name="TEI"/></xs:schema>', encoding="utf-8")
    with pytest.raises(SchemaError) as refused:
        validate_paths([EXAMPLE], schema=schema)
    assert str(schema.resolve()) in str(refused.value)


def test_a_relax_ng_schema_including_a_url_is_refused_without_fetching(tmp_path, server):
    schema = tmp_path / "remote.rng"
    schema.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
        f'<include href="{server.url}/tei_all.rng"/></grammar>', encoding="utf-8")
    with pytest.raises(SchemaError, match="never fetched over the network"):
        validate_paths([EXAMPLE], schema=schema)


def test_xinclude_is_not_processed(tmp_path, secret_file):
    include = (f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
               f'href="{secret_file.as_uri()}" parse="text"/> ')
    report, output = every_output(write(tmp_path, "xinclude.xml", example_with("", include)))
    assert SECRET not in output
    assert not report.valid
    assert any("{http://www.w3.org/2001/XInclude}include> is not allowed here in <p>"
               in issue.message for issue in report.issues)


def nested(depth: int) -> str:
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "<p>" * depth + "deep"
            + "</p>" * depth + "</TEI>")


def test_a_very_deep_document_is_refused_with_a_clear_message(tmp_path):
    report, output = every_output(write(tmp_path, "deep.xml", nested(100_000)))
    issue = report.issues[0]
    assert (issue.rule, issue.severity) == ("xml-too-deep", "error")
    assert issue.message.startswith(f"elements are nested more than {MAX_ELEMENT_DEPTH} "
                                    "levels deep")


def test_the_depth_limit_is_configurable(tmp_path):
    path = write(tmp_path, "twenty.xml", nested(20))
    strict = validate_paths([path], limits=Limits(max_depth=10))
    assert [i.rule for i in strict.issues] == ["xml-too-deep"]
    assert "more than 10 levels" in strict.issues[0].message
    relaxed = validate_paths([write(tmp_path, "three-hundred.xml", nested(300))],
                             limits=Limits(max_depth=400))
    assert "xml-too-deep" not in rules_of(relaxed)


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path):
    path = write(tmp_path, "big.xml", example_with(paragraph="padding " * 2000))
    report = validate_paths([path], limits=Limits(max_bytes=4096))
    [issue] = report.issues
    assert issue.rule == "xml-too-large"
    assert "over the limit" in issue.message and "--max-size" in issue.message


@pytest.fixture
def schema_from_the_cache():
    """The project's schema as every run after the first has it: unpickled from the cache."""
    schemas._LOADED.clear()
    schemas.load_grammar()
    schemas._LOADED.clear()
    schemas.load_grammar()
    yield
    schemas._LOADED.clear()


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 12),
                                 st.text(alphabet="<>&;\"'/=!?[]-# \n\x00é¹", max_size=6)),
                       min_size=1, max_size=4))
# A space in the citation's URL makes @target a list of two pointers; the assertion over
# pointers then failed inside elementpath, whose error could not even word itself.
@example(damage=[(1645, 0, " ")])
def test_any_damage_gives_a_report_never_a_crash(tmp_path_factory, schema_from_the_cache,
                                                  damage):
    text = EXAMPLE.read_text(encoding="utf-8")
    for at, length, insert in damage:
        at %= len(text)
        text = text[:at] + insert + text[at + length:]
    path = tmp_path_factory.mktemp("damaged") / "damaged.xml"
    path.write_bytes(text.encode("utf-8", errors="replace"))
    report = validate_paths([path])
    for issue in report.issues:
        assert issue.line >= 1 and issue.col >= 1
        assert issue.severity in ("error", "warning") and issue.rule and issue.message
    for name, render in FORMATS.items():
        output = render(report)
        # A clean file may give no text or annotations; the other formats always speak.
        assert output or (name in ("text", "github") and not report.issues)
