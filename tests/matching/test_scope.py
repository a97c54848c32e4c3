"""Whose and when (`app.matching.triage.scope`), independent of any dataset."""

from __future__ import annotations

from app.matching.normalize import split_words
from app.matching.triage.scope import OTHER, PAST, SELF, Scope, scopes, sentence_numbers


def scope_of(text: str) -> dict[str, Scope]:
    """The scope of each word (the last one, for a repeated word)."""
    words = split_words(text)
    tokens = words.tokens
    found = scopes(tokens, sentence_numbers(tokens, words.sentence_starts))
    return {token.raw: scope for token, scope in zip(tokens, found, strict=True)}


def test_an_unpunctuated_story_is_dated_piece_by_piece() -> None:
    found = scope_of("mum 71 had breast cancer five years ago for the last month shes had pain")
    assert found["cancer"] & PAST
    assert not found["pain"] & PAST


def test_a_leading_time_dates_what_it_opens() -> None:
    found = scope_of("about 10 years ago i suddenly lost hearing in my left ear and had steroids")
    assert found["hearing"] & PAST


def test_someone_elses_event_told_as_happening_now_is_not_their_past() -> None:
    found = scope_of("I've had a stiff neck for ages. My brother suddenly got a tearing pain")
    assert found["tearing"] & OTHER
    assert not found["tearing"] & PAST
    past = scope_of("I've had a stiff neck for ages. My brother got a clot after a flight")
    assert past["clot"] & PAST


def test_the_writers_question_does_not_make_them_a_second_person() -> None:
    found = scope_of("Dad got terrible pain in his tummy. Should I be worried?")
    assert not any(scope & (OTHER | PAST) for scope in found.values())


def test_the_writer_telling_of_their_body_is_the_subject_but_not_a_carers_action() -> None:
    found = scope_of("Was belaying my partner when I got an instant headache. I never get them")
    assert found["headache"] & SELF
    carer = scope_of("my little boy wont stand his hip hurts when I move it and he has a fever")
    assert not carer["fever"] & PAST


def test_a_now_segment_goes_on_from_their_story_told_now() -> None:
    found = scope_of(
        "My neck aches. My flatmate found out she's pregnant last week and has now got "
        "sharp pain on one side"
    )
    assert found["pregnant"] & PAST
    assert not found["sharp"] & PAST


def test_a_month_a_weekday_or_a_hospital_bed_makes_someone_elses_event_their_story() -> None:
    june = scope_of("Dad had a heart attack in June, crushing pain. My chest wall is sore")
    assert june["crushing"] & PAST
    ward = scope_of("Mum's in hospital after her stroke, her face drooped. My neck is stiff")
    assert ward["drooped"] & PAST
    now = scope_of("Dad suddenly has crushing pain in his chest. My back hurts from lifting him")
    assert not now["crushing"] & PAST


def test_years_since_dates_the_writers_own_diagnosis() -> None:
    found = scope_of("Two years since my stroke and I recovered. Today I've got a sore throat")
    assert found["stroke"] & PAST
    assert not found["throat"] & PAST


def test_a_child_named_by_their_age_in_one_word_is_someone_else() -> None:
    found = scope_of("My 3yo won't walk. He's had a fever since this morning. My back hurts")
    assert found["walk"] & OTHER
    assert found["fever"] & OTHER


def test_a_distant_time_ends_its_statement_in_an_unpunctuated_clause() -> None:
    found = scope_of("im 67 and had breast cancer 6 years ago new back pain for a month at night")
    assert found["cancer"] & PAST
    assert not found["pain"] & PAST
    kid = scope_of("had chickenpox as a kid tingling pain round my ribs and a rash for two days")
    assert kid["chickenpox"] & PAST
    assert not kid["tingling"] & PAST
    event = scope_of("chest tight and pain going into my neck sweaty dizzy had a stent 3 yrs ago")
    assert event["stent"] & PAST
    assert not event["sweaty"] & PAST
    joined = scope_of("I had pre-eclampsia six years ago and was induced at 36 weeks, both fine")
    assert joined["weeks"] & PAST


def test_a_story_on_tv_is_their_story_but_not_hearing_the_tv() -> None:
    watched = scope_of("My neck is stiff. My husband saw on TV a man who got a clot after a flight")
    assert watched["clot"] & PAST
    deaf = scope_of("My neck is stiff. My husband suddenly can't hear the TV on his right side")
    assert not deaf["hear"] & PAST


def test_for_the_last_month_lasts_until_now() -> None:
    found = scope_of("My neck aches. Mum had cancer. For the last month she's had back pain")
    assert not found["pain"] & PAST
    over = scope_of("My neck aches. My sister got a clot last month after a flight")
    assert over["clot"] & PAST


def test_a_sentence_naming_nobody_that_opens_with_now_goes_on_with_their_story() -> None:
    found = scope_of("My neck is tight. Dad 79, passed out. Now bad back pain, belly throbbing")
    assert found["belly"] & OTHER
    assert not found["belly"] & PAST


def test_someone_only_heard_is_not_whom_a_sentence_is_about() -> None:
    found = scope_of("Put my phone to my right ear and my mum's voice was tiny and far away")
    assert not found["tiny"] & OTHER
    assert scope_of("My neck aches and my mum has a tiny rash")["rash"] & OTHER


def test_sudden_naming_a_diagnosis_does_not_make_their_event_now() -> None:
    # "sudden deafness" names what they had; "suddenly" still tells of now
    past = scope_of("My colleague got sudden deafness and took steroids. My neck is stiff")
    assert past["deafness"] & PAST
    now = scope_of("My neck is stiff. My brother suddenly got a tearing pain in his back")
    assert not now["tearing"] & PAST


def test_what_someone_noticed_weeks_back_is_still_there() -> None:
    found = scope_of("My brother noticed a pulsing lump last week. I'm miles away")
    assert not found["lump"] & PAST
    assert scope_of("My cousin lost hearing last month. I'm fine")["hearing"] & PAST


def test_an_opening_time_phrase_dates_the_statement_after_it() -> None:
    found = scope_of("As a teenager, about 20 years ago, I got a sudden headache. My neck is sore")
    assert found["headache"] & PAST
    assert not found["neck"] & PAST
    now = scope_of("Years ago, and now my face is drooping")
    assert not now["drooping"] & PAST


def test_since_and_a_number_of_minutes_or_days_is_recent() -> None:
    found = scope_of("i have 58 years since 30 minutes is very heavy pressure in my chest")
    assert not found["pressure"] & PAST
    assert scope_of("two years since my stroke, sore shoulder")["stroke"] & PAST


def test_a_joining_word_before_a_subject_or_now_ends_a_dated_statement() -> None:
    found = scope_of(
        "had a heart attack 3 years ago and this feels the same tight band round my chest sweaty"
    )
    assert found["attack"] & PAST
    assert not found["chest"] & PAST
    assert scope_of("had cancer 3 years ago and was treated with chemo")["chemo"] & PAST


def test_used_to_in_a_comparison_dates_nothing() -> None:
    now = scope_of("my back aches and i dont feel the urge to pee the way i used to")
    assert not now["urge"] & PAST
    assert scope_of("my back aches and i used to get migraines")["migraines"] & PAST
