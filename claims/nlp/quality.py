"""Measuring the extractor on hand-annotated reports: recall per category, false positives, and which of those
reach a proposed claim's scope.

A development set is a JSON file (``tests/nlp/devset/*.json``, format in the README there): reports with their
text, publication date and the gold annotations a fact-checker would mark — aircraft (with the ICAO designator when
known), places, bases and cities, organisations, people, claimants, counts with their unit. Gold strings may list
alternatives with ``|`` ("Kaliningrad region|Kaliningrad").

Matching (per report, each distinct gold item once): a prediction of the right category matches a gold item when
its text — for a person the name without the title, for an attribution the claimant — equals one of the item's
spellings after normalising (case, a leading "the", a possessive, curly quotes), or one contains the other as whole
words and the shorter is at least :data:`CONTAIN_RATIO` of the longer (so "Air Force" does not pass for "Royal Air
Force"). Claimants match on containment alone ("Data from tracking website Flightradar24" names Flightradar24).
Counts match on value and unit, and the prediction must overlap the gold phrase. An aircraft with the wrong
designator is counted as found but listed under ``value_errors``, and is a false positive that can reach a scope.

A false positive is a prediction that matches no gold item of its category (a PLACE may match a place or a base).
It *reaches a scope* when it is the entity a proposed claim's scope was built from: a region slug, an operator, an
aircraft type or the stated count.

Used by ``manage.py score_nlp_devset`` (the lead reruns it after merging new vocabulary) and by the quality-floor
tests in ``tests/nlp/test_devset.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims.nlp.extract import ExtractedEntity, Extraction, extract
from claims.nlp.vocabulary import Vocabulary

CATEGORIES = ("aircraft", "places", "bases", "organisations", "people", "claimants", "counts")
#: The goals of issue 13 (recall, percent).
GOALS = {"aircraft": 95, "places": 90, "bases": 80, "organisations": 85, "people": 90, "claimants": 85,
         "counts": 90}
CONTAIN_RATIO = 0.8
_AIRCRAFT_NOUNS = frozenset({"aircraft", "bomber", "jet", "fighter", "plane", "airplane", "drone", "warplane",
                             "uav", "helicopter", "tanker", "airframe", "platform", "interceptor"})
_FLIGHT_NOUNS = frozenset({"mission", "flight", "sortie", "patrol", "overflight", "trip", "operation", "time"})
_UNIT_ALIASES = {"meter": "m", "metre": "m", "kilometer": "km", "kilometre": "km", "mile": "mi", "feet": "ft",
                 "foot": "ft", "hour": "hours", "nautical": "nm", "nmi": "nm", "kt": "knots", "knot": "knots"}


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word


def normalise_unit(unit: str | None) -> str:
    """One spelling per unit: aircraft nouns → "aircraft", flight nouns → "flights", lengths to symbols."""
    if not unit:
        return ""
    word = _singular(unit.split()[-1])
    if word in _AIRCRAFT_NOUNS:
        return "aircraft"
    if word in _FLIGHT_NOUNS:
        return "flights"
    return _UNIT_ALIASES.get(word, _UNIT_ALIASES.get(unit.lower(), word))


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def normalise(text: str) -> str:
    text = " ".join(text.translate(_QUOTES).split()).strip(" .,;:\"'").lower()
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    text = re.sub(r"(?<=\d)s$", "", text)  # "B-52s" is "B-52"
    return re.sub(r"'s$", "", text)


def _contains(long: str, short: str) -> bool:
    return bool(short) and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


def text_matches(predicted: str, gold: str, *, containment_only: bool = False) -> bool:
    """Whether a predicted text matches a gold item (``|``-separated spellings); see the module docstring."""
    p = normalise(predicted)
    for spelling in gold.split("|"):
        g = normalise(spelling)
        if not g or not p:
            continue
        if p == g:
            return True
        long, short = (p, g) if len(p) >= len(g) else (g, p)
        if _contains(long, short) and (containment_only or len(short) >= CONTAIN_RATIO * len(long)):
            return True
    return False


@dataclass(frozen=True)
class Prediction:
    category: str
    text: str  # what is compared: the name for a person, the claimant for an attribution
    start: int
    end: int
    entity: ExtractedEntity

    def describe(self) -> str:
        extra = ""
        value = self.entity.value
        if self.category == "aircraft":
            extra = f" → {value.get('designator') or '?'}"
        elif self.category == "counts":
            extra = f" → {value.get('value')} {value.get('unit')}"
        elif self.entity.label in ("ORG", "PLACE") and value.get("slug"):
            extra = f" → {value['slug']}"
        return f"{self.entity.label} {self.text!r}{extra}"


def predictions(extraction: Extraction) -> list[Prediction]:
    out: list[Prediction] = []
    for e in extraction.entities:
        v = e.value
        if e.label == "AIRCRAFT" and not v.get("role"):
            out.append(Prediction("aircraft", e.text, e.start, e.end, e))
        elif e.label == "PLACE":
            out.append(Prediction("places", e.text, e.start, e.end, e))
        elif e.label == "ORG":
            out.append(Prediction("organisations", e.text, e.start, e.end, e))
        elif e.label == "PERSON":
            out.append(Prediction("people", v.get("full_name") or v.get("name") or e.text, e.start, e.end, e))
        elif e.label == "ATTRIBUTION" and v.get("claimant"):
            out.append(Prediction("claimants", v["claimant"], e.start, e.end, e))
        elif e.label == "QUANTITY" and v.get("value") is not None:
            out.append(Prediction("counts", e.text, e.start, e.end, e))
    return out


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    spans = []
    for spelling in phrase.split("|"):
        for m in re.finditer(re.escape(spelling), text):
            spans.append((m.start(), m.end()))
        if not spans:
            for m in re.finditer(re.escape(spelling), text, re.IGNORECASE):
                spans.append((m.start(), m.end()))
    return spans


def _overlaps(p: Prediction, spans: list[tuple[int, int]]) -> bool:
    return any(p.start < e and s < p.end for s, e in spans)


@dataclass
class ReportScore:
    report_id: str
    found: dict[str, list[str]] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    false_positives: list[str] = field(default_factory=list)
    scope_false_positives: list[str] = field(default_factory=list)
    value_errors: list[str] = field(default_factory=list)


def _gold_items(gold: dict[str, Any], category: str) -> list[Any]:
    return list(gold.get(category) or [])


def _match(p: Prediction, item: Any, category: str, text: str) -> bool:
    if category == "counts":
        value, unit, phrase = item
        v = p.entity.value
        return (v.get("value") == value and normalise_unit(v.get("unit")) == normalise_unit(unit)
                and _overlaps(p, _occurrences(text, phrase)))
    phrase = item[0] if isinstance(item, list) else item
    if text_matches(p.text, phrase, containment_only=category == "claimants"):
        return True
    if category == "aircraft" and isinstance(item, list) and item[1]:
        # "B-52 bombers" → B52 for "B-52", "Typhoons" → EUFI for "Typhoon": the same designator and one name
        # inside the other, plurals aside
        return p.entity.value.get("designator") == item[1] and any(
            _contains(*sorted((_singular_words(p.text), _singular_words(g)), key=len, reverse=True))
            for g in phrase.split("|"))
    return False


def _singular_words(text: str) -> str:
    return " ".join(_singular(w) for w in normalise(text).split())


def _key(p: Prediction) -> str | None:
    """What a prediction resolves to: a region or organisation slug, an aircraft designator."""
    v = p.entity.value
    return v.get("designator") if p.category == "aircraft" else v.get("slug")


def score_report(report: dict[str, Any], extraction: Extraction) -> ReportScore:
    text = report["text"]
    gold = report["gold"]
    preds = predictions(extraction)
    result = ReportScore(report["id"])
    matched: set[int] = set()
    for category in CATEGORIES:
        pred_category = "places" if category == "bases" else category
        found, missed = [], []
        for item in _gold_items(gold, category):
            label = f"{item[0]} {item[1]}" if category == "counts" else (item[0] if isinstance(item, list) else item)
            hits = [i for i, p in enumerate(preds) if p.category == pred_category and _match(p, item, category, text)]
            if not hits:
                missed.append(label)
                continue
            found.append(label)
            matched.update(hits)
            if category == "aircraft" and isinstance(item, list) and item[1]:
                for i in hits:
                    designator = preds[i].entity.value.get("designator")
                    if designator and designator != item[1]:
                        result.value_errors.append(f"{preds[i].text!r} read as {designator}, not {item[1]}")
                        matched.discard(i)
        result.found[category] = found
        result.missed[category] = missed
    # another mention of what a matched prediction resolved to ("the alliance" after "NATO", "B-52 bombers" after
    # "B-52") is the same entity, not a false positive
    keys = {(preds[i].category, _key(preds[i])) for i in matched if _key(preds[i])}
    matched.update(i for i, p in enumerate(preds) if _key(p) and (p.category, _key(p)) in keys
                   and not any(p.text in e for e in result.value_errors))
    for i, p in enumerate(preds):
        if i not in matched:
            result.false_positives.append(p.describe())
    result.scope_false_positives = _scope_false_positives(extraction, [p for i, p in enumerate(preds)
                                                                       if i not in matched])
    return result


def _scope_false_positives(extraction: Extraction, wrong: list[Prediction]) -> list[str]:
    """The wrong predictions a proposed claim's scope was built from (see the module docstring)."""
    out = []
    for claim in extraction.proposed_claims:
        scope = claim.scope
        if scope is None:
            continue
        slugs = {r.slug for r in scope.regions}
        for p in wrong:
            if not (claim.start <= p.start and p.end <= claim.end):
                continue
            v = p.entity.value
            reached = (
                (p.entity.label == "PLACE" and v.get("slug") in slugs)
                or (p.entity.label == "ORG" and v.get("slug") in scope.operators)
                or (p.entity.label == "AIRCRAFT" and v.get("designator") in scope.type_designators)
                or (p.entity.label == "QUANTITY" and v.get("counts_missions") and claim.quantity is not None)
            )
            if reached:
                out.append(f"{p.describe()} in claim {claim.text[:60]!r}…")
    return out


