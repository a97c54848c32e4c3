"""Negation scope on its own (`app.matching.negation`), independent of any dataset."""

from __future__ import annotations

from app.matching.negation import negation_mask, phrase_boundaries
from app.matching.normalize import split_words


def denied(text: str) -> list[str]:
    words = split_words(text)
    tokens = words.tokens
    mask = negation_mask(
        tokens, [False] * len(tokens), words.sentence_starts, questions=words.questions
    )
    return [token.raw for token, negated in zip(tokens, mask, strict=True) if negated]


def test_a_word_of_time_or_a_new_subject_ends_the_scope() -> None:
    assert denied("no scan yet now sharp pain on one side") == ["scan", "yet"]
    assert denied("no injury im on the pill") == ["injury"]
    assert denied("not much pain really more of a pressure") == ["much", "pain", "really"]


def test_a_degree_word_alone_is_denied() -> None:
    assert denied("not the worst headache but a new one") == ["the", "worst"]
    assert denied("no severe pain") == ["severe"]


def test_a_post_cue_reaches_only_a_few_words_back_in_a_long_unpunctuated_clause() -> None:
    long = "she woke up and cannot hear from that ear at all other ear normal"
    assert denied(long) == ["all", "other", "ear"]
    assert denied("bladder and bowels normal") == ["bladder", "and", "bowels"]


def test_a_post_cue_followed_by_a_condition_or_fine_movement_is_no_answer() -> None:
    assert denied("headaches and nausea fine once we were outside") == []
    assert denied("numb hands, fine finger control has gone") == []
    assert denied("the car rolled over and everyone got out ok") == ["everyone", "got", "out"]


def test_a_spoken_checklist_answers_item_by_item() -> None:
    said = "headache yes came on slowly yes worst ever no stiff neck no tension type yes"
    assert denied(said) == ["worst", "ever", "no", "stiff", "neck", "no"]
    # opening with "no", it is read as ordinary negation, which a "yes" ends
    assert denied("no fever no rash yes headache") == ["fever", "no", "rash"]


def test_a_cue_reaches_only_a_few_content_words_in_a_long_unpunctuated_clause() -> None:
    said = "vomiting no fever no neck stiffness it came on in seconds the worst of my life"
    assert "seconds" not in denied(said)
    assert "worst" not in denied(said)
    assert denied("no fever, rash or stiff neck") == ["fever", "rash", "or", "stiff", "neck"]


def test_a_negated_verb_keeps_its_manner_and_nowhere_near_denies_a_degree() -> None:
    assert denied("it didn't come on suddenly") == ["come", "on", "suddenly"]
    assert denied("no fever suddenly awful headache") == ["fever"]
    assert denied("nowhere near the worst I've had") == ["the", "worst"]
    assert denied("no chance she's pregnant") == ["chance", "shes", "pregnant"]


def test_no_opening_a_sentence_answers_the_short_question_before_it() -> None:
    assert denied("stiff neck? no he can touch his chin to his chest") == ["stiff", "neck"]
    # after a statement of one's own, "no" does not take it back
    assert "numb" not in denied("my leg is numb. no i didn't fall")


def test_in_a_long_unpunctuated_clause_a_second_phrase_ends_the_scope_unless_a_list() -> None:
    said = "not pregnant no injury headaches for a month worst when i wake up and when i cough"
    words = split_words(said)
    tokens = words.tokens
    # known phrases: "pregnant" (1), "injury" (3), "headaches" (4)
    boundaries = phrase_boundaries([(1, 2), (3, 4), (4, 5)])
    assert boundaries == {4}
    mask = negation_mask(tokens, [False] * len(tokens), words.sentence_starts, boundaries)
    negated = [t.raw for t, m in zip(tokens, mask, strict=True) if m]
    assert "injury" in negated
    assert "headaches" not in negated
    listed = "no numbness tingling or weakness in my legs just a dull ache after the long walk"
    tokens = split_words(listed).tokens
    mask = negation_mask(tokens, [False] * len(tokens), (), phrase_boundaries([(1, 2), (2, 3)]))
    assert mask[2]  # "tingling": a list that an "or" closes
    # "dizzy no suddenly lost half my vision": the "no" answered something before
    assert denied("dizzy no suddenly lost half my vision about an hour ago i think") == []


def test_phrase_boundaries_skip_phrases_that_run_across() -> None:
    # "neck" (0, 1), "stiffness" (1, 2) and "neck stiffness" (0, 2)
    assert phrase_boundaries([(0, 1), (1, 2), (0, 2)]) == set()


def test_a_boundary_may_skip_one_word_that_joins_nothing() -> None:
    # "no fever left calf swollen": "fever" (1), "calf" (3); "left" joins nothing
    assert phrase_boundaries([(1, 2), (3, 4)], ["no", "fever", "left", "calf", "swollen"]) == {3}
    # "no pain in back": "in" joins the pain to its place
    assert phrase_boundaries([(1, 2), (3, 4)], ["no", "pain", "in", "back"]) == set()


def test_a_post_cue_stops_at_the_time_things_were_fine() -> None:
    # "last week the stairs were fine": the stairs were fine, and last week is no denial
    assert denied("sciatica. last week stairs were fine") == ["stairs", "were"]


def test_a_no_of_its_own_after_a_question_answers_all_of_it() -> None:
    answered = denied("any weakness, face drooping, trouble talking? no. stiff neck")
    assert answered == ["any", "weakness", "face", "drooping", "trouble", "talking"]
    # after a statement, a "no" of its own answers only its clause's neighbour
    assert "weakness" not in denied("any weakness, face drooping. no.")


def test_advice_on_what_to_watch_for_is_not_happening() -> None:
    leaflet = denied("the leaflet says go to a&e if a testicle suddenly hurts or swells")
    assert {"testicle", "suddenly", "hurts", "swells"} <= set(leaflet)
    # up to the writer speaking of now: "..., and now my face is drooping" stays
    now = denied("the gp said to call 999 if it got worse, and now my face is drooping")
    assert "face" not in now
    assert "drooping" not in now
    # a writer asking is not advice: "should I go to A&E if my face droops?"
    assert denied("should i go to a&e if my face droops") == []


def test_a_post_cue_opening_a_question_of_its_own_answers_nothing() -> None:
    # "OK to fly?" asks about flying; it does not deny the sentence before it
    assert denied("numbness in the saddle area. ok to fly tomorrow?") == []
    assert denied("numbness in the saddle area. ok") == [
        "numbness",
        "in",
        "the",
        "saddle",
        "area",
    ]


def test_a_post_cue_alone_answers_only_the_end_of_a_long_unpunctuated_clause() -> None:
    voice = "a curtain came down over my left eye for five minutes and my eyes are otherwise fine"
    assert denied(voice) == ["my", "eyes", "are"]
    assert denied("Eyes: fine") == ["eyes"]


def test_a_possessive_opens_a_new_statement_in_voice_typing() -> None:
    voice = "i havent been drinking fever my neck is really stiff and i cant get my chin down"
    assert "neck" not in denied(voice)
    assert denied("no pain in my neck") == ["pain", "in", "my", "neck"]


def test_more_than_normal_is_a_comparison_not_an_answer() -> None:
    assert denied("she has gone floppy and sleepy more than normal") == []
