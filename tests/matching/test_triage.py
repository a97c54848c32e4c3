"""Red-flag triage over concepts: rules, negation, who and when, age, screening questions."""

from __future__ import annotations

import random

import pytest

from app.matching import MatchIndex, MatchQuery, RegionInput, Triage, match
from app.matching.normalize import tokenize
from app.matching.triage.concepts import Evidence
from app.matching.triage.rules import SEVERITY, fire
from app.matching.triage.trie import PhraseTrie


def triage(index: MatchIndex, text: str, age: int | None = None, **given: object) -> Triage:
    return match(index, MatchQuery(text=text, age=age, **given)).triage  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("sudden headache", "thunderclap-headache"),  # two concepts
        ("the worst headache of my life", "thunderclap-headache"),  # one concept
        ("fever and a stiff neck", "meningitis-signs"),
        ("Crushing chest pain", "cardiac-chest-pain"),
        ("pain in my left arm and sweating", "cardiac-chest-pain"),  # a group of sites
        ("back pain and numbness in the groin", "cauda-equina"),  # a finding: numb + groin
        ("back pain, can't control my bladder", "cauda-equina"),
        ("I think I'm having a stroke", "stroke-named"),
        ("no rash, sudden headache", "thunderclap-headache"),  # a comma ends the negation
        # a sense lost in one place, told by ellipsis
        ("Back pain. I could feel the bath water on my legs but not in my groin", "cauda-equina"),
    ],
)
def test_emergency_rules(index: MatchIndex, text: str, flag: str) -> None:
    result = triage(index, text)
    assert result.level == "emergency"
    assert result.red_flags[0].id == flag


@pytest.mark.parametrize(
    "text",
    [
        "headache, no fever, no stiff neck",
        "back pain, no numbness in the groin",
        "no chest pain at all, just a sore shoulder",
        "not the worst headache of my life, just annoying",
        "headache that came on slowly, nothing sudden",
        "denies fever. stiff neck from sleeping badly",
        "chest pain? no. sore shoulder",
        "fever: none. stiff neck from sleeping badly",
        "numb fingers; sore groin",  # numbness and the groin in different sentences
        "no fever, numbness in the groin or weakness",  # an "or" list carries it over commas
        "Asked about fever, stiff neck, a rash? No to all. Sore arm",  # one answer for all
    ],
)
def test_negated_or_apart_concepts_do_not_fire(index: MatchIndex, text: str) -> None:
    assert SEVERITY[triage(index, text).level] <= SEVERITY["see_clinician"], text


@pytest.mark.parametrize(
    "text",
    [
        "My brother had a stroke last year. My back is sore from the desk.",
        "Grandma had a stroke; I have a headache after work.",
        "I had a stroke years ago, fully recovered. Sore shoulder now.",
    ],
)
def test_someone_elses_or_past_diagnoses_do_not_fire(index: MatchIndex, text: str) -> None:
    assert "stroke-named" not in {hit.id for hit in triage(index, text).red_flags}, text


def test_a_carer_reporting_the_patient_is_heard(index: MatchIndex) -> None:
    assert triage(index, "my husband has crushing chest pain").level == "emergency"
    assert triage(index, "my dad had crushing chest pain an hour ago").level == "emergency"
    # the writer speaks of themself too, but the other's segment tells of no past event
    assert triage(index, "my wife has crushing chest pain. I am scared").level == "emergency"


def test_words_of_recovery_do_not_date_a_symptom(index: MatchIndex) -> None:
    # how a mini-stroke or a sentinel headache is told: it came on, then it passed
    for text in ("sudden headache that got better", "sudden headache, resolved after an hour"):
        assert triage(index, text).level == "emergency", text


def test_history_concepts_count_in_the_patients_past_only(index: MatchIndex) -> None:
    assert triage(index, "I had cancer years ago and now back pain").level == "urgent"
    mum = triage(index, "My mum had cancer. I have back pain from lifting.")
    assert "cancer-back-pain" not in {hit.id for hit in mum.red_flags}


