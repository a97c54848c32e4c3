"""Red-flag triage on every response, with negation and age rules."""

from __future__ import annotations

import pytest

from app.matching import MatchIndex, MatchQuery, RegionInput, Triage, match
from app.matching.normalize import tokenize
from app.matching.records import RedFlagRecord
from app.matching.redflags import compile_red_flags, evaluate, find_phrases


def triage(index: MatchIndex, text: str, age: int | None = None) -> Triage:
    return match(index, MatchQuery(text=text, age=age)).triage


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("sudden headache", "thunderclap-headache"),  # two groups
        ("the worst headache of my life", "thunderclap-headache"),  # single-group rule
        ("fever and a stiff neck", "meningitis-signs"),
        ("crushing chest pain and sweating", "cardiac-chest-pain"),
        ("Crushing chest pain", "cardiac-chest-pain"),
        ("pain in my chest and my left arm", "cardiac-chest-pain"),  # "pain in X" variant
        ("my chest hurts and I feel short of breath", None),  # "short of breath" not listed
        ("back pain and numbness in the groin", "cauda-equina"),
        ("back pain, can't control my bladder", "cauda-equina"),
    ],
)
def test_emergency_rules(index: MatchIndex, text: str, flag: str | None) -> None:
    result = triage(index, text)
    if flag is None:
        assert result.level == "self_care"
    else:
        assert result.level == "emergency"
        assert result.red_flags[0].id == flag


@pytest.mark.parametrize(
    "text",
    [
        "headache, no fever, no stiff neck",
        "back pain, bladder normal, no numbness in the groin",
        "back pain; bladder and bowels are fine",
        "no chest pain at all, just a sore shoulder",
        "no chest pain, my shoulder hurts",
        "not the worst headache of my life, just annoying",
        "headache that came on slowly, nothing sudden",
        "denies fever. stiff neck from sleeping badly",
        "chest pain? no. sore shoulder",
        "fever: none. stiff neck from sleeping badly",
    ],
)
def test_negated_phrases_do_not_fire(index: MatchIndex, text: str) -> None:
    assert triage(index, text).level == "self_care", text


def test_min_age_requires_a_known_age(index: MatchIndex) -> None:
    text = "new headache and jaw pain when chewing"
    assert triage(index, text, age=67).level == "urgent"
    assert triage(index, text, age=30).level == "self_care"
    assert triage(index, text).level == "self_care"


def test_an_age_stated_in_the_text_counts_unless_one_is_given(index: MatchIndex) -> None:
    assert triage(index, "I'm 67, new headache and jaw pain when chewing").level == "urgent"
    assert triage(index, "a 72 year old with a new headache and jaw pain when chewing").level == (
        "urgent"
    )
    # the age field wins over the text
    assert triage(index, "I'm 67, new headache and jaw pain when chewing", age=30).level == (
        "self_care"
    )


def test_highest_level_wins_and_is_listed_first(index: MatchIndex) -> None:
    result = triage(index, "swollen calf, losing weight, and the worst headache of my life")
    assert result.level == "emergency"
    assert [hit.level for hit in result.red_flags] == ["emergency", "urgent", "see_clinician"]


def test_hit_carries_title_advice_and_phrases(index: MatchIndex) -> None:
    hit = triage(index, "fever with neck stiffness").red_flags[0]
    assert hit.title == "Fever with a stiff neck"
    assert hit.message == "Call emergency services now."
    assert hit.matched == ("fever", "neck stiffness")


def test_plural_variants_match(index: MatchIndex) -> None:
    assert triage(index, "both calves swollen").level == "urgent"


def test_self_care_when_nothing_fires(index: MatchIndex) -> None:
    result = triage(index, "tight shoulders after work")
    assert result == Triage(level="self_care", red_flags=())


def test_structured_inputs_are_triaged(index: MatchIndex) -> None:
    query = MatchQuery(regions=(RegionInput("calf"),), symptoms=("numbness",), text="it is swollen")
    assert match(index, query).triage.level == "urgent"


def test_red_flag_words_are_not_unrecognized(index: MatchIndex) -> None:
    outcome = match(index, MatchQuery(text="crushing chest pain and sweating"))
    assert outcome.interpretation.unrecognized == ()


def test_emergency_withholds_the_ranked_list(index: MatchIndex) -> None:
    emergency = match(index, MatchQuery(text="crushing chest pain and sweating"))
    assert emergency.triage.level == "emergency"
    assert emergency.results == ()
    assert emergency.results_withheld is True
    calm = match(index, MatchQuery(text="left temple pain"))
    assert calm.results
    assert calm.results_withheld is False


def test_a_side_word_in_a_phrase_must_be_there() -> None:
    rules = compile_red_flags(
        [
            RedFlagRecord(
                "left-arm",
                "emergency",
                "Pain down the left arm",
                "Call emergency services now.",
                ((("down my left arm",),),),
            )
        ]
    )
    fired = [
        evaluate(rules, find_phrases(rules, tokens, [False] * len(tokens)).present, None)
        for tokens in (
            tokenize("pain going down my left arm"),
            tokenize("pain going down my right arm"),
        )
    ]
    assert [result.level for result in fired] == ["emergency", "self_care"]


def test_a_paired_part_in_the_plural_needs_the_plural() -> None:
    rules = compile_red_flags(
        [
            RedFlagRecord(
                "both-legs",
                "urgent",
                "Numb legs",
                "See a doctor today.",
                ((("legs feel numb",),), (("pain down my leg",),)),
            )
        ]
    )

    def level(text: str) -> str:
        tokens = tokenize(text)
        found = find_phrases(rules, tokens, [False] * len(tokens))
        return evaluate(rules, found.present, None).level

    # written in the plural: both sides, so one leg does not match
    assert level("my legs feel numb") == "urgent"
    assert level("my left leg feels numb") == "self_care"
    # written in the singular: either matches
    assert level("pain down my leg") == "urgent"
    assert level("pain down my legs") == "urgent"
