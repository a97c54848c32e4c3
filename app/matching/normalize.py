"""Text normalisation and tokenisation, shared by the phrase table and the text parser.

Phrases from the dataset and text from a person go through the *same* functions, so whatever
is folded away (case, accents, apostrophes, hyphens, determiners, plural endings) is folded away
on both sides and exact dictionary look-ups keep working.

A token carries its surface form (`raw`, used for messages and word lists) and a matching
`key` (a light stem: "temples" -> "temple", "injuries" -> "injury"). Clause boundaries
(sentence punctuation and words such as "but") are kept as a clause number on each token
because negation and laterality never reach across them. Determiners stay in the token stream
(negation scope needs "and *my* neck hurts") but are left out of phrase keys, and phrase
matching steps over them, so "back of my head" == "back of the head".

Nothing here remembers a person's words. Work is saved only for a closed set of words, those of
the dataset and the lexicon (`WordTokens`, built with the index); any other word of a request
is tokenised afresh and forgotten with the request.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final, NamedTuple

from app.matching.lexicon import CLAUSE_BREAKERS, DETERMINERS, OTHER_PEOPLE

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
# Ticks and crosses are a checklist's answers ("fever \u2717" is "fever no"); en and em dashes
# part clauses like commas.
_SPACED_DASH = re.compile(r"\s-+\s")
# a spaced slash parts the lines of a form or a chat pasted as one ("weakness: no / bladder:
# normal", "Mum: ... / Me: ..."): a sentence end; "and/or" keeps its slash as a word break
_SPACED_SLASH = re.compile(r"\s/+\s")
_CHECK_MARKS = str.maketrans(
    {mark: " no " for mark in "\u2717\u2718\u274c\u2716"}
    | {dash: " , " for dash in "\u2013\u2014"}
    | {mark: " yes " for mark in "\u2713\u2714\u2705\u2611"}
)
# "mum's" -> "mum", but "he's" / "she's" / "it's" / "that's" / "there's" -> "hes" / "shes" /
# "its" / "thats" / "theres": "he's had" is not "he had", and "it's worse" reads as typed
# without the apostrophe
_POSSESSIVE = re.compile(r"(?<!\bhe)(?<!\bshe)(?<!\bit)(?<!\bthat)(?<!\bthere)'s\b")
# "he'd hurt it" -> "he had hurt it", never "hed" (a common slip for "head")
_HAD = re.compile(r"\b(he|she|we|they|you)'d\b")
# "my dad's got chest pain", "husband's had sciatica": "has", not a possessive (which would
# leave "dad got", a finished past)
_HAS = re.compile(r"(?<!\bhe)(?<!\bshe)(?<!\bit)'s (got|been|had|gone|become|started)\b")
# A run of sentence punctuation ends a clause (and so does a lone NUL, the old clause marker);
# everything else that is not a letter or digit separates words (hyphens and slashes included:
# "light-headed" == "light headed"). `_PIECE` finds words (group 1; a decimal such as "38.5" is
# one word, not a sentence end) and punctuation runs ("").
_PIECE = re.compile(r"(\d+\.\d+|[a-z0-9\x00]+)|[.,;:!?()\[\]{}\n\r\t|]+")
_NON_WORD = re.compile(r"[^a-z0-9\x00]+")
_CLAUSE_MARK = "\x00"
_NO_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "ys")
_MEMO_CLAUSES: Final = 8  # known words' tokens are kept for the first clauses of a text


class Token(NamedTuple):
    """One word of text (a named tuple: one is made per word of every query)."""

    raw: str
    key: str
    clause: int


# A sense that works in one place and not in another, the second told by ellipsis: "I could feel
# the water on my legs but not on my bottom", "I can hear it with my right ear but on the left,
# nothing". The ellipsis is spelt out ("but cant feel on my bottom", "but on the left cant hear"),
# so the place that has lost the sense is read as such, not as denied.
_SENSE_BUT_NOT: Final = re.compile(
    r"\b(can|could)( still)? (feel|hear|see)\b([^.;!?\n]{0,80}?)\bbut not\b"
    r"(?= (on|in|at|around|between|from|out|with|my|his|her|the|your|their|any)\b)"
)
_SENSE_BUT_NOTHING: Final = re.compile(
    r"\b(can|could)( still)? (feel|hear|see)\b([^.;!?\n]{0,80}?)\bbut "
    r"((?:on|in|from|with|out of) (?:the |my |his |her )?(?:left|right|other)"
    r"(?: side| ear| eye| one)?) ?,? nothing\b"
)

# "not (be) able to swallow" says what cannot be done, as "can't swallow" does: not a denial
_NOT_ABLE: Final = re.compile(r"\bnot (?:be )?able to\b")

# The labels of a question-and-answer form ("Q: did it come on gradually? A: no"): the answer
# follows its question as it would in speech
_QA_LABEL: Final = re.compile(r"(?:^|(?<=[\s.?!]))[qa]\s?:\s")

# "Hearing - none", "vision: nil": on a checklist, no function left, not a denial
_FUNCTION_NONE: Final = re.compile(
    r"\b(hearing|vision|sight|eyesight|feeling|sensation)\s*[-:]+\s*(?:none|nil)\b"
)


def normalize(text: str) -> str:
    """Lowercase, strip accents, unify apostrophes, spell out "&" and check marks, drop
    possessives and the labels of a question-and-answer form, read a pasted chat turn by turn
    (`_speaker_turns`), read "not able to" as "can't", and spell out a sense lost by ellipsis
    ("could feel it on my legs but not on my bottom")."""
    plain = text
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text.translate(_CHECK_MARKS))
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = plain.translate(_APOSTROPHES).lower().replace("&", " and ")
    if "none" in lowered or "nil" in lowered:  # a checklist's "Hearing - none" is a loss
        lowered = _FUNCTION_NONE.sub(r"\1 lost", lowered)
    if ":" in lowered:
        lowered = _QA_LABEL.sub(" ", lowered)
        if "\n" in lowered:
            lowered = _speaker_turns(lowered)
    if " -" in lowered:  # a spaced dash parts clauses ("weaker - she used to walk"), a hyphen not
        lowered = _SPACED_DASH.sub(" , ", lowered)
    if " /" in lowered:
        lowered = _SPACED_SLASH.sub(" . ", lowered)
    if "able to" in lowered:
        lowered = _NOT_ABLE.sub("cant", lowered)
    if "but " in lowered:
        lowered = _SENSE_BUT_NOT.sub(r"\1\2 \3\4but cant \3", lowered)
        lowered = _SENSE_BUT_NOTHING.sub(r"\1\2 \3\4but \5 cant \3", lowered)
    if "'" not in lowered:
        return lowered
    lowered = _HAS.sub(r" has \1", _HAD.sub(r"\1 had", lowered))
    return _POSSESSIVE.sub("", lowered).replace("'", "")


def _speaker_turns(text: str) -> str:
    """A pasted chat ("Me: how's your head?\nHim: still bad, my head hit in seconds"): the
    writer's own turns lose their label (their questions are not their body), and someone else's
    turns are told of them: each sentence opens with the speaker's label and their "I" and "my"
    read as "he" and "his" (or "she" and "her"): "him: still bad, his head hit in seconds"."""
    lines = text.split("\n")
    turns = [_CHAT_TURN.match(line) for line in lines]
    if sum(turn is not None for turn in turns) < _CHAT_TURNS:
        return text
    for n, turn in enumerate(turns):
        if turn is None:
            continue
        label = turn.group(1)
        if label in _WRITER_LABELS:
            lines[n] = lines[n][turn.end() :]
        elif label in _CHAT_SPEAKERS:
            to_third = _as_she if label in _FEMALE_SPEAKERS else _as_he
            told = _FIRST_PERSON_WORD.sub(to_third, lines[n][turn.end() :])
            lines[n] = f"{label}: " + _TURN_SENTENCE.sub(rf"\1 {label} ", told)
    return "\n".join(lines)


def _as_he(word: re.Match[str]) -> str:
    return _HE[word.group(1)]


def _as_she(word: re.Match[str]) -> str:
    return _SHE[word.group(1)]


def stem(word: str) -> str:
    """A deliberately tiny stemmer, the same on both sides of every look-up.

    Plurals ("temples", "injuries", "calves"), and -ing / -ed on longer words with a doubled final
    consonant undone ("chewing" == "chew", "stressed" == "stress", "jogging" == "jog").
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("lves"):
        return word[:-3] + "f"  # calves, halves
    if len(word) > 3 and word.endswith("s") and not word.endswith(_NO_PLURAL_ENDINGS):
        return word[:-1]
    for suffix in ("ing", "ed"):
        if len(word) > 5 and word.endswith(suffix):
            base = word[: -len(suffix)]
            if len(base) >= 3 and any(vowel in base for vowel in "aeiouy"):
                return _undouble(base)
    return word


