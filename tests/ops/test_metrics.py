"""The metrics a person alerts on count what they say they count."""

from __future__ import annotations


def test_an_error_answer_from_the_core_is_counted_as_a_core_error() -> None:
    from bot.ops.metrics import CORE_ERRORS, record_answer

    errors = CORE_ERRORS.labels(surface="dm")
    before = errors._value.get()
    record_answer(intent="who_leads", understood=True, seconds=0.001, surface="dm")
    assert errors._value.get() == before
    record_answer(intent="error", understood=False, seconds=0.001, surface="dm")
    assert errors._value.get() == before + 1
