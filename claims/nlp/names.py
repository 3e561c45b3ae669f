"""Names the vocabulary cannot list, and the vocabulary matches that context shows to be something else.

One component, ``fc_names``, right after ``fc_vocabulary`` (before dates, people, attributions and quantities, so
those see its entities and never read an organisation as a person). It works on shapes, not on lists of names:

Context fixes on vocabulary matches
- A generic service alias after a foreign modifier is not the US service: "Royal Air Force", "Japan’s Air Force",
  "Chinese army", "Russian Aerospace Forces" become an organisation of their own (no vocabulary key unless the
  vocabulary lists the whole name, which then matched first as the longest match).
- A place followed by an organisation head is part of the organisation's name: "Sinaloa Cartel", "Black Sea
  Fleet"; a country followed by an organisation is that organisation ("United States Customs and Border
  Protection" = CBP, "US military" = the US military); a country used as a modifier ("US officials", "U.S.
  B-52 bombers", "American aircraft") is not a place, while "US airspace", "the U.S.’s bases" keep it.
- "Washington" alone is the US government, not Washington State (unless "Washington state", "state of
  Washington" or "<town>, Washington").
- A generic border alias ("the border") is the US–Mexico border only in a text that names a US or Mexican
  state or Mexico, and never in "the border of/with/between …".
- A single-word aircraft alias that is an ordinary word ("Sentry", "Reaper") right after another capitalised word
  is part of a name ("Eastern Sentry" is an operation).

Patterns
- Bases: "<Name> Air Force Base / Air Base / AFB / airbase / air station / airfield / airport", "Naval Air
  Station / NAS / RAF / MCAS / Joint Base <Name>", "the (NATO) (naval) air base <Name>" → PLACE, kind base.
  "Minot Air Force Base" is a place, never the operator US Air Force.
- Organisations: capitalised spans ending in an organisation head (Ministry, Force(s), Command, Agency, Fleet,
  Corporation, Inc., Council, Magazine, Cartel…), "Ministry/Department of …", "<country>'s defense ministry";
  an acronym defined in brackets after an organisation ("U.S. Southern Command (SOUTHCOM)") names it for the
  rest of the text.
- Geographic features: capitalised spans ending in Sea, Strait, Gulf, Bay, Peninsula, Island(s), Oblast,
  Territory, Strip… ("East China Sea", "Sado Island", "Kaliningrad region"), "Sea/Gulf/Strait of X"; cities
  after "city/capital/port of" or before ", <known place>" ("Shreveport, Louisiana").
- Aircraft designations the vocabulary lacks ("Su-35", "MiG-31s", "BZK-005", "F/A-18") → AIRCRAFT without a
  designator (value ``{"name": …, "designator": None}``): recognised, never guessed.

Entities made here carry no vocabulary key unless they inherit one (an acronym of a known organisation, a base
the vocabulary lists); their ``fc_value`` says what they are (``kind``, ``foreign``, ``name``). ``read_scope``
leaves keyless places unplaced and keyless organisations out of the operators.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claims.nlp.components import NOT_NAMES, _view, char_span, current_ents, set_fc_value

#: Aliases of the US services and agencies that foreign services share ("Air Force", "Navy", "Army"…).
GENERIC_SERVICE_WORDS = frozenset({"air force", "navy", "army", "marines", "marine corps", "coast guard",
                                   "defense department", "defence ministry", "defense ministry", "department of war",
                                   "department of defense", "war department", "northern command"})
#: Nationality adjectives (a closed class); country names come from the vocabulary's regions of kind "country".
DEMONYMS = frozenset("""
afghan albanian algerian american argentine argentinian armenian australian austrian azerbaijani bahraini belarusian
belgian bolivian bosnian brazilian british bulgarian cambodian canadian chilean chinese colombian croatian cuban
cypriot czech danish dutch ecuadorian egyptian emirati english estonian ethiopian filipino finnish french georgian
german ghanaian greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli
italian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz latvian lebanese libyan lithuanian
luxembourgish macedonian malaysian maltese mexican moldovan mongolian montenegrin moroccan nicaraguan nigerian
norwegian omani pakistani palestinian panamanian paraguayan peruvian polish portuguese qatari romanian russian
salvadoran saudi scottish serbian singaporean slovak slovenian somali spanish sudanese swedish swiss syrian taiwanese
tajik thai tunisian turkish turkmen ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni soviet nato allied
royal israeli iranian houthi bolivarian
""".split())
US_MODIFIERS = frozenset({"us", "u.s.", "usa", "u.s.a.", "american", "united states", "america", "america's"})
#: Words after a country that keep it a place ("US airspace", "Venezuela's coast").
PLACE_NOUNS = frozenset({"airspace", "territory", "territories", "soil", "coast", "coastline", "waters", "border",
                         "borders", "mainland", "side", "shores", "skies", "region", "interior", "capital"})
#: Words after a country that make it a modifier ("US officials", "US bombers").
MODIFIED_NOUNS = frozenset({
    "military", "officials", "official", "forces", "force", "troops", "government", "administration", "bombers",
    "bomber", "jets", "jet", "aircraft", "planes", "plane", "drones", "drone", "warships", "warship", "ships", "ship",
    "navy", "strike", "strikes", "personnel", "defense", "defence", "intelligence", "spy", "surveillance",
    "reconnaissance", "fighter", "fighters", "warplanes", "president", "secretary", "ambassador", "embassy",
    "special", "armed", "naval", "air", "authorities", "lawmakers", "sources", "allies", "partner", "citizens",
    "nationals", "carrier", "commander", "commanders", "officers", "officer", "pilots", "crews", "army", "marines",
    "operations", "operation", "assets", "platforms", "buildup", "presence", "deployment", "campaign", "policy",
    "figures", "data", "counterpart", "counterparts", "sanctions", "envoy", "diplomats", "drills", "exercises",
    "patrol", "patrols", "flights", "missions", "sorties", "tanker", "tankers", "helicopters", "uavs", "units",
    "bases", "base", "spokesman", "spokeswoman", "spokesperson", "defense", "department", "ministry", "state",
})
#: A country + one of these is an organisation ("US military", "Russian government").
ORG_AFTER_COUNTRY = frozenset({"military", "government", "administration", "armed forces", "forces", "authorities",
                               "intelligence"})

ORG_HEADS = frozenset({
    "Ministry", "Force", "Forces", "Command", "Agency", "Corporation", "Corp.", "Inc.", "Ltd", "Ltd.", "Company",
    "Fleet", "Guard", "Army", "Navy", "Council", "Department", "Office", "Service", "Services", "Staff", "Police",
    "Cartel", "Group", "Institute", "Magazine", "News", "Times", "Post", "Journal", "Network", "Administration",
    "Alliance", "Organization", "Organisation", "Union", "Committee", "Parliament", "Assembly", "Authority",
    "Directorate", "Bureau", "Corps", "Squadron", "Wing", "Regiment", "Brigade", "Division", "Battalion",
    "Systems", "Industries", "Aerospace", "Airlines", "Airways", "Party", "Commission", "Marines", "Daily",
    "Telegraph", "Herald", "Gazette", "Tribune", "Broadcasting", "Television", "Radio", "Press",
})
HEAD_FIRST_ORGS = frozenset({"Ministry", "Department", "Office", "Bureau", "Council", "Directorate", "Commission",
                             "Agency"})
ROLE_WORDS_START = frozenset({"Chief", "Secretary", "Minister", "Director", "Head", "Commander", "President",
                              "Spokesman", "Spokeswoman", "Spokesperson", "General", "Gen.", "Admiral"})
GEO_HEADS = frozenset({"Sea", "Ocean", "Strait", "Straits", "Gulf", "Bay", "Channel", "Peninsula", "Island",
                       "Islands", "Isles", "Oblast", "Krai", "Territory", "Province", "Region", "Strip",
                       "Heights", "Archipelago", "Sound", "Basin", "Desert", "Mountains", "Lake", "River", "Canal",
                       "Coast"})
GEO_HEADS_LOWER = frozenset({"region", "oblast", "oblasts", "krai", "province", "governorate", "peninsula"})
GEO_HEAD_FIRST = frozenset({"Sea", "Gulf", "Strait", "Straits", "Bay", "Isle", "Island", "Islands", "Lake"})
CONNECTORS = frozenset({"of", "and", "&", "for", "the", "de", "del", "la"})
#: Words after "RAF" that are aircraft or units, not stations ("RAF Typhoon", "RAF Voyager").
RAF_NOT_STATIONS = frozenset({"Typhoon", "Typhoons", "Voyager", "Voyagers", "Atlas", "Poseidon", "Rivet", "Lightning",
                              "Chinook", "Chinooks", "Puma", "Shadow", "Protector", "Reaper", "Sentinel", "Hawk",
                              "Red", "Regiment", "Police", "Air", "Station", "Pilots", "Pilot", "Base", "Envoy",
                              "Texan", "Prefect", "Juno", "Jupiter", "Phenom", "Tornado", "Tornados", "Sentry"})
BASE_AFTER = re.compile(
    r"\s+(?P<kind>Air\s+Force\s+Base|Air\s+Base|Air\s+National\s+Guard\s+Base|AFB|Air\s+Station|Army\s+Airfield|"
    r"Naval\s+Air\s+Station|Naval\s+Station|Naval\s+Base|International\s+Airport|Airport|Airfield|Air\s+Field|"
    r"air\s+force\s+base|naval\s+air\s+base|air\s+base|airbase|air\s+station|airfield|airport|AB)(?![\w-])")
BASE_BEFORE = re.compile(
    r"(?<![\w-])(?P<kind>Naval\s+Air\s+Station|Naval\s+Air\s+Facility|Marine\s+Corps\s+Air\s+Station|Joint\s+Base|"
    r"Naval\s+Station|Naval\s+Support\s+Activity|NAS|NAF|MCAS|RAF|JB|the\s+(?:NATO\s+)?(?:naval\s+)?air\s?base|"
    r"the\s+airbase\s+of)\s+(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})")
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|al|Al|el|de|del)"
NAME_BEFORE = re.compile(rf"(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}$")
DESIGNATION = re.compile(
    r"(?<![\w/-])(?P<d>F/A-\d{1,2}[A-Z]?|(?:Su|SU|MiG|MIG|Mig|Tu|TU|Il|IL|An|AN|Ka|KA|Mi|Yak|YAK|Be|BE|J|H|Y|KJ|Z|"
    r"WZ|GJ|BZK|CH|FC|JH|JF|F|B|C|E|P|U|A|KC|RC|EC|MC|HC|AC|EP|RQ|MQ|UH|AH|CV|MV|EA|TB|OC|WC|NC|V|X|CF|"
    r"CC|CP|EF)-\d{1,3}[A-Z]{0,3})(?P<plural>s)?(?![\w-])")
_CAP_RUN_WORD = re.compile(r"^(?:[A-Z][\w’'.&-]*|\d+(?:st|nd|rd|th))$")


def _is_cap(token: Any) -> bool:
    return bool(_CAP_RUN_WORD.match(token.text)) and token.text not in NOT_NAMES


class _Names:
    def __init__(self, vocabulary_version: str) -> None:
        self.vocabulary_version = vocabulary_version
        self._vocabulary: Any = None

    @property
    def vocabulary(self) -> Any:
        if self._vocabulary is None:
            from claims.nlp.pipeline import vocabulary_for_version

            self._vocabulary = vocabulary_for_version(self.vocabulary_version)
        return self._vocabulary

    # ------------------------------------------------------------------------------------------------ helpers

    def _region_kind(self, span: Span) -> str:
        key = span.id_
        if not key.startswith("region:"):
            return ""
        region = self.vocabulary.region_by_slug.get(key.split(":", 1)[1])
        return region.kind if region is not None else ""

    def _org(self, span: Span) -> Any:
        key = span.id_
        return self.vocabulary.organisation_by_slug.get(key.split(":", 1)[1]) if key.startswith("org:") else None

    def _is_country_token(self, doc: Doc, ents_at: dict[int, Span], i: int) -> bool:
        ent = ents_at.get(i)
        return ent is not None and ent.label_ == "PLACE" and self._region_kind(ent) == "country"

    # ------------------------------------------------------------------------------------------------ call

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc.user_data["fc_vocabulary_version"] = self.vocabulary_version  # read by the later rule components
        ents = list(current_ents(doc))
        text = _view(doc).text
        new: list[Span] = []
        new += self._bases(doc, text, ents)
        taken = {i for s in new for i in range(s.start, s.end)}
        new += [s for s in self._organisations(doc, ents) if not any(i in taken for i in range(s.start, s.end))]
        taken = {i for s in new for i in range(s.start, s.end)}
        new += [s for s in self._geo(doc, text, ents) if not any(i in taken for i in range(s.start, s.end))]
        taken = {i for s in new for i in range(s.start, s.end)}
        new += [s for s in self._designations(doc, text, ents) if not any(i in taken for i in range(s.start, s.end))]
        merged = _merge_designations(doc, _merge(ents, new))
        merged = self._context(doc, text, merged)
        merged = self._acronyms(doc, text, merged)
        doc.user_data["_fc_entities"] = sorted(merged, key=lambda s: s.start)
        return doc

    # ------------------------------------------------------------------------------------------------ bases

    def _bases(self, doc: Doc, text: str, ents: list[Span]) -> list[Span]:
        out = []
        for m in BASE_AFTER.finditer(text):
            before = text[max(0, m.start() - 60):m.start()]
            name = NAME_BEFORE.search(before)
            if not name:
                continue
            words = name.group(0).split()
            if words[-1].isupper() or any(e.label_ == "ORG" and e.start_char <= m.start() - 1 < e.end_char for e in ents):
                continue  # "the NATO naval air base Sigonella": the name follows (BASE_BEFORE)
            while words and (words[0] in NOT_NAMES or words[0].lower() in ("the", "a", "from", "at")):
                words.pop(0)
            if not words:
                continue
            start = m.start() - len(" ".join(words))
            if text[start:m.start()] != " ".join(words):
                continue
            span = char_span(doc, start, m.end(), "PLACE")
            if span is not None:
                out.append(self._base_span(doc, span, " ".join(words), ents))
        for m in BASE_BEFORE.finditer(text):
            words = m.group("name").split()
            if any(ch.isdigit() for ch in words[0]) or (m.group("kind") == "RAF" and words[0] in RAF_NOT_STATIONS):
                continue
            words = [w for w in words[:2] if w not in NOT_NAMES] if m.group("kind") == "RAF" else words
            while words and (words[-1] in NOT_NAMES or words[-1].lower() in ("in", "on")):
                words.pop()
            if not words:
                continue
            name_end = m.start("name") + len(" ".join(words))
            start = m.start("kind")
            if m.group("kind").lower().startswith("the"):
                start = m.start("name")  # "the NATO naval air base Sigonella": the base is "Sigonella"
            span = char_span(doc, start, name_end, "PLACE")
            if span is not None:
                out.append(self._base_span(doc, span, " ".join(words), ents))
        return filter_spans(out)

    def _base_span(self, doc: Doc, span: Span, name: str, ents: list[Span]) -> Span:
        """A base keeps the vocabulary key of a base/airport the vocabulary matched inside it."""
        span_id = ""
        for e in ents:
            if e.start >= span.start and e.end <= span.end and e.label_ == "PLACE":
                kind = self._region_kind(e)
                if any(k in kind for k in ("base", "airport", "airfield")):
                    span_id = e.id_
        out = Span(doc, span.start, span.end, label="PLACE", span_id=span_id)
        set_fc_value(out, {"kind": "base", "name": name})
        return out

    # ------------------------------------------------------------------------------------------------ organisations

    def _organisations(self, doc: Doc, ents: list[Span]) -> list[Span]:
        out = []
        n = len(doc)
        ent_of = {}
        for e in ents:
            for i in range(e.start, e.end):
                ent_of[i] = e
        for tok in doc:
            i = tok.i
            if tok.text in HEAD_FIRST_ORGS and i + 2 < n and doc[i + 1].lower_ == "of" and _is_cap(doc[i + 2]):
                end = i + 2
                while end < n and (_is_cap(doc[end]) or (doc[end].lower_ in ("and", "the", "&")
                                                        and end + 1 < n and _is_cap(doc[end + 1]))):
                    end += 1
                start = self._org_left(doc, i, ent_of)
                out.append(self._org_span(doc, start, end, ent_of))
                continue
            if tok.text not in ORG_HEADS and not (tok.lower_ == "ministry" and i > 0):
                continue
            if tok.text[0].islower():  # "defense ministry" after a country's possessive
                j = i - 1
                if j >= 0 and doc[j].lower_ in ("defense", "defence", "foreign", "interior"):
                    j -= 1
                if j >= 1 and doc[j].text in ("’s", "'s") and (_is_cap(doc[j - 1]) or doc[j - 1].is_upper):
                    out.append(self._org_span(doc, j - 1, i + 1, ent_of))
                elif j >= 0 and doc[j].lower_ in DEMONYMS:
                    out.append(self._org_span(doc, j, i + 1, ent_of))
                continue
            start = self._org_left(doc, i, ent_of)
            if start == i:
                continue  # a head alone ("Command", "Navy"): the vocabulary's business
            out.append(self._org_span(doc, start, i + 1, ent_of))
        return [s for s in filter_spans([s for s in out if s is not None])]

    def _org_left(self, doc: Doc, i: int, ent_of: dict[int, Span]) -> int:
        start = i
        k = i - 1
        while k >= 0 and i - k <= 7:
            t = doc[k]
            if "\n" in t.text or t.is_sent_end:
                break
            if t.text in ("’s", "'s") and k >= 1 and (_is_cap(doc[k - 1]) or doc[k - 1].is_upper):
                k -= 1
                start = k
                k -= 1
                break  # "Japan’s Air Force": a possessive country ends the name on the left
            if _is_cap(t) or (t.is_upper and t.is_alpha) or t.text in ("U.S.", "U.K.", "UK"):
                start = k
                k -= 1
                continue
            if t.lower_ in CONNECTORS and k >= 1 and (_is_cap(doc[k - 1]) or doc[k - 1].is_upper) \
                    and t.lower_ != "the":
                k -= 1
                continue
            break
        while start < i and (doc[start].text in ROLE_WORDS_START or doc[start].lower_ in CONNECTORS
                             or doc[start].text in NOT_NAMES):
            start += 1  # "Chief of the Air Staff" → "Air Staff"
        # an aircraft or a person-like entity at the left edge is not part of the name
        while start < i and start in ent_of and ent_of[start].label_ == "AIRCRAFT":
            start = ent_of[start].end
        return start

    def _org_span(self, doc: Doc, start: int, end: int, ent_of: dict[int, Span]) -> Span | None:
        if end <= start:
            return None
        inner = [e for e in {ent_of[k] for k in range(start, end) if k in ent_of} if e.label_ == "ORG"]
        span_id = ""
        foreign = False
        prefix = doc[start:inner[0].start].text.lower() if inner else ""
        for e in inner:
            org = self._org(e)
            if e.start == start and e.end == end:
                return None  # the vocabulary already has it
            text = e.text.lower()
            if org is not None and e.end == end and (not prefix or prefix.strip() in US_MODIFIERS
                                                     or prefix.startswith(("u.s.", "us ", "united states"))):
                span_id = e.id_  # "United States Customs and Border Protection" is CBP
            elif text in GENERIC_SERVICE_WORDS or (org is not None and org.kind == "military"):
                foreign = prefix.strip() not in US_MODIFIERS
        span = Span(doc, start, end, label="ORG", span_id=span_id)
        value: dict[str, Any] = {"name": span.text}
        if foreign:
            value["foreign"] = True
        set_fc_value(span, value)
        return span

    # ------------------------------------------------------------------------------------------------ geography

    def _geo(self, doc: Doc, text: str, ents: list[Span]) -> list[Span]:
        out = []
        n = len(doc)
        for tok in doc:
            i = tok.i
            if tok.text in GEO_HEAD_FIRST and i + 2 < n and doc[i + 1].lower_ == "of" and _is_cap(doc[i + 2]):
                end = i + 3
                while end < n and _is_cap(doc[end]) and end - i < 5:
                    end += 1
                out.append(self._place(doc, i, end, "feature"))
                continue
            if tok.text in GEO_HEADS or (tok.lower_ in GEO_HEADS_LOWER and i > 0 and _is_cap(doc[i - 1])):
                start = i
                k = i - 1
                while k >= 0 and i - k <= 3 and (_is_cap(doc[k]) or (doc[k].text == "-" and k >= 1)):
                    if doc[k].is_sent_start and doc[k].text in NOT_NAMES:
                        break
                    start = k
                    k -= 1
                if start < i:
                    out.append(self._place(doc, start, i + 1, "feature", ents))
        for m in re.finditer(r"\b(?:city|capital|town|port|village|exclave)(?:\s+of)?,?\s+(?P<name>[A-Z][\w’'-]+"
                             r"(?:\s+[A-Z][\w’'-]+)?)", text):
            name = m.group("name")
            words = [w for w in name.split() if w not in NOT_NAMES]
            if words and words[0] == name.split()[0]:
                span = char_span(doc, m.start("name"), m.start("name") + len(" ".join(words)))
                if span is not None:
                    out.append(self._place(doc, span.start, span.end, "city"))
        known_places = [e for e in ents if e.label_ == "PLACE" and e.id_]
        starts = {e.start: e for e in known_places}
        for tok in doc:  # "Shreveport, Louisiana", "Waddington, Lincolnshire"
            if tok.text == "," and tok.i + 1 in starts and tok.i >= 1 and _is_cap(doc[tok.i - 1]) \
                    and not doc[tok.i - 1].is_sent_start:
                start = tok.i - 1
                if start >= 1 and _is_cap(doc[start - 1]) and not doc[start - 1].is_sent_start:
                    start -= 1
                if not any(e.start <= start < e.end for e in ents):
                    out.append(self._place(doc, start, tok.i, "city"))
        return filter_spans(out)

    def _place(self, doc: Doc, start: int, end: int, kind: str, ents: list[Span] | None = None) -> Span:
        """A place the vocabulary does not list as a whole; "Kaliningrad region", "Gaza Strip" keep the key of the
        listed place inside (an administrative head adds nothing), "East China Sea" does not take China's."""
        span_id = ""
        if ents and doc[end - 1].lower_ in _ADMIN_HEADS:
            inner = [e for e in ents if e.label_ == "PLACE" and e.id_ and start <= e.start and e.end == end - 1]
            if inner:
                span_id = inner[0].id_
        span = Span(doc, start, end, label="PLACE", span_id=span_id)
        set_fc_value(span, {"kind": kind, "name": span.text})
        return span

    # ------------------------------------------------------------------------------------------------ aircraft

    def _designations(self, doc: Doc, text: str, ents: list[Span]) -> list[Span]:
        out = []
        covered = {i for e in ents for i in range(e.start, e.end)}
        for m in DESIGNATION.finditer(text):
            span = char_span(doc, m.start(), m.end(), "AIRCRAFT")
            if span is None or any(i in covered for i in range(span.start, span.end)):
                continue
            span = Span(doc, span.start, span.end, label="AIRCRAFT")
            set_fc_value(span, {"name": m.group("d"), "designator": None})
            out.append(span)
        return out

    # ------------------------------------------------------------------------------------------------ context

    def _context(self, doc: Doc, text: str, ents: list[Span]) -> list[Span]:
        out: list[Span] = []
        ents_at = {e.start: e for e in ents}
        has_us_mexico = any(
            self._region_kind(e) in ("us_state", "mx_state") or e.id_ in ("region:mexico", "region:baja-peninsula")
            for e in ents if e.label_ == "PLACE" and e.id_ != "region:washington")
        for e in ents:
            low = e.text.lower()
            nxt = doc[e.end] if e.end < len(doc) else None
            prev = doc[e.start - 1] if e.start > 0 else None
            if e.label_ == "PLACE" and e.id_ == "region:washington" and low == "washington":
                state = (nxt is not None and nxt.lower_ == "state") or (
                    e.start >= 2 and doc[e.start - 2].lower_ == "state" and prev is not None and prev.lower_ == "of"
                ) or (prev is not None and prev.text == "," and e.start >= 2 and _is_cap(doc[e.start - 2]))
                if not state:
                    span = Span(doc, e.start, e.end, label="ORG")
                    set_fc_value(span, {"name": "US government", "metonymy": "Washington"})
                    out.append(span)
                    continue
            if e.label_ == "PLACE" and e.id_ == "region:us-mexico-border" and "mexic" not in low \
                    and "u" not in low.replace("southern", "").replace("southwest", "").replace("border", ""):
                k = e.end + 1
                if k < len(doc) and doc[k].lower_ == "the":
                    k += 1
                follows = nxt is not None and nxt.lower_ in ("of", "with", "between", "to") and k < len(doc) \
                    and doc[k].is_title and doc[k].text not in NOT_NAMES  # "the border of the Kaliningrad region"
                if follows and not has_us_mexico:
                    span = Span(doc, e.start, e.end, label="PLACE")
                    set_fc_value(span, {"name": e.text, "ambiguous": True})
                    out.append(span)
                    continue
            if e.label_ == "PLACE" and self._region_kind(e) == "country" and nxt is not None:
                two = f"{nxt.lower_} {doc[e.end + 1].lower_}" if e.end + 1 < len(doc) else ""
                nxt_ent = ents_at.get(e.end)
                if nxt.lower_ in ORG_AFTER_COUNTRY or two in ORG_AFTER_COUNTRY:
                    end = e.end + (2 if two in ORG_AFTER_COUNTRY else 1)
                    span = Span(doc, e.start, end, label="ORG")
                    set_fc_value(span, {"name": span.text, "country": e.id_.split(":", 1)[1]})
                    out.append(span)
                    continue
                if nxt.lower_ not in PLACE_NOUNS and nxt.text not in ("’s", "'s") and (
                        nxt.lower_ in MODIFIED_NOUNS or (nxt_ent is not None and nxt_ent.label_ in ("AIRCRAFT", "ORG"))
                        or (nxt.is_title and not nxt.is_sent_start and nxt_ent is None and nxt.text not in NOT_NAMES)):
                    continue  # "US officials", "U.S. B-52 bombers": a modifier, not a place
            if e.label_ == "ORG" and low in GENERIC_SERVICE_WORDS and e.id_ and prev is not None:
                if prev.lower_ in DEMONYMS and prev.lower_ not in US_MODIFIERS:
                    span = Span(doc, prev.i, e.end, label="ORG")
                    set_fc_value(span, {"name": span.text, "foreign": True})
                    out.append(span)
                    continue
            if e.label_ == "AIRCRAFT" and len(e) == 1 and e.text.lower() in _COMMON_ALIASES and prev is not None \
                    and prev.is_title and not prev.is_sent_start and prev.text not in NOT_NAMES \
                    and not any(o.end == e.start for o in ents):
                continue  # "Eastern Sentry"
            out.append(e)
        return out

    # ------------------------------------------------------------------------------------------------ acronyms

    def _acronyms(self, doc: Doc, text: str, ents: list[Span]) -> list[Span]:
        ends = {e.end: e for e in ents if e.label_ == "ORG"}
        defined: dict[str, Span] = {}
        for e_end, e in ends.items():
            if e_end + 2 < len(doc) and doc[e_end].text == "(" and doc[e_end + 2].text == ")":
                acro = doc[e_end + 1]
                if acro.is_upper and acro.is_alpha and 2 <= len(acro.text) <= 10:
                    defined[acro.text] = e
        if not defined:
            return ents
        taken = {i for e in ents for i in range(e.start, e.end)}
        out = list(ents)
        for tok in doc:
            source = defined.get(tok.text)
            if source is None or tok.i in taken:
                continue
            span = Span(doc, tok.i, tok.i + 1, label="ORG", span_id=source.id_)
            set_fc_value(span, {"name": tok.text, "expands_to": source.text})
            out.append(span)
        return out


