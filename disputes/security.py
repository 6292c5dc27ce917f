"""Security baseline: headers, passwords, access codes, and secrets sealed for the session cookie."""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken
from flask import Flask, current_app

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(self), geolocation=(), microphone=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

_SECURITY_HEADERS_BY_LOWER_NAME = {name.lower(): (name, value) for name, value in SECURITY_HEADERS.items()}

# Crockford's base32 without the letters people misread (I, L, O, U): 5 bits per character.
ACCESS_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ACCESS_CODE_LENGTH = 10  # 50 bits, above the 40 the design asks for


# Pages, JSON and files are personal unless a route says otherwise: a response without its own
# Cache-Control is never stored by the browser or a proxy. The app's own static files, and routes
# that set Cache-Control themselves (a public diagram, a vendored script), keep theirs.
DEFAULT_CACHE_CONTROL = "no-store"


def init_app(app: Flask) -> None:
    """Add the security headers to every response."""

    @app.after_request
    def _security_headers(response):
        # One pass over the headers already set (each setdefault scanned them all: 15 of a hot read's
        # ~600 microseconds).
        present = {name.lower() for name in response.headers.keys()}
        for lowered, (name, value) in _SECURITY_HEADERS_BY_LOWER_NAME.items():
            if lowered not in present:
                response.headers.add(name, value)
        if "cache-control" not in present:
            response.headers.add("Cache-Control", DEFAULT_CACHE_CONTROL)
        if not app.debug and not app.testing and app.config.get("SESSION_COOKIE_SECURE"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


def _password_hasher() -> PasswordHasher:
    return PasswordHasher(**current_app.config["PASSWORD_HASH_PARAMS"])


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _password_hasher().hash(password)


def check_password(password_hash: str, password: str) -> bool:
    """Whether the password matches; never raises on a malformed hash."""
    try:
        return _password_hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError, UnicodeError):  # UnicodeError: a lone surrogate typed in
        return False


def new_access_code() -> str:
    """A random access code for the worker, shown once, e.g. `7KD2M-Q9XA4`."""
    raw = "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise_access_code(code: str) -> str:
    """Upper case without separators, reading O as 0 and I/L as 1 (typed on a phone)."""
    cleaned = re.sub(r"[\s\-]", "", code or "").upper()
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def access_code_hash(code: str) -> str:
    """The keyed hash stored in place of the access code (HMAC-SHA256 under the app's key)."""
    key = hashlib.sha256(("access-code:" + current_app.config["SECRET_KEY"]).encode()).digest()
    return hmac.new(key, normalise_access_code(code).encode(), hashlib.sha256).hexdigest()


def access_code_matches(stored_hash: str, code: str) -> bool:
    """Compare in constant time, so timing tells nothing about the code."""
    return hmac.compare_digest(stored_hash, access_code_hash(code))


def token_hash(token: str) -> str:
    """SHA-256 of an API token (tokens are long and random, so no key is needed)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _session_sealer() -> Fernet:
    key = hashlib.sha256(("session-seal:" + current_app.config["SECRET_KEY"]).encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal_for_session(secret: str) -> str:
    """A secret encrypted (Fernet: AES-128-CBC and HMAC-SHA256, under a key derived from the app's
    key) so it can ride in the signed session cookie without being readable there."""
    return _session_sealer().encrypt(secret.encode()).decode("ascii")


def unseal_from_session(sealed: object, max_age_seconds: int) -> str | None:
    """The secret sealed by seal_for_session, or None if it is not one, was altered, or is too old."""
    if not isinstance(sealed, str):
        return None
    try:
        return _session_sealer().decrypt(sealed.encode("ascii"), ttl=max_age_seconds).decode()
    except (InvalidToken, UnicodeError, ValueError):
        return None
