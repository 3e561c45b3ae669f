"""Article extraction: entities with exact offsets and normalised values, and check-worthy sentences as proposals.

Offsets are Unicode code points into the text as given (Python string indices, what W3C TextPositionSelector
counts), so an emoji before a claim does not move it. The text is never rewritten except for lone UTF-16 surrogates,
which cannot be encoded and are replaced one-for-one by U+FFFD (offsets unchanged).

Size (choice, documented): a text longer than ``settings.ARTICLE_MAX_CHARS`` raises :class:`ArticleTooLarge`, the
one exception this module raises on input; the task turns it into a clear "failed" status. Anything shorter is
processed in chunks of at most :data:`CHUNK_CHARS` characters cut at paragraph breaks (else at a line or a space),
so spaCy's ``max_length`` never applies and memory stays bounded. A 5 MB article with the default 2,000,000 limit
is therefore rejected with that error; raise the setting to read it in chunks.

Language: a cheap stop-word count (:func:`detect_language`). Text that is not English, or not prose at all (binary
garbage), still gets its entities, but no proposed claims; ``Extraction.warning`` says why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from claims.nlp.components import ATTRIBUTIONS_KEY, doc_text, fc_value
from claims.nlp.dates import parse_number, resolve_period, span_days
from claims.nlp.identities import Identity, find_identities
from claims.nlp.lexicon import HYPHENS
from claims.nlp.pipeline import get_pipeline
from claims.nlp.reading import quantity_to_dict, read_scope
from claims.nlp.vocabulary import Vocabulary, default_vocabulary
from evidence.scope import Quantity, Scope

CHUNK_CHARS = 100_000
DEFAULT_MAX_CHARS = 2_000_000
#: Labels a trained model may produce → ours; others are dropped.
MODEL_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
                "DATE": "DATE", "CARDINAL": "QUANTITY", "QUANTITY": "QUANTITY"}
OUR_LABELS = frozenset({"AIRCRAFT", "PLACE", "DATE", "RATE", "QUANTITY", "ORG", "PERSON", "ATTRIBUTION", "IDENTITY"})

#: Reason → weight of the check-worthiness score (capped at 1).
REASON_WEIGHTS = {"count": 0.35, "rate": 0.3, "date": 0.2, "aircraft": 0.25, "place": 0.15, "attributed": 0.1,
                  "identity": 0.25}
MIN_SCORE = 0.35
#: Generic words that make a sentence about aircraft even without a type ("Aircraft were tracked over Texas").
_AIRCRAFT_WORDS = frozenset({"aircraft", "plane", "planes", "airplane", "airplanes", "jet", "jets", "drone",
                             "drones"})


class ArticleTooLarge(ValueError):
    """The text is longer than settings.ARTICLE_MAX_CHARS: not read at all (see the module docstring)."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"article text has {length:,} characters; the limit is {limit:,} (ARTICLE_MAX_CHARS)")
        self.length = length
        self.limit = limit


@dataclass(frozen=True)
class ExtractedEntity:
    label: str
    start: int
    end: int
    text: str
    value: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "start": self.start, "end": self.end, "text": self.text, "value": self.value}


@dataclass(frozen=True)
class ProposedClaimData:
    """A sentence worth checking: offsets, text, score 0–1 and why, who says it, its Scope and stated quantity."""

    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...]
    claimant: str | None
    scope: Scope | None
    quantity: Quantity | None = None
    hints: tuple[str, ...] = ()
    #: Registrations (tail numbers, serials) the sentence names for the aircraft it is about: the scope's aircraft
    #: once the registry turns them into hex addresses (``claims.services.extraction``), which needs the database.
    registrations: tuple[str, ...] = ()

    def quantity_dict(self) -> dict[str, Any] | None:
        return quantity_to_dict(self.quantity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "score": self.score,
            "reasons": list(self.reasons), "claimant": self.claimant,
            "scope": self.scope.to_dict() if self.scope is not None else None,
            "stated_count": self.quantity_dict(), "hints": list(self.hints),
            "registrations": list(self.registrations),
        }


@dataclass(frozen=True)
class Extraction:
    entities: tuple[ExtractedEntity, ...] = ()
    proposed_claims: tuple[ProposedClaimData, ...] = ()
    #: ISO 639-1 code, or "und" when undetermined (garbage, too little text, a script we do not count).
    language: str = "en"
    #: Why something was skipped ("not English: no claims proposed"); None when all went normally.
    warning: str | None = None
    vocabulary_version: str = ""
    chars: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language, "warning": self.warning, "vocabulary_version": self.vocabulary_version,
            "chars": self.chars, "entities": [e.to_dict() for e in self.entities],
            "proposed_claims": [p.to_dict() for p in self.proposed_claims],
        }


