"""A bearer token's row read as plain values, and its user put into the request's session without
building the objects again.

Every API call reads its token with the user and the user's organisation (whose region decides what
the user may see). Loaded as ORM objects, that cost twice the query itself (84 of ~500 microseconds
of a case read in SQLite). So the row is read with Core, and each process keeps one detached copy of
each user with their organisation, together with the column values it was made from. When the row
read now has exactly those values, the copy is merged into the request's session without a statement
(`Session.merge(load=False)`); when anything differs — a new role, another office, a renamed
organisation — a new copy is made from the row. The user in the session is always what the database
holds at this read, as the ORM load gave.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import orm

from disputes.extensions import db
from disputes.models import ApiToken, Organisation, User

_TOKENS, _USERS, _ORGANISATIONS = ApiToken.__table__, User.__table__, Organisation.__table__


def _attributes(model) -> tuple[tuple[str, sa.Column], ...]:
    """The model's column attributes: (attribute name, column)."""
    return tuple((prop.key, prop.columns[0]) for prop in sa.inspect(model).column_attrs)


_USER_ATTRIBUTES, _ORGANISATION_ATTRIBUTES = _attributes(User), _attributes(Organisation)
_TOKEN_ROW = (
    sa.select(_TOKENS.c.id, _TOKENS.c.expires_at, _TOKENS.c.last_used_at,
              *(column.label(f"user_{key}") for key, column in _USER_ATTRIBUTES),
              *(column.label(f"organisation_{key}") for key, column in _ORGANISATION_ATTRIBUTES))
    .select_from(_TOKENS.join(_USERS, _USERS.c.id == _TOKENS.c.user_id)
                 .outerjoin(_ORGANISATIONS, _ORGANISATIONS.c.id == _USERS.c.organisation_id))
    .where(_TOKENS.c.token_hash == sa.bindparam("token_hash"))
)
_COPIES_KEY = "disputes.token_user_copies"
_COPIES_LIMIT = 4096  # users seen by one process; past it the copies are made afresh
_lock = threading.Lock()


@dataclass(frozen=True)
class TokenRow:
    """What a bearer request needs of its token: which one, until when, when last used, and whose."""

    id: int
    expires_at: datetime
    last_used_at: datetime | None
    user: User


def token_row(hashed: str) -> TokenRow | None:
    """The token stored under this hash with its user in the session, or None."""
    row = db.session.connection().execute(_TOKEN_ROW, {"token_hash": hashed}).first()
    if row is None:
        return None
    return TokenRow(row.id, row.expires_at, row.last_used_at, _user_in_session(row._mapping))


def _user_in_session(values) -> User:
    user_values = {key: values[f"user_{key}"] for key, _ in _USER_ATTRIBUTES}
    organisation_values = ({key: values[f"organisation_{key}"] for key, _ in _ORGANISATION_ATTRIBUTES}
                           if values["organisation_id"] is not None else None)
    session = db.session()
    present = session.identity_map.get(orm.util.identity_key(User, user_values["id"]))
    if present is not None:
        return present  # already in this session: the ORM's load would have answered with it too
    made_from = (tuple(user_values.values()), tuple(organisation_values.values()) if organisation_values else None)
    copies = current_app.extensions.setdefault(_COPIES_KEY, {})
    kept = copies.get(user_values["id"])
    if kept is None or kept[0] != made_from:
        kept = (made_from, _detached_copy(user_values, organisation_values))
        with _lock:
            if len(copies) >= _COPIES_LIMIT:
                copies.clear()
            copies[user_values["id"]] = kept
    return session.merge(kept[1], load=False)


def _detached_copy(user_values: dict, organisation_values: dict | None) -> User:
    """A User (with its Organisation) as if loaded and then detached: no session, no pending change."""
    organisation = None
    if organisation_values is not None:
        organisation = Organisation(**organisation_values)
        orm.make_transient_to_detached(organisation)
    user = User(**user_values)
    orm.make_transient_to_detached(user)
    orm.attributes.set_committed_value(user, "organisation", organisation)
    return user
