"""A small hand-made dataset for the matcher tests.

Shaped like the real one (same id style, hierarchy, zone weights) but small enough to reason
about: every expectation in the tests can be checked by reading this file.
"""

from __future__ import annotations

from app.matching.records import (
    ConceptKind,
    DatasetRecords,
    RedFlagRecord,
    ReferralSide,
    RegionRecord,
    RuleRecord,
    ScreeningQuestionRecord,
    TermRecord,
    TriageConceptRecord,
    TriageLevel,
    TriggerPointRecord,
    VocabularyRecord,
    ZoneRecord,
)


def _region(
    rid: str, name: str, parent: str | None = None, *synonyms: str, lateral: bool = True
) -> RegionRecord:
    return RegionRecord(rid, name, parent, lateral, tuple(synonyms))


REGIONS = (
    _region("head", "Head", None, "skull", lateral=False),
    _region("forehead", "Forehead", "head", "brow"),
    _region("temple", "Temple", "head", "temples", "side of the forehead"),
    _region("eye", "Eye", "head", "eyes"),
    _region("behind-eye", "Behind the eye", "eye", "behind my eye", "retro-orbital"),
    _region("occiput", "Back of the head", "head", "back of my head", "occipital region"),
    _region("vertex", "Top of the head", "head", "crown", lateral=False),
    _region("tmj", "Jaw joint (TMJ)", "head", "TMJ", "jaw joint", "temporomandibular joint"),
    _region("neck", "Neck", None, lateral=False),
    _region("back-of-neck", "Back of the neck", "neck", "nape"),
    _region("chest", "Chest", None, "chest wall", lateral=False),
    _region("side-of-chest", "Side of the chest", "chest", "ribs"),
    _region("low-back", "Low back", None, "lower back", "lumbar region", lateral=False),
    _region("upper-limb", "Arm", None, "arms", "upper limb", lateral=False),
    _region("shoulder", "Shoulder", "upper-limb", "shoulders"),
    _region("upper-arm", "Upper arm", "upper-limb"),
    _region("back-of-upper-arm", "Back of the upper arm", "upper-arm", "triceps area"),
    _region("elbow", "Elbow", "upper-limb"),
    _region("outer-elbow", "Outer elbow", "elbow", "lateral epicondyle", "tennis elbow area"),
    _region("back-of-elbow", "Back of the elbow", "elbow", "olecranon"),
    _region("forearm", "Forearm", "upper-limb"),
    _region("back-of-forearm", "Back of the forearm", "forearm"),
    _region("wrist", "Wrist", "upper-limb"),
    _region("hand", "Hand", "upper-limb", "hands"),
    _region("pelvis", "Pelvis", None, lateral=False),
    _region("buttock", "Buttock", "pelvis", "buttocks", "glutes"),
    _region("lower-limb", "Leg", None, "legs", "whole leg", lateral=False),
    _region("hip", "Hip", "lower-limb", "hips"),
    _region("thigh", "Thigh", "lower-limb", "thighs"),
    _region("back-of-thigh", "Back of the thigh", "thigh", "hamstring area"),
    _region("knee", "Knee", "lower-limb", "knees"),
    _region("back-of-knee", "Back of the knee", "knee", "behind the knee"),
    _region("leg", "Lower leg", "lower-limb"),
    _region("shin", "Shin", "leg", "front of the lower leg"),
    _region("calf", "Calf", "leg", "calves", "back of the lower leg"),
    _region("ankle", "Ankle", "lower-limb", "ankles"),
    _region("achilles", "Achilles tendon", "ankle", "back of the ankle"),
    _region("foot", "Foot", "lower-limb", "feet"),
    _region("heel", "Heel", "foot", "heels"),
)


def _tp(
    tp_id: str,
    muscle: tuple[str, str],
    essential: dict[str, float],
    spillover: dict[str, float] | None = None,
    *,
    side: ReferralSide = "ipsilateral",
    symptoms: tuple[str, ...] = (),
    factors: tuple[str, ...] = (),
    conditions: tuple[str, ...] = (),
) -> TriggerPointRecord:
    zones = [ZoneRecord(r, "essential", w) for r, w in essential.items()]
    zones += [ZoneRecord(r, "spillover", w) for r, w in (spillover or {}).items()]
    label = tp_id.removeprefix(muscle[0] + "-").replace("-", " ").capitalize()
    return TriggerPointRecord(
        id=tp_id,
        name=f"{muscle[1]}: {label}",
        label=label,
        muscle_id=muscle[0],
        muscle_name=muscle[1],
        referral_side=side,
        zones=tuple(zones),
        symptoms=symptoms,
        factors=factors,
        conditions=conditions,
    )


