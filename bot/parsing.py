"""Compatibility: the question reader moved to :mod:`bot.nlu` (split by job). Import from there."""
from bot.nlu.normalise import correct_typos
from bot.nlu.parse import parse_question, resolve_inferred_years
from bot.nlu.query import BREAKDOWN_KEYS, INTENTS, MAX_QUESTION_CHARS, BotQuery, Intent
from bot.nlu.vocab import Vocab, load_vocab

__all__ = ["BREAKDOWN_KEYS", "INTENTS", "MAX_QUESTION_CHARS", "BotQuery", "Intent", "Vocab", "correct_typos",
           "load_vocab", "parse_question", "resolve_inferred_years"]