# ---------------------------------------------------------------------------------------------------- language

_STOP = {
    "en": {"the", "and", "of", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as", "by", "it", "at",
           "from", "were", "said", "have", "has", "had", "are", "be", "this", "which", "or", "an", "not", "but",
           "they", "their", "its", "been", "over", "near", "how", "many", "what", "did", "when", "where"},
    "es": {"el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "por", "con", "para", "se", "al",
           "es", "fue", "su", "sus", "como", "más", "pero", "lo", "le", "según", "sobre", "este", "esta"},
    "fr": {"le", "la", "les", "de", "des", "du", "et", "un", "une", "est", "que", "qui", "dans", "pour", "sur",
           "au", "aux", "par", "avec", "pas", "ce", "cette", "selon", "ont", "été", "sont", "il", "elle"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "zu", "von", "für",
           "auf", "im", "sich", "des", "wurde", "wurden", "sind", "laut", "auch", "über", "bei", "nach"},
    "pt": {"o", "os", "as", "do", "da", "dos", "das", "em", "no", "na", "um", "uma", "não", "foi", "com", "para",
           "segundo", "são", "pelo", "pela", "mais"},
}
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def detect_language(text: str) -> tuple[str, str | None]:
    """(language code, reason) from the share of common function words; cheap and good enough to skip claims.

    Short texts (< 6 words) are assumed English (questions, headlines). "und" when the text is mostly not letters
    (binary garbage) or mostly in a non-Latin script.
    """
    sample = text[:20_000]
    # counted by C loops (map over str methods, a regex), not a Python generator per character
    visible = len(sample) - sum(map(str.isspace, sample))
    if visible == 0:
        return "en", None
    letters = sum(map(str.isalpha, sample))
    if letters / visible < 0.5:
        return "und", "the text is mostly not letters (binary or garbled data?)"
    latin = len(_LATIN.findall(sample))  # ASCII letters and U+00C0–U+024F
    if latin / max(letters, 1) < 0.5:
        return "und", "the text is mostly in a non-Latin script"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 6:
        return "en", None
    scores = {lang: sum(1 for w in words if w in stop) / len(words) for lang, stop in _STOP.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores["en"] >= 0.08 and scores["en"] >= scores[best] * 0.9:
        return "en", None
    if scores[best] < 0.05:
        return "und", "too few common words to tell the language (is this prose?)"
    return best, f"the text looks like {best!r}, not English"


# ------------------------------------------------------------------------------------------------------ helpers

_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: Any) -> str:
    """Any input → a str spaCy can read, with the same length as the input string (offsets stay valid)."""
    if text is None:
        return ""
    if isinstance(text, bytes | bytearray | memoryview):
        text = bytes(text).decode("utf-8", errors="replace")
    elif not isinstance(text, str):
        text = str(text)
    return _SURROGATE.sub("\ufffd", text).translate(HYPHENS)


def _max_chars() -> int:
    try:
        from django.conf import settings

        return int(getattr(settings, "ARTICLE_MAX_CHARS", DEFAULT_MAX_CHARS))
    except Exception:
        return DEFAULT_MAX_CHARS


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) with pieces of at most ``size`` characters, cut after a blank line, else a newline, else a
    space, else anywhere."""
    pos = 0
    n = len(text)
    while pos < n:
        if n - pos <= size:
            yield pos, text[pos:]
            return
        window = text[pos:pos + size]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            k = window.rfind(sep, size // 2)
            if k > 0:
                cut = k + len(sep)
                break
        if cut <= 0:
            cut = size
        yield pos, text[pos:pos + cut]
        pos += cut


def _reference_date(published_at: dt.datetime | dt.date | None) -> dt.datetime | dt.date:
    if published_at is None:
        return dt.datetime.now(dt.UTC)
    return published_at


def entity_label(ent: Span) -> str | None:
    """Our label for an entity: rule labels as they are, a trained model's mapped (PERSON, ORG, GPE → PLACE…)."""
    if ent.label_ in OUR_LABELS:
        return ent.label_
    return MODEL_LABELS.get(ent.label_)