TEMPORALIS = ("temporalis", "Temporalis")
SCM = ("sternocleidomastoid", "Sternocleidomastoid")
TRAPEZIUS = ("trapezius", "Trapezius")

TRIGGER_POINTS = (
    _tp(
        "temporalis-anterior",
        TEMPORALIS,
        {"temple": 1.0},
        {"forehead": 0.5},
        symptoms=("tooth-sensitivity",),
        factors=("bruxism", "stress"),
        conditions=("tension-type-headache",),
    ),
    _tp(
        "sternocleidomastoid-sternal",
        SCM,
        {"behind-eye": 1.0, "vertex": 0.8},
        {"occiput": 0.5},
        symptoms=("dizziness",),
        conditions=("tension-type-headache",),
    ),
    _tp(
        "sternocleidomastoid-clavicular",
        SCM,
        {"forehead": 1.0},
        {"behind-eye": 0.3},
        symptoms=("dizziness",),
    ),
    _tp(
        "trapezius-upper",
        TRAPEZIUS,
        {"back-of-neck": 1.0, "temple": 1.0},
        {"tmj": 0.3},
        factors=("stress", "poor-posture"),
        conditions=("tension-type-headache", "neck-pain"),
    ),
    _tp(
        "trapezius-lower",
        TRAPEZIUS,
        {"back-of-neck": 0.8},
        {"shoulder": 0.5},
        factors=("poor-posture",),
    ),
    _tp(
        "suboccipitals-deep",
        ("suboccipitals", "Suboccipitals"),
        {"occiput": 1.0},
        {"behind-eye": 0.5},
        conditions=("tension-type-headache",),
    ),
    _tp("occipitofrontalis-frontal", ("occipitofrontalis", "Occipitofrontalis"), {"forehead": 1.0}),
    _tp(
        "masseter-deep",
        ("masseter", "Masseter"),
        {"tmj": 1.0},
        {"temple": 0.3},
        symptoms=("tinnitus",),
        factors=("bruxism", "chewing"),
        conditions=("tmj-disorder",),
    ),
    _tp(
        "lateral-pterygoid-upper",
        ("lateral-pterygoid", "Lateral pterygoid"),
        {"tmj": 1.0},
        factors=("chewing",),
        conditions=("tmj-disorder",),
    ),
    _tp(
        "supinator-ventral",
        ("supinator", "Supinator"),
        {"outer-elbow": 1.0},
        {"hand": 0.5},
        conditions=("tennis-elbow",),
    ),
    _tp(
        "extensor-carpi-radialis-longus-proximal",
        ("extensor-carpi-radialis-longus", "Extensor carpi radialis longus"),
        {"outer-elbow": 1.0, "hand": 0.8},
        symptoms=("grip-weakness",),
        conditions=("tennis-elbow",),
    ),
    _tp(
        "triceps-brachii-lateral",
        ("triceps-brachii", "Triceps brachii"),
        {"back-of-upper-arm": 1.0},
        {"outer-elbow": 0.5, "back-of-forearm": 0.3},
    ),
    _tp(
        "gluteus-minimus-posterior",
        ("gluteus-minimus", "Gluteus minimus"),
        {"buttock": 1.0, "back-of-thigh": 1.0, "calf": 0.8},
        symptoms=("numbness",),
        conditions=("sciatica",),
    ),
    _tp(
        "piriformis-lateral",
        ("piriformis", "Piriformis"),
        {"buttock": 1.0},
        {"back-of-thigh": 0.5},
        symptoms=("numbness", "tingling"),
        factors=("prolonged-sitting",),
        conditions=("sciatica", "piriformis-syndrome"),
    ),
    _tp(
        "biceps-femoris-lower",
        ("biceps-femoris", "Biceps femoris"),
        {"back-of-knee": 1.0},
        {"back-of-thigh": 0.5},
    ),
    _tp(
        "soleus-distal",
        ("soleus", "Soleus"),
        {"heel": 1.0},
        {"achilles": 0.5},
        factors=("running",),
        conditions=("plantar-fasciitis",),
    ),
    _tp(
        "rectus-abdominis-lower",
        ("rectus-abdominis", "Rectus abdominis"),
        {"low-back": 1.0},
        side="bilateral",
    ),
    _tp(
        "external-oblique-upper",
        ("external-oblique", "External oblique"),
        {"side-of-chest": 1.0},
        side="contralateral",
    ),
    _tp("deltoid-anterior", ("deltoid", "Deltoid"), {"shoulder": 1.0}),
)


