"""Message limits per network: the sourced data file, the counting, and the check's warnings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import handbook, no_traceback

from playbook_handbook.checks.limits import COUNTINGS, length, limits, most
from playbook_handbook.model.playbook import Network

REQUIRED = {"x", "threads", "bluesky", "instagram", "linkedin", "tiktok", "facebook"}
STATEMENT = "definitions/holding-statements.yml"


def test_every_limit_has_a_source_a_date_and_a_known_network() -> None:
    found = limits()
    assert REQUIRED <= set(found)
    assert set(found) <= set(Network.__args__)  # type: ignore[attr-defined]
    for network, limit in found.items():
        assert limit.limit > 0, network
        assert limit.counting in COUNTINGS, network
        assert re.match(r"https://[a-z0-9.-]+\.[a-z]{2,}/", limit.source), network
        assert isinstance(limit.checked, dt.date), network
        assert limit.verified or limit.note, f"{network}: an unverified value needs a note"
    assert (found["x"].limit, found["threads"].limit, found["bluesky"].limit) == (280, 500, 300)


@pytest.mark.parametrize(("text", "counting", "expected"), [
    ("Hello, world!", "characters", 13),
    ("See https://example.com/a/very/long/path/that/goes/on and on", "x", 4 + 23 + 7),
    ("👍", "x", 2),
    ("日本語", "x", 6),
    ("café", "x", 4),
    ("👨‍👩‍👧‍👦", "graphemes", 1),
    ("e\u0301", "graphemes", 1),
    ("Hi 👍", "threads", 3 + 4),
    ("çok güzel", "threads", 9),
])
def test_length_counts_as_the_network_does(text: str, counting: str, expected: int) -> None:
    assert length(text, counting) == expected


@pytest.mark.parametrize("text", [
    "Plain text. With dots.", "a.co b.co c.co", "©®‼ 1️⃣ #️⃣", "日本語のテキスト https://x.co",
    "👨‍👩‍👧‍👦👍🏽 see https://example.com/very/long/path.html", "e\u0301 café ÇĞİÖŞÜ",
])
def test_the_quick_bound_is_never_below_the_exact_x_count(text: str) -> None:
    assert most(text, "x") >= length(text, "x")


def set_statement(mini: Path, text: str, networks: str) -> tuple[int, int]:
    """Replace the mini holding statement's text and networks; return the text's position."""
    file = mini / STATEMENT
    lines = file.read_text().splitlines()
    for number, line in enumerate(lines):
        if line.startswith("    text: "):
            lines[number] = f"    text: {text}"
            position = (number + 1, len("    text: ") + 1)
        if line.startswith("    networks: "):
            lines[number] = f"    networks: {networks}"
    file.write_text("\n".join(lines) + "\n")
    return position


def test_text_over_the_x_limit_warns_at_its_line_and_column(mini: Path) -> None:
    line, column = set_statement(mini, "We are looking into it. " * 12, "[x, threads]")
    result = handbook("check", "--root", str(mini))
    no_traceback(result)
    assert result.returncode == 0  # a warning, not an error
    assert result.stdout.splitlines() == [
        f"{STATEMENT}:{line}:{column}: warning: 'We are looking into it' is 287 characters as "
        "X counts them, over its limit of 280 for a post; shorten the text or take x out of "
        "its networks (text-too-long)"]
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 1


def test_text_under_every_limit_is_clean(mini: Path) -> None:
    set_statement(mini, "We are looking into it. " * 11, "[x, threads, bluesky]")
    result = handbook("check", "--strict", "--root", str(mini))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_each_network_is_counted_its_own_way(mini: Path) -> None:
    # 200 family emoji: 200 graphemes on Bluesky (fits 300), 400 on X, 5,000 bytes on Threads.
    set_statement(mini, '"' + "👨‍👩‍👧‍👦" * 200 + '"', "[x, bluesky, threads, youtube]")
    warnings = handbook("check", "--root", str(mini)).stdout
    assert "400 characters as X counts them" in warnings
    assert "5,000 characters as Threads counts them, over its limit of 500" in warnings
    assert "Bluesky" not in warnings
    assert "Youtube" not in warnings  # no sourced limit: never checked


def test_guide_templates_are_checked_too(mini: Path) -> None:
    file = mini / "playbooks/guides/reply-to-comments.yml"
    text = file.read_text()
    assert "templates:" in text
    long = "Thanks for telling us. " * 15
    lines = text.splitlines()
    start = next(i for i, t in enumerate(lines) if t.startswith("templates:"))
    text_line = next(i for i in range(start, len(lines)) if lines[i].startswith("    text:"))
    lines[text_line] = f"    text: {long}"
    assert lines[text_line + 1] == "    networks: [instagram]"
    lines[text_line + 1] = "    networks: [bluesky, instagram]"
    file.write_text("\n".join(lines) + "\n")
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[0].startswith(
        f"playbooks/guides/reply-to-comments.yml:{text_line + 1}:11: warning: 'Thank-you reply'")
    assert len(result.stdout.splitlines()) == 1
    assert "as Bluesky counts them, over its limit of 300" in result.stdout
