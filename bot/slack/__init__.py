"""The Slack app: Bolt app, listeners (one module per surface), Block Kit, middleware, HTTP
and Socket Mode serving. May import the core, `bot.storage` and `bot.ops`; parses no language.
"""
