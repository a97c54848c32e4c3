"""Phrases placed in the submitted text: whole words, in order, case and accents aside."""

from __future__ import annotations

from app.matching.offsets import locate


def test_phrases_are_placed_in_order_as_whole_words() -> None:
    text = "Pain at the TEMPLE, then temple again; the temples"
    words = ["pain", "at", "the", "temple", "then", "temple", "again", "the", "temples"]
    assert locate(text, words, [(0, 1), (3, 4), (5, 6), (8, 9)]) == [
        (0, 4),
        (12, 18),
        (25, 31),
        (43, 50),
    ]


def test_a_multi_word_phrase_spans_its_first_to_its_last_word() -> None:
    text = "it's behind   my left eye"
    words = ["its", "behind", "my", "left", "eye"]
    assert locate(text, words, [(1, 5)]) == [(5, 25)]


def test_accents_and_case_keep_the_submitted_positions() -> None:
    text = "Éric: douleur à la TÊTE, head pain"
    assert locate(text, ["eric", "tete", "head", "pain"], [(1, 2), (2, 4)]) == [(19, 23), (25, 34)]


def test_a_rewritten_word_leaves_its_phrase_unplaced() -> None:
    # "pane" was read as "pain": the phrase cannot be pointed at, and the next one still is
    text = "back pane and neck pain"
    words = ["back", "pain", "and", "neck", "pain"]
    assert locate(text, words, [(0, 2), (3, 5)]) == [None, (14, 23)]


def test_part_of_a_longer_word_is_not_the_word() -> None:
    assert locate("shinbone, shin", ["shinbone", "shin"], [(1, 2)]) == [(10, 14)]
