"""The last line of defence: every page's HTML goes through render/sanitize.py.

Hand-written pages reach it as Markdown converted by MkDocs, with raw HTML
allowed, so it is tested here with raw HTML as an author could type it.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from playbook_handbook.render.sanitize import clean_html, make_cleaner


def clean(html: str) -> str:
    """Clean with rules built now (mutation testing changes them inside make_cleaner)."""
    return make_cleaner().clean(html)


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
    assert gone not in clean(dirty)
    assert gone not in clean_html(dirty)


def test_structure_classes_and_table_alignment_are_kept() -> None:
    html = ('<table><thead><tr><th style="text-align: right;">Days</th></tr></thead>'
            '<tbody><tr><td style="text-align: right;">14</td></tr></tbody></table>'
            '<div class="admonition warning" id="x" data-hb-level="1" hidden>'
            '<p class="admonition-title">Stop</p></div>')
    assert clean_html(html) == clean(html)
    cleaned = clean(html)
    assert cleaned.count('style="text-align:right"') == 2
    assert '<div class="admonition warning" id="x" data-hb-level="1" hidden="">' in cleaned


class _Elements(HTMLParser):
    """Every start tag of a fragment with its attribute names."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, set[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name for name, _ in attrs}))


COMMON = ["class", "id", "title", "lang", "dir", "role", "hidden", "tabindex", "aria-label",
          "aria-hidden", "aria-describedby", "aria-live", "aria-expanded", "aria-controls",
          "aria-pressed", "data-hb-anything"]

#: What pages may hold: each element with the attributes it keeps, in a context where
#: HTML allows it. Widening or narrowing the allow-list must change this on purpose.
KEPT = [
    ("div", COMMON, "{}"),
    ("a", ["href", "name"], "{}"),
    ("img", ["src", "alt", "width", "height", "loading"], "{}"),
    ("input", ["type", "checked", "disabled", "name", "value"], "{}"),
    ("label", ["for"], "{}"),
    ("td", ["colspan", "rowspan", "align", "style"], "<table><tbody><tr>{}</tr></tbody></table>"),
    ("th", ["colspan", "rowspan", "align", "scope", "style"],
     "<table><thead><tr>{}</tr></thead></table>"),
    ("ol", ["start"], "{}"),
    ("details", ["open"], "{}"),
    ("time", ["datetime"], "{}"),
    ("button", ["type", "name", "value"], "{}"),
    ("output", ["for"], "{}"),
    ("svg", ["xmlns", "viewbox", "width", "height", "fill"], "{}"),
    ("path", ["d", "fill", "fill-rule", "clip-rule"], "<svg>{}</svg>"),
    ("circle", ["cx", "cy", "r", "fill"], "<svg>{}</svg>"),
    ("rect", ["x", "y", "width", "height", "rx", "fill"], "<svg>{}</svg>"),
    ("g", ["fill"], "<svg>{}</svg>"),
    *((tag, [], "{}") for tag in (
        "abbr", "b", "blockquote", "br", "code", "del", "em", "figure", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "ins", "kbd", "mark", "p", "pre", "q", "s", "small",
        "span", "strong", "sub", "sup", "u", "ul", "form", "fieldset", "nav", "section",
        "article", "aside", "dl")),
    ("li", [], "<ul>{}</ul>"),
    ("dt", [], "<dl>{}</dl>"),
    ("dd", [], "<dl>{}</dl>"),
    ("summary", [], "<details>{}</details>"),
    ("figcaption", [], "<figure>{}</figure>"),
    ("legend", [], "<fieldset>{}</fieldset>"),
    *((tag, [], "<table>{}</table>") for tag in ("caption", "colgroup", "tbody", "thead",
                                                  "tfoot")),
    ("col", [], "<table><colgroup>{}</colgroup></table>"),
    ("tr", [], "<table><tbody>{}</tbody></table>"),
    ("table", [], "{}"),
]
VALUES = {"href": "https://example.org/", "src": "../assets/x.png",  # remote: dropped
          "style": "text-align: right", "type": "checkbox", "viewbox": "0 0 24 24"}


@pytest.mark.parametrize(("tag", "attributes", "context"), KEPT, ids=[k[0] for k in KEPT])
def test_what_markdown_and_material_produce_is_kept(tag: str, attributes: list[str],
                                                     context: str) -> None:
    attrs = " ".join(f'{name}="{VALUES.get(name, "1")}"' for name in attributes)
    element = f"<{tag} {attrs}>x</{tag}>" if attrs else f"<{tag}>x</{tag}>"
    assert (tag, set(attributes)) in _Elements(clean(context.format(element))).found


@pytest.mark.parametrize("href", ["http://example.org/", "https://example.org/",
                                  "mailto:team@example.org", "tel:+441234567890"])
def test_web_mail_and_phone_links_are_kept_as_written(href: str) -> None:
    assert clean(f'<a href="{href}">x</a>') == f'<a href="{href}">x</a>'  # no rel added


def test_comments_stay_and_only_text_align_survives_in_a_style() -> None:
    assert clean("<!-- keep --><p>x</p>") == "<!-- keep --><p>x</p>"
    assert clean('<table><tbody><tr><td style="color: red; text-align: left">x</td></tr>'
                 '</tbody></table>') == (
        '<table><tbody><tr><td style="text-align:left">x</td></tr></tbody></table>')


@pytest.mark.parametrize("href", ["ftp://example.org/f", "sms:+441234567890",
                                  "webcal://example.org/c.ics", "ssh://example.org"])
def test_links_to_other_schemes_lose_their_address(href: str) -> None:
    assert clean(f'<a href="{href}">x</a>') == "<a>x</a>"
