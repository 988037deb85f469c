"""Teaching the bot new names from Slack and the command line: taught phrases in the database,
checked by the core, applied on every replica."""
