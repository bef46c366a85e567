"""The training layer in built HTML: skills map, progress, review, triage, cards, offline."""

from __future__ import annotations

import json
import posixpath
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, build_ok, handbook
from test_site import active_content

from playbook_handbook.index.handbook import load_handbook
from playbook_handbook.render.pages import LEVELS, skills_of


@pytest.fixture(scope="module")
def book():  # noqa: ANN201
    return load_handbook(REPO)


@pytest.fixture(scope="module")
def SKILLS(book) -> dict:  # noqa: ANN001, N802 - the skills map's rows, from the vocabulary
    return skills_of(book.definitions)


HIDDEN = r'hidden(?:="[^"]*")?'


def page(site: Path, uri: str) -> str:
    return (site / uri / "index.html").read_text(encoding="utf-8")


def article(site: Path, uri: str) -> str:
    text = page(site, uri)
    return text[text.index("<article"):text.index("</article>")]


def target(from_uri: str, href: str) -> str:
    """The site folder a relative link on the page at ``from_uri`` leads to."""
    return posixpath.normpath(posixpath.join(from_uri, href.split("#")[0])).strip("/")


class Table(HTMLParser):
    """Rows of the first table: each cell's text and link targets."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[dict]] = []
        self.cell: dict | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = {"text": "", "links": []}
            self.rows[-1].append(self.cell)
        elif tag == "a" and self.cell is not None:
            self.cell["links"].append(dict(attrs)["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.cell = None
        elif tag == "table":
            self.done = True

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.done:
            self.cell["text"] += data


def table(markup: str) -> list[list[dict]]:
    parser = Table()
    parser.feed(markup)
    return parser.rows


# -- skills map ------------------------------------------------------------------------


def test_skills_map_lists_the_playbooks_of_each_skill_and_level(  # noqa: N803
        repo_site: Path, book, SKILLS) -> None:  # noqa: ANN001
    rows = table(article(repo_site, "skills"))
    header, body = rows[0], rows[1:]
    assert [c["text"].strip() for c in header] == [
        "Skill", "Foundation", "Practitioner", "Expert", "Playbooks"]
    assert len(body) == len(SKILLS) == 8
    gaps = 0
    for row, (skill, (title, _about)) in zip(body, SKILLS.items(), strict=True):
        assert row[0]["text"].strip().startswith(title)
        for cell, level in zip(row[1:4], LEVELS, strict=True):
            entries = book.select(skill=skill, level=level)
            expected = {e.page_uri.removesuffix(".md") for e in entries}
            assert {target("skills", href) for href in cell["links"]} == expected, (skill, level)
            if not expected:
                gaps += 1
                assert cell["text"].strip() == "No playbook yet"
        assert int(row[4]["text"]) == len(book.select(skill=skill))
    summary = re.search(r"<strong>(\d+) of (\d+)</strong>.*?<strong>(\d+)</strong>",
                        article(repo_site, "skills"))
    assert summary and summary.groups() == (str(24 - gaps), "24", str(gaps))


def test_skills_map_marks_a_blind_spot(mini_site: Path) -> None:
    """The mini handbook teaches two skills at foundation level only: the rest are gaps."""
    rows = table(article(mini_site, "skills"))[1:]
    cells = [cell["text"].strip() for row in rows for cell in row[1:4]]
    assert cells.count("No playbook yet") == len(cells) - sum(
        1 for row in rows for cell in row[1:4] if cell["links"])
    assert cells.count("No playbook yet") >= 20


def test_skills_map_is_in_the_navigation_and_explains_itself(repo_site: Path) -> None:
    home = page(repo_site, "")
    assert 'href="skills/"' in home
    text = article(repo_site, "skills")
    assert "How a lead uses it" in text and "blind spot" in text


# -- onboarding paths: progress and review ----------------------------------------------


@pytest.mark.parametrize("path_id", ["crisis-on-call-readiness", "new-community-manager"])
def test_path_page_has_one_hidden_checkbox_per_step_keyed_by_playbook_id(
        repo_site: Path, book, path_id: str) -> None:  # noqa: ANN001
    html = article(repo_site, f"paths/{path_id}")
    assert re.search(f'<div class="hb-progress" data-hb-progress="{path_id}" {HIDDEN}>', html)
    steps = [book.resolve(s.playbook).id for s in book.paths[path_id].path.steps]
    assert re.findall(r'data-hb-step="([^"]+)"', html) == steps
    # Without JavaScript the controls stay hidden: each sits in a hidden container.
    assert len(re.findall(f'<div class="hb-step-done" {HIDDEN}>', html)) == len(steps)
    assert 'data-hb-progress-reset' in html


def test_path_review_gathers_every_self_check_of_its_playbooks(repo_site: Path, book) -> None:  # noqa: ANN001
    path_id = "crisis-on-call-readiness"
    html = article(repo_site, f"paths/{path_id}")
    review = html[html.index('id="review"'):]
    seen: list[str] = []
    for step in book.paths[path_id].path.steps:
        entry = book.resolve(step.playbook)
        if entry.id in seen or not entry.playbook.self_check:
            continue
        seen.append(entry.id)
        href = posixpath.relpath(entry.page_uri.removesuffix(".md"), f"paths/{path_id}") + "/"
        assert f'href="{href}"' in review
        for check in entry.playbook.self_check:
            question = check.question.replace("'", "&#x27;").replace('"', "&quot;")
            assert question.split("&")[0][:40] in review, check.question
    assert review.count('<details class="hb-qa">') == sum(
        len(book.resolve(i).playbook.self_check) for i in seen)


def test_playbook_self_checks_are_question_then_reveal(repo_site: Path, book) -> None:  # noqa: ANN001
    entry = book.resolve("crisis-first-hour")
    html = article(repo_site, entry.page_uri.removesuffix(".md"))
    details = re.findall(r'<details class="question">\s*<summary>(.*?)</summary>', html)
    assert len(details) == len(entry.playbook.self_check)
    assert "<details class=\"question\" open" not in html


# -- crisis triage ---------------------------------------------------------------------------


MINI_SCALE = "definitions/severity-scale.yml"


def test_every_crisis_page_has_a_hidden_triage_built_from_the_shared_scale(
        repo_site: Path, book) -> None:  # noqa: ANN001
    scale = book.definitions.scale
    levels = scale.ordered
    for entry in book.by_kind("crisis-handling"):
        html = article(repo_site, entry.page_uri.removesuffix(".md"))
        assert re.search(f'<div class="hb-triage" data-hb-triage[^ >]* {HIDDEN}>', html)
        results = re.findall(r'data-hb-level="(\d+)" data-hb-row="(\d+)" '
                             r'data-hb-triggers="([^"]*)" ' + HIDDEN, html)
        assert results == [(str(s.level), str(i), " ".join(s.triggers))
                           for i, s in enumerate(levels)]
        asked = re.findall(r'name="hb-triage-([a-z]+)" value="yes"', html)
        used = {t for s in levels for t in s.triggers}
        assert asked == [q.id for q in scale.triage_questions if q.id in used]
        # The full severity table is still there for readers without JavaScript.
        assert html.count("<tr>") >= len(levels) + 1 and 'class="hb-severity"' in html


def test_each_triage_result_shows_its_own_levels_first_actions(repo_site: Path, book) -> None:  # noqa: ANN001
    html = unescape(article(repo_site, "playbooks/crisis-handling/crisis-first-hour"))
    results = re.findall(r'data-hb-level="(\d+)".*?</ol>', html, flags=re.S)
    blocks = dict(zip(results, re.findall(r'data-hb-level="\d+".*?</ol>', html, flags=re.S),
                      strict=True))
    scale = book.definitions.scale
    for level in scale.levels:
        block = blocks[str(level.level)]
        for action in level.first_actions:
            assert action in block
        for other in scale.levels:
            if other.level != level.level:
                only_there = set(other.first_actions) - set(level.first_actions)
                assert not [a for a in only_there if a in block], (level.level, other.level)


def test_the_scales_own_examples_triage_to_their_level(book) -> None:  # noqa: ANN001
    scale = book.definitions.scale
    level_one = scale.get(1)
    assert all(e.yes for e in level_one.examples)
    for level in scale.levels:
        for example in level.examples:
            assert scale.triage(example.yes).level == level.level, example.text


def test_yes_to_harm_or_a_compromised_account_shows_what_to_do_first(repo_site: Path) -> None:
    html = article(repo_site, "playbooks/crisis-handling/crisis-severity-triage")
    harm = re.search(f'data-hb-on-yes="harm" {HIDDEN}>(.*?)</div>', html, flags=re.S).group(1)
    assert "112" in harm and "emergency services" in harm
    account = re.search(f'data-hb-on-yes="account" {HIDDEN}>(.*?)</div>', html,
                        flags=re.S).group(1)
    assert 'href="../hacked-account-lockdown/"' in account


def test_mini_triage_asks_only_the_questions_its_levels_use(mini_site: Path) -> None:
    html = article(mini_site, "playbooks/crisis-handling/severity-triage")
    assert re.findall(r'name="hb-triage-([a-z]+)" value="yes"', html) == [
        "harm", "legal", "media", "spreading"]


def test_levels_without_triggers_get_no_triage_but_keep_the_table(
        mini: Path, tmp_path: Path) -> None:
    file = mini / MINI_SCALE
    file.write_text("\n".join(line for line in file.read_text().splitlines()
                              if "triggers:" not in line and "yes:" not in line) + "\n")
    html = article(build_ok(mini, tmp_path / "site"), "playbooks/crisis-handling/severity-triage")
    assert "data-hb-triage" not in html
    assert 'class="hb-severity"' in html and "1 · Critical" in html


def test_a_triage_question_on_two_levels_is_an_error(mini: Path) -> None:
    file = mini / MINI_SCALE
    file.write_text(file.read_text().replace("triggers: [media, spreading]",
                                             "triggers: [media, harm]"))
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert ("triage question 'harm' is a trigger of both level 1 and level 2; keep it on one "
            "level") in result.stdout
    assert result.stdout.startswith(f"{MINI_SCALE}:")


def test_an_unknown_triage_question_names_the_nearest(mini: Path) -> None:
    file = mini / MINI_SCALE
    text = file.read_text().replace("triggers: [media, spreading]", "triggers: [media, spread]")
    file.write_text(text)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "[media, spread]" in t)
    column = text.splitlines()[line - 1].index("spread]") + 1
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert (f"{MINI_SCALE}:{line}:{column}: error: unknown triage question 'spread'; did you "
            "mean 'spreading'? (unknown-reference)") in result.stdout.splitlines()


def test_an_example_the_triage_would_misplace_is_an_error(mini: Path) -> None:
    file = mini / MINI_SCALE
    text = file.read_text().replace("      - text: A viral complaint\n        yes: [spreading]",
                                    "      - text: A viral complaint\n        yes: [harm]")
    file.write_text(text)
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert ("this Level 2 example comes out of the triage as Level 1 (yes to: harm)"
            in result.stdout)


def test_yaml_text_stays_inert_in_triage_and_card(mini: Path, tmp_path: Path) -> None:
    scale = mini / MINI_SCALE
    text = scale.read_text()
    text = text.replace("name: Critical", 'name: "<img src=x onerror=alert(1)>"')
    text = text.replace("first_actions: [Call the Level 1 roles now]",
                        "first_actions: ['<input type=checkbox data-hb-step=x onclick=alert(1)>', "
                        "'{{ config.site_name }}']")
    scale.write_text(text)
    roles = mini / "definitions/crisis-roles.yml"
    roles.write_text(roles.read_text().replace("name: Legal counsel",
                                                'name: "<script>alert(1)</script>"'))
    file = mini / "playbooks/crisis-handling/severity-triage.yml"
    file.write_text(file.read_text().replace("Pause scheduled posts",
                                             '"<script>alert(1)</script>"'))
    site = build_ok(mini, tmp_path / "site")
    for uri in ("playbooks/crisis-handling/severity-triage", "cards/severity-triage"):
        html = article(site, uri)
        assert active_content(html) == [], uri
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        # The only checkboxes or buttons are the handbook's own, never one from YAML.
        assert 'data-hb-step="x"' not in html
    assert "{{ config.site_name }}" in article(site, "playbooks/crisis-handling/severity-triage")


# -- printable cards --------------------------------------------------------------------------


def test_each_crisis_playbook_has_a_card_with_every_required_part(repo_site: Path, book) -> None:  # noqa: ANN001
    roles, statements = book.definitions.roles, book.definitions.statements
    for entry in book.by_kind("crisis-handling"):
        pb = entry.playbook
        uri = f"cards/{entry.id}"
        text = unescape(article(repo_site, uri))
        for s in book.definitions.scale.levels:
            assert f"{s.level} · {s.name}" in text
        for item in pb.first_actions.first_15_minutes + pb.first_actions.first_hour:
            assert item in text
        for use in pb.role_uses:
            assert roles[use.role].name in text
        for use in pb.statement_uses:
            statement = statements[use.statement]
            assert statement.title in text and statement.text.split("[")[0] in text
        card_href = posixpath.relpath(uri, entry.page_uri.removesuffix(".md")) + "/"
        assert f'href="{card_href}"' in article(repo_site, entry.page_uri.removesuffix(".md"))


def test_cards_stay_out_of_search_and_navigation(repo_site: Path) -> None:
    index = json.loads((repo_site / "search" / "search_index.json").read_text())
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("cards/")]
    assert "cards/" not in page(repo_site, "")


# -- offline copy ------------------------------------------------------------------------------


def test_offline_build_inlines_search_and_loads_nothing_from_a_cdn(offline_site: Path) -> None:
    site = offline_site
    assert (site / "index.html").is_file() and (site / "skills.html").is_file()
    assert (site / "search" / "search_index.js").read_text().startswith("var __index = ")
    assert (site / "go" / "crisis-first-hour.html").is_file()
    # The Web Worker shim search needs on file://: in the offline copy only, in the body.
    home = (site / "index.html").read_text(encoding="utf-8")
    head, body = home.split("</head>", 1)
    assert "iframe-worker-shim.js" in body and "iframe-worker-shim.js" not in head
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "cdn." not in text, html
