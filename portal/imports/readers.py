"""Reading spreadsheets as streams of rows: CSV (any encoding a French spreadsheet writes,
``;`` or ``,``) and XLSX.

Libraries, not hand-written parsing: ``csv`` (and its ``Sniffer`` for the separator),
charset-normalizer for the encoding, openpyxl in read-only mode for XLSX (rows are read one
at a time, so a 50,000-row file never sits in memory). Two things openpyxl's read-only mode
does not give are read here: a formula with no computed value (the cell's cached value is
used, as ``data_only=True`` reads it; a file written by a program that computes nothing has
none) and merged cells (only the top-left cell holds the value), read from the sheet's XML.

A file that cannot be read is an ``ImportFileError`` with a message in the active language.
Each ``Sheet`` can be read again from the start (``rows()``): the engine validates every row
before it writes any.
"""

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

import charset_normalizer
import openpyxl
from django.utils.translation import gettext
from openpyxl.utils.cell import range_boundaries

SAMPLE_BYTES = 64 * 1024
ENCODINGS = ("utf_8", "cp1252", "latin_1")
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls (Excel 97-2003) and other OLE files
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class ImportFileError(Exception):
    """The whole file is unreadable; ``str()`` is the message."""


@dataclass
class Row:
    line: int  # as the spreadsheet numbers it (the header is line 1)
    cells: list
    problems: list = field(default_factory=list)  # (column position, message)


@dataclass
class Sheet:
    name: str
    header: list
    source: object  # callable returning an iterator of Row, from the first data row

    def rows(self):
        return self.source()


def open_sheets(data, filename=""):
    """The sheets of an uploaded file (bytes or a path's bytes), by content, not by name."""
    if data.startswith(XLSX_MAGIC):
        return xlsx_sheets(data)
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(
            gettext(
                "This is an old Excel file (.xls): save it as .xlsx or as CSV UTF-8, "
                "then import it again."
            )
        )
    return [csv_sheet(data, filename)]


# --- CSV ----------------------------------------------------------------------------------


