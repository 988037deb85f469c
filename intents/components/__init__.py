"""spaCy components that read Alliance questions; their patterns come from the knowledge base.

Importing this package registers them: `kb_entities`, `fuzzy_linker`, `segment_finder`,
`code_names`, `asker_places` and `phrase_cues`.
"""

from intents.components import (  # noqa: F401 - registration
    asker,
    codenames,
    cues,
    entities,
    fuzzy,
    segments,
)
from intents.components.tokens import (
    TokenTable,
    corrected_words,
    entity_id,
    token_key,
    token_table,
)

__all__ = ["TokenTable", "corrected_words", "entity_id", "token_key", "token_table"]