def test_age_concepts_need_a_known_age(index: MatchIndex) -> None:
    text = "new headache and jaw pain when chewing"
    assert triage(index, text, age=67).level == "urgent"
    assert triage(index, text, age=30).level == "self_care"
    assert triage(index, "I'm 67, " + text).level == "urgent"
    assert triage(index, "my dad is 80 and has a new headache").level == "urgent"
    assert triage(index, "I'm 67, " + text, age=30).level == "self_care"  # the field wins


def test_highest_level_first_and_matched_concepts_with_their_words(index: MatchIndex) -> None:
    result = triage(index, "swollen calf, losing weight, and the worst headache of my life")
    assert [hit.level for hit in result.red_flags] == ["emergency", "urgent", "see_clinician"]
    hit = triage(index, "fever with neck stiffness").red_flags[0]
    assert hit.title == "Fever with a stiff neck"
    assert [(m.concept, m.words) for m in hit.matched] == [
        ("fever", "fever"),
        ("stiff-neck", "neck stiffness"),
    ]


def test_partial_evidence_gives_a_clinician_and_a_question(index: MatchIndex) -> None:
    result = triage(index, "back pain, and something odd with my bladder")
    assert result.level == "see_clinician"
    assert "screen-saddle-numbness" in {q.id for q in result.screening}


def test_screening_loop(index: MatchIndex) -> None:
    first = triage(index, "low back pain")
    assert first.level == "self_care"
    asked = [q.id for q in first.screening]
    assert asked == ["screen-saddle-numbness", "screen-bladder"]
    assert all(q.red_flag == "cauda-equina" and q.text for q in first.screening)
    # "no" to one: it is not asked again, the other still is
    second = triage(index, "low back pain", absent_symptoms=("screen-bladder",))
    assert [q.id for q in second.screening] == ["screen-saddle-numbness"]
    assert second.level == "self_care"
    # "yes" to the other raises the level and settles the flag
    third = triage(
        index,
        "low back pain",
        symptoms=("screen-saddle-numbness",),
        absent_symptoms=("screen-bladder",),
    )
    assert third.level == "emergency"
    assert third.screening == ()


def test_a_question_the_text_answers_is_not_asked(index: MatchIndex) -> None:
    result = triage(index, "back pain, no numbness in the groin")
    assert "screen-saddle-numbness" not in {q.id for q in result.screening}


def test_structured_inputs_are_triaged(index: MatchIndex) -> None:
    back = MatchQuery(regions=(RegionInput("low-back"),), symptoms=("screen-bladder",))
    assert match(index, back).triage.level == "emergency"  # a tapped region, a "yes"
    # a tapped buttock and "numbness" do not say the numbness is there: the question asks
    query = MatchQuery(regions=(RegionInput("buttock"),), symptoms=("numbness",))
    tapped = match(index, query).triage
    assert tapped.level == "self_care"
    assert [q.id for q in tapped.screening] == ["screen-saddle-numbness"]
    answered = MatchQuery(
        regions=(RegionInput("buttock"),), symptoms=("numbness", "screen-saddle-numbness")
    )
    assert match(index, answered).triage.level == "emergency"


def test_concept_words_are_not_unrecognized(index: MatchIndex) -> None:
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


def test_the_rule_index_fires_the_same_flags_as_checking_every_rule(index: MatchIndex) -> None:
    book = index.triage.rules
    concepts = list(index.triage.concepts.records)
    draw = random.Random(7)
    for _ in range(2000):
        present = {c: Evidence(c, c) for c in draw.sample(concepts, draw.randint(1, 6))}
        fired = {hit.id: hit.level for hit in fire(book, present, index.triage.concepts.records)}
        expected: dict[str, str] = {}
        for flag in book.flags.values():
            levels = [
                rule.level or flag.level
                for rule in flag.rules
                if all(any(c in present for c in g) for g in rule.all)
                and not any(c in present for c in rule.none)
            ]
            if levels:
                expected[flag.id] = max(levels, key=lambda level: SEVERITY[level])
        assert fired == expected


