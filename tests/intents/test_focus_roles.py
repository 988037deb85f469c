"""Each rule of `place_roles` on its own: where the asker is, where the message comes from and
what is asked (the seventh mutation pass found these rules without a question of their own)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "leaders"), [
    # a question cue between the asker's words and the place: the place is asked about
    ("I need to find out who is in charge in Brazil, I'm based in Tokyo", ["renault"]),
    ("we want to know who leads in Japan, our office is in Paris", ["nissan"]),
    # a greeting from a place, or "Lyon here": where the message comes from
    ("hi from Lyon! who leads Japan?", ["nissan"]),
    ("greetings from Osaka, who leads Brazil?", ["renault"]),
    ("Lyon here, quick q: who leads Japan?", ["nissan"]),
    # "from X," before the question, "asking from X"
    ("From Madrid, who leads Indonesia?", ["mitsubishi"]),
    ("asking from Tokyo: who leads Brazil?", ["renault"]),
    # a bracket saying where a place is goes with it
    ("we have a dealer in Valencia (Spain), who leads Japan?", ["nissan"]),
    ("my office is in Lyon (France) but who leads Thailand?", ["mitsubishi"]),
    # "my boss is sitting in X": the last word naming a person says whose place it is
    ("my boss is sitting in auckland, who leads osaka?", ["nissan"]),
    # a unit named by its place ("the Osaka plant") before the question
    ("the Osaka plant team wants to know who leads Mexico", ["nissan"]),
    ("the Lyon office asks: who leads Indonesia?", ["mitsubishi"]),
])
def test_the_place_asked_about_not_where_the_asker_is(assistant, question, leaders):
    answer = assistant.ask(question, guarded=False)
    assert answer.leaders == leaders, answer.text
