"""Feature modules that plug into the Slack app and `serve` through `bot.extensions`.

Importing a module here registers its subcommands, App Home sections, startup hooks and
readiness checks; the app builder and the command line call `load_features()` once.
"""

from __future__ import annotations

import importlib

FEATURE_MODULES = (
    "bot.digest.feature",
    "bot.ops.reload",
    "bot.teaching.feature",
)


def load_features() -> None:
    for module_name in FEATURE_MODULES:
        importlib.import_module(module_name)
