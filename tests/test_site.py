"""Build real sites in temp dirs and assert on the HTML, search index and redirects."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, MINI, build_ok, mkdocs_build, no_traceback


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def article(site: Path, page: str) -> str:
    text = html(site, page)
    return text[text.index("<article"):text.index("</article>")]


class _ActiveContent(HTMLParser):
    """Collects what a browser would run: script elements, on* handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append("<script>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src") and (value or "").strip().lower().startswith(
                    ("javascript:", "data:", "vbscript:")):
                self.found.append(f"{tag} {name}={value}")


class _Elements(HTMLParser):
    """Every start tag with its attributes, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(markup)
    return parser.tags


def active_content(markup: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(markup)
    return parser.found


def test_one_page_per_playbook_with_kind_sections_in_order(mini_site: Path) -> None:
    page = article(mini_site, "playbooks/crisis-handling/severity-triage")
    # In the order a responder needs: act, triage, alert, post; then background.
    order = [page.index(f'id="{anchor}"') for anchor in (
        "severity-triage", "first-actions", "severity-levels", "roles",
        "holding-statements", "donts", "post-crisis-review", "about-this-playbook")]
    assert order == sorted(order)
    assert '<td data-label="Level"><strong>1 · Critical</strong></td>' in page
    assert '<strong>15 min</strong>' in page
    assert 'class="hb-checklist"' in page and "Pause scheduled posts" in page
    guide = article(mini_site, "playbooks/guides/reply-to-comments")
    assert 'id="answer-same-day"' in guide  # explicit step anchor
    assert 'id="read-the-whole-thread-first"' in guide  # anchor from the title
    assert '<details class="question">' in guide
    assert "When do you move a conversation to private messages?" in guide


def test_metadata_strip_and_copyable_template(mini_site: Path) -> None:
    page = article(mini_site, "playbooks/guides/reply-to-comments")
    strip = page[page.index('class="hb-meta"'):page.index("</div>", page.index('class="hb-meta"'))]
    for text in ("Guides", "@community", "Foundation", "15 min", "Instagram, Facebook",
                 "2026-10-01"):
        assert text in strip
    assert '<div class="hb-copy">' in page
    assert "Thanks for telling us, {name}! We have passed this on to the team." in page


def test_category_page_lists_cards(mini_site: Path) -> None:
    page = article(mini_site, "playbooks/guides")
    assert 'class="grid cards hb-cards"' in page
    assert '<a href="reply-to-comments/">Reply to comments</a>' in page
    assert "How to answer comments on our posts in the brand voice." in page
    assert "Foundation · 15 min · @community" in page


def test_macros_render_links_tables_and_sections(mini_site: Path) -> None:
    page = article(mini_site, "")
    assert '<a href="playbooks/guides/reply-to-comments/">Reply to comments</a>' in page
    assert '<a href="playbooks/guides/reply-to-comments/">old link</a>' in page
    assert "<th>Playbook</th>" in page and '<td data-label="Owner">@community</td>' in page
    assert '<td data-label="Level"><strong>2 · High</strong></td>' in page  # embedded table


def test_go_links_and_former_ids_redirect(mini_site: Path) -> None:
    target = "../../playbooks/guides/reply-to-comments/"
    for old in ("go/reply-to-comments", "go/answering-comments"):
        assert f'<link rel="canonical" href="{target}">' in html(mini_site, old)
    moved = html(mini_site, "playbooks/guides/answering-comments")
    assert '<link rel="canonical" href="../reply-to-comments/">' in moved


def test_edit_link_opens_the_yaml_file(mini_site: Path) -> None:
    page = html(mini_site, "playbooks/guides/reply-to-comments")
    assert ('href="https://github.com/example-org/mini-handbook/edit/main/'
            'playbooks/guides/reply-to-comments.yml"') in page


def test_search_index_holds_structured_fields(mini_site: Path) -> None:
    index = json.loads((mini_site / "search" / "search_index.json").read_text())
    hits = [doc["location"] for doc in index["docs"]
            if "We will update here by 18:00" in doc["text"]]
    assert hits and hits[0].startswith("playbooks/crisis-handling/severity-triage/")


def test_tags_page_lists_playbook_tags(mini_site: Path) -> None:
    page = article(mini_site, "tags")
    assert 'id="tag:tone-of-voice"' in page
    assert "playbooks/guides/reply-to-comments/" in page


def test_no_request_leaves_the_site(mini_site: Path) -> None:
    for page in mini_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        assert not re.search(r'<script[^>]+src="https?://', text)


HOSTILE_PATH = """\
id: hostile-path
title: "Path [x](https://evil.example/pt) ___"
summary: "A path ](https://evil.example/ps) summary"
owner: "@community"
audience: [community-manager]
last_reviewed: 2026-10-01
steps:
  - playbook: markup-escapes
    stage: "Week [1](https://evil.example/st)"
    outcome: "You can ](https://evil.example/o) *x* {: #search }"
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini handbook with every valid hostile fixture and a hostile path, built once.

    Its mkdocs.yml also lists extensions that would give YAML text powers if it
    used the site's extensions: snippets (read files), emoji with CDN images.
    """
    tmp = tmp_path_factory.mktemp("hostile")
    project = shutil.copytree(MINI, tmp / "hostile")
    for fixture in sorted((FIXTURES / "valid").glob("*.yml")):
        shutil.copy(fixture, project / "playbooks" / "guides")
    (project / "paths").mkdir(exist_ok=True)
    (project / "paths" / "hostile-path.yml").write_text(HOSTILE_PATH, encoding="utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[remote] url = TOPSECRET-CONFIG\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("markdown_extensions:\n", (
        "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [.]\n"
        "  - pymdownx.emoji\n  - pymdownx.tabbed\n"), 1))
    (project / "docs" / "lists.md").write_text(LISTS_PAGE, encoding="utf-8")
    (project / "docs" / "sections.md").write_text(SECTIONS_PAGE, encoding="utf-8")
    (project / "docs" / "anchors.md").write_text(
        "# Anchors\n\n## Chosen id {#my-anchor}\n\nText.{## a note for writers ##}\n",
        encoding="utf-8")
    return project, build_ok(project, tmp / "site")


#: The macros' lists where Markdown would read raw HTML as a paragraph: indented.
LISTS_PAGE = """\
# Lists

