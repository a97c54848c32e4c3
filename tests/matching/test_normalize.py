"""Normalisation and tokenisation: the same folding on dataset phrases and on text."""

from __future__ import annotations

from app.matching.normalize import (
    WordTokens,
    display,
    normalize,
    phrase_key,
    split_words,
    stem,
    tokenize,
)


def test_normalize_folds_case_accents_ampersand_and_possessives() -> None:
    assert normalize("Golfer\u2019s \u00c9LBOW & Wrist") == "golfer elbow  and  wrist"
    assert normalize("I can't turn") == "i cant turn"


def test_stem_plurals_and_verb_endings() -> None:
    assert [stem(w) for w in ("temples", "injuries", "ribs", "numbness", "sinus")] == [
        "temple",
        "injury",
        "rib",
        "numbness",
        "sinus",
    ]
    assert [stem(w) for w in ("chewing", "stressed", "jogging", "swelling")] == [
        "chew",
        "stress",
        "jog",
        "swell",
    ]


def test_tokenize_marks_clauses_at_punctuation_and_but() -> None:
    tokens = tokenize("Neck pain, no numbness but tingling")
    assert [(t.raw, t.clause) for t in tokens] == [
        ("neck", 0),
        ("pain", 0),
        ("no", 1),
        ("numbness", 1),
        ("tingling", 2),
    ]


def test_hyphens_and_slashes_split_words() -> None:
    assert [t.raw for t in tokenize("light-headed/dizzy")] == ["light", "headed", "dizzy"]


def test_phrase_key_drops_determiners() -> None:
    assert phrase_key("Back of my Head") == phrase_key("back of the head") == ("back", "of", "head")


def test_display_is_single_spaced_lowercase() -> None:
    assert display("  Pins  &  Needles ") == "pins and needles"


def test_lower_first_keeps_acronyms_and_eponyms() -> None:
    from app.matching.labels import lower_first

    assert lower_first("Temple") == "temple"
    assert lower_first("TrP1 (anterior fibres)") == "TrP1 (anterior fibres)"
    assert lower_first("Achilles tendon") == "Achilles tendon"


def test_pain_is_felt_in_a_part_and_at_a_part_of_something() -> None:
    from app.matching.labels import felt_preposition, place

    assert [place(name, felt_preposition(name)) for name in ("Temple", "Base of the skull")] == [
        "in the temple",
        "at the base of the skull",
    ]
    assert place("Behind the eye", felt_preposition("Behind the eye")) == "behind the eye"


def test_known_words_reuse_their_tokens_and_keep_no_other_word() -> None:
    known = WordTokens(["temples", "headache"])
    first = tokenize("headache at my temples, zanzibarish", known)
    again = tokenize("headache at my temples, zanzibarish", known)
    assert [t.key for t in first] == ["headache", "at", "my", "temple", "zanzibarish"]
    # known words: one token each; any other word: made afresh every time
    assert [first[n] is again[n] for n in range(5)] == [True, False, False, True, False]
    assert first == again
    assert "zanzibarish" not in known
    assert tokenize("temples") == tokenize("temples", known)  # same tokens either way


def test_a_decimal_is_one_word_not_a_sentence_end() -> None:
    words = split_words("temp 38.5 today. better now")
    assert [t.raw for t in words.tokens] == ["temp", "38.5", "today", "better", "now"]
    assert words.sentence_starts == frozenset({1})


def test_voice_typing_and_checklist_idioms() -> None:
    # "pane" is "pain" in voice typing; "Hearing - none" on a checklist is a loss
    assert [t.raw for t in tokenize("back pane")] == ["back", "pain"]
    # "it's" reads as typed without the apostrophe; a possessive "'s" goes
    assert [t.raw for t in tokenize("it's worse, mum's back")] == ["its", "worse", "mum", "back"]
    # "'s got / been / had" is "has": "dad's got chest pain" is now, not "dad got"
    assert [t.raw for t in tokenize("dad's got pain")] == ["dad", "has", "got", "pain"]
    assert [t.raw for t in tokenize("I cannae hear oot my ear")][1:4] == ["cant", "hear", "out"]
    assert "hearing lost" in normalize("Ear - left. Hearing - none. Pain - none.")
    assert "pain , none" in normalize("Ear - left. Hearing - none. Pain - none.")


def test_a_spaced_slash_ends_a_line_of_a_form_or_chat() -> None:
    words = split_words("pain: yes / weakness: no / bladder: normal")
    clauses = {t.raw: t.clause for t in words.tokens}
    assert clauses["pain"] < clauses["weakness"] < clauses["bladder"]
    assert clauses["weakness"] in words.sentence_starts
    assert [t.raw for t in tokenize("numbness and/or tingling")] == [
        "numbness",
        "and",
        "or",
        "tingling",
    ]


def test_a_sense_lost_in_one_place_told_by_ellipsis_is_spelt_out() -> None:
    assert "but cant feel on my bottom" in normalize(
        "I could feel the water on my legs but not on my bottom"
    )
    assert "but on the left cant hear" in normalize(
        "I can hear it on the right, but on the left, nothing"
    )
    # only after a working sense: a denial stays a denial, "feel fine but not great" stays as is
    assert normalize("I can't feel my toes but not numb") == "i cant feel my toes but not numb"
    assert normalize("I can see fine but not great") == "i can see fine but not great"


def test_question_marks_and_form_labels() -> None:
    words = split_words("Q: did it come on suddenly? A: no. Pain: yes")
    # the labels go, so the answer follows its question; the question's clause is known
    assert [t.raw for t in words.tokens][:6] == ["did", "it", "come", "on", "suddenly", "no"]
    assert words.questions == {words.tokens[4].clause}


def test_not_able_to_reads_as_cant() -> None:
    # what cannot be done, not a denial: "not be able to swallow" is "can't swallow"
    assert normalize("is it normal to not be able to swallow my spit") == (
        "is it normal to cant swallow my spit"
    )


def test_a_pasted_chat_tells_the_other_persons_turns_of_them() -> None:
    chat = normalize("Me: how's your head?\nHim: still bad. my head hit in seconds\nMe: ok")
    assert "me:" not in chat
    assert "him: still bad. him his head hit in seconds" in chat
    assert "her: she cant" in normalize("Her: I cant see\nMe: what?\nHer: I cant see")
    # one labelled line is no chat
    assert normalize("Dad: my arm is weak") == "dad: my arm is weak"
