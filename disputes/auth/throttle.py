"""Wrong passwords for one account, counted across addresses, in the limiter's shared store.

The login routes also limit every attempt per address (LOGIN_RATE_LIMIT). That alone lets someone
with many addresses guess one account's password; counting per account alone would let anyone
lock a mediator out by typing wrong passwords under their name. So, once an account has had
LOGIN_ACCOUNT_LIMIT wrong passwords within the window, only the addresses that gave a wrong
password for it in that window are refused; an address that has not (the mediator's own desk or
phone) is still let try. A guesser then gets one wrong try per address per window.
"""
from __future__ import annotations

import math
import time

from flask import current_app
from flask_limiter.util import get_remote_address
from limits import parse

from disputes.errors import TooManyAttempts
from disputes.extensions import limiter


def _limit():
    return parse(current_app.config["LOGIN_ACCOUNT_LIMIT"])


def _keys(username: str) -> tuple[str, str]:
    account = "login-failures:" + (username or "").strip().casefold()[:150]
    return account, f"{account}|from:{get_remote_address()}"


def refuse_if_guessing(username: str) -> None:
    """TooManyAttempts when the account's budget of wrong passwords is spent and this address spent some."""
    if not current_app.config["RATELIMIT_ENABLED"]:
        return
    item, (account, here) = _limit(), _keys(username)
    try:
        if limiter.limiter.test(item, account):
            return
        stats = limiter.limiter.get_window_stats(item, here)
    except Exception:  # the shared store is down: the per-address limit still stands; never a 500
        current_app.logger.exception("login throttle store unavailable")
        return
    if stats.remaining < item.amount:
        raise TooManyAttempts(math.ceil(stats.reset_time - time.time()))


def count_wrong_password(username: str) -> None:
    if not current_app.config["RATELIMIT_ENABLED"]:
        return
    item, (account, here) = _limit(), _keys(username)
    try:
        limiter.limiter.hit(item, account)
        limiter.limiter.hit(item, here)
    except Exception:  # as above
        current_app.logger.exception("login throttle store unavailable")
