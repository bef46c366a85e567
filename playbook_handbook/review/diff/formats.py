"""``handbook diff`` output: plain text, Markdown for a pull request, or JSON.

Every value shown comes from YAML, so it is data: text output keeps it on one
line without control characters; Markdown output escapes it so that it cannot
add HTML, links, images, headings or @mentions to a pull-request comment.

JSON (``--format json``) is a stable structure, ``"format": "handbook-diff/1"``::

    {"format", "base": {"rev", "commit", "how"}, "reader_visible": bool,
     "counts": {"added", "removed", "renamed", "changed", "deprecated", "reactivated"},
     "pages": [{"type": "playbook"|"path", "id", "title", "file",
                "change": "added"|"removed"|"renamed"|"changed",
                "former_id", "status": "deprecated"|"reactivated"|null, "replaced_by",
                "fields": [{"loc": [...], "label", "change": "changed"|"added"|"removed",
                            "before", "after", "words": [[op, text], ...]|null, "note"}],
                "shown_on": [{"title", "url", "file"}]}],
     "shared": [{"kind", "key", "label", "detail", "pages": [{"title", "url", "file"}],
                 "fields": [...as for pages; a changed shared definition]}],
     "written": [{"file", "title", "change": "added"|"removed"|"changed",
                  "fields": [...as for pages; "label" names the heading a changed
                             block of text is under, "loc" its block number]}],
     "translations": [{"language", "file", "english_file", "title",
                       "change": "added"|"removed"|"changed",
                       "fields": [...as for pages; "label" is the field's name
                                  as handbook check writes it, e.g. "steps[2].details"]}],
     "new_problems": [{"path", "line", "column", "severity", "message", "rule"}],
     "not_compared": [{"file", "reason"}]}
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from playbook_handbook.review.diff.report import (
    FieldChange,
    PageChange,
    Report,
    TranslationChange,
    WrittenPageChange,
)
from playbook_handbook.review.diff.words import PARAGRAPH, PARAGRAPH_BREAK

NO_CHANGES = "No reader-visible changes"
JSON_FORMAT = "handbook-diff/1"
#: In Markdown, a list of more pages than this is folded away until opened.
FOLD_PAGES = 10

#: How a change is named at the head of its lines.
_VERB = {"added": "Added", "removed": "Removed", "renamed": "Renamed", "changed": "Changed"}
#: Control characters, line separators, and the bidirectional marks, embeddings,
#: overrides and isolates that make a line display in another order than it reads.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                      r"\u2066-\u2069]+")


def write(report: Report, fmt: str) -> str:
    writer: dict[str, Callable[[Report], str]] = {
        "text": text, "markdown": markdown, "json": as_json}
    return writer[fmt](report)


# --- JSON ------------------------------------------------------------------------


def as_json(report: Report) -> str:
    data = {
        "format": JSON_FORMAT,
        "base": {"rev": report.base_rev, "commit": report.base_commit, "how": report.base_how},
        "reader_visible": report.reader_visible,
        "counts": report.counts(),
        "pages": [asdict(page) for page in report.pages],
        "shared": [asdict(change) for change in report.shared],
        "written": [asdict(change) for change in report.written],
        "translations": [asdict(change) for change in report.translations],
        "new_problems": [asdict(problem) for problem in report.new_problems],
        "not_compared": [asdict(item) for item in report.not_compared],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- plain text ------------------------------------------------------------------


def one_line(value: Any) -> str:
    """A value from YAML on one line of terminal output, control characters removed."""
    if isinstance(value, list):
        return ", ".join(one_line(v) for v in value)
    if isinstance(value, dict):
        return one_line(_describe(value))
    text = str(value).replace("\r\n", "\n")
    text = PARAGRAPH_BREAK.sub(f" {PARAGRAPH} ", text)
    return " ".join(_CONTROL.sub(" ", text).split())


def text(report: Report) -> str:
    lines = [f"Compared with {report.base_commit[:12]} ({one_line(report.base_how)}) "
             "-> the working tree", ""]
    if not report.reader_visible:
        lines.append(NO_CHANGES + ".")
    else:
        lines.append(_summary(report) + ".")
    for page in report.pages:
        lines += ["", _text_heading(page)]
        lines += [f"  {line}" for line in _text_fields(page.fields, page.change == "added")]
        if page.shown_on:
            lines.append(f"  Also shown on {len(page.shown_on)} other page"
                         f"{'s' * (len(page.shown_on) != 1)}:")
            lines += [f"    {_text_page(p)}" for p in page.shown_on]
    if report.shared:
        lines += ["", "Shared facts changed:"]
        for change in report.shared:
            shown = (f"shown on {len(change.pages)} page{'s' * (len(change.pages) != 1)}:"
                     if change.pages else "shown on no page")
            if not change.fields:
                lines.append(f"  {one_line(change.label)}: {one_line(change.detail)}; {shown}")
                lines += [f"    {_text_page(p)}" for p in change.pages]
                continue
            lines.append(f"  {one_line(change.label)}: {one_line(change.detail)}")
            lines += [f"    {line}" for line in _text_fields(change.fields,
                                                             change.detail == "added")]
            lines.append(f"    {shown[:1].upper()}{shown[1:]}")
            lines += [f"      {_text_page(p)}" for p in change.pages]
    if report.written:
        lines += ["", "Hand-written pages changed:"]
        for page in report.written:
            lines.append(f"  {_written_heading(page)}")
            lines += [f"    {line}" for line in _text_fields(page.fields, False)]
    if report.translations:
        lines += ["", "Translations changed:"]
        for change in report.translations:
            lines.append(f"  {_translation_heading(change)}")
            lines += [f"    {line}" for line in _text_fields(change.fields,
                                                             change.change == "added")]
    if report.new_problems:
        lines += ["", "New from handbook check:"]
        lines += [f"  {one_line(p.format_text())}" for p in report.new_problems]
    if report.not_compared:
        lines += ["", "Not compared:"]
        lines += [f"  {one_line(n.file)}: {n.reason}" for n in report.not_compared]
    return "\n".join(lines) + "\n"


def _written_heading(page: WrittenPageChange) -> str:
    what = _VERB[page.change]
    return f"{what} page: {one_line(page.title)} ({one_line(page.file)})"


def _translation_heading(change: TranslationChange) -> str:
    what = _VERB[change.change]
    return (f"{what} translation ({one_line(change.language)}): {one_line(change.title)} "
            f"({one_line(change.file)})")


def _text_heading(page: PageChange) -> str:
    what = _VERB[page.change]
    head = f"{what} {page.type}: {one_line(page.title)} ({one_line(page.file)})"
    if page.former_id:
        head += f"; id {page.former_id} -> {page.id}, old /go/{page.former_id}/ links keep working"
    if page.status == "deprecated":
        head += f"; now deprecated, readers are sent to {one_line(page.replaced_by)}"
    elif page.status == "reactivated":
        head += "; active again (no longer deprecated)"
    elif page.change == "removed" and page.replaced_by:
        head += f"; its /go/ link now leads to {one_line(page.replaced_by)}"
    return head


def _text_fields(fields: list[FieldChange], new: bool) -> list[str]:
    """One line per field; on a new page (``new``) just each value."""
    lines = []
    for change in fields:
        if change.words is not None:
            shown = " ".join(_text_run(op, words) for op, words in change.words)
        elif new:
            shown = one_line(change.after)
        elif change.change == "added":
            shown = f"added {one_line(change.after)}"
        elif change.change == "removed":
            shown = f"removed {one_line(change.before)}"
        else:
            shown = f"{one_line(change.before)} -> {one_line(change.after)}"
        note = f" ({one_line(change.note)})" if change.note else ""
        lines.append(f"{one_line(change.label)}: {one_line(shown)}{note}")
    return lines


def _text_run(op: str, words: str) -> str:
    words = one_line(words)
    return {"equal": words, "delete": f"[-{words}-]", "insert": f"{{+{words}+}}"}[op]


def _text_page(page: Any) -> str:
    where = page.file or page.url
    return f"{one_line(page.title)} ({one_line(where)})"


def _summary(report: Report) -> str:
    counts = report.counts()
    words = {"added": "added", "removed": "removed", "renamed": "renamed",
             "changed": "changed", "deprecated": "deprecated", "reactivated": "re-activated"}
    parts = [f"{n} {words[k]}" for k, n in counts.items() if n]
    pages = f"Pages: {', '.join(parts)}" if parts else "No page added, removed or changed"
    if report.shared:
        pages += f"; {len(report.shared)} shared fact{'s' * (len(report.shared) != 1)} changed"
    if report.written:
        count = len(report.written)
        pages += f"; {count} hand-written page{'s' * (count != 1)} changed"
    if report.translations:
        count = len(report.translations)
        pages += f"; {count} translation{'s' * (count != 1)} changed"
    return pages


def _describe(item: dict) -> str:
    """An item of a list (a step, a statement) by its first text, e.g. its title."""
    for value in item.values():
        if isinstance(value, str):
            return value
    return json.dumps(item, ensure_ascii=False)


# --- Markdown --------------------------------------------------------------------

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
#: Patterns GitHub links by itself: @mentions, #123 references, web addresses.
_AUTOLINK = re.compile(r"(@|#|:(?=\\/\\/)|www(?=\\\.))", re.I)
_ZWSP = "&#8203;"


def md(value: Any) -> str:
    """A value from YAML as inert Markdown text: one line, every ASCII punctuation
    character backslash-escaped (no HTML, links, emphasis or headings), and a
    zero-width space that stops GitHub from turning @, #, :// and www. into links."""
    escaped = _PUNCTUATION.sub(r"\\\1", one_line(value))
    return _AUTOLINK.sub(lambda m: m.group(1) + _ZWSP, escaped)


