"""YAML text to HTML fragments (render/text_html.py): the fast path must equal the parser,
and the fixed Markdown subset keeps every hostile input as text."""

from __future__ import annotations

import re

import pytest
from conftest import property_examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

from playbook_handbook.render import text_html
from playbook_handbook.render.text_html import TextToHtml, code_block, plain

TEXT = TextToHtml()


@pytest.fixture(autouse=True)
def _no_kept_conversions() -> None:
    """Each test converts its texts afresh: a conversion kept from an earlier run in the
    same process (mutmut runs every mutant after a clean run) would hide a changed converter."""
    text_html._BLOCKS.clear()
    text_html._INLINES.clear()

# Words, punctuation a playbook uses every day, placeholders in brackets, line breaks.
_PIECES = st.sampled_from([
    "Reply", "within", "30", "minutes", "(house default)", "e.g.", "Q3:", "Don't", "—", "–",
    '"quoted"', "50%", "[product]", "[time]", "a/b", "#hashtag", "@handle", "é", "İstanbul",
    ",", ".", ";", "?", "\n", "\n\n", "1.", "-", "+", "*", "**", "_", "`", "<b>", "&", "{{ x }}",
    "[link](https://example.org)", ":smile:", "\\`", "![i](https://example.org/i.png)",
    "{: #id .c }", "    ", "|", "~~", '"', ">",
])
_TEXTS = st.lists(_PIECES, min_size=1, max_size=12).map(" ".join)


def _squeezed(html: str) -> str:
    """HTML with runs of white space, and white space next to tags, left out."""
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", " ".join(html.split()))


def _markdown(text: str) -> str:
    """What the parser makes of the text, as the slow path would."""
    return TEXT._md.render(text.strip())


@settings(max_examples=property_examples(150), deadline=None)
@given(_TEXTS)
def test_block_equals_markdown_for_any_text(text: str) -> None:
    assert _squeezed(TEXT.block(text)) == _squeezed(_markdown(text))


@settings(max_examples=property_examples(150), deadline=None)
@given(_TEXTS)
@example("___")  # once a horizontal rule on about 15% of runs (issue 16)
@example("_ _ _")
@example("1. first")
def test_inline_equals_markdown_without_the_paragraph(text: str) -> None:
    one_line = " ".join(text.split())
    assert TEXT.inline(text) == TEXT._md.renderInline(one_line)
    assert "<p>" not in TEXT.inline(text) and "<hr" not in TEXT.inline(text)


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


@pytest.mark.parametrize("text", [
    "a \\`<form><input type=password name=p></form>`",  # escaped backtick: not code
    "`code\n\n<form action=https://evil.example><input type=password></form>`",
    "<img src=https://evil.example/x.png>", "<script>alert(1)</script>",
])
def test_raw_html_is_text_whatever_code_spans_surround_it(text: str) -> None:
    for out in (TEXT.block(text), TEXT.inline(text), TEXT.cell(text)):
        assert "<form" not in out and "<input" not in out and "<img" not in out
        assert "<script" not in out


@pytest.mark.parametrize(("text", "html"), [
    ("See ![logo](https://evil.example/x.png)",
     '<p>See !<a href="https://evil.example/x.png">logo</a></p>'),  # no image, no request
    (":smile: and :+1:", "<p>:smile: and :+1:</p>"),  # no emoji image
    ("Text\n{: #search .md-header hidden data-md-component=\"x\" }",
     '<p>Text\n{: #search .md-header hidden data-md-component=&quot;x&quot; }</p>'),
    ("    <b>indented</b>", "<p>&lt;b&gt;indented&lt;/b&gt;</p>"),  # escaped once
    ("```\n<b>code</b>\n```", "<pre><code>&lt;b&gt;code&lt;/b&gt;\n</code></pre>"),
    ("# Not a heading\n\n---", "<p># Not a heading</p>\n<p>---</p>"),
    ("--8<-- \".git/config\"", "<p>--8&lt;-- &quot;.git/config&quot;</p>"),  # no snippets
    ("[x](javascript:alert(1)) [y](data:text/html,hi)",
     "<p>[x](javascript:alert(1)) [y](data:text/html,hi)</p>"),
    ("[mail](mailto:care@example.org)", '<p><a href="mailto:care@example.org">mail</a></p>'),
])
def test_block_is_the_fixed_safe_subset(text: str, html: str) -> None:
    assert TEXT.block(text) == html


def test_title_fields_are_plain_text() -> None:
    assert plain("Reply [here](https://evil.example) *now* ___") == (
        "Reply [here](https://evil.example) *now* ___")
    assert plain('<b>"x"</b>') == "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"


def test_code_block_shows_text_verbatim() -> None:
    assert code_block("We're <b>sorry</b> & {{ x }}\n") == (
        '<div class="highlight"><pre><span></span><code>We\'re &lt;b&gt;sorry&lt;/b&gt; '
        "&amp; {{ x }}\n</code></pre></div>")


