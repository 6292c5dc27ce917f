"""Reading JSON bodies without ever turning bad input into a 500."""
from __future__ import annotations

import json
from typing import Any

from flask import request
from flask_babel import gettext as _

from disputes.errors import BadInput
from disputes.validation import unreadable_text, unreadable_text_message

MAX_JSON_BYTES = 2 * 1024 * 1024
# No body the API takes nests deeper than a few levels; deeper ones only exhaust the recursion of
# whatever walks them later (the audit's RecursionError at ~960 levels in event data).
MAX_JSON_DEPTH = 32


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
    _check_readable(payload)
    return payload


def optional_json_body() -> dict[str, Any]:
    """Like json_body, for operations whose body is optional: no body at all is {}."""
    if not request.get_data(cache=True) and request.mimetype in ("", "application/json"):
        return {}
    return json_body()


def _check_readable(payload: dict[str, Any]) -> None:
    """BadInput naming the place of a NUL or lone surrogate (JSON's "\\ud800"), or of nesting too deep."""
    pending: list[tuple[Any, int, str]] = [(payload, 1, "")]
    while pending:  # iterative: the depth is what is being checked
        value, depth, where = pending.pop()
        if depth > MAX_JSON_DEPTH:
            raise BadInput(_("请求内容嵌套层级过深（最多 %(n)d 层）。", n=MAX_JSON_DEPTH), field=where or "_request")
        if isinstance(value, dict):
            for key, inner in value.items():
                if unreadable_text(key):
                    raise BadInput(unreadable_text_message(), field=where or "_request")
                pending.append((inner, depth + 1, f"{where}.{key}" if where else key))
        elif isinstance(value, list):
            pending.extend((inner, depth + 1, f"{where}[{index}]") for index, inner in enumerate(value))
        elif unreadable_text(value):
            raise BadInput(unreadable_text_message(), field=where or "_request")


def _refuse_constant(name: str):
    """NaN and Infinity are not JSON (RFC 8259), though Python's parser accepts them."""
    raise ValueError(f"{name} is not valid JSON")