_ADMIN_HEADS = frozenset({"region", "oblast", "oblasts", "krai", "province", "territory", "governorate", "strip"})
_COMMON_ALIASES = frozenset({"rivet", "sentry", "mercury", "reaper", "guardian", "orion", "liberty", "guardrail",
                             "hercules", "greyhound", "triton", "aries", "sentinel"})


def _merge_designations(doc: Doc, ents: list[Span]) -> list[Span]:
    """"RQ-4B Global Hawk": an unlisted designation right before a listed name of a type is that type."""
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and e.label_ == "AIRCRAFT" and prev.label_ == "AIRCRAFT" and prev.end == e.start \
                and e.id_.startswith("aircraft:") and prev.id_ in ("", e.id_):
            out[-1] = Span(doc, prev.start, e.end, label="AIRCRAFT", span_id=e.id_)
            continue
        out.append(e)
    return out


def _merge(existing: list[Span], new: list[Span]) -> list[Span]:
    """New spans win over the vocabulary matches they contain or cross when they are longer (filter_spans); a
    vocabulary match of the same extent wins over a pattern ("Gulf of California" keeps its region)."""
    if not new:
        return existing
    extents = {(e.start, e.end) for e in existing}
    kept = filter_spans([*existing, *(s for s in new if (s.start, s.end) not in extents)])
    kept_chars = {(s.start_char, s.end_char) for s in kept}
    for s in new:  # a pattern span that lost must not leave its value on the characters of the one that won
        if (s.start_char, s.end_char) in kept_chars and all(k is not s for k in kept):
            s.doc.user_data.pop(("._.", "fc_value", s.start_char, s.end_char), None)
    return kept


@Language.factory("fc_names", default_config={"vocabulary_version": ""})
def make_names(nlp: Language, name: str, vocabulary_version: str) -> _Names:
    return _Names(vocabulary_version)
