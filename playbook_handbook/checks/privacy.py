"""Warnings about personal data and secrets written into playbooks.

People paste real conversations, contact lists and tool settings into playbooks.
Everything in a playbook ends up on the handbook site, so this module looks at
every string of every playbook and onboarding path for what must not be
published: private phone numbers, personal e-mail addresses, Turkish national
id numbers (TC kimlik), IBANs and card numbers (each confirmed by its checksum
with python-stdnum, so an order number is not mistaken for one), and API
tokens, webhooks or passwords (``şifre:`` and ``parola:`` too).

Only strings are scanned (dates and numbers YAML already read as such are not
text). Each file's texts are first searched together, in one linear RE2 pass,
for anything a finding must contain; only files that pass are checked string
by string, each pattern compiled once here. Square-bracket placeholders such
as ``[phone number]`` are blanked out first, and web addresses are blanked out
for the number and random-string checks (a path or an id in a link is not a
phone number or a key). Warnings point at the start of the string and never
repeat the text they found, so a secret is not copied into build logs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

try:  # RE2 runs the one combined pattern below in a single linear pass (50x faster here)
    import re2 as _linear_re
except ImportError:  # pragma: no cover - google-re2 is a dependency; stay correct without it
    _linear_re = re

from stdnum import iban, luhn
from stdnum.tr import tckimlik

from playbook_handbook.index.handbook import Handbook
from playbook_handbook.load.yamlsource import Source
from playbook_handbook.problems import Problem

PERSONAL_DATA = "personal-data"
SECRET = "secret"

PHONE_MESSAGE = ("this text looks like a phone number; name contacts by role, never by "
                 "private number")
EMAIL_MESSAGE = ("this text looks like a personal e-mail address; use a role or a shared "
                 "team address")
SECRET_MESSAGE = ("this text looks like an API token or password; remove it and rotate the "
                  "secret")

ID_MESSAGE = ("this text looks like a national id number (TC kimlik no, checksum valid); "
              "never publish one")
BANK_MESSAGE = ("this text looks like a bank account (IBAN) or card number (checksum "
                "valid); remove it")

PHONE = (PERSONAL_DATA, PHONE_MESSAGE)
NATIONAL_ID = (PERSONAL_DATA, ID_MESSAGE)
BANK = (PERSONAL_DATA, BANK_MESSAGE)
EMAIL = (PERSONAL_DATA, EMAIL_MESSAGE)
TOKEN = (SECRET, SECRET_MESSAGE)

Finding = tuple[str, str]  # (rule, message)

# --- placeholders and web addresses -------------------------------------------------------

#: ``[customer name]``, ``[phone number]``, ``[passwords / payment]``: a placeholder holds
#: words, never digits or an @, so a real number written in brackets is still found.
_PLACEHOLDER = re.compile(r"\[[^\[\]\d@\n]{1,120}\]")
_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'`]+", re.IGNORECASE)

# --- phone numbers ------------------------------------------------------------------------

#: A run of digits with single spaces, dots or hyphens between them, an optional leading
#: ``+`` and area codes in parentheses. Only whole runs are matched: the run may not touch
#: a letter, a ``%`` or another digit group. Which runs are phone numbers is decided in
#: :func:`_is_phone`.
_PHONE_RUN = re.compile(
    # The first character comes first so the regex engine can skip to it quickly; the
    # character before it is checked afterwards.
    r"[+(\d](?<![\w.,/#@$£€%+-][+(\d])"
    r"(?:(?<=\+)(?:\(\d{1,5}\)|\d)|(?<=\()\d{1,5}\)|(?<=\d))"
    r"(?:[ .-]?(?:\(\d{1,5}\)|\d))*"
    r"(?![\w%@]|[ .,-]?\d)"
)
_DIGIT_GROUP = re.compile(r"\d+")
_DATE_IN_RUN = re.compile(
    r"(?<!\d)(?:\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.](?:\d{4}|\d{2}))(?!\d)"
)
_THOUSANDS = re.compile(r"\d{1,3}(?:([ .])\d{3})(?:\1\d{3})*")
_IP_ADDRESS = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")

# --- e-mail addresses ---------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.%+-])(?P<local>[A-Za-z0-9çğıöşüÇĞİÖŞÜ][A-Za-z0-9çğıöşüÇĞİÖŞÜ._%+-]{0,63})"
    r"@(?P<domain>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24})(?![\w-])"
)
#: The first label of a personal mail provider's domain: gmail.com, yahoo.co.uk, gmx.de ...
_PERSONAL_PROVIDERS = frozenset({
    "aol", "fastmail", "gmail", "gmx", "googlemail", "hotmail", "icloud", "live", "outlook",
    "proton", "protonmail", "rocketmail", "tuta", "tutanota", "yahoo", "yandex", "ymail",
    "mynet",
})
#: Personal mail domains whose first label is too common a word to match on its own.
_PERSONAL_DOMAINS = frozenset({
    "126.com", "163.com", "att.net", "btinternet.com", "comcast.net", "free.fr", "hey.com",
    "laposte.net", "libero.it", "mac.com", "mail.com", "mail.ru", "me.com", "msn.com",
    "orange.fr", "pm.me", "qq.com", "sky.com", "t-online.de", "verizon.net",
    "virginmedia.com", "web.de", "wp.pl",
})
#: Documentation domains (RFC 2606): addresses there are examples by definition.
_EXAMPLE_TLDS = frozenset({"example", "invalid", "localhost", "test"})
#: ``firstname.lastname``, ``firstname_lastname``, ``j.smith``, ``jane.m.doe``, ``jane.doe2``.
_NAME_LOCAL = re.compile(r"[a-zçğıöşü][a-zçğıöşü'-]{0,39}[._](?:[a-zçğıöşü][._])?"
                         r"[a-zçğıöşü][a-zçğıöşü'-]{1,39}\d{0,4}")
_LOCAL_PARTS = re.compile(r"[._'-]")
#: Words that make ``social.media@`` or ``customer_care@`` a role, not a person.
_ROLE_WORDS = frozenset({
    "abuse", "account", "accounts", "admin", "alerts", "all", "billing", "brand", "care",
    "careers", "comms", "communications", "community", "contact", "content", "crisis",
    "customer", "customers", "desk", "digital", "do", "enquiries", "events", "feedback", "help",
    "hello", "hr", "info", "inquiries", "it", "jobs", "legal", "mail", "marketing", "media",
    "news", "newsroom", "no", "noreply", "not", "notifications", "office", "online", "ops",
    "operations", "orders", "partners", "partnerships", "postmaster", "pr", "press", "privacy",
    "reply", "returns", "sales", "security", "service", "services", "shop", "social", "staff",
    "store", "support", "team", "web", "webmaster",
    # Turkish: sosyal.medya@, musteri.hizmetleri@, basin@, destek@ ...
    "basin", "basın", "bilgi", "destek", "hizmet", "hizmetleri", "ik", "iletisim", "iletişim",
    "kurumsal", "medya", "musteri", "müşteri", "pazarlama", "satis", "satış", "sosyal",
    "yardim", "yardım",
})

# --- API tokens and secrets ---------------------------------------------------------------

#: Tokens with a known shape. Each is a run of :data:`_TOKEN_RUN` characters, so the
#: text is searched once for such runs and only the runs are matched against these.
_KNOWN_TOKEN = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"(?:AKIA|ASIA)[0-9A-Z]{16}"                                # AWS access key id
    r"|gh[pousr]_[A-Za-z0-9]{30,}"                              # GitHub tokens
    r"|github_pat_[A-Za-z0-9_]{22,}"                            # GitHub fine-grained token
    r"|glpat-[A-Za-z0-9_-]{20,}"                                # GitLab token
    r"|xox[baprs]-[A-Za-z0-9-]{10,}"                            # Slack tokens
    r"|[rs]k_(?:live|test)_[A-Za-z0-9]{20,}"                    # Stripe secret keys
    r"|sk-[A-Za-z0-9_-]{20,}"                                   # OpenAI-style keys
    r"|AIza[0-9A-Za-z_-]{35}"                                   # Google API key
    r"|GOCSPX-[A-Za-z0-9_-]{24,}"                               # Google OAuth client secret
    r"|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"  # JSON Web Token
    r")(?![A-Za-z0-9])"
)
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_+/=.-]{14,}")
#: Secrets with spaces or punctuation in them, looked for only when their marker is present.
_PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")
_SLACK_WEBHOOK = re.compile(
    r"hooks\.slack\.com/(?:services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+"
    r"|(?:workflows|triggers)/T[A-Za-z0-9]+/[A-Za-z0-9]+/[A-Za-z0-9]+)"
    r"|discord(?:app)?\.com/api/webhooks/\d+/[A-Za-z0-9_-]+", re.IGNORECASE)
_URL_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s/:@\[\]]+:[^\s/@\[\]]+@", re.IGNORECASE)
#: ``password: hunter2``, ``pwd=...``, ``api_key = ...``: a secret named and then given.
_KEYED_SECRET = re.compile(
    r"(?<![A-Za-z])(?P<key>passwor[dt]|passwd|pwd|passcode|passphrase|şifre|şifresi|parola"
    r"|api[ _-]?key|secret[ _-]?key|client[ _-]?secret|access[ _-]?token|auth[ _-]?token"
    r"|token|secret)"
    r"(?![A-Za-z])[ \t]*(?P<sep>[:=])[ \t]*(?P<value>[^\s,;]+)(?P<rest>[^\n]*)",
    re.IGNORECASE,
)
_PASSWORD_KEYS = ("passw", "pwd", "passc", "passp", "şifre", "parola")
_SECRET_WORDS = ("pass", "pwd", "key", "token", "secret", "şifre", "parola")
#: Words that follow ``password:`` in prose or forms without being the password.
_NOT_A_PASSWORD = frozenset({
    "blank", "changed", "e.g", "empty", "hidden", "i.e", "n/a", "na", "none", "null",
    "optional", "redacted", "removed", "required", "reset", "rotated", "see", "set",
    "shared", "unknown", "unset",
})
_WORDS = re.compile(r"[A-Za-z]{2,}")
#: 32 or more characters of hex or base64: a key, a hash or a signed value.
_LONG_TOKEN = re.compile(r"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{32,}={0,2}(?![A-Za-z0-9+/=_-])")
_HEX = re.compile(r"[0-9a-fA-F]+")
_ALNUM_PAIR = re.compile(r"(?=([A-Za-z0-9])([A-Za-z0-9]))")


# --- the quick test that lets clean text skip everything above ---------------------------

#: Something every finding contains: 8+ digits close together, a named secret, a
#: 32+ character run without hyphens (kebab ids are not keys), an address @, a token
#: prefix, a private key or a webhook. Searched with a ``\n`` in front of the text.
_ANY_FINDING = _linear_re.compile(
    r"\d(?:[ .()+-]{0,3}\d){7}"
    r"|(?i:passw\w*|pwd|passcode|passphrase|token|secret|key|şifre\w*|parola)[ \t]*[:=]"
    r"|[^A-Za-z0-9+/_=-][A-Za-z0-9+/_=]{32,}"  # no hyphen: kebab ids are not keys
    r"|[^\s@]@[A-Za-z0-9]"
    r"|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[baprs]-|[rs]k_|[^A-Za-z]sk-|AIza|eyJ"
    r"|GOCSPX-|PRIVATE KEY|hooks\.slack\.com|(?i:discord(?:app)?\.com/api/webhooks)"
    r"|(?i:TR)\d\d"
)


def privacy_warnings(book: Handbook) -> list[Problem]:
    """Personal data and secrets in every playbook and onboarding path, as warnings."""
    found: list[Problem] = []
    for entry in [*book.playbooks.values(), *book.paths.values()]:
        found += source_warnings(entry.source, entry.rel_path)
    for definition in book.definitions.files.values():
        if definition.source is not None:
            found += source_warnings(definition.source, definition.rel_path)
    return found


def source_warnings(source: Source, rel_path: str,
                    skip: tuple[str, ...] = ()) -> list[Problem]:
    """Warnings for every string of one file, each at the start of its string, but
    not under the top-level keys ``skip`` (a translation's ``made_from`` hashes).

    Almost every file is clean, so its texts are first searched together for
    :data:`_ANY_FINDING`, one linear pass per file instead of several per string.
    """
    if not _ANY_FINDING.search("\n" + "\n".join(source.texts)):
        return []
    found: list[Problem] = []
    for loc, text in iter_strings(source.data):
        if loc and loc[0] in skip:
            continue
        findings = scan_text(text)
        if findings:
            line, column = source.position(loc)
            found += [Problem(rel_path, line, column, message, rule, "warning")
                      for rule, message in findings]
    return found


def iter_strings(data: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string value (not key) in plain YAML data, with its path, in file order."""
    stack: list[tuple[tuple[Any, ...], Any]] = [(loc, data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, str):
            yield here, value
        elif isinstance(value, dict):
            stack.extend((here + (key,), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((here + (index,), value[index]) for index in range(len(value) - 1, -1, -1))


def scan_text(text: str) -> list[Finding]:
    """The kinds of personal data and secrets in one string, each kind at most once."""
    if len(text) < 6 or not _ANY_FINDING.search("\n" + text):
        return []
    if "[" in text:
        text = _PLACEHOLDER.sub(_blank, text)
    low = text.lower()
    has_url = "://" in text or "www." in low
    plain = _URL.sub(_blank, text) if has_url else text
    found: list[Finding] = []
    if any(_is_phone(m.group()) and not _is_reference(plain, m.start())
           for m in _PHONE_RUN.finditer(plain)):
        found.append(PHONE)
    if any(tckimlik.is_valid(m.group()) for m in _ELEVEN_DIGITS.finditer(plain)):
        found.append(NATIONAL_ID)
    if any(iban.is_valid(m.group()) for m in _IBAN.finditer(plain)) or any(
            _is_card(m.group()) for m in _CARD_RUN.finditer(plain)):
        found.append(BANK)
    if "@" in text and any(_is_personal_email(m["local"], m["domain"])
                           for m in _EMAIL.finditer(text)):
        found.append(EMAIL)
    if _has_secret(text, low, plain, has_url):
        found.append(TOKEN)
    return found


#: National ids, IBANs and card numbers, each confirmed by its checksum (python-stdnum).
_ELEVEN_DIGITS = re.compile(r"(?<![\d.,-])[1-9]\d{10}(?![\d.,-]?\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b")
_CARD_RUN = re.compile(r"(?<![\d-])[2-6]\d{3}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\d-])")
#: Words just before a number that make it a reference, not a phone: invoice no. 0212345678.
_REFERENCE_WORDS = re.compile(
    r"(?i:invoice|order|ticket|case|ref(?:erence)?|receipt|tracking|fatura|sipari[sş]|"
    r"kargo)(?:\W+(?i:no|nr|number|numaras[ıi]))?\W{0,3}$")


def _is_reference(text: str, start: int) -> bool:
    return bool(_REFERENCE_WORDS.search(text[max(0, start - 20):start]))


def _is_card(run: str) -> bool:
    digits = run.replace(" ", "").replace("-", "")
    return 13 <= len(digits) <= 19 and luhn.is_valid(digits)


def _has_secret(text: str, low: str, plain: str, has_url: bool) -> bool:
    for run in _TOKEN_RUN.finditer(text):
        token = run.group()
        if any(_is_known_token(m.group()) for m in _KNOWN_TOKEN.finditer(token)):
            return True
        if len(token) >= 32 and not (has_url and plain[run.start()] == " "):
            if any(_looks_random(m.group()) for m in _LONG_TOKEN.finditer(token)):
                return True
    if any(word in low for word in _SECRET_WORDS) and any(
            _is_keyed_secret(m) for m in _KEYED_SECRET.finditer(text)):
        return True
    if "private key" in low and _PRIVATE_KEY.search(text):
        return True
    if ("hooks.slack.com" in low or "/api/webhooks/" in low) and _SLACK_WEBHOOK.search(text):
        return True
    if has_url and "@" in text and _URL_PASSWORD.search(text):
        return True
    return False


def _blank(match: re.Match[str]) -> str:
    """Spaces in place of the match (which never spans a line), so offsets stay put."""
    return " " * (match.end() - match.start())


def _is_phone(run: str) -> bool:
    groups = _DIGIT_GROUP.findall(run)
    digits = sum(len(group) for group in groups)
    if digits < 8 or digits > 15:
        return False
    if run.startswith("+"):  # an international number: +44 20 7946 0958, +1 (415) 555-0132
        return True
    if _DATE_IN_RUN.search(run) or _IP_ADDRESS.fullmatch(run) or _THOUSANDS.fullmatch(run):
        return False  # 2026-10-01 18, 01.10.2026, 192.168.100.200, 10 000 000
    if sum(len(group) == 1 for group in groups) > 1:
        return False  # counts and lists: 1 2 3 4 5 6 7 8, ISBNs
    if run.startswith("("):  # (415) 555-0132
        return digits >= 9
    if len(groups) == 1:  # 07700900123; not a bare count or an order number like 000123456
        return run.startswith("0") and not run.startswith("000") and 10 <= digits <= 12
    if len(groups) == 2:  # 07700 900123; not 1000-5000, 2019-2026 or 3.14159265
        return run.startswith("0") and "." not in run
    if run.startswith("0"):  # 020 7946 0958, 01 23 45 67 89
        return digits >= 9
    return 10 <= digits <= 11  # 555-123-4567, 1-800-555-0199


def _is_personal_email(local: str, domain: str) -> bool:
    domain = domain.lower()
    labels = domain.split(".")
    if labels[-1] in _EXAMPLE_TLDS or "example" in labels[:-1]:
        return False  # jane.doe@example.org is an example by definition
    if labels[0] in _PERSONAL_PROVIDERS or domain in _PERSONAL_DOMAINS:
        return True
    local = local.lower().split("+", 1)[0]
    if not _NAME_LOCAL.fullmatch(local):
        return False
    return not any(part in _ROLE_WORDS for part in _LOCAL_PARTS.split(local))


def _is_known_token(token: str) -> bool:
    if "EXAMPLE" in token:  # AKIAIOSFODNN7EXAMPLE and friends from vendor documentation
        return False
    if token.startswith("sk-"):  # sk-proj-..., not a hyphenated phrase that starts with sk
        return any(c.isdigit() for c in token) and any(c.isalpha() for c in token[3:])
    return True


def _is_keyed_secret(match: re.Match[str]) -> bool:
    value = match["value"].strip("\"'`").rstrip(".,;:!?)")
    if not value or value[0] in "[<{($*•…%" or value.lower() in _NOT_A_PASSWORD:
        return False
    letters = any(c.isalpha() for c in value)
    others = any(not c.isalpha() for c in value)
    if not match["key"].lower().startswith(_PASSWORD_KEYS):
        # api_key: / token= / secret: need a key-like value, not a word of prose
        return len(value) >= 12 and letters and any(c.isdigit() for c in value)
    if match["sep"] == "=" or (letters and others):
        return True  # pwd=..., password: hunter2
    # password: swordfish at the end of a line, not "Password: never share it"
    return not _WORDS.search(match["rest"])


def _looks_random(token: str) -> bool:
    """True for a long string that reads as random characters, not as words or an id."""
    core = token.rstrip("=")
    if not any(c.isdigit() for c in core) or not any(c.isalpha() for c in core):
        return False
    if _HEX.fullmatch(core):
        if len(core) == 40 and core.islower():
            return False  # a git commit (SHA-1), as in a link to a change
        return _entropy(core) >= 3.0
    if _entropy(core) < 3.5:
        return False
    letters = [c for c in core if c.isalpha()]
    vowels = sum(c in "aeiouAEIOU" for c in letters)
    if vowels > 0.35 * len(letters):
        return False  # words: SocialMediaPolicy2024UpdatedVersion3
    pairs = _ALNUM_PAIR.findall(core)
    switches = sum(_kind(a) != _kind(b) for a, b in pairs)
    return bool(pairs) and switches >= 0.25 * len(pairs)


def _kind(char: str) -> int:
    return 0 if char.isdigit() else 1 if char.isupper() else 2


def _entropy(text: str) -> float:
    """Shannon entropy in bits per character."""
    size = len(text)
    return -sum(n / size * math.log2(n / size) for n in Counter(text).values())
