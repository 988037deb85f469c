"""Digest content: a spotlight that walks the whole map, changes, stats, no empty sections."""

import json
from datetime import date

import pytest

from bot.digest.content import (
    DailyStats,
    Digest,
    changes_between,
    fingerprint_of,
    next_spotlight,
    render,
    row_key,
    snapshot_of,
)
from bot.slack.blocks import MAX_SECTION_CHARS, leadership_text
from tests.digest.conftest import MapAssistant
from tests.support.block_kit import assert_valid_blocks
from tests.support.kb_map import expected_leadership, expected_rows

DAY = date(2024, 1, 15)


def digest(*, changes: list[str] | None = None, stats: DailyStats | None = None) -> Digest:
    rows = MapAssistant().rows
    snapshot = snapshot_of(rows)
    return Digest(local_date=DAY, spotlight=rows[0], changes=changes or [], stats=stats,
                  snapshot=snapshot, fingerprint=fingerprint_of(snapshot))


def all_text(blocks: list[dict]) -> str:
    """The blocks as one string to search, once Slack would accept them."""
    assert_valid_blocks(blocks)
    return repr(blocks)


def test_the_spotlight_visits_every_row_before_repeating() -> None:
    rows = MapAssistant().rows
    seen, previous = [], None
    for _ in range(len(rows)):
        row = next_spotlight(rows, previous)
        previous = row_key(row)
        seen.append(previous)
    assert sorted(seen) == sorted(row_key(row) for row in rows)
    assert row_key(next_spotlight(rows, previous)) == seen[0]


def test_a_vanished_spotlight_restarts_at_the_first_row() -> None:
    rows = MapAssistant().rows
    assert next_spotlight(rows, "region:atlantis") == rows[0]


def test_a_first_digest_reports_no_changes() -> None:
    assert changes_between(None, snapshot_of(MapAssistant().rows)) == []


def test_new_leaders_new_rows_and_new_facts_are_reported() -> None:
    assistant = MapAssistant()
    before = snapshot_of(assistant.rows)
    assistant.rows[0] = assistant.rows[0].model_copy(update={"leader": "nissan"})
    assistant.rows[1] = assistant.rows[1].model_copy(update={"detail": "Shared from 2025."})
    assistant.rows.append(assistant.rows[2].model_copy(update={"id": "b-suv", "name": "B-SUV"}))
    lines = changes_between(before, snapshot_of(assistant.rows))
    assert lines == [
        "*Europe*: Nissan now leads (was Renault).",
        "*Plug-in hybrids*: Shared from 2025.",
        f"New in the map: *B-SUV* — {leadership_text('nissan', ['renault'])}.",
    ]


def test_an_unchanged_map_has_the_same_fingerprint() -> None:
    assert fingerprint_of(snapshot_of(MapAssistant().rows)) == fingerprint_of(
        snapshot_of(list(reversed(MapAssistant().rows))))


def test_a_quiet_day_has_only_the_spotlight() -> None:
    _, blocks = render(digest(stats=DailyStats(day=DAY, questions=0)))
    assert [block["type"] for block in blocks] == ["header", "section", "context"]
    assert "Europe" in all_text(blocks)


def test_changes_and_stats_get_their_sections() -> None:
    stats = DailyStats(day=DAY, questions=12, top_topics=[("who_leads", 9)],
                       unanswered=["who leads Mars?"], disliked=["what does Nissan lead?"])
    text, blocks = render(digest(changes=["*Europe*: Nissan now leads (was Renault)."],
                                 stats=stats))
    rendered = all_text(blocks)
    assert text.startswith("Alliance digest")
    for expected in ("What changed", "12 questions", "who leads (9)", "Could not answer",
                     "who leads Mars?", "marked 👎", "what does Nissan lead?"):
        assert expected in rendered


def test_a_day_without_unanswered_or_disliked_questions_omits_those_lists() -> None:
    _, blocks = render(digest(stats=DailyStats(day=DAY, questions=1,
                                               top_topics=[("who_leads", 1)])))
    rendered = all_text(blocks)
    assert "1 question" in rendered
    assert "Could not answer" not in rendered and "👎" not in rendered


PINGS = ("<!channel>", "<!here>", "<!everyone>", "<@U999>")


def test_questions_quoted_in_the_digest_ping_nobody_and_every_section_fits() -> None:
    long_questions = [f"{ping} " + "<why> & " * 2000 + "\u202e?" for ping in PINGS]
    stats = DailyStats(day=DAY, questions=10, unanswered=long_questions + ["who leads <!here>?"],
                       disliked=long_questions)
    _, blocks = render(digest(stats=stats))
    for block in blocks:
        shown = json.dumps(block, ensure_ascii=False)
        for ping in PINGS:
            assert ping not in shown
        assert "\u202e" not in shown
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_SECTION_CHARS
    rendered = all_text(blocks)
    assert "who leads &lt;!here&gt;?" in rendered
    assert "&lt;!channel&gt;" in rendered


