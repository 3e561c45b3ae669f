"""THE reading of text into a :class:`evidence.scope.Scope`: one function for the chat bot and the claim checker.

:func:`read_scope` takes what the pipeline recognised in a sentence or a question and decides what it constrains:

- Aircraft: designators from type mentions ("P-8", "Rivet Joint"); role words ("spy planes", "surveillance
  flights" → ``surveillance_only``; "drones" → ``roles``). When types are named, role words add nothing (a "U-2 spy
  plane" is a U-2) and are dropped, so the scope does not AND a type with an unrelated role.
- Operators: military services and flying agencies ("Navy" → ``("us-navy",)``), unless the organisation is the
  one *speaking* ("the Pentagon said").
- Regions and how: the nearest relation word before the region, looking past articles, commas, "and"/"or" and other
  regions (so "over California, Arizona and Texas" puts all three *over*): "over/in/across/above/inside X" → over;
  "near/around/close to/along/off/toward/approaching/circling/by/from/to X" → near; "in/within the area / vicinity /
  region / neighbourhood of X", "in the X area / region", "in X's vicinity" → near (the place's surroundings, not the
  place); "within 20 nm of X" (nm, miles,
  km) → near with that distance in nautical miles. A region with no relation word is used only right before a
  flight word or aircraft ("Texas flights" → over); otherwise it is reported in ``ScopeNotes.unplaced_regions``
  (people write "US officials", "Washington said"), and regions inside an attribution ("three US officials") never
  constrain.
- Period: every date in the text, resolved against ``reference``; several dates → the span from the first to the
  last (noted). A date right after a say-verb ("said on Tuesday") dates the statement, not the flights: skipped.
- Orbits: "circling", "orbiting", "loitering" are hints (noted), not constraints; only explicit wording ("with
  orbits", "that orbited", "orbits only") sets ``orbits_only``.
- "military" sets ``military_only``.

:class:`ScopeNotes` says what was understood, where, and which words were not, so the bot can answer "I understood
X but not Y"; it also carries the stated quantity (count or rate) and the claimant.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from claims.nlp.components import ATTRIBUTIONS_KEY, SAY_VERBS, doc_text, fc_value
from claims.nlp.dates import InferredYearHook, resolve_period, resolve_rate
from claims.nlp.lexicon import DISTANCE_UNITS, MILES_TO_NM, MISSION_NOUNS
from claims.nlp.vocabulary import Vocabulary, type_family
from evidence.scope import OPEN_START, Period, Quantity, RegionFilter, Scope

OVER_WORDS = frozenset({"over", "in", "above", "across", "inside", "within", "into", "throughout", "overflying",
                        "overflew", "overflown", "crossed", "crossing", "traversed", "traversing", "atop",
                        # a passage: "transited the Taiwan Strait", "flew through the Bosphorus"
                        "transited", "transiting", "transits", "through"})
NEAR_WORDS = frozenset({"near", "nearby", "around", "along", "alongside", "off", "toward", "towards", "approaching",
                        "approached", "approach", "approaches", "by", "beside", "outside", "circling", "circled",
                        "circles", "orbiting", "orbited", "skirting", "skirted", "from", "to", "bordering", "closer",
                        "nearer", "next", "patrolling", "patrolled", "surveilling", "monitoring", "watching", "past",
                        "adjacent", "neighbouring", "neighboring"})
#: Words looked past between a relation word and the region it governs.
_SKIP = frozenset({"the", "a", "an", ",", "and", "or", "&", "/", "coast", "coastline", "coasts", "of", "waters",
                   "skies", "sky", "southern", "northern", "western", "eastern", "parts", "part", "areas", "area",
                   "state", "states", "northwestern", "southwestern", "northeastern", "southeastern", "central",
                   "shores", "edge", "edges", "region", "regions", "both", "either", "vicinity", "neighbourhood",
                   "neighborhood", "environs"})
#: "in the area of X", "within the vicinity of X": the surroundings of X, so near it even after "in".
_SURROUNDINGS = frozenset({"area", "areas", "region", "vicinity", "neighbourhood", "neighborhood", "environs"})
#: A distance's unit as people type it: "30 nmi", "10 nautical mi", "25km", "12 mi.", "100 klicks", "20,000 metres"
#: (round 15 of the oracle); the number may carry thousands separators ("20,000").
_UNIT = (r"nm|nmi|nautical\s+mi(?:les?)?\.?|(?:statute\s+)?(?:miles?|mi\.?)|kms?\.?|kilometers?|kilometres?|klicks?"
         r"|metres|meters")
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_DISTANCE = re.compile(
    rf"(?:within|less\s+than|under|up\s+to)\s+(?P<n>{_NUMBER})\s*(?P<u>{_UNIT})\s+(?:of|from|off)\s+(?:the\s+)?"
    r"(?:coast\s+of\s+)?$"
    rf"|(?P<n2>{_NUMBER})\s*(?P<u2>{_UNIT})\s+(?:off|from|of)\s+(?:the\s+)?(?:coast\s+of\s+)?$",
    re.IGNORECASE,
)
_ORBIT_HINT = re.compile(r"\b(circl\w*|orbit\w*|loiter\w*|racetrack\w*)\b", re.IGNORECASE)
_ORBIT_EXPLICIT = re.compile(
    r"\b(?:with|that\s+(?:had|made|flew|included))\s+(?:an?\s+|any\s+)?orbits?\b|\borbits?\s+only\b"
    r"|\bonly\s+(?:the\s+)?(?:ones|missions|flights|sorties)\s+that\s+(?:orbited|circled|loitered)\b"
    r"|\b(?:missions|flights|sorties)\s+that\s+(?:orbited|circled|loitered)\b|\borbiting\s+(?:missions|flights)\b",
    re.IGNORECASE,
)
#: Words that carry no scope of their own (for "not understood").
_GLUE = frozenset({
    "many", "much", "number", "times", "time", "total", "count", "flew", "flown", "fly", "flying", "flies",
    "aircraft", "plane", "planes", "jet", "jets", "did", "were", "was", "there", "any", "list", "show", "which",
    "what", "when", "how", "first", "last", "tracked", "spotted", "seen", "recorded", "detected", "made", "conducted",
    "carried", "happened", "operated", "military", "us", "u.s.", "american", "such", "record", "records", "also",
    "according", "officials", "official", "said", "says", "data", "flight", "tracking", "open", "source", "sharply",
    "increased", "increase", "missions", "mission", "flights", "sorties", "sortie", "give", "tell", "find",
    "please", "get", "latest", "recent", "ones", "one", "them", "near", "over", "around", "within", "close",
    "along", "circling", "orbiting", "loitering", "circled", "approached", "approaching", "orbited", "orbit",
    "orbits", "nm", "miles", "km", "nautical",
})
#: Words of saying that are also plural nouns ("the Baltic states", "the reports in March").
_NOUN_OR_VERB = frozenset({"states", "reports", "claims", "notes", "shows", "estimates", "posts"})


def _says(token: Token) -> bool:
    """A verb of saying, which dates a statement ("officials said on Monday"): not a word of a name ("the Baltic
    states in October", "the United States in 2025") nor a plural noun after an article ("the reports in March")."""
    if token.lower_ not in SAY_VERBS or token.ent_type_:
        return False
    before = token.nbor(-1) if token.i > 0 else None
    return not (token.lower_ in _NOUN_OR_VERB and before is not None
                and before.lower_ in ("the", "these", "those", "its", "their", "such"))


@dataclass(frozen=True)
class Understood:
    """One piece of the text that became part of the scope (or of the notes): what, where, and what it meant."""

    kind: str  # aircraft, role, operator, region, period, quantity, rate, orbit, military
    text: str
    start: int
    end: int
    meaning: str


@dataclass(frozen=True)
class ScopeNotes:
    understood: tuple[Understood, ...] = ()
    #: Runs of content words no rule accounted for, in text order ("cartel activity").
    not_understood: tuple[str, ...] = ()
    #: Decisions worth saying out loud: merged periods, ignored role words, orbit hints, skipped dates.
    hints: tuple[str, ...] = ()
    #: Regions named without a relation word and not used (the bot may ask, or assume "near").
    unplaced_regions: tuple[str, ...] = ()
    #: The count or rate the text states about missions, if any.
    quantity: Quantity | None = None
    claimant: str | None = None
    #: True when the text mentions orbits/circling without asking for them explicitly.
    orbit_hint: bool = False
    #: Every period the text states, in text order, before they are merged into the scope's one period (the bot
    #: compares "January or February 2025" instead of spanning them).
    periods: tuple[Period, ...] = ()
    #: The relation words used for a place, as character offsets ("above", "across", "in the vicinity of"): read, so
    #: the bot does not report them as not understood.
    relation_spans: tuple[tuple[int, int], ...] = ()

    def describe(self) -> str:
        parts = [f"understood: {', '.join(u.meaning for u in self.understood) or 'nothing'}"]
        if self.not_understood:
            parts.append(f"not understood: {', '.join(repr(t) for t in self.not_understood)}")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "understood": [u.__dict__ for u in self.understood],
            "not_understood": list(self.not_understood),
            "hints": list(self.hints),
            "unplaced_regions": list(self.unplaced_regions),
            "quantity": quantity_to_dict(self.quantity),
            "claimant": self.claimant,
            "orbit_hint": self.orbit_hint,
        }


