"""Clean the HTML of every page before it reaches a reader (Ammonia, via nh3).

Generated pages already escape HTML typed into playbooks; this is the second
line: it drops scripts, event handlers and ``javascript:`` links whatever
route they took (attribute lists, Markdown links, hand-written pages), while
keeping what Markdown and Material's extensions produce.
"""

from __future__ import annotations

import nh3

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    "button", "form", "fieldset", "legend", "output", "nav", "section", "article", "aside",
    # inline icons from Material's emoji extension
    "svg", "path", "g", "circle", "rect",
}
_COMMON = {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex"}
_ATTRIBUTES = {
    "*": _COMMON | {"aria-label", "aria-hidden", "aria-describedby", "aria-live",
                    "aria-expanded", "aria-controls", "aria-pressed"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "checked", "disabled", "name", "value"},
    "label": {"for"},
    # Markdown tables align a column with style="text-align: ..."; only that
    # property is kept (filter_style_properties below).
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "ol": {"start"},
    "details": {"open"},
    "time": {"datetime"},
    "button": {"type", "name", "value"},
    "output": {"for"},
    "svg": {"xmlns", "viewbox", "viewBox", "width", "height", "fill"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "circle": {"cx", "cy", "r", "fill"},
    "rect": {"x", "y", "width", "height", "rx", "fill"},
    "g": {"fill"},
}


# Built once: nh3.clean() would rebuild these rules for every page.
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    generic_attribute_prefixes={"data-"},
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel=None,
    strip_comments=False,
    filter_style_properties={"text-align"},
)


def clean_html(html: str) -> str:
    """``html`` without scripts, handlers or unsafe URLs; structure and classes kept."""
    return _CLEANER.clean(html)
