"""Property tests of the whole conversion: any text the parser accepts converts without
losing a character (the product's own lossless check) into well-formed, valid TEI."""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, event, example, given, settings
from lxml import etree

from tei.convert import convert_document, make_finders
from tei.errors import InputError
from tei.parse import parse_text
from tei.settings import EditionSettings
from tests.conftest import CORPUS
from tests.test_parse_properties import telegram_like


@functools.cache
def finder():
    return make_finders([CORPUS / "persons.xml", CORPUS / "places.xml"])


@functools.cache
def project_schema():
    import xmlschema

    from tei.resources import project_schema as path
    from tei.validate import validate_paths  # noqa: F401  (the schema loads on first use)

    return xmlschema.XMLSchema11(str(path()))


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(telegram_like)
# Found by the random profile: a word hyphenated at a line end gives lb[@break='no'].
@example(CORPUS.joinpath("1962-11-12_dobrynin.txt").read_text(encoding="utf-8").replace(
    "he thought that there", "he thought that at the begin-\nning there", 1))
def test_accepted_text_converts_losslessly_to_valid_tei(text):
    try:
        doc = parse_text(text, "prop.txt")
    except InputError:
        event("refused by the parser")
        return
    event("converted")
    # LosslessError or any other exception fails the test.
    data, _ = convert_document(doc, text, finder(), EditionSettings(), "2024-01-01")
    root = etree.fromstring(data)
    errors = [str(e.reason) for e in project_schema().iter_errors(root)]
    assert errors == [], f"{errors[:3]}\n{data.decode()[:3000]}"
