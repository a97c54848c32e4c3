"""Free-text understanding: from "throbbing headache behind my left eye, no numbness" to sites,
symptoms, factors, conditions, negations and the words we did not understand.

Pipeline (all deterministic): tokenise -> correct spelling -> longest-match phrases and
triage-concept phrases -> negation scope -> laterality -> sites (facets, spread paths) ->
triage evidence (concepts present or denied, with whose and when: `app.matching.triage`) ->
leftovers. Anything that is neither a known phrase, a grammar word, nor part of a triage-concept
phrase is reported as unrecognised, grouped into runs of adjacent words.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from app.matching.age import stated_age
from app.matching.index import MatchIndex
from app.matching.laterality import mention_side, side_markers
from app.matching.lexicon import (
    MOVEMENT_VERBS,
    NEGATION_CUES,
    SKIPPABLE_IN_PHRASE,
    is_content_word,
)
from app.matching.negation import negation_mask, phrase_boundaries
from app.matching.normalize import Token, split_words
from app.matching.offsets import locate
from app.matching.outcome import InterpretedPhrase
from app.matching.scan import Item, correct_spelling, scan_items
from app.matching.sites import RegionMention, Site, sites_from_mentions
from app.matching.triage.concepts import Found, TextSpans, text_evidence
from app.matching.triage.scope import scopes, sentence_numbers

_SPLIT: Final = NEGATION_CUES | {"and", "or", "nor", "plus"}


class TextAnalysis:
    """What one free-text description says (a plain class, which mypyc compiles to a native
    one)."""

    def __init__(
        self,
        sites: tuple[Site, ...] = (),
        symptoms: tuple[str, ...] = (),
        absent_symptoms: tuple[str, ...] = (),
        factors: tuple[str, ...] = (),
        conditions: tuple[str, ...] = (),
        condition_groups: tuple[tuple[str, ...], ...] = (),
        negated: tuple[str, ...] = (),
        unrecognized: tuple[str, ...] = (),
        triage: Found = Found(),  # triage concepts, present and denied
        age: int | None = None,  # stated in the text ("I'm 65")
        phrases: tuple[InterpretedPhrase, ...] = (),  # understood, in text order
    ) -> None:
        self.sites = sites
        self.symptoms = symptoms
        self.absent_symptoms = absent_symptoms
        self.factors = factors
        self.conditions = conditions
        self.condition_groups = condition_groups
        self.negated = negated
        self.unrecognized = unrecognized
        self.triage = triage
        self.age = age
        self.phrases = phrases


def analyse_text(index: MatchIndex, text: str) -> TextAnalysis:
    """Read one free-text description."""
    words = split_words(text, index.reader.word_tokens)
    tokens = correct_spelling(index, words.tokens)
    items = scan_items(index, tokens)
    spans = index.triage.concepts.trie.find(tokens)
    consumed = [False] * len(tokens)
    # a negation word inside a known phrase ("can't turn my head", "no feeling down there") is
    # part of what it says, not a negation cue
    for item in items:
        consumed[item.start : item.end] = [True] * (item.end - item.start)
    covered = {pos for span in spans for pos in span.positions}
    for pos in covered:
        consumed[pos] = True
    phrases = [(item.start, item.end) for item in items]
    phrases += [(min(span.positions), max(span.positions) + 1) for span in spans]
    boundaries = phrase_boundaries(phrases, [token.raw for token in tokens])
    mask = negation_mask(tokens, consumed, words.sentence_starts, boundaries, words.questions)
    positive, negative = _split(items, mask)
    movers = _movers(positive, tokens)
    sentences = sentence_numbers(tokens, words.sentence_starts)
    reading = TextSpans(tokens, mask, scopes(tokens, sentences), sentences)
    terms = [(item.start, item.end, item.target_ids) for item in items]
    return TextAnalysis(
        sites=tuple(_sites(index, positive, tokens, moved=movers.keys())),
        symptoms=_ids(positive, "symptom"),
        absent_symptoms=_ids(negative, "symptom"),
        factors=_ids(_without_movers(positive, movers.values()), "factor"),
        conditions=_ids(positive, "condition"),
        condition_groups=tuple(dict.fromkeys(g for i in positive if (g := i.ids("condition")))),
        negated=tuple(_negated_phrases(tokens, items, mask)),
        unrecognized=tuple(_leftovers(tokens, consumed, mask)),
        triage=text_evidence(index.triage.concepts, reading, spans, terms),
        age=stated_age(tokens),
        phrases=_phrases(text, [t.raw for t in words.tokens], tokens, items, mask),
    )


def _phrases(
    text: str,
    written: Sequence[str],
    tokens: Sequence[Token],
    items: Sequence[Item],
    mask: Sequence[bool],
) -> tuple[InterpretedPhrase, ...]:
    """Each phrase understood, placed in the submitted text by its words as written (before
    spelling correction)."""
    spans = locate(text, written, [(item.start, item.end) for item in items])
    found = []
    for item, span in zip(items, spans, strict=True):
        means = item.targets
        negated = any(mask[item.start : item.end])
        if span is None:
            words = _phrase(tokens, item.start, item.end)
            found.append(InterpretedPhrase(words, None, None, means, negated))
        else:
            start, end = span
            found.append(InterpretedPhrase(text[start:end], start, end, means, negated))
    return tuple(found)


def _split(items: list[Item], mask: Sequence[bool]) -> tuple[list[Item], list[Item]]:
    """The items outside and inside a negation's scope."""
    if not any(mask):
        return items, []
    positive = [item for item in items if not any(mask[item.start : item.end])]
    negative = [item for item in items if any(mask[item.start : item.end])]
    return positive, negative