def _entity_value(ent: Span, label: str, reference: dt.datetime | dt.date, text: str) -> dict[str, Any]:
    """``text``: the entity's text. ``ent.id_`` is the pattern id (spans from ``doc.ents`` carry it; the same as
    ``ent_id_``, which would find the span's root token first)."""
    key = ent.id_
    value = dict(fc_value(ent) or {})
    if label == "AIRCRAFT":
        if key.startswith("aircraft:"):
            return {"designator": key.split(":", 1)[1]}
        if key.startswith("role:"):
            role = key.split(":", 1)[1]
            return {"role": role, "surveillance": role == "surveillance"}
        return {"name": text, "designator": None, **value}  # a designation the vocabulary lacks (fc_names)
    if label in ("PLACE", "ORG"):
        prefix = "region:" if label == "PLACE" else "org:"
        # fc_names adds what it knows ("kind": "base", "foreign": True, "name" of an unlisted one)
        out = {"slug": key.split(":", 1)[1]} if key.startswith(prefix) else {"name": text}
        return {**value, **out} if key.startswith(prefix) else {**out, **value}
    if label == "DATE":
        period = resolve_period(text, reference)
        if period is None:
            return {"unresolved": True}
        out: dict[str, Any] = {"start": period.start.isoformat(), "end": period.end.isoformat(),
                               "year_inferred": period.year_inferred}
        days = span_days(text)
        if days:
            out["span_days"] = days
        return out
    if label == "PERSON":
        out = {"name": value.get("name", text), "role": value.get("role")}
        if value.get("full_name"):
            out["full_name"] = value["full_name"]  # "Sheinbaum" after "President Claudia Sheinbaum"
        return out
    if label == "QUANTITY" and not value:
        number = parse_number(text)
        return {"value": number, "qualifier": "exact", "unit": None, "counts_missions": False} if number else {}
    return value


def _proposal(sent: Span, ents: list[Span], attributions: list[Span], text: str, flags: tuple[bool, bool],
              reference: dt.datetime | dt.date, offset: int,
              identities: list[Identity] | None = None) -> ProposedClaimData | None:
    """``ents``/``attributions``: those inside the sentence; ``text``: its text; ``flags``: whether it has a generic
    aircraft word, and a flight word (computed for the whole doc at once by :func:`_read_doc`)."""
    has_aircraft_word, has_flight_word = flags
    reasons: list[str] = []
    labels = {entity_label(e) for e in ents}
    counts = any(e.label_ == "QUANTITY" and (fc_value(e) or {}).get("counts_missions") for e in ents)
    if counts:
        reasons.append("count")
    if "RATE" in labels:
        reasons.append("rate")
    if "DATE" in labels:
        reasons.append("date")
    if "AIRCRAFT" in labels or has_aircraft_word:
        reasons.append("aircraft")
    if "PLACE" in labels:
        reasons.append("place")
    if identities:
        reasons.append("identity")
    if attributions:
        reasons.append("attributed")
    if not ({"count", "rate", "date", "aircraft", "place", "identity"} & set(reasons)):
        return None
    scope, notes = read_scope(sent, reference=reference, ents=ents, attributions=attributions)
    about_flights = bool(scope.type_designators or scope.roles or scope.surveillance_only or scope.operators
                         or counts or has_flight_word or identities)
    if not about_flights:
        return None
    score = min(1.0, sum(REASON_WEIGHTS[r] for r in reasons))
    if score < MIN_SCORE:
        return None
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    start = offset + sent.start_char + lead
    end = offset + sent.end_char - trail
    scope, registrations, hints = _narrowed_by_identities(scope, notes.quantity, identities or [], notes.hints)
    return ProposedClaimData(
        start=start, end=end, text=text.strip(), score=round(score, 2), reasons=tuple(reasons),
        claimant=notes.claimant, scope=scope, quantity=notes.quantity, hints=hints, registrations=registrations,
    )


def _narrowed_by_identities(scope: Scope, quantity: Quantity | None, identities: list[Identity],
                            hints: tuple[str, ...]) -> tuple[Scope, tuple[str, ...], tuple[str, ...]]:
    """A sentence naming the callsigns, hex addresses or registrations of what it reports is about those flights:
    the scope keeps only them ("the RC-135V with call sign HARK51 flew along the coast of Crimea"). Not when the
    sentence counts more flights than it names identities ("eleven P-8 flights, one of them as PELCN11"): the
    identity is then an example, and the scope stays the whole count's."""
    if not identities:
        return scope, (), hints
    if quantity is not None and quantity.value > len(identities):
        named = ", ".join(i.value for i in identities)
        return scope, (), (*hints, f"identities named ({named}) are fewer than the {quantity.value:g} counted: "
                                   "not used as a constraint")
    values = {kind: tuple(dict.fromkeys(i.value for i in identities if i.kind == kind))
              for kind in ("callsign", "hex", "registration")}
    scope = scope.with_changes(callsigns=values["callsign"] or scope.callsigns, hexes=values["hex"] or scope.hexes)
    return scope, values["registration"], hints


