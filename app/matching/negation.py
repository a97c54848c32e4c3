"""Negation scope: which tokens a person denied ("no numbness", "bladder normal").

Rules, kept simple so they can be predicted:

* A *pre* cue ("no", "not", "without", "denies", "don't", "negative for", ...) negates the
  rest of its clause (its next five words in a long unpunctuated one, and there only up to a
  second known phrase that follows the first unless an "or" is coming: "no injury headaches
  for a month"), or only a degree word before a pain word ("not the worst headache").
  Clauses end at punctuation and at "but", "however", "although", and the scope at a word of
  time or a subject that turns the story ("no scan yet now sharp pain", "no injury im on the
  pill"), or, unpunctuated, at a possessive no joining word leads into ("no fever my neck is
  stiff"). A list that an "or" closes carries it over commas, within its sentence ("no fever,
  rash or stiff neck"); without the "or" a comma ends it ("no fever, sudden headache").
  Inside a clause, "and"/"or" keep the scope going ("no numbness or tingling") unless the next
  word after "and" starts a new positive statement ("no numbness and my neck hurts").
* A *post* cue ("normal", "fine", "ok", "unaffected") negates the words before it in its clause
  (only three in a long unpunctuated one; none when a condition follows: "fine once outside"),
  walking back until a pain word ("back pain and bladder normal" keeps the back pain) or "then"
  ("vomits on waking then seems OK"), or a time ("last week the stairs were fine" keeps "last
  week"), or through a subject ("can't hear out of my ear it was fine last night" denies only
  what "it" was); alone in its clause it answers the previous clause ("Temperature: normal"),
  only that clause's last few words when it is long and unpunctuated ("...my eyes are otherwise
  fine"), but not when it opens a question of its own ("OK to fly tomorrow?"). After "than" it
  is a comparison, not a cue ("sleepier than normal").
* "or" carries a negation on ("didn't fall or have an accident"); "and", "plus" and "with"
  followed by a subject or a pain word start a new, positive statement.
* An *answer*: "no", "none", "denies"... with nothing after it in its clause (list numbers
  aside) answers what came before, as on a checklist: the words before it in its clause
  ("fever - no"), or the whole previous clause when it stands alone ("chest pain? no"). So
  does a "no" opening a sentence before a subject, after a short question ("stiff neck? no he
  can touch his chin to his chest").
* A word of time or a new subject ends a pre cue's scope, but not the manner of the verb it
  negates ("it didn't come on suddenly"), nor the subject of "no chance" ("no chance she's
  pregnant").
* "No to all", "none of these", and a "no" that is a sentence of its own right after a question
  ("Any weakness, face drooping, trouble talking? No.") answer every question of the sentence
  before.
* Advice on what to watch for is not what is happening: in a sentence that tells someone's
  advice ("the leaflet says", "my GP told me"), what follows "if" or "watch out for" is set
  aside, up to the writer speaking of themself or of now ("..., and now my face is drooping").
* A clause read out as a checklist, each item followed by "yes" or "no" ("headache yes worst
  ever no stiff neck no"), has each "no" deny the words since the answer before.
* A normal temperature reading ("temp 36.8", "temperature was 98.6") denies the fever word.
* A cue that is itself part of a known phrase ("can't turn my head" as a symptom) is not a cue.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Final

from app.matching.lexicon import (
    ANSWER_CUES,
    NEGATION_BIGRAMS,
    NEGATION_CUES,
    PAIN_WORDS,
    POSITIVE_RESTARTERS,
    POST_NEGATION_CUES,
)
from app.matching.normalize import Token

_RESTARTING_CONJUNCTIONS = frozenset({"and", "plus", "with"})
# A word of time or a new subject after the first negated word turns to a new statement in an
# unpunctuated text: "no scan yet now sharp pain on one side", "no injury im on the pill".
_TURNS: Final = frozenset(
    {"now", "then", "today", "tonight", "yesterday", "suddenly"}
    | {"i", "im", "ive", "id", "hes", "shes", "theyre", "weve", "its", "theres"}
    | {"he", "she", "they", "we"}
    | {"yes", "yeah", "yep"}  # "no fever no rash yes headache"
    | {"only", "apart", "besides"}  # "no dizziness; the only thing is...", "apart from"
    | {"more", "rather", "instead"}  # "not much pain really more of a pressure in her chest"
)
_LIST_ITEM_WORDS: Final = 6  # a longer comma clause is a statement of its own, not a list item


def negation_mask(
    tokens: Sequence[Token],
    consumed: Sequence[bool],
    sentence_starts: Collection[int] = (),
    boundaries: Collection[int] = (),
    questions: Collection[int] = (),
) -> list[bool]:
    """True for every token inside the scope of a negation cue (`sentence_starts`: the clause
    numbers that begin a sentence, and `questions`: those of the clauses ending with "?", see
    `normalize.Words`; `boundaries`: the positions where one known phrase begins right where,
    or one word after, another ended: see `phrase_boundaries`)."""
    mask = [False] * len(tokens)
    answered = _spoken_checklists(tokens, mask)
    long = _long_clauses(tokens)
    for pos, token in enumerate(tokens):
        if token.raw in _TEMPERATURE_WORDS and _normal_reading(tokens, pos):
            mask[pos] = True
        elif consumed[pos] or pos in answered:
            continue
        elif _safety_net(tokens, pos, sentence_starts):
            _advice(tokens, pos, mask, sentence_starts)
        elif _answers_all(tokens, pos) or _answers_question(
            tokens, pos, sentence_starts, questions
        ):
            _answer_sentence(tokens, pos, mask, sentence_starts)
        elif token.raw in ANSWER_CUES and (
            _ends_clause(tokens, pos) or _interjection(tokens, pos, sentence_starts)
        ):
            _answer(tokens, pos, mask)
        elif token.raw in NEGATION_CUES:
            _forward(tokens, pos + 1, mask, sentence_starts, long, boundaries)
        elif pos + 1 < len(tokens) and (token.raw, tokens[pos + 1].raw) in NEGATION_BIGRAMS:
            _forward(tokens, pos + 2, mask, sentence_starts, long, boundaries)
        elif (
            token.raw in POST_NEGATION_CUES
            and not _fine_motor(tokens, pos)
            and not (pos > 0 and tokens[pos - 1].raw == "than")  # "sleepier than normal"
        ):
            _backward(tokens, pos, mask, long)
    return mask


def _spoken_checklists(tokens: Sequence[Token], mask: list[bool]) -> set[int]:
    """A clause read out as a checklist, each item followed by its answer ("headache yes came on
    slowly yes worst ever no stiff neck no"): each "no" denies the words since the answer
    before. Such a clause holds at least three answers, one of them a yes, and does not open
    with one. Returns the positions of the clauses so read."""
    read: set[int] = set()
    clause_start = 0
    for pos in range(len(tokens) + 1):
        if pos < len(tokens) and tokens[pos].clause == tokens[clause_start].clause:
            continue
        answers = [p for p in range(clause_start, pos) if tokens[p].raw in _SPOKEN_ANSWERS]
        yes = any(tokens[p].raw in _SPOKEN_YES for p in answers)
        if len(answers) >= _CHECKLIST_ANSWERS and yes and answers[0] != clause_start:
            previous = clause_start - 1
            for answer in answers:
                if tokens[answer].raw not in _SPOKEN_YES:
                    for item in range(previous + 1, answer + 1):
                        mask[item] = True
                previous = answer
            read.update(range(clause_start, pos))
        clause_start = pos
    return read


def _forward(
    tokens: Sequence[Token],
    start: int,
    mask: list[bool],
    sentence_starts: Collection[int],
    long: Collection[int] = (),
    boundaries: Collection[int] = (),
) -> None:
    """Negate from `start` to the end of the clause, or to a turn (`long`: the clause numbers of
    long unpunctuated clauses, where the reach is short and ends where a second known phrase
    follows the first with no "or" to come: "no injury headaches for a month")."""
    if start >= len(tokens) or start == 0:
        return
    if tokens[start - 1].raw in _SPOKEN_NO and (
        tokens[start].raw in _TIME_TURNS or tokens[start].raw in _SUBJECTS
    ):
        # "dizzy no suddenly lost half my vision", "No I haven't been able to pee": the "no"
        # answered what came before, it denies nothing after it
        return
    clause = tokens[start - 1].clause
    degree = _degree_only(tokens, start, clause)
    if degree:  # "not the worst headache": a headache, not the worst one
        for pos in degree:
            mask[pos] = True
        return
    # in a long unpunctuated clause (voice typing) a cue reaches its next few words only:
    # "vomiting no fever no neck stiffness it came on in seconds the worst of my life"
    end = len(tokens)
    unpunctuated = tokens[start - 1].clause in long
    if unpunctuated:
        end = min(end, start + _LONG_CLAUSE_FORWARD)
    for pos in range(start, end):
        token = tokens[pos]
        if _restarts(tokens, pos) or (pos > start and _turns(tokens, start, pos)):
            return
        if unpunctuated and pos > start and pos in boundaries and not _or_ahead(tokens, pos):
            return
        if unpunctuated and pos > start and _new_possessive(tokens, pos):
            return  # "i haven't been drinking fever my neck is really stiff"
        if token.clause != clause:
            for item in _listed(tokens, pos, sentence_starts):
                mask[item] = True
            return
        mask[pos] = True


def _new_possessive(tokens: Sequence[Token], pos: int) -> bool:
    """A possessive that no joining word leads into opens a new statement in voice typing ("no
    fever my neck is stiff"), unlike one inside the denied phrase ("no pain in my neck")."""
    return tokens[pos].raw in _POSSESSIVES and tokens[pos - 1].raw not in _JOINING


def _or_ahead(tokens: Sequence[Token], pos: int) -> bool:
    """An "or" soon after `pos` in its clause: a list ("no numbness tingling or weakness")."""
    clause = tokens[pos].clause
    ahead = tokens[pos : pos + _LONG_CLAUSE_FORWARD]
    return any(t.raw in ("or", "nor") for t in ahead if t.clause == clause)


def phrase_boundaries(phrases: Iterable[tuple[int, int]], words: Sequence[str] = ()) -> set[int]:
    """The positions where a known phrase (start, end) begins right where another ended, or one
    word later when that word joins nothing (`words`: the text's words; "fever | left | calf",
    not "pain | in | my back"), with no phrase running across: "injury | headaches", not "neck |
    stiffness" when "neck stiffness" is a phrase too."""
    spans = list(phrases)
    inside = {pos for start, end in spans for pos in range(start + 1, end)}
    ends = {end for _, end in spans}
    found = set()
    for start, _ in spans:
        if start in inside:
            continue
        gap = start - 1
        if start in ends or (
            gap in ends
            and gap not in inside
            and 0 <= gap < len(words)
            and words[gap] not in _JOINING
        ):
            found.add(start)
    return found


def _turns(tokens: Sequence[Token], start: int, pos: int) -> bool:
    """A word of time or a new subject turns the story, except the manner of the verb a
    negated auxiliary governs: "it didn't come on suddenly"."""
    raw = tokens[pos].raw
    if raw not in _TURNS:
        return False
    if tokens[start].raw in _NO_CHANCE and raw in _SUBJECTS:
        return False  # "no chance she's pregnant": the subject is what is denied
    return not (raw in _MANNER and tokens[start - 1].raw in _AUXILIARY_CUES and pos - start <= 3)


def _interjection(tokens: Sequence[Token], pos: int, sentence_starts: Collection[int]) -> bool:
    """ "Stiff neck? no he can touch his chin to his chest": a "no" opening a sentence before a
    subject answers the short question just before it (a clause of a few words, none of them
    a subject or a possessive: "My leg is numb. No I didn't fall" denies nothing)."""
    clause = tokens[pos].clause
    if tokens[pos].raw not in _SPOKEN_NO or pos == 0 or clause not in sentence_starts:
        return False
    if tokens[pos - 1].clause == clause or pos + 1 >= len(tokens):
        return False
    if tokens[pos + 1].clause != clause or tokens[pos + 1].raw not in _SUBJECTS:
        return False
    question = [t.raw for t in tokens[:pos] if t.clause == tokens[pos - 1].clause]
    return len(question) <= _QUESTION_WORDS and not any(
        word in _SUBJECTS or word in _POSSESSIVES for word in question
    )


def _degree_only(tokens: Sequence[Token], start: int, clause: int) -> list[int]:
    """The positions of a degree word and the articles before it, when the negation denies only
    how bad a pain is ("not the worst headache", "not a bad headache", "no severe pain"): the
    pain word after it stays."""
    pos = start
    while pos < len(tokens) and tokens[pos].clause == clause and tokens[pos].raw in _ARTICLES:
        pos += 1
    if pos + 1 >= len(tokens) or tokens[pos + 1].clause != clause:
        return []
    if tokens[pos].raw in _DEGREE_WORDS and tokens[pos + 1].raw in PAIN_WORDS:
        return list(range(start, pos + 1))
    return []


def _listed(tokens: Sequence[Token], start: int, sentence_starts: Collection[int]) -> list[int]:
    """The positions of the comma-separated items from `start` on that an "or" list closes, in
    the same sentence ("denies numb hands, clumsiness or balance trouble"); none when no "or"
    or "nor" closes them, or an item is long or opens a positive statement."""
    items: list[int] = []
    pos = start
    while pos < len(tokens) and tokens[pos].clause not in sentence_starts:
        clause = tokens[pos].clause
        end = pos
        while end < len(tokens) and tokens[end].clause == clause:
            end += 1
        words = [token.raw for token in tokens[pos:end]]
        if words[0] in POSITIVE_RESTARTERS or len(words) > _LIST_ITEM_WORDS:
            return []
        items += range(pos, end)
        if "or" in words or "nor" in words:
            return items
        pos = end
    return []


def _restarts(tokens: Sequence[Token], pos: int) -> bool:
    """ "and" + a subject or pain word begins a new, positive statement."""
    if tokens[pos].raw not in _RESTARTING_CONJUNCTIONS or pos + 1 >= len(tokens):
        return False
    following = tokens[pos + 1]
    return following.clause == tokens[pos].clause and following.raw in POSITIVE_RESTARTERS


def _ends_clause(tokens: Sequence[Token], pos: int) -> bool:
    """Nothing but list numbers, or a participle ("Steroids: never taken"), follows `pos` in its
    clause ("Swollen leg? No 2. Red calf?")."""
    clause = tokens[pos].clause
    for after in range(pos + 1, len(tokens)):
        if tokens[after].clause != clause:
            return True
        if not tokens[after].raw.isdigit() and tokens[after].raw not in _ANSWER_TAILS:
            return False
    return True


def _answer(
    tokens: Sequence[Token], cue: int, mask: list[bool], long: Collection[int] = ()
) -> None:
    """Negate the words before `cue` in its clause or, if there are none, the previous clause;
    only the last few words of a long unpunctuated one (`long`) when a post cue answers it ("...a
    curtain came down over my eye for five minutes i'm 66 and my eyes are otherwise fine")."""
    if cue == 0:
        return
    clause = tokens[cue - 1].clause
    first = 0 if clause not in long else max(cue - _LONG_CLAUSE_REACH, 0)
    for pos in range(cue - 1, first - 1, -1):
        if tokens[pos].clause != clause:
            return
        mask[pos] = True


_TO_ALL: Final[frozenset[tuple[str, ...]]] = frozenset(
    {
        ("to", "all"),
        ("to", "everything"),
        ("to", "all", "of", "them"),
        ("of", "these"),
        ("of", "them"),
        ("of", "those"),
        ("of", "above"),
        ("of", "the", "above"),
    }
)


_ANSWER_TAILS: Final = frozenset({"taken", "had", "used", "done", "smoked", "been", "tried"})
_SEQUENCE: Final = frozenset({"then", "afterwards", "later", "until"})  # "vomits, then seems OK"
# "last week the stairs were fine": the time when things were fine is no denial, and stops one
_WHEN: Final = frozenset(
    {"week", "weekend", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday"}
    | {"saturday", "sunday", "month", "ago"}
)
_FINE_MOTOR_WORDS: Final = frozenset(
    {"finger", "fingers", "motor", "movement", "movements", "control", "work", "tasks"}
)
# Who gives advice on what to watch for, and the words that end it: the writer or now
_ADVICE_SOURCES: Final = frozenset(
    {"says", "said", "told", "tells", "advised", "advice", "leaflet", "website", "page", "sheet"}
    | {"list", "leaflets", "poster", "course"}
)
_WATCH: Final = frozenset({"out", "watch", "look"})  # "watch out for", "look out for"
_ADVICE_STOPS: Final = frozenset(
    {"now", "today", "currently", "but", "i", "im", "ive", "my", "me", "he", "hes", "she", "shes"}
    | {"they", "theyre", "we", "weve", "his", "her", "has", "since"}
)
_SPOKEN_YES: Final = frozenset({"yes", "yeah", "yep", "yup"})
_SPOKEN_NO: Final = frozenset({"no", "nope", "nah"})
_SPOKEN_ANSWERS: Final = _SPOKEN_YES | _SPOKEN_NO
_QUESTION_WORDS: Final = 5  # "stiff neck?", "light bothering him?"
_POSSESSIVES: Final = frozenset({"my", "his", "her", "their", "our", "your"})
_MANNER: Final = frozenset({"suddenly"})
# words that join two phrases into one statement ("pain in my back", "numbness and tingling")
_JOINING: Final = frozenset(
    {"in", "on", "at", "of", "to", "from", "down", "into", "around", "round", "across", "up"}
    | {"and", "or", "nor", "with", "plus", "my", "the", "a", "his", "her", "their", "your"}
)
_TIME_TURNS: Final = frozenset({"suddenly", "now", "then", "today", "tonight", "yesterday"})
_NO_CHANCE: Final = frozenset({"chance", "way", "possibility"})
_AUXILIARY_CUES: Final = frozenset(
    {"not", "never", "dont", "didnt", "doesnt", "isnt", "arent", "wasnt", "werent"}
    | {"havent", "hasnt", "hadnt"}
)
_CHECKLIST_ANSWERS: Final = 3
_ARTICLES: Final = frozenset({"the", "a", "an", "that", "too", "very", "so", "really"})
_DEGREE_WORDS: Final = frozenset(
    {"worst", "bad", "severe", "terrible", "awful", "sharp", "big", "huge", "massive", "strong"}
)
_CONDITIONS: Final = frozenset({"once", "when", "whenever", "if", "outside", "away", "unless"})
_LONG_CLAUSE: Final = 12  # words: voice typing without punctuation
_LONG_CLAUSE_REACH: Final = 3  # words a post cue reaches back there
_LONG_CLAUSE_FORWARD: Final = 5  # words a pre cue reaches forward there
_SUBJECTS: Final = frozenset(
    {"it", "its", "i", "im", "he", "she", "hes", "shes", "they", "we", "everyone", "everybody"}
)  # "...my right ear it was fine", "the car rolled over and everyone got out ok"
_TEMPERATURE_WORDS: Final = frozenset({"temp", "temperature", "temps", "temperatures"})
_READING_FILLERS: Final = frozenset({"of", "is", "was", "at", "about", "around", "only", "just"})


def _normal_reading(tokens: Sequence[Token], pos: int) -> bool:
    """ "temp 36.8", "temperature was 98.6", "took my temperature and it's normal": a normal
    temperature denies a fever (under 37.6 C; Fahrenheit readings under 99.6)."""
    clause = tokens[pos].clause
    if any(t.raw in POST_NEGATION_CUES for t in tokens[pos + 1 : pos + 7] if t.clause == clause):
        return True
    for after in tokens[pos + 1 : pos + 4]:
        if after.clause != clause:
            return False
        if after.raw in _READING_FILLERS:
            continue
        try:
            reading = float(after.raw)
        except ValueError:
            return False
        return 30 <= reading < 37.6 or 86 <= reading < 99.6
    return False


def _answers_all(tokens: Sequence[Token], pos: int) -> bool:
    """ "No to all", "none of these": one answer for every question just asked."""
    if tokens[pos].raw not in ("no", "none") or pos == 0:
        return False
    clause = tokens[pos].clause
    rest = tuple(t.raw for t in tokens[pos + 1 : pos + 5] if t.clause == clause)
    return any(rest[: len(answer)] == answer for answer in _TO_ALL)


def _safety_net(tokens: Sequence[Token], pos: int, sentence_starts: Collection[int]) -> bool:
    """ "The leaflet says go to A&E if a testicle suddenly hurts", "my neurologist told me to
    watch out for a headache that hits suddenly": an "if" or a "watch out for" in a sentence
    that tells someone's advice opens what to watch for, not what is happening."""
    raw = tokens[pos].raw
    opens = raw == "if" or (raw == "for" and pos > 0 and tokens[pos - 1].raw in _WATCH)
    if not opens:
        return False
    first = _sentence_start(tokens, pos, sentence_starts)
    return any(tokens[k].raw in _ADVICE_SOURCES for k in range(first, pos))


def _advice(
    tokens: Sequence[Token], pos: int, mask: list[bool], sentence_starts: Collection[int]
) -> None:
    """Set aside what the advice says to watch for: the rest of its sentence, up to the writer
    speaking of themself or of now ("..., and now my face is drooping")."""
    for after in range(pos + 1, len(tokens)):
        token = tokens[after]
        if token.clause in sentence_starts and token.clause != tokens[after - 1].clause:
            return
        if token.raw in _ADVICE_STOPS:
            return
        mask[after] = True


def _sentence_start(tokens: Sequence[Token], pos: int, sentence_starts: Collection[int]) -> int:
    """The position of the first word of the sentence of the word at `pos`."""
    first = pos
    while first > 0 and not (
        tokens[first].clause in sentence_starts and tokens[first - 1].clause != tokens[first].clause
    ):
        first -= 1
    return first


def _answers_question(
    tokens: Sequence[Token], pos: int, sentence_starts: Collection[int], questions: Collection[int]
) -> bool:
    """ "Any weakness, face drooping, trouble talking? No.": a "no" that is a sentence of its
    own, right after a question, answers all of the question."""
    if tokens[pos].raw not in _SPOKEN_NO or pos == 0:
        return False
    clause = tokens[pos].clause
    alone = pos + 1 == len(tokens) or tokens[pos + 1].clause != clause
    return alone and clause in sentence_starts and tokens[pos - 1].clause in questions


def _answer_sentence(
    tokens: Sequence[Token], cue: int, mask: list[bool], sentence_starts: Collection[int]
) -> None:
    """Negate every word of the sentence before the cue's clause (the questions it answers)."""
    clause = tokens[cue].clause
    first = max((start for start in sentence_starts if start < clause), default=0)
    for pos in range(cue):
        if first <= tokens[pos].clause < clause:
            mask[pos] = True


def _fine_motor(tokens: Sequence[Token], pos: int) -> bool:
    """ "fine finger control has gone": fine movement, not "fine" as an answer."""
    following = tokens[pos + 1].raw if pos + 1 < len(tokens) else ""
    return tokens[pos].raw == "fine" and following in _FINE_MOTOR_WORDS


def _long_clauses(tokens: Sequence[Token]) -> set[int]:
    """The clause numbers of clauses longer than `_LONG_CLAUSE` words."""
    sizes: dict[int, int] = {}
    for token in tokens:
        sizes[token.clause] = sizes.get(token.clause, 0) + 1
    return {clause for clause, n in sizes.items() if n > _LONG_CLAUSE}


def _backward(
    tokens: Sequence[Token], cue: int, mask: list[bool], long: Collection[int] = ()
) -> None:
    """Negate back to a pain word; a cue alone in its clause answers the clause before it
    ("Temperature: normal"). In a long unpunctuated clause only the few words before the cue
    ("...cannot hear from that ear at all other ear normal")."""
    clause = tokens[cue].clause
    if cue == 0 or tokens[cue - 1].clause != clause:
        if cue + 1 < len(tokens) and tokens[cue + 1].raw == "to":
            return  # "OK to fly tomorrow?", "fine to drive?": a question of its own
        _answer(tokens, cue, mask, long)
        return
    if cue + 1 < len(tokens) and tokens[cue + 1].raw in _CONDITIONS:
        return  # "fine once we were outside" says when it is fine, not that nothing is wrong
    reach = _LONG_CLAUSE_REACH if clause in long else cue
    for pos in range(cue - 1, max(cue - 1 - reach, -1), -1):
        token = tokens[pos]
        raw = token.raw
        if token.clause != clause or raw in PAIN_WORDS or raw in _SEQUENCE or raw in _WHEN:
            return
        mask[pos] = True
        if raw in _SUBJECTS:  # "...my right ear it was fine": only what "it" was
            return
