"""Red-flag triage: phrases and combinations that need medical care rather than massage.

A flag fires when any of its rules matches; a rule matches when every group has at least one
phrase present in the text and not negated ("no fever" does not count as fever). A flag with
`min_age` also needs a known age of at least that value. The triage level is the most severe
fired flag (emergency > urgent > see_clinician), or self_care when none fired.

Phrases are matched on the same normalised tokens as everything else (case, punctuation,
determiners and plural endings do not matter), must lie within one clause, may step over a
side word ("pain in my left arm" matches "pain in arm"), and "X pain" also matches the common
rewordings "pain in X", "X hurts" and "X ache". One plural counts: a paired part in the plural
means both sides (`lexicon.BOTH_SIDES_PLURALS`), so a phrase written with it ("legs feel numb")
needs the plural in the text, while one written in the singular ("pain down my leg") matches
either.

Evaluation looks only at rules that can match: every rule is indexed under the phrases of one
of its groups, its *key* group (the group whose phrases the fewest other groups share, so a
common word such as "pain" rarely wakes a rule up), and a rule is checked only when a phrase of
its key group is present. A structured input's phrases are looked up, not re-read:
`statement_phrases` is worked out for every region, symptom and condition when the index is
built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from app.matching.lexicon import BOTH_SIDES_PLURALS, DETERMINERS, SKIPPABLE_IN_PHRASE
from app.matching.normalize import Token, display, stem, tokenize
from app.matching.records import RedFlagRecord, TriageLevel
from app.matching.result import RedFlagHit, Triage

SEVERITY: Final[dict[TriageLevel, int]] = {
    "self_care": 0,
    "see_clinician": 1,
    "urgent": 2,
    "emergency": 3,
}
_PAIN_VARIANT_TAILS: Final = (("hurt",), ("ache",), ("aching",))


@dataclass(frozen=True, slots=True)
class CompiledFlag:
    record: RedFlagRecord
    rules: tuple[tuple[frozenset[int], ...], ...]  # rule -> groups -> phrase ids


@dataclass(slots=True)
class PhraseNode:
    """A word of the phrase trie: the phrases that end on it and the words that may follow it
    (filled in by `compile_red_flags`, read-only afterwards)."""

    ids: tuple[int, ...] = ()
    # phrases ending here that name a paired part in the plural ("legs feel numb"), each with the
    # positions of those words: the text must have the plural there too
    plural_ids: tuple[tuple[int, tuple[int, ...]], ...] = ()
    children: dict[str, PhraseNode] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RedFlagRules:
    flags: tuple[CompiledFlag, ...]
    # first word -> the trie of every variant of every phrase that starts with it
    by_start: Mapping[str, PhraseNode]
    phrases: tuple[str, ...]  # phrase id -> display text
    # phrase id -> (flag, rule) numbers of the rules whose key group has the phrase, ascending
    by_phrase: Mapping[int, tuple[tuple[int, int], ...]]


@dataclass(frozen=True, slots=True)
class PhraseHits:
    present: frozenset[int]  # phrase ids found and not negated
    covered: frozenset[int]  # token positions inside any red-flag phrase


def variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Tolerant rewordings of a phrase key ("chest pain" -> "pain in chest", ...)."""
    found = [key]
    if len(key) >= 2 and key[-1] == "pain":
        body = key[:-1]
        found += [("pain", "in", *body), ("pain", "on", *body)]
        found += [body + tail for tail in _PAIN_VARIANT_TAILS]
    return found


def compile_red_flags(records: Sequence[RedFlagRecord]) -> RedFlagRules:
    """Give every distinct phrase an id and file its variants in a trie by their words."""
    ids: dict[tuple[str, ...], int] = {}
    texts: list[str] = []
    by_start: dict[str, PhraseNode] = {}
    flags: list[CompiledFlag] = []
    for record in records:
        rules = []
        for rule in record.rules:
            groups = [frozenset(_phrase_id(p, ids, texts, by_start) for p in g if p) for g in rule]
            if groups and all(groups):
                rules.append(tuple(groups))
        flags.append(CompiledFlag(record, tuple(rules)))
    return RedFlagRules(tuple(flags), by_start, tuple(texts), _rules_by_phrase(flags))


def _rules_by_phrase(flags: Sequence[CompiledFlag]) -> dict[int, tuple[tuple[int, int], ...]]:
    """Index every rule under the phrases of its key group (see the module docstring)."""
    shared = Counter(pid for flag in flags for rule in flag.rules for g in rule for pid in g)
    found: dict[int, list[tuple[int, int]]] = {}
    for flag_no, flag in enumerate(flags):
        for rule_no, rule in enumerate(flag.rules):
            key_group = min(rule, key=lambda group: sum(shared[pid] for pid in group))
            for phrase_id in key_group:
                found.setdefault(phrase_id, []).append((flag_no, rule_no))
    return {phrase_id: tuple(rules) for phrase_id, rules in found.items()}


def _phrase_id(
    phrase: str,
    ids: dict[tuple[str, ...], int],
    texts: list[str],
    by_start: dict[str, PhraseNode],
) -> int:
    key = flag_key(phrase)
    if key not in ids:
        ids[key] = len(texts)
        texts.append(display(phrase))
        for variant in variants(key):
            if variant:
                _add_variant(by_start, variant, ids[key])
    return ids[key]


