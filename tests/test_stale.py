"""``handbook stale``: overdue playbooks one a line, exit 1 when any; --within adds the due soon."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import handbook, no_traceback

# In the fixture below, on 2026-12-15:
OVERDUE = "playbooks/guides/old-guide.yml: @community, due 2026-10-28"  # 2026-05-01 + 180
DUE_SOON = "playbooks/crisis-handling/severity-triage.yml: @social-leads, due 2026-12-30"  # +90
# reply-to-comments (2026-10-01 + 180 = 2027-03-30) is fresh.


def reviews(output: str) -> list[str]:
    """The review lines of ``handbook stale``'s output (translations are listed after
    them: the mini handbook has a Turkish edition; tests/test_translate.py covers those)."""
    return [line for line in output.splitlines() if ", due " in line]


@pytest.fixture
def book(mini: Path) -> Path:
    """The mini handbook plus a guide last reviewed on 2026-05-01."""
    made = handbook("new", "guide", "old-guide", "--root", str(mini), "--today", "2026-05-01",
                    "--title", "Old | *guide* <b>")
    assert made.returncode == 0, made.stderr
    return mini


def test_lists_overdue_only_and_exits_1(book: Path) -> None:
    result = handbook("stale", "--root", str(book), "--today", "2026-12-15")
    assert result.returncode == 1
    assert reviews(result.stdout) == [OVERDUE]


def test_within_adds_due_soon_without_changing_the_exit_code(book: Path) -> None:
    result = handbook("stale", "--root", str(book), "--today", "2026-12-15", "--within", "30")
    assert result.returncode == 1
    assert reviews(result.stdout) == [OVERDUE, DUE_SOON]
    assert result.stderr.splitlines()[0] == "1 overdue, 1 due within 30 days of 3 playbooks"

    short = handbook("stale", "--root", str(book), "--today", "2026-12-15", "--within", "14")
    assert reviews(short.stdout) == [OVERDUE]


def test_due_soon_alone_exits_0(mini: Path) -> None:
    fresh = handbook("stale", "--root", str(mini), "--today", "2026-12-15")
    assert fresh.returncode == 0 and reviews(fresh.stdout) == []
    soon = handbook("stale", "--root", str(mini), "--today", "2026-12-15", "--within", "30")
    assert soon.returncode == 0
    assert reviews(soon.stdout) == [DUE_SOON]


def test_honours_handbook_today(book: Path) -> None:
    result = handbook("stale", "--root", str(book), HANDBOOK_TODAY="2026-12-15")
    assert result.returncode == 1
    assert reviews(result.stdout) == [OVERDUE]
    before = handbook("stale", "--root", str(book), HANDBOOK_TODAY="2026-10-20")
    assert before.returncode == 0 and reviews(before.stdout) == []


def test_due_today_is_not_yet_overdue(book: Path) -> None:
    on_the_day = handbook("stale", "--root", str(book), "--today", "2026-10-28")
    assert on_the_day.returncode == 0 and reviews(on_the_day.stdout) == []
    day_after = handbook("stale", "--root", str(book), "--today", "2026-10-29")
    assert reviews(day_after.stdout) == [OVERDUE]


def test_deprecated_playbooks_are_left_out(book: Path) -> None:
    old = book / "playbooks/guides/old-guide.yml"
    old.write_text(old.read_text().replace("status: draft",
                                           "status: deprecated\nreplaced_by: reply-to-comments"))
    result = handbook("stale", "--root", str(book), "--today", "2026-12-15")
    assert result.returncode == 0 and reviews(result.stdout) == []


def test_markdown_table_for_the_job_summary(book: Path) -> None:
    result = handbook("stale", "--root", str(book), "--today", "2026-12-15", "--within", "30",
                      "--format", "markdown")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "## Playbooks to review"
    assert "1 overdue, 1 due soon of 3 playbooks." in result.stdout
    reviews_table = result.stdout.split("## Translations to update")[0].splitlines()
    rows = [line for line in reviews_table if line.startswith("| ") and "---" not in line][1:]
    assert rows == [
        r"| Old &#124; \*guide\* &lt;b&gt;<br>`playbooks/guides/old-guide.yml` | @community "
        "| 2026-10-28 | overdue by 48 days |",
        "| Severity triage<br>`playbooks/crisis-handling/severity-triage.yml` | @social-leads "
        "| 2026-12-30 | due in 15 days |",
    ]


def test_markdown_says_so_when_nothing_is_due(mini: Path) -> None:
    result = handbook("stale", "--root", str(mini), "--today", "2026-11-01", "--format",
                      "markdown")
    assert result.returncode == 0
    assert "None of the 2 playbooks is overdue for review." in result.stdout


def test_usage_errors_exit_2(tmp_path: Path, mini: Path) -> None:
    for args in (["--within", "soon"], ["--within", "-3"], ["--today", "yesterday"],
                 ["--format", "html"]):
        result = handbook("stale", "--root", str(mini), *args)
        no_traceback(result)
        assert result.returncode == 2, args
    missing = handbook("stale", "--root", str(tmp_path))
    assert missing.returncode == 2 and "no playbooks/ folder" in missing.stderr
