"""The namespaces the edition writes and reads, and the qualified names built from them.

One home, so that no module spells a namespace URI of its own."""

from __future__ import annotations

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# Clark-notation prefix of TEI element names: f"{TEI}persName".
TEI = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def T(name: str) -> str:  # noqa: N802  (short on purpose: it stands in every element made)
    """Clark name of a TEI element."""
    return f"{TEI}{name}"

# The edition listing that the site's stylesheets read (tei/site_listing.py).
SITE_NS = "urn:tei-edition:site"
