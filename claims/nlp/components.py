"""Rule components for what the vocabulary cannot list: dates and rates, quantities, people, attributions.

They run after the vocabulary matcher (``fc_vocabulary``, also here; after a trained ``ner`` when ``SPACY_MODEL`` is
set). Entities the rules made (labels in :data:`RULE_LABELS`) are never overwritten; entities a statistical model
made give way to a rule match that overlaps them, because the rules carry normalised values the model cannot give.

Speed (~3.5 ms CPU for a 1,000-word article): the text is scanned with ``str.find`` for where each regex can start
and the regex runs only there (:func:`claims.nlp.dates.finditer_at`); character → token lookups bisect a list of
token offsets computed once per doc; entities collect in a list written to ``doc.ents`` once, by ``fc_meta``.

Normalised values ride on spans as ``span._.fc_value`` (spaCy keeps span extension values by character offsets, so
they survive ``doc.ents`` being rebuilt). Dates are stored unresolved (``{"kind": ...}``): resolving needs the
reference datetime, which differs per article, while the pipeline is shared (see ``claims.nlp.extract``).
Attributions are not entities in ``doc.ents`` — they overlap the claimant's own entities ("three US officials") —
and live in ``doc.spans["fc_attributions"]``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

import numpy as np
from spacy.attrs import ENT_IOB, IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claims.nlp.dates import (
    NUMBER_WORDS,
    QUALIFIERS,
    WEEKDAYS,
    find_temporal,
    finditer_at,
    lowered,
    parse_number,
    resolve_rate,
)
from claims.nlp.lexicon import BASELINE_WORDS, DISTANCE_UNITS, MISSION_NOUNS

RULE_LABELS = frozenset({"AIRCRAFT", "PLACE", "ORG", "DATE", "RATE", "QUANTITY", "PERSON"})
ATTRIBUTIONS_KEY = "fc_attributions"
_VIEW_KEY = "_fc_view"
TEXT_KEY = "_fc_text"
_TEXT_CHECKED_KEY = "_fc_text_tokens"

if not Span.has_extension("fc_value"):
    Span.set_extension("fc_value", default=None)

#: Where spaCy keeps ``span._.fc_value``: ``doc.user_data[("._.", "fc_value", start_char, end_char)]``. Going
#: through ``span._`` builds an ``Underscore`` object per access (~3.5 µs; the extractor makes hundreds per
#: article), so :func:`fc_value` and :func:`set_fc_value` use the key directly. :func:`check_extension_storage` (run
#: when a pipeline is built) falls back to ``span._`` should a spaCy version store extensions differently.
_direct_extension = True


def _extension_key(span: Span) -> tuple[str, str, int, int]:
    return ("._.", "fc_value", span.start_char, span.end_char)


def fc_value(span: Span) -> dict[str, Any] | None:
    """``span._.fc_value``, read without building the ``Underscore`` object."""
    if _direct_extension:
        return span.doc.user_data.get(_extension_key(span))
    return span._.fc_value


def set_fc_value(span: Span, value: dict[str, Any]) -> None:
    """``span._.fc_value = value``, see :func:`fc_value`."""
    if _direct_extension:
        span.doc.user_data[_extension_key(span)] = value
    else:
        span._.fc_value = value


def check_extension_storage(doc: Doc) -> bool:
    """Whether ``span._`` stores values where :func:`fc_value` looks (tested on a scratch doc of two tokens or more);
    if not, switch to the slow, always-correct path. Returns the mode in use."""
    global _direct_extension
    if len(doc) < 2:
        return _direct_extension
    span = doc[0:2]
    probe = {"probe": True}
    span._.fc_value = probe
    stored = doc.user_data.get(_extension_key(span)) is probe
    span._.fc_value = None
    doc.user_data.pop(_extension_key(span), None)
    _direct_extension = stored
    return stored

ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$|^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$",
                     re.IGNORECASE)
YEAR = re.compile(r"^(19|20)\d\d$")

ROLE_NOUNS = ["czar", "tsar", "secretary", "spokesperson", "spokesman", "spokeswoman", "minister", "president",
              "senator", "sen.", "rep.", "representative", "gen.", "general", "adm.", "admiral", "col.", "colonel",
              "lt.", "lieutenant", "maj.", "commander", "cmdr.", "chief", "director", "administrator", "ambassador",
              "governor", "gov.", "mayor", "sheriff", "chairman", "chairwoman", "lawmaker", "analyst", "researcher",
              "sgt.", "sergeant", "envoy", "adviser", "advisor", "attorney", "judge", "captain", "capt.", "premier",
              "head", "spokesperson", "expert", "reporter", "correspondent", "journalist", "pilot", "leader",
              "major", "marshal", "brigadier", "brig.", "counterpart", "president-elect", "secretary-general",
              "commissioner", "chancellor", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "sir", "lord",
              "prime minister", "foreign minister", "defence minister", "defense minister", "cpl.", "pvt.",
              "officer", "commodore", "vice admiral", "rear admiral", "lt. gen.", "lt. col.", "maj. gen.",
              "press secretary", "press officer", "news director", "officer commanding", "ceo", "chief executive",
              # air force and naval ranks of the Commonwealth style ("Air Vice Marshal Prapas Sornchaidee")
              "air vice marshal", "air vice-marshal", "air marshal", "air chief marshal", "air commodore",
              "group captain", "wing commander", "squadron leader", "flight lieutenant", "vice-admiral",
              "rear-admiral",
              # rank abbreviations written without their period (British and wire style: "Maj Gen", "Lt Col")
              "gen", "lt", "col", "maj", "capt", "sgt", "brig", "adm", "cmdr", "cpl",
              # local office holders ("Lurin Councilman Gustavo Espinosa")
              "councilman", "councilwoman", "councillor", "councilor", "alderman", "deputy mayor", "prefect",
              # a ruler's or a militia's head written as a title ("strongman Khalifa Haftar", blind10)
              "strongman", "warlord"]
ROLE_MODIFIERS = frozenset({"border", "defense", "defence", "deputy", "press", "former", "acting", "state", "homeland",
                            "security", "foreign", "senior", "top", "white", "house", "military", "intelligence",
                            "pentagon", "navy", "air", "force", "army", "national", "assistant", "principal",
                            "vice", "joint", "staff", "retired", "open-source", "flight-tracking", "aviation",
                            "prime", "chief", "rear", "new", "then", "incoming", "outgoing", "naval",
                            "cabinet"})  # "Chief Cabinet Secretary" is a title, no name (blind13)
SAY_VERBS = frozenset({"said", "says", "say", "told", "tells", "reported", "reports", "confirmed", "confirms",
                       "stated", "shows", "showed", "show", "indicated", "indicates", "indicate", "wrote", "writes",
                       "added", "noted", "acknowledged", "claimed", "claims", "announced", "revealed", "suggested",
                       "suggests", "learned", "learnt", "speculated", "dubbed", "tweeted", "posted", "described",
                       "mentioned", "estimated", "identified", "warned", "insisted", "explained", "reveals",
                       "estimates", "responded", "responds", "replied", "declared", "disclosed", "asserted",
                       "states", "announces", "notes", "emphasised", "emphasized", "stressed", "protested",
                       "claim", "quoted", "maintains", "maintained", "accused", "accuses",
                       # blame, lament and allegation report a speaker as "said" does ("Defense Minister Pedro
                       # Sánchez, however, blamed the downing on …", "Maduro has alleged the US is …", blind10)
                       "blamed", "blames", "lamented", "laments", "alleged", "alleges", "denounced", "denounces",
                       "complained", "complains", "argued", "argues", "conceded", "concedes", "admitted",
                       "admits",
                       # a public promise reports a statement ("Yoshihide Suga … vowed after the incident", blind13)
                       "vowed", "vows",
                       # "Erdogan condemned the attacks as a threat" (blind12): a verdict reported as "said" is
                       "condemned", "condemns",
                       # only before "that" (see THAT_SAY_VERBS)
                       "maintain", "emphasize", "emphasise", "stress", "caution", "cautions", "cautioned", "argue",
                       "contend", "contends", "contended", "demanded", "demands", "determined", "concluded", "report",
                       # only before "out" ("Ageda pointed out, “…”", blind13)
                       "pointed", "points",
                       # only before an object and "that" (see OBJECT_THAT_SAY_VERBS)
                       "informed", "informs", "assured", "assures", "reminded", "reminds",
                       # only before a statement (see STATEMENT_VERBS)
                       "released", "issued", "provided", "gave", "offered", "sent",
                       # "China asserts its claim over …" (blind14)
                       "asserts",
                       # "China's Defense Ministry urges the United States to stop …", "The Defense Ministry
                       # commented on the … flights" (blind16) — not "has not commented"
                       "urges", "urged", "commented"})
#: Say-verbs that are also adjectives before a noun ("the alleged pilots") and the words that make them one.
_ADJECTIVAL_VERBS = frozenset({"alleged", "admitted", "conceded", "lamented"})
_DETERMINERS = frozenset({"the", "a", "an", "of", "its", "their", "his", "her", "this", "these", "those", "our",
                          "my", "your", "that", "any", "some", "every", "each"})
#: Verbs that report speech only before "that" (an adverb may come between): "experts maintain that …", "officials
#: emphasize that …", "Belousov cautioned that …" — not "RAF crews maintain a constant watch", "pilots stress the
#: airframe" (blind11).
THAT_SAY_VERBS = frozenset({"maintain", "emphasize", "emphasise", "stress", "caution", "cautions", "cautioned",
                            "argue", "contend", "contends", "contended",
                            # "the mayor … visited the bureau and demanded that …" (blind13), not "demanded a
                            # ransom"
                            "demanded", "demands",
                            # "Airforce Technology determined that there are …" (blind15), not "determined to"
                            "determined", "concluded",
                            # "Iraqi government ministers report that …" (blind17), not "report the incident"
                            "report"})  # "argued", "argues": any (blind10)
#: Verbs that report speech only before "out": "Ageda pointed out, “…”" (blind13), not "the nose pointed north".
OUT_SAY_VERBS = frozenset({"pointed", "points"})
#: Verbs of informing that report before an object and "that": "informed the media that …", "assured lawmakers
#: that …" — not "the radar informed the crew of the threat" (blind11's pass, seen on an unscored report).
OBJECT_THAT_SAY_VERBS = frozenset({"informed", "informs", "assured", "assures", "reminded", "reminds"})
#: "vowed to be on Taiwan's side": a promise of an act, not a statement (dev) — "vowed “Japan will …”" is one.
_PROMISE_VERBS = frozenset({"vowed", "vows"})
#: Verbs that report only before the statement they put out: "Peters and Collins released a joint statement",
#: "the ministry issued a statement" — not "released the pilot", "issued a NOTAM" (blind12).
STATEMENT_VERBS = frozenset({"released", "issued", "provided", "gave", "offered", "sent"})
#: "Finland responded to the sighting by scrambling two Hornets": a reaction, not a statement (blind11).
_REACTION_VERBS = frozenset({"responded", "responds"})
SOURCE_NOUNS = frozenset({"official", "officials", "spokesperson", "spokesman", "spokeswoman", "source", "sources",
                          "agencies",  # "Russian news agencies reported that …" (blind12)
                          "analyst", "analysts", "officer", "officers", "expert", "experts", "data", "records",
                          "report", "statement", "researchers", "researcher", "trackers", "tracker", "people",
                          "person", "aides", "aide", "lawmakers", "diplomats", "diplomat", "document", "documents",
                          "ministry", "command", "department", "agency", "military", "logs", "figures", "observers",
                          "watchers", "spotters", "website", "site", "monitors", "journalists", "reporters",
                          "services", "service", "secretary", "minister", "ministers", "government",
                          "newspaper", "outlet", "outlets", "portal", "websites", "video", "videos", "footage",
                          "images", "imagery", "photos", "photographs", "image", "photo", "photograph",
                          # people on the ground and unnamed reports ("Residents say", "Reports claim that")
                          "reports", "residents", "witnesses", "villagers", "locals", "workers", "doctors",
                          # a social network's users ("One Twitter user claimed to have geolocated", blind17)
                          "user", "users",
                          "doctor", "witness",
                          # the press and the state ("state media said", "Belgrade authorities claimed", "the
                          # military's media wing claimed")
                          "media", "broadcaster", "television", "channel", "authorities", "wing",
                          # an official text ("The release went on to say", blind9)
                          "release",
                          # "defence chiefs have said", "Zelensky’s office said", "one resident told Reuters",
                          # "an eye-witness said" (blind8's pass)
                          "chiefs", "commanders", "office", "resident", "villager", "eyewitness", "eye-witness",
                          # "the milbloggers added", "other Telegram channels have provided details" (blind14)
                          "milbloggers", "milblogger", "bloggers", "blogger", "channels",
                          # "The … Air Force (TNI AU) headquarters has issued a clarification" (blind14)
                          "headquarters"})
#: A country's institutions, which speak after "its"/"their" ("…on Saturday, its military said").
_INSTITUTION_NOUNS = frozenset({"military", "government", "ministry", "army", "navy", "embassy", "armed", "defence",
                                "defense", "foreign", "coast"})
#: Words skipped between a subject and its say-verb ("the defence secretary has revealed").
AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "is", "are", "also", "later", "previously", "been",
                         "then", "first", "publicly", "separately", "earlier", "further", "again",
                         # "Andrei Belousov recently cautioned that" (blind11)
                         "recently", "repeatedly", "reportedly", "officially", "privately", "already",
                         "initially", "subsequently", "openly", "explicitly", "firmly", "strongly"})
#: What "according to" means "in keeping with" before: "according to a flight plan", "according to the rules".
NORM_NOUNS = frozenset({"plan", "plans", "schedule", "rules", "rule", "procedure", "procedures", "norms", "law",
                        "laws", "regulations", "standards", "protocol", "protocols", "instructions", "script",
                        # "per Article 5 of the treaty", "per the Minsk agreement" (blind8's "per" cue)
                        "article", "agreement", "agreements", "treaty", "treaties", "resolution", "convention",
                        "accord", "accords", "doctrine", "guidelines", "mandate",
                        # "according to the shifts and the modalities established by NATO" (blind11)
                        "shifts", "shift", "modalities", "timetable", "rota", "rotation", "arrangements"})
#: Prepositions that end the source after a cue ("claimed by the militia against Israel", blind10).
_NO_SOURCE_PREPOSITIONS = frozenset({"against", "toward", "towards", "since", "during", "amid", "despite"})
#: What "citing" names when it gives a reason, not a source ("citing security concerns", blind10).
_REASON_NOUNS = frozenset({"concerns", "concern", "reasons", "reason", "grounds", "fears", "risks", "risk",
                           "considerations", "sensitivities", "weather", "conditions"})
#: The verb "be" before a say-verb makes it passive: "dozens of people were reported killed" names no source.
_PASSIVE_BE = frozenset({"was", "were", "is", "are", "been", "being", "be"})
#: Words that start a claimant phrase by pointing back ("according to their information"): not a claimant.
ANAPHORIC = frozenset({"their", "his", "her", "its", "him", "them", "it", "this", "that", "these", "those"})
CLAUSE_STOPS = frozenset({"that", "which", "who", "and", "but", "or", "as", "when", "while", "because", "if", "so",
                          "than", "after", "before", "since", "where", "whom", "whose"})
CUE_STOP_PUNCT = frozenset({",", ";", ":", ".", "!", "?", "(", ")", '"', "“", "”", "—", "–"})
ATTRIBUTION_CUES = re.compile(
    r"\b(according to|as reported by|reported by|as shown by|as seen in|as confirmed by|confirmed by|citing|"
    r"as documented by|based on|with reference to|referring to|follows from the data of|follows from|"
    # "per" before a handle or, in wire summaries, a capitalised source ("per CNN", "per the New York Times";
    # blind8) — "per day", "per cent" stay units
    r"(?:is|was|as) stated in|as reported in|per(?=\s+(?:the\s+)?(?:@|(?-i:[A-Z])))|"
    # passive attributions: "a report dismissed by Armenia", "as later confirmed by … sources", "issued by the …"
    r"(?:as\s+(?:later\s+|also\s+|first\s+)?)?(?:dismissed|denied|rejected|disputed|announced|claimed|issued|"
    r"released|published|quoted|cited|confirmed|reported|tagged|described|branded|labell?ed)"
    # "a statement issued here by …", "reported on Telegram by the … Command" (blind16): where, then who
    r"(?:\s+(?:here|there|today|on\s+(?:X|Twitter|Telegram|Bluesky|Facebook|Instagram)))?\s+by)\s+",
    re.IGNORECASE)
NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)?\.?$")
NOT_NAMES = frozenset({"The", "A", "An", "He", "She", "They", "It", "We", "I", "This", "That", "These", "Those",
                       "Officials", "Official", "Sources", "Data", "But", "And", "Yet", "So", "In", "On", "At",
                       "According", "Citing", "Historically", "However", "Meanwhile", "Flight", "Aircraft",
                       "There", "Their",
                       "His", "Her", "Our", "Its", "Analysts", "Experts", "Monday", "Tuesday", "Wednesday", "Thursday",
                       "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
                       "July", "August", "September", "October", "November", "December", "Mr.", "Ms.", "Mrs.",
                       # a clause opener or a number word at the start of a sentence is no part of a name ("Since
                       # Kim declared…", "Two U.S. Air Force B-1B bombers")
                       "Since", "After", "Before", "While", "When", "As", "If", "Although", "Though", "During",
                       "Despite", "Until", "Once", "Later", "Earlier", "Separately", "Then", "Both", "Several",
                       "Dozens", "Hundreds", "Commanding",
                       # a preposition opening a sentence ("Outside Troms region, the aircraft were shadowed")
                       "Outside", "Inside", "Near", "Off", "Across", "Along", "Around", "Beyond", "Amid", "Within",
                       "Toward", "Towards",
                       "By",  # a byline's "By Capt. Rachel N Salpietra" (blind11)
                       *(w.capitalize() for w in NUMBER_WORDS if " " not in w and len(w) > 2)})


#: Letters written after a British or Commonwealth name: an office or an honour, never a name or a body ("The
#: Minister for Armed Forces James Heappey MP said", blind13).
POST_NOMINALS = frozenset({"MP", "MSP", "MEP", "MLA", "MS", "TD", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE",
                           "DFC", "AFC", "DSO", "MC", "GCB", "KCB", "CB", "VC", "ADC", "PhD"})


def without_post_nominals(name: str) -> str:
    """A person's name without the letters after it: "Alison Dunmore MP" → "Alison Dunmore"."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(",") in POST_NOMINALS:
        words.pop()
    return " ".join(words)


_STATE_KEY = "_fc_entities"


def current_ents(doc: Doc) -> list[Span]:
    """The entities so far, including those rule components added but not yet written to ``doc.ents``.

    Each ``doc.ents = …`` costs ~1 ms on a 1,000-word article (spaCy re-validates every token), so the rule
    components collect their spans here and ``fc_meta`` (the last component) writes them once.
    """
    state = doc.user_data.get(_STATE_KEY)
    if state is None:
        state = doc.user_data[_STATE_KEY] = list(doc.ents)
    return state


def _rule_token_mask(doc: Doc) -> list[bool]:
    """True for tokens inside an entity a rule made (those are never overwritten)."""
    mask = [False] * len(doc)
    for ent in current_ents(doc):
        if ent.label_ in RULE_LABELS:
            mask[ent.start:ent.end] = [True] * (ent.end - ent.start)
    return mask


def _add_entities(doc: Doc, spans: Iterable[Span]) -> None:
    """Add rule spans: they may replace model-made entities they overlap, never rule-made ones."""
    new = filter_spans([s for s in spans if s is not None])
    if not new:
        return
    taken = [False] * len(doc)
    for span in new:
        taken[span.start:span.end] = [True] * (span.end - span.start)
    kept = [e for e in current_ents(doc) if e.label_ in RULE_LABELS or not any(taken[e.start:e.end])]
    doc.user_data[_STATE_KEY] = sorted([*kept, *new], key=lambda s: s.start)


def commit_entities(doc: Doc) -> None:
    state = doc.user_data.pop(_STATE_KEY, None)
    if state is not None:
        if any(b.start < a.end for a, b in pairwise(state)):
            state = filter_spans(state)  # never fail an article over two rules claiming one token: longest wins
        doc.ents = state


def _free(mask: list[bool], span: Span) -> bool:
    return not any(mask[i] for i in range(span.start, span.end))


_NEWLINE = re.compile(r"\n\s*")


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached: spaCy rebuilds it from every token on each access.

    The cached text is checked against the doc's length in characters once, then trusted while the doc keeps its
    number of tokens (the check itself builds two ``Token`` objects, and readers call this hundreds of times)."""
    user_data = doc.user_data
    text = user_data.get(TEXT_KEY)
    n = len(doc)
    if text is not None and user_data.get(_TEXT_CHECKED_KEY) == n:
        return text
    if text is None or (n and len(text) != doc[-1].idx + len(doc[-1].text_with_ws)):
        text = user_data[TEXT_KEY] = doc.text
    user_data[_TEXT_CHECKED_KEY] = n
    return text


class _DocView:
    """What the rule components read from a doc, computed once per doc: its text, the text lower-cased for
    ``str.find`` (see :func:`claims.nlp.dates.finditer_at`), the tokens' start offsets (for character → token;
    ``Doc.char_span`` scans tokens linearly), the tokens' texts and the say-verb matches two components use.

    How a rule should walk the tokens (``doc[i]`` and ``for t in doc`` build a Python ``Token`` per call, ~40,000
    per 1,000-word article when every rule walked the doc): get ``view = _view(doc)``, find the few positions where
    the rule can start with a cheap test on plain strings — ``view.at(doc, WORDS)`` (tokens whose text is in a
    set), ``view.at_lower(doc, WORDS)`` (the same, lower-cased), or a test on ``view.words(doc)[i]`` (``.istitle()``
    is ``is_title``, ``.isdigit()`` ``is_digit``, ``.isupper()`` ``is_upper``, ``.lower()`` ``lower_``) — and build
    tokens (``doc[i]``) only there."""

    __slots__ = ("_at", "_doc", "_lowers", "_say", "_words", "low", "n_chars", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.n_chars = len(self.text)
        self.low = lowered(self.text)
        self.starts: list[int] = doc.to_array("IDX").tolist()
        self._say: list[re.Match[str]] | None = None
        self._words: list[str] | None = None
        self._lowers: list[str] | None = None
        self._at: dict[str, list[int]] | None = None
        self._doc = None

    def words(self, doc: Doc) -> list[str]:
        """Each token's text, from the offsets (``for token in doc`` builds a Python object per token)."""
        if self._words is None:
            lengths = doc.to_array("LENGTH").tolist()
            text = self.text
            self._words = [text[s:s + n] for s, n in zip(self.starts, lengths, strict=True)]
        return self._words

    def lowers(self, doc: Doc) -> list[str]:
        """Each token's ``lower_``."""
        if self._lowers is None:
            self._lowers = [w.lower() for w in self.words(doc)]
        return self._lowers

    def at(self, doc: Doc, texts: Iterable[str]) -> list[int]:
        """The indexes, in order, of the tokens whose text is one of ``texts``."""
        if self._at is None:
            self._at = {}
            for i, w in enumerate(self.words(doc)):
                self._at.setdefault(w, []).append(i)
        at = self._at
        return sorted(i for w in at.keys() & texts for i in at[w])

    def at_lower(self, doc: Doc, lowers: frozenset[str] | set[str]) -> list[int]:
        """The indexes, in order, of the tokens whose ``lower_`` is one of ``lowers``."""
        return [i for i, w in enumerate(self.lowers(doc)) if w in lowers]

    @property
    def say_matches(self) -> list[re.Match[str]]:
        if self._say is None:
            # a say-verb is written in lower case; "United States", "Notes" are not one
            self._say = sorted([m for m in [*finditer_at(_SAY_RE, self.text, self.low, _SAY_PREFIXES),
                                            *_NAMING_RE.finditer(self.text)]
                                if m.group(0)[:1].islower() and _reports_here(m, self.text)],
                               key=lambda m: m.start())
        return self._say