def quantity_to_dict(quantity: Quantity | None) -> dict[str, Any] | None:
    if quantity is None:
        return None
    value = int(quantity.value) if float(quantity.value).is_integer() else quantity.value
    out: dict[str, Any] = {"value": value, "qualifier": quantity.qualifier, "per": quantity.per}
    if quantity.low is not None:  # "between 10 and 15": the range's lower end (``value`` is the upper)
        out["low"] = int(quantity.low) if float(quantity.low).is_integer() else quantity.low
    return out


@dataclass
class _Reader:
    doc: Doc
    span: Span
    vocabulary: Vocabulary
    understood: list[Understood] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)

    def note(self, kind: str, span: Span, meaning: str) -> None:
        start, end = span.start_char, span.end_char
        self.understood.append(Understood(kind, doc_text(self.doc)[start:end], start, end, meaning))
        self.covered.update(range(span.start, span.end))


def _vocabulary(doc: Doc, vocabulary: Vocabulary | None) -> Vocabulary:
    if vocabulary is not None:
        return vocabulary
    from claims.nlp.pipeline import vocabulary_for_version

    return vocabulary_for_version(doc.user_data.get("fc_vocabulary_version"))


def _attribution_spans(span: Span) -> list[Span]:
    return [a for a in span.doc.spans.get(ATTRIBUTIONS_KEY, []) if a.start >= span.start and a.end <= span.end]


