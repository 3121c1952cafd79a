"""The one way the edition makes an XML parser: XML from outside is untrusted.

No DTD is loaded and none validates, no default attributes are added from one, nothing is
fetched over the network, and entities are not expanded (a register may ask for its own
internal entities, never external ones). Every module that parses XML takes its parser
from here, so the rule cannot drift between them."""

from __future__ import annotations

from lxml import etree


def safe_parser(*, huge_tree: bool = False, internal_entities: bool = False,
                remove_comments: bool = False) -> etree.XMLParser:
    """A parser for untrusted XML. ``huge_tree`` lifts libxml2's depth and size limits
    (callers that enforce limits of their own); ``internal_entities`` expands entities the
    document declares itself (external ones still never); ``remove_comments`` drops
    comments (a schema rewritten from its tree)."""
    return etree.XMLParser(
        resolve_entities="internal" if internal_entities else False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=huge_tree,
        remove_comments=remove_comments,
    )
