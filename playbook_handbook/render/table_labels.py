"""Column labels on table cells, for the phone layout that stacks each row as a card.

On a narrow screen handbook.css hides a table's header row and shows each cell
under its column's name, taken from ``data-label``. This adds that attribute to
every body cell of every table with a header row, whether the table came from
a playbook template or from Markdown.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_HEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.S)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_BODY = re.compile(r"(<tbody\b[^>]*>)(.*?)(</tbody>)", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_TD = re.compile(r"<td(?=[\s>])(?![^>]*\bdata-label=)")
_TAG = re.compile(r"<[^>]+>")


def _text(cell_html: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", cell_html)).split())


def _label_table(match: re.Match[str]) -> str:
    table = match.group(0)
    head = _HEAD.search(table)
    if not head:
        return table
    labels = [_text(th) for th in _TH.findall(head.group(1))]

    def label_row(row: re.Match[str]) -> str:
        cells = iter(labels)

        def label_cell(_td: re.Match[str]) -> str:
            name = next(cells, "")
            return f'<td data-label="{html.escape(name, quote=True)}"' if name else "<td"

        return row.group(1) + _TD.sub(label_cell, row.group(2)) + row.group(3)

    return _BODY.sub(lambda b: b.group(1) + _ROW.sub(label_row, b.group(2)) + b.group(3), table)


def label_cells(page_html: str) -> str:
    """``page_html`` with ``data-label="<column header>"`` on each body cell."""
    if "<table" not in page_html:
        return page_html
    return _TABLE.sub(_label_table, page_html)
