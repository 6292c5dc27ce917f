"""Reading JSON bodies without ever turning bad input into a 500."""
from __future__ import annotations

import json
from typing import Any

from flask import request
from flask_babel import gettext as _

from disputes.errors import BadInput

MAX_JSON_BYTES = 2 * 1024 * 1024


def json_body() -> dict[str, Any]:
    """The request's JSON object, or BadInput with a plain message (not JSON, too deep, not an object)."""
    if not request.is_json:
        raise BadInput(_("请以 JSON 格式提交（Content-Type: application/json）。"))
    raw = request.get_data(cache=True)
    if len(raw) > MAX_JSON_BYTES:
        raise BadInput(_("请求内容太大。"))
    try:
        payload = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise BadInput(_("请求内容不是有效的 JSON。")) from None
    if not isinstance(payload, dict):
        raise BadInput(_("请求内容应为一个 JSON 对象。"))
    return payload


def _refuse_constant(name: str):
    """NaN and Infinity are not JSON (RFC 8259), though Python's parser accepts them."""
    raise ValueError(f"{name} is not valid JSON")
