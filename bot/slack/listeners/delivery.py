"""Sending to Slack from listeners: a failed call is logged and counted, never raised.

Web API calls go through the app's WebClient (its retry handlers retry 429 and 5xx);
`response_url` replies go through a WebhookClient with the same retry policy, which Bolt's
own `respond` lacks.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.web import SlackResponse
from slack_sdk.webhook import WebhookClient

from bot.ops.metrics import record_slack_error

MAX_RETRIES = 3  # per failure kind; a Retry-After sleep comes from Slack, not from us
RESPONSE_URL_METHOD = "response_url"

logger = logging.getLogger(__name__)


def retry_handlers() -> list[RetryHandler]:
    """Rate limits (429 + Retry-After), transient 500/503 and dropped connections."""
    return [
        RateLimitErrorRetryHandler(max_retry_count=MAX_RETRIES),
        ServerErrorRetryHandler(max_retry_count=MAX_RETRIES),
        ConnectionErrorRetryHandler(max_retry_count=MAX_RETRIES),
    ]


def call_slack(client: WebClient, method: str, **payload: Any) -> SlackResponse | None:
    """Call a Web API method with a JSON body; None (logged and counted) when it failed.

    Arguments that are None are left out, as Slack wants absent rather than null fields.
    """
    body = {name: value for name, value in payload.items() if value is not None}
    try:
        return client.api_call(method, json=body)
    except SlackApiError as error:
        code = str(error.response.get("error") or error.response.status_code)
        record_slack_error(method=method, error=code)
        logger.warning("Slack call failed", extra={"method": method, "error": code})
    except (SlackClientError, OSError) as error:
        record_slack_error(method=method, error=type(error).__name__)
        logger.warning("Slack call failed", extra={"method": method, "error": str(error)})
    return None


def send_to_response_url(response_url: str | None, **payload: Any) -> bool:
    """Post to an interaction's `response_url`; False (logged and counted) when it failed."""
    if not response_url:
        logger.warning("No response_url to reply to")
        return False
    webhook = WebhookClient(url=response_url, retry_handlers=retry_handlers())
    try:
        response = webhook.send_dict(payload)
    except (SlackClientError, OSError) as error:
        record_slack_error(method=RESPONSE_URL_METHOD, error=type(error).__name__)
        logger.warning("response_url post failed", extra={"error": str(error)})
        return False
    if response.status_code != 200:
        record_slack_error(method=RESPONSE_URL_METHOD, error=str(response.status_code))
        logger.warning("response_url post failed",
                       extra={"status": response.status_code, "error": response.body[:200]})
        return False
    return True
