"""Every address the handbook gives a page: one place, shared by every layer.

The generated pages, the ``/go/`` links and the folders the theme uses are
named here; the ids a playbook or path may not take (``RESERVED_IDS``) follow
from them, so a new page cannot be forgotten there.
"""

from __future__ import annotations

#: Repository folders that hold playbooks and onboarding paths (also their URL folders).
PLAYBOOKS_DIR = "playbooks"
PATHS_DIR = "paths"
#: ``/go/<id>/`` redirects to a playbook or path, whatever its folder.
GO_DIR = "go"
#: ``/cards/<id>/``: the printable card of a crisis playbook.
CARDS_DIR = "cards"

#: Generated pages that stand at the top of the site, by source URI.
SKILLS_PAGE = "skills.md"
REVIEW_QUEUE_PAGE = "review-queue.md"
WHATS_NEW_PAGE = "whats-new.md"
CONTRIBUTING_PAGE = "contributing.md"

#: Names the theme, MkDocs and the hand-written pages use at the top of the site.
_SITE_NAMES = ("assets", "search", "tags", "stylesheets", "javascripts", "index", "404",
               "sitemap")

#: Ids that would collide with a page or folder of the site.
RESERVED_IDS: frozenset[str] = frozenset({
    PLAYBOOKS_DIR, PATHS_DIR, GO_DIR, CARDS_DIR, *_SITE_NAMES,
    *(page.removesuffix(".md") for page in (SKILLS_PAGE, REVIEW_QUEUE_PAGE, WHATS_NEW_PAGE)),
})


def playbook_page(folder: str, playbook_id: str) -> str:
    """Source URI of a playbook's page: ``playbooks/<kind folder>/<id>.md``."""
    return f"{PLAYBOOKS_DIR}/{folder}/{playbook_id}.md"


def category_page(folder: str) -> str:
    return f"{PLAYBOOKS_DIR}/{folder}/index.md"


def path_page(path_id: str) -> str:
    return f"{PATHS_DIR}/{path_id}.md"


def go_page(any_id: str) -> str:
    """Source URI of the redirect page behind ``/go/<id>/``."""
    return f"{GO_DIR}/{any_id}.md"


def card_page(playbook_id: str) -> str:
    return f"{CARDS_DIR}/{playbook_id}.md"


#: Ids the playbook page template gives its own section headings (``heading(2, ...,
#: "<id>")`` in render/templates). A step's ``anchor:`` may not take one: the link
#: would open the section, and the step would silently move to ``<id>-2``.
#: tests/test_mkdocs_compat.py checks this list against the templates.
SECTION_IDS: frozenset[str] = frozenset({
    "about-this-playbook", "checklist", "data-sources", "donts", "duration-rules",
    "first-15-minutes", "first-actions", "first-day", "first-hour", "holding-statements",
    "pitfalls", "post-crisis-review", "related", "roles", "segments", "self-check",
    "severity-levels", "signals", "sources", "steps", "templates", "worksheet",
})