@pytest.mark.parametrize(("text", "html"), [
    ("![x](https://e.org/a.png)", '<p>!<a href="https://e.org/a.png">x</a></p>'),
    ("# Title", "<p># Title</p>"),
    ("Title\n=====", "<p>Title\n=====</p>"),
    ("---", "<p>---</p>"),
    ("[a][r]\n\n[r]: https://e.org", "<p>[a][r]</p>\n<p>[r]: https://e.org</p>"),
    ("<b>x</b>", "<p>&lt;b&gt;x&lt;/b&gt;</p>"),
    ("a <i>b</i>", "<p>a &lt;i&gt;b&lt;/i&gt;</p>"),
    ("<https://e.org>", "<p>&lt;https://e.org&gt;</p>"),
    ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"),
    ("~~gone~~", "<p><s>gone</s></p>"),
    ("| a | b |\n|---|---|\n| 1 | 2 |",
     "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
     "<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>"),
    ("[ok](https://e.org)", '<p><a href="https://e.org">ok</a></p>'),
], ids=["image", "heading", "setext-heading", "rule", "reference", "html-block",
        "html-inline", "autolink", "javascript-link", "strikethrough", "table", "link"])
def test_a_new_parser_keeps_to_the_safe_subset(text: str, html: str) -> None:
    """Built here, not at import: each rule the subset turns on or off is seen."""
    assert str(TextToHtml().block(text)) == html


def test_macro_text_in_a_markdown_page_is_inert() -> None:
    from playbook_handbook.render.text_markdown import plain

    assert plain("  a  *b*\n[c](d) ") == "a &#42;b&#42; &#91;c&#93;&#40;d&#41;"
    assert plain("{: #x } :smile: | <b>") == (
        "&#123;&#58; &#35;x &#125; &#58;smile&#58; &#124; &#60;b&#62;")


def test_options_stay_off_if_a_later_change_turns_their_rules_on() -> None:
    """The disabled rules are the first lock; the parser's options are the second."""
    md = text_html.parser()
    md.enable(["html_inline", "html_block", "replacements", "smartquotes", "linkify"])
    assert md.render('<b>x</b>\n\na <i>b</i> "q" (c) https://e.org') == (
        '<p>&lt;b&gt;x&lt;/b&gt;</p>\n<p>a &lt;i&gt;b&lt;/i&gt; &quot;q&quot; (c) https://e.org</p>\n')


def test_plain_escapes_ampersands_first() -> None:
    assert plain("Q&A <&lt;>") == "Q&amp;A &lt;&amp;lt;&gt;"


@pytest.mark.parametrize(("text", "lines"), [
    ("One\ntwo.\n\nThree\nfour.", "One two.<br>Three four."),  # paragraphs: lines joined
    ("- item\n  continued\n- next", "• item continued<br>• next"),
    ("1. one\n2) two\n* three", "1. one<br>2. two<br>• three"),
    ("Lead:\n- a\nafter", "Lead:<br>• a after"),  # a lazy line continues the item
])
def test_cell_lines_join_paragraph_lines_and_split_items(text: str, lines: str) -> None:
    assert TEXT.cell(text) == lines


def test_lead_before_a_list_gets_its_own_paragraph() -> None:
    assert TEXT.lead("Text.", "Why") == "<p><strong>Why</strong> Text.</p>"
    for tight in (False, True):
        assert TEXT.lead("- a\n- b", "Steps", ":", tight=tight) == (
            "<p><strong>Steps</strong>:</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>")


def test_many_marks_are_shown_as_typed_and_as_many_as_the_limit_are_not() -> None:
    limit = "*a* " * (text_html.MAX_MARKS // 2)  # exactly MAX_MARKS marks
    assert TEXT.block(limit) == "<p>" + "<em>a</em> " * (text_html.MAX_MARKS // 2 - 1) + (
        "<em>a</em></p>")
    assert TEXT.inline(limit) == " ".join(["<em>a</em>"] * (text_html.MAX_MARKS // 2))
    over = limit + "& <b>"
    assert TEXT.block(over + "\n\n  \nSecond.\n") == (
        f"<p>{limit}&amp; &lt;b&gt;</p>\n<p>Second.</p>")
    assert TEXT.inline(over) == f"{limit}&amp; &lt;b&gt;"
    long = "word " * text_html.MAX_MARKS + "*a*"  # long, few marks: still Markdown
    assert TEXT.inline(long).endswith("word <em>a</em>")


def test_a_text_is_converted_once_and_the_store_is_bounded(monkeypatch) -> None:
    calls: list[str] = []
    for name in ("_block", "_inline"):
        real = getattr(TextToHtml, name)
        monkeypatch.setattr(TextToHtml, name,
                            lambda self, text, real=real: calls.append(text) or real(self, text))
    monkeypatch.setattr(text_html, "_KEEP", 2)
    for _ in range(2):
        assert TEXT.block("*a*") == "<p><em>a</em></p>"
        assert TEXT.inline("*a*") == "<em>a</em>"
    assert calls == ["*a*", "*a*"]
    for text in ("b", "c", "d"):
        TEXT.block(text), TEXT.inline(text)
    assert len(text_html._BLOCKS) == len(text_html._INLINES) == 2
