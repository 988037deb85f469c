"""The leadership map, row by row, against the knowledge-base files it is built from."""

from __future__ import annotations

from tests.support.kb_map import expected_rows


def test_the_map_has_every_row_of_the_knowledge_base_in_order(assistant) -> None:
    shown = [(row.area, row.id, row.name) for row in assistant.matrix()]
    assert shown == [(row.area, row.id, row.name) for row in expected_rows()]


def test_each_row_of_the_map_has_the_leader_followers_and_paragraph_of_its_file(assistant):
    for row, expected in zip(assistant.matrix(), expected_rows(), strict=True):
        assert (row.id, row.leader, tuple(row.followers)) == (
            expected.id, expected.leader, expected.followers)
        assert [source.paragraph for source in row.sources] == [expected.paragraph]
