"""Every route and every API operation, every place it reads a value, with the audit's kinds of bad
input (issue 15; shared/notes/security-audit.md, item 9): no answer is a server error, and a refused
request leaves the database as it was.

Nothing here lists the routes. They come from ``app.url_map`` and ``/api/v1/openapi.json``; the
places a route reads come from the forms and links the app's own pages hand out to each kind of
caller (anonymous, the worker in the portal, a mediator, an admin), from the OpenAPI parameters and
bodies, and from the names the view's source reads (``request.form.get("x")``). A new route, a new
form field or a new query parameter is therefore swept without editing this file.

The full cartesian product (routes × places × kinds × callers) is far too large, so the sweep takes,
for each route and caller: every kind in every place at once, one place at a time with the kinds
that fit it (number kinds in numeric places, date kinds in date places, enum kinds in choices, text
kinds rotating over the rest), capped per form; callers the route refuses get a smaller sample.
Choices are seeded by the route's name, so every run sends the same probes. On SQLite the database
is put back to the same starting world before each route, so one probe that succeeds (a reassign,
a withdrawal, a logout) cannot hide the next route's code from the sweep.
"""
from __future__ import annotations

import inspect
import io
import json
import random
import re
import os
import sqlite3
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urljoin, urlsplit

import pytest
import sqlalchemy as sa
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from disputes.extensions import db, limiter
from disputes.models import Base
from tests.factories import DEFAULT_PASSWORD

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 512

# ---------------------------------------------------------------------------------------------
# The kinds of bad input (the audit's 22, by family). Each probe is tagged with its kind.

HUGE = {
    "int>2^63": str(2**63 + 7),
    "int>2^64": str(2**64),
    "int>2^31": str(2**31),
}
NUMBER_KINDS = {
    **HUGE,
    "negative": "-1",
    "unicode-digit ²": "²",
    "unicode-digit ١": "١٢",
    "fullwidth-digit ５": "５",
    "float/exponent": "1e309",
    "signed/padded": " +7 ",
}
DATE_KINDS = {
    "date 0001-01-01": "0001-01-01",
    "date 9999-12-31": "9999-12-31",
    "datetime 9999-12-31T23:59-10:00": "9999-12-31T23:59-10:00",
    "date 2026-02-30": "2026-02-30",
    "datetime garbage": "2026-13-45T99:99",
}
TEXT_KINDS = {
    "lone-surrogate": "\ud800",
    "surrogate-in-text": "前\udfff后",
    "nul": "a\x00b",
    "long-100k": "长" * 100_000,
    "crlf": "x\r\nSet-Cookie: pwned=1",
    "control/bidi": "\u202e\u200b\x1b[31m",
    "markup/sql": "<script>alert(1)</script>' OR 1=1 --",
    "astral": "𠀀💥" * 40,
    "empty": "",
}
PATH_KINDS = {
    **HUGE,
    "negative": "-1",
    "unicode-digit ²": "²",
    "fullwidth-digit ５": "５",
    "traversal": "../../etc/passwd",
    "traversal-encoded": "..%2F..%2Fetc%2Fpasswd",
    "dot-dot": "..",
    "over-long path": "9" * 5000,
    "over-long text path": "案" * 3000,
    "lone-surrogate": "\ud800",
    "nul": "a\x00b",
    "crlf": "x\r\ny",
    "unknown-enum": "no_such_kind",
}
DEEP = object()  # a leaf replaced by JSON nested 1000 levels deep
JSON_KINDS = {
    "int>2^63": 2**63 + 7,
    "int>2^64": 2**64,
    "int>2^31": 2**31,
    "negative": -1,
    "float/exponent": 1e308,
    "unicode-digit ²": "²",
    "fullwidth-digit ５": "５",
    "huge-int-as-text": str(2**64),
    "lone-surrogate": "\ud800",
    "nul": "a\x00b",
    "long-100k": "长" * 100_000,
    "crlf": "x\r\ny",
    "deep-json-1000": DEEP,
    "wrong-type list": ["x"],
    "wrong-type object": {"x": 1},
    "wrong-type number": 12345,
    "wrong-type null": None,
    "wrong-type bool": True,
    "wrong-type text": "x",
    "date 0001-01-01": "0001-01-01",
    "date 9999-12-31": "9999-12-31",
    "datetime 9999-12-31T23:59-10:00": "9999-12-31T23:59-10:00",
    "date 2026-02-30": "2026-02-30",
    "unknown-enum": "no_such_value",
}
RAW_BODIES = {
    "malformed-json {": b"{",
    "malformed-json truncated": b'{"a": [1, 2',
    "malformed-json bytes": b"\xff\xfe\x00",
    "malformed-json NaN": b'{"a": NaN}',
    "empty-body": b"",
    "json null": b"null",
    "json list": b"[]",
    "json text": b'"x"',
    "deep-json-1000": b'{"a":' * 1000 + b"1" + b"}" * 1000,
    "deep-json-100000": b"[" * 100_000 + b"]" * 100_000,
    "lone-surrogate escape": b'{"\\ud800": "\\udc00x\\ud800"}',
}
SESSION_ENDING = re.compile(r"logout|leave|tokens?[._]current|revoke", re.I)
NUMERIC_NAME = re.compile(r"(^|[_-])(id|ids|version|page|per_page|after|before|threshold|window|year|handler|"
                          r"organisation|count|limit|offset|seq|mediator_id|arbitrator_id)($|[_-])", re.I)
