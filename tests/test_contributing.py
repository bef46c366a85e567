"""CONTRIBUTING.md: its example messages are what the tool prints, its links work
on GitHub and in the site, and the site renders it without a copy in docs/."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, handbook

from playbook_handbook.site.contributing import site_markdown

CONTRIBUTING = REPO / "CONTRIBUTING.md"
MESSAGE_LINE = re.compile(r"^\S+\.ya?ml:\d+:\d+: (?:error|warning): .+\(\S+\)$")


@dataclass(frozen=True)
class Mistake:
    """One mistake a contributor makes, made for real in a copy of the repository."""

    file: str
    old: str
    new: str
    message: str  # the line CONTRIBUTING.md shows; handbook check must print it
    rename_to: str | None = None


MISTAKES = [
    Mistake("playbooks/guides/community-management.yml", "level: foundation\n",
            "level: foundaton\n",
            "playbooks/guides/community-management.yml:8:8: error: level: 'foundaton' is not "
            "one of: foundation, practitioner, expert; did you mean 'foundation'? (enum)"),
    Mistake("playbooks/guides/post-crisis-review.yml",
            "title: Run a blameless post-crisis review\n",
            "title: Post-crisis review: what went well\n",
            "playbooks/guides/post-crisis-review.yml:3:26: error: YAML syntax: a colon followed "
            "by a space inside an unquoted value (put the whole value in quotes, for example "
            "title: \"Crisis: first hour\"), or this line is indented more than the lines around "
            "it (syntax)"),
    Mistake("playbooks/guides/content-calendar-planning.yml", "\nsummary: How to plan",
            "\nsumary: How to plan",
            "playbooks/guides/content-calendar-planning.yml:4:1: error: unknown field 'sumary'; "
            "did you mean 'summary'? (unknown-field)"),
    Mistake("playbooks/guides/community-management.yml", "  - customer-service-on-social\n",
            "  - customer-service-on-socal\n",
            "playbooks/guides/community-management.yml:15:5: error: unknown playbook id "
            "'customer-service-on-socal'; did you mean 'customer-service-on-social'? "
            "(unknown-id)"),
    Mistake("playbooks/guides/keep-up-with-platform-changes.yml",
            "id: keep-up-with-platform-changes\n", "id: keep-up-with-platform-updates\n",
            "playbooks/guides/keep-up-with-platform-changes.yml:2:5: error: the file name must "
            "match the id: rename the file to keep-up-with-platform-updates.yml or set id: "
            "keep-up-with-platform-changes (file-name)"),
    Mistake("playbooks/guides/post-crisis-review.yml", "id: post-crisis-review\n",
            "id: crisis-retrospective\naliases: [post-crisis-review]\n",
            "playbooks/crisis-handling/crisis-first-hour.yml:23:5: warning: 'post-crisis-review' "
            "is a former id of 'crisis-retrospective'; refer to the current id (former-id)",
            rename_to="playbooks/guides/crisis-retrospective.yml"),
    Mistake("playbooks/crisis-handling/x-crisis-end-of-day.yml",
            "  - level: 1\n    guidance: >-\n      At 6 pm",
            "  - level: 1\n    alert: [Head of communications, Legal counsel]\n    guidance: >-\n"
            "      At 6 pm",
            "playbooks/crisis-handling/x-crisis-end-of-day.yml:57:12: error: alert of level 1 "
            "differs from definitions/severity-scale.yml, where it is Head of communications, "
            "Legal counsel, Executive on call, Social media lead, Customer care lead, Information "
            "security lead; a playbook cannot redefine it: remove it here, or change the scale "
            "(shared-fact)"),
    Mistake("playbooks/crisis-handling/crisis-first-hour.yml", "  - role: incident-lead\n",
            "  - role: incident-led\n",
            "playbooks/crisis-handling/crisis-first-hour.yml:108:11: error: unknown crisis role "
            "'incident-led'; did you mean 'incident-lead'? (unknown-reference)"),
    Mistake("playbooks/guides/content-calendar-planning.yml",
            "title: Plan a content calendar that serves your business goals\n",
            "title: Plan a content calendar that serves the business goals\n",
            "playbooks/guides/content-calendar-planning.tr.yml:3:8: warning: title: the English "
            "changed after this was translated; update the translation, then run: handbook "
            "translated playbooks/guides/content-calendar-planning.tr.yml (translation-stale)"),
    Mistake("playbooks/guides/monthly-analytics-report.yml", "last_reviewed: 2026-",
            "last_reviewed: 2025-01-10\n# was: 2026-",
            "playbooks/guides/monthly-analytics-report.yml:13:16: warning: review overdue since "
            "2025-07-09 (owner @social-strategy); review the playbook and update last_reviewed "
            "(review-overdue)"),
]


def broken_copy(tmp_path: Path, mistake: Mistake) -> Path:
    """The repository's playbooks and paths with ``mistake`` made in one file."""
    root = tmp_path / "repo"
    for folder in ("playbooks", "paths", "definitions"):
        shutil.copytree(REPO / folder, root / folder)
    target = root / mistake.file
    text = target.read_text(encoding="utf-8")
    assert text.count(mistake.old) == 1, f"{mistake.old!r} no longer in {mistake.file}"
    target.write_text(text.replace(mistake.old, mistake.new), encoding="utf-8")
    if mistake.rename_to:
        target.rename(root / mistake.rename_to)
    return root


