"""The README's operating guide stays true to the code: settings documented, named files exist."""

from __future__ import annotations

import re

import pytest

from tests.deploy.conftest import PROJECT_ROOT, settings_variables

GUIDE = PROJECT_ROOT / "README.md"


def settings_table_rows() -> dict[str, str]:
    rows = re.findall(r"^\| `([A-Z_]+)` \| ([^|]+) \|", GUIDE.read_text(), flags=re.MULTILINE)
    return dict(rows)


@pytest.mark.parametrize("variable", sorted(settings_variables()))
def test_every_setting_is_documented_with_its_default(variable: str) -> None:
    assert variable in settings_table_rows(), f"{variable} missing from the settings table"
    assert settings_table_rows()[variable].strip(), f"{variable} has no default column"


def test_the_guide_documents_no_setting_the_bot_does_not_read() -> None:
    assert set(settings_table_rows()) <= settings_variables()


@pytest.mark.parametrize("default_setting", ["log_format", "log_level",
                                             "question_log_retention_days", "slack_api_url"])
def test_documented_defaults_match_the_code(default_setting: str) -> None:
    from bot.settings import Settings

    default = str(Settings.model_fields[default_setting].default)
    assert default in settings_table_rows()[default_setting.upper()]


def test_every_deploy_file_the_guide_names_exists() -> None:
    # Files with an extension, the Dockerfile, the folders (not `kubectl exec deploy/NAME`).
    pattern = r"deploy/(?:[\w/-]+(?:\.\w+)+|Dockerfile\b|k8s/|systemd/)"
    named = set(re.findall(pattern, GUIDE.read_text()))
    assert len(named) > 5
    missing = sorted(path for path in named if not (PROJECT_ROOT / path).exists())
    assert not missing
