"""The playbook format: one pydantic model per kind, built from shared blocks.

This module is the single source of truth for what a playbook may contain;
``handbook schema`` turns it into the JSON Schema that editors use.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    model_validator,
)

from playbook_handbook.model.dates import FIRST_DATE, LAST_DATE
from playbook_handbook.model.kinds import (  # noqa: F401 - re-exported for the layers above
    DEFAULT_REVIEW_DAYS,
    KIND_FOLDERS,
    KIND_TITLES,
    KINDS,
)
from playbook_handbook.sitemap import RESERVED_IDS

# --- vocabularies -----------------------------------------------------------

Kind = Literal[
    "strategy-questions", "audience-identification", "campaign-length",
    "crisis-handling", "guide",
]
assert Kind.__args__ == KINDS, "model/kinds.py and the Kind type list the same kinds"  # type: ignore[attr-defined]

Level = Literal["foundation", "practitioner", "expert"]
Status = Literal["draft", "active", "deprecated"]
Skill = Literal[
    "strategy-planning", "analytics", "content", "community", "customer-care",
    "social-commerce", "crisis-communication", "paid-social",
]
Network = Literal[
    "x", "instagram", "facebook", "tiktok", "linkedin", "youtube", "threads",
    "bluesky", "pinterest", "snapchat", "whatsapp", "reddit",
]
Role = Literal[
    "new-hire", "community-manager", "content-creator", "social-media-manager",
    "strategist", "customer-care", "analyst", "team-lead", "crisis-on-call",
]
#: Where a text is posted; each has its own length limit (checks/data/network_limits.yml).
Surface = Literal["post", "comment", "dm", "title", "description"]
Objective = Literal["awareness", "consideration", "conversion", "launch", "always-on"]

# --- text types ---------------------------------------------------------------

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 60


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(
            f"'{value}' is not a valid id; use lower-case letters, digits and single "
            "hyphens, for example crisis-first-hour"
        )
    if len(value) > MAX_ID:
        raise ValueError(f"an id may be at most {MAX_ID} characters")
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' is reserved for a page of the site; choose another id")
    return value


#: Bidirectional controls reorder what a reader (and a reviewer) sees: "Trojan Source".
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Characters that show nothing: a title of only these looks empty.
_INVISIBLE = re.compile("[\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
                        "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0]*")


#: Control characters (escape, bell, NUL ...): never text a reader should see.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(value: str) -> str:
    control = _CONTROL.search(value)
    if control:
        raise ValueError(f"holds the control character U+{ord(control.group()):04X}, which "
                         "no page or terminal shows as text; delete it")
    bidi = _BIDI_CONTROLS.search(value)
    if bidi:
        raise ValueError(
            f"holds the invisible direction control U+{ord(bidi.group()):04X}, which "
            "reorders the text on screen; delete it (right-to-left words need no control "
            "characters)")
    if _INVISIBLE.fullmatch(value):
        raise ValueError("must not be blank (it holds only spaces or invisible characters)")
    return value


_IMAGE_PARSER = MarkdownIt("commonmark", {"html": False})


def _no_remote_image(value: str) -> str:
    """Refuse ``![alt](https://...)``: the renderer shows no images, and a page must
    load nothing from another host."""
    if "![" not in value or value.count("[") > 400:
        return value  # many brackets: rendered as plain text (render.text_html.MAX_MARKS)
    for block in _IMAGE_PARSER.parse(value):
        for token in block.children or ():
            if token.type == "image":
                raise ValueError(
                    f"shows the image {token.attrs.get('src', '')}; playbook text shows no "
                    "images (a page loads nothing from another host), so link to it "
                    "instead: [what it shows](address)")
    return value


#: A GitHub user or team: the owner is asked to review every change (CODEOWNERS).
HANDLE = re.compile(r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9][A-Za-z0-9._-]*)?$")


class _Text:
    """Marks a text type: a field of this type is prose a reader reads, so a
    translation may give it in another language (ids, handles, dates may not)."""

    def __repr__(self) -> str:
        return "TEXT"


TEXT = _Text()


def _check_handle(value: str) -> str:
    if not HANDLE.match(value):
        raise ValueError(
            f"'{value}' is not a GitHub handle like @social-leads or @example-org/social; "
            "write the owning team's handle, so its review is requested on every change")
    return value


def _one_line(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("must fit on one line")
    return _no_remote_image(_visible(value)).strip()


def _not_blank(value: str) -> str:
    return _no_remote_image(_visible(value))




def _check_date(value: dt.date) -> dt.date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(f"{value.isoformat()} is outside the dates a playbook may use "
                         f"({FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()})")
    return value


#: A whole number written as one: YAML 1.1 also reads 0x1F, 010, 1:30 and yes as
#: numbers; the loader refuses those forms and Strict refuses yes/no and 30.0.
def _written_as_number(value: object) -> object:
    text = getattr(value, "text", None)  # load.yamlsource.OddNumber
    if text is not None:
        raise ValueError(f"unquoted {text} is read by YAML as the number {int(value)}; "
                         f"write the number as {int(value)}")
    return value


WholeNumber = Annotated[int, Strict(), BeforeValidator(_written_as_number)]


def whole_number(ge: int, le: int) -> object:
    """A :data:`WholeNumber` from ``ge`` to ``le``, for optional fields: the range must
    sit inside the validator for the JSON Schema to show it as minimum/maximum."""
    return Annotated[int, Strict(), Field(ge=ge, le=le), BeforeValidator(_written_as_number)]
Date = Annotated[dt.date, AfterValidator(_check_date)]


def _check_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value.strip():
        raise ValueError(f"'{value}' is not a web address; start it with https://")
    return value.strip()


def _check_tag(value: str) -> str:
    if not ID_PATTERN.match(value) or len(value) > 40:
        raise ValueError(
            f"'{value}' is not a valid tag; use lower-case words joined by hyphens"
        )
    return value


Id = Annotated[str, AfterValidator(_check_id),
               Field(description="Lower-case kebab-case id, e.g. crisis-first-hour.",
                     json_schema_extra={"pattern": ID_PATTERN.pattern}, max_length=MAX_ID)]
Line = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_one_line), TEXT]
Prose = Annotated[str, Field(min_length=1, max_length=4000,
                             description="Plain English; Markdown allowed."),
                  AfterValidator(_not_blank), TEXT]
LongText = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_not_blank),
                     TEXT]
#: One sentence a list shows under the title.
Summary = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_one_line), TEXT]
#: A GitHub handle: shared by every edition, never translated.
Handle = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_one_line),
                   AfterValidator(_check_handle)]
Url = Annotated[str, Field(max_length=500, json_schema_extra={"pattern": "^https?://"}),
                AfterValidator(_check_url)]
Tag = Annotated[str, AfterValidator(_check_tag),
                Field(json_schema_extra={"pattern": ID_PATTERN.pattern}, max_length=40)]


class Block(BaseModel):
    """Base for every mapping in a playbook: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid")


# --- shared building blocks -----------------------------------------------------


class Step(Block):
    title: Line = Field(description="What to do, as a short imperative.")
    details: Prose | None = Field(None, description="How to do it; Markdown allowed.")
    anchor: Id | None = Field(
        None, description="Stable link anchor for this step; defaults to the title's slug.")


class Pitfall(Block):
    mistake: Line
    instead: Prose = Field(description="What to do instead.")


class Template(Block):
    title: Line
    text: LongText = Field(description="The text to copy, exactly as it should be posted.")
    networks: list[Network] = Field(
        default_factory=list, description="Networks this text is meant for.")
    surface: Surface = Field(
        "post", description="Where the text is posted, for its length limit: post (the "
                            "default), comment (a comment or a reply to one), dm (a direct "
                            "or private message), title or description (of a video or Pin).")


class SelfCheck(Block):
    question: Line
    answer: Prose


class SourceRef(Block):
    title: Line
    url: Url


# --- kinds -------------------------------------------------------------------------


class PlaybookBase(Block):
    id: Id
    title: Line
    summary: Summary = Field(description="One sentence: what this playbook is for.")
    owner: Handle = Field(description="GitHub handle of the responsible team or person, "
                                      "e.g. @social-leads or @example-org/social.")
    audience: list[Role] = Field(min_length=1, description="Roles this playbook is for.")
    level: Level
    skills: list[Skill] = Field(min_length=1)
    networks: list[Network] = Field(min_length=1)
    tags: list[Tag] = Field(min_length=1, max_length=20)
    time_minutes: WholeNumber = Field(ge=1, le=600,
                                      description="Minutes to read and work through it.")
    last_reviewed: Date = Field(description="Date of the last full review, YYYY-MM-DD.")
    review_interval_days: whole_number(7, 730) | None = Field(  # type: ignore[valid-type]
        None, description="Days between reviews; defaults by kind.")
    status: Status = "active"
    replaced_by: Id | None = Field(None, description="For deprecated playbooks: the id to use.")
    related: list[Id] = Field(default_factory=list, max_length=20)
    aliases: list[Id] = Field(default_factory=list, max_length=20,
                              description="Former ids; their /go/ links keep working.")
    sources: list[SourceRef] = Field(default_factory=list, max_length=30)
    self_check: list[SelfCheck] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _status_and_replacement(self) -> PlaybookBase:
        if self.status == "deprecated" and not self.replaced_by:
            raise ValueError("a deprecated playbook needs replaced_by: the id readers should use")
        if self.replaced_by and self.status != "deprecated":
            raise ValueError("replaced_by is only for playbooks with status: deprecated")
        return self

    @property
    def review_days(self) -> int:
        return self.review_interval_days or DEFAULT_REVIEW_DAYS[self.kind]  # type: ignore[attr-defined]


class StrategyQuestion(Block):
    question: Line
    why_it_matters: Prose
    how_to_answer: list[Step] = Field(min_length=1)
    data_sources: list[Line] = Field(
        min_length=1, description="Where the answer's data comes from.")
    good_answer: Prose = Field(description="An example of a good answer.")
    red_flags: list[Line] = Field(min_length=1, description="Signs an answer is weak.")


class StrategyQuestions(PlaybookBase):
    kind: Literal["strategy-questions"]
    questions: list[StrategyQuestion] = Field(min_length=1)


class Segment(Block):
    name: Line
    description: Prose
    signals: list[Line] = Field(min_length=1, description="What reveals this segment.")


class NetworkSources(Block):
    network: Network
    native_analytics: Prose | None = None
    listening: Prose | None = None
    surveys: Prose | None = None

    @model_validator(mode="after")
    def _some_source(self) -> NetworkSources:
        if not (self.native_analytics or self.listening or self.surveys):
            raise ValueError("give at least one of native_analytics, listening or surveys")
        return self


class AudienceIdentification(PlaybookBase):
    kind: Literal["audience-identification"]
    segments: list[Segment] = Field(min_length=1)
    data_sources: list[NetworkSources] = Field(min_length=1)
    worksheet: list[Step] = Field(min_length=1)


class DurationRule(Block):
    objective: Objective
    format: Line = Field(description="The format, e.g. Instagram Stories or paid short video.")
    network: Network | Literal["any"] = "any"
    min_days: WholeNumber = Field(ge=1, le=730)
    max_days: whole_number(1, 730) | None = Field(  # type: ignore[valid-type]
        None, description="Leave out for always-on.")
    rationale: Prose

    @model_validator(mode="after")
    def _range(self) -> DurationRule:
        if self.max_days is not None and self.max_days < self.min_days:
            raise ValueError("max_days is shorter than min_days")
        return self


class CampaignLength(PlaybookBase):
    kind: Literal["campaign-length"]
    rules: list[DurationRule] = Field(min_length=1)
    extend_when: list[Line] = Field(min_length=1, description="Signals to run longer.")
    end_early_when: list[Line] = Field(min_length=1, description="Signals to stop early.")


class LevelGuidance(Block):
    """What this playbook adds to one level of the shared severity scale."""

    level: WholeNumber = Field(ge=1, le=9, description="A level of definitions/severity-scale.yml.")
    guidance: Prose | None = Field(
        None, description="Page-specific guidance for this level, e.g. what to do in the "
                          "first hour. Who is alerted, how fast and who approves come from "
                          "the shared scale and cannot be changed here.")
    examples: list[Line] = Field(
        default_factory=list, description="Examples of this level in this playbook's situation.")
    # Shared facts: accepted only so that `handbook check` can say where they live.
    name: Line | None = Field(None, description="Shared: leave out (defined in the scale).")
    respond_within_minutes: WholeNumber | None = Field(
        None, description="Shared: leave out (defined in the scale).")
    alert: list[Line] | None = Field(None, description="Shared: leave out (defined in the scale).")
    approver: Line | None = Field(None, description="Shared: leave out (defined in the scale).")

    @model_validator(mode="before")
    @classmethod
    def _criteria_are_shared(cls, data: object) -> object:
        if isinstance(data, dict) and ("criteria" in data or "triggers" in data):
            key = "criteria" if "criteria" in data else "triggers"
            raise ValueError(
                f"{key} of a severity level is defined once, in definitions/severity-scale.yml; "
                "remove it here and put what this page adds under guidance")
        return data


class FirstActions(Block):
    first_15_minutes: list[Line] = Field(min_length=1)
    first_hour: list[Line] = Field(min_length=1)
    first_day: list[Line] = Field(min_length=1)


class RoleUse(Block):
    """A shared crisis role on this page, with what it does in this situation."""

    role: Id = Field(description="Id of a role in definitions/crisis-roles.yml.")
    note: Prose | None = Field(None, description="What the role does in this situation.")


class StatementUse(Block):
    """A holding statement of the shared library, with a page-specific note."""

    statement: Id = Field(description="Id of a statement in definitions/holding-statements.yml.")
    note: Prose | None = Field(None, description="When to use it in this situation.")


def _no_inline_role(value: object) -> object:
    if isinstance(value, dict) and "responsibilities" in value:
        raise ValueError(
            "what a crisis role does is defined once, in definitions/crisis-roles.yml; write "
            "its id under role and page-specific notes under note")
    return value


def _no_inline_statement(value: object) -> object:
    if isinstance(value, dict) and "text" in value:
        raise ValueError(
            "holding statements are defined once, in definitions/holding-statements.yml; add "
            "the wording there with an id and list the id here")
    return value


class CrisisHandling(PlaybookBase):
    kind: Literal["crisis-handling"]
    severity_levels: list[LevelGuidance] = Field(
        default_factory=list, max_length=9,
        description="Page-specific guidance per level of the shared severity scale "
                    "(definitions/severity-scale.yml), which every crisis page shows.")
    first_actions: FirstActions
    roles: list[Annotated[Id | RoleUse, BeforeValidator(_no_inline_role)]] = Field(
        min_length=1, description="Crisis role ids (definitions/crisis-roles.yml), or "
                                  "{role, note} to add what the role does here.")
    holding_statements: list[Annotated[Id | StatementUse,
                                       BeforeValidator(_no_inline_statement)]] = Field(
        default_factory=list,
        description="Statement ids of the library (definitions/holding-statements.yml), or "
                    "{statement, note}.")
    donts: list[Line] = Field(min_length=1)
    post_crisis_review: list[Line] = Field(min_length=1)

    def guidance_for(self, level: int) -> LevelGuidance | None:
        """What this playbook adds to ``level`` of the shared scale, if anything."""
        return next((g for g in self.severity_levels if g.level == level), None)

    @property
    def role_uses(self) -> list[RoleUse]:
        return [RoleUse(role=r) if isinstance(r, str) else r for r in self.roles]

    @property
    def statement_uses(self) -> list[StatementUse]:
        return [StatementUse(statement=s) if isinstance(s, str) else s
                for s in self.holding_statements]


class Guide(PlaybookBase):
    kind: Literal["guide"]
    steps: list[Step] = Field(min_length=1)
    checklist: list[Line] = Field(min_length=1)
    pitfalls: list[Pitfall] = Field(min_length=1)
    templates: list[Template] = Field(min_length=1)


MODELS: dict[str, type[PlaybookBase]] = {
    "strategy-questions": StrategyQuestions,
    "audience-identification": AudienceIdentification,
    "campaign-length": CampaignLength,
    "crisis-handling": CrisisHandling,
    "guide": Guide,
}

Playbook = Annotated[
    StrategyQuestions | AudienceIdentification | CampaignLength | CrisisHandling | Guide,
    Field(discriminator="kind"),
]
AnyPlaybook = (
    StrategyQuestions | AudienceIdentification | CampaignLength | CrisisHandling | Guide
)


# --- onboarding paths (files under paths/) ----------------------------------------


class PathStep(Block):
    playbook: Id = Field(description="Id of the playbook to work through.")
    stage: Line | None = Field(None, description="Optional group label, e.g. Week 1.")
    outcome: Line = Field(description="What the reader can do afterwards: 'You can ...'.")


class OnboardingPath(Block):
    id: Id
    title: Line
    summary: Summary
    owner: Handle
    audience: list[Role] = Field(min_length=1)
    last_reviewed: Date
    steps: list[PathStep] = Field(min_length=1, max_length=60)
