"""Cross-file rules of the shared definitions: every reference resolves, no fact twice.

A crisis playbook names severity levels, crisis roles and holding statements by
id; the severity scale names roles, triage questions and statements; a
statement names its approver and networks. An unknown id is an error at its
``path:line:column`` with a did-you-mean. A playbook that re-states a shared
fact (a level's name, response time, alert list or approver) differently is
an error; one that repeats it word for word gets a warning to leave it out.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from playbook_handbook.index.definitions import DefinitionFile, Definitions
from playbook_handbook.model.definitions import RoleCall
from playbook_handbook.model.playbook import CrisisHandling, Network, Role, Skill
from playbook_handbook.problems import Problem

VOCABULARY_LITERALS = {"networks": Network, "audience": Role, "skills": Skill}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def role_id(ref: str | RoleCall) -> str:
    return ref if isinstance(ref, str) else ref.role


class _Checker:
    def __init__(self, definitions: Definitions):
        self.d = definitions
        self.problems: list[Problem] = []

    def add(self, path: str, where: tuple[int, int], message: str, rule: str,
            severity: str = "error") -> None:
        self.problems.append(Problem(path, where[0], where[1], message, rule, severity))

    def unknown(self, path: str, where: tuple[int, int], what: str, ref: str,
                known: Iterable[str], home: str) -> None:
        known = list(known)
        hint = did_you_mean(ref, known) or (f"; defined in {home}: {', '.join(known[:12])}"
                                            + ("..." if len(known) > 12 else ""))
        self.add(path, where, f"unknown {what} '{ref}'{hint}", "unknown-reference")

    def duplicates(self, file: DefinitionFile, listing: str, ids: list[str], what: str) -> None:
        seen: dict[str, int] = {}
        for index, value in enumerate(ids):
            if value in seen:
                line, _ = file.position(listing, seen[value])
                self.add(file.rel_path, file.position(listing, index, "id"),
                         f"{what} '{value}' is already defined on line {line}; define each "
                         "once", "duplicate-id")
            else:
                seen[value] = index

    def role(self, path: str, where: tuple[int, int], ref: str) -> None:
        roles = self.d.roles
        if roles and ref not in roles:
            self.unknown(path, where, "crisis role", ref, roles,
                         self.d.files["crisis_roles"].rel_path)


def check_definitions(definitions: Definitions) -> list[Problem]:
    """Unique ids and resolvable references inside the definition files."""
    c = _Checker(definitions)
    roles_file = definitions.files["crisis_roles"]
    if roles_file.model:
        c.duplicates(roles_file, "roles", [r.id for r in roles_file.model.roles], "role")
    statements_file = definitions.files["holding_statements"]
    networks = definitions.terms("networks")
    if statements_file.model:
        items = statements_file.model.statements
        c.duplicates(statements_file, "statements", [s.id for s in items], "statement")
        for i, s in enumerate(items):
            c.role(statements_file.rel_path, statements_file.position("statements", i, "approver"),
                   s.approver)
            for j, network in enumerate(s.networks):
                if networks is not None and network not in networks:
                    c.unknown(statements_file.rel_path,
                              statements_file.position("statements", i, "networks", j),
                              "network", network, networks,
                              definitions.files["networks"].rel_path)
    for name in ("tags", "networks", "audience", "skills"):
        file = definitions.files[name]
        if file.model:
            c.duplicates(file, "terms", [t.id for t in file.model.terms], "term")
            _check_literal(c, file, name)
    _check_scale(c, definitions)
    return c.problems


def _check_literal(c: _Checker, file: DefinitionFile, name: str) -> None:
    """A vocabulary the playbook format lists must describe exactly the format's words."""
    literal = VOCABULARY_LITERALS.get(name)
    if literal is None:
        return
    allowed = literal.__args__  # type: ignore[attr-defined]
    ids = [t.id for t in file.model.terms]
    for index, term in enumerate(ids):
        if term not in allowed:
            c.add(file.rel_path, file.position("terms", index, "id"),
                  f"'{term}' is not one of the format's {name}: {', '.join(allowed)}"
                  f"{did_you_mean(term, allowed)}; a new one also needs a change to "
                  "playbook_handbook/model/playbook.py", "unknown-reference")
    for term in allowed:
        if term not in ids:
            c.add(file.rel_path, file.position("terms"),
                  f"'{term}' has no entry; describe every one of the format's {name}",
                  "missing-term")


