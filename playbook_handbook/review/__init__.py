"""Keeping the handbook current: review dates, the stale list, code owners."""
