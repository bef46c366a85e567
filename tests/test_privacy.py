"""Personal data and secrets in playbooks: exact place, rule and severity of each warning.

Every case writes a real playbook into a copy of the mini handbook, loads it the way the
site build does and checks the warnings. Tokens are assembled from pieces so that no
complete token-shaped string sits in this file for secret scanners to trip over.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import repo_book

from playbook_handbook.checks.privacy import (
    BANK_MESSAGE,
    EMAIL_MESSAGE,
    ID_MESSAGE,
    PHONE_MESSAGE,
    SECRET_MESSAGE,
    privacy_warnings,
    scan_text,
)
from playbook_handbook.index.handbook import Handbook, load_handbook
from playbook_handbook.problems import Problem

GUIDE = "playbooks/guides/reply-to-comments.yml"
DETAILS = "    details: Check earlier replies so you do not repeat a colleague.\n"
CHECKLIST_ITEM = "  - The reply uses the person's name\n"
DETAILS_AT = (23, 14)  # the value after "    details: " on line 23
CHECKLIST_AT = (27, 5)  # the value after "  - " on line 27

GITHUB_TOKEN = "gh" + "p_" + "R4nd0mT0k3nF0rTh3T3st5" + "aB1cD2eF3gH4iJ5kL6"
AWS_KEY = "AK" + "IA" + "Q3EGRT5H2NX7LM4P"
SLACK_TOKEN = "xo" + "xb-" + "240173925817-" + "a8Kd02LmQz7Xp"
STRIPE_KEY = "sk" + "_live_" + "51Hc8QbL2x" + "Vn4RtY7uW9zA3s"
GOOGLE_KEY = "AI" + "za" + "SyB3x9Qm2Lk7Vd4Rt8Wn1Zc5Hj6Pf0Ga2Ue"
JWT = "eyJ" + "hbGciOiJIUzI1NiJ9" + ".eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0" + ".dGhpc2lzbm90YXNpZ24"
HEX_SECRET = "9f86d081884c7d65" + "9a2feaa0c55ad015"
GOOGLE_CLIENT_SECRET = "GOC" + "SPX-" + "a1B2c3D4e5F6g7H8" + "i9J0k1L2m3N4"
SLACK_WORKFLOW = ("hooks.slack.com/" + "workflows/T0123ABCD/A0456EFGH/"
                  + "123456789/abcdefABCDEF1234")
DISCORD_HOOK = "https://discord.com/api/" + "webhooks/123456789012345678/" + "AbCdEf-ghIJkl_mnop"
TC_KIMLIK = "100000" + "00146"  # checksum-valid, the number test suites use

PHONE = ("personal-data", PHONE_MESSAGE)
EMAIL = ("personal-data", EMAIL_MESSAGE)
SECRET = ("secret", SECRET_MESSAGE)
NATIONAL_ID = ("personal-data", ID_MESSAGE)
BANK = ("personal-data", BANK_MESSAGE)


def write_guide(mini: Path, old: str, new: str) -> None:
    """Replace one line of the mini handbook's guide with ``new`` (YAML text)."""
    guide = mini / GUIDE
    text = guide.read_text(encoding="utf-8")
    assert text.count(old) == 1
    guide.write_text(text.replace(old, new), encoding="utf-8")


def load(root: Path) -> Handbook:
    book = load_handbook(root)
    assert book.problems == [], [p.format_text() for p in book.problems]
    return book


def with_details(mini: Path, text: str) -> Handbook:
    """The guide with ``text`` as steps[0].details, written as a double-quoted scalar."""
    write_guide(mini, DETAILS, f"    details: {json.dumps(text, ensure_ascii=False)}\n")
    return load(mini)


def warning(place: tuple[int, int], finding: tuple[str, str], path: str = GUIDE) -> Problem:
    rule, message = finding
    return Problem(path, *place, message, rule, "warning")


