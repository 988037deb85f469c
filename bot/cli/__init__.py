"""The `alliance-bot` command line: the parser (`main`) and one module per command group.

May import everything in `bot/`, `intents/` and `knowledge/`; Slack and the database lazily.
"""
