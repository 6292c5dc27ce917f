"""Turning query-string parameters into a library search (shared by the page and the API)."""
from __future__ import annotations

from flask_babel import gettext as _

from casebase import FILTER_KEYS, SearchQuery
from disputes.errors import ValidationFailed
from disputes.validation import whole_number

MAX_QUERY_LENGTH = 500
# Every query parameter the search reads (the page, the API and its OpenAPI description).
SEARCH_PARAMETERS = ("q", *FILTER_KEYS, "sort", "page")


def search_query_from(args, per_page: int = 10) -> SearchQuery:
    """A SearchQuery from ?q=&occupation=&outcome=&claim=&region=&year=&source_body=&sort=&page=.

    The words themselves are never an error (bad syntax is read as plain words); only
    parameters that cannot mean anything are refused, each named in the 400/422 answer.
    """
    text = (args.get("q") or "")[:MAX_QUERY_LENGTH]
    page_text = args.get("page") or "1"
    errors = {}
    page = whole_number(page_text, minimum=1, maximum=10_000)
    if page is None:
        errors["page"] = _("页码应为正整数。")
    sort = args.get("sort") or "relevance"
    if sort not in ("relevance", "date"):
        errors["sort"] = _("排序只能是 relevance 或 date。")
    filters = {key: args.get(key) for key in FILTER_KEYS if args.get(key)}
    if errors:
        raise ValidationFailed(errors)
    try:
        return SearchQuery(text=text, filters=filters, page=page, per_page=per_page, sort=sort,
                           autocorrect=args.get("exact") not in ("1", "true"))
    except ValueError:
        raise ValidationFailed({"year": _("年份应为四位数字。")}) from None