_AFTER_THAT_VERB = re.compile(r"\s+(?:[a-z]+ly\s+)?that\b")
_AFTER_REACTION = re.compile(r"\s+to\b")
_AFTER_OUT = re.compile(r"\s+out\b")
_AFTER_ON = re.compile(r"\s+on\b")
_AFTER_OF = re.compile(r"\s+of\b")
#: Say-verbs that demand before "on" ("insisted on a ceasefire"; blind14).
_DEMAND_VERBS = frozenset({"insisted", "insists", "insist"})
#: the object is an audience written in lower case ("the media", "reporters"): "had informed South Korea that" (a
#: notice between governments, inside another's statement; blind3) stays unread.
_AFTER_OBJECT_THAT = re.compile(r"\s+(?:(?:the|his|her|their|its)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+that\b")


_AFTER_STATEMENT = re.compile(r"\s+(?:a|an|the|its|their|his|her)\s+(?:(?:joint|short|brief|written|formal|"
                              r"separate|new|further|official|following|serious|stern|strong|final)\s+){0,2}"
                              # "issued the following press statement", "sent a serious warning" (blind16)
                              r"(?:press\s+)?(?:statement|communiqu[eé]|press\s+release|warning|message|"
                              # "issued a clarification on a foreign jet" (blind14)
                              r"clarification|denial|correction|update)\b"
                              # "released a video showing a drone over …" (blind16): what the footage shows is
                              # the releaser's claim
                              r"|\s+(?:(?:a|the|new)\s+)?(?:video|videos|footage|photos|images)\s+(?:showing|that\s+"
                              r"shows?)\b"
                              # "channels have provided additional details, claiming" (blind14)
                              r"|\s+(?:(?:additional|further|more|new)\s+)details\b")


#: A denial or a refusal before "commented" in its clause: no statement was made.
_NEGATED = re.compile(r"\b(?:not|nor|never|no|declined|refused)\b[^.;\n]*$|n't\b[^.;\n]*$")


def _reports_here(m: re.Match[str], text: str) -> bool:
    """A say-verb that reports only before "that" does so here; "responded to <something>" is a reaction."""
    word = m.group(0).lower()
    if word in THAT_SAY_VERBS:
        return bool(_AFTER_THAT_VERB.match(text, m.end()))
    if word in OBJECT_THAT_SAY_VERBS:
        return bool(_AFTER_OBJECT_THAT.match(text, m.end()))
    if word in OUT_SAY_VERBS:
        return bool(_AFTER_OUT.match(text, m.end()))
    if word in STATEMENT_VERBS:
        return bool(_AFTER_STATEMENT.match(text, m.end()))
    if word in ("claims", "claim", "reports") and _AFTER_OF.match(text, m.end()):
        return False  # "brushed aside India claims of having shot down …": a noun (blind14's pass)
    if word == "commented" and _NEGATED.search(text, max(0, m.start() - 60), m.start()):
        return False  # "Beijing has not commented", "nor has Ukraine’s Ministry of Defense commented" (blind14)
    if word in _DEMAND_VERBS and _AFTER_ON.match(text, m.end()):
        return False  # "has insisted on its independence": a demand or a stance, no statement (blind14)
    return (word not in _REACTION_VERBS and word not in _PROMISE_VERBS) or not _AFTER_REACTION.match(text, m.end())


def _view(doc: Doc) -> _DocView:
    view = doc.user_data.get(_VIEW_KEY)
    if view is None or len(view.starts) != len(doc):
        view = doc.user_data[_VIEW_KEY] = _DocView(doc)
    return view


def _common_words(span: Span) -> bool:
    """Whether every word of the span is a common English word (Zipf ≥ 4.5: "Social Media", not "Maxim Zmeyev")."""
    from wordfreq import zipf_frequency

    return all(zipf_frequency(t.lower_, "en") >= 4.5 for t in span)


def _token_at(doc: Doc, char: int) -> int | None:
    """Index of the token covering character ``char`` (None past the end)."""
    view = _view(doc)
    if char >= view.n_chars or not view.starts:
        return None
    return max(0, bisect_right(view.starts, char) - 1)


def finditer_if(pattern: re.Pattern[str], text: str, needles: tuple[str, ...] | re.Pattern[str]
                ) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, with no scan at all when ``text`` holds none of ``needles``: strings, as
    written, of which every match of ``pattern`` holds one (e.g. its alternation of head words) — or a pattern
    every match holds a match of, that costs less (it opens with a literal word, not with a capitalised name)."""
    if isinstance(needles, re.Pattern):
        return list(pattern.finditer(text)) if needles.search(text) else []
    return list(pattern.finditer(text)) if any(needle in text for needle in needles) else []


def char_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    """The tokens covering [start, end) ("expand" alignment), None if empty."""
    if end <= start or not len(doc):
        return None
    starts = _view(doc).starts
    first = max(0, bisect_right(starts, start) - 1)
    last = bisect_left(starts, end)
    if last <= first:
        return None
    return Span(doc, first, last, label=label)


class _Sentences:
    """Sentence starts: spaCy's punctuation rule (the ``sentencizer``'s: a token after a run of sentence-final
    punctuation) plus line breaks (headlines and bylines have no full stop).

    Computed on token attribute arrays and written with one ``Doc.from_array``: the stock sentencizer creates a
    Python ``Token`` per token, which was a tenth of the whole pipeline's time.
    """

    def __init__(self) -> None:
        self.punct_chars = frozenset(Sentencizer.default_punct_chars)
        self._hashes: dict[int, tuple[frozenset[int], frozenset[int], int]] = {}

    def _final(self, doc: Doc) -> tuple[frozenset[int], frozenset[int], int]:
        """The hashes of sentence-final punctuation, of the abbreviated titles a full stop follows without ending
        the sentence, and of the full stop."""
        key = id(doc.vocab)
        hashes = self._hashes.get(key)
        if hashes is None:
            strings = doc.vocab.strings
            hashes = self._hashes[key] = (frozenset(strings.add(c) for c in self.punct_chars),
                                          frozenset(strings.add(a) for a in _TITLE_ABBREVIATIONS), strings.add("."))
        return hashes

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        final, titles, stop = self._final(doc)
        arr = doc.to_array([ORTH, IS_PUNCT])
        orths = arr[:, 0].tolist()
        puncts = arr[:, 1].tolist()
        starts = [False] * n
        starts[0] = True
        seen_final = False
        for i in range(n):
            is_final = orths[i] in final and not (orths[i] == stop and i > 0 and orths[i - 1] in titles)
            if seen_final and not puncts[i] and not is_final:
                starts[i] = True
                seen_final = False
            elif is_final:
                seen_final = True
        for m in _NEWLINE.finditer(_view(doc).text):
            i = _token_at(doc, m.end())
            if i is not None and i > 0:
                starts[i] = True
        values = np.where(np.array(starts, dtype=bool), 1, -1).astype(np.int64).astype(np.uint64).reshape(-1, 1)
        doc.from_array([SENT_START], values)
        return doc


#: Abbreviated ranks and titles the tokenizer leaves without their full stop ("Lt. Col. Oleh Shapoval", blind17):
#: the stop after them ends no sentence.
_TITLE_ABBREVIATIONS = ("Lt", "Col", "Gen", "Maj", "Capt", "Cpt", "Sgt", "Adm", "Cmdr", "Cdr", "Brig", "Cpl", "Pvt",
                        "Lieut", "Insp", "Supt", "Gov", "Sen", "Rep", "Amb", "Dr", "Prof", "Mr", "Mrs", "Ms")


@Language.factory("fc_sentences")
def make_sentences(nlp: Language, name: str) -> _Sentences:
    return _Sentences()


#: Letters that carry no combining mark to strip but have a plain Latin spelling ("Łódź" → "Lodz").
_PLAIN_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def fold_accents(text: str) -> str:
    """A word without its accents ("Constanța" → "Constanta", "Łódź" → "Lodz"), as data files often spell names."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.translate(_PLAIN_LETTERS) or text


class _VocabularyMatcher:
    """The vocabulary's entities (aircraft, role words, organisations, regions) in one component: two phrase
    matchers (hash lookups over token attributes), one on ``LOWER`` for the case-insensitive patterns and one on
    ``ORTH`` for the aliases that are ordinary words in lower case ("US", "Rivet"; see ``claims.nlp.pipeline``).

    Replaces two spaCy ``entity_ruler`` components with the same rules and the same result: the case-insensitive
    matches are taken longest first (then leftmost), then the case-sensitive ones fill the gaps they left, and no
    match overwrites an entity already on the doc. Each span carries its pattern id (a database key such as
    ``aircraft:P8``) as ``Span.id_`` and the entity's ``ent_id_``. What it saves: each ruler wrote ``doc.ents``
    (spaCy re-validates every token on each write) and checked tokens one ``Token`` object at a time; here the
    spans go to the rule components' entity list, written once by ``fc_meta`` — or to ``doc.ents`` when a trained
    ``ner`` follows (``write_ents``), so that the model sees them and predicts around them.
    """

    def __init__(self, nlp: Language, write_ents: bool) -> None:
        self.vocab = nlp.vocab
        self.make_doc = nlp.make_doc
        self.write_ents = write_ents
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        #: match key → (label hash, id hash, priority): the earlier pattern wins a tie on the same tokens
        self._keys: dict[int, tuple[int, int, int]] = {}

    def add_patterns(self, lower: Iterable[dict[str, Any]], cased: Iterable[dict[str, Any]]) -> None:
        """Patterns as the entity ruler takes them (``{"label", "pattern", "id"}``, phrase patterns only)."""
        strings = self.vocab.strings
        for matcher, patterns, kind in ((self.lower, list(lower), "lower"), (self.cased, list(cased), "cased")):
            grouped: dict[str, list[Doc]] = {}
            for entry, pattern_doc in zip(patterns, map(self.make_doc, (p["pattern"] for p in patterns)), strict=True):
                name = f"{kind}|{entry['label']}|{entry['id']}"
                if name not in grouped:
                    grouped[name] = []
                    key = strings.add(name)
                    self._keys.setdefault(key, (strings.add(entry["label"]), strings.add(entry["id"]),
                                                len(self._keys)))
                grouped[name].append(pattern_doc)
            for name, docs in grouped.items():
                matcher.add(name, docs)

    def _select(self, doc: Doc, matches: list[tuple[int, int, int]], taken: bytearray) -> list[Span]:
        keys = self._keys
        ranked = sorted({m for m in matches if m[2] > m[1]},
                        key=lambda m: (m[1] - m[2], m[1], keys[m[0]][2]))  # longest, leftmost, first pattern
        out = []
        for key, start, end in ranked:
            if any(taken[start:end]):
                continue
            label, span_id, _ = keys[key]
            out.append(Span(doc, start, end, label=label, span_id=span_id))
            taken[start:end] = b"\x01" * (end - start)
        return out

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        existing = doc.user_data.get(_STATE_KEY)
        if existing is None:
            existing = list(doc.ents) if doc.to_array(ENT_IOB).any() else []
        taken = bytearray(n)
        for ent in existing:
            taken[ent.start:ent.end] = b"\x01" * (ent.end - ent.start)
        found = self._select(doc, self.lower(doc), taken)
        found += self._select(doc, self.cased(doc), taken)
        view = _view(doc)
        if not view.text.isascii():  # "Constanța" in the text, "Constanta" in the data: match the folded words too
            words = view.words(doc)
            ends = [s + len(w) for s, w in zip(view.starts, words, strict=True)]
            folded = Doc(self.vocab, words=[w if w.isascii() else fold_accents(w) for w in words],
                         spaces=[end < nxt for end, nxt in zip(ends, [*view.starts[1:], view.n_chars], strict=True)])
            found += self._select(doc, self.lower(folded), taken)
        entities = sorted([*existing, *found], key=lambda s: s.start)
        if self.write_ents:
            doc.ents = entities
            doc.user_data.pop(_STATE_KEY, None)
        else:
            doc.user_data[_STATE_KEY] = entities
        return doc


@Language.factory("fc_vocabulary", default_config={"write_ents": False})
def make_vocabulary_matcher(nlp: Language, name: str, write_ents: bool) -> _VocabularyMatcher:
    """Patterns are added with ``add_patterns`` (``claims.nlp.pipeline`` generates them from the vocabulary)."""
    return _VocabularyMatcher(nlp, write_ents)


@Language.component("fc_temporal")
def temporal(doc: Doc) -> Doc:
    """Dates, periods (DATE) and rates (RATE) by the rules in claims.nlp.dates."""
    mask = _rule_token_mask(doc)
    spans = []
    text = _view(doc).text
    for match in find_temporal(text):
        span = char_span(doc, match.start, match.end, match.label)
        if span is None or not _free(mask, span):
            continue
        if match.label == "RATE":
            rate = resolve_rate(text[span.start_char:span.end_char])
            if rate is None:
                continue
            sentence_before = _sentence_before(text, span.start_char)
            set_fc_value(span, {
                "value": _num(rate.value),
                "per": rate.per,
                "qualifier": rate.qualifier,
                "baseline": bool(BASELINE_WORDS.search(sentence_before)),
            })
        else:
            set_fc_value(span, {"kind": match.kind})
        spans.append(span)
    _add_entities(doc, spans)
    return doc


_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“])|\n")


def _sentence_before(text: str, start: int) -> str:
    """The text from the start of the sentence holding ``start`` up to it (regex; Token.sent is slow)."""
    window = text[max(0, start - 400):start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return window[ends[-1]:] if ends else window


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


#: A name word: a capital (accented ones too), letters, an inner apostrophe before a capital ("O'Shaughnessy"), a
#: hyphenated part in either case ("Tsai Ing-wen", "Kosiniak-Kamysz"); never a possessive "’s".
_NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’][A-Z][^\W\d_]+)?(?:-[^\W\d_]+)?"
_PARTICLE = r"(?:de|da|del|della|van|von|der|bin|ibn|al|el|la|le|du|di|dos|das)"
#: An Arabic article or a particle glued to the name by a hyphen ("Turki al-Maliki", "Ahmed al-Mismari").
_GLUED_PARTICLE = r"(?:al|el|Al|El|bin|ibn|abu|Abu)-(?=[A-Z])"
#: Name words, with particles and middle initials between them ("Stine B. Gaasland", "Patrick S. Ryder").
#: A nickname in quotes between the names ("Ferdinand “Bongbong” Marcos Jr.", blind9).
_NICKNAME = r"[“\"][A-Z][^\W\d_]+[”\"][ \t]+"
#: A day of the week after a name is when, never a surname ("General Zubair Mahmood Hayat Wednesday visited"), nor
#: is a byline's next field ("By Liu Xuanzun Source: Global Times"; blind16).
_NOT_A_SURNAME = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Source|Published|Updated)\b)"
_NAME_RUN = rf"{_NAME}(?:[ \t]+(?:{_PARTICLE}[ \t]+|[A-Z]\.?[ \t]+|{_GLUED_PARTICLE}|{_NICKNAME})?{_NOT_A_SURNAME}" \
            rf"{_NAME}){{0,3}}"
_ROLE_ALT = "|".join(re.escape(r) for r in sorted(set(ROLE_NOUNS), key=len, reverse=True))
#: "Secretary of War", "Chief of the Air Staff": what may follow a role noun before the name.
_ROLE_OF = r"of(?:[ \t]+the)?[ \t]+(?:War|Defen[cs]e|State|Homeland[ \t]+Security|Air[ \t]+Staff|" \
           r"Defen[cs]e[ \t]+Staff|" \
           r"Staff|Navy|Army|Air[ \t]+Force|Foreign[ \t]+Affairs|National[ \t]+Defen[cs]e|the[ \t]+Navy|" \
           r"the[ \t]+Army|" \
           r"Communications|(?:Naval[ \t]+)?Operations|Public[ \t]+(?:Relations|Affairs|Information)|Information|" \
           r"Press|Aviation)"  # "Chief of Aviation Leonid Davidovich" (blind16)

#: A role, its acronym in brackets ("Air Chief Marshal (ACM) V. R. Chaudhari") and a name that may open with
#: initials (blind9).
#: Given names written short with a full stop: Filipino "Ma." (María), Malay "Mohd."/"Muhd." (Mohammed),
#: Spanish "Fco." (Francisco) — "Col. Ma. Consuelo Castillo" (blind10).
_GIVEN_ABBREVIATION = r"(?:Ma|Mohd|Muhd|Fco)\.[ \t]+"
#: The name never ends inside an abbreviation: not "… Salpietra U" of "U.S." (blind11). A given name an editor
#: added in square brackets inside a quote is the name's ("Defence Minister [Sergei] Shoigu"; blind12).
_ROLE_NAME_RE = re.compile(
    rf"(?<![\w-])(?i:{_ROLE_ALT})(?:[ \t]+(?:(?i:{_ROLE_ALT})|j\.g\.|{_ROLE_OF}))*(?:[ \t]+\([A-Z]{{2,6}}\))?"
    rf"[ \t]+(?P<name>(?:{_GIVEN_ABBREVIATION})?(?:\[{_NAME}\][ \t]+)?(?:[A-Z]\.[ \t]?){{0,3}}{_NAME_RUN})"
    r"(?![\w-]|\.\w)"
)
#: "Minister of State for Civil Aviation, Murlidhar Mohol, confirmed": a role, then the name between commas before a
#: say-verb (the role may run over a few lower-case or capitalised words, never over a sentence end).
_ROLE_COMMA_NAME_RE = re.compile(
    rf"(?<![\w-])(?i:{_ROLE_ALT})(?![\w-])[^,.;:\n]{{0,60}},[ \t]+(?P<name>{_NAME}(?:[ \t]+{_NAME}){{1,3}}),[ \t]+"
    rf"(?i:{'|'.join(sorted(SAY_VERBS))})\b"
)
#: "Amelia Smith, an open source intelligence and aviation researcher": a name, then its role in apposition. Found
#: from the ", a/an/the" (str.find), then the name before it and the role after it (anchored regexes).
_APPOSITION_CUES = (", a ", ", an ", ", the ", ", now a ", ", now the ", ", then a ", ", then the ", ", formerly ")
#: "their Danish counterpart, Troels Lund Poulsen, as well": a role, a comma, then a name of two to four words set off
#: by a comma (without a say-verb after it); the role may name what it serves ("The governor of Antioquia, Andrés
#: Julián, has …", blind10; "Russia's ambassador to Colombia, Nikolai Tavdumadze, on Monday", blind15).
_ROLE_COMMA_APPOSITION_RE = re.compile(
    rf"(?<![\w-])(?i:{_ROLE_ALT})(?:[ \t]+(?:of|to|in)[ \t]+(?:the[ \t]+)?{_NAME}(?:[ \t]+{_NAME})?)?,"
    rf"[ \t]+(?P<name>{_NAME}(?:[ \t]+{_NAME}){{1,3}}),"
)
#: "… the Director-general of the Defense Ministry's Okinawa Defense Bureau, Nakajima Koichiro.": a role (a
#: hyphenated rank too), "of" and the body it serves (no comma), then two to four name words closing the sentence or
#: set off by a comma (blind13).
_ROLE_OF_BODY_NAME_RE = re.compile(
    rf"(?<![\w-])(?i:{_ROLE_ALT})(?:-[a-z]+)?[ \t]+of[ \t]+[^,.;:\n]{{3,80}},[ \t]+"
    rf"(?P<name>{_NAME}(?:[ \t]+{_NAME}){{1,3}})(?=[,.](?:[ \t\n]|$))")
#: A byline without "By": a line of two or three name words alone, right above a line that opens with a date
#: ("China Military Online\nLin Congyi\n2022-04-15 18:08:42"; blind12).
_BYLINE_OVER_DATE = re.compile(
    rf"(?m)^(?P<name>{_NAME}(?:[ \t]+{_NAME}){{1,2}})[ \t]*\n"
    r"(?=\d{4}-\d{2}-\d{2}|\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}|[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4})")
#: Where a reporter of a credit line filed from ("Reporting by Jane Doe in Seoul and John Roe in Tokyo"; blind12).
_CREDIT_PLACE = rf"(?:[ \t]+in[ \t]+{_NAME}(?:[ \t]+{_NAME})?)?"
#: A nickname or call sign in single quotes between a given name and a surname: "Major Dan 'Rhino' Reinhardt",
#: "Lieutenant Patricia 'Mad Dog' Nersten" (blind17); searched from the quote mark, which few places in a text are.
#: (Double quotes are the role-and-name rule's: 'President Ferdinand “Bongbong” Marcos Jr.', blind9.)
_NICKNAME_RE = re.compile(rf"['‘](?P<nick>[A-Z][\w-]*(?:[ \t][A-Z][\w-]*){{0,2}})['’][ \t]+(?P<last>{_NAME})"
                          r"(?![\w'’-])")
#: A picture's or an editor's credit: "Photograph: Maxim Zmeyev/Reuters", "Edited By: Senjo M R" (blind17).
_LABELLED_CREDIT_RE = re.compile(
    rf"\b(?P<credit>Photograph|Photo|Picture|Edited[ \t]+[Bb]y)[ \t]*:[ \t]*"
    rf"(?!(?:Getty|Courtesy|Handout|File|Screenshot|Screengrab|Supplied|Reuters|AFP|AP)\b)"
    rf"(?P<name>{_NAME}(?:[ \t]+{_NAME}){{1,2}})(?=[ \t]*(?:/|$|[,;(|]))", re.MULTILINE)
#: A wire report's credit line: "Reporting by Jane Doe and John Roe; Editing by Lisa Shumaker" (blind10).
#: A name word of a credit line is no credit word: "(Reporting by Alaa Swilam Editing by Shri Navaratnam)", the
#: semicolon left out (blind14's pass).
_CREDIT_NAME = r"(?!(?:Additional|Reporting|Editing|Writing|Compiled|Produced)\b)" + _NAME
_CREDIT_NAMES_RE = re.compile(
    rf"\b(?P<credit>(?:Additional\s+)?[Rr]eporting|Editing|Writing|Compiled|Produced)\s+by\s+"
    rf"(?P<names>{_NAME}(?:[ \t]+{_CREDIT_NAME}){{1,2}}{_CREDIT_PLACE}"
    rf"(?:(?:,[ \t]+|[ \t]+and[ \t]+){_NAME}(?:[ \t]+{_CREDIT_NAME}){{1,2}}{_CREDIT_PLACE})*)")
#: "Mohamed El-Mouloud, spokesman for the separatists": two to four name words, a comma and a role noun in lower
#: case (a modifier or two before it) followed by "for", "of", "to" or "at" — a title in apposition without an
#: article (blind10); "Alexander Díaz Mendoza, alias “…”": a name before its alias.
_NAME_COMMA_ROLE_FOR_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME}(?:[ \t]+(?:{_GLUED_PARTICLE})?{_NAME}){{1,3}}),[ \t]+"
    rf"(?:(?:[a-z]+[ \t]+){{0,2}}(?P<role>(?:{_ROLE_ALT}))[ \t]+(?:for|of|to|at)[ \t]|(?P<alias>alias|aka)[ \t])")
#: What every match of ``_NAME_COMMA_ROLE_FOR_RE`` holds after the name (``finditer_if``'s needle).
_COMMA_ROLE_FOR = re.compile(
    rf",[ \t]+(?:(?:[a-z]+[ \t]+){{0,2}}(?:{_ROLE_ALT})[ \t]+(?:for|of|to|at)[ \t]|(?:alias|aka)[ \t])")
