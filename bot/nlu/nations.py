"""A nationality as the operator's country: "British flights", "US spy planes", "Russian jets", "how many of them
were American?" — the aircraft of every operator of that country (``Organisation.country``), alliances and commands
left out (``evidence.reference_data.operators.TASKING_BODIES``). The answer names the operators it used.

Only a nationality in no span the reader used counts ("US Navy", "over the US", "Polish airspace" are names or
places already), only capitalised ("polish" and "us" are words), and only where it describes missions or aircraft:
right before a mission noun, an aircraft or a role word ("British RC-135s", "US surveillance flights"), or as the
whole predicate of a follow-up ("were they British?"). A demonym several countries share without a clear first
("Congolese") names none, and a nationality beside an operator the question names is declined (which one?).
"""
from __future__ import annotations

import functools
import re

from bot.nlu.vocab import Vocab
from evidence.scope import Scope

_RX = re.IGNORECASE
Spans = list[tuple[int, int, str]]

#: Abbreviations people write for a country's services, upper-case only ("us" is a pronoun).
_ABBREVIATIONS = {"US": "US", "U.S.": "US", "U.S": "US", "USA": "US", "UK": "GB", "U.K.": "GB"}
#: Words that may stand between the nationality and what it describes ("US military surveillance flights").
_DESCRIBING = (r"(?:(?:military|surveillance|spy|reconnaissance|recon|isr|intelligence|patrol|combat|fighter"
               r"|naval)\s+){0,3}")
_NOUN_RX = re.compile(rf"^\s*{_DESCRIBING}(?:missions?|flights?|sorties?|planes?|aircraft|airplanes?|jets?|patrols?"
                      r"|ones|drones?|assets?)\b", _RX)
#: What people call a country's forces (round 17): "the Brits", "the Yanks" (also "Americans", "the British").
_PEOPLE = {"Brits": "GB", "Yanks": "US"}
#: A whole country's services said as a noun: "the US military", "American forces", "British armed forces".
_FORCES_RX = re.compile(r"^\s+(?:military|(?:armed\s+)?forces|services|operators|air\s+arms?)\b"
                        r"(?!\s+(?:bases?|sites?|airports?|installations?)\b)", _RX)
#: A nationality listed with another ("US and British flights", "US or UK aircraft"): what follows describes both.
_LISTED_RX = re.compile(r"^\s*(?:and|or|&|/|,|vs\.?|versus)\s*(?:the\s+)?", _RX)
#: The people of a country as the subject or the object ("flights by the Brits", "and the Russians?", "only the
#: Americans"): "the" before, and nothing, a place, a period or a verb of flying after.
_THE_BEFORE_RX = re.compile(r"\bthe\s+$", _RX)
_PEOPLE_AFTER_RX = re.compile(r"^\W*$|^\s+only\W*$|^\s+(?:near|over|off|around|in|on|during|since|between|from|fly"
                              r"|flew|flown|flying|did|do|have|had)\b", _RX)
_PREDICATE_RX = re.compile(r"\b(?:were|was|are|is)\s+(?:they\s+|those\s+|these\s+|them\s+|all\s+)?$", _RX)


@functools.cache
def _demonyms() -> dict[str, str]:
    """Lower-case demonym → ISO alpha-2 ("british" → "GB"), from the same package data as the shared reader's
    nationality places (``claims.nlp.demonyms``)."""
    from countryinfo import all_countries

    from claims.nlp.demonyms import countries_by_demonym

    iso = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if info.get("name") and code:
            iso[info["name"]] = code
    return {d: iso[names[0]] for d, names in countries_by_demonym().items() if names and names[0] in iso}


@functools.cache
def _word_rx() -> re.Pattern[str]:
    words = sorted({*(re.escape(w.title()) for w in _demonyms()), *(re.escape(a) for a in _ABBREVIATIONS)},
                   key=len, reverse=True)
    people = sorted({*(re.escape(w.title()) + "s" for w in _demonyms() if not w.endswith(("s", "sh", "ch", "ese"))),
                     *(re.escape(w) for w in _PEOPLE)}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:(?P<people>" + "|".join(people) + r")|" + "|".join(words) + r")(?![\w])")


def _country_of(word: str) -> str:
    """"British" → "GB", "Americans" → "US", "Brits" → "GB"."""
    if word in _ABBREVIATIONS or word in _PEOPLE:
        return _ABBREVIATIONS.get(word) or _PEOPLE[word]
    return _demonyms().get(word.lower()) or _demonyms().get(word.lower().removesuffix("s"), "")


