"""People who sign in, the API tokens they hold, and the portal sessions workers have ended."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from disputes.models.base import Base, in_list, utcnow
from disputes.models.organisation import Organisation
from workflows.roles import ROLES


class User(UserMixin, Base):
    """A person with an account: a worker, mediator, arbitrator, legal-aid officer or admin."""

    __tablename__ = "users"
    __table_args__ = (sa.CheckConstraint(in_list("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(64))
    role: Mapped[str] = mapped_column(sa.String(16), index=True)
    password_hash: Mapped[str] = mapped_column(sa.String(256))
    organisation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    phone: Mapped[str | None] = mapped_column(sa.String(32))
    active: Mapped[bool] = mapped_column(default=True)
    # Counted up at logout, at a password change and when an admin disables the account: a signed-in
    # session carries the number it began under, and one with an older number no longer signs anyone in.
    session_generation: Mapped[int] = mapped_column(default=0, server_default=sa.text("0"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    organisation: Mapped[Organisation | None] = relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def get_id(self) -> str:
        """What the session keeps: the id and the session generation ("7.2"), so ending the
        generation ends every session begun under it (Flask-Login's alternative-token pattern)."""
        return f"{self.id}.{self.session_generation or 0}"

    def __repr__(self) -> str:
        return f"<User {self.username} {self.role}>"


class ApiToken(Base):
    """A bearer token for the JSON API; only its SHA-256 is stored, the token itself is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()


class PortalSessionEnd(Base):
    """A worker's portal session that was ended by leaving, before its time ran out.

    The portal session lives in the signed cookie; its random nonce is recorded here when the worker
    leaves, so a copy of the cookie replayed later is refused by the server, not only forgotten by
    the browser. Rows are needed only until the session would have expired anyway.
    """

    __tablename__ = "portal_session_ends"

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)