def _undouble(base: str) -> str:
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz" + "aeiou":
        return base[:-1]
    return base


class WordTokens:
    """The tokens of the words the dataset and the lexicon use, made once.

    Fixed when the index is built, so nothing in it depends on a request: `tokenize` reuses
    these tokens, and makes any other word's token afresh without keeping it (a request's words
    are health data)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._keys = {word: stem(word) for word in words}
        # (word, clause) -> token for the first _MEMO_CLAUSES clauses, which hold nearly every
        # word a person writes
        self._tokens = {
            (word, clause): Token(word, key, clause)
            for word, key in self._keys.items()
            for clause in range(_MEMO_CLAUSES)
        }

    def __contains__(self, word: object) -> bool:
        return word in self._keys

    def token(self, word: str, clause: int) -> Token:
        found = self._tokens.get((word, clause))
        if found is not None:
            return found
        key = self._keys.get(word)
        return Token(word, stem(word) if key is None else key, clause)


_NO_WORD_TOKENS: Final = WordTokens(())


class Words:
    """A text's tokens, the clause numbers that begin a new sentence (after ".", ";", "!", "?"
    or a new line, or at a clause-breaking word: "but"), and those of the clauses that end with
    a question mark. (A plain class, which mypyc compiles to a native one.)"""

    def __init__(
        self,
        tokens: list[Token],
        sentence_starts: frozenset[int],
        questions: frozenset[int] = frozenset(),
    ) -> None:
        self.tokens = tokens
        self.sentence_starts = sentence_starts
        self.questions = questions


_SENTENCE_END = re.compile(r"[.;!?\n]")
# a turn of a pasted chat: "him: ...", "mum: ..." at the start of a line
_CHAT_TURN: Final = re.compile(r"\s*([a-z]+)\s*:\s")
_CHAT_TURNS: Final = 2
_CHAT_SPEAKERS: Final = OTHER_PEOPLE | {"him", "her", "he", "she"}
_WRITER_LABELS: Final = frozenset({"me", "i"})
_FEMALE_SPEAKERS: Final = frozenset(
    {"her", "she", "mum", "mom", "mother", "wife", "daughter", "sister", "sis", "gran", "granny"}
    | {"grandma", "nan", "nana", "aunt", "auntie", "girlfriend", "niece", "missus"}
)
_HE: Final = {"i": "he", "i'm": "he's", "i've": "he's", "i'd": "he'd", "im": "hes", "ive": "hes"}
_HE.update({"my": "his", "me": "him", "mine": "his", "myself": "himself"})
_SHE: Final = {"i": "she", "i'm": "she's", "i've": "she's", "i'd": "she'd", "im": "shes"}
_SHE.update({"ive": "shes", "my": "her", "me": "her", "mine": "hers", "myself": "herself"})
_FIRST_PERSON_WORD: Final = re.compile(r"\b(i'm|i've|i'd|im|ive|i|my|me|mine|myself)\b")
_TURN_SENTENCE: Final = re.compile(r"([.!?]+)\s+(?=\S)")


# Words read as the standard word they stand for in any symptom report, and never meant otherwise
# there: voice typing writing a word by its sound ("back pane"), Scots spellings ("I cannae
# hear oot my left ear", "an awfy pain in his baw") and spellings by sound ("cant feal my arm").
_SPOKEN_FORMS: Final = {
    "pane": "pain",
    "panes": "pains",
    "cannae": "cant",
    "canna": "cant",
    "dinnae": "dont",
    "didnae": "didnt",
    "doesnae": "doesnt",
    "isnae": "isnt",
    "wasnae": "wasnt",
    "wouldnae": "wouldnt",
    "couldnae": "couldnt",
    "havenae": "havent",
    "hasnae": "hasnt",
    "nae": "no",
    "oot": "out",
    "masel": "myself",
    "hissel": "himself",
    "awfy": "awful",
    "heid": "head",
    "heids": "heads",
    "sair": "sore",
    "hoose": "house",
    "baw": "ball",
    "baws": "balls",
    "greetin": "crying",
    "airm": "arm",
    "airms": "arms",
    "gub": "mouth",
    "thrapple": "throat",
    "swelt": "swollen",
    "boakin": "vomiting",
    "boking": "vomiting",
    "aff": "off",
    "roon": "round",
    # Jamaican patois
    "cyaan": "cant",
    "mout": "mouth",
    "han": "hand",
    "mudda": "mother",
    "fadda": "father",
    # South African English: grandmother, grandfather
    "ouma": "grandma",
    "oupa": "grandpa",
    # spelt by sound, too far from the word for the speller
    "feal": "feel",
    "fevr": "fever",
    "feaver": "fever",
    "fevar": "fever",
    "numm": "numb",
    "throte": "throat",
    "froat": "throat",
    "eer": "ear",
    "eers": "ears",
    "nite": "night",
    "overnite": "overnight",
    "tonite": "tonight",
    "befor": "before",
    "freind": "friend",
    "proply": "properly",
    "minits": "minutes",
    "scaired": "scared",
    "sweling": "swelling",
    "swolen": "swollen",
    "stumick": "stomach",
    "testikle": "testicle",
    "tung": "tongue",
    "sholder": "shoulder",
    "brethless": "breathless",
    "vomitting": "vomiting",
    "diziness": "dizziness",
    "ake": "ache",
    "akes": "aches",
}


def split_words(text: str, known: WordTokens = _NO_WORD_TOKENS) -> Words:
    """Split text into tokens with clause numbers (`known` saves work on familiar words)."""
    tokens: list[Token] = []
    starts: set[int] = set()
    questions: set[int] = set()
    clause = 0
    token = known.token
    for piece in _PIECE.finditer(normalize(text)):
        word = piece.group(1)
        if not word or word == _CLAUSE_MARK or word in CLAUSE_BREAKERS:
            if not word and "?" in piece.group():
                questions.add(clause)
            clause += 1
            if word or _SENTENCE_END.search(piece.group()):
                starts.add(clause)
        else:
            word = _SPOKEN_FORMS.get(word, word)
            # a dropped g ("floppin", "mornin") when only the -ing word is a known one
            if word.endswith("in") and word not in known and word + "g" in known:
                word += "g"
            tokens.append(token(word, clause))
    return Words(tokens, frozenset(starts), frozenset(questions))


def tokenize(text: str, known: WordTokens = _NO_WORD_TOKENS) -> list[Token]:
    """Split text into tokens with clause numbers (`known` saves work on familiar words)."""
    return split_words(text, known).tokens


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lookup key of a phrase: its token keys without determiners."""
    return tuple(token.key for token in tokenize(phrase) if token.raw not in DETERMINERS)


def surface_words(phrase: str) -> tuple[str, ...]:
    """The normalised words of a phrase, determiners included."""
    return tuple(token.raw for token in tokenize(phrase))


def display(phrase: str) -> str:
    """A normalised, single-spaced rendering of a phrase for messages."""
    return " ".join(_NON_WORD.sub(" ", normalize(phrase)).split())
