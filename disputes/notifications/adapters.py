"""How a notification leaves the building: adapters with one method, chosen by configuration.

An SMS gateway adapter is any object with `send(recipient, body, idempotency_key)` that raises
on failure; pass the idempotency key to the provider so a retry after a crash is not delivered
twice. Configure it as `NOTIFY_SMS_ADAPTER = "package.module:ClassName"` (constructed with the
app config). The default logs the message (masked) instead of sending it.
"""
from __future__ import annotations

import importlib
import logging
import re
import smtplib
from email.message import EmailMessage
from typing import Mapping, Protocol

from disputes.masking import mask_personal_data, mask_phone
from disputes.security import ACCESS_CODE_ALPHABET

logger = logging.getLogger("disputes.notifications")

# An access code as messages print it (`7KD2M-Q9XA4`), or run together; in either case it is
# bounded by something that is not a code character, so case numbers and words are left alone.
_CODE = f"[{ACCESS_CODE_ALPHABET}]"
ACCESS_CODE_PATTERN = re.compile(rf"(?<![0-9A-Za-z]){_CODE}{{5}}-?{_CODE}{{5}}(?![0-9A-Za-z])")


def mask_for_log(body: str) -> str:
    """A message as the log may keep it: ID and phone numbers masked, access codes replaced."""
    return ACCESS_CODE_PATTERN.sub("*****-*****", mask_personal_data(body))


class Adapter(Protocol):
    def send(self, recipient: str, body: str, idempotency_key: str) -> None: ...


class LoggingAdapter:
    """Writes the notice to the log (the recipient, ID and phone numbers masked, access codes hidden);
    for development and demos. `sent` keeps the messages in memory, for tests."""

    def __init__(self, config: Mapping | None = None):
        self.sent: list[tuple[str, str, str]] = []

    def send(self, recipient: str, body: str, idempotency_key: str) -> None:
        self.sent.append((recipient, body, idempotency_key))
        logger.info("notification to %s [%s]: %s", mask_phone(recipient), idempotency_key, mask_for_log(body))


class SmtpAdapter:
    """Email through an SMTP server (NOTIFY_SMTP_HOST, _PORT, _USER, _PASSWORD, _FROM, _STARTTLS)."""

    def __init__(self, config: Mapping):
        self.config = config

    def send(self, recipient: str, body: str, idempotency_key: str) -> None:
        message = EmailMessage()
        message["From"] = self.config.get("NOTIFY_SMTP_FROM", "noreply@localhost")
        message["To"] = recipient
        message["Subject"] = "劳动争议调处台通知"
        message["Message-ID"] = f"<{idempotency_key.replace(':', '.')}@dispute-desk>"
        message.set_content(body)
        with smtplib.SMTP(self.config.get("NOTIFY_SMTP_HOST", "localhost"), int(self.config.get("NOTIFY_SMTP_PORT", 25)),
                          timeout=30) as smtp:
            if self.config.get("NOTIFY_SMTP_STARTTLS"):
                smtp.starttls()
            if self.config.get("NOTIFY_SMTP_USER"):
                smtp.login(self.config["NOTIFY_SMTP_USER"], self.config.get("NOTIFY_SMTP_PASSWORD", ""))
            smtp.send_message(message)


BUILT_IN = {"logging": LoggingAdapter, "smtp": SmtpAdapter}


def load_adapter(spec: str, config: Mapping) -> Adapter:
    """`logging`, `smtp`, or `package.module:ClassName` for a gateway of your own."""
    if spec in BUILT_IN:
        return BUILT_IN[spec](config)
    module_name, _, class_name = spec.partition(":")
    if not class_name:
        raise ValueError(f"notification adapter {spec!r}: use 'logging', 'smtp' or 'module:Class'")
    return getattr(importlib.import_module(module_name), class_name)(config)
