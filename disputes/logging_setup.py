"""Logging that never writes a resident ID or phone number in clear."""
from __future__ import annotations

import logging

from flask import Flask

from disputes.masking import mask_personal_data


class PersonalDataFilter(logging.Filter):
    """Masks ID and phone numbers in every record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def init_app(app: Flask) -> None:
    """Install the masking filter on the app's logger and its handlers."""
    personal_data_filter = PersonalDataFilter()
    app.logger.addFilter(personal_data_filter)
    for handler in logging.getLogger().handlers + app.logger.handlers:
        handler.addFilter(personal_data_filter)