def _ids(items: Sequence[Item], kind: str) -> tuple[str, ...]:
    """The ids of one kind the items point to, in text order, without repeats."""
    found: dict[str, None] = {}
    for item in items:
        for id_ in item.target_ids.get(kind, ()):
            found[id_] = None
    return tuple(found)


def _phrase(tokens: Sequence[Token], start: int, end: int) -> str:
    return " ".join([token.raw for token in tokens[start:end]])


def _sites(
    index: MatchIndex, items: Sequence[Item], tokens: Sequence[Token], moved: Collection[int]
) -> list[Site]:
    """The places in the items. A body part being moved (its item starts at a position in
    `moved`: "when I turn my head") is not where it hurts, unless the text names no other place."""
    places = [(item, regions) for item in items if (regions := item.ids("region"))]
    if not places:
        return []
    still = [(item, regions) for item, regions in places if item.start not in moved]
    places = still or places
    markers = side_markers(tokens)
    mentions = []
    for item, regions in places:
        clause = tokens[item.start].clause
        side = mention_side(tokens, item.start, item.end, markers)
        phrase = _phrase(tokens, item.start, item.end)
        mentions.append(
            RegionMention(regions, side, phrase, item.start, item.end, clause, item.facet)
        )
    return sites_from_mentions(index, mentions, tokens)


def _movers(items: Sequence[Item], tokens: Sequence[Token]) -> dict[int, int]:
    """Place item start -> the position of the movement verb whose object it is ("turn my
    head", "lifting the left arm"). Determiners and side words may stand between them."""
    movers = {}
    for item in items:
        if not item.ids("region"):
            continue
        clause = tokens[item.start].clause
        pos = item.start - 1
        while pos >= 0 and tokens[pos].clause == clause and tokens[pos].raw in SKIPPABLE_IN_PHRASE:
            pos -= 1
        if pos >= 0 and tokens[pos].clause == clause and tokens[pos].raw in MOVEMENT_VERBS:
            movers[item.start] = pos
    return movers


def _without_movers(items: Sequence[Item], verbs: Collection[int]) -> list[Item]:
    """The items, less a one-word factor that only moves a body part (at a position in
    `verbs`): "lifting" is heavy lifting in "back pain after lifting boxes", not in "when I lift
    my arm"."""
    return [
        item
        for item in items
        if not (
            item.end - item.start == 1
            and item.start in verbs
            and set(item.target_ids) == {"factor"}
        )
    ]


def _negated_phrases(
    tokens: Sequence[Token], items: Sequence[Item], mask: Sequence[bool]
) -> list[str]:
    """Denied phrases in text order: each run of negated words, split at "and"/"or"/"no" and
    trimmed of grammar words ("no numbness in the groin" -> "numbness in the groin")."""
    if not any(mask):
        return []
    meaningful = [is_content_word(token.raw) for token in tokens]
    for item in items:
        meaningful[item.start : item.end] = [True] * (item.end - item.start)
    phrases = []
    denied = [negated and t.raw not in _SPLIT for t, negated in zip(tokens, mask, strict=True)]
    for start, end in _runs(tokens, denied):
        kept = [pos for pos in range(start, end) if meaningful[pos]]
        if kept:
            phrases.append(_phrase(tokens, kept[0], kept[-1] + 1))
    return list(dict.fromkeys(phrases))


def _leftovers(
    tokens: Sequence[Token], consumed: Sequence[bool], mask: Sequence[bool]
) -> list[str]:
    unknown = [
        not (consumed[pos] or mask[pos]) and is_content_word(token.raw)
        for pos, token in enumerate(tokens)
    ]
    runs = _runs(tokens, unknown)
    return list(dict.fromkeys(_phrase(tokens, start, end) for start, end in runs))


def _runs(tokens: Sequence[Token], keep: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal runs of adjacent tokens (same clause) for which `keep[pos]` holds."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for pos in range(len(tokens) + 1):
        inside = pos < len(tokens) and keep[pos]
        if inside and start is not None and tokens[pos].clause != tokens[start].clause:
            runs.append((start, pos))
            start = pos
        elif inside and start is None:
            start = pos
        elif not inside and start is not None:
            runs.append((start, pos))
            start = None
    return runs
