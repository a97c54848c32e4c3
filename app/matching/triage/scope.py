"""Who and when: which words speak of the patient now, and which of someone else or of the past.

"My brother had a heart attack last year" and "I had meningitis as a child" must not raise the
alarm; "my mum's face has gone droopy" must. Each word gets a `Scope`, a set of bits:

* OTHER: its segment names someone else ("my mum", "grandad", "my friend"). A segment is a
  sentence, cut again at "now", "currently", "today".
* SELF: its segment is about the writer, and another segment is about someone else.
* EVENT: its clause tells of a past event ("had", "got", "died", "was diagnosed", "history of").
* PAST: its clause is in the distant past: a time ("years ago", "as a child", "last year", "in
  2009") or a word that only the long past has ("childhood", "previously", "in remission"). A
  clause that is only a time phrase ("..., years ago") dates the clause before it too, and, when
  it opens its sentence ("As a teenager, years ago, I got..."), the one after it. Clauses are
  also cut at "now" ("I had cancer years ago and now my back hurts"). Words of recovery alone
  ("it got better", "resolved after ten minutes", "fully recovered") do not date anything: they
  are how a mini-stroke is told.

A segment is about whoever it mentions first ("my mum" someone else, "I" or "my back" the writer).
A pasted chat arrives already told turn by turn (`app.matching.normalize`: "Him: my head hurts"
reads "him: his head hurts", and the writer's "Me:" label is dropped).
OTHER is set only when the writer also speaks of themself in a segment of their own ("My toddler
had a temperature last week. I've got a stiff neck"); a carer writing only about the patient ("my
husband is sweaty and his arm hurts", "my mum had lung cancer, now her back hurts") is writing the
patient's story, every word of it. A segment about someone else that tells of a past event
(EVENT: "had", "got", "was diagnosed") without a word of it happening now ("suddenly", "still",
"now", "he's", "says"), of weeks or months back ("last month", "three weeks ago", "in June", "on
Tuesday"; but what someone noticed then is still there: "he noticed a pulsing lump last week"),
of a story on TV or in print, or of someone now in hospital is that person's story: it
is PAST too ("My sister got a clot after a flight. My hamstrings are stiff"), and so are the
segments about someone else that follow it in its sentence ("my dad had a stroke
last year, his face dropped"). Otherwise someone else's words stay, whatever the writer says of
themself: "My dad has crushing chest pain. My back hurts from lifting him" is an emergency, and so
is "I've had a stiff neck for ages. My brother suddenly got a tearing pain in his back". When the
writer names a place of pain of their own, someone else's sentence that names no place of pain is
that person's story whatever its time ("My toddler has a fever. I've got a stiff neck from
carrying him"): `app.matching.triage.concepts` marks it theirs, and `app.matching.triage.assess`
weighs it on its own, never together with the writer's words.

A clause with a recent-time word ("this morning", "an hour ago", "yesterday", "since 2 days") is
neither EVENT nor PAST; "used to" in a comparison ("the way I used to") dates nothing. `keeps` says
what survives: a symptom is dropped only in the distant past (a carer's "my husband had crushing
chest pain an hour ago" is the patient now); a named diagnosis ("a stroke") is dropped when told as
a past event, the patient's or anyone's; a `history` concept (cancer, steroids, surgery) stays in
the patient's past, where it matters, but never counts in a segment about someone else ("my wife
gets migraines", "my mum has cancer").

Most texts have none of these words: `scopes` checks that first and returns at once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from itertools import pairwise
from typing import Final

from app.matching.lexicon import OTHER_PEOPLE, _words
from app.matching.normalize import Token

Scope = int
OTHER: Final = 1
EVENT: Final = 2
PAST: Final = 4
SELF: Final = 8

FIRST_PERSON: Final = _words("i im ive id me myself my")
# "we" is the writer and others together: neither the writer alone nor someone else
WE: Final = _words("we us our weve")
THIRD_PERSON: Final = _words("his him her hers hes shes himself herself")
_PREPOSITIONS: Final = _words("with to for from by about like than at")
_GIVING_BIRTH: Final = _words("had having delivered birth to")
_PERFECT: Final = _words("ive hes shes has have weve theyve youve hasnt havent")
_BODY_VERBS: Final = _words(
    "got get have had feel felt am was woke started keep kept cant couldnt suddenly just"
)
_PERFECT_ADVERBS: Final = _words(
    "now just also already recently suddenly since then never ever always"
)
# "should I ...?", "I think ...": the writer framing a question, not telling of their body
_ASKING: Final = _words("should do can shall must would could will")
_STANCE_VERBS: Final = _words(
    "think thought reckon guess worried scared afraid wonder wondering suppose dont know "
    "panicking panicked freaking terrified anxious desperate frightened"
)
_HEARD: Final = _words("voice voices")
# What someone noticed weeks back is still there ("he noticed a pulsing lump last week"): the
# time dates the noticing, not the finding
_NOTICED: Final = _words("noticed noticing spotted")
_PERSON_WORDS: Final = FIRST_PERSON | WE | OTHER_PEOPLE | THIRD_PERSON
_AGE_UNITS: Final = ("yo", "yr", "yrs", "mo")
_PERSON_MODIFIERS: Final = _words(
    "other little big older younger eldest oldest youngest elderly late ex step teenage year old "
    "yo wee"
)
# In someone else's segment these tell their story, not the patient's ("a programme about...").
_STORY_WORDS: Final = _words(
    "programme program documentary article story film drama advert episode series soap podcast "
    "novel book"
)
# "on TV", "on the news": a story watched ("can't hear the TV" is not one)
_SCREENS: Final = _words("tv telly television news radio")
EVENT_WORDS: Final = _words(
    "had got died suffered diagnosed survived needed history dx hx hospitalised hospitalized"
)
# Someone else's event told with one of these is happening now: "my brother suddenly got a
# tearing pain in his back", "my son got hit by a car, he's at home now and says...", "Sam
# dropped the bar and said he got an explosive pain" (reported speech tells of now).
_ACUTE: Final = _words(
    "suddenly still keeps currently now is are hes shes theyre says cant wont isnt being "
    "said saying screamed screaming yelled shouted complaining"
)
_EVENT_BIGRAMS: Final = frozenset(
    {("passed", "away"), ("runs", "in"), ("run", "in"), ("started", "as"), ("ended", "up")}
    # "admitted with quinsy" (to hospital), not "he admitted his testicle hurts"
    | {("admitted", "with"), ("admitted", "to"), ("admitted", "for"), ("admitted", "into")}
    # a diagnosis read or worried about is not one made
    | {("reading", "about"), ("read", "about"), ("worried", "about"), ("anxious", "about")}
    | {("signs", "of"), ("symptoms", "of")}
)
DISTANT_WORDS: Final = _words("childhood previously formerly decades remission")
_DISTANT_BIGRAMS: Final = frozenset(
    {
        ("last", "year"),
        ("as", "child"),
        ("as", "kid"),
        ("as", "teenager"),
        ("as", "baby"),
        ("as", "teen"),
        ("used", "to"),
        ("in", "past"),
        ("long", "ago"),
        ("years", "back"),
        ("when", "young"),
        ("when", "little"),
        ("when", "child"),  # "when I was child"
        ("when", "kid"),
        ("years", "since"),  # "two years since my stroke"
    }
)
_AGO_UNITS: Final = _words("year years yr yrs decade decades month months")
RECENT_WORDS: Final = _words("today yesterday tonight earlier recently")
_RECENT_BIGRAMS: Final = frozenset(
    {
        ("this", "morning"),
        ("this", "afternoon"),
        ("this", "evening"),
        ("last", "night"),
        ("this", "week"),
        ("just", "now"),
        ("just", "had"),
        ("just", "started"),
        ("just", "happened"),
        ("just", "got"),
        # "in the past year / few weeks": lately, unlike "in the past"
        ("past", "year"),
        ("past", "month"),
        ("past", "week"),
        ("past", "few"),
        ("past", "couple"),
    }
)
_RECENT_AGO_UNITS: Final = _words("minute minutes min mins hour hours hr hrs day days week weeks")
# In someone else's segment these date a finished story too ("my cousin lost hearing last month").
_LAST: Final = _words("week weekend month spring summer autumn fall winter christmas")
_MONTHS: Final = _words(
    "january february march april may june july august september october november december"
)
_WEEKDAYS: Final = _words("monday tuesday wednesday thursday friday saturday sunday")
# someone else being looked after in hospital: their story is in hands ("mum's in hospital")
_CARED_FOR: Final = frozenset({("in", "hospital"), ("in", "icu"), ("on", "ward")})
_WEEKS_AGO_UNITS: Final = _words("week weeks")
SEGMENT_RESTARTS: Final = _words("now currently today nowadays presently")
_SHORT_CLAUSE: Final = 4  # a clause this short holding a distant-time phrase dates the one before
# A clause longer than this is cut into pieces for dating (`_pieces`), each of at least _MIN_PIECE
_LONG_CLAUSE: Final = 10
_MIN_PIECE: Final = 3
_JOINS: Final = _words("and but so then now")
_CHILDHOOD: Final = _words("kid child teenager teen baby toddler")
_GOES_ON: Final = SEGMENT_RESTARTS | _words("then still since")
_PIECE_EVENTS: Final = _words("had treated diagnosed")
_CONTINUES: Final = _words(
    "and but so then was were had got with which when after before for in at on while until"
)
# A time that anchors what follows: "breast cancer 6 years ago since 5 weeks back pain"
_TIME_ANCHORS: Final = _words("since now today tonight yesterday currently lately recently")
_SUBORDINATORS: Final = _words(
    "when since after because while if that as until before where which who than whilst way "
    "in on of into onto with to for from by about like at"
)
_SUBJECTS: Final = _words("i im ive id she shes he hes its they theyre we weve")
_FILLERS: Final = _words("a the my i was")
_AS: Final = _words("way like as than")  # "the way I used to": a comparison, not a time
_NEW_STATEMENTS: Final = _SUBJECTS | _words("this now today currently")
_THIS_YEAR: Final = date.today().year
# Without one of these words (or a year), no word of a text can be set aside.
_MARKERS: Final = (
    OTHER_PEOPLE
    | THIRD_PERSON
    | EVENT_WORDS
    | DISTANT_WORDS
    | {"ago", "used"}
    | {first for first, _ in _EVENT_BIGRAMS}
    | {second for _, second in _DISTANT_BIGRAMS if second not in ("to", "past")}
)


def keeps(scope: Scope, kind: str, history: bool) -> bool:
    """Whether a concept of this kind, found in this scope, counts for the patient now."""
    if not scope:
        return True
    if scope & OTHER and (history or (kind == "diagnosis" and scope & (EVENT | PAST))):
        return False
    if scope & PAST:
        return history
    return not (scope & EVENT and kind == "diagnosis" and not history)


def scopes(tokens: Sequence[Token], sentences: Sequence[int]) -> list[Scope]:
    """The scope of every token (`sentences`: the sentence number of every token)."""
    found = [0] * len(tokens)
    raws = [token.raw for token in tokens]
    if _MARKERS.isdisjoint(raws) and not _year(raws):
        return found
    clauses = [
        piece
        for clause in _runs(tokens, lambda pos: tokens[pos].clause)
        for piece in _pieces(raws, clause)
    ]
    for n, clause in enumerate(clauses):
        words = [raws[pos] for pos in clause]
        if _recent(words):
            continue
        if _event(words):
            _mark(found, clause, EVENT)
        if _distant(words) or _ago(words, _AGO_UNITS) or _year(words):
            _mark(found, clause, PAST)
            if len(words) <= _SHORT_CLAUSE and n > 0:
                _mark(found, clauses[n - 1], PAST)
            if len(words) <= _SHORT_CLAUSE and _opens_sentence(clauses, n, sentences, found):
                _date_next(clauses, n, raws, sentences, found)
    segments = _runs(tokens, _segment_numbers(tokens, raws, sentences).__getitem__)
    about = [_about(raws, segment) for segment in segments]
    for n in range(1, len(segments)):
        # "my daughter has been feverish for two days and now can't bear us to move her hip": a
        # segment naming nobody goes on with its sentence's person, told now ("now" cut it off);
        # so does a sentence naming nobody that opens with "now" or "then" ("Dad 79, passed
        # out. Now bad back pain")
        same_sentence = sentences[segments[n][0]] == sentences[segments[n - 1][0]]
        if about[n] == "none" and (same_sentence or raws[segments[n][0]] in _GOES_ON):
            about[n] = "their now" if about[n - 1] == "other" else about[n - 1]
    if "self" not in about:
        return found  # a carer writing only about the patient: it is all the patient's
    story_of = -1  # the sentence whose someone-else's story is told in the past so far
    for segment, whom in zip(segments, about, strict=True):
        sentence = sentences[segment[0]]
        if whom == "self":
            _mark(found, segment, SELF)
        elif whom == "their now":
            _mark(found, segment, OTHER)
        elif whom == "other":
            _mark(found, segment, OTHER)
            words = [raws[pos] for pos in segment]
            # "now she says the room is spinning" goes on from their story, told now
            if story_of == sentence and words[0] not in SEGMENT_RESTARTS:
                _mark(found, segment, PAST)
                continue
            # a time of weeks back dates the piece that tells it ("found out she's pregnant
            # last week and has now got sharp pain": only the first)
            dated = [p for p in _pieces(raws, segment) if _their_story([raws[q] for q in p])]
            for piece in dated:
                _mark(found, piece, PAST)
            if dated and dated[0][0] == segment[0] and len(dated[0]) == len(segment):
                story_of = sentence
                continue
            # their past event dates the clauses that tell it ("..., which he's never had
            # before, and it's getting worse": only the middle one)
            told = [pos for pos in segment if found[pos] & EVENT]
            if told and (_ACUTE.isdisjoint(words) or "died" in words):
                _mark(found, told, PAST)
                if found[segment[0]] & PAST:
                    story_of = sentence
                    continue
        story_of = -1
    return found


def _opens_sentence(
    clauses: Sequence[Sequence[int]], n: int, sentences: Sequence[int], found: Sequence[Scope]
) -> bool:
    """Whether clause `n` opens its sentence, or follows only dated time phrases there ("As a
    teenager, about 20 years ago, ...")."""
    while n > 0 and sentences[clauses[n - 1][0]] == sentences[clauses[n][0]]:
        before = clauses[n - 1]
        if len(before) > _SHORT_CLAUSE or not found[before[0]] & PAST:
            return False
        n -= 1
    return True


def _date_next(
    clauses: Sequence[Sequence[int]],
    n: int,
    raws: Sequence[str],
    sentences: Sequence[int],
    found: list[Scope],
) -> None:
    """An opening time phrase dates the statement after it in its sentence ("Years ago, I got a
    sudden headache during sex"), unless that one is told now ("In 2019, and now ...")."""
    if n + 1 >= len(clauses) or sentences[clauses[n + 1][0]] != sentences[clauses[n][0]]:
        return
    following = [raws[pos] for pos in clauses[n + 1]]
    if following[0] not in SEGMENT_RESTARTS and not _recent(following):
        _mark(found, clauses[n + 1], PAST)


def _pieces(raws: Sequence[str], clause: list[int]) -> list[list[int]]:
    """A long clause cut where a new statement starts, so that a time dates only its own: voice
    typing leaves whole stories unpunctuated ("mum 71 had breast cancer five years ago for the
    last month shes had pain in her back"). A piece starts at a subject ("she", "i've") or a time
    that anchors what follows ("since 5 weeks", "now"), right after a distant time ("years
    ago | new back pain") or at a past event told without a subject ("sweaty | had a stent 3
    years ago"), with the joining word before it ("and i"), unless a word such as
    "when" makes the subject part of the statement before ("had an infection when i was at
    uni"); a leading time phrase ("ten years ago i had...") stays with the statement it dates."""
    if len(clause) <= _LONG_CLAUSE:
        return [clause]
    pieces: list[list[int]] = [[]]
    for n, pos in enumerate(clause):
        before = raws[clause[n - 1]] if n else ""
        after = raws[clause[n + 1]] if n + 1 < len(clause) else ""
        opens = (
            raws[pos] in _SUBJECTS
            or (raws[pos] in _TIME_ANCHORS and before not in _PERFECT)
            or (raws[pos] in _PERFECT and after in _TIME_ANCHORS)  # "and has now got"
            or _closes_a_time(raws, clause, n)  # "had breast cancer 6 years ago | new back pain"
            # "chest tight and sweaty | had a stent 3 yrs ago": a past event told without a
            # subject starts its own piece, so its time dates it alone
            or (raws[pos] in _PIECE_EVENTS and before not in _SUBJECTS and before not in _PERFECT)
        )
        if opens and before not in _SUBORDINATORS and len(pieces[-1]) >= _MIN_PIECE:
            carried = [pieces[-1].pop()] if before in _JOINS else []
            pieces.append(carried)
        pieces[-1].append(pos)
    if len(pieces) > 1 and len(pieces[0]) <= _SHORT_CLAUSE:
        pieces[1] = pieces[0] + pieces[1]
        del pieces[0]
    return pieces


def _closes_a_time(raws: Sequence[str], clause: Sequence[int], n: int) -> bool:
    """Whether the word before position `n` ends a phrase of distant time ("six years ago",
    "last year", "as a kid") and a new statement starts at `n` ("... ago new back pain for a
    month"), not a continuation of the dated one ("... ago and was induced at 36 weeks")."""
    if n < 2:
        return False
    if raws[clause[n]] in _CONTINUES and not _new_statement(raws, clause, n):
        return False
    before, earlier = raws[clause[n - 1]], raws[clause[n - 2]]
    if before in _CHILDHOOD and "as" in (earlier, raws[clause[n - 3]] if n > 2 else ""):
        return True  # "had chickenpox as a kid | tingling round my ribs for 2 days"
    return (before == "ago" and earlier in _AGO_UNITS) or (before == "year" and earlier == "last")


def _new_statement(raws: Sequence[str], clause: Sequence[int], n: int) -> bool:
    """ "and this", "but now", "and i": a joining word before a subject or a word of now starts
    a new statement ("had a heart attack 3 years ago and this feels the same")."""
    return (
        raws[clause[n]] in _JOINS and n + 1 < len(clause) and raws[clause[n + 1]] in _NEW_STATEMENTS
    )


def _about(raws: Sequence[str], segment: Sequence[int]) -> str:
    """Whom a segment is about: its first mention of a person ("my mum" is someone else, "my
    back" the writer, "we" both; "Me (27): back ache after lifting the kids" is the writer's)."""
    for n, pos in enumerate(segment):
        word = raws[pos]
        # "had my baby", "had the baby": the writer's story
        birth = any(raws[segment[k]] in _GIVING_BIRTH for k in range(max(n - 2, 0), n))
        before = [raws[segment[k]] for k in range(max(n - 2, 0), n)]
        if birth or _after_preposition(before):
            continue  # "with my husband I got...": the person after a preposition is no subject
        if word in ("my", "me") and _names_someone(raws, segment[n + 1 : n + 5]):  # "me da"
            return "self" if _writer_later(raws, segment, n) else "other"
        if word in ("me", "i") and n + 1 < len(segment) and raws[segment[n + 1]] == "and":
            return "us"  # "me and my flatmate both got headaches"
        if word in FIRST_PERSON and _stance(raws, segment, n):
            continue  # "should I be worried?", "I think my grandad...": the writer asking
        if word in FIRST_PERSON:
            return "self"
        if word in WE:
            return "us"
        if (word in OTHER_PEOPLE or word in THIRD_PERSON) and not _heard(raws, pos):
            # "belaying my partner when I got...", "my partner says I've become muddled": the
            # writer speaks of themself later in the segment
            return "self" if _writer_later(raws, segment, n) else "other"
    return "none"


def _writer_later(raws: Sequence[str], segment: Sequence[int], n: int) -> bool:
    """Whether the writer tells of their own body after position `n` of the segment ("when I
    got a headache", "I've become muddled"), not of what they did ("when I move it") nor in a
    frame ("I think", "should I")."""
    for k in range(n + 1, len(segment)):
        word = raws[segment[k]]
        after = raws[segment[k + 1]] if k + 1 < len(segment) else ""
        told = word in ("im", "ive", "id") or (word == "i" and after in _BODY_VERBS)
        if told and not _stance(raws, segment, k):
            return True
    return False


def _stance(raws: Sequence[str], segment: Sequence[int], n: int) -> bool:
    """Whether the first-person word at `n` of the segment only frames the writer's question or
    worry ("should I be worried", "I think", "I'm scared"): it says nothing of the writer's
    body."""
    before = raws[segment[n - 1]] if n else ""
    after = raws[segment[n + 1]] if n + 1 < len(segment) else ""
    return raws[segment[n]] in ("i", "im") and (before in _ASKING or after in _STANCE_VERBS)


def _after_preposition(before: Sequence[str]) -> bool:
    """Whether the words before a word put it after a preposition: "with | my husband"."""
    if before and before[-1] in _PREPOSITIONS:
        return True
    return len(before) == 2 and before[1] in ("my", "me", "the") and before[0] in _PREPOSITIONS


def _names_someone(raws: Sequence[str], positions: Sequence[int]) -> bool:
    """Whether the words after "my" name someone: "my mum", "my other kids", "my 14 year old
    son", "my 19 year old", "my 3yo"; "my neck, son says" does not."""
    aged = False  # "my 19 year old": a person named by their age
    for pos in positions:
        word = raws[pos]
        if word in OTHER_PEOPLE or (aged and word in ("old", "yo")) or _aged(word):
            return not _heard(raws, pos)
        if word == "one" and pos != positions[0]:  # "my little one", "my youngest one"
            return True
        aged = aged or word.isdigit()
        if word not in _PERSON_MODIFIERS and not word.isdigit() and word not in ("years", "yr"):
            return False
    return False


def _heard(raws: Sequence[str], pos: int) -> bool:
    """Whether the person at `pos` is only someone the writer hears ("my mum's voice was tiny
    and far away", "his voice sounded muffled"): the writer's hearing, not that person's story."""
    return pos + 1 < len(raws) and raws[pos + 1] in _HEARD


def _aged(word: str) -> bool:
    """A person named by their age in one word: "my 3yo", "my 16yo", "my 18mo"."""
    return any(word.endswith(unit) and word[: -len(unit)].isdigit() for unit in _AGE_UNITS)


def _runs(tokens: Sequence[Token], key: Callable[[int], int]) -> list[list[int]]:
    """Positions in runs of equal `key`, cut again before a restarting word ("... and now") and
    before a person after "and" ("I had a coil fitted last year and my period is late")."""
    runs: list[list[int]] = []
    for pos, token in enumerate(tokens):
        # "... and now she ...", but not "has now got"
        restart = (token.raw in SEGMENT_RESTARTS and tokens[pos - 1].raw not in _PERFECT) or (
            token.raw in _PERSON_WORDS
            and tokens[pos - 1].raw in ("and", "so")
            and not (pos >= 2 and tokens[pos - 2].raw in ("me", "i"))  # "me and my flatmate"
        )
        if pos == 0 or key(pos) != key(pos - 1) or restart:
            runs.append([])
        runs[-1].append(pos)
    return runs


def _segment_numbers(
    tokens: Sequence[Token], raws: Sequence[str], sentences: Sequence[int]
) -> list[int]:
    """Per token, its segment: a sentence, cut again where a clause opens on a person ("...,
    my wife gets migraines but I never do")."""
    numbers = []
    segment = 0
    for pos, token in enumerate(tokens):
        if pos and (
            sentences[pos] != sentences[pos - 1]
            or (token.clause != tokens[pos - 1].clause and raws[pos] in _PERSON_WORDS)
        ):
            segment += 1
        numbers.append(segment)
    return numbers


def _event(words: Sequence[str]) -> bool:
    """Whether a clause tells of a past event; "I've had" / "he's had" / "it has got worse" tell
    of one still going."""
    for n, word in enumerate(words):
        if word in EVENT_WORDS and not (word in ("had", "got") and _after_perfect(words, n)):
            return True
    return _has(words, (), _EVENT_BIGRAMS)


def _after_perfect(words: Sequence[str], n: int) -> bool:
    """Whether the word at `n` follows "have"/"has" (over an adverb: "has now got")."""
    before = n - 1
    while before >= 0 and words[before] in _PERFECT_ADVERBS:
        before -= 1
    return before >= 0 and words[before] in _PERFECT


def _mark(found: list[Scope], positions: Sequence[int], bit: Scope) -> None:
    for pos in positions:
        found[pos] |= bit


def sentence_numbers(tokens: Sequence[Token], sentence_starts: Collection[int]) -> list[int]:
    """The sentence number of every token (`sentence_starts`: the clauses that begin one)."""
    numbers = []
    sentence = 0
    clause = tokens[0].clause if tokens else 0
    for token in tokens:
        if token.clause != clause:
            sentence += any(c in sentence_starts for c in range(clause + 1, token.clause + 1))
            clause = token.clause
        numbers.append(sentence)
    return numbers


def _distant(words: Sequence[str]) -> bool:
    """A word or phrase of the distant past, but not "used to" in a comparison with it ("I don't
    feel the urge the way I used to")."""
    if any(word in DISTANT_WORDS for word in words):
        return True
    content = [w for w in words if w not in _FILLERS]
    return any(
        pair in _DISTANT_BIGRAMS and not (pair == ("used", "to") and n and content[n - 1] in _AS)
        for n, pair in enumerate(pairwise(content))
    )


def _has(words: Sequence[str], single: Collection[str], pairs: Collection[tuple[str, str]]) -> bool:
    if any(word in single for word in words):
        return True
    content = [w for w in words if w not in _FILLERS]
    return any(pair in pairs for pair in pairwise(content))


def _their_story(words: Sequence[str]) -> bool:
    """A finished time of weeks or months back ("last month", "three weeks ago", "in June",
    "on Tuesday"), a story told on TV or in print, or someone in hospital; but not what was
    noticed then, which is still there ("he noticed a pulsing lump last week")."""
    if not _NOTICED.isdisjoint(words):
        return False
    # determiners aside ("on the TV"), and "the last" with them: "for the last month" lasts
    # until now, "last month" is over
    content = [
        word
        for n, word in enumerate(words)
        if word not in ("a", "the", "my") and not (word == "last" and n and words[n - 1] == "the")
    ]
    return (
        _ago(words, _WEEKS_AGO_UNITS)
        or not _STORY_WORDS.isdisjoint(words)
        or any(_finished(first, second) for first, second in pairwise(content))
    )


def _finished(first: str, second: str) -> bool:
    return (
        (first == "last" and (second in _LAST or second in _WEEKDAYS))
        or (first == "in" and second in _MONTHS)
        or (first == "on" and (second in _WEEKDAYS or second in _SCREENS))
        or (first, second) in _CARED_FOR
    )


def _ago(words: Sequence[str], units: Collection[str]) -> bool:
    """ "<unit> ago" within the words: "two years ago", "a few months ago"."""
    return any(w == "ago" and n > 0 and words[n - 1] in units for n, w in enumerate(words))


def _recent(words: Sequence[str]) -> bool:
    """A recent time within the words: "this morning", "an hour ago", "since 2 days"."""
    return (
        _has(words, RECENT_WORDS, _RECENT_BIGRAMS)
        or _ago(words, _RECENT_AGO_UNITS)
        or _recent_since(words)
    )


def _recent_since(words: Sequence[str]) -> bool:
    """ "since 30 minutes", "since 2 days" (how long, in many Englishes): a recent time."""
    return any(
        w == "since" and words[n + 2] in _RECENT_AGO_UNITS
        for n, w in enumerate(words[:-2])
        if words[n + 1].isdigit() or words[n + 1] in ("a", "an", "few", "couple")
    )


def _year(words: Sequence[str]) -> bool:
    """A calendar year at least two years back ("in 2009", "back in 1998")."""
    return any(len(w) == 4 and w.isdigit() and 1900 <= int(w) < _THIS_YEAR - 1 for w in words)