def test_a_side_word_in_a_phrase_must_be_there() -> None:
    trie = PhraseTrie.build(["down my left arm"])
    assert trie.find(tokenize("pain going down my left arm"))
    assert not trie.find(tokenize("pain going down my right arm"))


def test_a_paired_part_in_the_plural_needs_the_plural() -> None:
    trie = PhraseTrie.build(["legs feel numb", "pain down my leg"])
    found = {
        text: {trie.phrases[s.phrase] for s in trie.find(tokenize(text))}
        for text in ("my legs feel numb", "my left leg feels numb", "pain down my legs")
    }
    assert found["my legs feel numb"] == {"legs feel numb"}
    assert found["my left leg feels numb"] == set()
    assert found["pain down my legs"] == {"pain down my leg"}


def test_a_site_word_inside_a_place_elsewhere_is_not_that_site(index: MatchIndex) -> None:
    # "back" is back pain, but not in "the back of my head", a place the reader knows
    assert triage(index, "I had cancer years ago and now my back is sore").level == "urgent"
    head = triage(index, "I had cancer years ago and now a sore back of my head")
    assert "cancer-back-pain" not in {hit.id for hit in head.red_flags}


def test_ticks_and_crosses_are_answers(index: MatchIndex) -> None:
    assert triage(index, "fever ✓ stiff neck ✓").level == "emergency"
    assert triage(index, "fever ✗ stiff neck ✗ headache ✓").level == "self_care"


def test_someone_elses_story_of_weeks_back_is_theirs(index: MatchIndex) -> None:
    assert triage(
        index, "My cousin: fever and a stiff neck last month. I have a sore arm"
    ).level == ("self_care")
    # told without a time, it may be the person the writer is worried about now
    assert triage(index, "My cousin: fever and a stiff neck. I am so worried").level == "emergency"


def test_someone_elses_story_is_read_beside_the_writers(index: MatchIndex) -> None:
    # the writer's own sore arm does not hide a toddler's fever and stiff neck
    toddler = "My toddler has a fever and a stiff neck. I've got a sore arm from carrying him"
    assert triage(index, toddler).level == "emergency"
    dad = "My dad has crushing chest pain. My arm hurts from lifting him"
    assert triage(index, dad).level == "emergency"


def test_a_normal_temperature_reading_is_no_fever(index: MatchIndex) -> None:
    assert triage(index, "high temperature 39.1, stiff neck").level == "emergency"
    assert triage(index, "high temperature 36.9, stiff neck").level == "self_care"
    assert triage(index, "high temperature was 98.4, stiff neck").level == "self_care"


def test_checklist_answers_with_a_participle_and_unpunctuated_speech(index: MatchIndex) -> None:
    assert triage(index, "Fever: never had. Stiff neck from sleeping badly").level == "self_care"
    # voice typing without punctuation: "fine" answers only what "it" was
    assert triage(index, "numbness in the groin it was fine yesterday").level == "emergency"


def test_then_and_a_spaced_dash_bound_what_a_word_says(index: MatchIndex) -> None:
    # "OK" after "then" speaks of later, not of the fever before it
    assert triage(index, "fever and a stiff neck in the night then seems OK").level == "emergency"
    # a spaced dash parts clauses: "years ago" dates only its own
    text = "fever and a stiff neck - had a rash years ago"
    assert triage(index, text).level == "emergency"


def test_a_person_after_a_preposition_is_not_whom_a_sentence_is_about(index: MatchIndex) -> None:
    text = "In bed with my husband I got a sudden headache. I'm scared"
    assert triage(index, text).level == "emergency"
