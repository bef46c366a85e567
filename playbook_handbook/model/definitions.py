"""Shared definitions: facts many playbooks use, each defined once under ``definitions/``.

The severity scale, the crisis roles and the holding-statement library are the
crisis facts every crisis playbook, card and triage result renders from; the
vocabularies (tags, networks, audience roles, skills) are the words playbooks
may use, each with what it means. Files are loaded by :mod:`index.definitions`;
unique ids and every cross-reference are checked in :mod:`checks.references`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from playbook_handbook.model.playbook import (
    TEXT,
    Block,
    Date,
    Id,
    Line,
    Prose,
    Surface,
    WholeNumber,
    _one_line,
)

RoleId = Annotated[Id, Field(description="Id of a crisis role in definitions/crisis-roles.yml.")]


# --- vocabularies -------------------------------------------------------------------


class Term(Block):
    """One word of a controlled vocabulary."""

    id: Id
    name: Line | None = Field(
        None, description="How pages show it; defaults to the id in words.")
    description: Prose = Field(description="What the word means here, for readers and editors.")


class Vocabulary(Block):
    """A controlled vocabulary file: ``terms`` in the order pages list them."""

    terms: list[Term] = Field(min_length=1, max_length=500,
                              description="Every allowed word, with what it means.")



# --- crisis roles ----------------------------------------------------------------------


class CrisisRoleDefinition(Block):
    id: Id
    name: Line = Field(description="The role as pages show it, e.g. Head of communications.")
    does: Prose = Field(description="What this role does in a crisis.")
    reach: Line = Field(
        description="How to reach whoever holds the role, as a team placeholder "
                    "(never a private number), e.g. 'Phone: see the on-call sheet'.")


class CrisisRoles(Block):
    roles: list[CrisisRoleDefinition] = Field(min_length=1, description="Every crisis role.")



# --- severity scale -----------------------------------------------------------------


class TriageQuestionDefinition(Block):
    id: Id = Field(description="Short id a severity level lists under triggers.")
    question: Line = Field(description="The yes/no question as the triage widget asks it.")
    on_yes: Line | None = Field(
        None, description="What to do at once when the answer is yes, before anything else; "
                          "the triage shows it as soon as 'yes' is ticked.")
    playbook: Id | None = Field(
        None, description="Id of the playbook to open at once when the answer is yes.")


class RoleCall(Block):
    """A role to alert (or to sign off) under a condition, e.g. only if data is involved."""

    role: RoleId
    when: Line | None = Field(None, description="Only in this case, e.g. 'if data is involved'.")
    by: Annotated[str, AfterValidator(_one_line), TEXT] | None = Field(
        None, max_length=60, description="How: e.g. 'call' (a phone call, not a chat message).")


RoleRef = Annotated[
    RoleId | RoleCall,
    Field(description="A crisis role id, or {role, when, by} for a condition or a channel."),
]


class TriageExample(Block):
    text: Line = Field(description="A real-looking incident at this level.")
    yes: list[Id] = Field(
        default_factory=list,
        description="The triage questions this example answers 'yes' to; `handbook check` "
                    "verifies the triage puts it at this level.")


class SeverityLevelDefinition(Block):
    level: WholeNumber = Field(ge=1, le=9, description="1 is the most severe.")
    name: Line = Field(description="Short name, e.g. Critical.")
    criteria: Prose = Field(description="When an incident is at this level.")
    summary: Line = Field(description="The criteria in one line, for the printable card.")
    examples: list[TriageExample] = Field(min_length=1)
    triggers: list[Id] = Field(
        default_factory=list,
        description="Triage question ids whose 'yes' puts an incident at this level. The "
                    "widget picks the most severe level with a 'yes'; with none, the least "
                    "severe level.")
    respond_within_minutes: WholeNumber = Field(
        ge=1, le=10080, description="Target from first sighting to first public word.")
    alert: list[RoleRef] = Field(min_length=1, description="Roles to alert at this level.")
    approver: RoleId = Field(description="Role that approves public replies at this level.")
    sign_off: list[RoleRef] = Field(
        default_factory=list, description="Roles that must also sign off wording, and when.")
    first_actions: list[Line] = Field(
        min_length=1, max_length=12,
        description="This level's own first actions: what the triage result shows.")
    statements: list[Id] = Field(
        default_factory=list,
        description="Holding statement ids suited to this level (definitions/"
                    "holding-statements.yml); leave empty where silence is right.")


class SeverityScale(Block):
    triage_questions: list[TriageQuestionDefinition] = Field(
        min_length=1, description="The triage widget's yes/no questions, in the order asked.")
    levels: list[SeverityLevelDefinition] = Field(min_length=1)


    def get(self, level: int) -> SeverityLevelDefinition | None:
        return next((s for s in self.levels if s.level == level), None)

    @property
    def ordered(self) -> list[SeverityLevelDefinition]:
        return sorted(self.levels, key=lambda s: s.level)

    def triage(self, yes: list[str] | set[str]) -> SeverityLevelDefinition:
        """The level the widget shows: the most severe with a 'yes', else the least severe."""
        for level in self.ordered:
            if set(level.triggers) & set(yes):
                return level
        return self.ordered[-1]


# --- holding statements ---------------------------------------------------------------


class HoldingStatementDefinition(Block):
    id: Id
    title: Line
    text: Annotated[str, Field(min_length=1, max_length=4000,
                               description="The approved wording; only [placeholders] change."),
                    TEXT]
    approver: RoleId = Field(description="Role that approved this wording.")
    approved_until: Date = Field(description="Approval lapses after this date.")
    networks: list[Id] = Field(min_length=1, description="Networks this wording fits.")
    surface: Surface = Field(
        "post", description="Where the wording is posted, for its length limit: post (the "
                            "default), comment (a reply under a post), dm (a private message).")
    use_when: Line | None = Field(None, description="When to use it, in a few words.")


class HoldingStatements(Block):
    statements: list[HoldingStatementDefinition] = Field(min_length=1)
