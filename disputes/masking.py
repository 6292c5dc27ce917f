"""Masking of personal data wherever it is shown or logged."""
from __future__ import annotations

import re

RESIDENT_ID_PATTERN = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
MOBILE_PATTERN = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


def mask_id_number(value: str | None) -> str | None:
    """A resident ID number with only the first three and last four characters shown."""
    if not value:
        return value
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_phone(value: str | None) -> str | None:
    """A phone number with the middle digits hidden: 138****5678."""
    if not value:
        return value
    digits = value.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_personal_data(text: str) -> str:
    """Every resident ID and mobile number inside free text, masked (used for logs)."""
    text = RESIDENT_ID_PATTERN.sub(lambda m: mask_id_number(m.group(0)), text)
    return MOBILE_PATTERN.sub(lambda m: mask_phone(m.group(0)), text)
