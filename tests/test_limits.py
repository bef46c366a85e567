"""Message limits per network and surface: the sourced data file, the counting, and the
check's text-too-long and too-many-hashtags warnings, all in-process."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from playbook_handbook.checks.hashtags import hashtags
from playbook_handbook.checks.limits import (
    COUNTINGS,
    ENTRIES,
    SURFACES,
    length,
    limit,
    limits,
    most,
)
from playbook_handbook.cli.main import main
from playbook_handbook.model.playbook import Network, Template

GUIDE = "playbooks/guides/replies.yml"
HEADER = """\
id: replies
title: Replies
summary: How to answer comments and messages.
kind: guide
owner: "@community"
audience: [community-manager]
level: foundation
skills: [community]
networks: [instagram, tiktok]
tags: [comments]
time_minutes: 10
last_reviewed: 2026-11-01
steps:
  - title: Read the thread first
checklist:
  - The reply uses the person's name
pitfalls:
  - mistake: Copy-pasting
    instead: Refer to what the person said.
templates:
"""


def write_guide(root: Path, templates: list[dict]) -> Path:
    """A one-guide handbook whose templates are ``templates``, each text on one line."""
    lines = [HEADER.rstrip("\n")]
    for t in templates:
        lines.append(f"  - title: {t['title']}")
        lines.append(f"    networks: [{', '.join(t['networks'])}]")
        if "surface" in t:
            lines.append(f"    surface: {t['surface']}")
        lines.append(f"    text: {json.dumps(t['text'], ensure_ascii=False)}")
    file = root / GUIDE
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def text_position(file: Path, index: int) -> tuple[int, int]:
    """Line and column of the text of template ``index`` (its value, after ``text: ``)."""
    numbers = [n for n, line in enumerate(file.read_text().splitlines(), 1)
               if line.startswith("    text: ")]
    return numbers[index], len("    text: ") + 1


def check(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str]]:
    code = main(["check", "--root", str(root), "--today", "2026-12-02", *extra])
    out = capsys.readouterr().out
    return code, out.splitlines()


# --- the data file ---------------------------------------------------------------


def test_every_network_has_every_surface_with_a_source_or_a_reason() -> None:
    found = limits()
    assert set(found) == set(Network.__args__)  # type: ignore[attr-defined]
    for network, entries in found.items():
        assert set(entries) == set(ENTRIES), network
        for surface, rule in entries.items():
            where = f"{network}.{surface}"
            assert isinstance(rule.checked, dt.date), where
            if rule.limit is None:
                assert rule.note, f"{where}: a missing limit says why"
                continue
            assert rule.limit > 0, where
            assert rule.counting in COUNTINGS, where
            assert rule.applies_to, where
            assert rule.verified or rule.note, f"{where}: an unverified limit needs a note"
            if rule.verified:
                assert rule.source and re.match(r"https://[a-z0-9.-]+\.[a-z]{2,}/\S+",
                                                rule.source), where


def test_no_source_is_a_home_page_or_a_scheduling_tool() -> None:
    for entries in limits().values():
        for rule in entries.values():
            if rule.source:
                assert not re.match(r"https://[^/]+/?$", rule.source), rule.source
                assert "ayrshare" not in rule.source, rule.source


def test_the_values_the_handbook_relies_on() -> None:
    assert (limit("x", "post").limit, limit("threads", "post").limit,
            limit("bluesky", "post").limit) == (280, 500, 300)
    tiktok_post = limit("tiktok", "post")
    assert (tiktok_post.limit, tiktok_post.counting) == (2200, "utf16")
    assert limit("tiktok", "comment").limit == 150
    assert limit("instagram", "hashtags").limit == 5
    assert limit("threads", "hashtags").limit == 1
    assert (limit("youtube", "title").limit, limit("youtube", "description").counting) == (
        100, "utf8")
    assert limit("instagram", "comment") is None  # no confirmed value: nothing checked
    assert limit("x", "title") is None  # X posts have no title


def test_a_broken_data_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import playbook_handbook.checks.limits as module

    data = yaml.safe_load(module.DATA.read_text(encoding="utf-8"))
    data["x"]["post"]["verified"] = False
    data["x"]["post"].pop("note", None)
    broken = tmp_path / "limits.yml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(module, "DATA", broken)
    module.limits.cache_clear()
    try:
        with pytest.raises(ValueError, match="x.post: an unverified limit needs a note"):
            module.limits()
    finally:
        monkeypatch.undo()
        module.limits.cache_clear()


def test_templates_default_to_the_post_surface() -> None:
    assert Template(title="T", text="Hi").surface == "post"
    assert set(SURFACES) == {"post", "comment", "dm", "title", "description"}


# --- counting ----------------------------------------------------------------------


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
    ("Hi 👍", "utf16", 3 + 2),
    ("çok güzel", "utf16", 9),
    ("çok güzel", "utf8", 11),
    ("👍", "utf8", 4),
])
def test_length_counts_as_the_network_does(text: str, counting: str, expected: int) -> None:
    assert length(text, counting) == expected


@pytest.mark.parametrize("text", [
    "Plain text. With dots.", "a.co b.co c.co", "©®‼ 1️⃣ #️⃣", "日本語のテキスト https://x.co",
    "👨‍👩‍👧‍👦👍🏽 see https://example.com/very/long/path.html", "e\u0301 café ÇĞİÖŞÜ",
])
def test_the_quick_bound_is_never_below_the_exact_x_count(text: str) -> None:
    assert most(text, "x") >= length(text, "x")


@pytest.mark.parametrize(("text", "expected"), [
    ("#yaz #İstanbul2026 #kahve_keyfi", ["#yaz", "#İstanbul2026", "#kahve_keyfi"]),
    ("Order #1234 and C# and https://a.com/#top and &#39;", []),
    ("#one,#two.#three", ["#one", "#two", "#three"]),
])
def test_hashtags_are_words_with_a_letter(text: str, expected: list[str]) -> None:
    assert hashtags(text) == expected


# --- the check's warnings --------------------------------------------------------


def test_a_reply_is_checked_against_the_comment_limit(tmp_path: Path, capsys) -> None:
    reply = "Hi [name], sorry about this! Please message us your order number so we can " \
            "check it, or e-mail [support address] and we will sort it out for you today."
    assert 150 < len(reply) <= 2200
    file = write_guide(tmp_path, [
        {"title": "Short reply", "networks": ["tiktok"], "surface": "comment", "text": "Hi!"},
        {"title": "Long reply", "networks": ["tiktok", "instagram"], "surface": "comment",
         "text": reply},
        {"title": "Same text as a caption", "networks": ["tiktok"], "text": reply},
    ])
    line, column = text_position(file, 1)
    code, out = check(tmp_path, capsys)
    assert code == 0  # warnings only
    assert out == [
        f"{GUIDE}:{line}:{column}: warning: 'Long reply' is {len(reply)} characters as TikTok "
        "counts them, over its unverified limit of 150 for a comment or reply; shorten the "
        "text or take tiktok out of its networks (text-too-long)"]
    assert check(tmp_path, capsys, "--strict")[0] == 1


def test_each_surface_has_its_own_limit(tmp_path: Path, capsys) -> None:
    title = "Yaz koleksiyonu: " + "ğ" * 90
    description = "ş" * 2600  # 2,600 characters but 5,200 UTF-8 bytes
    file = write_guide(tmp_path, [
        {"title": "Video title", "networks": ["youtube"], "surface": "title", "text": title},
        {"title": "Video description", "networks": ["youtube"], "surface": "description",
         "text": description},
        {"title": "Facebook message", "networks": ["facebook"], "surface": "dm",
         "text": "a" * 2001},
        {"title": "Facebook message that fits", "networks": ["facebook"], "surface": "dm",
         "text": "a" * 2000},
    ])
    code, out = check(tmp_path, capsys)
    assert code == 0
    rows = {line.split("warning: ")[1].split("'")[1]: line for line in out}
    assert set(rows) == {"Video title", "Video description", "Facebook message"}
    assert f"{GUIDE}:{text_position(file, 0)[0]}:11:" in rows["Video title"]
    assert "107 characters as YouTube counts them, over its limit of 100 for a title" \
        in rows["Video title"]
    assert "5,200 characters as YouTube counts them, over its limit of 5,000 for a " \
        "description" in rows["Video description"]
    assert "over its limit of 2,000 for a direct message" in rows["Facebook message"]


def test_tiktok_counts_utf16_so_emoji_count_twice(tmp_path: Path, capsys) -> None:
    caption = "👍" * 1101  # 1,101 characters, 2,202 UTF-16 units
    write_guide(tmp_path, [{"title": "Caption", "networks": ["tiktok"], "text": caption}])
    _, out = check(tmp_path, capsys)
    assert len(out) == 1
    assert "2,202 characters as TikTok counts them, over its limit of 2,200 for a post" in out[0]


def test_too_many_hashtags_warns_per_network_cap(tmp_path: Path, capsys) -> None:
    six = "Yeni sezon burada! #yaz #moda #istanbul #indirim #kampanya #stil"
    file = write_guide(tmp_path, [
        {"title": "Caption with six tags", "networks": ["instagram", "x"], "text": six},
        {"title": "Caption with five tags", "networks": ["instagram"],
         "text": "#yaz #moda #istanbul #indirim #kampanya"},
        {"title": "Threads post with two tags", "networks": ["threads"],
         "text": "Yeni sezon #yaz #moda"},
        {"title": "Instagram reply with six tags", "networks": ["instagram"],
         "surface": "comment", "text": six},
    ])
    line, column = text_position(file, 0)
    code, out = check(tmp_path, capsys)
    assert code == 0
    assert out[0] == (
        f"{GUIDE}:{line}:{column}: warning: 'Caption with six tags' has 6 hashtags, over the "
        "cap of 5 on Instagram (hashtags in the caption of a feed post or reel); "
        "keep the most relevant 5 or take instagram out of its networks (too-many-hashtags)")
    assert len(out) == 2  # X has no cap; comments are not counted on Instagram
    assert out[1].startswith(f"{GUIDE}:{text_position(file, 2)[0]}:11: warning: "
                             "'Threads post with two tags' has 2 hashtags, over the cap of 1 "
                             "on Threads")
    assert out[1].endswith("(too-many-hashtags)")


def test_the_repository_handbook_is_clean(capsys) -> None:
    root = Path(__file__).resolve().parent.parent
    code, out = check(root, capsys, "--strict")
    assert (code, out) == (0, [])


# --- the page ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def surface_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini handbook, its guide template marked as a comment, built once."""
    from conftest import MINI, build_ok, copy_tree

    project = copy_tree(MINI, tmp_path_factory.mktemp("surface") / "mini")
    guide = project / "playbooks/guides/reply-to-comments.yml"
    text = guide.read_text()
    assert text.endswith("    networks: [instagram]\n")
    guide.write_text(text + "    surface: comment\n")
    return build_ok(project, tmp_path_factory.mktemp("surface-site"))


def test_the_page_says_where_a_template_is_posted(surface_site: Path) -> None:
    html = (surface_site / "playbooks/guides/reply-to-comments/index.html").read_text()
    assert '<p class="hb-copy-meta">For Instagram, as a comment or reply</p>' in html
