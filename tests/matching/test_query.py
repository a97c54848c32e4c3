"""Structured inputs: ids, names and synonyms; unknown values raise with suggestions."""

from __future__ import annotations

import pytest

from app.matching import MatchIndex, MatchQuery, RegionInput, UnknownTermError, interpret, match


def test_region_by_id_name_or_synonym_any_case(index: MatchIndex) -> None:
    for value in ("behind-eye", "Behind the eye", "RETRO-ORBITAL", "behind my eye"):
        found = interpret(index, MatchQuery(regions=(RegionInput(value, "left"),)))
        assert [(r.region, r.side) for r in found.regions] == [("behind-eye", "left")], value


def test_structured_terms_by_name_or_synonym(index: MatchIndex) -> None:
    found = interpret(
        index,
        MatchQuery(
            regions=(RegionInput("temple"),),
            symptoms=("Pins and needles",),
            absent_symptoms=("numb",),
            factors=("Stress and anxiety",),
            conditions=("TMD",),
        ),
    )
    assert found.symptoms == ("tingling",)
    assert found.absent_symptoms == ("numbness",)
    assert found.factors == ("stress",)
    assert found.conditions == ("tmj-disorder",)


def test_unknown_region_raises_with_its_location_and_suggestions(index: MatchIndex) -> None:
    query = MatchQuery(regions=(RegionInput("temple"), RegionInput("templ")))
    with pytest.raises(UnknownTermError) as caught:
        match(index, query)
    error = caught.value
    assert error.loc == ("regions", 1, "region")
    assert error.kind == "region"
    assert error.value == "templ"
    assert error.suggestions[0] == "temple"
    assert len(error.suggestions) <= 3


@pytest.mark.parametrize(
    ("query", "loc", "kind"),
    [
        (MatchQuery(symptoms=("tingle-ish", "numbness")), ("symptoms", 0), "symptom"),
        (MatchQuery(absent_symptoms=("numbness", "zzz")), ("absent_symptoms", 1), "symptom"),
        (MatchQuery(factors=("moonlight",)), ("factors", 0), "factor"),
        (MatchQuery(conditions=("sciatika",)), ("conditions", 0), "condition"),
    ],
)
def test_unknown_terms_say_where_they_sit(
    index: MatchIndex, query: MatchQuery, loc: tuple[str | int, ...], kind: str
) -> None:
    with pytest.raises(UnknownTermError) as caught:
        interpret(index, query)
    assert caught.value.loc == loc
    assert caught.value.kind == kind


def test_suggestions_for_a_misspelt_condition(index: MatchIndex) -> None:
    with pytest.raises(UnknownTermError) as caught:
        interpret(index, MatchQuery(conditions=("sciatika",)))
    assert caught.value.suggestions[0] == "sciatica"
    assert "sciatika" in str(caught.value)


def test_text_and_structured_regions_merge_without_duplicates(index: MatchIndex) -> None:
    found = interpret(
        index, MatchQuery(text="left temple pain", regions=(RegionInput("temple", "left"),))
    )
    assert [(r.region, r.side) for r in found.regions] == [("temple", "left")]
