"""`handbook check`: every invalid fixture gives its exact line, column, rule and message."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, handbook, no_traceback

INVALID = sorted((FIXTURES / "invalid").glob("*.yml"))
VALID = sorted((FIXTURES / "valid").glob("*.yml"))
EXPECT = re.compile(r"# expect: (\d+):(\d+) ([a-z-]+) \| (.+)")


def place(mini: Path, fixture: Path) -> str:
    """Copy a fixture into the mini handbook's guides folder; return its repo path."""
    shutil.copy(fixture, mini / "playbooks" / "guides" / fixture.name)
    return f"playbooks/guides/{fixture.name}"


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_reports_exact_position(mini: Path, fixture: Path) -> None:
    line, column, rule, message = EXPECT.match(fixture.read_text().splitlines()[0]).groups()
    rel = place(mini, fixture)
    result = handbook("check", "--root", str(mini), str(mini / rel))
    assert result.returncode == 1
    assert f"{rel}:{line}:{column}: error: {message} ({rule})" in result.stdout.splitlines()
    no_traceback(result)


@pytest.mark.parametrize("fixture", VALID, ids=lambda p: p.stem)
def test_valid_fixture_passes(mini: Path, fixture: Path) -> None:
    place(mini, fixture)
    result = handbook("check", "--strict", "--root", str(mini))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "0 errors, 0 warnings" in result.stderr


def test_whole_handbook_lists_every_problem_one_a_line(mini: Path) -> None:
    for name in ("bool-trap", "wrong-type", "syntax-tab"):
        place(mini, FIXTURES / "invalid" / f"{name}.yml")
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    paths = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert paths == {f"playbooks/guides/{n}.yml" for n in ("bool-trap", "wrong-type", "syntax-tab")}
    assert "3 errors, 0 warnings in 5 files" in result.stderr


def test_problems_in_other_files_are_not_reported_for_a_named_file(mini: Path) -> None:
    place(mini, FIXTURES / "invalid" / "bool-trap.yml")
    good = mini / "playbooks" / "guides" / "reply-to-comments.yml"
    result = handbook("check", "--root", str(mini), str(good))
    assert result.returncode == 0
    assert result.stdout == ""


def test_github_format_annotates_file_line_and_column(mini: Path) -> None:
    rel = place(mini, FIXTURES / "invalid" / "enum-typo.yml")
    result = handbook("check", "--format", "github", "--root", str(mini))
    assert result.returncode == 1
    assert result.stdout.startswith(f"::error file={rel},line=8,col=8::level: ")


def test_overdue_review_is_a_warning_that_fails_only_with_strict(mini: Path) -> None:
    late = ["--root", str(mini), "--today", "2027-12-01"]
    relaxed = handbook("check", *late)
    assert relaxed.returncode == 0
    assert ("playbooks/guides/reply-to-comments.yml:12:16: warning: review overdue since "
            "2027-03-30 (owner @community)") in relaxed.stdout
    strict = handbook("check", "--strict", *late)
    assert strict.returncode == 1


def test_usage_errors_exit_2(mini: Path) -> None:
    assert handbook("check", "--root", str(mini), "no-such-file.yml").returncode == 2
    assert handbook("check", "--format", "xml", "--root", str(mini)).returncode == 2
    assert handbook("check", "--root", str(mini / "docs")).returncode == 2
    assert handbook().returncode == 2


def test_non_utf8_bytes_point_at_the_byte(mini: Path) -> None:
    bad = mini / "playbooks" / "guides" / "latin1.yml"
    bad.write_bytes(b"id: latin1\ntitle: Caf\xe9\n")
    result = handbook("check", "--root", str(mini), str(bad))
    assert result.returncode == 1
    assert result.stdout.startswith(
        "playbooks/guides/latin1.yml:2:11: error: byte 0xe9 is not UTF-8 text")


def test_bom_and_windows_line_endings_are_accepted(mini: Path) -> None:
    good = mini / "playbooks" / "guides" / "reply-to-comments.yml"
    good.write_bytes(b"\xef\xbb\xbf" + good.read_bytes().replace(b"\n", b"\r\n"))
    result = handbook("check", "--strict", "--root", str(mini))
    assert result.returncode == 0, result.stdout


