"""The whole dataset, read as a reviewer would: complete, connected, cited, without collisions."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from app.dataset.file_format import Dataset
from app.dataset.loader import load_dataset
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA_DIR)


def test_floors(dataset: Dataset) -> None:
    points = [tp for muscle in dataset.muscles for tp in muscle.trigger_points]
    assert len(dataset.muscles) >= 110
    # The atlas issue asked for 220. The manual distinguishes 213 trigger points with a pain
    # pattern of their own in the muscles it covers; 7 more have their own pattern confirmed by a
    # published source outside it (data/README.md, "Known gaps"). We do not invent points to reach
    # a number; this floor guards against losing any.
    assert len(points) >= 220
    assert len(dataset.regions) >= 150
    assert len(dataset.conditions) >= 20
    assert len(dataset.vocabulary) >= 400


def test_every_region_reaches_a_root(dataset: Dataset) -> None:
    parents = {region.id: region.parent for region in dataset.regions}
    for region in dataset.regions:
        node, steps = region.id, 0
        while parents[node] is not None:
            node, steps = parents[node], steps + 1  # type: ignore[assignment]
            assert steps < len(parents), region.id
        assert node in {
            "head",
            "neck",
            "chest",
            "upper-back",
            "abdomen",
            "low-back",
            "pelvis",
            "upper-limb",
            "lower-limb",
        }


def test_every_trigger_point_is_cited_and_has_an_essential_zone(dataset: Dataset) -> None:
    for muscle in dataset.muscles:
        assert muscle.trigger_points, muscle.id
        assert muscle.sources, muscle.id
        for tp in muscle.trigger_points:
            assert tp.sources, tp.id
            assert any(zone == "essential" for _, zone, _ in tp.zones()), tp.id
            assert tp.id.startswith(muscle.id + "-"), tp.id


def test_every_condition_is_mimicked_by_some_trigger_point_unless_marked(
    dataset: Dataset,
) -> None:
    mimicked = {c for m in dataset.muscles for tp in m.trigger_points for c in tp.mimics}
    marked = {c.id for c in dataset.conditions if not c.mimicked}
    assert marked == {"myofascial-pain-syndrome", "fibromyalgia"}
    assert {c.id for c in dataset.conditions} - mimicked == marked


def test_weights_follow_the_editorial_rule(dataset: Dataset) -> None:
    allowed = {"essential": {1.0, 0.8}, "spillover": {0.5, 0.3}}
    for muscle in dataset.muscles:
        for tp in muscle.trigger_points:
            for region, zone, weight in tp.zones():
                assert weight in allowed[zone], (tp.id, region, zone, weight)


def test_no_name_or_synonym_points_to_two_muscles(dataset: Dataset) -> None:
    names = Counter(name.casefold() for m in dataset.muscles for name in {m.name, *m.synonyms})
    assert [name for name, count in names.items() if count > 1] == []


def test_groups_have_members_and_every_member_is_a_muscle(dataset: Dataset) -> None:
    groups = Counter(muscle.group for muscle in dataset.muscles)
    for group in (
        "scalenes",
        "suboccipitals",
        "hamstrings",
        "paraspinals",
        "rotator-cuff",
        "adductors",
        "quadriceps",
        "gluteals",
    ):
        assert groups[group] >= 2, group


# Group words a description may use for several muscles: the group counts as linked when one of
# its muscles mimics the condition.
GROUPS = {
    "abdominal muscles": (
        "rectus-abdominis",
        "external-oblique",
        "internal-oblique",
        "transversus-abdominis",
    ),
    "adductors": ("adductor-longus", "adductor-brevis", "adductor-magnus"),
    "finger flexors": ("flexor-digitorum-superficialis", "flexor-digitorum-profundus"),
    "forearm flexors": (
        "flexor-carpi-radialis",
        "flexor-carpi-ulnaris",
        "palmaris-longus",
        "flexor-digitorum-superficialis",
        "flexor-digitorum-profundus",
    ),
    "gemelli": ("superior-gemellus", "inferior-gemellus"),
    "hamstrings": ("biceps-femoris", "semitendinosus", "semimembranosus"),
    "iliopsoas": ("psoas-major", "iliacus"),
    "interossei": (
        "dorsal-interossei-hand",
        "palmar-interossei-hand",
        "dorsal-interossei-foot",
        "plantar-interossei-foot",
    ),
    "lateral and medial pterygoid": ("lateral-pterygoid",),
    "long toe flexors": ("flexor-digitorum-longus", "flexor-hallucis-longus"),
    "multifidi": ("cervical-multifidi", "thoracic-multifidi", "lumbar-multifidi"),
    "pectoral muscles": ("pectoralis-major", "pectoralis-minor"),
    "pelvic floor": ("levator-ani", "coccygeus", "obturator-internus"),
    "quadriceps": ("rectus-femoris", "vastus-lateralis", "vastus-medialis", "vastus-intermedius"),
    "rhomboids": ("rhomboid-major", "rhomboid-minor"),
    "scalenes": ("anterior-scalene", "middle-scalene", "posterior-scalene"),
    "suboccipital": (
        "rectus-capitis-posterior-major",
        "rectus-capitis-posterior-minor",
        "obliquus-capitis-inferior",
        "obliquus-capitis-superior",
    ),
}


def _named(text: str, names: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The muscles (or groups of them) a prose text names, longest wording first so that
    "extensor digitorum longus" is not also read as "extensor digitorum"."""
    found = []
    remaining = " ".join(text.lower().split())
    for name in sorted(names, key=len, reverse=True):
        pattern = re.compile(rf"\b{re.escape(name)}\b")
        if pattern.search(remaining):
            found.append(names[name])
            remaining = pattern.sub(" ", remaining)
    return found


def test_a_condition_names_only_muscles_linked_to_it(dataset: Dataset) -> None:
    """A clinician reads a condition's description as the list of muscles that imitate it, so
    every muscle (or group of muscles) it names has a trigger point that `mimics` the
    condition."""
    names: dict[str, tuple[str, ...]] = {
        name.lower().removesuffix(" muscle"): (muscle.id,)
        for muscle in dataset.muscles
        for name in (muscle.name, *muscle.synonyms)
        if len(name) > 4
    }
    muscle_ids = {muscle.id for muscle in dataset.muscles}
    assert {m for group in GROUPS.values() for m in group} <= muscle_ids
    names.update(GROUPS)
    linked: dict[str, set[str]] = {}
    for muscle in dataset.muscles:
        for tp in muscle.trigger_points:
            for condition in tp.mimics:
                linked.setdefault(condition, set()).add(muscle.id)
    unlinked = {
        condition.id: [
            group
            for group in _named(condition.description, names)
            if not set(group) & linked.get(condition.id, set())
        ]
        for condition in dataset.conditions
    }
    assert {key: value for key, value in unlinked.items() if value} == {}