def _inside(ent: Span, spans: list[Span]) -> Span | None:
    for s in spans:
        if s.start <= ent.start and ent.end <= s.end:
            return s
    return None


def _relation(span: Span, ent: Span, place_starts: dict[int, Span]) -> tuple[str | None, float | None, Span | None]:
    """(over/near/None, distance in nm or None, the relation words) for one region mention."""
    doc = span.doc
    lo = span.start_char
    before = doc_text(doc)[max(lo, ent.start_char - 80):ent.start_char]
    m = _DISTANCE.search(before)
    if m:
        n, unit = (m.group("n"), m.group("u")) if m.group("n") else (m.group("n2"), m.group("u2"))
        unit = unit.lower().rstrip(".")
        factor = MILES_TO_NM.get(unit.split()[0], MILES_TO_NM.get(unit, 1.0))
        if unit.startswith("nautical"):
            factor = 1.0
        words = doc.char_span(ent.start_char - len(before) + m.start(), ent.start_char, alignment_mode="expand")
        return "near", float(n.replace(",", "")) * factor, words  # never rounded: a filter 0.05 nm short drops missions
    i = ent.start - 1
    place_ends = {p.end: p for p in place_starts.values()}
    surroundings = False
    while i >= span.start:
        t = doc[i]
        if i + 1 in place_ends:
            i = place_ends[i + 1].start - 1
            continue
        low = t.lower_
        if t.is_space or low in _SKIP:
            surroundings = surroundings or (low in _SURROUNDINGS and i + 1 < len(doc) and doc[i + 1].lower_ == "of")
            i -= 1
            continue
        if low == "to" and i - 1 >= span.start and doc[i - 1].lower_ in ("close", "next", "closer", "adjacent"):
            return "near", None, doc[i - 1:i + 1]
        if low in ("in", "within") and surroundings:  # "in the area of Crimea": around it, not over it
            return "near", None, doc[i:ent.start]
        if low in OVER_WORDS:
            return "over", None, doc[i:i + 1]
        if low in NEAR_WORDS:
            return "near", None, doc[i:i + 1]
        return None, None, None
    return None, None, None