def doc_messages() -> list[str]:
    """The example messages CONTRIBUTING.md shows, each a code span alone on its line."""
    lines = (line.strip() for line in CONTRIBUTING.read_text(encoding="utf-8").splitlines())
    return [line[1:-1] for line in lines
            if line.startswith("`") and line.endswith("`") and MESSAGE_LINE.match(line[1:-1])]


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.message.split(" (")[-1][:-1])
def test_each_example_message_is_what_check_prints(tmp_path: Path, mistake: Mistake) -> None:
    root = broken_copy(tmp_path, mistake)
    result = handbook("check", "--root", str(root))
    assert "Traceback" not in result.stderr
    assert mistake.message in result.stdout.splitlines(), result.stdout
    assert mistake.message in doc_messages(), \
        "CONTRIBUTING.md no longer shows this message"


def test_contributing_shows_no_message_the_tool_does_not_print() -> None:
    shown = set(doc_messages())
    assert shown, "CONTRIBUTING.md shows no example message"
    assert shown <= {m.message for m in MISTAKES}


def test_relative_links_resolve_in_the_repository() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    local = [link.split("#")[0] for link in links
             if not re.match(r"^[a-z]+:|^#", link) and link.split("#")[0]]
    assert "docs/keeping-current.md" in local
    for link in local:
        assert (REPO / link).exists(), f"CONTRIBUTING.md links to missing {link}"


def test_links_are_rewritten_for_the_site_page() -> None:
    text = ("See [the guide](docs/keeping-current.md#fix), [readme](README.md), "
            "[folder](playbooks/guides), `[code](README.md)` and [web](https://example.org).\n"
            "```\n[fenced](README.md)\n```\n[ref]: .github/CODEOWNERS\n")
    out = site_markdown(text, REPO, "https://github.com/o/r/", "edit/trunk/docs/")
    assert "[the guide](keeping-current.md#fix)" in out
    assert "[readme](https://github.com/o/r/blob/trunk/README.md)" in out
    assert "[folder](https://github.com/o/r/tree/trunk/playbooks/guides)" in out
    assert "`[code](README.md)`" in out and "[fenced](README.md)" in out
    assert "[web](https://example.org)" in out
    assert "[ref]: https://github.com/o/r/blob/trunk/.github/CODEOWNERS" in out


@pytest.fixture(scope="module")
def site(repo_site: Path) -> Path:
    return repo_site


def test_site_renders_contributing_without_a_copy_in_docs(site: Path) -> None:
    assert not (REPO / "docs" / "contributing.md").exists()
    page = (site / "contributing" / "index.html").read_text(encoding="utf-8")
    assert "Contributing to the handbook" in page
    assert 'href="../keeping-current/' in page
    assert "https://github.com/example-org/social-handbook/blob/main/README.md" in page
    # the example messages arrive as typed
    assert "did you mean &#39;foundation&#39;? (enum)" in page or \
        "did you mean 'foundation'? (enum)" in page
    # it is in the navigation, and Keeping it current links to it
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="contributing/"' in home
    current = (site / "keeping-current" / "index.html").read_text(encoding="utf-8")
    assert 'href="../contributing/' in current
