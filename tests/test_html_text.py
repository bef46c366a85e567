"""YAML text to HTML fragments (render/text_html.py): the fast path must equal Markdown."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, property_examples
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from playbook_handbook.render import text_markdown as markdown_text
from playbook_handbook.render.text_html import TextToHtml, code_block

CONFIG = load_config(str(REPO / "mkdocs.yml"))
TEXT = TextToHtml(CONFIG.markdown_extensions, CONFIG.mdx_configs)

# Words, punctuation a playbook uses every day, placeholders in brackets, line breaks.
_PIECES = st.sampled_from([
    "Reply", "within", "30", "minutes", "(house default)", "e.g.", "Q3:", "Don't", "—", "–",
    '"quoted"', "50%", "[product]", "[time]", "a/b", "#hashtag", "@handle", "é", "İstanbul",
    ",", ".", ";", "?", "\n", "\n\n", "1.", "-", "+", "*", "**", "_", "`", "<b>", "&", "{{ x }}",
    "[link](https://example.org)", ":smile:",
])
_TEXTS = st.lists(_PIECES, min_size=1, max_size=12).map(" ".join)


def _squeezed(html: str) -> str:
    """HTML with runs of white space, and white space next to tags, left out."""
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", " ".join(html.split()))


def _markdown(text: str) -> str:
    """What Python-Markdown makes of the text, as the slow path would."""
    TEXT._md.reset()
    return TEXT._md.convert(markdown_text.prose(text))


@settings(max_examples=property_examples(150), deadline=None)
@given(_TEXTS)
def test_block_equals_markdown_for_any_text(text: str) -> None:
    assert _squeezed(TEXT.block(text)) == _squeezed(_markdown(text))


def _renders_a_rule(text: str) -> bool:
    """Known bug: inline text that Markdown reads as a horizontal rule becomes <hr />."""
    return "<hr" in str(TEXT.inline(text))


_RULE_BUG = ("render/text_markdown.inline() lets a thematic break ('___', '_ _ _') through, "
             "so inline text renders as <hr />; fixed on the escaping branch")


@settings(max_examples=property_examples(150), deadline=None)
@given(_TEXTS)
# Found by Hypothesis. Expected to fail only while the bug is there, so the fix
# needs no edit here; once fixed they are ordinary examples.
@example("_ _ _").xfail(_renders_a_rule("_ _ _"), reason=_RULE_BUG)
@example("___").xfail(_renders_a_rule("___"), reason=_RULE_BUG)
def test_inline_equals_markdown_without_the_paragraph(text: str) -> None:
    one_line = " ".join(text.split())
    TEXT._md.reset()
    expected = TEXT._md.convert(markdown_text.inline(one_line))
    if not one_line:  # nothing but white space: no paragraph at all
        assert TEXT.inline(text) == expected == ""
    else:
        assert f"<p>{TEXT.inline(text)}</p>" == expected


@pytest.mark.parametrize(("text", "html"), [
    ("Reply within *30 minutes*", "Reply within <em>30 minutes</em>"),
    ("See [the policy](https://example.org/p)",
     'See <a href="https://example.org/p">the policy</a>'),
    ("Fill in [product] and [time]", "Fill in [product] and [time]"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("{{ config.site_name }}", "{{ config.site_name }}"),
    ("Q&A", "Q&amp;A"),
])
def test_inline_keeps_markdown_and_shows_html_as_text(text: str, html: str) -> None:
    assert TEXT.inline(text) == html


def test_block_keeps_lists_and_paragraphs() -> None:
    assert TEXT.block("First.\n\nSecond:\n\n- one\n- two") == (
        "<p>First.</p>\n<p>Second:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>")


def test_cell_puts_list_items_on_their_own_lines() -> None:
    assert TEXT.cell("Harm to people.\n\n- legal exposure\n- *media*") == (
        "Harm to people.<br>• legal exposure<br>• <em>media</em>")


def test_lead_puts_the_label_in_the_first_paragraph() -> None:
    assert TEXT.lead("Text.\n\nMore.", "Why") == (
        "<p><strong>Why</strong> Text.</p>\n<p>More.</p>")
    assert TEXT.lead("Text.", "Role", ": ", tight=True) == "<strong>Role</strong>: Text."


def test_code_block_shows_text_verbatim() -> None:
    assert code_block("We're <b>sorry</b> & {{ x }}\n") == (
        '<div class="highlight"><pre><span></span><code>We\'re &lt;b&gt;sorry&lt;/b&gt; '
        "&amp; {{ x }}\n</code></pre></div>")