def detect_encoding(data):
    """UTF-8 (with or without BOM) when the bytes are UTF-8, else what charset-normalizer
    finds among the encodings French spreadsheets write (Windows-1252, Latin-1)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf_8_sig"
    if b"\x00" in data[:SAMPLE_BYTES]:
        raise_unreadable()
    sample = data[:SAMPLE_BYTES]
    try:
        sample.decode("utf_8")
        return "utf_8"
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the sample's end is still UTF-8.
        if error.start >= len(sample) - 3 and len(data) > SAMPLE_BYTES:
            return "utf_8"
    best = charset_normalizer.from_bytes(sample, cp_isolation=list(ENCODINGS)).best()
    if best is None:
        raise_unreadable()
    return best.encoding


def raise_unreadable():
    raise ImportFileError(
        gettext(
            "The file is neither a spreadsheet (.xlsx) nor text in UTF-8 or Windows-1252: "
            "save it as CSV UTF-8 or XLSX, then import it again."
        )
    )


def sniff_delimiter(text):
    lines = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(lines, delimiters=";,\t").delimiter
    except csv.Error:
        first = text.split("\n", 1)[0]
        return max(";,\t", key=first.count)


def csv_sheet(data, filename):
    encoding = detect_encoding(data)
    try:
        head = data[:SAMPLE_BYTES].decode(encoding, errors="ignore")
    except LookupError:
        raise_unreadable()
    if encoding == "utf_8_sig":
        head = head.removeprefix("\ufeff")
    delimiter = sniff_delimiter(head)

    def reader():
        stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
        return csv.reader(stream, delimiter=delimiter)

    def header():
        try:
            return next(reader(), [])
        except UnicodeDecodeError:
            raise_unreadable()
        except csv.Error as error:
            raise ImportFileError(gettext("Line 1: %(error)s") % {"error": error}) from None

    def rows():
        lines = reader()
        try:
            next(lines, None)
            for cells in lines:
                if any(cell.strip() for cell in cells):
                    yield Row(lines.line_num, cells)
        except UnicodeDecodeError:
            raise ImportFileError(
                gettext(
                    "After line %(line)s the file is not in the encoding its beginning "
                    "uses (%(encoding)s): save it again as CSV UTF-8."
                )
                % {"line": lines.line_num, "encoding": encoding}
            ) from None
        except csv.Error as error:
            raise ImportFileError(
                gettext("Line %(line)s: %(error)s") % {"line": lines.line_num, "error": error}
            ) from None

    return Sheet(filename or "CSV", header(), rows)


# --- XLSX ---------------------------------------------------------------------------------


def xlsx_sheets(data):
    try:
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged file  # noqa: BLE001
        raise ImportFileError(
            gettext("This XLSX file cannot be opened: it may be damaged or protected.")
        ) from None
    merged = merged_ranges(data, values)
    sheets = []
    for worksheet in values.worksheets:
        rows_of = _sheet_rows(data, worksheet.title, merged.get(worksheet.title, []))
        first = next(rows_of(header=True), None)
        if first is None or not any(cell not in (None, "") for cell in first.cells):
            continue
        header = list(first.cells)
        sheets.append(Sheet(worksheet.title, header, rows_of))
    values.close()
    if not sheets:
        raise ImportFileError(gettext("The workbook has no sheet with a header row."))
    return sheets


def _sheet_rows(data, title, merges):
    """A function iterating the rows of one sheet: cached values, plus formulas without a
    value and merged cells as problems."""

    def rows(header=False):
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            pairs = zip(
                values[title].iter_rows(values_only=True),
                formulas[title].iter_rows(values_only=True),
                strict=False,
            )
            for line, (cells, raw) in enumerate(pairs, start=1):
                if header != (line == 1):
                    if header:
                        return
                    continue
                cells = list(cells)
                if not any(cell not in (None, "") for cell in cells):
                    continue
                row = Row(line, cells)
                for position, (value, formula) in enumerate(zip(cells, raw, strict=False)):
                    if value is None and isinstance(formula, str) and formula.startswith("="):
                        row.problems.append(
                            (
                                position,
                                gettext(
                                    "a formula (%(formula)s) with no computed value: open the "
                                    "file in a spreadsheet and save it, or paste the values."
                                )
                                % {"formula": formula[:60]},
                            )
                        )
                for first_line, last_line, first_col, last_col in merges:
                    if first_line <= line <= last_line and line > 1:
                        for position in range(first_col - 1, last_col):
                            row.problems.append(
                                (
                                    position,
                                    gettext(
                                        "merged cells (lines %(first)s to %(last)s): unmerge "
                                        "them and fill every cell."
                                    )
                                    % {"first": first_line, "last": last_line},
                                )
                            )
                yield row
        finally:
            values.close()
            formulas.close()

    return rows


def merged_ranges(data, workbook):
    """{sheet title: [(first line, last line, first column, last column)]} from the XML:
    read-only worksheets do not load merged cells."""
    merged = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for worksheet in workbook.worksheets:
            path = getattr(worksheet, "_worksheet_path", None)
            if not path or path.lstrip("/") not in archive.namelist():
                continue
            ranges = []
            with archive.open(path.lstrip("/")) as xml:
                for _event, element in ElementTree.iterparse(xml):
                    if element.tag == f"{SHEET_NS}mergeCell":
                        ref = element.get("ref", "")
                        if re.fullmatch(r"[A-Z]+\d+:[A-Z]+\d+", ref):
                            min_col, min_row, max_col, max_row = range_boundaries(ref)
                            ranges.append((min_row, max_row, min_col, max_col))
                    elif element.tag == f"{SHEET_NS}row":
                        element.clear()  # keep memory flat on big sheets
            merged[worksheet.title] = ranges
    return merged
