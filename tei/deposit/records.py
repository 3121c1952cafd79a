"""Metadata records made from the TEI by the stylesheets in ``xslt/``, and their check
against the official schemas shipped in ``schemas/`` (loaded from disk, never fetched).

The records are the rows of the table of outputs (:mod:`tei.outputs`) used as records:
name, stylesheet, folder, file suffix, whether the stylesheet runs per document or once
for the edition (it then reads the edition listing that the site pages read), and the
schema the record must satisfy. ``package_records()`` gives them as the table holds them
(``RECORDS``: as it held them when this module was loaded).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei.outputs import Kind, Output, Use, outputs
from tei.render import SourceDocument, edition_listing
from tei.resources import schemas_dir, xslt_dir
from tei.safe_parser import safe_parser
from tei.saxon import start_saxon

Record = Output  # a row of the table used as a record


def package_records() -> tuple[Record, ...]:
    """The metadata records of every package (data/metadata/ of a bag, the files of an
    Invenio record), in table order."""
    return outputs(Use.RECORD)


RECORDS: tuple[Record, ...] = package_records()


@dataclass
class Written:
    record: Record
    path: Path  # relative to the metadata folder
    text: str


class RecordMaker:
    """The record stylesheets compiled once, applied to any number of documents;
    ``records``: default, the package records of the table."""

    def __init__(self, records: Sequence[Record] | None = None) -> None:
        self.records = tuple(package_records() if records is None else records)
        self._saxon = start_saxon()
        compiler = self._saxon.new_xslt30_processor()
        self._compiled = {
            r.name: compiler.compile_stylesheet(
                stylesheet_file=str(xslt_dir() / f"{r.stylesheet}.xsl"))
            for r in self.records
        }

    def transform(self, record: Record, xml: str, parameters: Mapping[str, str]) -> str:
        executable = self._compiled[record.name]
        executable.clear_parameters()
        for name, value in parameters.items():
            executable.set_parameter(name, self._saxon.make_string_value(value))
        result = executable.transform_to_string(xdm_node=self._saxon.parse_xml(xml_text=xml))
        if result is None:
            raise RuntimeError(f"{record.stylesheet}.xsl produced no output")
        return result

    def make(self, documents: Sequence[SourceDocument],
             parameters: Mapping[str, str]) -> list[Written]:
        """Every record of every document, and the edition records, in table order."""
        written: list[Written] = []
        listing = edition_listing(documents)
        for record in self.records:
            if record.kind is Kind.PER_DOCUMENT:
                for document in documents:
                    written.append(Written(record, Path(record.folder)
                                           / record.file_name(document.stem),
                                           self.transform(record, document.xml, parameters)))
            else:
                written.append(Written(record, Path(record.folder) / record.file_name(),
                                       self.transform(record, listing, parameters)))
        return written


@functools.cache
def default_maker() -> RecordMaker:
    return RecordMaker()


@functools.cache
def record_schema(relative: str):  # -> xmlschema.XMLSchema10
    import xmlschema

    # "local": imports come from the shipped files, never from the network.
    return xmlschema.XMLSchema10(str(schemas_dir() / relative), allow="local",
                                 defuse="always")


_PARSER = safe_parser()


def record_errors(record: Record, text: str) -> list[str]:
    """Why a record does not satisfy its schema; empty when it does (or has none)."""
    if record.schema is None:
        return []
    try:
        tree = etree.fromstring(text.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed: {exc.msg}"]
    schema = record_schema(record.schema)
    return [f"{e.path}: {e.reason}" for e in schema.iter_errors(
        tree, use_location_hints=False)]
