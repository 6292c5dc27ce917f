"""How fast the portal lets anyone try case numbers and access codes.

Three limits, none of which a stranger can turn against the worker:

- every lookup from one address (STATUS_LOOKUP_LIMIT, 10 a minute), right or wrong;
- wrong codes for one case from one address (STATUS_LOOKUP_CASE_LIMIT, 5 in 10 minutes). Only
  wrong answers count, and only for that address: someone guessing elsewhere never stops the
  worker's right code from their own phone;
- resets of one case's code (RESET_CASE_LIMIT), from anywhere, since each sends an SMS. A reset
  never ends the code in use (see services.reset_access_code), so hitting this limit only delays
  a new code.

Why guessing stays infeasible: a code is 10 characters of a 32-letter alphabet, 32**10 ≈ 1.1e15
codes (security.ACCESS_CODE_LENGTH). One address may make 5 wrong tries at a case every 10
minutes, 720 a day. An attacker with 100,000 addresses aimed at one case makes 7.2e7 tries a day,
2.6e10 a year: the chance of finding its code within a year is 2.6e10 / 1.1e15 ≈ 2 in 100,000.
"""
from __future__ import annotations

from flask import Response, current_app, request
from flask_limiter.util import get_remote_address

from disputes.api.requests import json_body
from disputes.errors import BadInput


def _case_no_tried() -> str:
    if request.is_json:
        try:
            source = json_body()
        except BadInput:
            source = {}  # the view answers 400; the key only has to exist
    else:
        source = request.form
    value = source.get("case_no")
    return value.strip()[:20] if isinstance(value, str) else ""


def case_number_key() -> str:
    """Rate-limit key: the case number whose code is being reset, from any address."""
    return "case:" + _case_no_tried()


def case_and_address_key() -> str:
    """Rate-limit key: the case number tried from this address."""
    return f"case:{_case_no_tried()}|from:{get_remote_address()}"


def wrong_code(response: Response) -> bool:
    """Only a wrong number or code counts against the case's limit; the right one costs nothing."""
    return response.status_code == 404


def lookup_limit() -> str:
    return current_app.config["STATUS_LOOKUP_LIMIT"]


def case_limit() -> str:
    return current_app.config["STATUS_LOOKUP_CASE_LIMIT"]


def reset_limit() -> str:
    return current_app.config["RESET_CASE_LIMIT"]