=== "Tab"

    {{ playbook_list(kind="guide") | indent(4) }}

!!! note

    {{ playbook_list(kind="guide", style="table") | indent(4) }}

- Item

    {{ playbook_list(kind="guide", style="cards") | indent(4) }}
"""


#: Section macros (a heading and its content) called on indented lines, as a writer
#: would put them in a note, a list item or a tab, and one shown as an example.
SECTIONS_PAGE = """\
# Sections

!!! note "The scale"

    {{ severity_scale() }}

- Say this first:

    {{ holding_statement("looking-into-it") }}

=== "Steps"

    {{ playbook_section("reply-to-comments", "steps") }}

{% raw %}
    {{ severity_scale() }}
{% endraw %}

After the blocks.

!!! warning "Hostile steps"

    {{ playbook_section("markup-escapes", "steps") }}

    {{ playbook_section("markup-escapes", "templates") }}
"""


def test_section_macros_on_an_indented_line_stay_inside_their_block(
        hostile: tuple[Path, Path]) -> None:
    _project, site = hostile
    page = article(site, "sections")
    note = page[page.index('class="admonition note"'):page.index("<ul>")]
    note = note[:note.index("</div>\n</div>") if "</div>\n</div>" in note else note.index("</div>")]
    item = page[page.index("<li>"):page.index("</li>")]
    tab = page[page.index('class="tabbed-content"'):page.index("After the blocks")]
    assert 'id="severity-levels"' in note and '<div class="hb-severity">' in note
    assert 'id="we-are-looking-into-it"' in item and "We are aware of reports" in item
    assert 'id="read-the-whole-thread-first"' in tab and "Check earlier replies" in tab
    assert "{{ severity_scale() }}" in tab  # the example in {% raw %}, as written
    # Placed as HTML after Markdown: nothing of it read as Markdown, no filter or
    # placeholder left, no empty paragraphs around it.
    assert "placed_block" not in page and "hbfragment" not in page and "<p></p>" not in page
    # YAML text embedded in a block stays text, as on the playbook's own page.
    hostile_steps = page[page.index('class="admonition warning"'):]
    assert "Attribute lists: a paragraph" in hostile_steps
    assert not re.search(r'<[^>]*(?:id="(?:search|content)"|\shidden\b)', hostile_steps)
    for forged in ("<form", "<input", "<b>", "TOPSECRET", "<h1", 'id="__forged"',
                   'id="hashtag"'):
        assert forged not in hostile_steps, forged
    # A template's lines starting with # stay in its code block, as text.
    assert re.search(r"<code>[^<]*# forged \{#__forged \.md-sidebar hidden\}\n#hashtag",
                     hostile_steps), hostile_steps


def test_a_heading_id_written_with_a_hash_in_braces_is_markdown_not_a_comment(
        hostile: tuple[Path, Path]) -> None:
    page = article(hostile[1], "anchors")
    assert '<h2 id="my-anchor">Chosen id' in page
    assert "note for writers" not in page and "{##" not in page  # a Jinja comment


def test_macro_lists_indented_in_a_page_stay_lists_of_text(hostile: tuple[Path, Path]) -> None:
    _project, site = hostile
    page = article(site, "lists")
    assert "hbfragment" not in page and "<p><ul>" not in page and "<p><div" not in page
    tab = page[page.index('class="tabbed-content"'):page.index('class="admonition note"')]
    note = page[page.index('class="admonition note"'):page.index("<li>\n<p>Item</p>")]
    item = page[page.index("<li>\n<p>Item</p>"):]
    title = "Read [the FAQ](https://evil.example/t) ___ {: #search }</a>"
    assert "<ul>\n<li><a " in tab and title + ": Escapes ](https://evil.example/s) *bold*" in tab
    assert "<table>" in note and ('"><a href="../playbooks/guides/markup-escapes/">'
                                  + title) in note
    assert '<div class="grid cards hb-cards">' in item and title in item


def test_hostile_text_renders_literally_and_safely(hostile: tuple[Path, Path]) -> None:
    project, site = hostile
    templated = article(site, "playbooks/guides/template-syntax")
    assert 'Reply {{ config }} and {% include "/etc/passwd" %}' in templated
    hostile = article(site, "playbooks/guides/html-in-text")
    assert "&lt;script&gt;alert('xss')&lt;/script&gt;" in hostile  # shown, not run
    for page in site.rglob("*.html"):  # titles reach the header, nav and tags page too
        assert "<script>alert" not in page.read_text(encoding="utf-8"), page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Reply &lt;b&gt;to&lt;/b&gt; comments" in hostile
    assert active_content(hostile) == []  # no <script>, on* handler or javascript: link
    assert "[a link](javascript:alert(1))" in hostile  # a javascript: link stays text
    turkish = article(site, "playbooks/guides/turkish-emoji-rtl")
    assert "İstanbul şubesi ğ ı 🚀 مرحبا" in turkish
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert any("İstanbul şubesi" in doc["title"] for doc in index["docs"])
    assert not list((project / "docs").rglob("*.yml"))  # nothing written into docs/


_PAGES_WITH_TITLES = ("", "playbooks", "playbooks/guides", "skills", "tags", "paths",
                      "paths/hostile-path", "playbooks/guides/markup-escapes")


def test_markup_in_yaml_never_becomes_an_element_an_id_or_a_request(
        hostile: tuple[Path, Path]) -> None:
    _project, site = hostile
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "evil.example" not in " ".join(re.findall(r'(?:href|src|action)="[^"]*"', text))
        assert "TOPSECRET" not in text, page  # pymdownx.snippets never reads for YAML text
        body = text[text.index("<article"):text.index("</article>")] if "<article" in text else ""
        assert not re.search(r"<(?:form|input type=\"?password|img|hr)\b", body), page
        assert not re.search(r'<img[^>]+src="https?://', text), page  # no emoji from a CDN
    for page in _PAGES_WITH_TITLES:  # titles are plain text in lists, tables, cards, paths
        assert "Read [the FAQ](https://evil.example/t) ___ {: #search }" in article(site, page) \
            or page in ("paths", "tags"), page
    escapes = article(site, "playbooks/guides/markup-escapes")
    page_ids = [a["id"] for _t, a in elements(html(site, "playbooks/guides/markup-escapes"))
                if "id" in a]
    assert len(page_ids) == len(set(page_ids))  # no two elements share an id
    tags = elements(escapes)
    assert not [a for t, a in tags if t == "p" and set(a) - {"class"}]  # no id, hidden, data-
    assert {a.get("class") for t, a in tags if t == "p"} <= {None, "hb-summary"}
    assert not {"search", "content"} & {a.get("id") for _t, a in tags}
    assert '<h2 id="steps">' in escapes and '<h3 id="steps-2">' in escapes
    # checklist items: a labelled checkbox and the text, which stays text
    assert "<span>___</span>" in escapes and "<span>_ _ _</span>" in escapes
    assert "&lt;b&gt;indented code&lt;/b&gt;" in escapes and "&amp;lt;b" not in escapes
    assert ":rocket: :smile:" in escapes and "--8&lt;--" in escapes
    assert "&lt;input type=password name=pw2&gt;" in escapes
    path = article(site, "paths/hostile-path")
    assert "You can ](https://evil.example/o) *x* {: #search }" in path
    assert "<summary>Which ](https://evil.example/q) *is* safe?</summary>" in path
    assert '<a href="https://example.org/a">good</a>' in path  # Markdown links still work
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert any(doc["title"].startswith("Read [the FAQ](https://evil.example/t)")
               for doc in index["docs"])


def test_every_invalid_fixture_fails_the_build_like_check(tmp_path: Path) -> None:
    """One build with every invalid fixture: each is reported at its own position."""
    project = shutil.copytree(MINI, tmp_path / "broken")
    expected = []
    for fixture in sorted((FIXTURES / "invalid").glob("*.yml")):
        line, column, rule, message = re.match(
            r"# expect: (\d+):(\d+) ([a-z-]+) \| (.+)",
            fixture.read_text().splitlines()[0]).groups()
        shutil.copy(fixture, project / "playbooks" / "guides")
        expected.append(
            f"playbooks/guides/{fixture.name}:{line}:{column}: error: {message} ({rule})")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert [line for line in expected if line not in result.stderr] == []
    no_traceback(result)


def test_invalid_playbook_fails_the_build_with_its_position(tmp_path: Path) -> None:
    project = shutil.copytree(MINI, tmp_path / "broken")
    shutil.copy(FIXTURES / "invalid" / "bool-trap.yml", project / "playbooks" / "guides")
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert ('playbooks/guides/bool-trap.yml:3:8: error: title: unquoted no is read as a '
            'yes/no value, not text') in result.stderr
    no_traceback(result)
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


MACRO_MISTAKES = [
    ('playbook_link("severity-triag")',
     "unknown playbook id 'severity-triag'; did you mean 'severity-triage'?"),
    ('playbook_section("reply-to-comments", "signals")',
     "playbook 'reply-to-comments' (guide) has no section 'signals'"),
    ('playbook_list(kind="guide", style="grid")',
     "style must be list, table or cards, not 'grid'"),
    ("playbook_link()", "playbook_link() was called with the wrong arguments (missing a "
     "required argument: 'playbook_id'); see CONTRIBUTING for how to call it"),
    ("playbook_link(42)", "playbook_link(): playbook_id must be text in quotes, not int 42"),
    ('playbook_list(kind=["guide"])',
     "playbook_list(): filters must be text in quotes, not list ['guide']"),
    ('playbook_section("severity-triage")', "playbook_section() was called with the wrong "
     "arguments (missing a required argument: 'section'); see CONTRIBUTING for how to call it"),
]


@pytest.fixture(scope="module")
def macro_mistakes_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str]:
    """One build of the mini handbook with each macro mistake on a page of its own
    (onboarding-<n>.md, line 3): its exit code and log."""
    tmp = tmp_path_factory.mktemp("macro")
    project = shutil.copytree(MINI, tmp / "macro")
    for number, (call, _message) in enumerate(MACRO_MISTAKES):
        (project / "docs" / f"onboarding-{number}.md").write_text(
            f"# Onboarding\n\nRead {{{{ {call} }}}} first.\n")
    result = mkdocs_build(project, tmp / "site")
    no_traceback(result)
    return result.returncode, result.stderr


@pytest.mark.parametrize("number", range(len(MACRO_MISTAKES)),
                         ids=[call for call, _message in MACRO_MISTAKES])
def test_macro_mistake_fails_the_build_at_its_line(macro_mistakes_build: tuple[int, str],
                                                   number: int) -> None:
    """Every mistake of one build is reported, each at its own page and line."""
    code, log = macro_mistakes_build
    assert code == 1
    message = MACRO_MISTAKES[number][1]
    assert f"docs/onboarding-{number}.md:3:9: error: {message} (macro)" in log


def test_hand_written_page_at_a_generated_address_is_refused(tmp_path: Path) -> None:
    project = shutil.copytree(MINI, tmp_path / "clash")
    clash = project / "docs" / "playbooks" / "guides"
    clash.mkdir(parents=True)
    (clash / "reply-to-comments.md").write_text("# Mine\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "playbooks/guides/reply-to-comments.md in docs/ has the same address" in result.stderr


@pytest.mark.parametrize("page", ["go/reply-to-comments.md", "go/answering-comments.md",
                                  "playbooks/crisis-handling/answering-comments.md"])
def test_hand_written_page_at_a_go_address_is_refused(tmp_path: Path, page: str) -> None:
    project = shutil.copytree(MINI, tmp_path / "clash")
    (project / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs" / page).write_text("# Mine\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"{page} in docs/ has the same address as a /go/ or former-id link" \
        in result.stderr
    no_traceback(result)


def test_unusable_handbook_today_fails_the_build_in_one_sentence(tmp_path: Path) -> None:
    project = shutil.copytree(MINI, tmp_path / "project")
    result = mkdocs_build(project, tmp_path / "site", HANDBOOK_TODAY="9999-12-31")
    assert result.returncode == 1
    assert "HANDBOOK_TODAY: 9999-12-31 is outside 2000-01-01 to 2100-12-31" in result.stderr
    no_traceback(result)


def test_overrides_folder_replaces_a_page_template(tmp_path: Path) -> None:
    project = shutil.copytree(MINI, tmp_path / "themed")
    custom = project / "overrides" / "handbook" / "sections"
    custom.mkdir(parents=True)
    (custom / "donts.html").write_text(
        '{{ heading(2, "Never do this", "donts") }}\n<ul>\n'
        "{% for d in pb.donts %}\n<li>{{ d }}</li>\n{% endfor %}\n</ul>\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    site = build_ok(project, tmp_path / "site")
    page = article(site, "playbooks/crisis-handling/severity-triage")
    assert '<h2 id="donts">Never do this' in page
    assert "<li>Do not delete critical comments</li>" in page


def _latin1(guides: Path, tmp: Path) -> str:
    (guides / "latin1.yml").write_bytes(b"id: latin1\ntitle: Caf\xe9\n")
    return "playbooks/guides/latin1.yml:2:11: error: byte 0xe9 is not UTF-8 text"


def _oversized(guides: Path, tmp: Path) -> str:
    (guides / "big.yml").write_text("id: big\nnotes: |\n" + ("  " + "x" * 99 + "\n") * 11_000)
    return "playbooks/guides/big.yml:1:1: error: the file is 1,122,017 bytes"


def _outside_link(guides: Path, tmp: Path) -> str:
    outside = tmp / "outside.yml"
    shutil.copy(guides / "reply-to-comments.yml", outside)
    (guides / "linked.yml").symlink_to(outside)
    return "playbooks/guides/linked.yml:0:0: error: this is a link to a file outside"


@pytest.mark.parametrize("make_bad_file", [_latin1, _oversized, _outside_link],
                         ids=lambda f: f.__name__.strip("_"))
def test_unreadable_files_fail_the_build_too(tmp_path: Path, make_bad_file) -> None:  # noqa: ANN001
    project = shutil.copytree(MINI, tmp_path / "project")
    expected = make_bad_file(project / "playbooks" / "guides", tmp_path)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert expected in result.stderr
    no_traceback(result)


def test_broken_internal_link_fails_the_strict_build(tmp_path: Path) -> None:
    project = shutil.copytree(MINI, tmp_path / "links")
    (project / "docs" / "onboarding.md").write_text(
        "# Onboarding\n\nSee [the missing page](missing.md) and [triage](index.md#nope).\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert ("WARNING -  Doc file 'onboarding.md' contains a link 'missing.md', but the target "
            "is not found among documentation files.") in result.stderr
    assert ("WARNING -  Doc file 'onboarding.md' contains a link 'index.md#nope', but the doc "
            "'index.md' does not contain an anchor '#nope'.") in result.stderr


@pytest.mark.parametrize(("name", "target"), [
    ("CONTRIBUTING.tr.md", ".git/config"), ("CONTRIBUTING.md", "../outside.md")])
def test_a_contributor_guide_that_links_out_of_the_repository_fails_the_build(
        tmp_path: Path, name: str, target: str) -> None:
    """The guide at the root is a page too: a link there publishes nothing either."""
    project = shutil.copytree(MINI, tmp_path / "guide")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[http]\n  extraheader = basic TOKEN-123\n")
    (project / "CONTRIBUTING.md").write_text("# Contribute\n\nOpen a pull request.\n")
    (tmp_path / "outside.md").write_text("TOKEN-123 from elsewhere on the machine\n")
    (project / name).unlink(missing_ok=True)
    (project / name).symlink_to(target)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (f"{name}:1:1: error: this is a link to a file outside the repository or in "
            "git's own folder, which the site would publish; put the guide's own text here "
            "instead (symlink)") in result.stderr
    assert "Traceback" not in result.stderr and "TOKEN-123" not in result.stderr


def test_a_docs_file_that_links_out_of_the_repository_fails_the_build(tmp_path: Path) -> None:
    """A pull request cannot publish the checkout's token (.git/config) or a file from
    elsewhere on the machine by replacing a docs file with a link; a link inside is fine."""
    project = shutil.copytree(MINI, tmp_path / "links")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[http]\n  extraheader = basic TOKEN-123\n")
    (project / "docs" / "tags.md").unlink()
    (project / "docs" / "tags.md").symlink_to("../.git/config")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG TOKEN-456")
    (project / "docs" / "photo.png").symlink_to(tmp_path / "photo.png")
    (project / "docs" / "same.md").symlink_to("first-hour.md")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    refused = [line for line in result.stderr.splitlines() if "(symlink)" in line]
    assert [line.split("error:")[0].split()[-1] for line in refused] == [
        "docs/photo.png:1:1:", "docs/tags.md:1:1:"]
    assert refused[0].endswith(
        "docs/photo.png:1:1: error: this is a link to a file outside the repository or in "
        "git's own folder, which the site would publish; copy the file into docs/ instead "
        "(symlink)")
    site = tmp_path / "site"
    assert not any("TOKEN-" in p.read_text(errors="replace") for p in site.rglob("*")
                   if p.is_file())


def test_fragments_replace_their_placeholders_once() -> None:
    from playbook_handbook.site.fragments import Fragments

    fragments = Fragments()
    table, words = fragments.hold("<table></table>\n"), fragments.hold("<b>x</b>")
    other = Fragments().hold("<i>forged</i>")  # another process's (or page's) placeholder
    page = f"<p>{table}</p>\n<p>a {words} b</p>\n<p>{other}</p>"
    assert fragments.fill(page) == f"<table></table>\n<p>a <b>x</b> b</p>\n<p>{other}</p>"
    echo = fragments.hold(f"<p>{table}</p>")  # HTML holding a placeholder's text
    assert fragments.fill(echo) == f"<p>{table}</p>"


def test_an_override_of_a_retired_markdown_template_is_named(tmp_path: Path) -> None:
    from playbook_handbook.render.pages import retired_overrides

    assert retired_overrides(None) == [] and retired_overrides(tmp_path) == []
    (tmp_path / "handbook").mkdir()
    for name in ("card.md", "README.md", "pages"):
        (tmp_path / "handbook" / name).write_text("x")
    assert retired_overrides(tmp_path) == [
        "handbook/card.md is no longer read: generated pages are HTML templates now; copy "
        "pages/card.html from playbook_handbook/render/templates/ and edit it"]
