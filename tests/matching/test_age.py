"""Ages stated in free text ("I'm 65", "a 70 year old") and the numbers that are not ages."""

from __future__ import annotations

import pytest

from app.matching.age import stated_age
from app.matching.normalize import tokenize


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I'm 65 and my head hurts", 65),
        ("I am 65", 65),
        ("aged 58, new headache", 58),
        ("my 70 year old mother", 70),
        ("a 70-year-old man", 70),
        ("72 y/o with jaw pain", 72),
        ("34 yrs old", 34),
        # not ages
        ("I'm 65 kg", None),
        ("I am 6 weeks pregnant", None),
        ("pain for 65 days", None),
        ("I'm 300 years old", None),
        ("I'm. 65 percent", None),  # not in one clause, and a unit follows
        # a carer's wording, or a number standing alone
        ("my dad is 80 and has a headache", 80),
        ("he's 72", 72),
        ("my son (15) has a sore knee", 15),
        ("back pain after a fall, 71", 71),
        ("59 and these headaches are new", 59),
        ("my mum (72) has a headache. I'm 35", 35),  # the writer's own age first
        # age and sex, after the cued wordings: metres and months look alike
        ("62F, back pain", 62),
        ("55 m new headache", 55),
        ("fell 2m onto my back, I'm 70", 70),
        ("started 3m ago", None),
        ("Mrs B 79, new headache", 79),  # a carer's or a nurse's note
        ("pt 67 c/o back pain", 67),
        ("my son 2 weeks ago fell", None),
        ("At 55 I've become a headache person", 55),
        ("pain at 10 am, worse at 20 past", None),
        ("is it normal to get headaches at 58?", 58),
        ("came on at 17:30, I'm 70", 70),
        ("headache", None),
        ("72 new temple headache, jaw aches chewing", 72),  # a terse opening
        ("10 out of 10 pain", None),
        ("50 mg ibuprofen did nothing", None),
        ("40 a day smoker", None),
    ],
)
def test_stated_age(text: str, age: int | None) -> None:
    assert stated_age(tokenize(text)) == age
