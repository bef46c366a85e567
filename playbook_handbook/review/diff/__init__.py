"""``handbook diff``: what readers will see differently between two revisions.

:mod:`gitbase` materialises the base revision's content from git, :mod:`compare`
compares the two validated handbooks field by field (naming each field with
:mod:`labels`, prose with :mod:`words`), :mod:`reach` finds every page that
shows a changed shared fact, and :mod:`formats` writes the result as text,
Markdown or JSON.
"""
