"""Persistence: SQLAlchemy models and engines, database-backed and in-memory stores, Alembic
migrations. Imports nothing from `bot.slack`, `intents` or `knowledge`.
"""
