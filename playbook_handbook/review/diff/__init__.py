"""``handbook diff``: what readers will see differently between two revisions.

:mod:`gitbase` materialises the base revision's content from git, :mod:`compare`
compares the two validated handbooks field by field (naming each field with
:mod:`labels`, prose with :mod:`words`), :mod:`shared` finds the shared facts
that changed and :mod:`reach` every page that shows one, and :mod:`formats`
writes the result as text, Markdown or JSON.
"""