#: Kinds of place that, right before the flights, need not say where they flew: a country may say whose they are
#: ("UK P-8 flights" are the RAF's), a base where they are based or took off ("Mildenhall RC-135 flights").
_NOT_WHERE_FLOWN = frozenset({"country", "airbase", "airport"})


def _flights_after(doc: Doc, i: int, orgs_at: dict[int, Span]) -> bool:
    """Whether the flights follow a place named without over/near — a mission noun or an aircraft right after it
    ("Texas flights", "Black Sea drone flights"), or after an operator ("North Sea RAF flights"): the place is
    where they flew."""
    org = orgs_at.get(i)
    i = org.end if org is not None else i
    following = doc[i] if i < len(doc) else None
    return following is not None and (following.lower_ in MISSION_NOUNS or following.ent_type_ == "AIRCRAFT")


def _region_of_a_sea(ent_text: str, region: Any) -> bool:
    """"the Black Sea region", "the Texas region": "region" after a place that is no administrative region is its
    surroundings, or the place itself? ("the Kursk region", "the Kaliningrad region" are the oblasts: their names.)"""
    words = ent_text.lower().removeprefix("the ").strip()
    names = {region.name.lower(), *(a.lower().removeprefix("the ") for a in region.aliases)}
    return words.endswith(" region") and words not in names and region.kind not in ("subdivision", "mx_state")


def _surroundings_after(ent: Span, span: Span) -> Span | None:
    """"Kaliningrad's vicinity", "Crimea's environs": a word of surroundings right after the place (a possessive
    between), which makes "in" mean around the place ("the Kaliningrad area" is the bot's guard's: near or over?)."""
    i = ent.end
    if i < span.end and span.doc[i].lower_ in ("'s", "’s", "'", "’"):
        i += 1
    if i < span.end and span.doc[i].lower_ in ("vicinity", "neighbourhood", "neighborhood", "environs", "surroundings"):
        return span.doc[ent.end:i + 1]
    return None