def _term(term_id: str, name: str, *synonyms: str) -> TermRecord:
    return TermRecord(term_id, name, tuple(synonyms))


SYMPTOMS = (
    _term("tingling", "Tingling", "pins and needles", "prickling"),
    _term("numbness", "Numbness", "numb", "loss of feeling"),
    _term("dizziness", "Dizziness", "dizzy", "light-headed"),
    _term("tinnitus", "Ringing in the ear", "tinnitus", "ringing ears"),
    _term("tooth-sensitivity", "Tooth sensitivity", "sensitive teeth"),
    _term("grip-weakness", "Weak grip", "weak grip", "dropping things"),
    _term("restricted-motion", "Restricted movement", "can't turn", "limited range of motion"),
)

FACTORS = (
    _term("stress", "Stress and anxiety", "stress", "stressed", "anxiety"),
    _term("poor-posture", "Poor posture", "posture", "slouching"),
    _term("bruxism", "Teeth clenching or grinding", "clenching", "grinding my teeth"),
    _term("chewing", "Prolonged or hard chewing", "chewing", "chewing gum"),
    _term("prolonged-sitting", "Prolonged sitting", "sitting all day", "desk job"),
    _term("running", "Running and jumping", "running", "jogging"),
    _term("heavy-lifting", "Heavy lifting", "lifting", "lifting heavy"),
)

CONDITIONS = (
    _term("tension-type-headache", "Tension-type headache", "tension headache"),
    _term("tmj-disorder", "TMJ disorder", "TMD", "jaw joint disorder"),
    _term("tennis-elbow", "Tennis elbow", "lateral epicondylitis"),
    _term("sciatica", "Sciatica", "sciatic pain"),
    _term("piriformis-syndrome", "Piriformis syndrome"),
    _term("plantar-fasciitis", "Plantar fasciitis", "heel spur"),
    _term("neck-pain", "Neck pain", "sore neck"),
)

VOCABULARY = (
    VocabularyRecord(
        "headache",
        regions=("temple", "forehead", "occiput", "vertex", "behind-eye"),
        conditions=("tension-type-headache",),
    ),
    VocabularyRecord("back pain", regions=("low-back",)),
    VocabularyRecord("tmj pain", regions=("tmj",), conditions=("tmj-disorder",)),
    VocabularyRecord("shooting down the leg", regions=("back-of-thigh", "calf")),
)


def _concept(cid: str, kind: ConceptKind, label: str, **ways: object) -> TriageConceptRecord:
    return TriageConceptRecord(cid, kind, label, **ways)  # type: ignore[arg-type]


TRIAGE_CONCEPTS = (
    _concept(
        "head-pain",
        "site",
        "headache",
        regions=("temple", "forehead", "occiput"),
        phrases=("headache", "head pain"),
    ),
    _concept(
        "back-pain",
        "site",
        "back pain",
        regions=("low-back",),
        conditions=("sciatica",),
        phrases=("back", "back pain"),
    ),
    _concept("chest", "site", "the chest", regions=("chest",)),
    _concept("arm", "site", "an arm", regions=("upper-arm", "forearm"), phrases=("arm", "arms")),
    _concept("calf", "site", "the calf", regions=("calf",)),
    _concept(
        "saddle-area", "site", "the saddle area", regions=("buttock",), phrases=("groin", "saddle")
    ),
    _concept(
        "numbness", "symptom", "numbness", symptoms=("numbness",), phrases=("numb", "cant feel")
    ),
    _concept("swelling", "symptom", "swelling", phrases=("swollen", "swelling")),
    _concept(
        "bladder-dysfunction",
        "function",
        "bladder trouble",
        phrases=("cant control my bladder", "wet myself"),
    ),
    _concept("bladder-mention", "function", "a bladder word", phrases=("bladder", "pee")),
    _concept(
        "explosive",
        "quality",
        "explosive pain",
        phrases=("thunderclap", "worst headache of my life"),
    ),
    _concept("crushing", "quality", "crushing pain", phrases=("crushing",)),
    _concept("sudden-onset", "onset", "sudden onset", phrases=("sudden", "suddenly")),
    _concept("new-headache", "onset", "a new headache", phrases=("new headache",)),
    _concept(
        "jaw-claudication", "symptom", "jaw pain on chewing", phrases=("jaw pain when chewing",)
    ),
    _concept("fever", "systemic", "fever", phrases=("fever", "high temperature")),
    _concept("stiff-neck", "symptom", "a stiff neck", phrases=("stiff neck", "neck stiffness")),
    _concept("sweating", "systemic", "sweating", phrases=("sweating", "sweaty")),
    _concept("weight-loss", "systemic", "weight loss", phrases=("weight loss", "losing weight")),
    _concept("aged-50-or-over", "context", "aged 50 or over", min_age=50),
    _concept("cancer-history", "context", "cancer", phrases=("cancer",), history=True),
    _concept("stroke-named", "diagnosis", "a stroke", phrases=("stroke",)),
    _concept(
        "saddle-numbness",
        "finding",
        "numbness in the saddle area",
        near=("numbness", "saddle-area"),
    ),
    _concept("calf-swelling", "finding", "a swollen calf", near=("swelling", "calf")),
)


