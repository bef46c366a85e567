"""Durations, dates and day counts in words, in the edition's language.

English keeps the handbook's own short forms (``45 min``, ``5 Mar 2026``);
another language takes its words from the catalog (:mod:`.locale`) and its
dates from Babel's long format (``2 Aralık 2026``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from playbook_handbook.render.locale import translator

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Units:
    """The page filters that turn numbers and dates into words, for one language."""

    def __init__(self, language: str = "en"):
        self.language = language
        self._ = translator(language)

    def minutes(self, value: int) -> str:
        """``45`` -> ``45 min``, ``90`` -> ``1 h 30 min``, ``2880`` -> ``2 days``."""
        _ = self._
        if value < 60:
            return _("%(minutes)s min") % {"minutes": value}
        if value % 1440 == 0:
            return self.day_count(value // 1440)
        if value % 60 == 0:
            return _("%(hours)s h") % {"hours": value // 60}
        return _("%(hours)s h %(minutes)s min") % {"hours": value // 60, "minutes": value % 60}

    def longdate(self, value: dt.date) -> str:
        """``2026-03-05`` -> ``5 Mar 2026``: no day/month order to guess."""
        if self.language == "en":
            return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
        from babel.dates import format_date  # only an edition in another language needs it

        return format_date(value, format="long", locale=self.language)

    def day_count(self, days: int) -> str:
        """``1`` -> ``1 day``, ``5`` -> ``5 days``."""
        text = self._("%(days)s day") if abs(days) == 1 else self._("%(days)s days")
        return text % {"days": days}

    def days_ago(self, days: int) -> str:
        """How long ago, in words: ``today``, ``1 day ago``, ``12 days ago``."""
        if days == 0:
            return self._("today")
        if days > 0:
            return self._("%(days)s ago") % {"days": self.day_count(days)}
        return self._("in %(days)s") % {"days": self.day_count(-days)}

    def days_range(self, rule: Any) -> str:
        """A duration rule's run: ``7+ days, ongoing``, ``7 days``, ``7–14 days``."""
        if rule.max_days is None:
            return self._("%(min)s+ days, ongoing") % {"min": rule.min_days}
        if rule.max_days == rule.min_days:
            return self._("%(days)s days") % {"days": rule.min_days}
        return self._("%(min)s–%(max)s days") % {"min": rule.min_days, "max": rule.max_days}


ENGLISH = Units("en")