DATE_NAME = re.compile(r"(date|_on$|^on$|^from$|^to$|_at$|^at$|pay_by|since|until|day)", re.I)
SOURCE_NAMES = re.compile(r"""request\.(?:args|form|values|files)\.get(?:list)?\(\s*["']([\w-]+)["']"""
                          r"""|["']([\w-]+)["']\s+in\s+request\.(?:form|args)""")
PROGRESS = os.environ.get("SWEEP_PROGRESS") == "1"


@dataclass(frozen=True)
class Budget:
    """How many probes of each sort a route gets from one caller (allowed / refused at its door)."""

    singles: int  # one place at a time, per form or query
    refused_singles: int
    at_once_refused: int  # of the every-field-at-once probes (allowed callers get them all)
    path: int  # kinds per path placeholder (int>2^63 always among them for numbers)
    refused_path: int
    json_singles: int
    refused_raw: int  # of the malformed bodies


QUICK = Budget(singles=6, refused_singles=1, at_once_refused=2, path=4, refused_path=1, json_singles=10, refused_raw=2)
WIDE = Budget(singles=40, refused_singles=8, at_once_refused=6, path=len(PATH_KINDS), refused_path=4,
              json_singles=70, refused_raw=len(RAW_BODIES))

# A view handing the request's values to a parser (parse_filter(request.args, …)): its names count too.
HANDED_REQUEST = re.compile(r"(\w+)\(\s*request\.(?:args|form|values)\b")
PRIVATE_CALLS = re.compile(r"\b(_[a-z]\w*)\(")  # the view's own helpers (_editor(row))
HANDED_ARGS = re.compile(r"(\w+)\(\s*(?:args|form|submitted)\b")
PARSER_NAMES = re.compile(r"""\.get(?:list)?\(\s*["']([\w-]+)["']""")

# Tables whose rows a refused request may legitimately add: the audit trail records refusals, and
# dashboard_counts / library_generation are derived bookkeeping.
UNTRACKED = {"audit_entries", "dashboard_counts", "library_generation"}


# ---------------------------------------------------------------------------------------------
# What the app's own pages hand out: forms and links.

@dataclass
class Field:
    name: str
    type: str = "text"
    value: str = ""
    options: list[str] = field(default_factory=list)

    @property
    def family(self) -> str:
        if self.type == "file":
            return "file"
        if self.options and self.type in ("select", "radio", "checkbox"):
            return "enum"
        if self.type in ("date", "datetime-local", "month") or DATE_NAME.search(self.name):
            return "date"
        if self.type == "number" or NUMERIC_NAME.search(self.name) or (self.value.isascii() and self.value.isdigit()):
            return "number"
        return "text"


@dataclass
class Form:
    method: str
    action: str
    multipart: bool
    fields: dict[str, Field] = field(default_factory=dict)

    def baseline(self) -> list[tuple[str, object]]:
        pairs = []
        for f in self.fields.values():
            if f.type == "file":
                pairs.append((f.name, (PNG, "photo.png")))
            elif f.type in ("checkbox", "radio") and f.value == "":
                continue
            elif f.type in ("submit", "button") and f.name.startswith("_"):
                continue
            else:
                pairs.append((f.name, f.value or (f.options[0] if f.options else "")))
        return pairs


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = Form((a.get("method") or "get").upper(), a.get("action") or "",
                              "multipart" in (a.get("enctype") or ""))
            self.forms.append(self._form)
        elif tag in ("a", "link") and a.get("href"):
            self.links.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.links.append(a["src"])
        elif self._form is None or not a.get("name") and tag != "option":
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            known = self._form.fields.get(a["name"])
            if known and kind in ("radio", "checkbox"):
                known.options.append(a.get("value") or "on")
                if "checked" in a:
                    known.value = a.get("value") or "on"
                return
            value = a.get("value") or ""
            if kind in ("radio", "checkbox"):
                self._form.fields[a["name"]] = Field(a["name"], kind, value if "checked" in a else "", [value or "on"])
            elif kind not in ("submit", "image", "reset") or a["name"] not in self._form.fields:
                self._form.fields.setdefault(a["name"], Field(a["name"], kind, value))
        elif tag == "button" and (a.get("type") or "submit") == "submit":
            self._form.fields.setdefault(a["name"], Field(a["name"], "submit", a.get("value") or ""))
        elif tag == "select":
            self._select = self._form.fields.setdefault(a["name"], Field(a["name"], "select"))
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            self._select.options.append(value)
            if "selected" in a:
                self._select.value = value
        elif tag == "textarea":
            self._textarea = self._form.fields.setdefault(a["name"], Field(a["name"], "textarea"))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


# ---------------------------------------------------------------------------------------------
# Encoding requests the way a browser or curl would, lone surrogates included (UTF-8 with
# surrogatepass: the bytes %ED%A0%80 a careless client really sends).

def _b(value: str) -> bytes:
    return value.encode("utf-8", "surrogatepass")


def urlencoded(pairs) -> bytes:
    return b"&".join(quote(_b(k), safe="").encode() + b"=" + quote(_b(str(v)), safe="").encode() for k, v in pairs)