def read_scope(
    doc_or_span: Doc | Span,
    *,
    reference: dt.datetime | dt.date,
    inferred_year: InferredYearHook | None = None,
    vocabulary: Vocabulary | None = None,
    ents: list[Span] | None = None,
    attributions: list[Span] | None = None,
) -> tuple[Scope, ScopeNotes]:
    """The Scope a sentence or question states, and notes on how it was read (see the module docstring).

    ``doc_or_span`` must come from :func:`claims.nlp.pipeline.get_pipeline`. ``reference`` resolves dates (an
    article's publication time; the bot's "now"). ``inferred_year`` lets the bot move a guessed year to the most
    recent one holding data.

    ``ents`` and ``attributions``: the entities and attributions wholly inside the span, in order, when the caller
    already has them (the article extractor reads every sentence of a doc, and ``doc.ents`` walks all its tokens on
    each access); computed here when None.
    """
    span = doc_or_span[:] if isinstance(doc_or_span, Doc) else doc_or_span
    doc = span.doc
    vocab = _vocabulary(doc, vocabulary)
    reader = _Reader(doc, span, vocab)
    if attributions is None:
        attributions = _attribution_spans(span)
    claimant = None
    for a in attributions:
        claimant = claimant or (fc_value(a) or {}).get("claimant")
        reader.covered.update(range(a.start, a.end))
    if ents is None:
        ents = [e for e in doc.ents if e.start >= span.start and e.end <= span.end]
    places = {e.start: e for e in ents if e.label_ == "PLACE"}
    orgs_at = {e.start: e for e in ents if e.label_ == "ORG"}

    designators: list[str] = []
    roles: list[str] = []
    role_mentions: list[Span] = []
    surveillance = False
    operators: list[str] = []
    regions: list[RegionFilter] = []
    and_regions: list[RegionFilter] = []
    mentions: list[tuple[int, RegionFilter]] = []  # (end token of each used place mention, its filter)
    unplaced: list[str] = []
    periods: list[Period] = []
    relation_spans: list[tuple[int, int]] = []
    quantity: Quantity | None = None
    rate: Quantity | None = None

    full_text = doc_text(doc)
    for ent in ents:
        key = ent.id_  # the pattern id: spans from doc.ents carry it (Span.ent_id_ would look for a root token)
        label = ent.label_
        ent_text = full_text[ent.start_char:ent.end_char]
        said_by = _inside(ent, attributions)
        if label == "AIRCRAFT" and key.startswith("aircraft:"):
            family = type_family(key.split(":", 1)[1], ent_text)
            designators.extend(d for d in family if d not in designators)
            reader.note("aircraft", ent, f"type {' or '.join(family)}")
        elif label == "AIRCRAFT" and key.startswith("role:"):
            role_key = key.split(":", 1)[1]
            role_mentions.append(ent)
            if role_key == "surveillance":
                surveillance = True
            else:
                word = vocab.role_by_key.get(role_key)
                for r in word.roles if word else (role_key,):
                    if r not in roles:
                        roles.append(r)
        elif label == "ORG":
            slug = key.split(":", 1)[1] if key.startswith("org:") else ""
            org = vocab.organisation_by_slug.get(slug)
            if said_by is not None:
                reader.covered.update(range(ent.start, ent.end))
            elif org is not None and org.is_operator:
                if slug not in operators:
                    operators.append(slug)
                reader.note("operator", ent, f"operated by {org.name}")
            elif org is not None:
                reader.covered.update(range(ent.start, ent.end))
                reader.hints.append(f"'{ent_text}' ({org.name}) is not an aircraft operator: not used")
        elif label == "PLACE":
            slug = key.split(":", 1)[1] if key.startswith("region:") else ""
            region = vocab.region_by_slug.get(slug)
            if _is_unit(ent, span):  # "within 20 NM of Texas": NM is nautical miles, not New Mexico
                reader.covered.update(range(ent.start, ent.end))
                continue
            if said_by is not None:
                reader.covered.update(range(ent.start, ent.end))
                continue
            if region is None:
                namesakes = (fc_value(ent) or {}).get("ambiguous")
                unplaced.append(f"{ent_text} ({' or '.join(namesakes)}? say which)" if namesakes else ent_text)
                continue
            relation, distance, words = _relation(span, ent, places)
            region_next = ent.end < span.end and doc[ent.end].lower_ == "region"
            if relation != "near" and _region_of_a_sea(ent_text + " region" * region_next, region):
                unplaced.append(f"{ent_text} (around it, or over it? ask \"near {region.name}\" or \"over "
                                f"{region.name}\")")
                reader.covered.update(range(ent.start, ent.end))
                continue
            around = _surroundings_after(ent, span)
            if relation == "over" and words is not None and words[0].lower_ in ("in", "within") and around:
                relation = "near"  # "in the Kaliningrad area", "in Kaliningrad's vicinity": around it, not over it
                relation_spans.append((around.start_char, around.end_char))
                reader.covered.update(range(around.start, around.end))
            if relation is None:
                if _flights_after(doc, ent.end, orgs_at) and region.kind not in _NOT_WHERE_FLOWN:
                    relation = "over"
                else:
                    unplaced.append(ent_text)
                    reader.covered.update(range(ent.start, ent.end))
                    reader.hints.append(f"'{ent_text}' is named without over/near: not used as a place constraint")
                    continue
            rf = RegionFilter(slug=slug, relation=relation, distance_nm=distance)  # type: ignore[arg-type]
            own_start = words.start if words is not None else ent.start
            if mentions and own_start >= mentions[-1][0] and _chained(doc, mentions[-1][0], own_start):
                if rf not in and_regions:  # "in international airspace off Texas": both places (AND)
                    and_regions.append(rf)
                    reader.hints.append(f"'{ent_text}' narrows the place before it: both must match")
            elif rf not in regions:
                regions.append(rf)
            mentions.append((ent.end, rf))
            how = f"within {distance:g} nm of" if distance is not None else relation
            reader.note("region", ent, f"{how} {region.name}")
            if words is not None:
                reader.covered.update(range(words.start, words.end))
                relation_spans.append((words.start_char, words.end_char))
        elif label == "DATE":
            prev = doc[ent.start - 1] if ent.start > span.start else None
            prev2 = doc[ent.start - 2] if ent.start - 1 > span.start else None
            if prev is not None and (_says(prev) or (
                    prev.lower_ in ("on", "in") and prev2 is not None and _says(prev2))):
                reader.covered.update(range(ent.start, ent.end))
                reader.hints.append(f"'{ent_text}' dates a statement, not the flights: not used")
                continue
            period = resolve_period(ent_text, reference, inferred_year=inferred_year)
            if period is None:
                continue
            opened = _open_period(span, ent, period, reference)
            if opened is not None:
                period, lead = opened
                reader.covered.update(range(lead.start, lead.end))
            periods.append(period)
            reader.note("period", doc[lead.start:ent.end] if opened else ent, f"{period.describe()} ('{period.text}')")
        elif label == "QUANTITY":
            value = fc_value(ent) or {}
            if quantity is None and value.get("counts_missions") and said_by is None:
                low = value.get("low")
                quantity = Quantity(value=float(value["value"]), qualifier=value.get("qualifier", "exact"),
                                    low=float(low) if low is not None else None)
                reader.note("quantity", ent, f"{value.get('qualifier', 'exact').replace('_', ' ')} "
                                             f"{str(low) + ' and ' if low is not None else ''}{value['value']}")
        elif label == "RATE":
            value = fc_value(ent) or {}
            parsed = resolve_rate(ent_text)
            if rate is None and parsed is not None:
                rate = parsed
                reader.note("rate", ent, f"{value.get('qualifier', 'exact').replace('_', ' ')} {value.get('value')} "
                                         f"per {value.get('per')}")

    if designators and (surveillance or roles):
        reader.hints.append("role words dropped: the aircraft types are named")
        surveillance, roles = False, []
        for ent in role_mentions:
            reader.covered.update(range(ent.start, ent.end))
    else:
        for ent in role_mentions:
            meaning = "surveillance aircraft" if ent.id_ == "role:surveillance" else f"role {ent.id_[5:]}"
            reader.note("role", ent, meaning)

    period = None
    if periods:
        period = periods[0]
        if len(periods) > 1:
            start = min(p.start for p in periods)
            end = max(p.end for p in periods)
            period = Period(start=start, end=end, text="; ".join(p.text for p in periods),
                            year_inferred=any(p.year_inferred for p in periods))
            reader.hints.append(f"several dates: their span {period.describe()} is used")

    text = full_text[span.start_char:span.end_char]
    orbits_only = bool(_ORBIT_EXPLICIT.search(text))
    orbit_hint = bool(_ORBIT_HINT.search(text)) and not orbits_only
    if orbit_hint:
        reader.hints.append("orbit/circling words noted, not used as a constraint")
    military = "military" in text.lower() and any(
        t.lower_ == "military" and not _in_any(t.i, attributions) for t in span)
    if military:
        reader.understood.append(Understood("military", "military", 0, 0, "military aircraft only"))

    scope = Scope(
        type_designators=tuple(designators),
        roles=tuple(roles),
        surveillance_only=surveillance,
        operators=tuple(operators),
        regions=tuple(regions),
        period=period,
        orbits_only=orbits_only,
        military_only=military,
        and_regions=tuple(r for r in and_regions if r not in regions),
    )
    notes = ScopeNotes(
        understood=tuple(reader.understood),
        not_understood=_leftovers(span, reader.covered, ents),
        hints=tuple(reader.hints),
        unplaced_regions=tuple(unplaced),
        quantity=quantity or rate,
        claimant=claimant,
        orbit_hint=orbit_hint,
        periods=tuple(periods),
        relation_spans=tuple(relation_spans),
    )
    return scope, notes