def _check_scale(c: _Checker, definitions: Definitions) -> None:
    file = definitions.files["severity_scale"]
    scale = file.model
    if scale is None:
        return
    rel = file.rel_path
    questions = [q.id for q in scale.triage_questions]
    c.duplicates(file, "triage_questions", questions, "triage question")
    seen_levels: dict[int, int] = {}
    trigger_of: dict[str, int] = {}
    statements = definitions.statements
    for i, level in enumerate(scale.levels):
        if level.level in seen_levels:
            c.add(rel, file.position("levels", i, "level"),
                  f"level {level.level} is defined twice; define each level once", "duplicate-id")
        seen_levels[level.level] = i
        for j, question in enumerate(level.triggers):
            where = file.position("levels", i, "triggers", j)
            if question not in questions:
                c.unknown(rel, where, "triage question", question, questions, rel)
            elif question in trigger_of:
                c.add(rel, where, f"triage question '{question}' is a trigger of both level "
                      f"{trigger_of[question]} and level {level.level}; keep it on one level",
                      "value")
            else:
                trigger_of[question] = level.level
        for key in ("alert", "sign_off"):
            for j, ref in enumerate(getattr(level, key)):
                loc = ("levels", i, key, j) if isinstance(ref, str) else ("levels", i, key, j,
                                                                          "role")
                c.role(rel, file.position(*loc), role_id(ref))
        c.role(rel, file.position("levels", i, "approver"), level.approver)
        for j, statement in enumerate(level.statements):
            if statements and statement not in statements:
                c.unknown(rel, file.position("levels", i, "statements", j), "holding statement",
                          statement, statements, definitions.files["holding_statements"].rel_path)
        for j, example in enumerate(level.examples):
            for k, answer in enumerate(example.yes):
                if answer not in questions:
                    c.unknown(rel, file.position("levels", i, "examples", j, "yes", k),
                              "triage question", answer, questions, rel)
    if c.problems or not trigger_of:
        return  # the triage of the examples needs a consistent scale, and a triage at all
    for i, level in enumerate(scale.levels):
        for j, example in enumerate(level.examples):
            got = scale.triage(example.yes)
            if got.level != level.level:
                answers = ", ".join(example.yes) or "no question"
                c.add(rel, file.position("levels", i, "examples", j),
                      f"this Level {level.level} example comes out of the triage as Level "
                      f"{got.level} (yes to: {answers}); fix its yes answers or the levels' "
                      "triggers", "triage-example")


def check_crisis_playbook(definitions: Definitions, rel: str, pb: CrisisHandling,
                          position) -> list[Problem]:  # noqa: ANN001 - Entry.position
    """A crisis playbook's references to levels, roles and statements, and restated facts."""
    c = _Checker(definitions)
    scale_file = definitions.files["severity_scale"]
    scale = definitions.scale
    needs = [("severity_scale", "severity_levels", True), ("crisis_roles", "roles", True),
             ("holding_statements", "holding_statements", bool(pb.holding_statements))]
    for name, loc, needed in needs:
        file = definitions.files[name]
        if needed and not file.present:
            c.add(rel, position(loc), f"{file.rel_path} is missing: a crisis playbook shows "
                  f"{_what(name)} from it; add the file", "missing-definitions")
    if scale is not None:
        levels = {s.level: s for s in scale.levels}
        for i, guidance in enumerate(pb.severity_levels):
            shared = levels.get(guidance.level)
            if shared is None:
                c.add(rel, position("severity_levels", i, "level"),
                      f"unknown severity level {guidance.level}; the scale in "
                      f"{scale_file.rel_path} has levels {', '.join(map(str, sorted(levels)))}",
                      "unknown-reference")
                continue
            _restated(c, definitions, rel, position, i, guidance, shared)
    for i, use in enumerate(pb.role_uses):
        loc = ("roles", i) if isinstance(pb.roles[i], str) else ("roles", i, "role")
        c.role(rel, position(*loc), use.role)
    statements = definitions.statements
    for i, use in enumerate(pb.statement_uses):
        if statements and use.statement not in statements:
            loc = (("holding_statements", i) if isinstance(pb.holding_statements[i], str)
                   else ("holding_statements", i, "statement"))
            c.unknown(rel, position(*loc), "holding statement", use.statement, statements,
                      definitions.files["holding_statements"].rel_path)
    return c.problems


def _what(name: str) -> str:
    return {"severity_scale": "the severity scale", "crisis_roles": "what each role does",
            "holding_statements": "the holding statements"}[name]


def _restated(c: _Checker, definitions: Definitions, rel: str, position, index: int,  # noqa: ANN001
              guidance, shared) -> None:  # noqa: ANN001
    """A shared fact written again in a playbook: an error if different, else a warning."""
    home = definitions.files["severity_scale"].rel_path
    roles = definitions.roles
    names = {
        "name": shared.name,
        "respond_within_minutes": shared.respond_within_minutes,
        "approver": roles[shared.approver].name if shared.approver in roles else shared.approver,
        "alert": [roles[role_id(r)].name if role_id(r) in roles else role_id(r)
                  for r in shared.alert],
    }
    for key, value in names.items():
        given = getattr(guidance, key)
        if given is None:
            continue
        where = position("severity_levels", index, key)
        same = (given == value or (key == "approver" and given == shared.approver)
                or (key == "alert" and [str(g).casefold() for g in given]
                    == [str(v).casefold() for v in value]))
        if same:
            c.add(rel, where, f"{key} of level {shared.level} repeats {home}; leave it out here, "
                  "so it is changed in one place", "shared-fact", "warning")
        else:
            c.add(rel, where, f"{key} of level {shared.level} differs from {home}, where it is "
                  f"{_show(value)}; a playbook cannot redefine it: remove it here, or change "
                  "the scale", "shared-fact")


def _show(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return f"{value}"