@dataclass
class SetScore:
    reports: list[ReportScore]

    def totals(self) -> dict[str, tuple[int, int]]:
        """category → (found, gold)."""
        out = {}
        for c in CATEGORIES:
            found = sum(len(r.found.get(c, [])) for r in self.reports)
            missed = sum(len(r.missed.get(c, [])) for r in self.reports)
            out[c] = (found, found + missed)
        return out

    def false_positive_count(self) -> int:
        return sum(len(r.false_positives) for r in self.reports)

    def scope_false_positive_count(self) -> int:
        return sum(len(r.scope_false_positives) for r in self.reports)

    def table(self, title: str) -> str:
        lines = [f"{title}: {len(self.reports)} reports", "| category | found / gold | recall | goal |",
                 "|---|---|---|---|"]
        for c, (found, total) in self.totals().items():
            recall = 100.0 * found / total if total else 100.0
            lines.append(f"| {c} | {found} / {total} | {recall:.0f} % | ≥ {GOALS[c]} % |")
        lines.append(f"false positives: {self.false_positive_count()}; reaching a claim's scope: "
                     f"{self.scope_false_positive_count()}; wrong designators: "
                     f"{sum(len(r.value_errors) for r in self.reports)}")
        return "\n".join(lines)

    def details(self) -> str:
        lines = []
        for r in self.reports:
            missed = {c: m for c, m in r.missed.items() if m}
            if not (missed or r.false_positives or r.value_errors):
                continue
            lines.append(f"## {r.report_id}")
            for c, m in missed.items():
                lines.append(f"  missed {c}: {', '.join(m)}")
            for fp in r.false_positives:
                lines.append(f"  false positive: {fp}")
            for fp in r.scope_false_positives:
                lines.append(f"  REACHES SCOPE: {fp}")
            for err in r.value_errors:
                lines.append(f"  wrong value: {err}")
        return "\n".join(lines)


def load_reports(path: Path) -> list[dict[str, Any]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return list(data["reports"])


def score_reports(reports: Iterable[dict[str, Any]], vocabulary: Vocabulary | None = None) -> SetScore:
    scores = []
    for report in reports:
        published = dt.datetime.fromisoformat(report["published"]).replace(hour=12, tzinfo=dt.UTC)
        extraction = extract(report["text"], published_at=published, vocabulary=vocabulary)
        scores.append(score_report(report, extraction))
    return SetScore(scores)