#: Words between two places that list them instead of chaining them: "near Texas vs near Arizona" names two sides.
_LIST_JOINERS = frozenset({",", "and", "or", "&", "/", "nor", "either", "both", ";", "vs", "vs.", "versus", "than",
                           "against"})
_OPEN_BEFORE = frozenset({"before", "until", "till", "til"})
_OPEN_BEFORE_2 = {("prior", "to"), ("up", "to"), ("earlier", "than")}
_OPEN_AFTER = frozenset({"after"})
_OPEN_AFTER_2 = {("later", "than")}
_UNITS = frozenset({"day", "night", "week", "fortnight", "month", "year", "hour", "weekend", "quarter"})


def _is_unit(ent: Span, span: Span) -> bool:
    """A "place" that is a distance unit right after a number ("20 NM", "50 nmi")."""
    prev = ent.doc[ent.start - 1] if ent.start > span.start else None
    return prev is not None and prev.like_num and ent.text.lower().rstrip(".") in DISTANCE_UNITS


def _chained(doc: Doc, prev_end: int, own_start: int) -> bool:
    """Whether a place with its own relation word follows the previous place directly (a few words, no list
    conjunction between): "over international airspace off Texas" narrows; "near Texas or Arizona" lists."""
    gap = doc[prev_end:own_start]
    return len(gap) <= 3 and not any(t.lower_ in _LIST_JOINERS for t in gap)


