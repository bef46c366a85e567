"""Search results show a short excerpt; the full text stays searchable in ``body``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playbook_handbook.site.search_excerpts import MAX_CHARS, add_excerpts, excerpt

LONG = " ".join(["This sentence is about a crisis and keeps going for a while."] * 6)


@pytest.mark.parametrize(("text", "expected"), [
    ("<p>First sentence. Second one.</p><p>Other paragraph.</p>",
     "<p>First sentence. Second one.</p>"),
    ("<ul><li>One.</li><li>Two</li><li>Three</li><li>Four</li></ul>", "<p>One; Two; Three</p>"),
    ("<p>Never</p> <ul><li>Delete posts</li><li>Argue</li></ul>",
     "<p>Never: Delete posts; Argue</p>"),
    ("Level When Respond within 1 · Critical Harm to people 15 min", ""),
    ('Your manager asks "how long?" What do you ask first? <p>The objective.</p>',
     '<p>Your manager asks "how long?" What do you ask first?</p>'),
    ("", ""),
])
def test_excerpt_is_the_first_sentences_or_nothing(text: str, expected: str) -> None:
    assert excerpt(text) == expected


def test_a_long_paragraph_is_cut_after_a_whole_sentence() -> None:
    short = excerpt(f"<p>{LONG}</p>")
    assert short.endswith(".</p>") and len(short) <= MAX_CHARS + len("<p></p>")


def test_add_excerpts_keeps_the_full_text_in_body(tmp_path: Path) -> None:
    index_file = tmp_path / "search_index.json"
    index_file.write_text(json.dumps({"config": {}, "docs": [
        {"location": "a/", "title": "A", "text": f"<p>{LONG}</p>"}]}))
    add_excerpts(index_file)
    doc = json.loads(index_file.read_text())["docs"][0]
    assert doc["body"] == f"<p>{LONG}</p>"
    assert len(doc["text"]) < len(doc["body"])

