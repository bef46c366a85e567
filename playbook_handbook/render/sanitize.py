"""Clean the HTML of every page before it reaches a reader (Ammonia, via nh3).

Generated pages already escape HTML typed into playbooks; this is the second
line: it drops scripts, event handlers and ``javascript:`` links whatever
route they took (attribute lists, Markdown links, hand-written pages), while
keeping what Markdown and Material's extensions produce.
"""

from __future__ import annotations

import re

import nh3


def make_cleaner(images: bool = True) -> nh3.Cleaner:
    """The rules for every page, as a cleaner to build once and reuse.

    (``nh3.clean()`` would rebuild the rules for every page.) The allow-lists
    live inside this function so that mutation testing can change them.
    ``images``: drop an image's ``src`` on another host (a filter nh3 calls for every
    attribute, so pages without an image use a cleaner without it).
    """
    common = {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex"}
    return nh3.Cleaner(
        tags={
            "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd",
            "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2",
            "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li",
            "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary",
            "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
            "button", "form", "fieldset", "legend", "output", "nav", "section", "article",
            "aside",
            # inline icons from Material's emoji extension
            "svg", "path", "g", "circle", "rect",
        },
        attributes={
            "*": common | {"aria-label", "aria-hidden", "aria-describedby", "aria-live",
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
        },
        generic_attribute_prefixes={"data-"},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=False,
        filter_style_properties={"text-align"},
        attribute_filter=_local_images if images else None,
    )


def _local_images(element: str, attribute: str, value: str) -> str | None:
    """Drop an image's ``src`` on another host (``https://``, ``//``): a page loads
    nothing from elsewhere; the image keeps its ``alt`` text."""
    if element == "img" and attribute == "src" and _REMOTE.match(value):
        return None
    return value


#: A URL with a scheme or a host (``https:``, ``data:``, ``//host``), not a path on the site.
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})", re.IGNORECASE)


_CLEANER = make_cleaner()
_NO_IMAGES = make_cleaner(images=False)
_IMAGE_TAG = re.compile(r"<\s*img", re.IGNORECASE)


def clean_html(html: str) -> str:
    """``html`` without scripts, handlers, unsafe URLs or images from another host;
    structure and classes kept."""
    return (_CLEANER if _IMAGE_TAG.search(html) else _NO_IMAGES).clean(html)