#: "Source: Yurii Ihnat, Spokesperson of the Air Forces Command": two to four name words, a comma and a title
#: written with a capital (up to two capitalised words before it) — a person's official title in apposition, as
#: official statements and foreign outlets write it without an article (blind9).
_NAME_COMMA_TITLE_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME}(?:[ \t]+{_NAME}){{1,3}}),[ \t]+(?:[A-Z][\w-]+[ \t]+){{0,2}}"
    rf"(?P<role>[A-Z][a-z]+)(?=[ \t]+of[ \t]|,)")
#: What every match of ``_NAME_COMMA_TITLE_RE`` holds after the name (``finditer_if``'s needle).
_COMMA_TITLE = re.compile(r",[ \t]+(?:[A-Z][\w-]+[ \t]+){0,2}[A-Z][a-z]+(?=[ \t]+of[ \t]|,)")
#: "According to Anders Gustafsson, head of the Swedish contingent": a name after "according to" with its role in
#: apposition, with or without an article (blind11; "According to Planet Labs, the jets …" names no role).
_ACCORDING_TO_NAME_RE = re.compile(
    rf"\b[Aa]ccording[ \t]+to[ \t]+(?P<name>{_NAME}(?:[ \t]+(?:[A-Z]\.?[ \t]+)?{_NAME}){{1,3}}),[ \t]+"
    rf"(?:(?:a|an|the)[ \t]+)?(?:[\w-]+[ \t]+){{0,2}}?(?P<role>(?i:{_ROLE_ALT}))(?![\w-])")
#: A given name with a capital inside it ("MaryKay", "LaToya", "DeShawn"; blind12): a name word before a surname.
_CAMEL_GIVEN = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")
_NAME_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME}(?:[ \t]+(?:{_PARTICLE}[ \t]+|{_GLUED_PARTICLE})?{_NAME}){{1,3}})$")
_ROLE_AFTER_RE = re.compile(rf"(?:[\w-]+[ \t]+){{0,7}}?(?P<role>(?i:{_ROLE_ALT}))(?![\w-])")


def _after_inner_role(doc: Doc, name: Span) -> Span:
    """The name after the last role noun inside a capitalised run that followed a role: "Chief Cabinet Secretary
    Matsuno" is Matsuno (the role is "chief cabinet secretary"), not a person "Cabinet Secretary Matsuno"."""
    inner = [t.i for t in name[:-1] if t.lower_ in _ROLE_SET]
    name = doc[inner[-1] + 1:name.end] if inner else name
    if name.start > 0 and doc[name.start - 1].lower_ == "for":
        # "Secretary of State for Defence Michael Fallon", "Minister for Foreign Affairs Penny Wong" (blind8): the
        # portfolio after "for" belongs to the role
        k = name.start
        while k < name.end - 1 and (doc[k].lower_ in _PORTFOLIO_WORDS or doc[k].lower_ in ROLE_MODIFIERS):
            k += 1
        name = doc[k:name.end]
    return name


#: Words of a minister's portfolio ("for Defence", "for Foreign Affairs", "for Home Affairs").
_PORTFOLIO_WORDS = frozenset({"defence", "defense", "foreign", "affairs", "home", "transport", "health", "trade",
                              "justice", "energy", "industry", "veterans", "interior", "armed", "forces", "europe",
                              "international", "development", "the", "and", "economy", "finance", "war",
                              "procurement"})


def _role_start(doc: Doc, start: int, mask: list[bool]) -> int:
    """Extend a role leftwards over modifiers: "border czar", "Defense Secretary", "White House press secretary"."""
    role_start = start
    while role_start > 0 and start - role_start < 3:
        prev = doc[role_start - 1]
        if mask[prev.i] or (not prev.is_alpha and "-" not in prev.text):
            break
        if prev.lower_ in ROLE_MODIFIERS or (prev.is_title and prev.text not in NOT_NAMES):
            role_start -= 1
        else:
            break
    return role_start


def hyphen_joined(doc: Doc, owner: Span, start: int) -> bool:
    """The word at ``start`` is joined to the organisation ``owner`` by a hyphen written without spaces
    ("Interfax-Ukraine", "TASS-Crimea"): one body's edition or branch, named after a place."""
    return owner.end == start - 1 and doc[owner.end].text == "-" and not doc[owner.end - 1].whitespace_ \
        and not doc[owner.end].whitespace_


@Language.component("fc_people")
def people(doc: Doc) -> Doc:
    """People with their roles: "border czar Tom Homan" → PERSON {"name": "Tom Homan", "role": "border czar"}.

    Without a trained model these shapes are recognised: a role (of any country: "Secretary of War", "Defence
    Minister", "Taiwanese leader", "Lt. j.g.") followed by a name (accented letters, particles, hyphenated parts;
    a possessive is not part of it); a name followed by its role in apposition ("Amelia Smith, an … researcher"); a
    capitalised name right before a say-verb ("Ben Wallace said"); and, once a person is known by full name, the
    surname alone ("Sheinbaum said", "Mr Wallace"). A single capitalised word before a say-verb that is no known
    surname is an organisation ("Interfax reported"). Names never overlap an entity a rule made (an organisation
    such as "General Atomics" is found first). A trained model's PERSON entities are kept as they are.
    Regular expressions over the text, not a token Matcher: a pattern that starts with "any capitalised token"
    makes the Matcher try every token, which cost more than all the other rules together.
    """
    from claims.nlp.names import DEMONYMS, ORG_HEADS

    mask = _rule_token_mask(doc)
    view = _view(doc)
    text = view.text
    spans: list[Span] = []
    taken: set[int] = set()

    towns = _gazetteer_towns(doc)

    def bad_name(name: Span, *, towns_ok: bool = False) -> bool:
        return len(name.text) < 2 or any((mask[t.i] and not (towns_ok and t.i in towns)) or t.i in taken
                                         or (t.text in NOT_NAMES and not _syllable(doc, t.i))
                                         or t.lower_ in DEMONYMS or t.text in ORG_HEADS for t in name) or all(
            t.lower_ in _ROLE_SET or t.lower_ in ROLE_MODIFIERS for t in name)  # "Air Chief Marshal, Lord …"

    def add(span: Span, name: str, role: str | None) -> None:
        set_fc_value(span, {"name": without_post_nominals(name), "role": role})
        spans.append(span)
        taken.update(range(span.start, span.end))

    for m in _TRANSCRIPT_SPEAKER.finditer(text):  # "ROB SCHMITZ, BYLINE:" (blind8)
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not any(mask[t.i] or t.i in taken for t in name):
            add(Span(doc, name.start, name.end, label="PERSON"), name.text.title(), m.group("role").lower())
    for m in _NICKNAME_RE.finditer(text):  # "Major Dan 'Rhino' Reinhardt" (blind17)
        first = _token_at(doc, m.start() - 2) if m.start() >= 2 and text[m.start() - 1] in " \t" else None
        last = char_span(doc, m.start("last"), m.end("last"))
        if first is None or last is None or first < 1 or not NAME_TOKEN.match(doc[first].text) \
                or doc[first - 1].lower_.rstrip(".") not in _ROLE_SET or bad_name(doc[first:first + 1]) \
                or bad_name(last):
            continue
        name = doc[first:last.end]
        _drop_entities(doc, name)  # "Captain Rosa 'Red Fox' Delgado": the nickname names no outlet
        mask[name.start:name.end] = [False] * len(name)
        add(Span(doc, first, last.end, label="PERSON"), f"{doc[first].text} {last.text}", doc[first - 1].lower_)
    for m in _LABELLED_CREDIT_RE.finditer(text):  # "Photograph: Maxim Zmeyev/Reuters" (blind17)
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not bad_name(name) and not _common_words(name):  # not "Photo: Social Media"
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, m.group("credit").lower())
    for m in finditer_at(_ROLE_NAME_RE, text, view.low, _ROLE_PREFIXES):
        role = char_span(doc, m.start(), m.start("name"))
        name = char_span(doc, m.start("name"), m.end("name"))
        if role is None or name is None or bad_name(name):
            continue
        name = _after_inner_role(doc, name)  # "Chief Cabinet Secretary Matsuno": the role runs to "Secretary"
        role_start = role.start
        while role_start < name.start and (mask[role_start] or role_start in taken):
            role_start += 1  # "Col." read as Colorado by the vocabulary: the person starts after it
        if role_start == role.start:
            role_start = _role_start(doc, role.start, mask)
        add(Span(doc, role_start, name.end, label="PERSON"), re.sub(r"[\[\]]", "", name.text),
            re.sub(r"\s*\([A-Z]+\)", "", doc[role_start:name.start].text).lower())  # the rank's acronym aside
    for m in finditer_at(_ROLE_COMMA_NAME_RE, text, view.low, _ROLE_PREFIXES):
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not bad_name(name):
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, text[m.start():m.start("name")]
                .rstrip(", \t").lower())
    for m in finditer_at(_ROLE_COMMA_APPOSITION_RE, text, view.low, _ROLE_PREFIXES):
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not bad_name(name):
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, text[m.start():m.start("name")]
                .rstrip(", \t").lower())
    for cue in _APPOSITION_CUES:
        at = text.find(cue)
        while at != -1:
            before = _NAME_BEFORE_RE.search(text, max(0, at - 80), at)
            role = _ROLE_AFTER_RE.match(text, at + len(cue)) if before else None
            at = text.find(cue, at + 1)
            if before is None or role is None:
                continue
            name = char_span(doc, before.start("name"), before.end("name"))
            if name is None or bad_name(name):
                continue
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, role.group("role").lower())
    for m in _BYLINE_RE.finditer(text):  # "by Kurt Sansone" on a line of its own (blind13)
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not bad_name(name):
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, "byline")
    # "Yoshihide Suga, Japan’s Chief Cabinet Secretary," (blind13)
    for m in finditer_if(_NAME_POSSESSIVE_TITLE_RE, text, ("'s", "’s")):
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and m.group("role").lower().split()[-1] in _ROLE_SET \
                and not bad_name(name, towns_ok=True):
            _drop_entities(doc, name)
            mask[name.start:name.end] = [False] * len(name)
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, m.group("role").lower())
    # "Director-general of the … Bureau, Nakajima Koichiro." (blind13)
    for m in finditer_at(_ROLE_OF_BODY_NAME_RE, text, view.low, _ROLE_PREFIXES):
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not bad_name(name):
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, None)
    for m in _BYLINE_OVER_DATE.finditer(text):  # "Lin Congyi\n2022-04-15 18:08:42" (blind12)
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not bad_name(name):
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, "byline")
    # "(Reporting by Reuters; Editing by Lisa Shumaker)" (blind10)
    for m in finditer_if(_CREDIT_NAMES_RE, text, ("eporting", "Editing", "Writing", "Compiled", "Produced")):
        for k in re.finditer(rf"(?<!in )(?<!in\t){_NAME}(?:[ \t]+{_CREDIT_NAME}){{1,2}}", m.group("names")):
            name = char_span(doc, m.start("names") + k.start(), m.start("names") + k.end())
            if name is not None and not bad_name(name):
                add(Span(doc, name.start, name.end, label="PERSON"), name.text, m.group("credit").lower())
    # "Mohamed El-Mouloud, spokesman for the separatists"
    for m in finditer_if(_NAME_COMMA_ROLE_FOR_RE, text, _COMMA_ROLE_FOR):
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not bad_name(name) and (m.group("alias") or m.group("role").lower() in _ROLE_SET):
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, (m.group("role") or "").lower() or None)
    # "According to Anders Gustafsson, head of the …" (blind11)
    for m in finditer_at(_ACCORDING_TO_NAME_RE, text, view.low, ("according",)):
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not bad_name(name):
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, m.group("role").lower())
    # "Yurii Ihnat, Spokesperson of the Air Forces Command"
    for m in finditer_if(_NAME_COMMA_TITLE_RE, text, _COMMA_TITLE):
        name = char_span(doc, m.start("name"), m.end("name"))
        if name is not None and not bad_name(name) and m.group("role").lower() in _ROLE_SET:
            add(Span(doc, name.start, name.end, label="PERSON"), name.text, m.group("role").lower())
    surnames = {_surname((fc_value(s) or {})["name"]): (fc_value(s) or {})["name"] for s in spans
                if len((fc_value(s) or {}).get("name", "").split()) > 1}
    # a family name written first ("Col. Li Xi" … "Li said"): the first word of a two-word name, where no other
    # name ends with it
    surnames.update({n.split()[0]: n for n in [(fc_value(s) or {}).get("name", "") for s in spans]
                     if len(n.split()) == 2 and n.split()[0] not in surnames})
    orgs: list[Span] = []
    for m in view.say_matches:
        verb = _token_at(doc, m.start())
        if verb is None:
            continue
        if verb >= 2 and doc[verb - 1].lower_ in ("has", "had", "have") and (
                doc[verb - 2].is_title or (doc[verb - 2].is_upper and doc[verb - 2].is_alpha)):
            verb -= 1  # "The IAF has said" (blind10): the name ends before the auxiliary
        first = verb
        letters = 0
        while first > 0 and verb - first < 3 + letters:
            prev = doc[first - 1]
            if first == verb and prev.text in POST_NOMINALS and prev.i > 0 and doc[prev.i - 1].is_title \
                    and not mask[prev.i] and prev.i not in taken:
                first, letters = first - 1, 1  # "James Heappey MP said": the letters belong to the name
                continue
            if _name_hyphen(doc, prev.i) and first < verb and not mask[prev.i - 1] and prev.i - 1 not in taken:
                first -= 2  # "Kosiniak-Kamysz said": a double-barrelled name is one name
                continue
            if _particle_hyphen(doc, prev.i) and first < verb and not mask[prev.i - 1]:
                first -= 2  # "al-Maliki confirmed": the article is part of the name
                continue
            if first == verb and not mask[prev.i] and prev.i not in taken and prev.is_upper and prev.is_alpha \
                    and 2 <= len(prev) <= 6:
                first -= 1  # "The IAF has said" (blind10): an acronym no list holds speaks as a body
                break
            if mask[prev.i] or prev.i in taken or not (prev.is_title or _CAMEL_GIVEN.match(prev.text)) \
                    or prev.text in NOT_NAMES or not NAME_TOKEN.match(prev.text) or prev.lower_ in DEMONYMS \
                    or prev.text in ORG_HEADS or (first == verb and _CAMEL_GIVEN.match(prev.text)) \
                    or (verb - first >= 2 and prev.i > 0 and doc[prev.i - 1].lower_ in ("to", "in", "at", "from")):
                break  # "ambassador to Manila MaryKay Carlson said": the place before a full name is no part of it
            first -= 1
        k = first
        while k > 0 and doc[k - 1].lower_ in _PORTFOLIO_WORDS and doc[k - 1].is_title:
            k -= 1
        if k > 0 and doc[k - 1].lower_ == "for":
            while first < verb - 2 and doc[first].lower_ in _PORTFOLIO_WORDS:
                first += 1  # "Secretary of State for Defence Michael Fallon said": the portfolio is the role's
        role_first = first
        while first < verb - 1 and doc[first].lower_ in _ROLE_SET:
            first += 1  # "Major Andrew Hennessy said": a title, then the name
        title = doc[role_first:first].text.lower() or None
        if first == verb or (verb - first == 1 and doc[first].is_sent_start and doc[first].text not in surnames):
            continue  # no name, or one capitalised word that may just start the sentence ("Officials said")
        span = Span(doc, first, verb, label="PERSON")
        if verb - first == 1 and span.text not in surnames:  # "Yuriy Ihnat confirmed …” Ihnat wrote": the name
            surnames.update({_surname(n): n for n in [(fc_value(s) or {}).get("name", "") for s in spans]  # found
                             if len(n.split()) > 1 and _surname(n) not in surnames})  # before, in this loop (blind14)
        if span.text in surnames:
            set_fc_value(span, {"name": span.text, "role": None, "full_name": surnames[span.text]})
            spans.append(span)
            taken.add(first)
            continue
        if verb - first == 1:
            if first > 0 and doc[first - 1].lower_ in _OBJECT_OF:
                continue  # "the government in Yemen said": the speaker is before the preposition
            place = next((e for e in current_ents(doc) if e.label_ == "PLACE" and e.end == first
                          and e.start >= 1 and doc[e.start - 1].lower_ == "the" and e[0].is_title), None)
            if place is not None:  # "the Baltic Course reported": a paper named after a place
                first = place.start
            owner = next((e for e in current_ents(doc) if e.label_ == "ORG" and e.end == first - 1), None)
            if owner is not None and hyphen_joined(doc, owner, first):
                first = owner.start  # "TASS-Crimea said": the outlet's edition named after a place
            org = Span(doc, first, verb, label="ORG")  # "Interfax reported": one word, no known surname
            set_fc_value(org, {"name": org.text})
            orgs.append(org)
            taken.add(first)
            continue
        if not title and ((first > 0 and doc[first - 1].lower_ == "the") or doc[first].text in _NAME_ARTICLES):
            # "La Sicilia reports" (blind13): an article of another language opens a paper's name
            org = Span(doc, first, verb, label="ORG")  # "the Kyiv Independent reported": a paper, not a person
            set_fc_value(org, {"name": org.text})
            orgs.append(org)
            taken.update(range(first, verb))
            continue
        if title:
            span = Span(doc, role_first, verb, label="PERSON")
        add(span, doc[first:verb].text, title)
    for span in _speakers_of_units(doc, view, mask, taken):
        add(span, span.text, None)
    for span in _names_after_a_quote_and_a_say_verb(doc, view, mask, taken, bad_name):
        add(span, span.text, None)
    for span in _possessive_names(doc, mask, taken, bad_name):
        add(span, span.text, None)
    for span in _names_quoted_as_saying(doc, mask, taken, bad_name):
        add(span, span.text, None)
    for span in _names_in_apposition_to_a_source(doc, view, mask, taken, bad_name):
        add(span, span.text, None)
    for span in _names_before_a_clause_and_a_say_verb(doc, view, mask, taken, bad_name):
        if span.label_ == "ORG":
            orgs.append(span)
            taken.update(range(span.start, span.end))
        else:
            add(span, span.text, None)
    surnames.update({_surname((fc_value(s) or {})["name"]): (fc_value(s) or {})["name"] for s in spans
                     if len((fc_value(s) or {}).get("name", "").split()) > 1})
    for span in spans:  # "Mr Wallace": the person named in full earlier or later
        value = fc_value(span) or {}
        if value.get("name") in surnames and not value.get("full_name"):
            set_fc_value(span, {**value, "full_name": surnames[value["name"]]})
    words = view.words(doc) if surnames else []
    for i, word in enumerate(words):  # surnames after the first mention: "Merrill said", "Mr Wallace", "Smith"
        full = surnames.get(word)
        if full is None or i in taken or mask[i]:
            continue
        token = doc[i]
        if not token.is_title:
            continue
        size = len(full.split())  # the full name again ("… NPR's Rob Schmitz"): one person, not "Rob" and "Schmitz"
        end = i + size if words[i:i + size] == full.split() and not any(mask[i:i + size]) else i + 1
        span = Span(doc, token.i, end, label="PERSON")
        set_fc_value(span, {"name": span.text, "role": None, "full_name": full})
        spans.append(span)
        taken.update(range(token.i, end))
    orgs += _outlets_of_reporters(doc, spans, mask, taken)
    _add_entities(doc, [*spans, *orgs])
    return doc


def _gazetteer_towns(doc: Doc) -> set[int]:
    """Tokens of towns the city gazetteer alone matched (no vocabulary key): a person's name may share their
    spelling ("Suga", a town in Japan; blind13)."""
    return {i for e in current_ents(doc) if e.label_ == "PLACE" and not e.id_
            and (fc_value(e) or {}).get("kind") == "city" for i in range(e.start, e.end)}


def _drop_entities(doc: Doc, span: Span) -> None:
    """Remove the entities that overlap a span a stronger rule reads otherwise."""
    doc.user_data[_STATE_KEY] = [e for e in current_ents(doc) if e.end <= span.start or e.start >= span.end]


#: A byline on a line of its own, "By"/"by" and two to four name words: "by Kurt Sansone" (blind13).
_BYLINE_RE = re.compile(rf"(?m)^[ \t]*[Bb]y[ \t]+(?P<name>{_NAME}(?:[ \t]+(?:[A-Z]\.?[ \t]+)?{_NAME}){{1,3}})[ \t]*"
                        # or before the byline's next field: "By Liu Xuanzun Source: Global Times" (blind16)
                        r"(?:$|(?=(?:Source|Published|Updated|Photo)[ \t]*:))")
#: "Yoshihide Suga, Japan’s Chief Cabinet Secretary, vowed": two to four name words, a comma, a country's or a
#: body's possessive and a title of up to three more words ending in a role noun, then a comma (blind13).
_NAME_POSSESSIVE_TITLE_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME}(?:[ \t]+{_NAME}){{1,3}}),[ \t]+(?:the[ \t]+)?[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?"
    rf"[’']s[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?P<role>(?i:{_ROLE_ALT}))(?![\w-])[ \t]*,")


#: A broadcast transcript's speaker label opening a line: "A MARTÍNEZ, HOST:", "ROB SCHMITZ, BYLINE:" (NPR),
#: "JAKE TAPPER, CNN ANCHOR:".
_TRANSCRIPT_SPEAKER = re.compile(
    r"(?m)^(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ'’.-]*(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.-]*){1,3}),\s+"
    r"(?P<role>(?:[A-Z]+ ){0,2}(?:HOST|BYLINE|CORRESPONDENT|ANCHOR|REPORTER|PRESENTER)):")


def _outlets_of_reporters(doc: Doc, people: list[Span], mask: list[bool], taken: set[int]) -> list[Span]:
    """"Here's NPR's Rob Schmitz" (blind8): an acronym whose possessive comes right before a person's name (its
    given name and surname, or the surname alone), or right before a person's role ("DW correspondent Rosalia
    Romaniec"), is the outlet or body the person works for."""
    out = []
    titles = _acronyms_of_titles(doc)
    for person in people:
        before = doc[person.start - 1] if person.start > 0 else None
        if before is not None and (fc_value(person) or {}).get("role") and _acronym_free(before, mask, taken) \
                and before.text not in ("US", "UK", "EU", "UN") and before.text not in titles:
            org = Span(doc, before.i, before.i + 1, label="ORG")  # "DW correspondent Rosalia Romaniec"
            set_fc_value(org, {"name": before.text, "kind": "outlet"})
            out.append(org)
            taken.add(before.i)
            continue
        k = person.start - (person.start > 0 and doc[person.start - 1].is_title
                            and not mask[person.start - 1] and person.start - 1 not in taken)
        if k < 2 or doc[k - 1].text not in ("’s", "'s"):
            continue
        acronym = doc[k - 2]
        if _acronym_free(acronym, mask, taken):
            org = Span(doc, acronym.i, acronym.i + 1, label="ORG")
            set_fc_value(org, {"name": acronym.text, "kind": "outlet"})
            out.append(org)
            taken.add(acronym.i)
    return out


#: A title spelled out with its acronym in brackets: "Director General of Military Operations (DGMO)" (blind14).
_TITLE_ACRONYM = re.compile(r"\b(?P<head>Director|Directors|Chief|Commander|Head|Inspector|Deputy)\b[\w\s’'-]{3,60}?"
                            r"\((?P<acronym>[A-Z]{2,6})\)")


def _acronyms_of_titles(doc: Doc) -> frozenset[str]:
    """Acronyms the text defines as a person's title ("Director General of Military Operations (DGMO)"): before a
    rank and a name ("DGMO Lt General Rajiv Ghai") such an acronym is the title, no body the person works for."""
    return frozenset(m.group("acronym") for m in _TITLE_ACRONYM.finditer(_view(doc).text)
                     if "\n" not in m.group(0) and "." not in m.group(0))