@pytest.mark.parametrize(("text", "finding"), [
    ("Escalate to Sam on +44 20 7946 0958 after hours.", PHONE),
    ("Our US agency picks up on +1 (415) 555-0132.", PHONE),
    ("Text the duty phone, 07700 900123, first.", PHONE),
    ("The old hotline was 555-123-4567.", PHONE),
    ("Forward screenshots to jane.smith1987@gmail.com.", EMAIL),
    ("Ask Priya (priya.sharma@acme-retail.com) before replying.", EMAIL),
    ("Use j_doe@brand.co.uk for sign-off.", EMAIL),
    (f"The scheduler bot uses {GITHUB_TOKEN} to publish.", SECRET),
    (f"Uploads go through key {AWS_KEY}.", SECRET),
    (f"Alerts post with {SLACK_TOKEN}.", SECRET),
    (f"Payments: {STRIPE_KEY}", SECRET),
    (f"Maps key {GOOGLE_KEY}", SECRET),
    (f"Session {JWT}", SECRET),
    (f"Dashboard API key: {HEX_SECRET}", SECRET),
    ("Shared login for the scheduler, password: hunter2", SECRET),
    ("Log in at https://scheduler.example.org/login?user=social&pwd=Spring-2026", SECRET),
], ids=lambda value: value if isinstance(value, str) and len(value) < 30 else None)
def test_suspicious_text_in_step_details_is_a_warning_at_the_value(
        mini: Path, text: str, finding: tuple[str, str]) -> None:
    book = with_details(mini, text)
    assert privacy_warnings(book) == [warning(DETAILS_AT, finding)]


@pytest.mark.parametrize("text", [
    "Published 2026-10-01, updated 01.11.2026 and 2026-10-01 18:00.",
    "Post between 18:00 and 20:00, Mon–Fri, and reply by 09:30.",
    "Run the campaign for 7–14 days, or 7-14 days for Stories.",
    "Engagement rose to 24.5% (from 18.25%) in Q3 2026.",
    "Contact social@company.com, press@company.com or customer.care@company.com.",
    "Ask for their [phone number] and [order number] in a private message.",
    "Write to [customer name] at [email address] with password: [from the vault].",
    "See https://example.org/replies/2026/10/01/1234567890123?ref=a1B2c3D4e5F6g7H8i9J0k1L2m3N4",
    "Examples use jane.doe@example.com and jane.doe@example.org.",
    "Reach 1000-5000 followers in 2025-2026 with a budget of 10 000 000 and 12,500,000 views.",
    "Order #12345678 shipped; ISBN 978-3-16-148410-0; version 1.2.3.",
    "Password: never share it in a DM. Passwords: 12 characters minimum.",
    "Never ask for [passwords / payment] in messages; who had the password?",
    "Tag @social-strategy and link to campaign-duration-by-objective-and-format-2026.",
    "Files like SocialMediaPolicy2024UpdatedVersion3 and IMG_20240312_183045_Final_V2.",
])
def test_ordinary_text_is_not_flagged(mini: Path, text: str) -> None:
    book = with_details(mini, text)
    assert privacy_warnings(book) == []


def test_checklist_item_is_checked(mini: Path) -> None:
    write_guide(mini, CHECKLIST_ITEM, "  - Escalate to jane.doe@hotmail.co.uk\n")
    assert privacy_warnings(load(mini)) == [warning(CHECKLIST_AT, EMAIL)]


def test_block_string_warns_once_per_rule_at_its_start(mini: Path) -> None:
    write_guide(mini, DETAILS, (
        "    details: |\n"
        "      Log in to the scheduler with the shared account.\n"
        "      password: hunter2\n"
        "      If it fails, call +44 20 7946 0958 or +44 20 7946 0959.\n"
    ))
    assert privacy_warnings(load(mini)) == [
        warning(DETAILS_AT, PHONE),
        warning(DETAILS_AT, SECRET),
    ]


