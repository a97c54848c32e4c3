"""check-data and the loader: each kind of problem is found and named by file, entry, field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.cli import check_data
from app.dataset.loader import load_dataset
from app.dataset.problems import DataError, DataProblem
from tests.dataset.conftest import Edit, first_trigger_point

MUSCLES = "muscles/head-neck.yaml"


def problems(data_dir: Path) -> list[DataProblem]:
    with pytest.raises(DataError) as caught:
        load_dataset(data_dir)
    return caught.value.problems


def test_the_real_dataset_is_clean(data_copy: Path) -> None:
    dataset = load_dataset(data_copy)
    assert dataset.muscles
    assert dataset.regions


def test_zone_with_unknown_region(data_copy: Path, edit: Edit) -> None:
    edit(MUSCLES, lambda doc: first_trigger_point(doc)["essential"].append("left-elbow-pit"))
    [problem] = problems(data_copy)
    assert problem.file == "data/muscles/head-neck.yaml"
    assert problem.entry == "trapezius-trp1"
    assert problem.field == "trigger_points.0.essential"
    assert "left-elbow-pit" in problem.reason


def test_check_data_exits_1_and_prints_each_problem(
    data_copy: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(MUSCLES, lambda doc: first_trigger_point(doc)["spillover"].append("nowhere"))
    edit("regions.yaml", lambda doc: doc["regions"][5].update(parent="missing-parent"))
    assert check_data(data_copy) == 1
    err = capsys.readouterr().err
    assert "data/muscles/head-neck.yaml: trapezius-trp1: trigger_points.0.spillover:" in err
    assert "data/regions.yaml:" in err
    assert "'missing-parent'" in err
    assert "2 problem(s) found" in err


def test_invalid_yaml(data_copy: Path) -> None:
    (data_copy / "broken.yaml").write_text("regions: [unclosed\n", encoding="utf-8")
    [problem] = problems(data_copy)
    assert problem.file == "data/broken.yaml"
    assert "not valid YAML" in problem.reason


def test_unknown_kind(data_copy: Path) -> None:
    (data_copy / "extra.yaml").write_text("tendons: []\n", encoding="utf-8")
    [problem] = problems(data_copy)
    assert problem.field == "tendons"
    assert "unknown kind" in problem.reason


def _drop_sources(doc: Any) -> None:
    first_trigger_point(doc)["sources"] = []


def _drop_essential(doc: Any) -> None:
    del first_trigger_point(doc)["essential"]


def _unknown_field(doc: Any) -> None:
    doc["muscles"][0]["colour"] = "red"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_drop_sources, "trigger_points.0.sources"),
        (_drop_essential, "trigger_points.0.essential"),
        (_unknown_field, "colour"),
    ],
)
def test_entry_level_problems(data_copy: Path, edit: Edit, change: Any, field: str) -> None:
    edit(MUSCLES, change)
    [problem] = problems(data_copy)
    assert (problem.entry, problem.field) == ("trapezius", field)


def test_duplicate_id_across_files(data_copy: Path, edit: Edit) -> None:
    edit("muscles/leg-foot.yaml", lambda doc: doc["muscles"][0].update(id="trapezius"))
    found = problems(data_copy)
    assert any(p.field == "id" and "duplicate" in p.reason for p in found)


def test_region_cycle(data_copy: Path, edit: Edit) -> None:
    def loop(doc: Any) -> None:
        regions = {r["id"]: r for r in doc["regions"]}
        regions["head"]["parent"] = "temple"

    edit("regions.yaml", loop)
    assert any("cycle" in p.reason for p in problems(data_copy))


def test_unknown_symptom_condition_and_muscle(data_copy: Path, edit: Edit) -> None:
    def change(doc: Any) -> None:
        tp = first_trigger_point(doc)
        tp["symptoms"] = ["itching"]
        tp["mimics"] = ["gout"]
        tp["associated_muscles"] = ["heart"]
        tp["pattern_from"] = "spleen"

    edit(MUSCLES, change)
    reasons = {p.field.rsplit(".", 1)[1]: p.reason for p in problems(data_copy)}
    assert reasons == {
        "symptoms": "unknown symptom 'itching'",
        "mimics": "unknown condition 'gout'",
        "associated_muscles": "unknown muscle 'heart'",
        "pattern_from": "unknown muscle 'spleen'",
    }


def test_vocabulary_pointing_nowhere(data_copy: Path, edit: Edit) -> None:
    def change(doc: Any) -> None:
        doc["vocabulary"].append({"phrase": "odd feeling"})
        doc["vocabulary"].append({"phrase": "elbow thing", "regions": ["elbowz"]})

    edit("vocabulary.yaml", change)
    found = {p.entry: p.reason for p in problems(data_copy)}
    assert found == {"odd feeling": "points to nothing", "elbow thing": "unknown region 'elbowz'"}


@pytest.mark.parametrize(
    ("added", "reason"),
    [
        # the forehead (regions[1]) comes first, so the top of the head's own "crown" collides
        ("crown", "name 'crown' reads as 'crown' of 'forehead'"),
        # a plural and a determiner aside, "the crowns" is "crown"
        ("the crowns", "name 'crown' reads as 'the crowns' of 'forehead'"),
    ],
)
def test_synonyms_that_read_alike_collide(
    data_copy: Path, edit: Edit, added: str, reason: str
) -> None:
    edit("regions.yaml", lambda doc: doc["regions"][1]["synonyms"].append(added))
    found = problems(data_copy)
    assert any(p.entry == "vertex" and p.reason == reason for p in found)


def test_a_triage_phrase_that_reads_as_one_bare_word(data_copy: Path, edit: Edit) -> None:
    def change(doc: Any) -> None:
        doc["triage_concepts"][0]["phrases"] += ["my bits", "in my back", "his"]

    edit("triage/concepts.yaml", change)
    found = [p.reason for p in problems(data_copy)]
    assert found == [
        "'my bits' reads as the bare word 'bit' (determiners are dropped)",
        "'his' is only determiners, which are dropped: it matches nothing",
    ]


def test_a_rule_or_question_that_reads_a_mask(data_copy: Path, edit: Edit) -> None:
    edit(
        "triage/red_flags.yaml",
        lambda doc: doc["red_flags"][0]["rules"].append({"all": ["gym-chest-day"]}),
    )
    found = [p.reason for p in problems(data_copy)]
    assert found == [
        "'gym-chest-day' is a mask: it only hides the words inside it, nothing reads it"
    ]