def _open_period(
    span: Span, ent: Span, period: Period, reference: dt.datetime | dt.date
) -> tuple[Period, Span] | None:
    """"before February 2025" → everything up to 31 January 2025; "after 1 March 2025" → 2 March 2025 to the
    reference day; "until/up to X" → up to the end of X. Returns the open period and the words that opened it."""
    doc = ent.doc
    i = ent.start
    one = doc[i - 1].lower_ if i - 1 >= span.start else ""
    two = (doc[i - 2].lower_, one) if i - 2 >= span.start else ("", "")
    ref = reference.date() if isinstance(reference, dt.datetime) else reference
    text = doc_text(doc)
    n_lead = 1 if (one in _OPEN_BEFORE or one in _OPEN_AFTER) else 2
    unit = doc[i - n_lead - 1] if i - n_lead - 1 >= span.start else None
    if unit is not None and (unit.like_num or unit.lower_.rstrip("s") in _UNITS):
        return None  # "the week before 5 February" is a span next to the day, not everything before it
    if one in _OPEN_BEFORE or two in _OPEN_BEFORE_2:
        n = 1 if one in _OPEN_BEFORE else 2
        lead = doc[i - n:i]
        end = period.start - dt.timedelta(days=1) if one in ("before",) or two == ("prior", "to") \
            or two == ("earlier", "than") else period.end
        end = max(min(end, ref), OPEN_START)
        words = text[lead.start_char:ent.end_char]
        return Period(start=OPEN_START, end=end, text=words, year_inferred=False), lead
    if one in _OPEN_AFTER or two in _OPEN_AFTER_2:
        n = 1 if one in _OPEN_AFTER else 2
        lead = doc[i - n:i]
        start = period.end + dt.timedelta(days=1)
        words = text[lead.start_char:ent.end_char]
        return Period(start=start, end=max(start, ref), text=words, year_inferred=False), lead
    return None


def _in_any(i: int, spans: list[Span]) -> bool:
    return any(s.start <= i < s.end for s in spans)


def _leftovers(span: Span, covered: set[int], ents: list[Span]) -> tuple[str, ...]:
    in_ent = set(covered)
    for e in ents:
        in_ent.update(range(e.start, e.end))
    runs: list[str] = []
    current: list[str] = []
    for t in span:
        content = (t.is_alpha or t.like_num) and not t.is_stop and t.lower_ not in _GLUE and t.i not in in_ent \
            and t.lower_ not in OVER_WORDS and t.lower_ not in NEAR_WORDS
        if content:
            current.append(t.text)
        elif current and (t.is_punct or t.is_space or t.i in in_ent or not t.is_stop):
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return tuple(runs)


def read_text(
    text: str,
    *,
    reference: dt.datetime | dt.date,
    vocabulary: Vocabulary | None = None,
    inferred_year: InferredYearHook | None = None,
) -> tuple[Scope, ScopeNotes]:
    """Run the pipeline on a short text (a question, a claim's quote) and read its scope. Never raises on odd text."""
    from claims.nlp.extract import clean_text
    from claims.nlp.pipeline import get_pipeline
    from claims.nlp.vocabulary import default_vocabulary

    vocabulary = vocabulary or default_vocabulary()
    nlp = get_pipeline(vocabulary)
    doc = nlp(clean_text(text or "")[:20_000])
    return read_scope(doc, reference=reference, inferred_year=inferred_year, vocabulary=vocabulary)


def read_claim_text(
    text: str, *, reference: dt.datetime | dt.date, vocabulary: Vocabulary | None = None
) -> tuple[Scope, dict[str, Any] | None]:
    """The claim checker's reading of a claim's quote: (scope, stated quantity as a dict or None).

    Uses the database vocabulary when none is given (the same one the article extractor used).
    """
    if vocabulary is None:
        from claims.nlp.vocabulary import vocabulary_from_db

        vocabulary = vocabulary_from_db()
    scope, notes = read_text(text, reference=reference, vocabulary=vocabulary)
    return scope, quantity_to_dict(notes.quantity)


# --- questions ------------------------------------------------------------------------------------------------------
#
# The bot reads questions with the same reader as claims; a question differs from a claim's sentence only in that
# "orbiting" asks for orbits (a claim's "circling" is a hint) and in a few role words people use only when asking.

