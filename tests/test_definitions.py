"""Shared definitions: each fact lives once, and every page that shows it follows it."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from conftest import MINI, build_ok, checkout_copy, copy_tree, mkdocs_build, repo_book

from playbook_handbook.cli.main import main
from playbook_handbook.index.handbook import load_handbook

OLD_ROLE, NEW_ROLE = "name: Legal counsel\n", "name: Legal adviser on duty\n"
OLD_TEXT = "We're aware of [issue] and are looking into it now."
NEW_TEXT = "Team on it: we know about [issue] and are checking now."
#: What a placeholder may take once filled in, for the TikTok comment limit.
FILLED = "x" * 15
TIKTOK_COMMENT = 150


def _edited_copy(dest: Path) -> Path:
    """The repository with one role renamed and one statement reworded, in their homes."""
    checkout_copy(dest, leave_out=("tests", "benchmarks"))
    roles = dest / "definitions" / "crisis-roles.yml"
    assert OLD_ROLE in roles.read_text()
    roles.write_text(roles.read_text().replace(OLD_ROLE, NEW_ROLE))
    library = dest / "definitions" / "holding-statements.yml"
    text = library.read_text()
    wrapped = "We're aware of [issue] and are looking into it now. We'll share an update here by\n"
    assert wrapped in text
    library.write_text(text.replace(wrapped, NEW_TEXT + " We'll share an update here by\n"))
    return dest


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = _edited_copy(tmp_path_factory.mktemp("edited") / "repo")
    return project, build_ok(project, tmp_path_factory.mktemp("edited-site"))


def _text(site: Path, uri: str) -> str:
    """A built page's HTML with its tags taken out, so text reads as the reader sees it."""
    html = (site / uri / "index.html").read_text(encoding="utf-8")
    return unescape(re.sub(r"<[^>]+>", "", html))


def _html(site: Path, uri: str) -> str:
    return unescape((site / uri / "index.html").read_text(encoding="utf-8"))


def test_one_change_in_its_home_changes_every_page_card_triage_and_search_entry(
        edited: tuple[Path, Path]) -> None:
    project, site = edited
    book = load_handbook(project)
    crisis = book.by_kind("crisis-handling")
    assert len(crisis) >= 6
    index = json.loads((site / "search" / "search_index.json").read_text())
    for entry in crisis:
        page = _text(site, entry.page_uri.removesuffix(".md"))
        card = _text(site, f"cards/{entry.id}")
        # The renamed role: in the severity table, every triage result that alerts it, the card.
        assert "Alert: Head of communications (call), Legal adviser on duty (call)" in page
        raw = _html(site, entry.page_uri.removesuffix(".md"))
        level_one = re.search(r'data-hb-level="1".*?</ol>', raw, flags=re.S).group(0)
        assert "Legal adviser on duty (call)" in level_one
        assert "Legal adviser on duty signs off" in level_one
        assert "Legal adviser on duty (call)" in card
        for text in (page, card):
            assert "Legal counsel (call)" not in text and "Legal counsel signs off" not in text
        # The reworded statement: wherever a page or card lists it, and in search.
        uses = [u.statement for u in entry.playbook.statement_uses]
        # Search reads the full text from `body` (`text` is the short excerpt shown).
        docs = " ".join(d["body"] for d in index["docs"]
                        if d["location"].startswith(entry.page_uri.removesuffix(".md") + "/"))
        if "aware-looking-into-it" in uses:
            assert NEW_TEXT in page and NEW_TEXT in card
            assert NEW_TEXT.replace("[issue]", "") .split(":")[0] in docs
        assert OLD_TEXT not in page and OLD_TEXT not in card and OLD_TEXT not in docs
    assert sum("aware-looking-into-it" in [u.statement for u in e.playbook.statement_uses]
               for e in crisis) >= 3


def test_starter_content_states_each_shared_fact_once() -> None:
    book = repo_book()
    assert not [p for p in book.problems if p.severity == "error"]
    for entry in book.by_kind("crisis-handling"):
        for guidance in entry.playbook.severity_levels:
            assert guidance.alert is None and guidance.respond_within_minutes is None, entry.id
            assert guidance.approver is None and guidance.name is None, entry.id
    titles = [s.title for s in book.definitions.statements.values()]
    assert len(titles) == len(set(titles))
    texts = [" ".join(s.text.split()) for s in book.definitions.statements.values()]
    assert len(texts) == len(set(texts))
    # Level 1 alerts the information security lead when an account may be compromised.
    level_one = book.definitions.scale.get(1)
    security = [a for a in level_one.alert
                if getattr(a, "role", a) == "information-security-lead"]
    assert security and "compromised" in security[0].when


def test_tiktok_statements_fit_a_tiktok_comment_once_filled_in() -> None:
    book = repo_book()
    tiktok = [s for s in book.definitions.statements.values() if "tiktok" in s.networks]
    assert tiktok
    for statement in tiktok:
        filled = re.sub(r"\[[^\]]*\]", FILLED, " ".join(statement.text.split()))
        assert len(filled) <= TIKTOK_COMMENT, (statement.id, len(filled))


def test_no_statement_assumes_a_direct_message_is_possible() -> None:
    book = repo_book()
    for statement in book.definitions.statements.values():
        text = statement.text.casefold()
        assert "sent you a direct message" not in text and "sent you a dm" not in text
        if "message us" in text:
            assert "[contact link]" in text or "e-mail" in text, statement.id


def test_check_names_an_unknown_tag_with_the_nearest_listed_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _edited_copy(tmp_path / "repo")
    file = project / "playbooks" / "guides" / "community-management.yml"
    text = file.read_text()
    file.write_text(text.replace("tags: [moderation,", "tags: [moderaton,"))
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("tags: "))
    assert main(["check", "--root", str(project), str(file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (f"playbooks/guides/community-management.yml:{line}:8: warning: tag 'moderaton' "
            "is not in the tag vocabulary; did you mean 'moderation'? (unknown-tag)") in out


def test_a_near_copy_of_a_statement_in_a_guide_names_both_places(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_tree(MINI, tmp_path / "mini")
    guide = project / "playbooks" / "guides" / "reply-to-comments.yml"
    guide.write_text(guide.read_text().replace(
        "Thanks for telling us, {name}! We have passed this on to the team.",
        "We are aware of reports about this and are looking into it. We will update here "
        "by 19:00."))
    assert main(["check", "--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"playbooks/guides/reply-to-comments\.yml:\d+:\d+: warning: 'Thank-you "
                     r"reply' shares \d+% of its wording with 'We are looking into it' at "
                     r"definitions/holding-statements\.yml:4:11; .* \(near-copy\)", out), out


def test_macros_show_the_shared_scale_and_a_statement_on_a_hand_written_page(
        tmp_path: Path) -> None:
    project = copy_tree(MINI, tmp_path / "mini")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text() + '\n{{ severity_scale() }}\n\n'
                     '{{ holding_statement("looking-into-it") }}\n')
    html = _text(build_ok(project, tmp_path / "site"), "")
    assert "1 · Critical" in html and "Alert: Head of communications, Legal counsel" in html
    assert "We are aware of reports about this and are looking into it now." in html
    assert "Approved by Head of communications until" in html
    index.write_text(index.read_text().replace('"looking-into-it"', '"looking-into-ti"'))
    result = mkdocs_build(project, tmp_path / "broken")
    assert result.returncode != 0
    assert ("unknown holding statement 'looking-into-ti'; did you mean 'looking-into-it'?"
            in result.stderr)