_FLIGHT_WORDS = ("flights", "flight", "missions", "mission", "sorties", "flew", "flown")
_AIRCRAFT_HASHES = np.array(sorted(hash_string(w) for w in _AIRCRAFT_WORDS), dtype=np.uint64)
_FLIGHT_HASHES = np.array(sorted(hash_string(w) for w in _FLIGHT_WORDS), dtype=np.uint64)


def _word_flags(doc: Doc) -> tuple[np.ndarray, np.ndarray]:
    """Per token: is it a generic aircraft word, is it a flight word (one vectorised pass over the LOWER array)."""
    lower = doc.to_array(LOWER)
    return np.isin(lower, _AIRCRAFT_HASHES), np.isin(lower, _FLIGHT_HASHES)


_STATEMENT_LEAD = frozenset({"on", "in", "last", "this", "earlier"})


def statement_references(doc: Doc, ents: list[Span], attributions: list[Span], text: str,
                         reference: dt.datetime | dt.date) -> list[tuple[int, int, dt.date, Span]]:
    """Sentences that say when their statement was made: (first token, end token, the statement's date, the date
    entity). A quote keeps its own reference date: in an article of February 20, "CNN reported on February 5 that
    … over the past two weeks" means the two weeks before February 5. Recognised: a date right after the
    say-verb ("reported on February 5", "said Tuesday") and a date opening the sentence before a comma when the
    sentence is attributed ("On February 5, CNN reported …"). The statement's own date resolves against the
    article's reference; the other dates of that sentence against the statement's date."""
    out: list[tuple[int, int, dt.date, Span]] = []
    if not attributions:
        return out
    dates = {e.start: e for e in ents if e.label_ == "DATE"}
    for a in attributions:
        sent = doc[a.start].sent
        date = None
        k = a.end
        while k < sent.end and k - a.end < 2 and doc[k].lower_ in _STATEMENT_LEAD and k not in dates:
            k += 1
        if k in dates and (fc_value(a) or {}).get("cue") not in (None, "according to", "citing", "based on"):
            date = dates[k]
        else:
            first = sent.start + (1 if doc[sent.start].lower_ in ("on", "in") else 0)
            d = dates.get(first)
            if d is not None and d.end < len(doc) and doc[d.end].text == "," and d.end <= a.start:
                date = d
        if date is None:
            continue
        period = resolve_period(text[date.start_char:date.end_char], reference)
        if period is not None:
            out.append((sent.start, sent.end, period.end, date))
    return out


def _reference_for(i: int, statements: list[tuple[int, int, dt.date, Span]], default: dt.datetime | dt.date,
                   ent: Span | None = None) -> dt.datetime | dt.date:
    for start, end, ref, date in statements:
        if start <= i < end and (ent is None or ent.start != date.start):
            return ref
    return default


