"""Body cells carry their column's name for the stacked phone layout."""

from __future__ import annotations

from playbook_handbook.render.table_labels import label_cells

TABLE = ("<table><thead><tr><th>Run <em>for</em></th><th>Why &amp; how</th></tr></thead>"
         "<tbody><tr><td>14 days</td><td class=\"x\">Because</td></tr>"
         "<tr><td>7</td><td>Short</td></tr></tbody></table>")


def test_each_body_cell_gets_its_header_as_label() -> None:
    out = label_cells(TABLE)
    assert out.count('<td data-label="Run for">') == 2
    assert out.count('<td data-label="Why &amp; how" class="x">') == 1
    assert '<td data-label="Why &amp; how">Short' in out


def test_tables_without_a_header_and_other_html_are_left_alone() -> None:
    plain = "<table><tbody><tr><td>a</td></tr></tbody></table><p>td</p>"
    assert label_cells(plain) == plain
    assert label_cells("<p>no table</p>") == "<p>no table</p>"