_QUESTION_DISTANCE = re.compile(
    rf"\bwithin\s+(?:{_NUMBER})\s*(?:{_UNIT})\s+(?:of|from)\b",
    re.IGNORECASE,
)
_QUESTION_ORBIT = re.compile(r"\b(?:orbit(?:s|ed|ing)?|racetracks?|loiter(?:s|ed|ing)?)\b", re.IGNORECASE)
_QUESTION_ROLES = [
    (re.compile(r"\b(?:airliners?|airline\s+(?:flights?|jets?)|commercial\s+(?:flights?|jets?|planes?)|passenger"
                r"\s+(?:jets?|planes?|flights?))\b", re.IGNORECASE), "airliner"),
]


@dataclass
class QuestionReading:
    """A question's scope and the character spans it was read from (``(start, end, "kind: text")``): whatever lies
    outside every span was not used, so the caller reports it instead of guessing from a word list."""

    scope: Scope
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    #: Place-like words the reader could not use (unknown places, or known ones named without over/near).
    unresolved: list[str] = field(default_factory=list)
    #: Every period stated, in text order (the scope holds their span).
    periods: list[Period] = field(default_factory=list)
    notes: ScopeNotes | None = None


#: Relation words that say only where ("above Arizona", "across the Black Sea", "in the vicinity of Crimea"): marked
#: read for the bot. The others ("from", "to", "by", "outside", "past", "toward", "monitoring"…) may say a departure,
#: a destination, an agent, a distance the other way or a purpose, which the bot's guards decline when unread.
_PLAIN_RELATIONS = frozenset({"above", "across", "inside", "atop", "throughout", "overflying", "overflew", "overflown",
                              "alongside", "beside", "bordering", "adjacent", "neighbouring", "neighboring", "skirting",
                              "skirted", "transited", "transiting", "transits", "through", "crossed", "crossing",
                              "traversed", "traversing"})


def _plain_relation(words: str) -> bool:
    low = words.lower()
    return low in _PLAIN_RELATIONS or (" " in low and low.split()[0] in ("in", "within")
                                        and low.split()[-1] == "of" and not any(c.isdigit() for c in low))


def read_question(text: str, *, reference: dt.date, vocabulary: Vocabulary | None = None) -> QuestionReading:
    """Read a question's scope with the shared reader (``read_scope``) and its question rules (see above)."""
    from claims.nlp.pipeline import get_pipeline
    from claims.nlp.vocabulary import vocabulary_from_db

    vocabulary = vocabulary or vocabulary_from_db()
    doc = get_pipeline(vocabulary)(text)
    scope, notes = read_scope(doc, reference=reference, vocabulary=vocabulary)
    spans = [(u.start, u.end, f"{u.kind}: {u.text}") for u in notes.understood if u.end > u.start]
    spans += [(s, e, f"relation: {text[s:e]}") for s, e in notes.relation_spans if _plain_relation(text[s:e])]
    if scope.military_only:
        spans += [(m.start(), m.end(), "military: military") for m in re.finditer(r"\bmilitary\b", text, re.I)]
    if any(r.distance_nm is not None for r in (*scope.regions, *scope.and_regions)):
        spans += [(m.start(), m.end(), f"distance: {m.group(0)}") for m in _QUESTION_DISTANCE.finditer(text)]
    for t in doc:  # "20 NM": the unit the reader skipped as a place
        if t.i > 0 and doc[t.i - 1].like_num and t.lower_ in DISTANCE_UNITS:
            spans.append((doc[t.i - 1].idx, t.idx + len(t.text), f"distance: {doc[t.i - 1].text} {t.text}"))
    if not (scope.type_designators or scope.roles or scope.surveillance_only):
        roles = []
        for rx, role in _QUESTION_ROLES:
            for m in rx.finditer(text):
                roles.append(role)
                spans.append((m.start(), m.end(), f"role: {m.group(0)}"))
        if roles:
            scope = scope.with_changes(roles=tuple(dict.fromkeys(roles)))
    orbit_words = list(_QUESTION_ORBIT.finditer(text))
    if orbit_words:
        scope = scope.with_changes(orbits_only=True)
        spans += [(m.start(), m.end(), f"orbits: {m.group(0)}") for m in orbit_words]
    return QuestionReading(scope=scope, spans=spans, unresolved=list(notes.unplaced_regions),
                           periods=list(notes.periods), notes=notes)