def markdown(report: Report) -> str:
    out = ["## What readers will see differently", "",
           f"Compared with `{report.base_commit[:12]}` ({md(report.base_how)}).", ""]
    if not report.reader_visible:
        out += [f"**{NO_CHANGES}.** Only formatting, comments or file layout changed.", ""]
    else:
        out += [f"**{_summary(report)}.**", ""]
    for page in report.pages:
        out += [_md_heading(page), ""]
        fields = [f"- **{md(change.label)}**: {_md_change(change, page.change == 'added')}"
                  for change in page.fields]
        if page.change == "added" and fields:
            out += [f"<details><summary>Everything on the new page ({len(fields)} "
                    "entries)</summary>", "", *fields, "", "</details>", ""]
        elif fields:
            out += [*fields, ""]
        if page.shown_on:
            out += [f"Also shown on {len(page.shown_on)} other page"
                    f"{'s' * (len(page.shown_on) != 1)}:", "", *_md_pages(page.shown_on), ""]
    if report.shared:
        out += ["### Shared facts", ""]
        for change in report.shared:
            shown = (f"Shown on {len(change.pages)} page{'s' * (len(change.pages) != 1)}:"
                     if change.pages else "Shown on no page.")
            if change.fields:
                new = change.detail == "added"
                out += [f"- **{md(change.label)}** {md(change.detail)}:", "",
                        *(f"  - **{md(f.label)}**: {_md_change(f, new)}"
                          for f in change.fields), "", f"  {shown}"]
            else:
                out.append(f"- **{md(change.label)}** {md(change.detail)}. {shown}")
            if change.pages:
                out += ["", *(f"  {line}" if line else "" for line in _md_pages(change.pages))]
            out.append("")
    if report.written:
        out += ["### Hand-written pages", ""]
        for page in report.written:
            what = _VERB[page.change]
            out.append(f"- **{what} page**: {md(page.title)} ({md(page.file)})")
            if page.fields:
                out += ["", *(f"  - **{md(f.label)}**: {_md_change(f, False)}"
                              for f in page.fields)]
            out.append("")
    if report.translations:
        out += ["### Translations", ""]
        for change in report.translations:
            what = _VERB[change.change]
            new = change.change == "added"
            fields = [f"  - **{md(f.label)}**: {_md_change(f, new)}" for f in change.fields]
            out.append(f"- **{what} translation ({md(change.language)})**: {md(change.title)} "
                       f"({md(change.file)})")
            if new and fields:
                out += ["", f"  <details><summary>Everything it translates ({len(fields)} "
                        "entries)</summary>", "", *fields, "", "  </details>"]
            elif fields:
                out += ["", *fields]
            out.append("")
    if report.new_problems:
        out += ["### New from `handbook check`", ""]
        out += [f"- {p.severity}: {md(p.path)}:{p.line}: {md(p.message)} ({md(p.rule)})"
                for p in report.new_problems]
        out.append("")
    if report.not_compared:
        out += ["### Not compared", ""]
        out += [f"- {md(n.file)}: {md(n.reason)}" for n in report.not_compared]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _md_heading(page: PageChange) -> str:
    what = _VERB[page.change]
    head = f"### {what} {page.type}: {md(page.title)}\n\n{md(page.file)}"
    if page.former_id:
        head += f" · id {md(page.former_id)} → {md(page.id)}; old /go/ links keep working"
    if page.status == "deprecated":
        head += f" · **now deprecated**, readers are sent to {md(page.replaced_by)}"
    elif page.status == "reactivated":
        head += " · **active again** (no longer deprecated)"
    elif page.change == "removed" and page.replaced_by:
        head += f" · its /go/ link now leads to {md(page.replaced_by)}"
    return head


def _md_change(change: FieldChange, new: bool) -> str:
    if change.words is not None:
        shown = " ".join(_md_run(op, words) for op, words in change.words)
    elif new:
        shown = md(change.after)
    elif change.change == "added":
        shown = f"added **{md(change.after)}**"
    elif change.change == "removed":
        shown = f"removed ~~{md(change.before)}~~"
    else:
        shown = f"~~{md(change.before)}~~ **{md(change.after)}**"
    return shown + (f" ({md(change.note)})" if change.note else "")


def _md_run(op: str, words: str) -> str:
    text = md(words)
    return {"equal": text, "delete": f"~~{text}~~", "insert": f"**{text}**"}[op]


def _md_pages(pages: list) -> list[str]:
    """Every page, as a list; a long list folded under a summary line."""
    shown = [f"- {md(p.title)} ({md(p.file or p.url)})" for p in pages]
    if len(pages) <= FOLD_PAGES:
        return shown
    return [f"<details><summary>The {len(pages)} pages</summary>", "", *shown, "",
            "</details>"]
