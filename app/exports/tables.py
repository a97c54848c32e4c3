"""The export's tables: names, columns (in their fixed order), types, descriptions and keys.

One row is one fact. These specs are the single description of the export: the writers take
their column order from here, the data package describes every table from here, and a test
checks that each row a query yields has exactly these columns, so a column cannot be added
without being described.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

FieldType = Literal["string", "integer", "number", "boolean"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: FieldType
    description: str
    required: bool = True
    enum: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    table_columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _id(what: str) -> Column:
    return Column("id", "string", f"Public id (slug) of the {what}.")


def _ref(name: str, table: str, description: str, *, required: bool = True) -> Column:
    return Column(name, "string", f"{description} (`{table}.id`).", required=required)


def _fk(column: str, table: str) -> ForeignKey:
    return ForeignKey((column,), table, ("id",))


_ZONE_KINDS = ("essential", "spillover")
_SIDES = ("ipsilateral", "contralateral", "bilateral", "midline")
_EVIDENCE = ("manual", "study", "secondary")
_LEVELS = ("emergency", "urgent", "see_clinician", "self_care")
_TERM_KINDS = ("region", "muscle", "symptom", "factor", "condition")

SOURCES: Final = Table(
    "sources",
    "Sources",
    "Every published source the data cites; other tables name a row here in `source_id`.",
    (
        _id("source"),
        Column(
            "kind",
            "string",
            "What the source is (trigger-point manual, study, textbook, web page...).",
        ),
        Column("authors", "string", "Authors as cited."),
        Column("title", "string", "Title."),
        Column("edition", "string", "Edition, where there is one.", required=False),
        Column("volume", "string", "Volume, where there is one.", required=False),
        Column("publisher", "string", "Publisher.", required=False),
        Column("place", "string", "Place of publication.", required=False),
        Column("year", "integer", "Year of publication.", required=False),
        Column("isbn", "string", "ISBN.", required=False),
        Column("url", "string", "Where to read it.", required=False),
    ),
    ("id",),
)

REGIONS: Final = Table(
    "regions",
    "Body regions",
    "The body regions referral zones are mapped to, as a tree: `parent_id` names the enclosing "
    "region, `depth` counts the steps to a root area.",
    (
        _id("region"),
        Column("name", "string", "Display name."),
        _ref("parent_id", "regions", "The enclosing region; empty for a root", required=False),
        Column("depth", "integer", "Depth in the tree: 0 for a root area."),
        Column(
            "view",
            "string",
            "Which picture of the body shows it best.",
            required=False,
        ),
        Column("lateral", "boolean", "True when the region has a left and a right."),
        Column("snomed_ct", "string", "SNOMED CT concept id, where verified.", required=False),
    ),
    ("id",),
    (_fk("parent_id", "regions"),),
)

MUSCLES: Final = Table(
    "muscles",
    "Muscles",
    "The muscles whose trigger points the dataset describes.",
    (
        _id("muscle"),
        Column("name", "string", "English name."),
        Column("latin", "string", "Latin (Terminologia Anatomica) name."),
        Column("group", "string", "Functional group (masticatory, rotator-cuff...)."),
        _ref("region_id", "regions", "Where the muscle lies"),
        Column("innervation", "string", "Nerve supply."),
        Column("actions", "string", "What the muscle does, in short."),
        _ref(
            "source_id",
            "sources",
            "The muscle's manual citation where it has one, else its first by source id",
        ),
        Column("chapter", "string", "Chapter of that source.", required=False),
    ),
    ("id",),
    (_fk("region_id", "regions"), _fk("source_id", "sources")),
)

TRIGGER_POINTS: Final = Table(
    "trigger-points",
    "Trigger points",
    "One row per trigger point, with what the matcher and a clinician need to know of it.",
    (
        _id("trigger point"),
        _ref("muscle_id", "muscles", "The muscle it lies in"),
        Column("muscle_group", "string", "The muscle's functional group."),
        Column("label", "string", "How the source tells it apart (TrP1, upper fibres...)."),
        Column("location", "string", "Where it lies."),
        Column("landmarks", "string", "How to find it."),
        Column("referral_side", "string", "Side of the body its pain refers to.", enum=_SIDES),
        Column("common", "boolean", "True where the source calls it common."),
        _ref(
            "pattern_from_id",
            "muscles",
            "The muscle whose pattern it is given, when not its own",
            required=False,
        ),
        Column("evidence", "string", "Level of the evidence for its pattern.", enum=_EVIDENCE),
        Column("essential_zones", "integer", "Number of essential referral zones."),
        Column("spillover_zones", "integer", "Number of spillover referral zones."),
        _ref(
            "source_id",
            "sources",
            "Its manual citation where it has one, else its first by source id",
        ),
        Column("chapter", "string", "Chapter of that source.", required=False),
        Column("figure", "string", "Figure in that source.", required=False),
    ),
    ("id",),
    (
        _fk("muscle_id", "muscles"),
        _fk("pattern_from_id", "muscles"),
        _fk("source_id", "sources"),
    ),
)

REFERRAL_ZONES: Final = Table(
    "referral-zones",
    "Referral zones",
    "One row per trigger point and region it refers pain to: the referral patterns, tidy.",
    (
        _ref("trigger_point_id", "trigger-points", "The trigger point"),
        _ref("region_id", "regions", "Where its pain is felt"),
        Column(
            "zone",
            "string",
            "essential: felt by nearly everyone with this trigger point; spillover: by some.",
            enum=_ZONE_KINDS,
        ),
        Column(
            "weight",
            "number",
            "Editorial weight: 1.0 or 0.8 (thinner edge) for essential, 0.5 or 0.3 for "
            "spillover (data/FORMAT.md).",
        ),
        _ref("muscle_id", "muscles", "The trigger point's muscle"),
        Column("muscle_group", "string", "The muscle's functional group."),
        Column("referral_side", "string", "The trigger point's side rule.", enum=_SIDES),
        _ref(
            "pattern_from_id",
            "muscles",
            "The muscle whose pattern it borrows, when not its own",
            required=False,
        ),
        Column("evidence", "string", "Level of the evidence for the pattern.", enum=_EVIDENCE),
        _ref(
            "source_id",
            "sources",
            "The trigger point's manual citation where it has one, else its first by source id",
        ),
        Column("chapter", "string", "Chapter of that source.", required=False),
    ),
    ("trigger_point_id", "region_id"),
    (
        _fk("trigger_point_id", "trigger-points"),
        _fk("region_id", "regions"),
        _fk("muscle_id", "muscles"),
        _fk("pattern_from_id", "muscles"),
        _fk("source_id", "sources"),
    ),
)

TRIGGER_POINT_SOURCES: Final = Table(
    "trigger-point-sources",
    "Trigger point citations",
    "Every citation of every trigger point: the manual's first, where it cites it, then the "
    "others by source id.",
    (
        _ref("trigger_point_id", "trigger-points", "The trigger point"),
        _ref("source_id", "sources", "The source"),
        Column("chapter", "string", "Chapter.", required=False),
        Column("figure", "string", "Figure.", required=False),
    ),
    ("trigger_point_id", "source_id"),
    (_fk("trigger_point_id", "trigger-points"), _fk("source_id", "sources")),
)

CONDITIONS: Final = Table(
    "conditions",
    "Conditions",
    "Conditions trigger points are mistaken for (mimics), and differentials.",
    (
        _id("condition"),
        Column("name", "string", "Display name."),
        Column("snomed_ct", "string", "SNOMED CT concept id, where verified.", required=False),
        Column("description", "string", "What it is and which trigger points imitate it."),
        Column(
            "linked_trigger_points",
            "integer",
            "How many trigger points mimic it (`trigger-point-conditions`).",
        ),
        _ref(
            "source_id",
            "sources",
            "Its manual citation where it has one, else its first by source id",
        ),
        Column("chapter", "string", "Chapter of that source.", required=False),
    ),
    ("id",),
    (_fk("source_id", "sources"),),
)

CONDITION_CODES: Final = Table(
    "condition-codes",
    "Condition codes",
    "The ICD-10-CM codes of each condition, one row per code.",
    (
        _ref("condition_id", "conditions", "The condition"),
        Column("system", "string", "Code system.", enum=("ICD-10-CM",)),
        Column("code", "string", "The code, as the code set writes it."),
    ),
    ("condition_id", "system", "code"),
    (_fk("condition_id", "conditions"),),
)


def _term_table(name: str, title: str, what: str, one: str) -> Table:
    return Table(
        name,
        title,
        f"The {what} a person may report.",
        (_id(one), Column("name", "string", "Display name.")),
        ("id",),
    )


SYMPTOMS: Final = _term_table("symptoms", "Symptoms", "symptoms besides pain", "symptom")
FACTORS: Final = _term_table("factors", "Factors", "activating and perpetuating factors", "factor")


def _link_table(name: str, title: str, table: str, column: str, what: str) -> Table:
    return Table(
        name,
        title,
        f"Which trigger points list which {what}: one row per link.",
        (
            _ref("trigger_point_id", "trigger-points", "The trigger point"),
            _ref(column, table, f"The {column.removesuffix('_id')}"),
        ),
        ("trigger_point_id", column),
        (_fk("trigger_point_id", "trigger-points"), _fk(column, table)),
    )


TRIGGER_POINT_CONDITIONS: Final = _link_table(
    "trigger-point-conditions", "Mimicked conditions", "conditions", "condition_id", "conditions"
)
TRIGGER_POINT_SYMPTOMS: Final = _link_table(
    "trigger-point-symptoms", "Associated symptoms", "symptoms", "symptom_id", "symptoms"
)
TRIGGER_POINT_FACTORS: Final = _link_table(
    "trigger-point-factors", "Perpetuating factors", "factors", "factor_id", "factors"
)

SYNONYMS: Final = Table(
    "synonyms",
    "Synonyms",
    "Other names of regions, muscles, symptoms, factors and conditions: one row per synonym.",
    (
        Column("term_kind", "string", "Which table the term is in.", enum=_TERM_KINDS),
        Column("term_id", "string", "The term's id in that table."),
        Column("synonym", "string", "The other name."),
    ),
    ("term_kind", "term_id", "synonym"),
)

RED_FLAGS: Final = Table(
    "red-flags",
    "Red flags",
    "Symptoms that need a clinician rather than trigger-point care, with the level of urgency.",
    (
        _id("red flag"),
        Column("level", "string", "How urgent.", enum=_LEVELS),
        Column("title", "string", "Short title."),
        Column("message", "string", "What the person is told."),
        Column("rules", "integer", "Number of rules that raise it (`GET /v1/red-flags/{id}`)."),
    ),
    ("id",),
)


def _citation_table(name: str, title: str, owner: str, table: str) -> Table:
    column = f"{owner.replace(' ', '_')}_id"
    return Table(
        name,
        title,
        f"Every citation of every {owner}: the manual's first, where it cites it, then the "
        "others by source id.",
        (
            _ref(column, table, f"The {owner}"),
            _ref("source_id", "sources", "The source"),
            Column("chapter", "string", "Chapter.", required=False),
            Column("figure", "string", "Figure.", required=False),
        ),
        (column, "source_id"),
        (_fk(column, table), _fk("source_id", "sources")),
    )


MUSCLE_SOURCES: Final = _citation_table("muscle-sources", "Muscle citations", "muscle", "muscles")
CONDITION_SOURCES: Final = _citation_table(
    "condition-sources", "Condition citations", "condition", "conditions"
)

ASSOCIATED_MUSCLES: Final = Table(
    "associated-muscles",
    "Associated muscles",
    "Muscles whose trigger points commonly develop together with a trigger point (satellite or "
    "key relations): one row per pair.",
    (
        _ref("trigger_point_id", "trigger-points", "The trigger point"),
        _ref("muscle_id", "muscles", "The associated muscle"),
    ),
    ("trigger_point_id", "muscle_id"),
    (_fk("trigger_point_id", "trigger-points"), _fk("muscle_id", "muscles")),
)

VOCABULARY: Final = Table(
    "vocabulary",
    "Vocabulary",
    "Lay and clinical phrases the symptom reader understands, and what each means: one row per "
    "phrase and term it points to.",
    (
        Column("phrase", "string", "The phrase, as written."),
        Column("term_kind", "string", "Which table the term is in.", enum=_TERM_KINDS),
        Column("term_id", "string", "The term's id in that table."),
    ),
    ("phrase", "term_kind", "term_id"),
)

RED_FLAG_SOURCES: Final = Table(
    "red-flag-sources",
    "Red flag sources",
    "The guidelines each red flag rests on.",
    (
        _ref("red_flag_id", "red-flags", "The red flag"),
        _ref("source_id", "sources", "The guideline"),
    ),
    ("red_flag_id", "source_id"),
    (_fk("red_flag_id", "red-flags"), _fk("source_id", "sources")),
)

SCREENING_QUESTIONS: Final = Table(
    "screening-questions",
    "Screening questions",
    "Questions that rule a red flag in or out, asked when a complaint could hide it.",
    (
        _id("screening question"),
        _ref("red_flag_id", "red-flags", "The red flag a yes points to"),
        Column("position", "integer", "Order in which they are asked."),
        Column("text", "string", "The question, as asked."),
    ),
    ("id",),
    (_fk("red_flag_id", "red-flags"),),
)

REFERRAL_MATRIX: Final = "referral-matrix"


def matrix_table(region_ids: Sequence[str]) -> Table:
    """Trigger point x region, wide: one weight column per region id, in the order given."""
    return Table(
        REFERRAL_MATRIX,
        "Referral matrix",
        "Trigger point x region, wide: the weight with which each trigger point refers pain "
        "to each region (as in `referral-zones`), 0 where it does not. One column per region "
        "id, in the order of `regions`.",
        (
            _ref("trigger_point_id", "trigger-points", "The trigger point"),
            *(
                Column(region, "number", f"Weight of the zone on region `{region}`, or 0.")
                for region in region_ids
            ),
        ),
        ("trigger_point_id",),
        (_fk("trigger_point_id", "trigger-points"),),
    )


TABLES: Final[tuple[Table, ...]] = (
    SOURCES,
    REGIONS,
    MUSCLES,
    TRIGGER_POINTS,
    REFERRAL_ZONES,
    TRIGGER_POINT_SOURCES,
    CONDITIONS,
    CONDITION_CODES,
    SYMPTOMS,
    FACTORS,
    TRIGGER_POINT_CONDITIONS,
    TRIGGER_POINT_SYMPTOMS,
    TRIGGER_POINT_FACTORS,
    SYNONYMS,
    RED_FLAGS,
    MUSCLE_SOURCES,
    CONDITION_SOURCES,
    ASSOCIATED_MUSCLES,
    VOCABULARY,
    RED_FLAG_SOURCES,
    SCREENING_QUESTIONS,
)
TABLE_NAMES: Final = (*(table.name for table in TABLES), REFERRAL_MATRIX)