def _add_variant(by_start: dict[str, PhraseNode], variant: tuple[str, ...], phrase_id: int) -> None:
    """File a variant (a `flag_key` reworded) under its words' keys; a plural paired part
    ("legs") is filed under its key ("leg") and its position kept on the phrase's last node."""
    keys = [stem(word) if word in BOTH_SIDES_PLURALS else word for word in variant]
    plural = tuple(n for n, word in enumerate(variant) if word in BOTH_SIDES_PLURALS)
    node = by_start.setdefault(keys[0], PhraseNode())
    for key in keys[1:]:
        node = node.children.setdefault(key, PhraseNode())
    if plural:
        if (phrase_id, plural) not in node.plural_ids:
            node.plural_ids = (*node.plural_ids, (phrase_id, plural))
    elif phrase_id not in node.ids:
        node.ids = (*node.ids, phrase_id)


_Match = tuple[list[int], tuple[int, ...]]  # the positions of a phrase's words, its ids


def flag_key(phrase: str) -> tuple[str, ...]:
    """A red-flag phrase's words: token keys without determiners, but a paired part in the plural
    as written ("legs"), since it says "both sides" (see `_add_variant`)."""
    return tuple(
        token.raw if token.raw in BOTH_SIDES_PLURALS else token.key
        for token in tokenize(phrase)
        if token.raw not in DETERMINERS
    )


def find_phrases(
    rules: RedFlagRules, tokens: Sequence[Token], negated: Sequence[bool]
) -> PhraseHits:
    """Every red-flag phrase in the tokens; negated occurrences are covered but not present.

    Clause numbers must never decrease along `tokens` (as `tokenize` numbers them).
    """
    found: list[_Match] = []
    for start, token in enumerate(tokens):
        first = rules.by_start.get(token.key)
        if first is not None:
            _extend(first, tokens, [start], found)
    present: set[int] = set()
    covered: set[int] = set()
    for span, phrase_ids in found:
        covered.update(span)
        if not any([negated[pos] for pos in span]):
            present.update(phrase_ids)
    return PhraseHits(frozenset(present), frozenset(covered))


def statement_phrases(rules: RedFlagRules, statement: str) -> frozenset[int]:
    """The phrases in one structured input worded as a statement ("Chest pain"), read as a
    single clause whatever its punctuation."""
    tokens = [Token(t.raw, t.key, 0) for t in tokenize(statement)]
    return find_phrases(rules, tokens, [False] * len(tokens)).present


def _extend(
    node: PhraseNode, tokens: Sequence[Token], span: list[int], found: list[_Match]
) -> None:
    """Record the phrases ending at `node` (matched at `span`) and follow the trie onwards.

    The next word of a phrase is read at the first token after the span, in the same clause,
    that either is that word or cannot be stepped over (side words and determiners can); a
    phrase whose next word is not there does not match.
    """
    if node.ids:
        found.append((span, node.ids))
    if node.plural_ids:
        plural = [pid for pid, at in node.plural_ids if _plural_at(tokens, span, at)]
        if plural:
            found.append((span, tuple(plural)))
    if not node.children:
        return
    clause = tokens[span[0]].clause
    after = span[-1] + 1
    for pos in range(after, len(tokens)):
        token = tokens[pos]
        if token.clause != clause:
            return
        child = node.children.get(token.key)
        if child is not None and all(tokens[p].key != token.key for p in range(after, pos)):
            _extend(child, tokens, [*span, pos], found)
        if token.raw not in SKIPPABLE_IN_PHRASE:
            return


def evaluate(rules: RedFlagRules, present: frozenset[int], age: int | None) -> Triage:
    """Fire the flags whose rules are satisfied by the phrases present; the most severe level
    wins."""
    fired: list[RedFlagHit] = []
    for flag_no, rule_nos in _candidate_rules(rules, present).items():
        flag = rules.flags[flag_no]
        record = flag.record
        if record.min_age is not None and (age is None or age < record.min_age):
            continue
        matched = _first_matching_rule(flag, rule_nos, present, rules.phrases)
        if matched is not None:
            fired.append(RedFlagHit(record.id, record.level, record.title, record.advice, matched))
    fired.sort(key=lambda hit: -SEVERITY[hit.level])
    level: TriageLevel = fired[0].level if fired else "self_care"
    return Triage(level=level, red_flags=tuple(fired))


def _candidate_rules(rules: RedFlagRules, present: frozenset[int]) -> dict[int, list[int]]:
    """Flag -> the rules whose key group has a phrase present, flags and rules ascending."""
    by_phrase = rules.by_phrase
    found: dict[int, list[int]] = {}
    for flag_no, rule_no in sorted({e for pid in present for e in by_phrase.get(pid, ())}):
        found.setdefault(flag_no, []).append(rule_no)
    return found


def _first_matching_rule(
    flag: CompiledFlag, rule_nos: Sequence[int], present: frozenset[int], texts: Sequence[str]
) -> tuple[str, ...] | None:
    """The phrases that satisfy the first of the candidate rules that matches."""
    for rule_no in rule_nos:
        rule = flag.rules[rule_no]
        if all(not group.isdisjoint(present) for group in rule):
            return tuple(texts[min(group & present)] for group in rule)
    return None


def _plural_at(tokens: Sequence[Token], span: Sequence[int], positions: Sequence[int]) -> bool:
    """Are the phrase's words at `positions` (of `span`) plural paired parts in the text?"""
    return all(tokens[span[n]].raw in BOTH_SIDES_PLURALS for n in positions)