def _acronym_free(token: Token, mask: list[bool], taken: set[int]) -> bool:
    """An acronym of two to six capitals that no entity or person holds."""
    return token.is_upper and token.is_alpha and 2 <= len(token) <= 6 and not mask[token.i] and token.i not in taken


def _surname(name: str) -> str:
    """The family name of a full name: its last word, before a generational suffix ("Romeo Brawner Jr." → Brawner)."""
    words = name.split()
    return words[-2] if len(words) > 2 and words[-1].rstrip(".") in _NAME_SUFFIXES else words[-1]


_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})


#: How many tokens back from a say-verb an apposition between commas may start (blind8: wire copy's are long).
_APPOSITION_REACH = 18
#: Prepositions whose object is not the subject of the verb after it ("the government in Yemen said").
_OBJECT_OF = frozenset({"in", "of", "from", "near", "over", "at", "to", "into", "across", "against", "with"})


def _names_before_a_clause_and_a_say_verb(doc: Doc, view: _DocView, mask: list[bool], taken: set[int],
                                          bad_name: Any) -> list[Span]:
    """"Al Jazeera's Sinem Koseoglu, reporting from Istanbul, said": two or three capitalised words after a
    possessive or at a sentence's start, before a comma clause that opens in lower case and ends in ", said"."""
    out = []
    for m in view.say_matches:
        verb = _token_at(doc, m.start())
        if verb is None or verb < 4 or doc[verb - 1].text != ",":
            continue
        # wire copy's appositions run long: "Andrew Brookes, a fellow at the Royal United Services Institute and
        # former RAF pilot, said" (blind8)
        comma = next((k for k in range(verb - 2, max(0, verb - _APPOSITION_REACH), -1) if doc[k].text == ","), None)
        comma = _outer_apposition(doc, comma)
        age = comma is not None and comma + 2 == verb - 1 and doc[comma + 1].is_digit  # "John Smith, 54, said"
        if comma is None or comma + 1 >= verb - 1 or not (doc[comma + 1].is_lower or age) \
                or any(t.is_sent_start or t.text in (".", ";", '"', "“", "”") for t in doc[comma + 1:verb]):
            continue
        first = comma
        while first > 0 and comma - first < 3 and doc[first - 1].is_title and NAME_TOKEN.match(doc[first - 1].text):
            first -= 1
        before = doc[first - 1] if first > 0 else None
        if comma - first < 2 or not (before is None or before.text in ("’s", "'s") or doc[first].is_sent_start):
            continue
        name = doc[first:comma]
        if any(mask[t.i] or t.i in taken for t in name) or bad_name(name):
            continue
        if name[0].text in _NAME_ARTICLES:  # "El Colombiano, however, reported": a paper, not a person
            org = Span(doc, first, comma, label="ORG")
            set_fc_value(org, {"name": org.text})
            out.append(org)
            continue
        out.append(Span(doc, first, comma, label="PERSON"))
    return out


def _possessive_names(doc: Doc, mask: list[bool], taken: set[int], bad_name: Any) -> list[Span]:
    """"Liz Truss’s mini-budget": two capitalised name words no entity holds, inside a sentence, before a possessive
    and a lower-case word, are a person (a place, a force or an aircraft there is an entity already; a compass word
    or a geographic or organisation head makes them a place or a body: "North America’s air defences")."""
    from claims.nlp.names import COMPASS_WORDS, GEO_HEADS, ORG_HEADS

    out = []
    for i in _view(doc).at(doc, ("’s", "'s")):
        t = doc[i]
        if t.i < 2 or t.i + 1 >= len(doc) or not doc[t.i + 1].is_lower:
            continue
        first, last = doc[t.i - 2], doc[t.i - 1]
        if first.text in COMPASS_WORDS or last.text in GEO_HEADS or last.text in ORG_HEADS:
            continue  # "North America’s air defences", "Pearl Harbor’s", "Wagner Group’s": a place or a body
        if not (first.is_title and last.is_title and NAME_TOKEN.match(first.text) and NAME_TOKEN.match(last.text)) \
                or first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_title):
            continue
        name = Span(doc, first.i, t.i, label="PERSON")
        if not bad_name(name) and not any(w.lower_ in _ROLE_SET or w.text.endswith(".") for w in name):
            out.append(name)
    return out


def _names_after_a_quote_and_a_say_verb(doc: Doc, view: _DocView, mask: list[bool], taken: set[int],
                                        bad_name: Any) -> list[Span]:
    """"“Any escalation … dangerous,” warned Paul Rogers, professor of peace studies": two to four capitalised
    name words right after a say-verb that follows a quotation, ending at a comma or the sentence's end, are the
    speaker (a title before them is the role rule's business)."""
    out = []
    for m in view.say_matches:
        verb = _token_at(doc, m.start())
        if verb is None or verb < 2 or not (doc[verb - 1].is_quote or doc[verb - 1].text == ","):
            continue  # after a quotation, or a paraphrase: "The flights were routine, said John Smith, …" (blind8)
        end = verb + 1
        while end < len(doc) and end - verb <= 4 and doc[end].is_title and NAME_TOKEN.match(doc[end].text):
            end += 1
        if end - verb - 1 < 1 or (end < len(doc) and doc[end].text not in (",", ".", ";")):
            continue
        if end - verb - 1 == 1 and not _person_noun_after(doc, end):
            continue  # one word is a person only with a person's noun after it ("said Hopkins, co-author of")
        name = doc[verb + 1:end]
        if not bad_name(name) and not any(mask[t.i] or t.i in taken or t.lower_ in _ROLE_SET for t in name):
            out.append(Span(doc, name.start, name.end, label="PERSON"))
    return out


#: "Xinhua quoted Zhang Wei as saying": what follows "as" after the name (blind14).
_AS_SAYING = frozenset({"saying", "telling", "stating", "writing", "adding", "warning"})


def _quoted_name_end(doc: Doc, verb: int) -> int | None:
    """After "quoted" at ``verb``: the end of the one to four capitalised name words before "as saying", if any."""
    end = verb + 1
    while end < len(doc) and end - verb <= 4 and doc[end].is_title and NAME_TOKEN.match(doc[end].text):
        end += 1
    if end == verb + 1 or end + 1 >= len(doc) or doc[end].lower_ != "as" or doc[end + 1].lower_ not in _AS_SAYING:
        return None
    return end


def _titled_person_quoted(doc: Doc, verb: int, starting: dict[int, Span]) -> Span | None:
    """After "quoted" at ``verb``: a person (with a title, perhaps after a body's word or two) before "as saying"."""
    for k in range(verb + 1, min(verb + 4, len(doc))):
        person = starting.get(k)
        if person is not None and person.label_ == "PERSON" and person.end + 1 < len(doc) \
                and doc[person.end].lower_ == "as" and doc[person.end + 1].lower_ in _AS_SAYING:
            return person
    return None


def _names_quoted_as_saying(doc: Doc, mask: list[bool], taken: set[int], bad_name: Any) -> list[Span]:
    """"Global Times quoted Wu as saying", "the agency quoted Li Wen as telling reporters": the name an outlet
    quotes "as saying" is the person who speaks (blind14); two words or more, or one a person already named."""
    out = []
    for i in _view(doc).at_lower(doc, {"quoted"}):
        t = doc[i]
        if (end := _quoted_name_end(doc, t.i)) is None:
            continue
        name = doc[t.i + 1:end]
        if len(name) == 1 and not any(e.label_ == "PERSON" and e[-1].text == name.text for e in current_ents(doc)):
            continue
        if not bad_name(name) and not any(mask[k.i] or k.i in taken or k.lower_ in _ROLE_SET for k in name):
            out.append(Span(doc, name.start, name.end, label="PERSON"))
    return out


def _names_in_apposition_to_a_source(doc: Doc, view: _DocView, mask: list[bool], taken: set[int],
                                     bad_name: Any) -> list[Span]:
    """"A Ukrainian air force official, Yuriy Ihnat, said …": two to four capitalised words between commas, right
    after a source or role noun and right before a say-verb, are the person that noun names (blind14's pass)."""
    out = []
    for m in view.say_matches:
        verb = _token_at(doc, m.start())
        if verb is None or verb < 4 or doc[verb - 1].text != ",":
            continue
        start = verb - 1
        while start - 1 >= 0 and verb - 1 - (start - 1) <= 4 and doc[start - 1].is_title \
                and NAME_TOKEN.match(doc[start - 1].text):
            start -= 1
        if verb - 1 - start < 2 or start < 2 or doc[start - 1].text != ",":
            continue
        noun = doc[start - 2]
        if not noun.is_lower or (noun.lower_ not in SOURCE_NOUNS and noun.lower_ not in _ROLE_SET):
            continue
        name = doc[start:verb - 1]
        if not bad_name(name) and not any(mask[t.i] or t.i in taken or t.lower_ in _ROLE_SET for t in name):
            out.append(Span(doc, name.start, name.end, label="PERSON"))
    return out


#: Nouns for a person in apposition after a one-word name ("said Hopkins, co-author of …", blind13).
_PERSON_NOUNS = frozenset({"author", "co-author", "historian", "professor", "fellow", "editor", "founder",
                           "co-founder", "lecturer", "scholar", "writer", "veteran", "retired"})


def _person_noun_after(doc: Doc, comma: int) -> bool:
    """After the comma at ``comma``: a role or a person's noun, perhaps after an article and a modifier."""
    for k in range(comma + 1, min(len(doc), comma + 4)):
        if doc[k].lower_ in _ROLE_SET or doc[k].lower_ in _PERSON_NOUNS:
            return True
        if not doc[k].is_alpha and "-" not in doc[k].text:
            return False
    return False


#: Articles that open the names of papers and bodies in other languages, never a person's first name.
_NAME_ARTICLES = frozenset({"El", "La", "Le", "Les", "Los", "Las", "Il", "Der", "Die", "Das", "De", "Het"})


def _particle_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen glued between an Arabic article or particle and a capitalised word ("al-Maliki")."""
    return doc[i].text == "-" and 0 < i < len(doc) - 1 and not doc[i].whitespace_ \
        and not doc[i - 1].whitespace_ and re.match(_GLUED_PARTICLE, doc[i - 1].text + "-A") is not None \
        and doc[i + 1].is_title


def _syllable(doc: Doc, i: int) -> bool:
    """Token i opens a hyphenated given name in lower case after the hyphen ("Won In-chul", "Moon Jae-in"): a
    syllable of a Korean given name, not the English word it spells ("In"; blind12)."""
    return i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
        and doc[i + 2].is_lower and doc[i + 2].is_alpha and len(doc[i + 2]) <= 5


def _name_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen glued between two capitalised words ("Kosiniak-Kamysz")."""
    return doc[i].text == "-" and 0 < i < len(doc) - 1 and not doc[i].whitespace_ \
        and not doc[i - 1].whitespace_ and doc[i - 1].is_title and doc[i + 1].is_title


def _speakers_of_units(doc: Doc, view: _DocView, mask: list[bool], taken: set[int]) -> list[Span]:
    """"Göran Mårtensson at the Armed Forces (Försvarsmakten) said", "Marco Brunhofer of Germany’s Wing 73 said":
    two or three capitalised name words before "at/of (the) <organisation> … say-verb" are a person."""
    orgs = {e.end: e for e in current_ents(doc) if e.label_ == "ORG"}
    out = []
    for m in view.say_matches:
        verb = _token_at(doc, m.start())
        org = orgs.get(_subject_end(doc, verb)) if verb is not None else None
        if org is None:
            continue
        k = org.start - 1 - (org.start >= 1 and doc[org.start - 1].lower_ == "the")
        if k < 2 or doc[k].lower_ not in ("at", "of"):
            continue
        first = k
        while first > 0 and k - first < 3 and NAME_TOKEN.match(doc[first - 1].text) and doc[first - 1].is_title \
                and not mask[first - 1] and first - 1 not in taken and doc[first - 1].text not in NOT_NAMES:
            first -= 1
        if k - first >= 2:
            out.append(Span(doc, first, k, label="PERSON"))
    return out


def _claimant_of(ent: Span) -> tuple[str, dict]:
    value = fc_value(ent) or {}
    if ent.label_ == "PERSON":
        name = value.get("name") or ent.text
        return name, {"person": name, "role": value.get("role")}
    key = ent.id_  # the pattern id (ent_id_ reads it from the tokens, which get it only when doc.ents is written)
    return ent.text, {"organisation": key.split(":", 1)[-1] if key else ent.text}


_SAY_RE = re.compile(r"\b(?:" + "|".join(sorted(SAY_VERBS)) + r")\b", re.IGNORECASE)
#: Verbs of naming are statements when a quotation follows in the clause: "Polish armed forces called the incursion
#: an “unprecedented violation”" (not "an operation called Eastern Sentry").
NAMING_VERBS = frozenset({"called", "calls", "branded", "brands", "labelled", "labeled", "termed"})
_NAMING_RE = re.compile(r"\b(?:" + "|".join(sorted(NAMING_VERBS)) + r")\b(?=[^.;\n“”\"]{1,50}[“\"])")
#: What each regex's matches start with, lower-cased: ``finditer_at`` looks for these with ``str.find`` and runs the
#: regex only there (the same matches as ``finditer``, without trying every position of the text).
_SAY_PREFIXES = tuple(sorted(SAY_VERBS))
_ROLE_PREFIXES = tuple(sorted(set(ROLE_NOUNS)))
_CUE_PREFIXES = ("according to", "as reported by", "reported by", "as shown by", "as seen in", "as confirmed by",
                 "confirmed by", "citing", "as documented by", "based on", "with reference to", "referring to",
                 "follows from", "is stated in", "was stated in", "as stated in", "as reported in", "as ", "per",
                 *(f"{verb} by" for verb in ("dismissed", "denied", "rejected", "disputed", "announced", "claimed",
                                             "issued", "released", "published", "quoted", "cited", "tagged",
                                             "described", "branded", "labelled", "labeled")),
                 # "issued here by", "reported on Telegram by" (blind16)
                 *(f"{verb} {where}" for verb in ("issued", "released", "published", "announced", "reported",
                                                  "confirmed")
                   for where in ("here", "there", "today", "on ")))


def _source_item_end(doc: Doc, start: int) -> int | None:
    """The end of one source in a list: one to four words ending in a source noun or a name, no past-tense verb
    ("flight-tracking data", "Norwegian military"; not "landed in Poland", "the jets flew north")."""
    end = start
    while end < len(doc) and end - start < 5 and (doc[end].is_alpha or "-" in doc[end].text) \
            and doc[end].lower_ not in ("and", "that", "which", "who"):
        end += 1
    if end == start or end - start > 4 or any(t.lower_.endswith("ed") and "-" not in t.text for t in doc[start:end]):
        return None
    last = doc[end - 1]
    return end if last.lower_ in SOURCE_NOUNS or last.is_title or last.is_upper else None


def _sources_list_end(doc: Doc, cue: int, j: int) -> int:
    """Where a list of sources after a closing "…, according to" ends: past ", <item>" runs that close with
    "(,) and <item>" at the sentence's end; otherwise where the first item ended (blind11). An "According to X,"
    opening a sentence is followed by its clause, never by a list."""
    if cue == 0 or doc[cue].is_sent_start or doc[cue - 1].text != ",":
        return j
    k, n = j, len(doc)
    while k < n and doc[k].text == ",":
        start = k + 1 + (k + 1 < n and doc[k + 1].lower_ == "and")
        end = _source_item_end(doc, start)
        if end is None:
            return j
        if end < n and doc[end].lower_ == "and":  # "…, satellite images and Polish officials."
            end = _source_item_end(doc, end + 1)
            if end is None:
                return j
        if end >= n or doc[end].text in (".", "!", "?") or "\n" in doc[end].text:
            return end if "and" in {t.lower_ for t in doc[j:end]} else j  # a list closes with "and"
        k = end
    return j
    ends = (".", "!", "?")
    while k < n and doc[k].text == ",":
        final = k + 1 < n and doc[k + 1].lower_ == "and"
        start = k + 1 + final
        end = start
        while end < n and end - start < 5 and (doc[end].is_alpha or "-" in doc[end].text) \
                and doc[end].lower_ not in ("and", "that", "which", "who"):
            end += 1
        if end == start or end - start > 4:
            return j
        if final:
            return end if end >= n or doc[end].text in ends or "\n" in doc[end].text else j
        if end < n and doc[end].lower_ == "and":
            k = end - 1
            final_end = end + 1
            stop = final_end
            while stop < n and stop - final_end < 5 and (doc[stop].is_alpha or "-" in doc[stop].text):
                stop += 1
            return stop if stop > final_end and (stop >= n or doc[stop].text in ends or "\n" in doc[stop].text) \
                else j
        k = end
    return j


