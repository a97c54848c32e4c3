"""Codes in the dataset are real: ICD-10-CM against the released code set, SNOMED CT ids by
their Verhoeff check digit and partition, FMA and UBERON ids by format."""

from __future__ import annotations

import re

import pytest
import simple_icd_10_cm as icd
from stdnum import verhoeff

from app.dataset.file_format import Dataset
from app.dataset.loader import load_dataset
from tests.conftest import DATA_DIR


def snomed_concept_id_valid(sctid: str) -> bool:
    """Concept ids: 6-18 digits, no leading zero, partition 00 or 10, Verhoeff check digit."""
    if not re.fullmatch(r"[1-9]\d{5,17}", sctid):
        return False
    return sctid[-3:-1] in {"00", "10"} and verhoeff.is_valid(sctid)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA_DIR)


def test_verhoeff_and_partition_checks_reject_bad_ids() -> None:
    assert snomed_concept_id_valid("57406009")  # carpal tunnel syndrome
    assert snomed_concept_id_valid("22253000")  # pain (finding)
    assert not snomed_concept_id_valid("57406008")  # check digit off by one
    assert not snomed_concept_id_valid("57406019")  # partition 01: a description id
    assert not snomed_concept_id_valid("0123456")


def test_every_icd10cm_code_is_billable_in_the_released_code_set(dataset: Dataset) -> None:
    codes = {code: c.id for c in dataset.conditions for code in c.icd10_cm}
    assert codes, "conditions carry ICD-10-CM codes"
    invalid = {code: owner for code, owner in codes.items() if not icd.is_valid_item(code)}
    assert invalid == {}
    not_billable = {code: owner for code, owner in codes.items() if not icd.is_leaf(code)}
    assert not_billable == {}


def test_every_snomed_ct_id_is_well_formed(dataset: Dataset) -> None:
    ids = {c.id: c.snomed_ct for c in dataset.conditions if c.snomed_ct}
    ids |= {r.id: r.codes.snomed_ct for r in dataset.regions if r.codes.snomed_ct}
    bad = {owner: sctid for owner, sctid in ids.items() if not snomed_concept_id_valid(sctid)}
    assert bad == {}


def test_fma_and_uberon_ids_have_their_formats(dataset: Dataset) -> None:
    codes = [*(r.codes for r in dataset.regions), *(m.codes for m in dataset.muscles)]
    for code in codes:
        assert code.fma is None or re.fullmatch(r"FMA:\d+", code.fma)
        assert code.uberon is None or re.fullmatch(r"UBERON:\d{7}", code.uberon)
