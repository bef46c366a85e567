"""The registry of playbook kinds: one row per kind, everything the engine knows of it.

Plain data with no heavy imports, so the command line can list the kinds
without loading pydantic. The pydantic model of each kind is in ``playbook.py``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KindInfo:
    name: str
    """The value of ``kind:`` in a playbook."""
    folder: str
    """The folder under ``playbooks/`` that holds the kind (also its category page)."""
    title: str
    """Human title of the category."""
    review_days: int
    """Days between reviews when a playbook does not set ``review_interval_days``."""
    starter_skill: str
    """The skill ``handbook new`` offers first: the one most playbooks of the kind teach."""


REGISTRY: tuple[KindInfo, ...] = (
    KindInfo("strategy-questions", "strategy-questions", "Strategy questions", 365,
             "strategy-planning"),
    KindInfo("audience-identification", "audience-identification", "Audience identification",
             180, "analytics"),
    KindInfo("campaign-length", "campaign-length", "Campaign length", 180, "strategy-planning"),
    KindInfo("crisis-handling", "crisis-handling", "Crisis handling", 90, "crisis-communication"),
    KindInfo("guide", "guides", "Guides", 180, "content"),
)

KINDS: tuple[str, ...] = tuple(kind.name for kind in REGISTRY)
BY_NAME: dict[str, KindInfo] = {kind.name: kind for kind in REGISTRY}
#: Folder under ``playbooks/`` of each kind.
KIND_FOLDERS: dict[str, str] = {kind.name: kind.folder for kind in REGISTRY}
#: Human title of each kind's category.
KIND_TITLES: dict[str, str] = {kind.name: kind.title for kind in REGISTRY}
#: Days between reviews when a playbook does not say.
DEFAULT_REVIEW_DAYS: dict[str, int] = {kind.name: kind.review_days for kind in REGISTRY}
