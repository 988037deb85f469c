"""Block Kit as Slack checks it: every block must parse with slack_sdk's models, pass their
validation (e.g. 3,000 characters per section) and round-trip unchanged (no misspelt keys).

The fake Slack refuses what fails here with `invalid_blocks`, as Slack does.
"""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block


def block_problems(blocks: Any) -> list[str]:
    """What Slack would refuse in `blocks` (a list, or its JSON); [] when it is all valid."""
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except json.JSONDecodeError:
            return ["blocks are not JSON"]
    if not isinstance(blocks, list):
        return ["blocks are not a list"]
    problems = []
    for index, block in enumerate(blocks):
        try:
            parsed = Block.parse(block)
            if parsed is None:
                problems.append(f"block {index}: unknown block {block!r}")
                continue
            parsed.validate_json()
        except (SlackObjectFormationError, KeyError, TypeError, AttributeError) as error:
            problems.append(f"block {index}: {error}")
            continue
        if parsed.to_dict() != block:
            problems.append(f"block {index}: {block!r} is not what Slack reads "
                            f"({parsed.to_dict()!r})")
    return problems


def blocks_of_call(method: str, params: dict[str, Any]) -> Any:
    """The blocks a Web API call or response_url post carries, or None."""
    if method == "views.publish":
        view = params.get("view")
        if isinstance(view, str):
            view = json.loads(view)
        return (view or {}).get("blocks")
    return params.get("blocks")


def assert_valid_blocks(blocks: Any) -> None:
    problems = block_problems(blocks)
    assert not problems, "\n".join(problems)
