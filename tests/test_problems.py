"""How a problem is printed (problems.py): the line a contributor and GitHub read."""

from __future__ import annotations

from playbook_handbook.load.yamlsource import load_text
from playbook_handbook.problems import ContentError, Problem, errors


def test_text_format_is_one_yamllint_like_line() -> None:
    problem = Problem("playbooks/a.yml", 3, 7, "review overdue", "review", "warning")
    assert problem.format_text() == "playbooks/a.yml:3:7: warning: review overdue (review)"


def test_github_format_names_the_severity_and_a_place_github_accepts() -> None:
    error = Problem("playbooks/a.yml", 2, 5, "bad", "rule")
    assert error.format_github() == "::error file=playbooks/a.yml,line=2,col=5::bad (rule)"
    whole_file = Problem("playbooks/a.yml", 0, 0, "unreadable", "io", "warning")
    assert whole_file.format_github() == (
        "::warning file=playbooks/a.yml,line=1,col=1::unreadable (io)")


def test_github_format_cannot_be_split_or_forged_by_the_text() -> None:
    """A newline in a message or a comma in a path would start a new command or property:
    line breaks are shown as escapes, as in the text format, and % , : are encoded."""
    problem = Problem("a,b:c%.yml", 1, 1, "50%\r\n::error::forged", "r")
    assert problem.format_github() == (
        "::error file=a%2Cb%3Ac%25.yml,line=1,col=1::50%25\\r\\n::error::forged (r)")
    assert "\n" not in problem.format_github()


def test_content_error_keeps_the_problems_and_says_them_one_a_line() -> None:
    problems = [Problem("a.yml", 1, 2, "one", "r"), Problem("b.yml", 3, 4, "two", "s")]
    raised = ContentError(problems)
    assert raised.problems is problems
    assert str(raised) == "a.yml:1:2: error: one (r)\nb.yml:3:4: error: two (s)"


def test_only_errors_fail_a_check() -> None:
    error, warning = Problem("a", 1, 1, "m", "r"), Problem("a", 1, 1, "m", "r", "warning")
    assert errors([warning, error, warning]) == [error]


def test_text_format_is_one_line_whatever_the_playbook_quoted() -> None:
    """A key like "a\\nfake.yml:1:1: error: ..." must not forge a second problem line."""
    breaks = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
    problem = Problem("a.yml", 3, 1, f"duplicate key 'x{breaks}y'", "duplicate-key")
    assert problem.format_text() == (
        "a.yml:3:1: error: duplicate key "
        "'x\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029y' (duplicate-key)")
    assert str(ContentError([problem])) == problem.format_text()


def test_a_quoted_line_break_in_a_key_stays_on_the_problem_line() -> None:
    _, problems = load_text('"a\\nfake.yml:1:1: error: b": 1\n"a\\nfake.yml:1:1: error: b": 2\n',
                            "p.yml")
    assert [p.format_text() for p in problems] == [
        "p.yml:2:1: error: duplicate key 'a\\nfake.yml:1:1: error: b' (first set on line 1); "
        "keep only one (duplicate-key)"]
