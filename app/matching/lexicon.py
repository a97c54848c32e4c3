"""Closed word lists the text parser relies on.

These are grammar, not medicine: which words are filler, which negate, which name a side,
which announce that pain spreads. Keeping them in one place makes the parser's behaviour easy to
review and to extend. Every entry is written in *normalised* form (lowercase, no apostrophes: the
normaliser turns "don't" into "dont"), before stemming.
"""

from __future__ import annotations

from typing import Final, Literal

Side = Literal["left", "right", "both"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Left out of phrase keys and stepped over inside phrases: "back of my head" == "back of the head".
DETERMINERS: Final = _words("the a an my your his her their our")

# Words that end a clause: negation and laterality never reach across them.
CLAUSE_BREAKERS: Final = _words("but however although though whereas except otherwise")

# Words that negate what follows in their clause ("no numbness", "denies fever").
NEGATION_CUES: Final = _words(
    """
    no not without denies deny denied denying never none nor nothing neither absent dont neg nil
    doesnt didnt isnt arent wasnt werent havent hasnt hadnt
    """
)
# A negation that ends its clause answers what came before it, as on a checklist: "chest pain?
# no", "fever: none", "numbness - denies".
ANSWER_CUES: Final = _words("no none nope nah nil negative neg denies denied never n x")
# Two-word negation cues, matched on consecutive tokens.
NEGATION_BIGRAMS: Final = frozenset({("negative", "for"), ("free", "of"), ("nowhere", "near")})

# Words that negate what comes *before* them ("bladder normal", "bowels are fine").
POST_NEGATION_CUES: Final = _words(
    "normal fine ok okay unaffected unremarkable intact alright comfortable"
)

# After a negated item, "and" followed by one of these starts a new positive statement:
# "no numbness and my neck hurts" -> "my neck" is reported, not denied.
POSITIVE_RESTARTERS: Final = _words(
    "i im ive it its my there have has feel feels get gets pain ache aching hurts hurt also then "
    "now he she hes shes his her they we says said"
)

# Pain words stop a post-negation cue walking back ("back pain and bladder normal" keeps
# the back pain).
PAIN_WORDS: Final = _words(
    "pain pains painful ache aches aching achy hurt hurts hurting sore soreness discomfort headache"
)

SIDE_WORDS: Final[dict[str, Side]] = {
    "left": "left",
    "right": "right",
    "both": "both",
    "bilateral": "both",
    "bilaterally": "both",
    # Side words are too short and too important to leave to the speller: the usual slips of
    # a phone keyboard, spelled out.
    "rigth": "right",
    "rihgt": "right",
    "rght": "right",
    "lfet": "left",
    "letf": "left",
}
# "each side", "either side", "both sides": the first word only names a side before "side".
SIDE_BEFORE_SIDE: Final[dict[str, Side]] = {"each": "both", "either": "both"}
# Plurals that name a part of both sides: "headache at my temples", "my knees ache" mean both
# sides when no side word says otherwise. Parts that come several to a side (fingers, toes,
# ribs) and muscle names ("biceps", "hamstrings") are not here: their plural says nothing of sides.
BOTH_SIDES_PLURALS: Final = _words(
    """
    temples eyes ears cheeks eyebrows shoulders armpits arms elbows forearms wrists hands palms
    thumbs hips buttocks thighs knees kneecaps legs shins calves ankles heels feet soles
    collarbones balls
    """
)
# A stated age: "I'm 65", "aged 65" (AGE_CUES before the number), "65 years old" (YEAR_WORDS
# after it); not when a unit follows the number ("I'm 65 kg", "I'm 6 weeks pregnant").
AGE_CUES: Final = _words("im aged age")
# Someone other than the writer: "my mum", "grandad", "my friend" (whose words triage sets
# aside when they tell that person's story, and whose stated age is used when no other is).
OTHER_PEOPLE: Final = _words(
    """
    mum mom mother mam mummy mommy dad father daddy papa brother sister sibling siblings
    grandma gran granny nan nana nanna grandmother grandad granddad grandpa grandfather
    grandparent grandparents parent parents uncle aunt auntie cousin friend friends mate
    son daughter husband wife partner boyfriend girlfriend fiance fiancee neighbour neighbor
    colleague coworker boss family relative relatives he she hes shes someone somebody
    toddler child children kid kids baby neighbours neighbors woman man lady guy bloke girl boy
    lad lass grandson granddaughter grandkids grandchildren nephew niece stepson stepdaughter
    teenager infant mrs mr ms miss resident patient pt client customer student da mam ma pa
    pops missus hubby mates character actor actress presenter flatmate housemate roommate
    teammate player opponent clubmate lads lasses boys girls pupils players students
    """
)
# "my dad is 80", "he's 72": these words before "is" or the number name someone's age.
AGE_IS_CUES: Final = _words("is he she hes shes who")
YEAR_WORDS: Final = _words("year years yr yrs")
NOT_YEARS_AFTER_AGE: Final = _words(
    """
    kg kgs kilos lb lbs pounds stone cm km miles percent times
    minute minutes hour hours day days week weeks month months
    """
)
# "right" is not a side in "right now", "right after", "all right".
RIGHT_NOT_SIDE_AFTER: Final = _words("now away after before there here then when as")

# Verbs whose object is a body part being moved, not a place that hurts: "neck pain when I turn my
# head", "shoulder pain lifting my arm".
MOVEMENT_VERBS: Final = _words(
    """
    turn turns turning turned move moves moving moved lift lifts lifting lifted raise raises
    raising raised bend bends bending bent tilt tilts tilting rotate rotates rotating rotated
    twist twists twisting twisted straighten straightens straightening straightened
    """
)

# Words that announce spread between two places: "from my hip down to my knee".
SPREAD_CUES: Final = _words(
    """
    down into to through toward towards radiating radiates radiate radiated spreading
    spreads spread shooting shoots shoot travels travelling traveling goes going extends
    extending runs running up
    """
)

# Facet phrases that narrow a region to one of its faces: "back of my leg", "outer thigh".
FACET_PHRASES: Final[dict[tuple[str, ...], str]] = {
    ("back", "of"): "back",
    ("rear", "of"): "back",
    ("posterior",): "back",
    ("front", "of"): "front",
    ("anterior",): "front",
    ("outside", "of"): "outer",
    ("outer",): "outer",
    ("outer", "side", "of"): "outer",
    ("side", "of"): "outer",
    ("lateral",): "outer",
    ("inside", "of"): "inner",
    ("inner",): "inner",
    ("inner", "side", "of"): "inner",
    ("medial",): "inner",
    ("inner", "edge", "of"): "inner",
    ("inside", "edge", "of"): "inner",
    ("inner", "border", "of"): "inner",
    ("outer", "edge", "of"): "outer",
    ("outside", "edge", "of"): "outer",
    ("outer", "border", "of"): "outer",
}

# Content-free words: never reported as unrecognised and never spell-corrected.
STOPWORDS: Final = _words(
    """
    a about above ache aches aching achy across acute after again ago all along also always
    am an and another any anything are area areas around as at awful bad badly be because
    been before began begin begins behind being below best better between bilateral
    bilaterally bit both by came can cant chronic come comes condition constant constantly
    could couldnt daily day days did discomfort do doc doctor does doing down dull during
    each eight either entire especially even evening evenings every everything extremely
    feel feeling feels felt first five for four frequent frequently from general get gets
    getting go goes going gone good got great had has have having he hello help her here hi
    him his horrible hour hours how hurt hurting hurts i id if ill im in inside intense
    intermittent into is issue issues it its ive just keep keeps kind knew know last lasting
    lately left lie like liked likes little lot lots lying made mainly make makes many may
    me might mild mine minute minutes moderate month months more morning mornings most
    mostly move moved moves moving much must my near never new next night nights nine
    nothing now occasional occasionally of off often ok okay old on one only onto or other
    our out outside over pain painful pains part particularly parts persistent place please
    pounding pretty problem problems quite radiating rather really recent recently region
    right second seem seemed seems sensitive seven severe shall sharp she shooting should
    shouldnt side sided sides since sit sitting six sleep sleeping slightly so some
    something sometimes somewhat sore soreness sort spot spots spreading stabbing stand
    standing start started starting starts still stop stopped stops symptom symptoms ten
    tender terrible than thank thanks that the their them then there these they thing things
    think third this those thought three throbbing through till time times to today tonight
    too toward towards trouble turn turning two type under until up us use used using
    usually very wake wakes waking walk walking want was way ways we week weeks well went
    were what when where which while who whole whom whose why will with woke wont worse
    worst would wouldnt yeah year years yes yesterday you your yours
    """
)
# A chart's position words that place the pain within a part without naming a narrower region
# ("proximal forearm" is the forearm): understood, and read as the part.
POSITION_WORDS: Final = _words("proximal distal superior inferior aspect")

# Words phrase matching may step over inside a phrase ("behind my left eye").
SKIPPABLE_IN_PHRASE: Final = DETERMINERS | frozenset(SIDE_WORDS)
# Words that only strengthen or colour what they stand in ("can't *really* open my mouth", "my
# head *suddenly* started paining"); triage phrases step over them too.
INTENSIFIERS: Final = _words(
    "really literally properly even quite very v so actually totally completely own way suddenly "
    "just also still constantly badly little slightly somewhat dull constant nagging mild"
)

# Grammar words: never spell-corrected and never reported as unrecognised.
FUNCTION_WORDS: Final = (
    STOPWORDS
    | POSITION_WORDS
    | DETERMINERS
    | NEGATION_CUES
    | POST_NEGATION_CUES
    | frozenset(SIDE_WORDS)
    | frozenset(SIDE_BEFORE_SIDE)
    | SPREAD_CUES
    | CLAUSE_BREAKERS
    | frozenset(word for phrase in FACET_PHRASES for word in phrase)
    | frozenset(word for bigram in NEGATION_BIGRAMS for word in bigram)
    | AGE_CUES
    | YEAR_WORDS
    | _words("old yo y o")  # "65 years old", "65 yo", "65 y/o"
    | _words("hes shes")  # "he's", "she's" (see `normalize`)
)


def is_content_word(word: str) -> bool:
    """Neither a grammar word nor a number: a word worth correcting or reporting."""
    return word not in FUNCTION_WORDS and not word.isdigit()