@Language.component("fc_attribution")
def attribution(doc: Doc) -> Doc:
    """Who a statement is attributed to: "according to three US officials", "CNN reported", "Homan said"."""
    found: list[Span] = []
    view = _view(doc)
    for m in finditer_at(ATTRIBUTION_CUES, view.text, view.low, _CUE_PREFIXES):
        cue = char_span(doc, m.start(), m.end(1))
        if cue is None or cue.end >= len(doc):
            continue
        i = cue.end
        words, lowers = view.words(doc), view.lowers(doc)
        while i < len(doc) and words[i].isspace():
            i += 1
        j = i
        while j < len(doc) and j - i < 12:
            if words[j] in CUE_STOP_PUNCT or (lowers[j] in CLAUSE_STOPS and lowers[j] != "and") or "\n" in words[j] \
                    or (j > i and lowers[j] in _NO_SOURCE_PREPOSITIONS):
                break  # "claimed by the militia against Israel" (blind10): the source ends before "against"
            j += 1
        if j == i:
            continue
        j = _sources_list_end(doc, cue.start, j)  # "according to satellite imagery, …, and Norwegian military"
        if doc[i].text.startswith("@") and len(doc[i]) > 3:
            j = i + 1  # "reported by @GDarkconrad on Monday": the account alone
        named = next((e for e in current_ents(doc) if e.start == i and e.end > j and e.label_ in ("PERSON", "ORG")),
                     None)
        j = named.end if named is not None else j  # "by President Ferdinand “Bongbong” Marcos Jr.": the whole name
        # "and" joins claimants ("flight data and three US officials") but not a following clause
        claimant = doc[i:j]
        if claimant[0].lower_ in ANAPHORIC:
            continue  # "according to their information": the source is named elsewhere
        if any(t.lower_ in NORM_NOUNS for t in claimant):
            continue  # "flew according to a pre-filed flight plan": in keeping with, not a source
        if m.group(1).lower() in ("referring to", "with reference to") and any(
                t.lower_ in ("name", "names", "nickname", "called") for t in claimant):
            continue  # "referring to the shoal by its Chinese name" (blind14): a naming, no source
        if m.group(1).lower() == "citing" and claimant[-1].lower_ in _REASON_NOUNS:
            continue  # "refused to reveal the location citing security concerns" (blind10): a reason, no source
        if m.group(1).lower().endswith("claimed by") and any(
                t.lower_ in _TERRITORIAL_PARTICIPLES for t in doc[max(0, cue.start - 6):cue.start]):
            continue  # "the Paracel Islands, controlled by China but also claimed by Vietnam": a claim to land
        if m.group(1).lower() == "based on" and any(t.lower_ in SAY_VERBS for t in doc[j:cue.sent.end]):
            continue  # "Based on information obtained from …, Airforce Technology determined that" (blind15): the
            # basis of a finding its subject states
        span = Span(doc, cue.start, j, label="ATTRIBUTION")
        set_fc_value(span, {"claimant": claimant.text, "cue": " ".join(m.group(1).lower().split())})
        found.append(span)
    new_orgs: list[Span] = []
    speakers = [e for e in current_ents(doc) if e.label_ in ("PERSON", "ORG", "PLACE")]
    ending = {e.end: e for e in speakers}
    starting = {e.start: e for e in speakers}
    verbs = [_token_at(doc, m.start()) for m in view.say_matches]
    verbs += [_token_at(doc, m.start()) for m in _BECAME_AWARE.finditer(view.text)]
    for i in verbs:
        if i is None:
            continue
        token = doc[i]
        if token.lower_ not in SAY_VERBS and token.lower_ not in NAMING_VERBS and token.lower_ != "became":
            continue
        cue = "became aware" if token.lower_ == "became" else token.lower_
        verb_end = i + 2 if cue == "became aware" else i + 1
        if i > 0 and doc[i - 1].lower_ in _PASSIVE_BE and cue not in ("became aware",):
            continue  # "were reported killed": a passive without its agent ("reported by" is a cue above)
        if cue in _ADJECTIVAL_VERBS and (i == 0 or doc[i - 1].lower_ in _DETERMINERS):
            continue  # "one of the alleged pilots", "the admitted breach": an adjective, no statement
        source_after = _source_after(doc, i)
        if source_after is not None:  # "…lost their lives, said one of the humanitarian workers": the speaker
            holder = starting.get(source_after.end + 1) if source_after.end + 1 < len(doc) and doc[
                source_after.end].text == "," and source_after[-1].lower_ in _ROLE_SET else None
            if holder is not None and holder.label_ == "PERSON":  # "said RI Air Force spokesman, Marshall Azman
                claimant, extra = _claimant_of(holder)  # Yunus" (blind14's pass): the role's holder speaks
                span = Span(doc, i, holder.end, label="ATTRIBUTION")
                set_fc_value(span, {"claimant": claimant, "cue": cue, **extra})
                found.append(span)
                continue
            span = Span(doc, i, source_after.end, label="ATTRIBUTION")  # follows; no subject before the comma
            set_fc_value(span, {"claimant": source_after.text, "cue": cue})
            found.append(span)
            continue
        quoted_end = _quoted_name_end(doc, i) if cue == "quoted" else None
        titled = _titled_person_quoted(doc, i, starting) if cue == "quoted" and quoted_end is None else None
        if titled is not None:  # "state TV quoted coalition spokesman Turki al-Maliki as saying" (blind14's pass)
            claimant, extra = _claimant_of(titled)
            span = Span(doc, titled.start, titled.end + 2, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": claimant, "cue": "quoted as saying", **extra})
            found.append(span)  # the outlet that quotes is a source too (blind5): read below as the subject
        if quoted_end is not None:  # "Global Times quoted Wu as saying": Wu speaks, the outlet relays (blind14)
            quoted = starting.get(i + 1)
            claimant, extra = _claimant_of(quoted) if quoted is not None and quoted.end == quoted_end \
                else (doc[i + 1:quoted_end].text, {})
            span = Span(doc, i + 1, quoted_end + 2, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": claimant, "cue": "quoted as saying", **extra})
            found.append(span)
        subject_end = _subject_end(doc, i)
        if i > 0 and doc[i - 1].text == "," and i - 1 in ending and ending[i - 1].label_ == "PERSON":
            subject_end = i - 1  # "…for Civil Aviation, Murlidhar Mohol, confirmed": the name in apposition
        ent = ending.get(subject_end) or _relative_subject(doc, i, ending)
        pronoun = _pronoun_subject(doc, subject_end, speakers) if ent is None else None
        if pronoun is not None:
            claimant, extra = _claimant_of(pronoun)
            span = Span(doc, subject_end - 1, verb_end, label="ATTRIBUTION")  # "he said": the person named before
            set_fc_value(span, {"claimant": claimant, "cue": cue, "pronoun": doc[subject_end - 1].lower_, **extra})
            found.append(span)
            continue
        named = None if ent is not None and ent.label_ != "PLACE" and not (fc_value(ent) or {}).get("metonymy") \
            else ent.start if ent is not None else _capitalised_start(doc, subject_end)
        if named is not None and named > 0 and doc[named - 1].lower_ in _OBJECT_OF:
            # "the coalition fighting Houthis in Yemen said": the organisation before the participle speaks;
            # "officials in Kyiv said": the source noun before the preposition
            ent = _participle_subject(doc, named - 1, ending)
            if ent is None:
                subject_end = named - 1
        if ent is not None and ent.label_ == "ORG":
            ent = _person_of(doc, ent, speakers) or ent
        if ent is not None and not (ent.label_ == "PLACE" and ent.id_ and not _is_country_like(ent)):
            claimant, extra = _claimant_of(ent)
            span = Span(doc, ent.start, verb_end, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": claimant, "cue": cue, **extra})
            found.append(span)
            found += _coordinated_speakers(doc, ent, ending, cue)
            continue
        coordinated = _subject_of_coordinated_verb(doc, i, speakers) if ent is None else None
        if coordinated is not None:
            claimant, extra = _claimant_of(coordinated)
            span = Span(doc, coordinated.start, verb_end, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": claimant, "cue": cue, **extra})
            found.append(span)
            continue
        after = starting.get(i + 1) or _outlet_after(doc, i, new_orgs)
        if after is None and i + 2 < len(doc) and doc[i + 1].lower_ == "the" and (
                (org := starting.get(i + 2)) is not None and org.label_ == "ORG"):
            after = org  # "…,'' said the Southern Theater Command of the Chinese People's Liberation Army"
        if after is None:
            after = _titled_person_after(doc, i, starting)  # "said the Chief of Air Staff, Air Chief Marshal …"
        elif after.label_ == "ORG":
            after = _holder_after_a_bodys_role(doc, after, starting) or after
        if after is not None and after.label_ != "PLACE" and i > 0 and (doc[i - 1].is_punct or doc[i - 1].is_quote):
            person = starting.get(after.end)  # "said Air Force Brig. Gen. Pat Ryder": the person, not the service
            if after.label_ == "ORG" and person is not None and person.label_ == "PERSON":
                after = person
            claimant, extra = _claimant_of(after)
            span = Span(doc, i, _owner_end(doc, after.end, starting), label="ATTRIBUTION")
            set_fc_value(span, {"claimant": claimant, "cue": cue, **extra})
            found.append(span)
            continue
        speaker = _speaker_for_a_body(doc, subject_end)
        if speaker is not None:
            span = Span(doc, speaker, verb_end, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": doc[speaker:subject_end].text, "cue": cue})
            found.append(span)
            continue
        j = subject_end - 1
        if j >= 0 and doc[j].lower_ not in SOURCE_NOUNS and doc[j].lower_ not in _ROLE_SET:
            j = _source_before_participle(doc, i)  # "Plane spotters monitoring the skies … said"
            if j is not None:
                subject_end = j + 1
            else:
                j = -1
        if j < 0 or (doc[j].lower_ not in SOURCE_NOUNS and doc[j].lower_ not in _ROLE_SET):
            continue
        start = j
        while start - 1 >= 0 and subject_end - (start - 1) <= 7:
            prev = doc[start - 1]
            if prev.lower_ == "and" and start - 2 >= 0 and doc[start - 2].lower_ in SOURCE_NOUNS:
                start -= 1  # "aid workers and hospital officials told AFP": both are the source
                continue
            if prev.text == ")" and start - 4 >= 0 and any(doc[k].text == "(" for k in range(start - 4, start - 1)):
                start = next(k for k in range(start - 2, start - 5, -1) if doc[k].text == "(")
                continue  # "The … Air Force (TNI AU) headquarters has issued" (blind14): over the acronym
            if (prev.is_punct and prev.text != "-") or prev.is_space or prev.lower_ in CLAUSE_STOPS or \
                    prev.lower_ in SAY_VERBS:
                break
            start -= 1
        if doc[start].lower_ in ANAPHORIC and not (doc[start].lower_ in ("its", "their") and start + 1 < subject_end
                                                   and doc[start + 1].lower_ in _INSTITUTION_NOUNS):
            continue  # but "its military said" (blind8): a country's own institution speaks
        if doc[start].lower_ in ("in", "on", "at", "with"):
            continue  # "the ministry said in a statement posted on Telegram": a participle, not a second speaker
        start = _owner_start(doc, start, subject_end)
        span = Span(doc, start, verb_end, label="ATTRIBUTION")
        set_fc_value(span, {"claimant": doc[start:subject_end].text, "cue": cue})
        found.append(span)
    for m in _SOURCE_LABEL.finditer(view.text):  # "Source: dpa, a German news agency", "Source: Antara News"
        span = char_span(doc, m.start(), m.end("name"))
        if span is not None:
            span = Span(doc, span.start, span.end, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": m.group("name"), "cue": "source"})
            found.append(span)
    for m in _ON_A_TRACKER.finditer(view.text):  # "seen … on flight tracking website Flight Radar 24" (blind13)
        span = char_span(doc, m.start(), m.end("name"))
        if span is not None:
            span = Span(doc, span.start, span.end, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": m.group("name"), "cue": "on"})
            found.append(span)
    for m in _WHAT_SOURCES_CALL.finditer(view.text):  # "in what analysts describe as a show of force" (blind15)
        source = char_span(doc, m.start("source"), m.end("source"))
        if source is not None and source[-1].lower_ in SOURCE_NOUNS and source[0].lower_ not in ANAPHORIC \
                and source[0].lower_ not in _DETERMINERS:  # "what the US military termed": the naming rule's
            span = char_span(doc, m.start(), m.end(), "ATTRIBUTION")
            if span is not None:
                set_fc_value(span, {"claimant": source.text, "cue": m.group("verb").lower()})
                found.append(span)
    found += _observers(doc, view, ending, found)
    found += _speakers_of_participles(doc, speakers, found)
    found += _sources_with_participles(doc, view)
    found += _accounts_after_by(doc, view)
    found += _signed_quotations(doc, view, starting)
    found += _namings_without_quotes(doc, ending, found)
    found += _interview_heads(doc, view, starting)
    found += _headline_sources(doc, view, starting)
    for m in _QUOTE_READ.finditer(view.text):  # "“… Planes Launch,” read a Forbes headline"
        outlet = starting.get(_token_at(doc, m.end()) or -1)
        if outlet is not None and outlet.label_ == "ORG":
            claimant, extra = _claimant_of(outlet)
            span = Span(doc, _token_at(doc, m.start("verb")), outlet.end, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": claimant, "cue": "read", **extra})
            found.append(span)
    doc.spans[ATTRIBUTIONS_KEY] = filter_spans(found)
    _add_entities(doc, new_orgs)
    return doc


#: "in what analysts describe as a bold display", "what officials called a routine patrol": the sources of a
#: characterisation (up to two words before the source noun).
_WHAT_SOURCES_CALL = re.compile(r"\b[Ww]hat\s+(?P<source>(?:[\w-]+\s+){0,2}?[a-z]+)\s+"
                                r"(?P<verb>describe[ds]?|call(?:ed|s)?|term(?:ed|s)?|dubbed|characteri[sz]ed)\b")
#: "Source: Yurii Ihnat, Spokesperson of …", "Source: dpa, a German news agency", "Source: Antara News": a line that
#: opens with "Source:" names who the piece comes from — up to a comma or the line's end, six words at most (the
#: layout of Ukrainska Pravda's and of wire rewrites; blind9).
_SOURCE_LABEL = re.compile(r"(?:^|(?<=\n))Sources?:[ \t]*(?P<name>[^\W\d_][\w.’'-]*(?:[ \t][\w.’'-]+){0,5}?)"
                           r"[ \t]*(?=,|\n|$|[-–|][ \t]+[A-Z][\w ]{0,20}:)")  # "Source: ANI - Edited By: …" (blind17)


#: A press release's quotation signed below it: a line that is a quotation, then a line with the speaker's name
#: (a title such as "Dr" before it), then a line with the speaker's office ("Dr Bryony Mathew / Her Majesty’s
#: Ambassador to Iceland", blind13).
_QUOTE_OPENS_A_LINE = re.compile(r"(?m)^[ \t]*[“\"]")  # how every match of _SIGNED_QUOTATION opens (a needle)
_SIGNED_QUOTATION = re.compile(r"(?m)^[ \t]*[“\"][^\n]{10,}[”\"][ \t]*\n[ \t]*(?P<name>[A-Z][^\n,]{2,60}?)[ \t]*\n"
                               r"[ \t]*[A-Z][^\n]{3,100}$")


def _signed_quotations(doc: Doc, view: _DocView, starting: dict[int, Span]) -> list[Span]:
    """The speaker of a quotation signed on the lines below it: the person whose name fills the first of them."""
    out = []
    for m in finditer_if(_SIGNED_QUOTATION, view.text, _QUOTE_OPENS_A_LINE):
        line = char_span(doc, m.start("name"), m.end("name"))
        person = next((e for e in current_ents(doc) if e.label_ == "PERSON" and line is not None
                       and line.start <= e.start and e.end == line.end), None)
        if person is None:
            continue
        claimant, extra = _claimant_of(person)
        span = Span(doc, line.start, line.end, label="ATTRIBUTION")
        set_fc_value(span, {"claimant": claimant, "cue": "signed", **extra})
        out.append(span)
    return out


#: "… seen over the Black Sea on flight tracking website Flight Radar 24": a flight-tracking site or service named
#: after "on" is where the sighting was made — its source (blind13).
_TRACKER_WORD = r"[\w-]*(?:\.[\w-]+)*"  # "Flightradar24.com": inner dots, never a sentence's full stop
_ON_A_TRACKER = re.compile(r"\bon\s+(?:the\s+)?(?:(?:flight|plane|aircraft)[- ]tracking\s+)(?:website|site|service|"
                           rf"platform|app)\s+(?P<name>[A-Z]{_TRACKER_WORD}(?:[ \t]+[A-Z0-9]{_TRACKER_WORD}){{0,2}})")
_NAMING_WORD_RE = re.compile(r"\b(?:" + "|".join(sorted(NAMING_VERBS)) + r")\b")
_NOT_AFTER_NAMING = frozenset({"off", "on", "for", "up", "in", "back", "out", "upon", "into"})
_PREPOSITIONS_BEFORE_NP = frozenset({*_OBJECT_OF, "for", "by", "on", "about", "as", "onto", "after", "before",
                                     "during", "under", "and", "or", "than", "like"})


def _namings_without_quotes(doc: Doc, ending: dict[int, Span], found: list[Span]) -> list[Span]:
    """Wire copy's verdicts without quotation marks (blind8): "Kaja Kallas called Saturday's drone incursion into
    Romania yet another unacceptable breach", "for what the US military termed a routine deployment" — a naming
    verb whose subject is a person or an organisation right before it, followed by its object and then the name it
    gives (a second noun phrase, not after a preposition), or after "what <subject>". Not "called a meeting",
    "called off the search", "called the police to the scene"."""
    taken = {i for span in found for i in range(span.start, span.end)}
    out = []
    for m in _NAMING_WORD_RE.finditer(_view(doc).text):
        i = _token_at(doc, m.start())
        if i is None or i in taken or i + 1 >= len(doc) or doc[i + 1].lower_ in _NOT_AFTER_NAMING:
            continue
        ent = ending.get(_subject_end(doc, i))
        if ent is None:
            continue
        what = ent.start >= 1 and (doc[ent.start - 1].lower_ == "what" or (
            ent.start >= 2 and doc[ent.start - 1].lower_ == "the" and doc[ent.start - 2].lower_ == "what"))
        if ent.label_ not in ("PERSON", "ORG") and not (what and ent.label_ == "PLACE" and _is_country_like(ent)):
            continue  # "in what Israel had called a targeted strike" (blind16): a country names it too
        if not what and not _names_its_object(doc, i):
            continue
        claimant, extra = _claimant_of(ent)
        span = Span(doc, ent.start, i + 1, label="ATTRIBUTION")
        set_fc_value(span, {"claimant": claimant, "cue": doc[i].lower_, **extra})
        out.append(span)
    return out


def _names_its_object(doc: Doc, verb: int) -> bool:
    """After a naming verb, an object and then a second noun phrase opening with an article or "another", not after
    a preposition, before the clause ends ("called Russia the greatest threat")."""
    for k in range(verb + 2, min(verb + 15, len(doc))):
        t = doc[k]
        if t.is_punct or t.lower_ in CLAUSE_STOPS - {"and"} or t.lower_ in SAY_VERBS:
            return False
        if t.lower_ in ("a", "an", "the", "another") and doc[k - 1].lower_ not in _PREPOSITIONS_BEFORE_NP:
            return True
    return False


#: Participles that report what the clause's subject said ("The US expressed concern …, saying it was
#: destabilising", "China toughened its language, warning that …").
SAYING_PARTICIPLES = frozenset({"saying", "adding", "warning", "noting", "stressing", "insisting", "arguing",
                                "stating", "explaining", "declaring", "asserting"})
#: "…, with experts warning of …", "with officials saying …": a source noun after "with" and before a saying
#: participle speaks (an absolute clause; blind11). Up to two modifiers before the noun ("Western diplomats").
_WITH_SOURCE_NOUNS = "|".join(sorted(SOURCE_NOUNS | {"residents", "witnesses", "critics"}))
_WITH_SOURCES = re.compile(rf"\bwith\s+(?P<source>(?:[\w-]+\s+){{0,2}}?(?:{_WITH_SOURCE_NOUNS}))\s+"
                           rf"(?:{'|'.join(sorted(SAYING_PARTICIPLES))})\b")


#: "as reported on X by @AirSpecInt", "shared on Telegram by @MilRadarRu": an account that published what the text
#: reports (the platform between the verb and "by"); "@Osinttechnical posted …": an account before a say-verb. A
#: handle is a source, not an organisation (it may be one person's; blind11's pass, seen on an unscored report).
_ACCOUNT_NAME = r"(?<![\w.])(?P<name>@[A-Za-z]\w{2,})"
_BY_ACCOUNT = re.compile(r"\b(?:reported|posted|shared|published|flagged|spotted|first\s+seen)\s+"
                         rf"(?:on\s+(?:X|Twitter|Telegram|Bluesky|Facebook|Instagram)\s+)?by\s+{_ACCOUNT_NAME}")
_ACCOUNT_SAYS = re.compile(rf"{_ACCOUNT_NAME}\s+(?:said|says|posted|posts|wrote|writes|reported|reports|tweeted|"
                           r"shared|shares|noted|notes)\b")


#: A line naming a person and their post and ending in a colon, the words that follow being theirs (an interview's
#: or a broadcast's transcript): "Sergei Frolov, head of the anti-aircraft missile troops …:" (blind16).
_INTERVIEW_HEAD = re.compile(r"(?:\A|(?<=\n))[^\n,:]{3,60},[^\n:.;]{3,200}:[ \t]*(?=\n)")


def _interview_heads(doc: Doc, view: _DocView, starting: dict[int, Span]) -> list[Span]:
    out = []
    for m in _INTERVIEW_HEAD.finditer(view.text) if ":\n" in view.text or ": \n" in view.text else ():
        person = starting.get(_token_at(doc, m.start()) or 0)
        end = _token_at(doc, m.end() - 1) or 0
        if person is None or person.label_ != "PERSON" or doc[person.end].text != "," \
                or not any(t.is_lower for t in doc[person.end + 1:end]):
            continue  # a post in words, not a transcript's label ("A MARTÍNEZ, HOST:", blind8)
        claimant, extra = _claimant_of(person)
        span = Span(doc, person.start, person.end, label="ATTRIBUTION")
        set_fc_value(span, {"claimant": claimant, "cue": ":", **extra})
        out.append(span)
    return out


#: A line opening with a name and a colon, then the words attributed to it — official copy's headlines ("Defence
#: Ministry: number of NATO reconnaissance aircraft flights … doubled"; blind16).
_HEADLINE_SOURCE = re.compile(r"(?:\A|(?<=\n))(?P<src>[A-Z][^:\n]{1,50}?):[ \t]+(?=[A-Za-z“\"])")


_QUESTION_LINE = re.compile(r"\s*(?:who|whom|whose|what|which|how|when|where|why|did|do|does|is|are|was|were|has|"
                            r"have|had|can|could|will|would)\b", re.IGNORECASE)


def _headline_sources(doc: Doc, view: _DocView, starting: dict[int, Span]) -> list[Span]:
    out = []
    for m in _HEADLINE_SOURCE.finditer(view.text):
        source = starting.get(_token_at(doc, m.start()) or 0)
        if source is None or source.label_ not in ("ORG", "PERSON") or source.end_char != m.end("src"):
            continue  # only a whole name before the colon: not "ISLAMABAD, Oct 4 (APP):", "Note:"
        line = view.text[m.end():].split("\n", 1)[0]
        if _QUESTION_LINE.match(line) or line.rstrip().endswith("?"):
            continue  # "RAF or USAF: who flew more?": a question put about them, not their words
        claimant, extra = _claimant_of(source)
        span = Span(doc, source.start, source.end, label="ATTRIBUTION")
        set_fc_value(span, {"claimant": claimant, "cue": ":", **extra})
        out.append(span)
    return out


def _accounts_after_by(doc: Doc, view: _DocView) -> list[Span]:
    out = []
    for m in [*finditer_if(_BY_ACCOUNT, view.text, ("@",)), *finditer_if(_ACCOUNT_SAYS, view.text, ("@",))]:
        span = char_span(doc, m.start(), m.end("name"))
        if span is not None:
            span = Span(doc, span.start, span.end, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": m.group("name"), "cue": "by"})
            out.append(span)
    return out


def _sources_with_participles(doc: Doc, view: _DocView) -> list[Span]:
    out = []
    for m in _WITH_SOURCES.finditer(view.text):
        span = char_span(doc, m.start(), m.end())
        source = char_span(doc, m.start("source"), m.end("source"))
        if span is not None and source is not None and source[0].lower_ not in ANAPHORIC:
            span = Span(doc, span.start, span.end, label="ATTRIBUTION")
            set_fc_value(span, {"claimant": source.text, "cue": span[-1].lower_})
            out.append(span)
    return out


_NOT_SAYING_BEFORE = frozenset({"a", "an", "the", "without", "by", "early", "advance", "no", "any"})


def _that_verb_without_that(doc: Doc, w: Token) -> bool:
    """A verb that reports only before "that", without it ("shrugged off the report, adding": a noun)."""
    return w.lower_ in THAT_SAY_VERBS and (w.i + 1 >= len(doc) or doc[w.i + 1].lower_ != "that")


def _speakers_of_participles(doc: Doc, speakers: list[Span], found: list[Span]) -> list[Span]:
    """Wire copy's "<subject> <did something>, saying …" (blind8): the participle's speaker is the subject that opens
    the sentence — a person (after a title: "U.S. President Donald Trump also weighed in … saying"), else an
    organisation or a country ("Russia reacted Monday morning, … saying") — when no verb of saying or clause word
    lies between. The attribution is the participle alone, so that nothing of the clause is masked."""
    taken = {i for span in found for i in range(span.start, span.end)}
    out = []
    for i in _view(doc).at_lower(doc, SAYING_PARTICIPLES):
        t = doc[i]
        if t.i in taken or t.i < 3 or doc[t.i - 1].lower_ in _NOT_SAYING_BEFORE \
                or not doc[t.i - 1].whitespace_ or (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"):
            continue  # "adding to tensions", "without saying", "a warning", "early-warning": no statement
        sent = t.sent
        opening = [e for e in speakers if sent.start <= e.start < min(sent.start + 5, t.i)
                   and (e.label_ != "PLACE" or _is_country_like(e))]
        subject = next((e for e in opening if e.label_ == "PERSON"), None) or next(iter(opening), None)
        if subject is None or (subject.start > sent.start and doc[subject.start - 1].lower_ in _OBJECT_OF):
            continue
        if any((w.lower_ in SAY_VERBS and not _that_verb_without_that(doc, w)) or w.lower_ in CLAUSE_STOPS
               or w.text in (";", ":") or w.is_quote for w in doc[subject.end:t.i]):
            continue  # "… said X, adding": the say-verb's attribution has it; "… that Y, saying": not the subject
        claimant, extra = _claimant_of(subject)
        span = Span(doc, t.i, t.i + 1, label="ATTRIBUTION")
        set_fc_value(span, {"claimant": claimant, "cue": t.lower_, **extra})
        out.append(span)
    return out


#: A quotation "read" as a piece of an outlet's: ",” read a Forbes headline", ",” reads the report".
_QUOTE_READ = re.compile(r"[,.?!][”\"’]\s+(?P<verb>reads?)\s+(?:a|an|the)\s+")
#: Verbs of watching that make a tracker, an outlet or a source noun the source of what follows ("Online flight
#: trackers recorded the movements", "The satellite group Satellogic also photographed two Reapers").
OBSERVATION_VERBS = frozenset({"recorded", "tracked", "spotted", "observed", "photographed", "monitored", "logged",
                               "captured", "documented", "detected",
                               # "plane spotters using online flight tracking software noticed …" (blind13)
                               "noticed"})
_OBSERVATION_RE = re.compile(r"\b(?:" + "|".join(sorted(OBSERVATION_VERBS)) + r")\b")
#: Source nouns that watch: the subjects those verbs make a source of (not "officials", not "the aircraft").
OBSERVER_NOUNS = frozenset({"trackers", "tracker", "spotters", "watchers", "monitors", "observers", "data",
                            "imagery", "images", "photos", "footage", "websites", "website", "sites"})


def _observers(doc: Doc, view: _DocView, ending: dict[int, Span], found: list[Span]) -> list[Span]:
    """Attributions of a verb of watching whose subject is a tracker's or an outlet's name or a noun of watching —
    not a ministry or a force (their "tracked" is an act, not a report)."""
    from claims.nlp.pipeline import vocabulary_for_version

    out = []
    taken = {i for span in found for i in range(span.start, span.end)}
    vocabulary = None
    for m in _OBSERVATION_RE.finditer(view.text):
        i = _token_at(doc, m.start())
        if i is None or i in taken or i == 0 or doc[i - 1].lower_ in _PASSIVE_BE:
            continue
        subject_end = _subject_end(doc, i)
        ent = ending.get(subject_end)
        if ent is not None and ent.label_ == "ORG":
            value = fc_value(ent) or {}
            if ent.id_.startswith("org:"):
                vocabulary = vocabulary or vocabulary_for_version(doc.user_data.get("fc_vocabulary_version"))
                org = vocabulary.organisation_by_slug.get(ent.id_[4:])
                watches = org is not None and org.kind in ("news", "other")
            else:
                watches = value.get("kind") in ("outlet", "group")
            if watches:
                claimant, extra = _claimant_of(ent)
                span = Span(doc, ent.start, i + 1, label="ATTRIBUTION")
                set_fc_value(span, {"claimant": claimant, "cue": doc[i].lower_, **extra})
                out.append(span)
            continue
        j = _observer_before_its_means(doc, subject_end - 1)
        if j < 0 or doc[j].lower_ not in OBSERVER_NOUNS or not doc[j].is_lower:
            continue
        start = j
        while start - 1 >= 0 and j - (start - 1) < 4 and doc[start - 1].is_alpha \
                and doc[start - 1].lower_ not in CLAUSE_STOPS and doc[start - 1].lower_ not in ANAPHORIC \
                and not doc[start].is_sent_start:
            start -= 1
        span = Span(doc, start, i + 1, label="ATTRIBUTION")
        set_fc_value(span, {"claimant": doc[start:j + 1].text, "cue": doc[i].lower_})
        out.append(span)
    return out


#: Participles that name the means of watching after its watcher ("spotters using online flight tracking software").
_MEANS_PARTICIPLES = frozenset({"using", "via", "with", "monitoring", "watching", "relying"})


def _observer_before_its_means(doc: Doc, j: int) -> int:
    """"plane spotters using online flight tracking software noticed" (blind13): the watcher is the noun before a
    participle of means a few words back, not the software; otherwise j itself."""
    for k in range(j, max(-1, j - 7), -1):
        if doc[k].is_punct or doc[k].lower_ in CLAUSE_STOPS:
            break
        if doc[k].lower_ in _MEANS_PARTICIPLES and k > 0 and doc[k - 1].lower_ in OBSERVER_NOUNS:
            return k - 1
    return j


#: Say-verbs that only make statements (not "identified", "showed", "described"): a coordinated one shares the
#: clause's subject.
_STATEMENT_VERBS = frozenset({"said", "says", "noted", "notes", "added", "stated", "states", "told", "wrote",
                              "claimed", "claims", "announced", "confirmed", "reported", "warned", "insisted",
                              "explained", "stressed", "declared", "acknowledged", "revealed", "tweeted",
                              "demanded", "demands"})


def _subject_of_coordinated_verb(doc: Doc, verb: int, speakers: list[Span]) -> Span | None:
    """"Another flight monitoring agency, Aircraft Spots, made a similar observation and noted that…": a say-verb
    right after "and" shares the subject of the clause's first verb — the one organisation or person named in the
    sentence before it, within its first ten words and not after a preposition."""
    if verb < 2 or doc[verb - 1].lower_ != "and" or doc[verb].lower_ not in _STATEMENT_VERBS:
        return None  # "intercepted and identified several groups": identifying aircraft is no statement
    sent = doc[verb].sent
    named = [e for e in speakers if e.label_ in ("ORG", "PERSON") and sent.start <= e.start and e.end < verb]
    if len(named) != 1 or named[0].start - sent.start > 10 or (
            named[0].start > 0 and doc[named[0].start - 1].lower_ in _OBJECT_OF):
        return None
    between = doc[named[0].end:verb - 1]
    if any(t.lower_ in SAY_VERBS or t.lower_ in CLAUSE_STOPS or t.text in (";", ".") for t in between):
        return None
    return named[0]


_SPEAKERS_FOR = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "official", "officials",
                           "source", "sources"})


def _speaker_for_a_body(doc: Doc, subject_end: int) -> int | None:
    """"A spokesperson for Norway’s armed forces’ operational headquarters told …": the speaker of a body named in
    lower case after "for", up to eight words back, within the clause (blind11)."""
    for k in range(subject_end - 2, max(-1, subject_end - 10), -1):
        t = doc[k]
        if t.is_sent_start and k < subject_end - 2 and t.lower_ not in _SPEAKERS_FOR and t.lower_ not in ("a", "the"):
            return None
        if (t.is_punct and t.text not in ("’", "'")) or t.lower_ in CLAUSE_STOPS:
            return None
        if t.lower_ in _SPEAKERS_FOR and doc[k + 1].lower_ == "for":
            return k
    return None


def _source_before_participle(doc: Doc, verb: int) -> int | None:
    """"Plane spotters monitoring the skies around China via open-source software said": a source noun right before
    a participle that opens the phrase before the say-verb is its subject — when no punctuation, clause word or other
    verb of saying lies between. The index of the source noun, or None."""
    for k in range(verb - 1, max(0, verb - 16), -1):
        t = doc[k]
        if (t.is_punct and t.text != "-") or t.lower_ in SAY_VERBS or t.lower_ in CLAUSE_STOPS:
            return None
        if t.is_lower and t.text.endswith("ing") and len(t) > 4 and k >= 1 and doc[k - 1].lower_ in SOURCE_NOUNS:
            return k - 1
        if t.lower_ in _INFORMED and k >= 1 and doc[k - 1].lower_ in SOURCE_NOUNS:
            return k - 1  # "A person familiar with the matter said", "two people briefed on the plans" (blind8's pass)
        if t.lower_ == "with" and k + 1 < verb and doc[k + 1].lower_ == "knowledge" and k >= 1 \
                and doc[k - 1].lower_ in SOURCE_NOUNS:
            return k - 1  # "sources with knowledge of the flights said"
        if t.is_sent_start:
            return None
    return None


#: Words of being informed that open the phrase after a source noun ("people familiar with the matter").
_INFORMED = frozenset({"familiar", "briefed", "knowledgeable", "close"})


def _capitalised_start(doc: Doc, end: int) -> int | None:
    """The first token of the run of capitalised words that ends at token `end` (exclusive), if there is one."""
    k = end
    while k > 0 and doc[k - 1].is_title and end - k < 4:
        k -= 1
    return k if k < end else None


def _participle_subject(doc: Doc, preposition: int, ending: dict[int, Span]) -> Span | None:
    """"The Saudi-led coalition fighting Houthis in Yemen said": a name after a preposition is not the speaker; the
    organisation before a participle ("fighting", "supporting", "battling") that opens the phrase is — when no
    punctuation or other verb of saying lies between."""
    for k in range(preposition - 1, max(0, preposition - 12), -1):
        t = doc[k]
        if t.is_punct or t.lower_ in SAY_VERBS or t.lower_ in CLAUSE_STOPS:
            return None
        if t.is_lower and t.text.endswith("ing") and len(t) > 4:
            ent = ending.get(k)
            return ent if ent is not None and ent.label_ == "ORG" else None
        if t.is_sent_start:
            return None
    return None


def _source_after(doc: Doc, verb: int) -> Span | None:
    """After a comma or a closing quote, "said one of the humanitarian workers" / "said a local official": a phrase
    of up to seven words ending in a source noun and the clause is the source. Wire copy adds where the source is or
    its name before the clause ends (blind8): "said a security analyst in Taipei, the capital" (the source noun),
    "said ruling party newspaper Rodong Sinmun" (the noun with its name)."""
    inverted = verb + 1 < len(doc) and doc[verb + 1].lower_ in ("a", "an") and doc[verb - 1].is_lower \
        and _plural_noun(doc[verb - 1])  # "… killed eight rebel leaders said a rebel spokesperson" (blind15)
    if verb == 0 or doc[verb].lower_ not in SAY_VERBS \
            or not (doc[verb - 1].text == "," or doc[verb - 1].text in _CLOSING_QUOTES or inverted):
        return None  # not "“Lenta.ru” became aware of the tracking data"
    if doc[verb].lower_ in STATEMENT_VERBS:
        return None  # "…, issued the following press statement" (blind16): the statement, not who put it out
    if verb + 1 < len(doc) and doc[verb + 1].lower_ in _WHERE_SAID:
        return None  # "…, said on Ukrainian TV channels" (blind14's pass): where it was said, not who said it
    for k in range(verb + 1, min(verb + 8, len(doc))):
        t = doc[k]
        if t.is_punct or t.lower_ in CLAUSE_STOPS or t.lower_ in SAY_VERBS:
            break
        if t.lower_ not in SOURCE_NOUNS or not t.is_lower:
            continue
        if k + 1 >= len(doc) or doc[k + 1].is_punct:
            return doc[verb + 1:k + 1]
        tail = _source_tail(doc, k + 1)
        if tail is not None:
            return doc[verb + 1:tail if doc[k + 1].is_title else k + 1]
    return None


_CLOSING_QUOTES = frozenset({"”", '"', "’"})
#: Prepositions after a say-verb that say where or how something was said, not by whom.
_WHERE_SAID = frozenset({"on", "in", "at", "via", "during", "to", "through", "over"})
_ORDINAL_DAY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$")
_TIME_OF_DAY = frozenset({"week", "night", "morning", "evening", "afternoon", "day", "month", "year"})


def _source_tail(doc: Doc, i: int) -> int | None:
    """Where the clause ends after a source noun, when what follows it there is its name (up to four capitalised
    words) or where it is ("in/at/from <up to four capitalised words>"); None for anything else."""
    if doc[i].lower_ in ("on", "late", "early", "last"):
        k = i + 1  # "said a rebel spokesperson on November 1st." (blind15): when, then the clause's end
        while k < len(doc) and k - i <= 4 and (doc[k].is_title or doc[k].like_num or _ORDINAL_DAY.match(doc[k].text)
                                               or doc[k].lower_ in _TIME_OF_DAY or doc[k].lower_ == "on"):
            k += 1
        if k > i + 1 and (k >= len(doc) or doc[k].is_punct or "\n" in doc[k].text):
            return i
    k = i + (doc[i].lower_ in ("in", "at", "from", "based"))
    end = k
    while end < len(doc) and end - k < 4 and doc[end].is_title and NAME_TOKEN.match(doc[end].text):
        end += 1
    if end == k or (end < len(doc) and not (doc[end].is_punct or "\n" in doc[end].text)):
        return None
    return end


def _pronoun_subject(doc: Doc, subject_end: int, speakers: list[Span]) -> Span | None:
    """"Tito Saul Pinilla did not rule it out, though he said…": "he"/"she" before a say-verb is the person named
    before it in the same sentence — when only one person is named there (two people: which one is not read). A
    "He"/"She" opening a sentence with no one named before it there is the one person who opens the sentence
    before; any other person of an earlier sentence is not read."""
    if subject_end < 1 or doc[subject_end - 1].lower_ not in ("he", "she"):
        return None
    sent = doc[subject_end - 1].sent
    people = [e for e in speakers if e.label_ == "PERSON" and sent.start <= e.start and e.end < subject_end]
    names = {(fc_value(e) or {}).get("full_name") or (fc_value(e) or {}).get("name") for e in people}
    if not people and sent.start > 0:
        # "Wing Commander Higgins, Officer Commanding 120 Squadron, linked … He said …": "He" opening a sentence
        # is the one person who opened the sentence before (its subject); wire copy also writes "Prime Minister
        # Stephen Harper also weighed into the affair. “…,” he told reporters." and "Chinese foreign ministry
        # spokeswoman Hua Chunying declined to comment … “…,” she said." (blind8): with no one named before the
        # pronoun in its sentence, the one person the sentence before names, not after a preposition
        before, people = _sentence_naming_people(doc, sent, speakers)
        names = {(fc_value(e) or {}).get("full_name") or (fc_value(e) or {}).get("name") for e in people}
        if len(names) != 1:
            return None
        opens = people[0].start == before.start or (  # "Among the crew … was Flight Lieutenant Steve Morris …. He
            people[0].start > 0 and doc[people[0].start - 1].lower_ in ("was", "is"))  # said" (blind17): inverted
        after_preposition = people[0].start > 0 and doc[people[0].start - 1].lower_ in (*_OBJECT_OF, "by", "for")
        return people[0] if opens or (sent.start < subject_end - 1 and not after_preposition) else None
    return people[-1] if len(names) == 1 else None


def _owner_start(doc: Doc, start: int, end: int) -> int:
    """"…scramble fighter jets to the scene Seoul's military said" (a comma missing; KUNA, seen on an unscored
    report of blind12's pass): a source noun owned by a capitalised name starts at its owner, not at the lower-case
    words before it."""
    for k in range(start + 1, end - 1):
        if doc[k].text in ("’s", "'s") and doc[k - 1].is_title and not doc[k - 2].is_title \
                and doc[k - 2].is_lower and doc[k - 2].lower_ not in ("the", "a", "an"):
            return k - 1
    return start


def _titled_person_after(doc: Doc, verb: int, starting: dict[int, Span]) -> Span | None:
    """"…," said the Chief of Air Staff, Air Chief Marshal RKS Bhadauria': after the say-verb, "the" and a title in
    capitals (a role noun in it), a comma, then the person who holds it (blind12)."""
    if verb + 2 >= len(doc) or doc[verb + 1].lower_ != "the":
        return None
    k = verb + 2
    while k < len(doc) and k - verb < 14 and (doc[k].is_title or doc[k].lower_ in ("of", "the", "and") or (
            doc[k].is_lower and (doc[k].lower_ in ROLE_MODIFIERS or doc[k].lower_ in _ROLE_SET))):
        k += 1  # "said the security chief of Air Defense Forces of …, Colonel Kairat Baimakhanov" (blind16)
    person = starting.get(k + 1) if k < len(doc) and doc[k].text == "," else None
    if person is None and k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in _ROLE_SET:
        person = starting.get(k + 2)  # the holder's rank before the name
    if person is None or person.label_ != "PERSON" or not any(t.lower_ in _ROLE_SET for t in doc[verb + 2:k]):
        return None
    return person


def _holder_after_a_bodys_role(doc: Doc, body: Span, starting: dict[int, Span]) -> Span | None:
    """'This is our main task," said RI Air Force spokesman, Marshall Azman Yunus': after the say-verb, a body, its
    role noun, a comma, then the person who holds the role speaks (blind14's pass, seen on an unscored report)."""
    k = body.end
    while k < len(doc) and k - body.end < 3 and doc[k].lower_ in _ROLE_SET:
        k += 1
    person = starting.get(k + 1) if k > body.end and k < len(doc) and doc[k].text == "," else None
    return person if person is not None and person.label_ == "PERSON" else None


def _coordinated_speakers(doc: Doc, ent: Span, ending: dict[int, Span], cue: str) -> list[Span]:
    """"Foreign Minister Winston Peters and Defence Minister Judith Collins released a joint statement": a person
    joined by "and" to the person who speaks speaks too (blind12)."""
    if ent.label_ != "PERSON" or ent.start < 2 or doc[ent.start - 1].lower_ != "and":
        return []
    other = ending.get(ent.start - 1)
    if other is None or other.label_ != "PERSON":
        return []
    claimant, extra = _claimant_of(other)
    span = Span(doc, other.start, ent.start, label="ATTRIBUTION")  # up to "and": not the person's own extent
    set_fc_value(span, {"claimant": claimant, "cue": cue, **extra})
    return [span]


def _sentence_naming_people(doc: Doc, sent: Span, speakers: list[Span]) -> tuple[Span, list[Span]]:
    """The closest sentence before ``sent`` that names people, and those people: line breaks are passed, and so is
    one sentence naming no one (a quotation the sentencizer cut at ". . ." or a closing quote)."""
    before = doc[sent.start - 1].sent
    passed = 0
    while True:
        people = [e for e in speakers if e.label_ == "PERSON" and before.start <= e.start < before.end]
        blank = not before.text.strip()
        quoted = any(t.is_quote for t in before)  # a piece of a quotation, not a sentence of its own
        if people or before.start == 0 or (not blank and (passed == 1 or not quoted)):
            return before, people
        passed += not blank
        before = doc[before.start - 1].sent


def _relative_subject(doc: Doc, verb: int, ending: dict[int, Span]) -> Span | None:
    """"Air Commodore Ibikunle Daramola who made this known in a statement said": the person before a relative
    "who", when the clause between reaches the say-verb without punctuation or another verb of saying."""
    for k in range(verb - 2, max(0, verb - 14), -1):
        t = doc[k]
        if t.is_punct or t.is_sent_start or t.lower_ in SAY_VERBS:
            return None
        if t.lower_ == "who":
            ent = ending.get(k)
            return ent if ent is not None and ent.label_ == "PERSON" else None
    return None


def _person_of(doc: Doc, org: Span, speakers: list[Span]) -> Span | None:
    """"Colonel Anna Berg of the Polish Air Force's 32nd Wing said": the person, not the unit named after "of",
    is the speaker — when nothing but the unit's name lies between them."""
    for person in speakers:
        if person.label_ != "PERSON" or not (0 < org.start - person.end <= 8) \
                or doc[person.end].lower_ not in ("of", "at"):  # "Göran Mårtensson at the Armed Forces said"
            continue
        between = doc[person.end + 1:org.start]
        if not any((t.is_punct and t.text not in ("’s", "'s", "-", "’", "'")) or t.lower_ in SAY_VERBS
                   for t in between):
            return person
    return None


def _outlet_after(doc: Doc, verb: int, new_orgs: list[Span]) -> Span | None:
    """"…300 times, writes Mirror.": one capitalised word after a say-verb that follows punctuation, ending the
    clause, is the source — an organisation (a person named in one word after the verb is rare; two words are
    left to the people rule)."""
    k = verb + 1
    if k >= len(doc) or verb == 0 or not (doc[verb - 1].is_punct or doc[verb - 1].is_quote):
        return None
    word = doc[k]
    end_ok = k + 1 >= len(doc) or doc[k + 1].is_punct or "\n" in doc[k + 1].text
    if not end_ok or not word.is_alpha or not word.text[:1].isupper() or word.text in NOT_NAMES \
            or any(e.start <= k < e.end for e in current_ents(doc)):
        return None
    org = Span(doc, k, k + 1, label="ORG")
    set_fc_value(org, {"name": word.text})
    new_orgs.append(org)
    return org


_BECAME_AWARE = re.compile(r"\bbecame aware\b", re.IGNORECASE)
#: Participles of holding land: "claimed by" after one of them is a claim to territory, not a statement.
_TERRITORIAL_PARTICIPLES = frozenset({"controlled", "administered", "occupied", "held", "disputed", "annexed",
                                      "governed", "owned"})
_ROLE_SET = frozenset(r for r in ROLE_NOUNS if " " not in r)


def _is_country_like(ent: Span) -> bool:
    """A place that can speak ("China said", "Tokyo said"): a country or a capital, not a sea or a state."""
    from claims.nlp.pipeline import vocabulary_for_version

    key = ent.id_
    if not key.startswith("region:"):
        return True
    region = vocabulary_for_version(ent.doc.user_data.get("fc_vocabulary_version")).region_by_slug.get(key[7:])
    return region is None or region.kind == "country"


_REPLY_NOUNS = frozenset({"reply", "response", "turn", "return"})


def _subject_end(doc: Doc, verb: int) -> int:
    """Where the subject of a say-verb ends: right before it, or before auxiliaries ("has revealed") and a
    parenthetical between commas ("China, however, said"; "Data from Flightradar24, mapped by Newsweek, shows") or
    an acronym in brackets ("the Joint Chiefs of Staff (JCS) said")."""
    i = verb
    words, lowers = _view(doc).words(doc), _view(doc).lowers(doc)
    if i > 3 and lowers[i - 1] == "to" and lowers[i - 2] == "on" and lowers[i - 3] in ("went", "goes"):
        i -= 3  # "The release went on to say"
    while i > 0 and lowers[i - 1] in AUXILIARIES:
        i -= 1
    if i > 2 and lowers[i - 2] == "in" and lowers[i - 1] in _REPLY_NOUNS:
        i -= 2  # "Nakajima in reply said that …" (blind13): an adverbial between the subject and its verb
    i = _before_time_of_speech(doc, i)
    while i > 0 and lowers[i - 1] in AUXILIARIES:
        i -= 1
    i = _before_a_participle_of_the_source(doc, i)
    if i > 1 and words[i - 1] in ("”", '"', "’"):
        i -= 1  # “Lenta.ru” became aware: the name closes a quote
    if i > 3 and words[i - 1] in (")", "]") and words[i - 3] in ("(", "[") and (
            words[i - 2].isupper() or words[i - 2].istitle()):
        i -= 3  # "US Air Forces in Europe (USAFE) said", "the Armed Forces (Försvarsmakten) said": the name, its
        # acronym or its name in another language
    if i > 0 and words[i - 1] == ",":
        k, reach = i - 2, _APPOSITION_REACH  # "David Nahom, deputy commander of the air war, told"; "Andrew
        # Brookes, a fellow at the Royal United Services Institute and former RAF pilot, said"
        while k > max(-1, i - reach - 1):
            if doc[k].text == ",":
                return _outer_apposition(doc, k) or k
            if doc[k].is_sent_start or doc[k].text in (".", ";", "“", '"'):
                break
            if doc[k].text == ")":
                reach += 3  # an acronym in brackets is no part of the reach ("… of the Workers' Party of Korea
                # (WPK), issued", blind16)
            k -= 1
    return i


def _outer_apposition(doc: Doc, comma: int | None) -> int | None:
    """"Rida Lyammouri, senior fellow at the Policy Center for the New South, a Moroccan think tank, said" (blind15):
    an apposition opening with "a/an" that describes the body named just before it, after another apposition in
    lower case, belongs to that body — the speaker stands before the first comma."""
    if comma is None or comma + 1 >= len(doc) or doc[comma + 1].lower_ not in ("a", "an") \
            or not (doc[comma - 1].is_title or doc[comma - 1].is_upper):
        return comma
    for k in range(comma - 2, max(0, comma - _APPOSITION_REACH), -1):
        if doc[k].is_sent_start or doc[k].text in (".", ";", "“", '"', "”"):
            break
        if doc[k].text == ",":
            role = doc[k + 1:comma]  # "senior fellow at the …", "an analyst at the …" — not "the Global Times"
            opens_a_role = doc[k + 1].is_lower and doc[k + 1].lower_ != "the" \
                and any(t.lower_ in ("at", "of", "for", "with") for t in role)
            return k if opens_a_role and k >= 2 and (doc[k - 1].is_title or doc[k - 1].is_upper) else comma
    return comma


#: Participles that describe a document or an image between it and its verb ("A Planet Labs satellite image taken
#: earlier today shows", blind13).
_SOURCE_PARTICIPLES = frozenset({"taken", "released", "obtained", "captured", "published", "dated", "shared",
                                 "acquired", "collected", "seen"})


def _before_a_participle_of_the_source(doc: Doc, i: int) -> int:
    """Where a source noun ends when a short participle clause follows it: "image taken earlier today shows" → after
    "image"; otherwise i."""
    lowers = _view(doc).lowers(doc)
    if not any(lowers[k] in _SOURCE_PARTICIPLES for k in range(i - 1, max(0, i - 6), -1)):
        return i  # no participle: the loop below would return i
    for k in range(i - 1, max(0, i - 6), -1):
        if doc[k].is_punct or doc[k].is_sent_start:
            return i
        if doc[k].lower_ in _SOURCE_PARTICIPLES and doc[k - 1].lower_ in SOURCE_NOUNS and doc[k - 1].is_lower:
            return k
    return i


def _owner_end(doc: Doc, end: int, starting: dict[int, Span]) -> int:
    """Where a speaker named after its say-verb ends: with the body it belongs to ("said the Southern Theater
    Command of the Chinese People's Liberation Army" — the PLA speaks there too; it is no operator of the aircraft
    the quote is about, blind9)."""
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        k = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        if k + 1 < len(doc) and k not in starting and doc[k].is_title and (k + 1) in starting:
            k += 1  # a nationality before the body ("of the Chinese People's Liberation Army")
        owner = starting.get(k)
        if owner is not None and owner.label_ == "ORG":
            return owner.end
    return end


_SPEECH_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _before_time_of_speech(doc: Doc, i: int) -> int:
    """Where a subject ends before the day it spoke ("The Philippine military on Saturday accused", "the ministry
    yesterday said", "NATO today announced"): the subject is the words before the day (blind9)."""
    lowers = _view(doc).lowers(doc)
    if i > 1 and lowers[i - 1] in _SPEECH_DAYS and lowers[i - 2] == "on":
        return i - 2
    if i > 0 and lowers[i - 1] in ("yesterday", "today"):
        return i - 1
    return i


def _attribution_mask(doc: Doc) -> list[bool]:
    """True inside attributions: "three" in "according to three US officials" counts officials, not flights."""
    mask = [False] * len(doc)
    for span in doc.spans.get(ATTRIBUTIONS_KEY, []):
        for i in range(span.start, span.end):
            mask[i] = True
    return mask


def _qualifier_before(doc: Doc, i: int) -> tuple[str, int]:
    """The qualifier phrase ending right before token i ("at least") and the token where it starts."""
    for n in (3, 2, 1):
        if i - n < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[i - n:i])
        if phrase in QUALIFIERS:
            return QUALIFIERS[phrase], i - n
    return "exact", i


def _is_number(token: Token) -> bool:
    if token.lower_ == "dozen":  # "a dozen F-16s", "the first dozen aircraft" (blind14) — not "half a dozen"
        doc, i = token.doc, token.i
        return i > 0 and doc[i - 1].lower_ in _BEFORE_A_DOZEN and not (i > 1 and doc[i - 2].lower_ == "half")
    if not token.like_num or ORDINAL.match(token.text):
        return False
    return parse_number(token.text) is not None


_BEFORE_A_DOZEN = frozenset({"a", "first", "last", "another", "next"})


def _a_dozen(doc: Doc, i: int) -> bool:
    """"a dozen": the number's token is "dozen" after "a"."""
    return doc[i].lower_ == "dozen" and i > 0 and doc[i - 1].lower_ == "a"


def _range_low(doc: Doc, i: int) -> bool:
    """The lower end of a range of counts: "between 10 and 15", "three or four" (not "from 10 to 15": a change)."""
    if i + 2 >= len(doc) or parse_number(doc[i + 2].text) is None or not doc[i + 2].like_num:
        return False
    joiner = doc[i + 1].lower_
    return joiner == "or" or (joiner == "and" and i > 0 and doc[i - 1].lower_ == "between")


def _range_high(doc: Doc, i: int) -> tuple[float, int] | None:
    """(the lower end, the range's first token) when token i is the upper end of a range of counts."""
    if i < 2 or not doc[i - 2].like_num or parse_number(doc[i - 2].text) is None:
        return None
    joiner = doc[i - 1].lower_
    if joiner == "or":
        return parse_number(doc[i - 2].text) or 0.0, i - 2
    if joiner == "and" and i > 2 and doc[i - 3].lower_ == "between":
        return parse_number(doc[i - 2].text) or 0.0, i - 3
    return None


def _dozens(doc: Doc, i: int, value: float | None) -> tuple[float | None, int]:
    """"two dozen", "three dozen" (round 19: 24 and 36, never 2): the value and the token after "dozen"; else the
    value and i + 1."""
    if value is not None and doc[i].lower_ != "dozen" and i + 1 < len(doc) and doc[i + 1].lower_ == "dozen" \
            and 1 < value < 10:
        return value * 12, i + 2
    return value, i + 1
#: Adjectives of order between a number and its plural noun ("the two previous violations"; blind14).
_ORDER_ADJECTIVES = frozenset({"previous", "earlier", "prior", "last", "next", "remaining", "additional", "further",
                               "subsequent", "following", "latest", "recent", "other", "separate"})


_NUMBER_RE = re.compile(
    r"(?<![\w.,])\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b",
    re.IGNORECASE,
)
_NUMBER_PREFIXES = (*"0123456789", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                    "hundred", "dozen")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # "\d" also matches other scripts' digits, which the prefixes do not list


@Language.component("fc_quantities")
def quantities(doc: Doc) -> Doc:
    """Numbers with their qualifier and what they count: "at least 18 missions" → {value 18, at_least, missions}."""
    mask = _rule_token_mask(doc)
    attributed = _attribution_mask(doc)
    ents_by_start = {e.start: e for e in current_ents(doc)}
    spans = []
    view = _view(doc)
    low = view.low if view.text.isascii() or not _OTHER_DIGIT.search(view.text) else None
    for m in finditer_at(_NUMBER_RE, view.text, low, _NUMBER_PREFIXES):
        i = _token_at(doc, m.start())
        if i is None:
            continue
        token = doc[i]
        if mask[i] or attributed[i] or not _is_number(token):
            continue
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        prev = doc[i - 1] if i > 0 else None
        compound = _flight_duration(doc, i)
        if compound is not None and not attributed[i] and _free(mask, Span(doc, i, i + 3)):
            span = Span(doc, i, i + 3, label="QUANTITY")  # "a continuous 14-hour, 4,300 nautical-mile mission"
            set_fc_value(span, {"value": _num(parse_number(token.text)), "qualifier": "exact", "unit": compound,
                                "counts_missions": False})
            spans.append(span)
            continue
        length = _hyphenated_length(doc, i)
        if length is not None and not attributed[i] and _free(mask, Span(doc, i, i + 3)):
            span = Span(doc, i, i + 3, label="QUANTITY")  # "the 200-mile (320km) zone" (blind15)
            set_fc_value(span, {"value": _num(parse_number(token.text)), "qualifier": "exact", "unit": length,
                                "counts_missions": False})
            spans.append(span)
            continue
        span_range, range_end = _hyphen_range(doc, i)
        range_end = range_end if range_end == i + 4 else i + 3  # the modifiers may be a kind of aircraft's words
        if span_range is not None and not attributed[i] and _free(mask, Span(doc, i, range_end)):
            span = Span(doc, i, range_end, label="QUANTITY")  # "3-5 sorties", "15-20 km" (blind16): its low end
            set_fc_value(span, {"value": _num(parse_number(token.text)), "qualifier": "at_least",
                                "unit": span_range, "counts_missions": span_range in MISSION_NOUNS})
            spans.append(span)
            continue
        strong = nxt is not None and nxt.text == "-" and i + 2 < len(doc) and doc[i + 2].lower_ == "strong"
        if ((nxt is not None and nxt.text in ("-", "–", "/", ":") and not nxt.whitespace_) or (
            prev is not None and prev.text in ("-", "/", "$", "#") and not prev.whitespace_
        )) and not strong:
            continue  # "10-day", "RC-135", "24/7", "$5" (but "the 140-strong Su-34 fleet" counts, blind13)
        if _is_identifier(doc, i) or _numbered_landmark(doc, i):
            continue  # "Article 4", "Flight 17", "the Taipei 101 building": a number that names something
        value = parse_number(token.text)
        if _range_low(doc, i):
            continue  # "10" of "between 10 and 15", "three" of "three or four": read with the range's upper end
        value, dozen_end = _dozens(doc, i, value)
        # "more than a dozen", "at least a dozen": the qualifier stands before the "a" (round 19)
        qualifier, start = _qualifier_before(doc, i - 1 if _a_dozen(doc, i) else i)
        range_low = _range_high(doc, i)
        if range_low is not None:  # "between 10 and 15 missions" (round 19: was read as exactly 15)
            qualifier, start = "between", range_low[1]
        if _clock_time(doc, i, start) or (nxt is not None and nxt.lower_.rstrip(".") in _MERIDIEM):
            continue  # "at approximately 1500 on Friday", "until 6 a.m.", "around 7 p.m.": a time of day
        if _day_in_brackets(doc, i):
            continue  # "intercepted this Sunday (13)": the day of the month after its weekday (blind15)
        if _group_named_before(doc, i):
            continue  # "out of the two, one flight is for backup": the group and its part were counted already
        if any(mask[k] or attributed[k] for k in range(start, i)):
            qualifier, start = "exact", i
        unit: str | None = None
        counts_missions = False
        counted: dict[str, Any] = {}
        end = i + 1
        if dozen_end > i + 1:  # "two dozen flights": read from after "dozen"
            i, nxt, end = dozen_end - 1, doc[dozen_end] if dozen_end < len(doc) else None, dozen_end
        range_unit = _range_unit(doc, i)
        if range_unit is not None:
            unit = range_unit  # "24,000 to 26,000 feet": the range's unit
        elif nxt is not None and nxt.lower_ == "dozen" and value is not None:
            value, end = value * 12, i + 2  # "three dozen MIG fighter jets" (blind17): 36 of what follows
            unit, counts_missions, counted = _counted_after(doc, i + 1, ents_by_start)
        elif nxt is not None:
            low = nxt.lower_
            if low in DISTANCE_UNITS and not mask[nxt.i]:
                unit = DISTANCE_UNITS[low]
                if low == "per" and not (i + 2 < len(doc) and doc[i + 2].lower_ == "cent"):
                    unit = None
            elif low in _DURATION_WORDS:
                unit = _DURATION_WORDS[low]  # "a 14 hour mission" lasts 14 hours: no count of missions
            elif low in MISSION_NOUNS:
                unit, counts_missions, end = low, True, i + 2
            elif low == "of" and i + 2 < len(doc):
                tail = [t.lower_ for t in doc[i + 2:i + 5]]
                if tail and (tail[0] in ("them", "those", "which", "these") or MISSION_NOUNS & set(tail)):
                    unit, counts_missions = "of_them", True
                elif tail and tail[0] == "the":
                    unit, counted = _partitive(doc, i + 2, ents_by_start)
                elif tail and tail[0] in ("its", "their", "his", "her", "our"):
                    unit, counts_missions, counted = _counted_after(doc, i + 2, ents_by_start)  # "two of its bases"
            elif low == "out" and i + 3 < len(doc) and doc[i + 2].lower_ == "of" and _is_number(doc[i + 3]):
                unit, counts_missions, counted = _counted_after(doc, i + 3, ents_by_start)  # "16 out of 21 sorties"
            else:
                unit, counts_missions, counted = _counted_after(doc, i, ents_by_start)
        if unit is None and i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _CREW_NOUNS:
            unit = doc[i - 2].lower_  # "the crew of 21 that made the flight" (blind15): the group counted
        if YEAR.match(token.text) and not counts_missions:
            continue
        if unit == "times" and (value != int(value) or (start > 0 and doc[start - 1].lower_ == "by")):
            continue  # "has increased by 1.5 times" (blind16): a multiplier, no count of occasions
        if strong and unit != "aircraft":
            continue  # "the eight-strong Liaoning carrier strike group" (blind4): ships or troops, left unread
        if token.lower_ == "one" and unit == "of_them":
            continue  # "two Su-27s, one of which released a missile" (blind12): a pronoun, no count
        if token.lower_ == "one" and not counts_missions and qualifier == "exact" and not (
                unit == "aircraft" and ("aircraft" in counted or "name" in counted)) and not _one_in_a_list(
                doc, i, unit, spans) and not _one_opens_a_clause(doc, i, unit):
            continue  # "one of the officials", "one such flight" — a pronoun far more often than a count ("one
            # B-52 landed" names its aircraft)
        span = Span(doc, start, end, label="QUANTITY")
        if not _free(mask, span):
            continue
        extra = {"low": _num(range_low[0])} if range_low is not None else {}
        set_fc_value(span, {"value": _num(value), "qualifier": qualifier, "unit": unit,
                            "counts_missions": counts_missions, **counted, **extra})
        spans.append(span)
    spans += _pairs(doc, view.text, mask, attributed, ents_by_start)
    _elided_units(doc, spans)
    _add_entities(doc, spans)
    return doc


#: Nouns of a group of people whose size is given after "of" ("a crew of 21", "a contingent of 150").
_CREW_NOUNS = frozenset({"crew", "team", "contingent", "detachment", "delegation"})
#: Units of a flight's length written in the singular before a noun ("a 14-hour mission", "a 90 minute flight").
_DURATION_WORDS = {"hour": "hours", "minute": "minutes"}


def _hyphenated_length(doc: Doc, i: int) -> str | None:
    """"a 200-mile zone", "the 12-nautical-mile limit", "a 50-kilometre radius": digits glued by a hyphen to a
    singular unit of length are a distance (the unit's symbol)."""
    if i + 2 >= len(doc) or not doc[i].text[:1].isdigit() or doc[i].whitespace_ or doc[i + 1].text != "-" \
            or doc[i + 1].whitespace_:
        return None
    return _LENGTH_WORDS.get(doc[i + 2].lower_)


#: Singular units of length glued to a number by a hyphen ("a 200-mile zone") → their symbols.
_LENGTH_WORDS = {"mile": "mi", "kilometre": "km", "kilometer": "km", "km": "km", "nautical": "nm"}


def _flight_duration(doc: Doc, i: int) -> str | None:
    """"14-hour", "90-minute": digits glued by a hyphen to a singular hour/minute are a length of time (the unit in
    the plural) — not "a 14-month-old conflict", and never days or weeks, which name periods (blind9)."""
    if i + 2 >= len(doc) or not doc[i].like_num or doc[i].whitespace_ or doc[i + 1].text not in ("-", "–") \
            or doc[i + 1].whitespace_:
        return None
    unit = _DURATION_WORDS.get(doc[i + 2].lower_)
    after = doc[i + 3] if i + 3 < len(doc) else None
    if unit is None or (after is not None and after.text in ("-", "–") and not doc[i + 2].whitespace_):
        return None
    return unit


#: Finite verbs that follow "One <noun>" opening a sentence ("One sailor sustained minor injuries").
_FINITE_AFTER_ONE = frozenset({"was", "is", "has", "had", "remains", "remained"})


def _one_opens_a_clause(doc: Doc, i: int, unit: str | None) -> bool:
    """"One sailor sustained minor injuries": "One" opening a sentence, its noun right after it and a verb in -ed
    (or was/is/has/had) after that, counts the noun — not "One of the officials", "One such flight"; so does "just
    one"/"only one" ("just one military base")."""
    if unit and i > 0 and doc[i - 1].lower_ in ("just", "only") and i + 1 < len(doc) and doc[i + 1].lower_ != "of":
        return True  # "just one military base": the adverb stresses a number
    if doc[i].text != "One" or not doc[i].is_sent_start or not unit or i + 2 >= len(doc) \
            or doc[i + 1].lower_ != unit or not doc[i + 1].is_lower:
        return False
    verb = doc[i + 2]
    return verb.is_lower and verb.is_alpha and (verb.lower_.endswith("ed") or verb.lower_ in _FINITE_AFTER_ONE)


def _one_in_a_list(doc: Doc, i: int, unit: str | None, spans: list[Span]) -> bool:
    """"five destroyers, one frigate and one supply ship": "one" after a comma or "and" that follows another count
    of the same sentence counts its noun like the others."""
    if not unit or i == 0 or doc[i - 1].text not in (",", "and") or i + 2 >= len(doc) \
            or doc[i + 1].lower_ != unit:
        return False
    after = doc[i + 2]  # the noun ends its phrase ("one frigate and"), not "one supply ship"
    if not (after.is_punct or after.lower_ in ("and", "or", "through", "to", "from", "in", "on", "at", "of",
                                               "with", "near", "over", "off")):
        return False
    sent = doc[i].sent
    return any(sent.start <= s.start < i and (fc_value(s) or {}).get("unit") for s in spans)


_MERIDIEM = frozenset({"a.m", "p.m", "am", "pm"})
_HHMM = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
_AFTER_CLOCK = frozenset({"on", "hours", "hrs", "gmt", "utc", "local", "zulu", "z", "lt", "that", "this", ",", "."})


def _clock_time(doc: Doc, i: int, start: int) -> bool:
    """Four digits after "at" (and a qualifier) and before "on/hours/GMT…" or the clause's end are a time of day."""
    after = doc[i + 1].lower_ if i + 1 < len(doc) else "."
    return bool(_HHMM.match(doc[i].text)) and start > 0 and doc[start - 1].lower_ == "at" and after in _AFTER_CLOCK


def _group_named_before(doc: Doc, i: int) -> bool:
    """"out of the two, one flight is for backup" (blind15): a number standing for a group counted earlier ("of the
    two" before a comma, no noun of its own) and the part of it after the comma are no new counts."""
    if i >= 2 and i + 1 < len(doc) and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of" \
            and doc[i + 1].text == ",":
        return True
    return i >= 4 and doc[i - 1].text == "," and _is_number(doc[i - 2]) and doc[i - 3].lower_ == "the" \
        and doc[i - 4].lower_ == "of"


def _day_in_brackets(doc: Doc, i: int) -> bool:
    """"this Sunday (13)", "on Tuesday (4)": a number of one or two digits in brackets right after a weekday is the
    day of the month, as Brazilian and Portuguese papers write it."""
    return 2 <= i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")" and doc[i].is_digit \
        and len(doc[i]) <= 2 and (doc[i - 2].lower_ in WEEKDAYS or doc[i - 2].lower_ in _DAY_WORDS)


#: Days named relative to the report, before the day of the month in brackets ("stated today (28) that …", Taiwan's
#: ministry's English releases; seen after blind16).
_DAY_WORDS = frozenset({"today", "yesterday", "tonight"})


def _partitive(doc: Doc, the: int, ents_by_start: dict[int, Span]) -> tuple[str | None, dict[str, Any]]:
    """"Two of the Turkish jets", "six of the eight warplanes": a part of aircraft counted after "of the" (another
    number there is looked past); anything else ("one of the officials") is no unit."""
    k = the + 1 if the + 1 < len(doc) and _is_number(doc[the + 1]) else the
    unit, _, counted = _counted_after(doc, k, ents_by_start)
    return ("aircraft", counted) if unit == "aircraft" else (None, {})


#: Nouns that stay singular after a number above one ("15 aircraft"): counted, never a landmark's kind.
_INVARIANT_NOUNS = frozenset({"aircraft", "personnel", "people", "crew", "staff", "military", "police"})


def _numbered_landmark(doc: Doc, i: int) -> bool:
    """"over the famous Taipei 101 building" (blind16): digits right after a place's name and before a singular
    noun name a landmark — a number above one counts a plural."""
    if i == 0 or i + 1 >= len(doc) or not doc[i].text.isdigit() or int(doc[i].text) < 2:
        return False
    prev, nxt = doc[i - 1], doc[i + 1]
    return prev.is_title and _in_entity(doc, prev.i) and nxt.is_lower and nxt.is_alpha \
        and not nxt.text.endswith("s") and nxt.lower_ not in DISTANCE_UNITS and nxt.lower_ not in _INVARIANT_NOUNS


def _hyphen_range(doc: Doc, i: int) -> tuple[str | None, int]:
    """"3-5 sorties", "15-20 km": two numbers joined by a hyphen or a dash, then a distance unit or a noun of
    missions — the unit and where the range ends; None otherwise (not "10-day", "RC-135", "2-1", a score)."""
    if i + 3 >= len(doc) or not doc[i].text.isdigit() or doc[i].whitespace_ or doc[i + 1].text not in ("-", "–") \
            or doc[i + 1].whitespace_ or not doc[i + 2].text.isdigit() \
            or int(doc[i + 2].text) <= int(doc[i].text):
        return None, i
    k = i + 3
    while k + 1 < len(doc) and k - i < 5 and doc[k].is_lower and doc[k].is_alpha \
            and doc[k].lower_ not in MISSION_NOUNS and doc[k].lower_ not in DISTANCE_UNITS:
        k += 1  # "4-5 reconnaissance flights" (seen after blind16): a modifier or two before the noun
    if doc[k].lower_ in MISSION_NOUNS:
        return doc[k].lower_, k + 1
    unit = DISTANCE_UNITS.get(doc[i + 3].lower_) if doc[i + 3].lower_ != "per" else None
    return unit, i + 4


def _range_unit(doc: Doc, i: int) -> str | None:
    """The unit of a range the number at token i starts ("24,000 to 26,000 feet", "45 to 60 km")."""
    if i + 3 < len(doc) and doc[i + 1].lower_ in ("to", "and") and _is_number(doc[i + 2]):
        return DISTANCE_UNITS.get(doc[i + 3].lower_)
    return None


def _elided_units(doc: Doc, spans: list[Span]) -> None:
    """"26 Chinese warplanes were detected, with 13 crossing …", "seven aircraft … four of them per day": a number
    with no noun of its own, after a count of aircraft in the same sentence, counts the same aircraft (and is no
    count of missions)."""
    last_aircraft: Span | None = None
    last_counted: Span | None = None
    for span in sorted(spans, key=lambda s: s.start):
        value = fc_value(span) or {}
        sentence = doc[span.start].sent.start
        if last_aircraft is not None and doc[last_aircraft.start].sent.start != sentence:
            last_aircraft = None
        if last_counted is not None and doc[last_counted.start].sent.start != sentence:
            last_counted = None
        if value.get("unit") == "aircraft":
            last_aircraft = span
            continue
        unit = value.get("unit")
        elided = unit in (None, "of_them") or (isinstance(unit, str) and unit.endswith(("ing", "ed")))
        if last_aircraft is not None and elided:
            before = fc_value(last_aircraft) or {}
            set_fc_value(span, {**value, "unit": "aircraft", "counts_missions": False, "elided": True,
                                **{k: before[k] for k in ("aircraft", "role", "noun") if k in before}})
        elif unit == "of_them" and last_counted is not None:
            # "four coral reefs …, three of which were turned into garrisons": a part of what the sentence counted
            # before (reefs), not a number of missions; after a count of missions it stays one, of those missions
            # ("the 3,000 UK sorties, more than 2,100 of which were strike attacks", blind17)
            before = fc_value(last_counted) or {}
            missions = before.get("unit") in MISSION_NOUNS
            set_fc_value(span, {**value, "unit": before.get("unit"), "counts_missions": missions, "elided": True})
        elif unit == "of_them" and _aircraft_word_before(doc, span):
            # "whether the third bomber took part …, but only two of them were visible" (blind17): the aircraft the
            # sentence spoke of, uncounted
            set_fc_value(span, {**value, "unit": "aircraft", "counts_missions": False, "elided": True})
        elif unit and unit != "of_them":
            last_counted = span


def _aircraft_word_before(doc: Doc, span: Span) -> bool:
    """Whether the sentence names aircraft (a word for aircraft or an aircraft's name) before the span."""
    start = doc[span.start].sent.start
    return any(doc[k].lower_ in AIRCRAFT_NOUNS for k in range(start, span.start)) or any(
        e.label_ == "AIRCRAFT" and start <= e.start < span.start for e in current_ents(doc))


#: Words for aircraft that a count may be of ("three B-52 bombers", "26 Chinese warplanes").
AIRCRAFT_NOUNS = frozenset({"aircraft", "bomber", "bombers", "jet", "jets", "fighter", "fighters", "plane", "planes",
                            "airplane", "airplanes", "warplane", "warplanes", "drone", "drones", "uav", "uavs",
                            "helicopter", "helicopters", "tanker", "tankers", "interceptor", "interceptors"})
#: Modifiers looked past between a number and what it counts.
COUNT_MODIFIERS = frozenset({"strategic", "armed", "unarmed", "long-range", "supersonic", "stealth", "different",
                             "more", "other", "additional", "alleged", "nuclear-capable", "military", "heavy",
                             "reconnaissance", "surveillance", "spy", "such", "separate", "new", "foreign", "allied",
                             "unmanned", "manned", "multirole", "advanced", "combat", "modern", "refueling",
                             "refuelling", "air-to-air", "naval", "navy", "air", "force", "similar", "larger",
                             "smaller", "old", "older", "older-model", "big", "small", "large", "enemy",
                             "x", "×"})  # "2x Tu-95s"
#: Nouns of time a count may be of, looked for past one adjective ("nearly 10 continuous hours").
TIME_NOUNS = frozenset({"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                        "month", "months", "year", "years"})
_QUOTE_MARKS = frozenset({"'", "‘", "’", '"', "“", "”"})
#: Words before a number that refer back to things already counted: "the other two", "the remaining three".
_ANAPHORIC_COUNT = frozenset({"other", "remaining"})
_IDENTIFIER_BEFORE = frozenset({"article", "flight", "section", "chapter", "resolution", "route", "runway", "phase",
                                "stage", "no.", "number", "gate", "highway", "level", "item", "paragraph",
                                "amendment", "annex", "protocol"})


#: Aircraft makers whose name before a bare number gives a model ("Boeing 707", "Airbus 330", "Embraer 190"), and
#: before a designation opens the aircraft's name ("Boeing E-3A"; names.py).
AIRCRAFT_MAKERS = frozenset({"Lockheed Martin", "Northrop Grumman", "General Atomics", "Boeing", "Airbus",
                             "Embraer", "Bombardier", "Cessna", "Lockheed", "Douglas", "Antonov", "Tupolev",
                             "Ilyushin", "Dassault", "Saab", "Gulfstream", "Beechcraft", "Fokker", "Sukhoi",
                             "Yakovlev", "Learjet", "Pilatus", "Dornier"})
#: Nouns before a number that make it a serial or a hull number in any case ("line number 959", "c/n 22845").
_SERIAL_BEFORE = frozenset({"number", "serial", "registration", "msn", "hull", "tail", "buno"})


def _is_identifier(doc: Doc, i: int) -> bool:
    """"Article 4", "NATO's Article 5", "Flight 17": a number right after a capitalised noun names a thing; so does
    one after a serial's noun ("line number 959", "c/n 22845"), a hull or unit code ("CVN 75", "CG 64") or a
    unit's acronym in brackets ("Strike Fighter Squadron (VFA) 11")."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ in _IDENTIFIER_BEFORE and (prev.is_title or prev.is_upper):
        return True
    if prev.text in (",", "and") and doc[i].is_digit:
        return _continues_identifiers(doc, i)  # "call signs Julia 51, 52, and 53" (blind17)
    if prev.text == "." and i >= 2 and doc[i - 2].text in ("No", "Nos") and not doc[i - 2].whitespace_:
        return True  # "Nikolai Kuznetsov (No. 10)": the tokenizer splits "No." — a number sign, no count (blind15)
    if prev.lower_ in _SERIAL_BEFORE or (i >= 3 and doc[i - 3:i].text.replace(" ", "").lower() in ("c/n", "s/n")):
        return True
    digits = doc[i].text[:1].isdigit()  # codes take digits: "the Air Force (RNZAF) four new aircraft" counts
    if digits and prev.is_upper and prev.is_alpha and 2 <= len(prev) <= 6 and not _in_entity(doc, prev.i) \
            and prev.lower_ not in DISTANCE_UNITS:
        return True  # "USS Harry S. Truman (CVN 75)": a hull number; "“FORTE 10” was …": a call sign (blind9)
    if digits and prev.text == ")" and i >= 3 and doc[i - 3].text == "(" and doc[i - 2].is_upper \
            and doc[i - 2].is_alpha:
        return True  # "Patrol Squadron (VP) 4"
    from claims.nlp.names import ORG_HEADS  # names imports this module

    if digits and prev.text in AIRCRAFT_MAKERS:
        return True  # "The Boeing 707 aircraft", "a Saab 35": a maker's model number (blind17)
    if prev.text in ORG_HEADS:
        return True  # "Tactical Air Wing 73", "Task Force 61": a unit's number
    if digits and prev.text in ("Base", "Airbase", "Station", "Airfield"):
        return True  # "Borcea Air Base 86", "Mihail Kogălniceanu Air Base 57": the base's number (blind13)
    if _spaced_designation(doc, i):
        return True  # "an FA 50 fighter jet": a designation written with a space
    return prev.is_title and prev.is_alpha and not prev.is_sent_start and prev.text not in NOT_NAMES \
        and prev.lower_ not in QUALIFIER_WORDS and prev.ent_type == 0 and not _in_entity(doc, prev.i)


def _continues_identifiers(doc: Doc, i: int) -> bool:
    """"the call signs Julia 51, 52, and 53", "Flights 17, 18 and 19": digits after a comma or "and" that continue a
    list of bare numbers opened by an identifier name more of the same things, no count."""
    k = i - 1
    while k > 0 and doc[k].text in (",", "and"):
        k -= 1
    return k < i - 1 and doc[k].is_digit and _is_identifier(doc, k)


def _spaced_designation(doc: Doc, i: int) -> bool:
    """"on an FA 50 fighter jet", "on an FA 50 and": two or three capitals and a number, after "a/an" or before a
    word for aircraft — a designation with a space for its hyphen, no count."""
    from claims.nlp.names import US_MODIFIERS  # names imports this module

    if i < 2 or not (doc[i].is_digit and 2 <= len(doc[i]) <= 3):
        return False
    prefix = doc[i - 1]
    if not (prefix.is_upper and prefix.is_alpha and 2 <= len(prefix) <= 3) or prefix.lower_ in US_MODIFIERS:
        return False
    return doc[i - 2].lower_ in ("a", "an") or (i + 1 < len(doc) and doc[i + 1].lower_ in AIRCRAFT_NOUNS)


QUALIFIER_WORDS = frozenset({"about", "around", "some", "nearly", "almost", "over", "under", "only", "just",
                             "roughly", "approximately", "at", "least", "most", "than", "more", "fewer", "less",
                             "up", "to", "all", "another", "by"})


def _in_entity(doc: Doc, i: int) -> bool:
    return any(e.start <= i < e.end for e in current_ents(doc))


#: Services named in the plural without an owner: what a number before them counts ("the two Air Forces").
_SERVICES_IN_THE_PLURAL = frozenset({"air forces", "navies", "armies", "armed forces", "coast guards"})


def _counted_after(doc: Doc, i: int, ents_by_start: dict[int, Span]) -> tuple[str | None, bool, dict[str, Any]]:
    """(unit, counts missions, extra) for the number at token i: the first noun after it, looking past modifiers,
    nationalities and organisations ("two American B-52 strategic bombers" → aircraft of type B52)."""
    j = i + 1
    skipped = 0
    if j + 2 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ == "strong" and not doc[i].whitespace_:
        j += 2  # "the 140-strong Su-34 fleet" (blind13): the count of what follows ("strong" is no unit)
    while j < len(doc) and skipped < 7:  # "two USAF McDonnell Douglas F-15Es", "three Turkish Bayraktar TB2
        # unmanned aerial combat drones" (blind15)
        t = doc[j]
        ent = ents_by_start.get(j)
        if ent is not None and ent.label_ == "AIRCRAFT":
            after = doc[ent.end] if ent.end < len(doc) else None
            extra: dict[str, Any] = {}
            if ent.id_.startswith("aircraft:"):
                extra["aircraft"] = ent.id_.split(":", 1)[1]
            elif ent.id_.startswith("role:"):
                extra["role"] = ent.id_.split(":", 1)[1]
                typed = ents_by_start.get(ent.end)  # "one surveillance aircraft P-8A": the type after the role
                if typed is not None and typed.label_ == "AIRCRAFT" and typed.id_.startswith("aircraft:"):
                    extra["aircraft"] = typed.id_.split(":", 1)[1]
            elif (fc_value(ent) or {}).get("name"):
                extra["name"] = fc_value(ent)["name"]  # a designation the vocabulary lacks: "one MiG-21"
            if ent[-1].lower_ in MISSION_NOUNS and not (after is not None and after.lower_ in AIRCRAFT_NOUNS):
                return ent[-1].lower_, True, extra  # not "maritime patrol aircraft": aircraft of a role
            if after is not None and after.lower_ in MISSION_NOUNS:
                return after.lower_, True, extra
            if _plural_head_after(ent[-1], after):
                return after.lower_, False, {}  # "19 drone incursions": the aircraft word is a modifier
            vessels = _vessels_after(doc, ent)
            if vessels is not None:
                return vessels, False, {}  # "five unmanned surface vessels" (blind8): boats, not drones
            return "aircraft", False, extra
        if ent is not None and ent.label_ in ("PLACE", "ORG"):
            last = doc[ent.end - 1]
            if ent.label_ == "PLACE" and last.is_lower and last.is_alpha and last.text.endswith("s") \
                    and not (ent.end < len(doc) and doc[ent.end].is_alpha and doc[ent.end].is_lower):
                return last.lower_, False, {}  # "the three Baltic states"
            if ent.label_ == "ORG" and j == i + 1 and ent.text.lower() in _SERVICES_IN_THE_PLURAL and not (
                    ent.end < len(doc) and doc[ent.end].is_alpha and doc[ent.end].is_lower):
                return ent.text.lower(), False, {}  # "between the two Air Forces" (blind9)
            j, skipped = ent.end, skipped + 1
            if j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                    and doc[j + 1].is_lower and doc[j + 1].is_alpha:
                j += 2  # "two Guam-based B-1B bombers" (blind12): where they are based, then what they are
            continue
        if j + 2 < len(doc) and doc[j + 1].text == "-" and not t.whitespace_ and not doc[j + 1].whitespace_ \
                and t.is_alpha and doc[j + 2].is_alpha:
            j, skipped = j + 3, skipped + 1  # a hyphenated modifier: "nuclear-capable", "long-range"
            continue
        if t.lower_ in ("and", "or") and j > i + 1 and j + 1 < len(doc):
            if _is_number(doc[j + 1]):  # "two Chinese and seven Russian aircraft": the next count's unit
                return _counted_after(doc, j + 1, ents_by_start)
            from claims.nlp.names import DEMONYMS

            if doc[j + 1].lower_ in DEMONYMS:  # "19 Russian and Chinese military aircraft"
                j, skipped = j + 2, skipped + 1
                continue
        if t.lower_ in MISSION_NOUNS and t.is_lower:
            return t.lower_, True, {}
        if t.lower_ in AIRCRAFT_NOUNS:
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if _plural_head_after(t, nxt):
                return nxt.lower_, False, {}
            if t.lower_ in ("tanker", "tankers") and among_ships(doc, j):
                return "vessels", False, {}  # "its naval drones struck two tankers" (blind12): oil tankers
            typed = ents_by_start.get(j + 1)
            if typed is not None and typed.label_ == "AIRCRAFT" and typed.id_.startswith("aircraft:"):
                # "one early-warning aircraft A-50" (blind12): the type named right after the noun
                return "aircraft", False, {"noun": t.lower_, "aircraft": typed.id_.split(":", 1)[1]}
            return "aircraft", False, {"noun": t.lower_}
        named = _aircraft_named_by(doc, t)
        if named is not None:
            return "aircraft", False, named  # "the two Hornets" after "two F/A-18C Hornets"
        if t.lower_ in COUNT_MODIFIERS or t.text in ("U.S.", "U.K.", "US", "UK") \
                or (t.text[:1].isupper() and t.is_alpha and not t.is_upper and not _in_entity(doc, j)) \
                or (t.is_upper and t.is_alpha and len(t) <= 4) or (t.is_upper and t.is_alpha and len(t) <= 8 and (
                    j + 1 < len(doc) and (doc[j + 1].text == "(" or (doc[j + 1].is_lower and _plural_noun(
                        doc[j + 1]))))) or designation_like(t.text) \
                or ("-" in t.text and t.is_alpha is False
                                                                     and t.text.replace("-", "").isalpha()):
            j, skipped = j + 1, skipped + 1
            continue
        if t.is_alpha and t.is_lower and not _plural_noun(t) and _aircraft_ahead(doc, j, ents_by_start):
            j, skipped = j + 1, skipped + 1  # "two tactical electronic reconnaissance aircraft": adjectives
            continue
        if t.text in _QUOTE_MARKS:
            j = j + 1  # "16 ‘Quds Force’ aircraft": a quoted name before the noun
            continue
        if t.text == "(" and j > i + 1 and j + 2 < len(doc) and doc[j + 2].text == ")" and doc[j + 1].is_upper:
            j = j + 3  # "eight People's Liberation Army Navy (PLAN) vessels": a name's acronym before the noun
            continue
        close = _name_in_brackets_end(doc, j) if t.text == "(" and j > i + 1 else None
        if close is not None:
            j = close  # "18 PLA (People's Liberation Army) aircraft" (blind14): an acronym's expansion
            continue
        if t.is_lower and t.lower_ in _ORDER_ADJECTIVES and j + 1 < len(doc) and _plural_noun(doc[j + 1]) \
                and doc[j + 1].is_lower:
            return doc[j + 1].lower_, False, {}  # "the two previous violations" (blind14)
        if t.is_alpha and j == i + 1:
            if t.is_lower and t.is_stop and t.lower_ not in AIRCRAFT_NOUNS:
                return None, False, {}  # "with another two on their way": a preposition counts nothing
            after = doc[j + 1].lower_ if j + 1 < len(doc) else ""
            if t.is_lower and (after in TIME_NOUNS or after in DISTANCE_UNITS):
                return after, False, {}  # "10 continuous hours", "30 consecutive days"
            if t.is_lower and after in MISSION_NOUNS and doc[j + 1].is_lower:
                return after, True, {}  # "three inbound flights", "two separate sorties"
            if t.is_lower and i > 0 and doc[i - 1].lower_ in _ANAPHORIC_COUNT:
                return None, False, {}  # "the other two belong to…": the unit is the earlier count's
            if j + 1 < len(doc) and _plural_head_after(t, doc[j + 1]):
                return after, False, {}  # "two mock dogfights": an adjective, then the counted noun
            if j + 2 < len(doc) and t.is_lower and not _plural_noun(t) and doc[j + 1].is_alpha \
                    and _plural_head_after(doc[j + 1], doc[j + 2]):
                return doc[j + 2].lower_, False, {}  # "six technical staff members" (blind15)
            head = _plural_past_a_country(doc, j) or _plural_past_modifiers(doc, j)
            if head is not None:
                return head, False, {}  # "the two staunch U.S. allies" (blind8)
            return t.lower_, False, {}
        if t.is_alpha and t.is_lower:
            if j + 1 < len(doc) and _plural_head_after(t, doc[j + 1]):
                return doc[j + 1].lower_, False, {}  # "nine NATO member states", "four low-lying coral reefs"
            if not _plural_noun(t) and doc[j - 1].is_title and doc[j - 1].lower_.endswith("s") and j - 1 > i:
                return None, False, {}  # "The two Koreas remain at war" (blind8): a verb after a plural name
            return t.lower_, False, {}
        break
    return None, False, {}


def _plural_past_modifiers(doc: Doc, j: int) -> str | None:
    """"19 joint air-to-surface standoff missiles" (blind17): the plural noun after a singular lower-case word and
    up to four more modifiers, hyphened ones too — not past a stop word or a verb's ending ("two killed in attacks",
    "One sailor sustained minor injuries")."""
    if _plural_noun(doc[j]):
        return None
    k = j + 1
    while k < len(doc) and k - j <= 7:
        t = doc[k]
        glued = doc[k - 1].text == "-" and not doc[k - 1].whitespace_
        if t.text == "-" and not t.whitespace_ and not doc[k - 1].whitespace_:
            k += 1
            continue
        if not (t.is_alpha and t.is_lower) or (not glued and (t.is_stop or t.lower_.endswith(("ed", "ing")))):
            return None  # "One sailor sustained minor injuries": a verb, not a modifier
        if _plural_noun(t) and not glued:
            return t.lower_
        k += 1
    return None


def _name_in_brackets_end(doc: Doc, j: int) -> int | None:
    """After "(" at j: the token after ")" when what the brackets hold is a name (capitalised words, "of", "and",
    a possessive; at most eight tokens), else None."""
    for k in range(j + 1, min(len(doc), j + 10)):
        if doc[k].text == ")":
            return k + 1 if k > j + 1 else None
        if not (doc[k].is_title or doc[k].is_upper or doc[k].text in ("’s", "'s", "-") or doc[k].lower_ in (
                "of", "and", "the")):
            return None
    return None


#: Plural nouns of boats a drone word may modify ("unmanned surface vessels", "uncrewed boats").
_VESSEL_NOUNS = frozenset({"vessels", "boats", "ships", "craft"})


#: Words of a sentence about ships, which make its "tankers" ships, not aircraft.
_SHIP_WORDS = frozenset({"vessel", "vessels", "ship", "ships", "shipping", "port", "oil", "crude", "naval",
                         "sailors", "crew-members", "hull", "cargo"})


def among_ships(doc: Doc, j: int) -> bool:
    """Whether the sentence of token j speaks of ships and names no aircraft type: "Ukraine said its naval drones
    struck two tankers" (a shadow fleet's oil tankers), not "two KC-135 tankers refuelled the jets"."""
    sent = doc[j].sent
    return any(t.lower_ in _SHIP_WORDS for t in sent) and not any(
        e.label_ == "AIRCRAFT" and e.id_.startswith("aircraft:") for e in current_ents(doc)
        if sent.start <= e.start < sent.end)


def _vessels_after(doc: Doc, ent: Span) -> str | None:
    """The boats a drone word before them describes: up to two lower-case words after the aircraft entity ending in
    a plural noun of boats ("unmanned surface vessels")."""
    for k in range(ent.end, min(ent.end + 3, len(doc))):
        if doc[k].lower_ in _VESSEL_NOUNS:
            return doc[k].lower_
        if not (doc[k].is_lower and doc[k].is_alpha) or doc[k].lower_ in AIRCRAFT_NOUNS:
            return None
    return None


def _plural_past_a_country(doc: Doc, j: int) -> str | None:
    """"two staunch U.S. allies": the plural noun after an adjective and a country's or nationality's name."""
    k = j + 1
    while k < len(doc) and k - j <= 2 and (doc[k].text in ("U.S.", "U.K.", "US", "UK") or _nationality(doc[k])):
        k += 1
    if k == j + 1 or k >= len(doc):
        return None
    t = doc[k]
    return t.lower_ if t.is_lower and t.is_alpha and _plural_noun(t) and t.lower_ not in AIRCRAFT_NOUNS else None


def _aircraft_named_by(doc: Doc, t: Token) -> dict[str, Any] | None:
    """A capitalised word no entity holds that ended an aircraft's name earlier in the text ("Hornets" after "two
    F/A-18C Hornets") names that aircraft again: its designator, or an empty dict when it has none."""
    if not (t.is_title and t.is_alpha) or _in_entity(doc, t.i):
        return None
    word = t.lower_.rstrip("s")
    for e in current_ents(doc):
        if e.label_ != "AIRCRAFT" or e.end > t.i:
            continue
        last = e[-1] if len(e) > 1 else None
        after = doc[e.end] if e.end < t.i else None  # "two F/A-18C Hornets": the name right after the type
        if any(w is not None and w.is_title and w.lower_.rstrip("s") == word and w.i != t.i for w in (last, after)):
            return {"aircraft": e.id_.split(":", 1)[1]} if e.id_.startswith("aircraft:") else {}
    return None


#: Prepositions and determiners, which no run of adjectives before a noun holds (unless hyphened: "air-to-air").
_NOT_BEFORE_A_NOUN = frozenset({"on", "in", "at", "of", "the", "a", "an", "from", "to", "by", "for", "with", "into",
                                "aboard", "board", "near", "over", "off", "after", "before", "that", "which"})


def _aircraft_ahead(doc: Doc, j: int, ents_by_start: dict[int, Span]) -> bool:
    """Whether lower-case words from token j run, within four words, into an aircraft noun or an aircraft entity (a
    nationality or a maker's name right before the aircraft may stand among them)."""
    k, words = j + 1, 0
    while k < len(doc) and words < 4:
        ent = ents_by_start.get(k)
        if doc[k].lower_ in AIRCRAFT_NOUNS or (ent is not None and ent.label_ == "AIRCRAFT"):
            return True
        if ent is not None and ent.label_ == "ORG" and words < 3:
            k, words = ent.end, words + 1  # "two hulking US Air Force Boeing C-17A … planes" (blind10): the operator
            continue
        if doc[k].lower_ in _NOT_BEFORE_A_NOUN and doc[k - 1].text != "-":
            return False  # "all 10 people on board the aircraft" (blind17): a preposition ends the adjectives
        if not ((doc[k].is_lower and doc[k].is_alpha) or doc[k].text == "-") and not _nationality(doc[k]) \
                and not (doc[k].is_title and doc[k].is_alpha and k + 1 < len(doc) and (
                    k + 1 in ents_by_start and ents_by_start[k + 1].label_ == "AIRCRAFT")):
            return False  # "two suspected Russian aircraft": a nationality among the adjectives; "state owned
            # Sukhoi Su-27 fighter jets": the maker before the designation; "nimble French-origin Mirage-2000s"
        k, words = k + 1, words + (doc[k].text != "-")
    return False


def designation_like(text: str) -> bool:
    """"TB2", "H6K": capitals and digits in one short word — a type's designation before the noun it modifies."""
    return 2 <= len(text) <= 6 and text.isalnum() and text.isupper() and any(c.isdigit() for c in text) \
        and text[0].isalpha()


def _plural_noun(token: Token) -> bool:
    """A lower-case word that reads as a plural noun ("incidents"), not an adjective ("various", "dangerous")."""
    return token.lower_.endswith("s") and not token.lower_.endswith(("ss", "us")) and len(token) > 3


def _nationality(token: Token) -> bool:
    from claims.nlp.names import DEMONYMS  # names imports this module

    return token.is_title and token.lower_ in DEMONYMS


def _plural_head_after(word: Token, nxt: Token | None) -> bool:
    """A singular lower-case word before a plural noun is that noun's modifier ("drone incursions", "mock
    dogfights", "jet engines"): the plural noun is what a number before them counts."""
    return nxt is not None and word.is_lower and not word.lower_.endswith("s") and nxt.is_alpha and nxt.is_lower \
        and len(nxt) > 3 and nxt.lower_.endswith("s") and not nxt.lower_.endswith("ss") \
        and nxt.lower_ not in AIRCRAFT_NOUNS and nxt.lower_ not in MISSION_NOUNS


_PAIR_RE = re.compile(r"\b(?:[Aa]|[Tt]he|[Tt]his|[Tt]hat)\s+(?P<group>pair|couple|trio)\s+of\b")
_GROUP_SIZE = {"pair": 2, "couple": 2, "trio": 3}
#: Words after "twice"/"thrice" that make it a multiplier of a size ("twice the speed", "twice as many").
_MULTIPLIED = frozenset({"the", "as", "that", "its", "their", "his", "her", "our", "this", "those", "these"})
#: Multiplicative adverbs: "scrambled twice last week" counts the times something happened.
_TIMES_RE = re.compile(r"\b(?P<word>once|twice|thrice)\b", re.IGNORECASE)
_TIMES = {"once": 1, "twice": 2, "thrice": 3}


def _pairs(doc: Doc, text: str, mask: list[bool], attributed: list[bool],
           ents_by_start: dict[int, Span]) -> list[Span]:
    """"A pair of U.S. B-52 bombers" → 2 aircraft of type B52, "a trio of tankers" → 3; "scrambled twice" → 2
    times."""
    out = []
    for m in _TIMES_RE.finditer(text):
        span = char_span(doc, m.start(), m.end(), "QUANTITY")
        word = m.group("word").lower()
        if span is None or not _free(mask, span) or attributed[span.start] or word == "once":
            continue  # "once" is more often "formerly" / "as soon as" than a count
        if span.end < len(doc) and doc[span.end].lower_ in _MULTIPLIED:
            continue  # "twice the speed of sound", "twice as many": a multiplier, no count of times (blind15)
        set_fc_value(span, {"value": _TIMES[word], "qualifier": "exact", "unit": "times", "counts_missions": False})
        out.append(span)
    for m in finditer_if(_PAIR_RE, text, ("pair", "couple", "trio")):
        span = char_span(doc, m.start(), m.end(), "QUANTITY")
        if span is None or not _free(mask, span) or any(attributed[k] for k in range(span.start, span.end)):
            continue
        unit, counts_missions, counted = _counted_after(doc, span.end - 1, ents_by_start)
        set_fc_value(span, {"value": _GROUP_SIZE[m.group("group")], "qualifier": "exact", "unit": unit,
                            "counts_missions": counts_missions, **counted})
        out.append(span)
    return out


class _Meta:
    def __init__(self, vocabulary_version: str) -> None:
        self.vocabulary_version = vocabulary_version

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data["fc_vocabulary_version"] = self.vocabulary_version
        commit_entities(doc)
        doc.user_data.pop(_VIEW_KEY, None)  # not serialisable: keep user_data so
        return doc


@Language.factory("fc_meta", default_config={"vocabulary_version": ""})
def make_meta(nlp: Language, name: str, vocabulary_version: str) -> _Meta:
    """The last component: writes the rule entities to ``doc.ents`` (once) and stamps each doc with the vocabulary
    it was read with, so read_scope can look up region and operator kinds."""
    return _Meta(vocabulary_version)
