"""Robustness of triage to how a message is written, on the tuned dangerous cases only.

Each tuned dangerous case that passes is rewritten five ways a real message differs from a tidy
one, and triaged again: lowercased without punctuation (voice typing), with the writer's own
aches told first ("I've had a stiff neck from my desk job..."), with one letter pair swapped in
a longer word (a typo, chosen by a seeded generator), with "Should I be worried or is it just
muscular?" appended, and with "No fever or rash though." appended. The share still caught is
reported per rewrite, with a few of the misses. It has no floor: it shows where the reader is
brittle, for the next round of work. The untouched part is never rewritten or shown.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Sequence
from typing import Any, Final

from app.matching import MatchIndex, MatchQuery, match
from app.matching.triage import SEVERITY

PREAMBLE: Final = (
    "I've had a stiff neck from my desk job for ages and my shoulders are always tight."
)
SHOWN: Final = 3  # misses printed per rewrite


def _typo(seed: int) -> Callable[[str], str]:
    chooser = random.Random(seed)

    def swap(text: str) -> str:
        words = text.split()
        long_words = [n for n, word in enumerate(words) if len(word) >= 6 and word.isalpha()]
        if not long_words:
            return text
        n = chooser.choice(long_words)
        word = words[n]
        at = chooser.randrange(1, len(word) - 2)
        words[n] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        return " ".join(words)

    return swap


def rewrites(seed: int = 5) -> dict[str, Callable[[str], str]]:
    return {
        "lowercase, no punctuation": lambda text: re.sub(r"[.,;:!?]", "", text.lower()),
        "own aches told first": lambda text: f"{PREAMBLE} {text}",
        "one typo": _typo(seed),
        "'should I be worried?' added": lambda text: (
            text.rstrip(".") + ". Should I be worried or is it just muscular?"
        ),
        "'no fever or rash' added": lambda text: text + " No fever or rash though.",
    }


def caught(index: MatchIndex, case: dict[str, Any], text: str) -> bool:
    query = MatchQuery(text=text, age=case.get("age"), sex=case.get("sex"), limit=0)
    level = match(index, query).triage.level
    return SEVERITY[level] >= SEVERITY[case["expected_level"]]


def report(index: MatchIndex, cases: Sequence[dict[str, Any]]) -> None:
    """Print, per rewrite, the share of the passing tuned dangerous cases still caught."""
    passing = [c for c in cases if "expected_level" in c and caught(index, c, c["text"])]
    print(f"\n== robustness: {len(passing)} passing tuned dangerous cases, rewritten (no floor)")
    for name, rewrite in rewrites().items():
        misses = [(c, text) for c in passing if not caught(index, c, text := rewrite(c["text"]))]
        # rounded down: 99.9, never 100.0, when one is missed
        share = math.floor(1000 * (1 - len(misses) / len(passing))) / 10
        print(f"  {name:32} {share:5.1f}% still caught ({len(misses)} missed)")
        for case, text in misses[:SHOWN]:
            print(f"      {case.get('condition')}: {text!r}")