def _flag(fid: str, level: TriageLevel, title: str, *rules: RuleRecord) -> RedFlagRecord:
    return RedFlagRecord(fid, level, title, f"{title}: get help.", rules, ("nice-cg150",))


def _rule(*groups: str | tuple[str, ...], level: TriageLevel | None = None) -> RuleRecord:
    return RuleRecord(tuple((g,) if isinstance(g, str) else g for g in groups), (), level)


RED_FLAGS = (
    _flag(
        "thunderclap-headache",
        "emergency",
        "Sudden, severe headache",
        _rule("head-pain", "sudden-onset"),
        _rule("explosive"),
    ),
    _flag("meningitis-signs", "emergency", "Fever with a stiff neck", _rule("fever", "stiff-neck")),
    _flag(
        "cardiac-chest-pain",
        "emergency",
        "Chest pain that may be your heart",
        _rule("chest", "crushing"),
        _rule(("chest", "arm"), "sweating"),
    ),
    _flag(
        "cauda-equina",
        "emergency",
        "Possible cauda equina syndrome",
        _rule("saddle-numbness"),
        _rule("back-pain", "bladder-dysfunction"),
        _rule("back-pain", "bladder-mention", level="see_clinician"),
    ),
    _flag(
        "giant-cell-arteritis",
        "urgent",
        "New headache over 50",
        _rule("aged-50-or-over", "head-pain", ("new-headache", "jaw-claudication")),
    ),
    _flag("calf-swelling", "urgent", "A swollen calf", _rule("calf-swelling")),
    _flag("weight-loss", "see_clinician", "Unexplained weight loss", _rule("weight-loss")),
    _flag("stroke-named", "emergency", "A stroke", _rule("stroke-named")),
    _flag(
        "cancer-back-pain", "urgent", "Back pain with cancer", _rule("cancer-history", "back-pain")
    ),
)

SCREENING_QUESTIONS = (
    ScreeningQuestionRecord(
        "screen-saddle-numbness",
        "Any numbness between your legs?",
        "cauda-equina",
        (("back-pain",), ("saddle-area", "numbness")),
        ("saddle-numbness",),
    ),
    ScreeningQuestionRecord(
        "screen-bladder",
        "Any new trouble passing urine?",
        "cauda-equina",
        (("back-pain",),),
        ("bladder-dysfunction",),
    ),
    ScreeningQuestionRecord(
        "screen-headache-sudden",
        "Did it reach full strength within a minute?",
        "thunderclap-headache",
        (("head-pain",),),
        ("explosive",),
    ),
)


def small_dataset(version: str = "test-1") -> DatasetRecords:
    return DatasetRecords(
        version=version,
        regions=REGIONS,
        trigger_points=TRIGGER_POINTS,
        symptoms=SYMPTOMS,
        factors=FACTORS,
        conditions=CONDITIONS,
        vocabulary=VOCABULARY,
        red_flags=RED_FLAGS,
        triage_concepts=TRIAGE_CONCEPTS,
        screening_questions=SCREENING_QUESTIONS,
    )
