"""Every rule name a report can carry, with what it means (for SARIF and the docs)."""

from __future__ import annotations

from tei.findings import CONVERSION_RULES
from tei.validate.checks import DESCRIPTIONS

GRAMMAR_RULES = {
    "xml-syntax": "the file is not well-formed XML",
    "xml-entity": "the document declares entities; they are never expanded, so it is refused",
    "xml-too-large": "the file is over the size limit (--max-size)",
    "xml-too-deep": "elements are nested deeper than the limit (--max-depth; by default the "
                    "98 levels the reading edition renders)",
    "xml-too-many-attributes": "an element has more attributes than the reading edition "
                               "renders (200)",
    "io": "the file cannot be read",
    "internal-error": "the validator itself failed on the file (a defect to report); the "
                      "other files are still checked",
    "xsd-content": "an element is not allowed where it stands, or one is missing",
    "xsd-attribute": "an attribute is not allowed, or a required one is missing",
    "xsd-value": "an attribute value does not fit its type",
    "xsd-assert": "an assertion of a user's XSD 1.1 schema fails",
    "xsd": "another XSD validation error",
    "iso-date": "@when, @from or @to is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, "
                "YYYY-MM-DDThh:mm:ss)",
    "rng": "a RELAX NG validation error",
    "header-title": "the header has no title",
    "header-publication": "the header has no publicationStmt",
    "header-source": "the header has no sourceDesc",
    "header-creation": "the header has no document date (profileDesc/creation/date)",
    "header-creation-when": "the document date has no @when and the document is not undated",
    "header-language": "the header names no language (langUsage/language)",
    "header-revision": "the header records no change (revisionDesc/change)",
    "ref-resolves": "@ref, @who, @resp, @sameAs or @target starting with # points to no xml:id in "
                    "the file",
    "date-range-order": "a date range starts after it ends (@from later than @to)",
    "date-when-range": "a date has both @when and @from/@to",
    "date-bounds-order": "a date's bounds are reversed (@notBefore later than @notAfter)",
    "date-bounds-exact": "a date has both bounds (@notBefore/@notAfter) and an exact value",
    "note-kind": "a note in the text is neither a footnote (place=\"foot\") nor an editorial "
                 "note (type=\"editorial\"), or is both",
    "corresp-actions": "correspDesc holds more than one correspAction of one type (sent, "
                       "received)",
    "authority-idno": "an idno of a register entry typed wikidata, viaf, gnd or geonames does "
                      "not hold that authority's id or its URI",
    "duplicate-id": "an xml:id is used twice in one file (an error of the XML), or by two files "
                    "of one run",
}

RULES = {**GRAMMAR_RULES, **DESCRIPTIONS}
# Checks that --ignore can switch off.
SWITCHABLE = tuple(DESCRIPTIONS)


def describe(rule: str) -> str:
    """What a rule of validation, or of conversion (a build reports both), means."""
    return RULES.get(rule) or CONVERSION_RULES.get(rule, rule)
