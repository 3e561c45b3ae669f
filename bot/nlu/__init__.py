"""The bot's question reader, split by job (in the style of Rasa's components): ``query`` (the typed BotQuery and
its Intent), ``vocab`` (the question words, one cache), ``normalise`` (mentions, case, typos, quarters), ``intents``,
``compare`` (the two sides of a comparison), ``followups`` (the conversation tracker's merge rules),
``claims_questions``, ``leftovers`` (what was not understood), ``guards`` (filler-looking words that change the
question, declined naming them) and ``parse`` (the steps in order). The scope itself is
read by the shared reader, ``claims.nlp.reading.read_question``."""