def test_oversized_file_is_refused_before_parsing(mini: Path) -> None:
    big = mini / "playbooks" / "guides" / "big.yml"
    big.write_text("id: big\nnotes: |\n" + ("  " + "x" * 99 + "\n") * 11_000)
    result = handbook("check", "--root", str(mini), str(big))
    assert result.returncode == 1
    assert "big.yml:1:1: error: the file is 1,122,017 bytes; a playbook may be at most " \
           "1,000,000 bytes" in result.stdout


def test_symlink_out_of_the_repository_is_refused(mini: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    shutil.copy(mini / "playbooks" / "guides" / "reply-to-comments.yml", outside)
    (mini / "playbooks" / "guides" / "linked.yml").symlink_to(outside)
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert "playbooks/guides/linked.yml:0:0: error: this is a link to a file outside the " \
           "repository" in result.stdout


def test_check_never_changes_a_file(mini: Path) -> None:
    place(mini, FIXTURES / "invalid" / "syntax-tab.yml")
    before = {p: p.read_bytes() for p in mini.rglob("*") if p.is_file()}
    handbook("check", "--root", str(mini))
    after = {p: p.read_bytes() for p in mini.rglob("*") if p.is_file()}
    assert before == after


def test_personal_data_warns_and_fails_with_strict(mini: Path) -> None:
    guide = mini / "playbooks" / "guides" / "reply-to-comments.yml"
    guide.write_text(guide.read_text().replace(
        "  - No personal data in public", "  - Call the duty manager on +44 20 7946 0958"))
    relaxed = handbook("check", "--root", str(mini))
    assert relaxed.returncode == 0
    assert "reply-to-comments.yml:28:5: warning: this text looks like a phone number" \
        in relaxed.stdout
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 1


def test_path_step_with_unknown_playbook_is_an_error(mini: Path) -> None:
    (mini / "paths").mkdir(exist_ok=True)
    path = mini / "paths" / "first-week.yml"
    path.write_text(
        "id: first-week\ntitle: First week\nsummary: What to read first.\n"
        'owner: "@community"\naudience: [new-hire]\nlast_reviewed: 2026-11-01\n'
        "steps:\n  - playbook: reply-to-comments\n    outcome: You can answer comments.\n"
        "  - playbook: severity-triag\n    outcome: You can triage a crisis.\n")
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "paths/first-week.yml:10:15: error: unknown playbook id 'severity-triag'; did you "
        "mean 'severity-triage'? (unknown-id)"]


def test_empty_file_is_an_error(mini: Path) -> None:
    empty = mini / "playbooks" / "guides" / "empty.yml"
    empty.write_text("")
    result = handbook("check", "--root", str(mini), str(empty))
    assert result.stdout.splitlines() == [
        "playbooks/guides/empty.yml:1:1: error: the file holds no playbook (it is empty or "
        "only comments) (empty)"]


def test_alias_used_by_two_playbooks_is_an_error(mini: Path) -> None:
    crisis = mini / "playbooks" / "crisis-handling" / "severity-triage.yml"
    crisis.write_text(crisis.read_text().replace(
        "tags: [crisis, triage]", "tags: [crisis, triage]\naliases: [answering-comments]"))
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert ("playbooks/guides/reply-to-comments.yml:14:11: error: alias 'answering-comments' "
            "is already an alias of playbooks/crisis-handling/severity-triage.yml "
            "(alias-collision)") in result.stdout


def test_replaced_by_must_name_a_playbook(mini: Path) -> None:
    guide = mini / "playbooks" / "guides" / "reply-to-comments.yml"
    guide.write_text(guide.read_text().replace(
        "level: foundation", "level: foundation\nstatus: deprecated\nreplaced_by: no-such-guide"))
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert ("playbooks/guides/reply-to-comments.yml:9:14: error: unknown playbook id "
            "'no-such-guide' (unknown-id)") in result.stdout.splitlines()


def test_a_broken_playbook_is_reported_once_not_in_every_file_linking_it(mini: Path) -> None:
    """One typo must give one error, not an 'unknown id' in each guide and path that links it."""
    crisis = mini / "playbooks" / "crisis-handling" / "severity-triage.yml"
    crisis.write_text(crisis.read_text().replace("level: practitioner", "level: practitoner"))
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("playbooks/crisis-handling/severity-triage.yml:")
    assert "did you mean 'practitioner'?" in lines[0]
    no_traceback(result)