def test_knowledge_base_names_in_the_digest_are_escaped() -> None:
    rows = MapAssistant().rows
    before = snapshot_of(rows)
    rows[0] = rows[0].model_copy(update={"name": "<!channel> Europe", "detail": "R&D <@U999>"})
    lines = changes_between(before, snapshot_of(rows))
    assert lines == ["*&lt;!channel&gt; Europe*: R&amp;D &lt;@U999&gt;"]
    spotlight = Digest(local_date=DAY, spotlight=rows[0], changes=lines, stats=None,
                       snapshot=snapshot_of(rows), fingerprint="x")
    rendered = all_text(render(spotlight)[1])
    assert "<!channel>" not in rendered and "<@U999>" not in rendered


def test_the_spotlight_names_its_source_by_the_document_title() -> None:
    rows = MapAssistant().rows
    shown = Digest(local_date=DAY, spotlight=rows[0], changes=[], stats=None,
                   snapshot=snapshot_of(rows), fingerprint="x",
                   titles={"alliance-article": "The 2020 article"})
    assert "Source: The 2020 article, ¶4" in all_text(render(shown)[1])


def test_the_spotlight_walks_the_real_map_row_by_row_as_the_files_state_it() -> None:
    """The real core's map (not MapAssistant), against the knowledge-base files."""
    from intents.assistant import Assistant

    rows = Assistant().matrix()
    previous = None
    for expected in expected_rows():
        row = next_spotlight(rows, previous)
        previous = row_key(row)
        shown = Digest(local_date=DAY, spotlight=row, changes=[], stats=None,
                       snapshot=snapshot_of(rows), fingerprint="x")
        spotlight = render(shown)[1][1]["text"]["text"]
        assert spotlight.startswith(f"*Spotlight — {expected.name}* ({expected.area})")
        assert f"\n{expected_leadership(expected)}." in spotlight


def section_texts(blocks: list[dict]) -> list[str]:
    assert_valid_blocks(blocks)
    return [block["text"]["text"] for block in blocks if block["type"] == "section"]


def test_every_kind_of_change_is_reported_in_map_order_whatever_comes_first() -> None:
    rows = MapAssistant().rows
    before = snapshot_of(rows)
    gone = before.pop("segment:c-suv")
    changed = [rows[0].model_copy(update={"id": "japan", "name": "Japan"}),  # new, listed first
               rows[0].model_copy(update={"followers": ["nissan"]}),
               rows[1]]
    lines = changes_between(before, snapshot_of(changed))
    assert lines == [
        f"New in the map: *Japan* — {leadership_text('renault', ['mitsubishi', 'nissan'])}.",
        "*Europe*: followers are now Nissan.",
    ]
    before["segment:c-suv"] = gone
    assert changes_between(before, snapshot_of(rows[:2])) == ["No longer in the map: *C-SUV*."]
    nobody = rows[0].model_copy(update={"followers": []})
    assert changes_between(snapshot_of(rows[:1]), snapshot_of([nobody])) == [
        "*Europe*: followers are now none."]


def test_an_unchanged_note_is_not_reported_again() -> None:
    rows = [MapAssistant().rows[0].model_copy(update={"detail": "Russia counts apart."})]
    assert changes_between(snapshot_of(rows), snapshot_of(rows)) == []


@pytest.mark.parametrize("count, line", [(1, "1 question"), (2, "2 questions"),
                                         (0, None)])
def test_yesterdays_count_reads_as_english(count: int, line: str | None) -> None:
    texts = section_texts(render(digest(stats=DailyStats(day=DAY, questions=count)))[1])
    if line is None:
        assert not any("Yesterday" in text for text in texts)
    else:
        assert f"*Yesterday (Mon 15 Jan)*: {line}" in texts


def test_the_stats_sections_read_as_headed_lists() -> None:
    stats = DailyStats(day=DAY, questions=5, top_topics=[("who_leads", 3), ("what_leads", 2)],
                       unanswered=["who leads Mars?", "and Venus?"],
                       disliked=["what does Nissan lead?"])
    texts = section_texts(render(digest(stats=stats))[1])
    assert ("*Yesterday (Mon 15 Jan)*: 5 questions\n"
            "Top topics: who leads (3), what leads (2)") in texts
    assert "*Could not answer*\n• who leads Mars?\n• and Venus?" in texts
    assert "*Answers marked 👎*\n• what does Nissan lead?" in texts


def test_changes_come_after_a_divider_under_their_heading() -> None:
    _, blocks = render(digest(changes=["*Europe*: followers are now Nissan."]))
    types = [block["type"] for block in blocks]
    assert types == ["header", "section", "context", "divider", "section"]
    assert blocks[0]["text"]["text"] == "Alliance digest — Monday 15 January 2024"
    assert blocks[-1]["text"]["text"] == (
        "*What changed in the knowledge base*\n• *Europe*: followers are now Nissan.")
