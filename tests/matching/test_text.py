"""Reading free text: phrases, spelling, laterality, negation, spread, leftovers."""

from __future__ import annotations

from app.matching import Interpretation, MatchIndex, MatchQuery, interpret


def read(index: MatchIndex, text: str) -> Interpretation:
    return interpret(index, MatchQuery(text=text))


def regions(index: MatchIndex, text: str) -> dict[str, str | None]:
    return {r.region: r.side for r in read(index, text).regions}


# ---------------------------------------------------------------- phrases


def test_region_name_synonym_and_longest_match(index: MatchIndex) -> None:
    assert regions(index, "pain in my temple") == {"temple": None}
    assert regions(index, "ache at the back of my head") == {"occiput": None}
    assert regions(index, "sore nape") == {"back-of-neck": None}
    # "back of the knee" wins over "knee" alone
    assert regions(index, "pain behind the knee") == {"back-of-knee": None}


def test_plural_and_case_insensitive(index: MatchIndex) -> None:
    assert regions(index, "My TEMPLES hurt") == {"temple": "both"}


def test_symptom_factor_condition_phrases(index: MatchIndex) -> None:
    result = read(index, "pins and needles when stressed, sitting all day; tennis elbow")
    assert result.symptoms == ("tingling",)
    assert result.factors == ("stress", "prolonged-sitting")
    assert result.conditions == ("tennis-elbow",)


def test_vocabulary_phrase_points_to_several_regions(index: MatchIndex) -> None:
    found = read(index, "headache")
    assert {r.region for r in found.regions} == {
        "temple",
        "forehead",
        "occiput",
        "vertex",
        "behind-eye",
    }
    assert found.conditions == ("tension-type-headache",)


def test_loose_word_localised_by_a_place_in_the_same_clause(index: MatchIndex) -> None:
    assert regions(index, "headache behind my eye") == {"behind-eye": None}


def test_condition_named_after_a_place_reports_the_place(index: MatchIndex) -> None:
    found = read(index, "tennis elbow")
    assert [r.region for r in found.regions] == ["elbow"]
    assert found.conditions == ("tennis-elbow",)


# ---------------------------------------------------------------- spelling


def test_misspellings_are_corrected(index: MatchIndex) -> None:
    assert regions(index, "my shoudler hurts") == {"shoulder": None}
    assert regions(index, "tempel pain") == {"temple": None}
    assert read(index, "tinglign in my hand").symptoms == ("tingling",)


def test_transposed_four_letter_word_is_corrected(index: MatchIndex) -> None:
    assert regions(index, "sore nekc") == {"neck": None}


def test_nonsense_is_not_mapped(index: MatchIndex) -> None:
    found = read(index, "asdf banana qwerty")
    assert found.regions == ()
    assert found.unrecognized == ("asdf banana qwerty",)


def test_stopwords_are_never_fuzzy_matched(index: MatchIndex) -> None:
    # "here"/"hear" are one edit from nothing useful; "feel" is filler, not "heel"
    found = read(index, "i feel it here")
    assert found.regions == ()
    assert found.unrecognized == ()


# ---------------------------------------------------------------- laterality


def test_side_applies_to_regions_in_the_clause(index: MatchIndex) -> None:
    assert regions(index, "left temple and eye pain") == {"temple": "left", "eye": "left"}


def test_nearest_side_marker_wins(index: MatchIndex) -> None:
    assert regions(index, "pain in my right shoulder and my left knee") == {
        "shoulder": "right",
        "knee": "left",
    }


def test_side_phrases(index: MatchIndex) -> None:
    assert regions(index, "temple pain on my right side") == {"temple": "right"}
    assert regions(index, "pain in both knees") == {"knee": "both"}
    assert regions(index, "bilateral heel pain") == {"heel": "both"}
    assert regions(index, "heel pain on either side") == {"heel": "both"}


def test_side_inside_a_phrase(index: MatchIndex) -> None:
    assert regions(index, "behind my left eye") == {"behind-eye": "left"}


def test_side_does_not_cross_clauses(index: MatchIndex) -> None:
    assert regions(index, "left temple. knee pain") == {"temple": "left", "knee": None}


def test_a_paired_part_in_the_plural_is_on_both_sides(index: MatchIndex) -> None:
    assert regions(index, "headache at my temples") == {"temple": "both"}
    assert regions(index, "sore feet") == {"foot": "both"}
    assert regions(index, "my knee aches") == {"knee": None}
    # a side word still decides
    assert regions(index, "pain in the temples on the right") == {"temple": "right"}


def test_right_now_is_not_a_side(index: MatchIndex) -> None:
    assert regions(index, "my knee hurts right now") == {"knee": None}


def test_midline_region_has_no_side(index: MatchIndex) -> None:
    assert regions(index, "left crown pain") == {"vertex": None}


def test_side_kept_for_an_area_with_sides(index: MatchIndex) -> None:
    assert regions(index, "my left leg") == {"lower-limb": "left"}


# ---------------------------------------------------------------- negation


def test_negated_symptom_is_absent(index: MatchIndex) -> None:
    found = read(index, "neck pain, no numbness")
    assert found.absent_symptoms == ("numbness",)
    assert found.symptoms == ()
    assert found.negated == ("numbness",)


def test_negation_cues(index: MatchIndex) -> None:
    for text in (
        "without tingling",
        "denies tingling",
        "I don't have tingling",
        "negative for tingling",
    ):
        found = read(index, text)
        assert found.absent_symptoms == ("tingling",), text