def nationality_operators(text: str, spans: Spans, vocab: Vocab,
                          named: tuple[str, ...]) -> tuple[tuple[str, ...], Spans, list[str]]:
    """The operators a nationality in ``text`` stands for, the spans it used and the problems (``named``: the
    operators the question names itself). An operator left out ("non-US", "other than the US ones") is returned with
    a leading "-"."""
    by_country = dict(vocab.operators_by_country)
    operators: list[str] = []
    used: Spans = []
    problems: list[str] = []
    for m in _word_rx().finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans) or not _describes_missions(text, m, spans):
            continue
        word = m.group(0)
        country = _country_of(word)
        found = by_country.get(country, ())
        if not found or named:
            why = "no aircraft operator of that country is known" if not found else "beside a named operator"
            problems.append(f"word: {word} ({why}: name the service, e.g. \"RAF\")")
            continue
        left = _left_out(text, m.start())
        if left is not None:  # "non-US flights", "excluding the US ones": "-" marks an operator left out
            operators.extend("-" + o for o in found if "-" + o not in operators)
            forces = _FORCES_RX.match(text[m.end():])  # "non-US operators": the noun is read too
            used += [(left, m.start(), f"excluding: {text[left:m.start()].strip()}"),
                     (m.start(), m.end() + (forces.end() if forces else 0),
                      f"operator: {word} (every {country} operator, left out)")]
            continue
        operators.extend(o for o in found if o not in operators)
        forces = _FORCES_RX.match(text[m.end():])  # "the US military", "American forces": the words are read too
        used.append((m.start(), m.end() + (forces.end() if forces else 0), f"operator: {word} (every {country} "
                     "operator)"))
    return tuple(operators), used, problems


def national_sides(scope: Scope, used: Spans, vocab: Vocab) -> tuple[Scope, Scope] | None:
    """"US vs UK flights", "more American or British flights?" (round 17): two nationalities, each its country's
    services, are the two sides of a comparison, the rest of the scope shared. None unless exactly two countries are
    named (none left out) and the scope's operators are theirs alone."""
    countries = [m.group(1) for _, _, label in sorted(used) for m in [_COUNTRY_LABEL_RX.search(label)] if m]
    if len(countries) != 2 or countries[0] == countries[1]:
        return None
    by_country = dict(vocab.operators_by_country)
    a, b = (tuple(by_country.get(c, ())) for c in countries)
    if not a or not b or set(scope.operators) != {*a, *b} or scope.exclude_operators:
        return None
    return scope.with_changes(operators=a), scope.with_changes(operators=b)


_COUNTRY_LABEL_RX = re.compile(r"^operator: .* \(every (\w\w) operator\)$")


def _left_out(text: str, at: int) -> int | None:
    """Where the exclusion words before a nationality start ("non-", "excluding the", "other than the"), if any."""
    from bot.nlu.parse import EXCEPT_OPERATOR_RX

    m = EXCEPT_OPERATOR_RX.search(text[max(0, at - 30):at])
    return max(0, at - 30) + m.start() if m else None


def _describes_missions(text: str, m: re.Match[str], spans: Spans) -> bool:
    after = text[m.end():]
    if m.group("people") or (_THE_BEFORE_RX.search(text[:m.start()]) and m.group(0) not in _ABBREVIATIONS):
        # "the Brits", "Americans", "the British": the people, when nothing but a place, a period or a verb follows
        return bool(_PEOPLE_AFTER_RX.match(after) or _NOUN_RX.match(after) or _FORCES_RX.match(after))
    if _NOUN_RX.match(after) or _FORCES_RX.match(after):
        return True
    listed = _LISTED_RX.match(after)
    other = _word_rx().match(text, m.end() + listed.end()) if listed else None
    if other is not None and _describes_missions(text, other, spans):  # "US and British flights"
        return True
    gap = re.match(rf"\s*{_DESCRIBING}", after, _RX)
    at = m.end() + (gap.end() if gap else 0)
    if any(s == at and label.startswith(("aircraft:", "role:")) for s, _, label in spans):
        return True
    return bool(_PREDICATE_RX.search(text[:m.start()])) and not re.search(r"\w", after.replace("?", ""))
