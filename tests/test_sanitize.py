"""The last line of defence: every page's HTML goes through render/sanitize.py.

Hand-written pages reach it as Markdown converted by MkDocs, with raw HTML
allowed, so it is tested here with raw HTML as an author could type it.
"""

from __future__ import annotations

import pytest

from playbook_handbook.render.sanitize import clean_html


@pytest.mark.parametrize(("dirty", "gone"), [
    ('<img src="x.png" onerror="alert(1)" alt="x">', "onerror"),
    ('<p onclick="steal()">Hi</p>', "onclick"),
    ('<a href="javascript:alert(1)">go</a>', "javascript:"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">go</a>', "data:"),
    ("<script>alert(1)</script>", "<script"),
    ('<iframe src="https://example.org"></iframe>', "<iframe"),
    ('<svg onload="alert(1)"><path d="M0"/></svg>', "onload"),
    ('<p style="background:url(https://example.org/t.png)">x</p>', "background"),
    ('<td style="text-align: left; background-image: url(https://e.org/x)">x</td>', "url("),
    ('<object data="x.swf"></object>', "<object"),
    ('<form action="https://evil.example"><input type="password"></form>', "evil.example"),
])
def test_active_content_and_outside_requests_are_removed(dirty: str, gone: str) -> None:
    assert gone not in clean_html(dirty)


def test_structure_classes_and_table_alignment_are_kept() -> None:
    html = ('<table><thead><tr><th style="text-align: right;">Days</th></tr></thead>'
            '<tbody><tr><td style="text-align: right;">14</td></tr></tbody></table>'
            '<div class="admonition warning" id="x" data-hb-level="1" hidden>'
            '<p class="admonition-title">Stop</p></div>')
    cleaned = clean_html(html)
    assert cleaned.count('style="text-align:right"') == 2
    assert '<div class="admonition warning" id="x" data-hb-level="1" hidden="">' in cleaned
