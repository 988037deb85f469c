"""Running the bot: Prometheus metrics, structured logging, knowledge-base hot reload and the
admin reload command. May import the core, `bot.storage` and `slack_sdk`; nothing from `bot.slack`.
"""
