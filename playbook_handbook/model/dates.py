"""The dates a handbook may use, and reading a date given as a setting.

Kept free of heavy imports: the command line reads ``--today`` with it before
any command loads the model.
"""

from __future__ import annotations

import datetime as dt

#: Dates a playbook (or ``--today``) may use: wide enough for any real one, and far
#: from year 9999, where adding a review interval would overflow.
FIRST_DATE, LAST_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


class SettingError(ValueError):
    """A date or other setting given on the command line or in the environment is unusable."""


def parse_day(text: str, setting: str) -> dt.date:
    """``text`` as a date like 2026-03-31 within the dates playbooks may use."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise SettingError(f"{setting}: {text!r} is not a date like 2026-03-31") from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise SettingError(f"{setting}: {day.isoformat()} is outside {FIRST_DATE.isoformat()} "
                           f"to {LAST_DATE.isoformat()}")
    return day