def test_every_field_and_onboarding_path_is_checked(mini: Path) -> None:
    write_guide(mini, DETAILS, f"    details: {json.dumps(GITHUB_TOKEN)}\n")
    write_guide(mini, CHECKLIST_ITEM, "  - Call +1 (415) 555-0132 for approval\n")
    (mini / "paths").mkdir(exist_ok=True)
    (mini / "paths" / "first-week.yml").write_text(
        "id: first-week\n"
        "title: First week\n"
        "summary: Where to start.\n"
        'owner: "@community"\n'
        "audience: [community-manager]\n"
        "last_reviewed: 2026-10-01\n"
        "steps:\n"
        "  - playbook: reply-to-comments\n"
        "    outcome: You can reply, and you know to ask mark.jones@acme-retail.com first.\n",
        encoding="utf-8",
    )
    book = load(mini)
    assert list(book.paths) == ["first-week"]
    assert sorted(privacy_warnings(book)) == [
        warning((9, 14), EMAIL, "paths/first-week.yml"),
        warning(DETAILS_AT, SECRET),
        warning(CHECKLIST_AT, PHONE),
    ]


def test_message_never_repeats_the_secret_or_the_number(mini: Path) -> None:
    book = with_details(mini, f"Token {GITHUB_TOKEN}, mobile 07700 900123")
    found = privacy_warnings(book)
    assert [p.rule for p in found] == ["personal-data", "secret"]
    for problem in found:
        assert GITHUB_TOKEN not in problem.format_text()
        assert "900123" not in problem.format_text()


@pytest.mark.parametrize(("text", "findings"), [
    ("tel:+442079460958", [PHONE]),
    ("Call (415) 555-0132 or 1-800-555-0199", [PHONE]),
    ("Mobile [ask Sam: 07700 900123]", [PHONE]),  # a number is not a placeholder
    ("someone@proton.me and bob@yahoo.co.uk", [EMAIL]),
    ("support@brand.co.uk, hello@brand.com, noreply@brand.com, info@brand.com", []),
    ("AKIAIOSFODNN7EXAMPLE is the key AWS documents as an example", []),
    ("https://bob:s3cret@host.example.com/", [SECRET]),
    ("-----BEGIN RSA PRIVATE KEY-----", [SECRET]),
    ("Password: Summer2024!", [SECRET]),
    ("API key: rotate it every 90 days. Token: 3 per user.", []),
    ("Node 192.168.100.200 and pi 3.14159265", []),
    # Turkish personal data, each confirmed by its checksum (issue 16)
    (f"Müşterinin TC kimlik no: {TC_KIMLIK}", [NATIONAL_ID]),
    ("TC kimlik 10000000147 (checksum wrong)", []),
    ("İade için IBAN: TR33 0006 1005 1978 6457 8413 26", [BANK]),
    ("TR330006100519786457841326", [BANK]),
    ("TR330006100519786457841327 fails its checksum", []),
    ("Kart 4111 1111 1111 1111 ile ödedi", [BANK]),
    ("Kart 4111-1111-1111-1112 (Luhn fails)", []),
    ("Yaz: ayşe.öztürk@firma.com.tr", [EMAIL]),
    ("sosyal.medya@firma.com.tr, musteri.hizmetleri@firma.com.tr", []),
    ("şifre: Gizli123!", [SECRET]),
    ("Parola: Yaz2026", [SECRET]),
    (f"Client secret {GOOGLE_CLIENT_SECRET}", [SECRET]),
    (f"Workflow hook {SLACK_WORKFLOW}", [SECRET]),
    (f"Post alerts to {DISCORD_HOOK}", [SECRET]),
    # not personal data: references and commits
    ("Invoice no. 0212345678 was paid", []),
    ("Fatura numarası: 0212345678", []),
    ("Fixed in commit 3f5e2a1b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f", []),
    ("Tel no 0212 345 67 89", [PHONE]),
    ("123e4567-e89b-12d3-a456-426614174000", []),
])
def test_scan_text(text: str, findings: list[tuple[str, str]]) -> None:
    assert scan_text(text) == findings


def test_starter_playbooks_have_no_personal_data_or_secrets() -> None:
    book = repo_book()
    assert book.playbooks and book.paths
    assert [p.format_text() for p in privacy_warnings(book)] == []
