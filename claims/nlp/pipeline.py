"""The spaCy pipeline: entity rules generated from the vocabulary, plus the rule components, optionally over a model.

Default (``settings.SPACY_MODEL`` empty): ``spacy.blank("en")`` → sentences (punctuation and line breaks) →
``fc_vocabulary`` (the vocabulary's phrase patterns) → dates/rates → people → attributions → quantities → ``fc_meta``
(writes ``doc.ents`` once). The registries reachable here carry no pretrained pipelines, so this is what runs in
production unless someone installs one.

With ``SPACY_MODEL`` (a package name or a path): ``spacy.load`` it, put ``fc_vocabulary`` *before* its ``ner`` (it
then writes ``doc.ents``, so the rules win and the model fills gaps: people, organisations and places the
vocabulary does not list), and the rule components at the end. Model labels are mapped to ours in
:func:`claims.nlp.extract.entity_label`.

The vocabulary rules: matching is case-insensitive (``LOWER``) except for aliases that are ordinary words in lower
case: "US" (us), "NM" (nm, nautical miles), "AP", "Ariz."/"Tex."-style abbreviations, and single words like
"Rivet", "Sentry", "Reaper" or "Guardian". Those are matched case-sensitively and only fill gaps the
case-insensitive matches left, so the longest match still wins ("US Navy" over "US"). Designations get their
spelling variants generated here ("P-8", "P8", "P-8s", "p8") instead of regular expressions.

Why a matcher component and not spaCy's ``entity_ruler`` (documented choice): the patterns are the same rule
patterns (``build_patterns``: label, phrase, id), matched by spaCy ``PhraseMatcher``s (hash lookups, fast with
thousands of patterns) with the ruler's semantics (longest, then leftmost; no overwriting). Two rulers cost a third
of the rule stage: each wrote ``doc.ents`` (re-validating every token) and looked at tokens one ``Token`` object
at a time. ``tests/nlp/test_fast_paths.py`` checks the component against two real rulers built from the same
patterns.

Pattern ids are database keys: ``aircraft:P8``, ``role:surveillance``, ``region:texas``, ``org:us-navy`` (read as
``Span.id_``/``ent_id_``). Pipelines are cached per process, keyed on the vocabulary's content hash and the model
setting.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import threading
import time
import unicodedata
from typing import Any

import spacy
from spacy.language import Language

from claims.nlp import components, names  # noqa: F401  (registers fc_names)
from claims.nlp.dates import NUMBER_WORDS
from claims.nlp.vocabulary import Vocabulary, default_vocabulary

logger = logging.getLogger(__name__)

#: Lower-case forms that are English words or units: such aliases only match in their written case.
AMBIGUOUS_LOWER = frozenset({
    "us", "ap", "nm", "ca", "al", "co", "ma", "pa", "ga", "va", "mo", "mi", "ms", "md", "mt", "ne", "wa", "wi", "ut",
    "in", "or", "me", "ok", "hi", "id", "la", "de", "oh", "amo", "fox", "post", "sin", "son", "col", "mor", "ver",
    "camp", "cal", "ind", "ark", "mass", "miss", "wash", "del", "tab", "gro", "sub", "dod",
})
#: Single-word aliases that are ordinary English words: matched only when capitalised as written.
COMMON_WORDS = frozenset({
    "rivet", "sentry", "mercury", "reaper", "guardian", "orion", "liberty", "guardrail", "hercules", "greyhound",
    "triton", "aries", "sentinel", "southwest", "transport", "transports", "voyager",
})
#: Words that, when an alias is just "the <word>", must keep the article ("the border", not every "border").
_LEADING = re.compile(r"^(?:the|in|over|into)\s+", re.IGNORECASE)
_DESIGNATION = re.compile(r"^([A-Za-z]{1,3})-(\d{1,3}[A-Za-z]?)$")
_NO_DEHYPHEN = frozenset({"c2", "e2", "e3", "e6", "p3", "u2"})  # "C2" is command and control; see variants()
VOCABULARY_MATCHER = "fc_vocabulary"
RULE_COMPONENTS = ("fc_temporal", "fc_people", "fc_attribution", "fc_quantities")

_lock = threading.Lock()
_pipelines: dict[tuple[str, str], Language] = {}
_vocabularies: dict[str, Vocabulary] = {}


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _is_cased(alias: str) -> bool:
    bare = alias.replace(".", "").strip()
    if alias.lower() in AMBIGUOUS_LOWER or (bare.lower() in AMBIGUOUS_LOWER and " " not in alias):
        return True
    if "." in alias and " " not in alias and len(alias) <= 7:  # "Ariz.", "U.S.", "N.M."
        return True
    return " " not in alias and (alias.lower() in COMMON_WORDS or _word_acronym(alias))


#: How common (wordfreq Zipf) a word must be for an acronym spelling it to match only in capitals: "RAN" (Royal
#: Australian Navy) is not "ran", "PLAN" (the PLA Navy) is not "plan"; "NATO" (4.0), "RAF" (3.6) stay caseless.
ACRONYM_WORD_ZIPF = 4.5


@functools.lru_cache(maxsize=8192)
def _word_acronym(alias: str) -> bool:
    """An acronym (2–5 capitals) that is also a common English word."""
    if not (alias.isalpha() and alias.isupper() and 2 <= len(alias) <= 5):
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(alias.lower(), "en") >= ACRONYM_WORD_ZIPF


#: How common (wordfreq Zipf) a one-word name of an air base must be as an English word to match only as written:
#: "Hill" (Hill AFB) is not "on a hill", "Moron" (Morón AB) not "moron", "Cannon" not "cannon".
PROPER_NAME_WORD_ZIPF = 3.0


@functools.lru_cache(maxsize=8192)
def _word_zipf(alias: str) -> float:
    """How common a one-word alias is as an English word (wordfreq Zipf); 0 for several words or non-letters."""
    if " " in alias or not alias.isalpha():
        return 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(alias.lower(), "en")


def _english_word(alias: str) -> bool:
    """A one-word alias that is also an English word."""
    return _word_zipf(alias) >= PROPER_NAME_WORD_ZIPF


#: How common (wordfreq Zipf) a place's one-word name, written with its article ("the Sound"), must be as an English
#: word to match only capitalised once the article is dropped: "sound" (5.2) is; "arctic" (4.0), "caribbean" and
#: "netherlands" (4.3) are not — people type those in lower case.
VERY_COMMON_WORD_ZIPF = 4.8


def variants(alias: str) -> list[str]:
    """Spellings to match for one alias: as written, without accents, with the other apostrophe, designations
    with and without the hyphen ("P-8" → "P8"; not for two-character ones like "C-2", whose "C2" is a common
    abbreviation), and plurals ("P-8s", "spy planes", "Reapers")."""
    alias = " ".join(alias.split())
    rest = _LEADING.sub("", alias)
    if rest != alias and (len(rest.split()) >= 2 or alias.lower().startswith(("in ", "over ", "into "))
                          or _is_cased(rest) or rest[:1].isupper()):
        alias = rest  # "the Baja peninsula" → "Baja peninsula", "the US" → "US"; "the border" keeps its article
    base = [alias]
    plain = strip_accents(alias)
    if plain != alias:
        base.append(plain)
    for form in list(base):  # "People's Liberation Army" is also written with a typographic apostrophe
        if "'" in form or "’" in form:
            base.append(form.replace("'", "’") if "'" in form else form.replace("’", "'"))
    out: list[str] = []
    for form in base:
        words = form.split(" ")
        first = _DESIGNATION.match(words[0])
        forms = [form]
        if first:
            joined = first.group(1) + first.group(2)
            if joined.lower() not in _NO_DEHYPHEN or len(words) > 1:
                forms.append(" ".join([joined, *words[1:]]))
            elif joined.lower() in {"u2", "p3"}:  # "U2"/"P3" are how people type them; "C2"/"E2" stay out
                forms.append(joined)
        for f in forms:
            out.append(f)
            last = f.split(" ")[-1]
            if last and last[-1].isalnum() and not last.lower().endswith("s") and not _is_plural_odd(last) \
                    and not (last.isupper() and last.isalpha()):  # no "WAs", "USs"
                out.append(f + "s")
    seen: set[str] = set()
    return [v for v in out if not (v in seen or seen.add(v))]


def _is_plural_odd(word: str) -> bool:
    """A last word with no plural of its own: "Air Force One" has no "Air Force Ones" ("the Air Force ones" is a
    pronoun: the Air Force's missions, never the VC-25)."""
    return word.lower() in {"force", "corps", "data", "news", "command", "lady", "department", "security"} or \
        word.endswith(".") or word.lower() in NUMBER_WORDS


def build_patterns(vocabulary: Vocabulary) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(case-insensitive patterns, case-sensitive patterns) for the two rulers; the first claim on a phrase wins.

    Priority: explicit region preferences ("Baja California" → the peninsula), aircraft, role words,
    organisations, regions; within each, the name before the aliases. A plural made from an alias gives way to a
    phrase some entry has as it is: "Baltics" is an alias of the Baltic states, not the Baltic Sea's "Baltic" + s;
    a place is never made plural ("the Balkans" is not Turkmenistan's Balkan province).
    """
    lower: dict[str, dict[str, Any]] = {}
    cased: dict[str, dict[str, Any]] = {}
    made: set[tuple[bool, str]] = set()  # (cased?, pattern key) of the entries that hold a made-up plural

    def claim(is_cased: bool, form: str, entry: dict[str, Any], plural: bool) -> None:
        table, k = (cased, form) if is_cased else (lower, form.lower())
        if k not in table or (not plural and (is_cased, k) in made):
            table[k] = entry
            (made.add if plural else made.discard)((is_cased, k))

    def add(label: str, key: str, phrase: str, proper: bool = False) -> None:
        if not phrase or not phrase.strip():
            return
        forms = variants(phrase)
        rest = _LEADING.sub("", phrase.strip())
        if label == "ORG" and rest != phrase.strip() and " " not in rest and rest[:1].isupper() \
                and rest[1:].islower() and _english_word(rest):  # "the Alliance", never "the RAF" (an acronym)
            # "the Alliance" (NATO): "Alliance" as written, and "the alliance" in lower case; "a US-Caribbean
            # security alliance" is none (blind10)
            proper = True
            add(label, key, phrase.strip().lower())
        cased_alias = (_is_cased(forms[0]) or (proper and _english_word(forms[0]))) if forms else False
        if label == "PLACE" and rest != phrase.strip() and forms and forms[0] == rest \
                and _word_zipf(rest) >= VERY_COMMON_WORD_ZIPF:
            cased_alias = True  # "the Sound" (Øresund) is "Sound" as written, never "the speed of sound" (blind15)
        for form in forms:
            plural = form.endswith("s") and form[:-1] in forms
            if plural and label == "PLACE":
                continue  # a place has no plural: "the Balkans" is no more Balkan (Turkmenistan) than one of many
            claim(cased_alias or _is_cased(form), form, {"label": label, "pattern": form, "id": key}, plural)

    for phrase, slug in vocabulary.region_preferences:
        if slug in vocabulary.region_by_slug:
            add("PLACE", f"region:{slug}", phrase)
    for a in vocabulary.aircraft:
        for phrase in (a.name, *a.aliases):
            add("AIRCRAFT", f"aircraft:{a.designator}", phrase)
    for w in vocabulary.role_words:
        add("AIRCRAFT", f"role:{w.key}", w.phrase)
    for o in vocabulary.organisations:
        for phrase in (o.name, o.short_name, *o.aliases):
            add("ORG", f"org:{o.slug}", phrase)
    for r in vocabulary.regions:
        for phrase in (r.name, *r.aliases):  # an air base's one-word name is a proper noun: "Hill", not "a hill"
            add("PLACE", f"region:{r.slug}", phrase, proper=r.kind == "airbase")
    return list(lower.values()), list(cased.values())


def _model_setting() -> str:
    try:
        from django.conf import settings

        return str(getattr(settings, "SPACY_MODEL", "") or "")
    except Exception:  # Django not configured (a script): the rule pipeline
        return ""


class _TextKeepingTokenizer:
    """Wraps the tokenizer to keep the input string on the doc: ``Doc.text`` rebuilds it from every token (~1 ms
    per 1,000 words) and the rule components read the text several times (see components.doc_text)."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer

    def __call__(self, text: str) -> Any:
        doc = self._tokenizer(text)
        doc.user_data[components.TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tokenizer, name)


#: A full stop after a designation's variant letters ends the sentence: spaCy's English rules keep "P-8A." and
#: "KC-135R." whole (like "U.S."), which put the stop inside the aircraft and merged the sentence with the next.
DESIGNATION_STOPS = (r"(?<=\d[A-Z])\.", r"(?<=\d[A-Z]{2})\.", r"(?<=\d[A-Z]{3})\.")
#: A multiplier after a small number is its own token: "2x Tu-95s" (how NORAD and spotters count) is 2 aircraft.
MULTIPLIER_SUFFIXES = (r"(?<=^\d)[x×]", r"(?<=^\d\d)[x×]")
#: A capitalised kilometre sign after a number is its own token, as "km" is in spaCy's rules: "about 40Km west".
UNIT_SUFFIXES = (r"(?<=\d)(?:Km|KM)",)
#: A dash typed as two hyphens is its own token, and so is a bracket closing right before it: "(Jiji Press)--The"
#: was one token "Press)--The", which hid the agency's name.
DOUBLE_HYPHEN_INFIXES = (r"(?<=\w)\)(?=--)", r"(?<=[\w)])--(?=\w)")
#: The slashes of an agency's credit line and the hyphen after a distributor's name are their own tokens
#: ("MOSCOW, August 14. /TASS/.", "(MENAFN- UkrinForm)"): one token "/TASS/." hid the agency.
CREDIT_PREFIXES = (r"/(?=[A-Z])",)
CREDIT_SUFFIXES = (r"(?<=[A-Z])/", r"(?<=[A-Z]/)\.", r"(?<=[A-Z]{2})-")
#: A bracket opened right after a word is its own token: "the Joint Chiefs of Staff(JCS)" (KBS's style) was one
#: token "Staff(JCS", which hid both the name and its acronym.
GLUED_BRACKET_INFIXES = (r"(?<=[a-z])\((?=[A-Z])",)


#: A designation with variant letters is one token: spaCy's English suffix rules split a unit letter off a number
#: ("F-15K" → "F-15" + "K", "Il-20M", "E-3G", "Tu-22M3"), which left the base designation to be read alone.
DESIGNATION_TOKEN = re.compile(r"^(?:F/A|[A-Za-z]{1,4})-\d{1,3}[A-Z]{1,3}\d?s?$")


def _designation_tokens(nlp: Language) -> None:
    """Tokenizer rules for designations; set before any pattern is tokenized, so patterns and texts agree."""
    suffixes = [*nlp.Defaults.suffixes, *DESIGNATION_STOPS, *MULTIPLIER_SUFFIXES, *UNIT_SUFFIXES, *CREDIT_SUFFIXES]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex([*nlp.Defaults.prefixes, *CREDIT_PREFIXES]).search
    infixes = [*nlp.Defaults.infixes, *DOUBLE_HYPHEN_INFIXES, *GLUED_BRACKET_INFIXES]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    default = nlp.tokenizer.token_match
    nlp.tokenizer.token_match = (lambda text: DESIGNATION_TOKEN.match(text) or default(text)) if default \
        else DESIGNATION_TOKEN.match


def _build(vocabulary: Vocabulary, model: str) -> Language:
    if model:
        nlp = spacy.load(model)
        if not any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer", "fc_sentences")):
            nlp.add_pipe("fc_sentences", first=True)
        where: dict[str, Any] = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("fc_sentences")
        where = {}
    _designation_tokens(nlp)
    lower, cased = build_patterns(vocabulary)
    matcher = nlp.add_pipe(VOCABULARY_MATCHER, config={"write_ents": bool(model)}, **where)
    matcher.add_patterns(lower, cased)  # type: ignore[attr-defined]
    nlp.add_pipe("fc_names", config={"vocabulary_version": vocabulary.version})
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name)
    nlp.add_pipe("fc_meta", config={"vocabulary_version": vocabulary.version})
    components.check_extension_storage(nlp.make_doc("check extension storage"))
    nlp.tokenizer = _TextKeepingTokenizer(nlp.tokenizer)
    nlp.meta.setdefault("flightcheck", {})["vocabulary_version"] = vocabulary.version
    return nlp


def get_pipeline(vocabulary: Vocabulary | None = None, *, model: str | None = None) -> Language:
    """The pipeline for this vocabulary, built once per process and (vocabulary version, model) pair.

    ``model`` defaults to ``settings.SPACY_MODEL``. Building takes a fraction of a second for the rule pipeline;
    a Celery worker builds it on its first task (lazily, never in ``worker_process_init``).
    """
    vocabulary = vocabulary or default_vocabulary()
    model = _model_setting() if model is None else model
    key = (vocabulary.version, model)
    nlp = _pipelines.get(key)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _pipelines.get(key)
        if nlp is None:
            started = time.process_time()
            nlp = _build(vocabulary, model)
            logger.info("built the reader's pipeline for vocabulary %s in %.2f s of CPU (process %d)",
                        vocabulary.version, time.process_time() - started, os.getpid())
            if len(_pipelines) >= 8:  # old vocabularies: keep memory bounded
                _pipelines.pop(next(iter(_pipelines)))
            _pipelines[key] = nlp
            _vocabularies[vocabulary.version] = vocabulary
    return nlp


def vocabulary_of(nlp: Language) -> Vocabulary:
    """The vocabulary a pipeline was built from (read_scope needs region kinds and organisation kinds)."""
    version = nlp.meta.get("flightcheck", {}).get("vocabulary_version")
    return _vocabularies.get(version) or default_vocabulary()


def vocabulary_for_version(version: str | None) -> Vocabulary:
    return _vocabularies.get(version or "") or default_vocabulary()