def multipart(pairs) -> tuple[bytes, str]:
    boundary = "----sweep7b1e"
    out = io.BytesIO()
    for name, value in pairs:
        out.write(f"--{boundary}\r\n".encode())
        if isinstance(value, tuple):
            data, filename = value
            out.write(b'Content-Disposition: form-data; name="' + _b(name) + b'"; filename="' + _b(filename) + b'"\r\n')
            out.write(b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n")
        else:
            out.write(b'Content-Disposition: form-data; name="' + _b(name) + b'"\r\n\r\n' + _b(str(value)) + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def json_bytes(value) -> bytes:
    deep = "[" * 1000 + "]" * 1000
    marker = "\u2063DEEP\u2063"

    def swap(v):
        if v is DEEP:
            return marker
        if isinstance(v, dict):
            return {k: swap(x) for k, x in v.items()}
        if isinstance(v, list):
            return [swap(x) for x in v]
        return v

    text = json.dumps(swap(value), ensure_ascii=True)
    return text.replace(json.dumps(marker), deep).encode("ascii")


def leaf_paths(value, prefix=()):
    """Every place in a JSON body that holds a value (dict keys and list items, to any depth)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield prefix + (key,)
            yield from leaf_paths(inner, prefix + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value[:2]):
            yield prefix + (index,)
            yield from leaf_paths(inner, prefix + (index,))


def replaced(value, path, new):
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = replaced(copy[path[0]], path[1:], new)
    return copy


def seeded(*parts) -> random.Random:
    return random.Random(zlib.crc32("|".join(map(str, parts)).encode()))


# ---------------------------------------------------------------------------------------------
# The database's fingerprint and the world every route starts from.

def fingerprint() -> tuple:
    tables = [t for t in Base.metadata.sorted_tables if t.name not in UNTRACKED]
    columns = [sa.select(sa.func.count()).select_from(t).scalar_subquery() for t in tables]
    columns += [sa.select(sa.func.max(t.c.version)).scalar_subquery() for t in tables if "version" in t.c]
    db.session.rollback()
    return tuple(db.session.execute(sa.select(*columns)).one())


class World:
    """The demo world: a case accepted by the mediator, with evidence, a document, an alert, a draft."""

    def __init__(self, app):
        self.app = app
        url = db.engine.url
        self.sqlite_path = url.database if url.get_backend_name() == "sqlite" else None
        self.saved = None

    def save(self):
        if self.sqlite_path:
            db.session.remove()
            self.saved = sqlite3.connect(":memory:")
            with sqlite3.connect(self.sqlite_path) as source:
                source.backup(self.saved)
            source.close()

    def restore(self):
        if self.saved is not None:
            db.session.remove()
            db.engine.dispose()
            target = sqlite3.connect(self.sqlite_path)
            self.saved.backup(target)
            target.close()
            # The test's one app context keeps `g` between requests (tests/conftest.py clears it in a
            # before_request, after the app's own hooks have run): drop the user loaded before the restore.
            from flask import g

            for name in list(g):
                g.pop(name)


@dataclass
class Caller:
    name: str
    client: object
    headers: dict = field(default_factory=dict)
    csrf: str = ""
    enter: object = None  # signs the caller in again if a probe ended the session
    alive: object = None  # whether a bearer token still works

    def signed_in(self) -> bool:
        if self.alive is not None:
            return self.alive()
        if self.enter is None:
            return True
        with self.client.session_transaction() as session:
            return bool(session.get("_user_id") or any(k.startswith("portal") for k in session))


@dataclass
class Probe:
    caller: str
    method: str
    path: str
    kind: str
    where: str
    query: bytes = b""
    body: bytes | None = None
    content_type: str | None = None


@dataclass
class Sweep:
    app: object
    world: World
    callers: dict
    probes: int = 0
    kinds: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    failures: list = field(default_factory=list)

    def send(self, caller: Caller, probe: Probe):
        before = fingerprint()
        headers = dict(caller.headers)
        if caller.csrf:
            headers["X-CSRFToken"] = caller.csrf
        kwargs = {"headers": headers, "query_string": probe.query.decode("ascii") or None}
        if probe.body is not None:
            kwargs.update(data=probe.body, content_type=probe.content_type)
        response = caller.client.open(probe.path, method=probe.method, **kwargs)
        response.close()
        status = response.status_code
        self.probes += 1
        self.kinds[probe.kind] += 1
        self.statuses[status // 100 * 100] += 1
        if status >= 500:
            self.failures.append(f"{status} {probe.caller} {probe.method} {probe.path[:120]} [{probe.kind} in "
                                 f"{probe.where}] {response.get_data(as_text=True)[:160]!r}")
        elif status >= 400 and fingerprint() != before:
            self.failures.append(f"changed-on-{status} {probe.caller} {probe.method} {probe.path[:120]} "
                                 f"[{probe.kind} in {probe.where}]")
        db.session.rollback()
        return response


# ---------------------------------------------------------------------------------------------


@pytest.fixture
def sweep(app, client, make_user, file_case):
    from disputes.auth.services import user_for_token
    from disputes.cases.services import apply_event
    from disputes.evidence.services import Upload, add_evidence
    from disputes.intake.drafts import save_draft
    from disputes.models import Alert, ApiToken, MinimumWage, TypicalCase
    from disputes.seeding import seed_library
    from casebase.records import RecordInvalid
    from tests.support import csrf_token
    from werkzeug.datastructures import MultiDict

    try:
        seed_library()
        typical_case_id = db.session.scalar(sa.select(TypicalCase.id).order_by(TypicalCase.id))
    except RecordInvalid:  # the shipped library mid-edit: the typical-case routes are still swept
        db.session.rollback()
        typical_case_id = "no-such-typical-case"
    mediator, admin = make_user("mediator"), make_user("admin")
    make_user("mediator")  # someone to reassign to
    filed = file_case(filed_by=mediator)
    case = filed.case
    apply_event(case, "accept", mediator, expected_version=case.version)
    add_evidence(case, Upload("工资条.png", PNG, "三月工资条"), by=mediator)
    db.session.add(Alert(rule_key="likely_collective", subject_key="sweep", subject_label="某配送站",
                         region_code=case.region_code, message="同一站点多名骑手投诉", case_numbers=[case.case_no],
                         dedupe_key="sweep-alert"))
    # A case of its own for the stored-notes check: without a restored world (PostgreSQL) the probes
    # have long since moved the first one on.
    notes_filed = file_case(filed_by=mediator)
    apply_event(notes_filed.case, "accept", mediator, expected_version=notes_filed.case.version)
    db.session.commit()
    draft_token = save_draft(MultiDict({"facts": "草稿"}), None)
    case_no, access_code = case.case_no, filed.access_code

    def session_caller(name, user):
        caller, username = Caller(name, app.test_client()), user.username

        def enter():
            caller.client.post("/login", data={"username": username, "password": DEFAULT_PASSWORD,
                                               "csrf_token": csrf_token(caller.client)})
            caller.csrf = csrf_token(caller.client, "/workflow")
        caller.enter = enter
        enter()
        return caller

    def worker():
        caller = Caller("worker", app.test_client())

        def enter():
            caller.client.post("/status", data={"csrf_token": csrf_token(caller.client, "/status"),
                                                "case_no": case_no, "access_code": access_code})
            caller.csrf = csrf_token(caller.client, "/workflow")
        caller.enter = enter
        enter()
        return caller

    def token_caller(name, user):
        caller, username = Caller(name, app.test_client()), user.username

        def enter():
            answer = app.test_client().post("/api/v1/tokens", json={"username": username, "password": DEFAULT_PASSWORD})
            caller.headers = {"Authorization": f"Bearer {answer.get_json()['token']}"}

        def token_alive():
            # Without a restored world (PostgreSQL), a probe that revoked the token leaves it revoked.
            alive = user_for_token(caller.headers["Authorization"].removeprefix("Bearer ")) is not None
            db.session.rollback()
            return alive
        caller.enter, caller.alive = enter, token_alive
        enter()
        return caller

    anonymous = Caller("anonymous", app.test_client())
    anonymous.csrf = csrf_token(anonymous.client, "/workflow")
    callers = {
        "html": [anonymous, worker(), session_caller("mediator", mediator), session_caller("admin", admin)],
        "api": [Caller("anonymous-api", app.test_client()), token_caller("mediator-api", mediator),
                token_caller("admin-api", admin)],
    }
    world = World(app)
    known = {"case_no": case_no, "kind": "acceptance_notice", "evidence_id": case.evidence[0].id,
             "alert_id": db.session.scalar(sa.select(Alert.id)), "token": draft_token,
             "case_id": typical_case_id, "user_id": mediator.id,
             "token_id": db.session.scalar(sa.select(ApiToken.id)),
             "wage_id": db.session.scalar(sa.select(MinimumWage.id)),
             "notes_case": (notes_filed.case.case_no, notes_filed.access_code)}
    world.save()
    was_enabled = limiter.enabled
    limiter.enabled = False  # the sweep is about parsing; the limits have their own tests
    try:
        yield Sweep(app, world, callers), known
    finally:
        limiter.enabled = was_enabled
        world.saved and world.saved.close()


def match(app, url: str, method: str):
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return None
    try:
        endpoint, args = app.url_map.bind("localhost").match(parts.path, method=method)
    except (HTTPException, RequestRedirect):
        return None
    return endpoint, args, parse_qsl(parts.query, keep_blank_values=True)


def harvest(sweep: Sweep, known: dict):
    """Forms, link parameters and path values the pages give each caller, by endpoint."""
    app = sweep.app
    forms: dict[tuple[str, str, str], list[Form]] = {}
    first_actions: dict[tuple[str, str, str], str] = {}
    query_names: dict[str, dict[str, str]] = {}
    path_values = dict(known)
    pages = {"/"}
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not rule.arguments:
            pages.add(rule.rule)
    seen = set()
    for caller in sweep.callers["html"]:
        # Every page without placeholders, then every other page filled with the values known so far
        # (an editor no link leads to still hands out its form).
        filled = {fill(rule, path_values) for rule in app.url_map.iter_rules()
                  if "GET" in rule.methods and rule.arguments and rule.endpoint != "static"
                  and not rule.rule.endswith((".pdf", ".svg", ".js"))}
        queue = sorted(pages) + sorted(filled)
        while queue:
            page = queue.pop(0)
            if (caller.name, page) in seen or len(seen) > 600:
                continue
            seen.add((caller.name, page))
            response = caller.client.get(page)
            response.close()
            if response.status_code != 200 or "html" not in response.content_type:
                continue
            parser = PageParser()
            parser.feed(response.get_data(as_text=True))
            for href in parser.links:
                target = urljoin("http://localhost" + page, href)
                matched = match(app, target, "GET")
                if not matched:
                    continue
                endpoint, args, query = matched
                for key, value in args.items():
                    path_values.setdefault(key, value)
                for key, value in query:
                    query_names.setdefault(endpoint, {}).setdefault(key, value)
                path = urlsplit(target).path
                if endpoint not in ("static",) and not path.endswith((".pdf", ".svg", ".js")) \
                        and path.count("/") <= 3 and len(seen) < 600:
                    queue.append(path)
            for form in parser.forms:
                target = urljoin("http://localhost" + page, form.action or page)
                matched = match(app, target, form.method)
                if not matched:
                    continue
                endpoint, args, _query = matched
                form.action = urlsplit(target).path
                first_action = first_actions.setdefault((caller.name, form.method, endpoint), form.action)
                if form.method == "GET":
                    for name, f in form.fields.items():
                        query_names.setdefault(endpoint, {}).setdefault(name, f.value)
                elif form.action == first_action:  # the same form for another record adds nothing
                    forms.setdefault((caller.name, form.method, endpoint), []).append(form)
    return forms, query_names, path_values


def source_names(app, endpoint: str) -> list[str]:
    """The names a view reads from the request, and those the parsers it hands the request to read."""
    view = app.view_functions.get(endpoint)
    try:
        view = inspect.unwrap(view)
        source = inspect.getsource(view)
    except (TypeError, OSError):
        return []
    names = {a or b for a, b in SOURCE_NAMES.findall(source)}
    helpers = set(HANDED_REQUEST.findall(source)) | set(PRIVATE_CALLS.findall(source))
    pending = [(helper, view.__globals__, 2) for helper in sorted(helpers)]
    while pending:
        helper, scope, depth = pending.pop()
        function = scope.get(helper)
        try:
            helper_source = inspect.getsource(function)
        except (TypeError, OSError):
            continue
        names |= set(PARSER_NAMES.findall(helper_source)) | {a or b for a, b in SOURCE_NAMES.findall(helper_source)}
        if depth > 1:
            pending += [(inner, function.__globals__, depth - 1) for inner in HANDED_ARGS.findall(helper_source)]
    return sorted(n for n in names if n != "csrf_token")


def fill(rule, values: dict, override: dict | None = None) -> str:
    path = rule.rule
    for name in rule.arguments:
        value = (override or {}).get(name, values.get(name))
        if value is None:  # a placeholder the world has no value for: a plausible one
            value = 1 if type(rule._converters[name]).__name__ in ("IntegerConverter", "NumberConverter") else "x"
        text = str(value)
        encoded = text if "%" in text and name in (override or {}) else quote(_b(text), safe="/" if name in ("key", "filename") else "")
        path = re.sub(r"<(?:[^:<>]+:)?" + name + ">", lambda _m: encoded, path)
    return path


def text_pairs_probes(caller, method, path, where, pairs, fields, rng, cap, multipart_form, at_once_cap=None):
    """One field at a time with the kinds that fit it, then every field at once with each kind."""
    def body_of(new_pairs):
        if method == "GET":
            return {"query": urlencoded(new_pairs)}
        if multipart_form:
            data, content_type = multipart(new_pairs)
            return {"body": data, "content_type": content_type}
        return {"body": urlencoded(new_pairs), "content_type": "application/x-www-form-urlencoded"}

    mutable = [f for f in fields if f.name != "csrf_token" and f.type != "submit"]
    text_names = list(TEXT_KINDS)
    singles = []
    for index, f in enumerate(mutable):
        family = {"number": NUMBER_KINDS, "date": DATE_KINDS, "text": {}, "file": {}, "enum": {}}[f.family]
        kinds = dict(family)
        if f.family == "enum":
            option = next((o for o in f.options if o), "x")
            kinds.update({"unknown-enum": "no_such_value", "mixed-case enum": option.swapcase(),
                          "fullwidth enum": option.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})})
        for name in (text_names[index % len(text_names)], text_names[(index + 4) % len(text_names)]):
            kinds[name] = TEXT_KINDS[name]
        if f.family == "file":
            for name, filename in (("traversal", "../../etc/passwd.png"), ("lone-surrogate", "\ud800.png"),
                                   ("nul", "a\x00.png"), ("over-long path", "长" * 3000 + ".png")):
                singles.append((f"{name} (file name)", f.name, [(k, (PNG, filename) if k == f.name else v)
                                                                 for k, v in pairs]))
        for kind, value in kinds.items():
            new_pairs = [(k, value if k == f.name else v) for k, v in pairs]
            if f.name not in dict(pairs):
                new_pairs.append((f.name, value))
            singles.append((kind, f.name, new_pairs))
        if f.family == "text" and index % 3 == 0:
            for kind in ("int>2^63", "unicode-digit ²"):
                singles.append((kind, f.name, [(k, NUMBER_KINDS[kind] if k == f.name else v) for k, v in pairs]
                                + ([] if f.name in dict(pairs) else [(f.name, NUMBER_KINDS[kind])])))
    if len(singles) > cap:
        singles = rng.sample(singles, cap)
    everything = {**NUMBER_KINDS, **DATE_KINDS, **TEXT_KINDS}
    at_once = [(kind, "every field", [(k, value if any(f.name == k for f in mutable) and not isinstance(v, tuple) else v)
                                      for k, v in pairs]) for kind, value in everything.items()]
    if at_once_cap is not None:
        at_once = rng.sample(at_once, at_once_cap)
    for kind, where_field, new_pairs in at_once + singles:
        yield Probe(caller, method, path, kind, f"{where}:{where_field}", **body_of(new_pairs))


def json_baselines(app, known) -> dict:
    """A body each JSON operation accepts, to spoil one place at a time (else {} and the schema's keys)."""
    from tests.factories import intake_payload

    return {
        ("post", "/cases"): intake_payload(7),
        ("post", "/cases/{case_no}/events"): {"event": "mediation_succeeded", "version": 2, "note": "备注",
                                              "data": {"terms": "一次性支付", "amount": "3000", "pay_by": "2026-12-20"}},
        ("post", "/status"): {"case_no": known["case_no"], "access_code": "ABCD-EFGH"},
        ("post", "/assessments"): {"facts": "每天在平台接单送餐，站长排班，迟到罚款。", "occupation": "food_delivery",
                                   "factors": {"schedule_controlled": True}, "respondents": [{"name": "某公司"}]},
        ("post", "/intake/check"): {"field": "phone", "value": "13912345678"},
        ("post", "/tokens"): {"username": "nobody", "password": "wrong-password-1"},
        ("post", "/cases/{case_no}/publication"): {"keep_platforms": False},
        ("post", "/typical-cases/{case_id}/publish"): {"version": 1, "confirmed": True},
        ("post", "/typical-cases/{case_id}/withdraw"): {"version": 1, "reason": "信息有误"},
        ("post", "/alerts/{alert_id}/acknowledge"): {"note": "已处理"},
    }


def openapi_operations(sweep: Sweep):
    document = sweep.callers["api"][1].client.get("/api/v1/openapi.json", headers=sweep.callers["api"][1].headers).get_json()
    schemas = document.get("components", {}).get("schemas", {})

    def resolve(schema):
        while isinstance(schema, dict) and "$ref" in schema:
            schema = schemas.get(schema["$ref"].rsplit("/", 1)[-1], {})
        return schema or {}

    for path, operations in sorted(document["paths"].items()):
        for method, operation in sorted(operations.items()):
            query = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            properties = sorted(resolve(body).get("properties", {})) if body else []
            yield path, method, query, body is not None, properties


# ---------------------------------------------------------------------------------------------


def test_every_route_and_operation_answers_bad_input_without_a_server_error(sweep):
    """The quick sample (about 5,000 probes, some 90 s): every route, every caller, every kind."""
    run_sweep(*sweep, QUICK)


@pytest.mark.slow
def test_a_wide_sample_of_bad_input_finds_no_server_error_either(sweep):
    """The wide sample (about 9,000 probes, several minutes): more kinds in more places per route."""
    run_sweep(*sweep, WIDE)


def run_sweep(sweep: Sweep, known: dict, budget: Budget) -> None:
    app = sweep.app
    forms, query_names, path_values = harvest(sweep, known)
    # What the OpenAPI document adds to the API's places (its query parameters and body keys).
    api_ops = {}
    for path, method, query, has_body, properties in openapi_operations(sweep):
        api_ops[(method.upper(), "/api/v1" + re.sub(r"\{(\w+)\}", r"<\1>", path))] = (query, has_body, properties)
    baselines = json_baselines(app, path_values)
    sweep.world.save()

    started = time.monotonic()
    rules = sorted(app.url_map.iter_rules(), key=lambda r: (bool(SESSION_ENDING.search(r.endpoint + r.rule)), r.rule))
    covered = set()
    for rule in rules:
        is_api = rule.rule.startswith("/api/")
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if PROGRESS:
                print(f"{time.monotonic() - started:7.1f}s {sweep.probes:6d} {method} {rule.rule}", flush=True)
            sweep.world.restore()
            covered.add((method, rule.rule))
            plain_rule = re.sub(r"<(?:[^:<>]+:)?(\w+)>", r"<\1>", rule.rule)
            query, has_body, properties = api_ops.get((method, plain_rule), ([], False, []))
            callers = sweep.callers["api" if is_api else "html"]
            for caller in callers:
                if not caller.signed_in():
                    caller.enter()
                rng = seeded(rule.rule, method, caller.name)
                base_path = fill(rule, path_values)
                if base_path is None:
                    continue
                # Is this caller let in at all? Refused callers get a smaller sample.
                probe_form = forms.get((caller.name, method, rule.endpoint)) or []
                base_body = baselines.get((method.lower(), _api_template(rule.rule)), {}) if is_api else None
                refused = _refused(caller, method, base_path, probe_form, base_body)
                cap = budget.refused_singles if refused else budget.singles
                at_once_cap = budget.at_once_refused if refused else None
                # 1. path parameters
                for name in rule.arguments:
                    kinds = list(PATH_KINDS.items())
                    wanted = budget.refused_path if refused else budget.path
                    if wanted < len(kinds):
                        first = kinds[:1] if name in _int_arguments(rule) else []
                        kinds = first + rng.sample(kinds[1:] if first else kinds, wanted - len(first))
                    for kind, value in kinds:
                        path = fill(rule, path_values, {name: value})
                        body = None
                        if method == "POST" and not is_api:
                            body = urlencoded([("csrf_token", caller.csrf)])
                        elif method == "POST":
                            body = json_bytes(baselines.get((method.lower(), _api_template(rule.rule)), {}))
                        sweep.send(caller, Probe(caller.name, method, path, kind, f"path:{name}", body=body,
                                                 content_type="application/json" if is_api else
                                                 "application/x-www-form-urlencoded"))
                # 2. query string, forms and bodies
                if method == "GET":
                    names = dict(query_names.get(rule.endpoint, {}))
                    names.update({n: "" for n in query})
                    names.update({n: "" for n in source_names(app, rule.endpoint) if n not in names})
                    if names:
                        fields = [Field(n, "text", "") for n in sorted(names)]
                        for probe in text_pairs_probes(caller.name, "GET", base_path, "query", [], fields, rng, cap, False,
                                                       at_once_cap):
                            sweep.send(caller, probe)
                elif is_api:
                    template = _api_template(rule.rule)
                    base = baselines.get((method.lower(), template)) or {k: "x" for k in properties}
                    _json_probes(sweep, caller, method, base_path, base, rng,
                                 budget.refused_singles if refused else budget.json_singles,
                                 budget.refused_raw if refused else len(RAW_BODIES))
                else:
                    if not probe_form:
                        names = source_names(app, rule.endpoint)
                        probe_form = [Form(method, base_path, False, {n: Field(n) for n in names})]
                    for form_index, form in enumerate(probe_form[:6]):
                        pairs = [(k, caller.csrf if k == "csrf_token" else v) for k, v in form.baseline()]
                        if not any(k == "csrf_token" for k, _v in pairs):
                            pairs.append(("csrf_token", caller.csrf))
                        for probe in text_pairs_probes(caller.name, method, form.action if "<" not in form.action
                                                       else base_path, f"form{form_index}", pairs,
                                                       list(form.fields.values()), rng, cap, form.multipart,
                                                       at_once_cap):
                            sweep.send(caller, probe)
    sweep.world.restore()
    _long_note_then_case_summary(sweep, known)

    summary = (f"{sweep.probes} probes, {len(sweep.kinds)} kinds, {len(covered)} route/method pairs, "
               f"statuses {dict(sorted(sweep.statuses.items()))}")
    print("\n" + summary)
    print("kinds:", dict(sorted(sweep.kinds.items())))
    assert not sweep.failures, summary + "\n" + "\n".join(sweep.failures[:60]) + f"\n… {len(sweep.failures)} in all"
    # The sweep really reached every route of the URL map (less the static files).
    assert {r.rule for r in app.url_map.iter_rules()} <= {rule for _m, rule in covered}


def _api_template(rule: str) -> str:
    return re.sub(r"<(?:[^:<>]+:)?(\w+)>", r"{\1}", rule.removeprefix("/api/v1"))


def _refused(caller, method, path, forms, body) -> bool:
    """Whether the route turns this caller away before reading anything (then a smaller sample)."""
    if method == "GET":
        response = caller.client.get(path, headers=caller.headers)
    elif body is not None:
        response = caller.client.open(path, method=method, headers=caller.headers, data=json_bytes(body),
                                      content_type="application/json")
    else:
        return not forms  # the pages never hand this caller a form for it
    response.close()
    db.session.rollback()
    return response.status_code in (302, 401, 403, 404)


def _int_arguments(rule) -> set[str]:
    return {name for name, converter in rule._converters.items()
            if type(converter).__name__ in ("IntegerConverter", "NumberConverter")}


def _json_probes(sweep: Sweep, caller, method, path, base, rng, cap, raw_cap):
    probes = []
    raw_bodies = list(RAW_BODIES.items())
    for kind, raw in raw_bodies if raw_cap >= len(raw_bodies) else rng.sample(raw_bodies, raw_cap):
        probes.append(Probe(caller.name, method, path, kind, "body", body=raw, content_type="application/json"))
    probes.append(Probe(caller.name, method, path, "wrong content type", "body", body=urlencoded([("a", "b")]),
                        content_type="application/x-www-form-urlencoded"))
    singles = []
    for place in leaf_paths(base):
        for kind, value in JSON_KINDS.items():
            singles.append(Probe(caller.name, method, path, kind, "json:" + ".".join(map(str, place)),
                                 body=json_bytes(replaced(base, place, value)), content_type="application/json"))
    for kind in ("wrong-type list", "lone-surrogate", "int>2^63"):
        singles.append(Probe(caller.name, method, path, kind, "json:unknown key",
                             body=json_bytes({**base, "\ud800" if kind == "lone-surrogate" else "zz": JSON_KINDS[kind]}),
                             content_type="application/json"))
    if len(singles) > cap:
        # Keep every kind in every top-level key at least once, then sample the rest.
        singles = rng.sample(singles, cap)
    for probe in probes + singles:
        sweep.send(caller, probe)


def _long_note_then_case_summary(sweep: Sweep, known):
    """The audit's case: an event note of 900+ characters made the case-summary PDF fail for good."""
    from tests.support import csrf_token

    mediator = next(c for c in sweep.callers["html"] if c.name == "mediator")
    api = next(c for c in sweep.callers["api"] if c.name == "mediator-api")
    for caller in (mediator, api):
        if not caller.signed_in():
            caller.enter()
    case_no, access_code = known["notes_case"]
    worker = Caller("worker", sweep.app.test_client())
    worker.client.post("/status", data={"csrf_token": csrf_token(worker.client, "/status"),
                                        "case_no": case_no, "access_code": access_code})
    notes = {"900+ note": ("refer_legal_aid", "调解员记录：" + "申请人陈述站点扣款情况，" * 90, {"reason": "经济困难"}),
             "note without spaces": ("mediation_failed", "W" * 1999, {"reason": "\n" * 500 + "双方分歧较大"})}
    for kind, (event, note, data) in notes.items():
        answer = api.client.get(f"/api/v1/cases/{case_no}", headers=api.headers)
        assert answer.status_code == 200, (answer.status_code, answer.get_data(as_text=True)[:300])
        case = answer.get_json()
        response = sweep.send(api, Probe(api.name, "POST", f"/api/v1/cases/{case_no}/events", kind, "json:note",
                                         body=json_bytes({"event": event, "version": case["version"], "note": note,
                                                          "data": data}),
                                         content_type="application/json"))
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        for caller, url in ((mediator, f"/cases/{case_no}/documents/case_summary.pdf"),
                            (mediator, f"/cases/{case_no}/documents/case_summary.pdf?lang=en"),
                            (mediator, f"/cases/{case_no}/documents/case_summary"),
                            (mediator, f"/cases/{case_no}"),
                            (worker, "/status/case/documents/case_summary.pdf"),
                            (worker, "/status/case")):
            sweep.send(caller, Probe(caller.name, "GET", url, kind, "stored note, then the page"))


def test_values_stored_before_the_doors_were_closed_never_break_a_page(app, client, auth, file_case):
    """Text the doors now refuse may already be in the database (JSON columns keep "\\ud800" as an
    escape; old notes run to 2,000 characters): every page and PDF of the case still answers."""
    from disputes.cases.services import apply_event
    from disputes.documents import DOCUMENT_KINDS
    from disputes.models import Case, Respondent, Worker

    mediator = auth.login_as("mediator")
    case = file_case(filed_by=mediator).case
    apply_event(case, "accept", mediator, expected_version=case.version)
    long_note = "\n".join(["调解记录：申请人陈述站点扣款情况"] * 110)
    apply_event(case, "refer_legal_aid", mediator, expected_version=case.version, note=long_note,
                data={"reason": "困难\ud800" + "长" * 1900})
    apply_event(case, "mediation_failed", mediator, expected_version=case.version, note="W" * 1999,
                data={"reason": "https://example.org/" + "a" * 1900})
    db.session.execute(sa.update(Respondent).where(Respondent.case_id == case.id).values(name="某" * 128))
    db.session.execute(sa.update(Worker).where(Worker.case_id == case.id).values(name="某" * 64))
    db.session.execute(sa.update(Case).where(Case.id == case.id).values(facts="站长要求每天在线十小时。" * 1500 + "W" * 5000))
    db.session.commit()
    for kind in DOCUMENT_KINDS:
        for url in (f"/cases/{case.case_no}/documents/{kind}", f"/cases/{case.case_no}/documents/{kind}.pdf",
                    f"/cases/{case.case_no}/documents/{kind}.pdf?lang=en"):
            response = client.get(url)
            assert response.status_code < 500, (url, response.get_data(as_text=True)[:300])
    assert client.get(f"/cases/{case.case_no}").status_code == 200
    summary = client.get(f"/cases/{case.case_no}/documents/case_summary.pdf")
    assert summary.status_code == 200 and summary.data.startswith(b"%PDF")


def test_the_doors_say_what_is_wrong_and_change_nothing(app, client, auth, make_user, file_case):
    """The refusals the sweep relies on, each with its status and its message."""
    from tests.support import csrf_token

    from tests.support import Auth

    user, headers = auth.token_for("mediator")
    case = file_case(filed_by=user).case
    browser = app.test_client()
    Auth(browser, make_user).login_as("mediator")
    before = fingerprint()
    surrogate = client.post(f"/api/v1/cases/{case.case_no}/events", headers=headers, content_type="application/json",
                            data=b'{"event": "accept", "version": 1, "note": "\\ud800"}')
    assert surrogate.status_code == 400 and surrogate.get_json()["errors"] == {"note": "包含无法识别的字符（空字符或残缺的 Unicode 字符），请删除后重试。"}
    nested = "x"
    for _level in range(40):
        nested = [nested]
    deep = client.post("/api/v1/assessments", headers=headers, json={"facts": "x", "factors": {"a": nested}})
    assert deep.status_code == 400 and "嵌套层级过深" in deep.get_json()["error"]
    assert client.get("/api/v1/alerts/9223372036854775808/acknowledge", headers=headers).status_code in (404, 405)
    assert client.post("/api/v1/alerts/9223372036854775808/acknowledge", headers=headers, json={}).status_code == 404
    dashboard = client.get("/api/v1/dashboard?from=0001-01-01&to=9999-12-31", headers=headers)
    assert dashboard.status_code == 422 and set(dashboard.get_json()["errors"]) == {"from", "to"}
    assert "1990-01-01" in dashboard.get_json()["errors"]["from"]
    nul = browser.post(f"/cases/{case.case_no}/events", data={"csrf_token": csrf_token(browser, "/workflow"),
                                                             "event": "accept", "version": "1", "note": "a\x00b"})
    assert nul.status_code == 400 and "无法识别的字符" in nul.get_data(as_text=True)
    english = client.post("/api/v1/tokens?lang=en", json={"username": "\ud800", "password": "x"})
    assert english.status_code == 400 and "cannot be read" in english.get_json()["error"]
    assert fingerprint() == before
