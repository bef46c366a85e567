"""Which pages show a shared fact: the reach of one change.

A shared fact lives in one place and shows on many pages. Each kind of fact
registers a finder that, given one handbook and the fact's key, lists the pages
that show it; :func:`pages_showing` asks both sides of a diff, so a page that
stopped showing the fact is listed too. Shared definitions (severity scale,
crisis roles, holding statements, vocabularies) plug in with :func:`register`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from playbook_handbook.index.handbook import Entry, Handbook, PathEntry
from playbook_handbook.review.diff.report import PageRef

Finder = Callable[[Handbook, str], list[PageRef]]
FINDERS: dict[str, Finder] = {}

TAGS_PAGE = PageRef("Tags", "tags/", None)


def register(kind: str) -> Callable[[Finder], Finder]:
    """Decorator: ``finder(book, key)`` lists the pages of ``book`` that show ``key``."""
    def add(finder: Finder) -> Finder:
        FINDERS[kind] = finder
        return finder
    return add


def pages_showing(kind: str, key: str, books: Iterable[Handbook]) -> list[PageRef]:
    """Every page, on any side of the diff, that shows fact ``key`` of ``kind``;
    a page on both sides is named as it is in the last book (the working tree)."""
    found: dict[str, PageRef] = {}
    for book in books:
        for page in FINDERS[kind](book, key):
            found[page.url] = page
    # Pages made from a file first, by address; then the site's own pages (Tags).
    return sorted(found.values(), key=lambda page: (page.file is None, page.url))


def playbook_page(entry: Entry) -> PageRef:
    return PageRef(entry.playbook.title, _url(entry.page_uri), entry.rel_path)


def path_page(entry: PathEntry) -> PageRef:
    return PageRef(entry.path.title, _url(entry.page_uri), entry.rel_path)


def _url(page_uri: str) -> str:
    """The site address of a docs page, as MkDocs writes it with directory URLs."""
    return page_uri.removesuffix(".md") + "/"


@register("tag")
def tag_pages(book: Handbook, tag: str) -> list[PageRef]:
    """The pages that carry the tag, and the Tags page that lists them."""
    pages = [playbook_page(e) for e in book.playbooks.values() if tag in e.playbook.tags]
    return [*pages, TAGS_PAGE] if pages else []


@register("playbook")
def linking_pages(book: Handbook, playbook_id: str) -> list[PageRef]:
    """Pages that show a playbook's title (and summary) in a link to it: the related
    lists of other playbooks and the steps of onboarding paths."""
    target = book.resolve(playbook_id)
    names = {playbook_id} if target is None else {target.id, *target.playbook.aliases}
    pages = [playbook_page(e) for e in book.playbooks.values()
             if names & set(e.playbook.related)]
    pages += [path_page(p) for p in book.paths.values()
              if any(step.playbook in names for step in p.path.steps)]
    return pages
