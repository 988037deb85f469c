"""Every cutoff the language layer uses, in one place (tests cover each side of each one)."""

# Below this confidence the bot asks back (or says what it can answer) instead of answering.
CONFIDENCE_THRESHOLD = 0.6
# Two fuzzy candidates closer than this (in similarity, 0..1) to different things: ask back.
AMBIGUITY_MARGIN = 0.05

# Fuzzy linking only tries tokens at least this long; shorter typos are too often real words.
FUZZY_MIN_LENGTH = 4
# Edits allowed (Damerau-Levenshtein / OSA) for a token or phrase of a given length.
FUZZY_MAX_EDITS_SHORT = 1  # 4-7 characters
FUZZY_MAX_EDITS_LONG = 2  # 8 characters and more
FUZZY_LONG_LENGTH = 8

# Confidence multipliers.
NO_CUE_FACTOR = 0.92  # an entity with no question words around it ("Europe?")
UNKNOWN_WORD_FACTOR = 0.93  # per content word nothing in the knowledge base explains
CONTEXT_FACTOR = 0.95  # a follow-up read against the previous question
HINT_ONLY_FACTOR = 0.8  # a fact found only by weak hint words
BASE_CONFIDENCE = 0.97

# Long input is cut here before it is parsed; the answer says it was cut.
MAX_QUESTION_CHARS = 500
# At most this many clauses of a compound question are answered.
MAX_CLAUSES = 4
# A name nothing matched is asked back with the knowledge base's names at least this similar
# (rapidfuzz ratio, 0-100): "Zorbistan" -> Uzbekistan, Kurdistan.
ASK_BACK_SIMILARITY = 70
