"""Every setting of the bot in one place, read from the environment (and an optional `.env`).

A missing or malformed setting stops start-up with one line naming the variable. `serve`,
`doctor` and every other command read settings through `load_settings`, so they accept and
refuse the same values.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable."""


class Settings(BaseSettings):
    """The bot's configuration. Field names map to upper-case environment variables."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL

    # Storage: SQLite file under data_dir unless DATABASE_URL names another database.
    database_url: str | None = None
    data_dir: Path = Path("data")
    question_log_retention_days: int = Field(default=90, ge=1)

    # Knowledge base outside the package, so an organisation can keep its own facts.
    knowledge_dir: Path | None = None

    # Teaching: how often each replica looks for phrases taught elsewhere; where the labelled
    # question sets a phrase is checked against live (default: found beside the package).
    taught_poll_seconds: float = Field(default=2.0, gt=0, le=8)
    labelled_sets_dir: Path | None = None

    # Operations.
    alliance_bot_admins: str = ""  # comma-separated Slack user ids allowed to run admin commands
    log_format: str = "auto"  # "json", "text" or "auto" (json when not on a terminal)
    log_level: str = "INFO"
    metrics_port: int | None = None  # Socket Mode: serve /metrics on this port when set

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value if value.endswith("/") else value + "/"

    @field_validator("slack_bot_token")
    @classmethod
    def _a_bot_token(cls, value: str | None) -> str | None:
        if value and not value.startswith("xoxb-"):
            raise ValueError("must be the Bot User OAuth Token (xoxb-…), not a user (xoxp-) or "
                             "app-level (xapp-) token")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _an_app_token(cls, value: str | None) -> str | None:
        if value and not value.startswith("xapp-"):
            raise ValueError("must be an app-level token (xapp-…) with connections:write")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_log_level(cls, value: str) -> str:
        if value.upper() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return value.upper()

    @field_validator("log_format")
    @classmethod
    def _known_log_format(cls, value: str) -> str:
        if value not in {"json", "text", "auto"}:
            raise ValueError("must be json, text or auto")
        return value

    @property
    def admins(self) -> frozenset[str]:
        return frozenset(u.strip() for u in self.alliance_bot_admins.split(",") if u.strip())

    @property
    def sqlalchemy_url(self) -> str:
        """DATABASE_URL as SQLAlchemy wants it; plain `postgresql://` is taken as psycopg 3."""
        if not self.database_url:
            return f"sqlite:///{self.data_dir / 'alliance-bot.db'}"
        url = self.database_url
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url

    def require(self, *names: str) -> None:
        """Fail with a ConfigError naming the first unset variable among `names`."""
        for name in names:
            if not getattr(self, name):
                raise ConfigError(
                    f"missing setting {name.upper()}: set it in the environment or .env")


def load_settings() -> Settings:
    """Read the settings; a malformed value raises ConfigError naming the variable."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        reason = first["msg"].removeprefix("Value error, ")
        raise ConfigError(f"invalid setting {name}: {reason}") from None
