"""Tags against the tag vocabulary (definitions/vocabularies/tags.yml), as warnings.

A tag groups playbooks on the Tags page: an unknown tag is most often a typing
mistake or a near-twin of a listed one (drafts are let off: a new playbook
starts with a placeholder tag), and a listed tag that fewer than two playbooks
use groups nothing.
"""

from __future__ import annotations

from playbook_handbook.index.handbook import Handbook
from playbook_handbook.index.references import did_you_mean
from playbook_handbook.problems import Problem

#: A listed tag should group at least this many playbooks.
MIN_USES = 2


def vocabulary_warnings(book: Handbook) -> list[Problem]:
    """``unknown-tag`` for a tag not in the vocabulary, ``rare-tag`` for one barely used."""
    tags = book.definitions.terms("tags")
    if tags is None:
        return []
    tags_file = book.definitions.files["tags"]
    found: list[Problem] = []
    uses: dict[str, int] = dict.fromkeys(tags, 0)
    for entry in book.playbooks.values():
        for index, tag in enumerate(entry.playbook.tags):
            if tag in uses:
                uses[tag] += 1
                continue
            if entry.playbook.status == "draft":
                continue  # a draft may still carry the starter's placeholder tag
            line, column = entry.position("tags", index)
            hint = did_you_mean(tag, tags) or f"; add it to {tags_file.rel_path} with a " \
                "description if several playbooks need it"
            found.append(Problem(entry.rel_path, line, column,
                                 f"tag '{tag}' is not in the tag vocabulary{hint}",
                                 "unknown-tag", "warning"))
    if book.playbooks:
        for index, (tag, count) in enumerate(uses.items()):
            if count < MIN_USES:
                line, column = tags_file.position("terms", index, "id")
                found.append(Problem(
                    tags_file.rel_path, line, column,
                    f"tag '{tag}' is used by {count} playbook{'s' * (count != 1)}; a tag "
                    f"should group at least {MIN_USES}: merge it into a broader tag or "
                    "remove it", "rare-tag", "warning"))
    return found
