"""Daily digests: content, schedule, claims and delivery, and the `/alliance digest` feature.
May import the core, `bot.storage`, `bot.ops` and `bot.slack.blocks` for rendering.
"""