def test_negation_spans_a_list(index: MatchIndex) -> None:
    found = read(index, "no numbness or tingling")
    assert set(found.absent_symptoms) == {"numbness", "tingling"}


def test_negation_stops_at_clause_end(index: MatchIndex) -> None:
    found = read(index, "no numbness, but tingling in my hand")
    assert found.absent_symptoms == ("numbness",)
    assert found.symptoms == ("tingling",)
    assert regions(index, "no numbness, but tingling in my hand") == {"hand": None}


def test_and_with_a_new_statement_ends_negation(index: MatchIndex) -> None:
    found = read(index, "no numbness and my neck hurts")
    assert found.absent_symptoms == ("numbness",)
    assert [r.region for r in found.regions] == ["neck"]


def test_post_negation(index: MatchIndex) -> None:
    found = read(index, "knee pain, tingling fine")
    assert found.absent_symptoms == ("tingling",)
    # walking back stops at the pain word, so the knee stays reported
    found = read(index, "knee pain and tingling normal")
    assert [r.region for r in found.regions] == ["knee"]
    assert found.absent_symptoms == ("tingling",)


def test_a_closing_no_answers_what_came_before(index: MatchIndex) -> None:
    found = read(index, "numbness? no. heel pain")
    assert found.absent_symptoms == ("numbness",)
    assert [r.region for r in found.regions] == ["heel"]
    assert read(index, "tingling - none").absent_symptoms == ("tingling",)
    # the answer reaches back one clause only, and a "no" with words after it looks forward
    found = read(index, "knee pain. numbness? no")
    assert [r.region for r in found.regions] == ["knee"]
    assert read(index, "knee pain, no tingling").absent_symptoms == ("tingling",)


def test_negated_region_is_not_reported(index: MatchIndex) -> None:
    found = read(index, "no pain in my knee, heel pain")
    assert [r.region for r in found.regions] == ["heel"]
    assert "knee" in found.negated


def test_negated_unknown_words_are_listed_as_negated(index: MatchIndex) -> None:
    found = read(index, "headache, no fever, no stiff neck")
    assert found.negated == ("fever", "stiff neck")
    assert found.unrecognized == ()


def test_a_negation_inside_a_known_phrase_is_not_a_cue(index: MatchIndex) -> None:
    found = read(index, "can't turn my neck")
    assert found.symptoms == ("restricted-motion",)
    assert [r.region for r in found.regions] == ["neck"]


# ---------------------------------------------------------------- spread and direction


def test_spread_along_the_back_of_the_leg(index: MatchIndex) -> None:
    found = regions(index, "pain down the back of my left leg to the ankle")
    assert found == {
        "back-of-thigh": "left",
        "back-of-knee": "left",
        "calf": "left",
        "ankle": "left",
    }


def test_path_between_two_places_fills_the_segments(index: MatchIndex) -> None:
    assert set(regions(index, "from my hip down to my knee")) == {"hip", "thigh", "knee"}
    assert set(regions(index, "from my buttock shooting to the heel")) == {
        "buttock",
        "thigh",
        "knee",
        "leg",
        "ankle",
        "heel",
    }


def test_facet_of_a_path_narrows_the_segments(index: MatchIndex) -> None:
    found = set(regions(index, "from the back of my thigh down to my heel"))
    assert found == {"back-of-thigh", "back-of-knee", "calf", "achilles", "heel"}


def test_no_path_without_a_spread_word(index: MatchIndex) -> None:
    assert set(regions(index, "hip and knee")) == {"hip", "knee"}


def test_facet_narrows_a_region_to_its_face(index: MatchIndex) -> None:
    assert regions(index, "pain on the back of my elbow") == {"back-of-elbow": None}


def test_vocabulary_spread_phrase(index: MatchIndex) -> None:
    assert set(regions(index, "pain shooting down the leg")) == {"back-of-thigh", "calf"}


def test_spread_verb_is_not_a_factor(index: MatchIndex) -> None:
    found = read(index, "pain running down my calf")
    assert found.factors == ()
    assert [r.region for r in found.regions] == ["calf"]


# ---------------------------------------------------------------- leftovers


def test_unrecognized_keeps_content_words_only(index: MatchIndex) -> None:
    found = read(index, "my knee really hurts when I do zumba and yoga")
    assert found.unrecognized == ("zumba", "yoga")


def test_filler_only_text_has_nothing_unrecognized(index: MatchIndex) -> None:
    assert read(index, "it really hurts so bad").unrecognized == ()


def test_common_slips_in_side_words_keep_the_side(index: MatchIndex) -> None:
    reading = interpret(index, MatchQuery(text="pain in my rigth temple"))
    assert [(r.region, r.side) for r in reading.regions] == [("temple", "right")]
    assert reading.unrecognized == ()


def test_a_body_part_being_moved_is_not_where_it_hurts(index: MatchIndex) -> None:
    assert regions(index, "neck pain when I turn my head") == {"neck": None}
    assert regions(index, "pain in my shoulder when I lift my left arm") == {"shoulder": "left"}
    # ... unless it is the only place named
    assert regions(index, "pain when I bend my knee") == {"knee": None}


def test_moving_a_body_part_is_not_a_factor(index: MatchIndex) -> None:
    assert read(index, "pain in my shoulder when I lift my arm").factors == ()
    assert read(index, "back pain after lifting boxes").factors == ("heavy-lifting",)