def _read_doc(doc: Doc, offset: int, reference: dt.datetime | dt.date, propose: bool,
              entities: list[ExtractedEntity], proposals: list[ProposedClaimData]) -> None:
    text = doc_text(doc)
    ents = list(doc.ents)  # each doc.ents walks every token: read once, not once per sentence
    attributions = sorted(doc.spans.get(ATTRIBUTIONS_KEY, []), key=lambda s: s.start)
    statements = statement_references(doc, ents, attributions, text, reference)
    for ent in ents:
        label = entity_label(ent)
        if label is None:
            continue
        ent_text = text[ent.start_char:ent.end_char]
        ref = _reference_for(ent.start, statements, reference, ent) if statements and label == "DATE" else reference
        entities.append(ExtractedEntity(label, offset + ent.start_char, offset + ent.end_char,
                                        ent_text, _entity_value(ent, label, ref, ent_text)))
    for span in doc.spans.get(ATTRIBUTIONS_KEY, []):
        entities.append(ExtractedEntity("ATTRIBUTION", offset + span.start_char, offset + span.end_char,
                                        text[span.start_char:span.end_char], dict(fc_value(span) or {})))
    identities = find_identities(text)
    for i in identities:
        entities.append(ExtractedEntity("IDENTITY", offset + i.start, offset + i.end, text[i.start:i.end],
                                        {"kind": i.kind, "value": i.value}))
    if not propose or not len(doc):
        return
    aircraft_words, flight_words = _word_flags(doc)
    # cumulative counts: "any flagged token in [a, b)" is one subtraction per sentence
    aircraft_cum = np.concatenate(([0], np.cumsum(aircraft_words))).tolist()
    flight_cum = np.concatenate(([0], np.cumsum(flight_words))).tolist()
    e = a = 0
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while e < len(ents) and ents[e].start < start:
            e += 1
        while a < len(attributions) and attributions[a].start < start:
            a += 1
        sent_text = text[sent.start_char:sent.end_char]
        if not sent_text.strip():
            continue
        # Span.ents: the entities wholly inside (sorted and disjoint, so they are consecutive from here)
        sent_ents = []
        k = e
        while k < len(ents) and ents[k].end <= end:
            sent_ents.append(ents[k])
            k += 1
        sent_attributions = []
        for span in attributions[a:]:
            if span.start >= end:
                break
            if span.end <= end:
                sent_attributions.append(span)
        flags = (aircraft_cum[end] > aircraft_cum[start], flight_cum[end] > flight_cum[start])
        ref = _reference_for(start, statements, reference) if statements else reference
        sent_identities = [i for i in identities if sent.start_char <= i.start < sent.end_char]
        proposal = _proposal(sent, sent_ents, sent_attributions, sent_text, flags, ref, offset, sent_identities)
        if proposal is not None:
            proposals.append(proposal)


@dataclass
class _Job:
    text: str
    reference: dt.datetime | dt.date
    language: str = "en"
    warning: str | None = None
    entities: list[ExtractedEntity] = field(default_factory=list)
    proposals: list[ProposedClaimData] = field(default_factory=list)


def _prepare(text: Any, published_at: dt.datetime | dt.date | None) -> _Job:
    clean = clean_text(text)
    limit = _max_chars()
    if len(clean) > limit:
        raise ArticleTooLarge(len(clean), limit)
    language, reason = detect_language(clean)
    warning = f"{reason}: entities only, no claims proposed" if reason else None
    return _Job(clean, _reference_date(published_at), language, warning)


def _run(nlp: Language, jobs: list[_Job], batch_size: int) -> None:
    pieces = ((piece, (n, offset)) for n, job in enumerate(jobs) for offset, piece in chunks(job.text) if piece.strip())
    for doc, (n, offset) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size, n_process=1):
        job = jobs[n]
        _read_doc(doc, offset, job.reference, job.language == "en" and job.warning is None, job.entities,
                  job.proposals)


def _result(job: _Job, vocabulary: Vocabulary) -> Extraction:
    entities = sorted(job.entities, key=lambda e: (e.start, e.end, e.label))
    return Extraction(
        entities=tuple(entities),
        proposed_claims=tuple(sorted(job.proposals, key=lambda p: p.start)),
        language=job.language,
        warning=job.warning,
        vocabulary_version=vocabulary.version,
        chars=len(job.text),
    )


def extract(text: str, *, published_at: dt.datetime | dt.date | None, vocabulary: Vocabulary | None = None
            ) -> Extraction:
    """Entities and proposed claims of one article; dates resolve against ``published_at`` (None: now).

    ``vocabulary`` defaults to the built-in seed; the extraction service passes ``vocabulary_from_db()``.
    Raises only :class:`ArticleTooLarge`.
    """
    return extract_many([(text, published_at)], vocabulary=vocabulary)[0]


def extract_many(
    items: Iterable[tuple[str, dt.datetime | dt.date | None]],
    *,
    vocabulary: Vocabulary | None = None,
    batch_size: int = 32,
) -> list[Extraction]:
    """Several articles at once, batched through ``nlp.pipe`` (``n_process=1``: safe inside Celery's prefork
    workers). Results are in input order. An article over the size limit raises :class:`ArticleTooLarge` before
    any work is done."""
    vocabulary = vocabulary or default_vocabulary()
    nlp = get_pipeline(vocabulary)
    jobs = [_prepare(text, published_at) for text, published_at in items]
    _run(nlp, jobs, batch_size)
    return [_result(job, vocabulary) for job in jobs]
