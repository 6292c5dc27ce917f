"""The worker's status, kept per process by the case's version, for workers who check again and again.

A worker between orders looks the case up, and looks again. What the status says follows from the
case at one version (every change grows it: Case.record_change), the day (deadlines count from
today) and the language. So a repeated lookup reads only the case's id, version and code hash, and
when the version and the day are the ones an entry was made at, answers with the entry: exactly
what a fresh computation would give. A first lookup, or one after a change, loads the case with all
it holds in one statement, as before (bench/portal.py measures both).

Only the contact details come from outside the case (an organisation's phone, a handler's name);
an entry lives `seconds` at most, so an edit there shows within that time.

With Redis (REDIS_URL) the entries are shared by every worker and every server: a status computed by
one is answered by all, each entry under its key with the version and day it was made at and a
Redis expiry of `seconds`. Each process keeps the entries it used in a small near cache in front
(the LRU below). That stays exact for the same reason the shared one is: an entry answers only
when the case's version and the day it was made at are those of the lookup, and it expires with
the shared entry's time, not later. If Redis stops answering, lookups fall back to the near cache
and the database; a status is never wrong, only computed more often.
"""
from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any

log = logging.getLogger(__name__)
KEY_PREFIX = "disputes:portal-status:"
_FROM_APP = object()  # look the shared store up in the current app (REDIS_URL)


@dataclass(frozen=True)
class CachedStatus:
    version: int
    day: date
    status: dict[str, Any]
    stored_at: float

    def answers(self, version: int, day: date) -> bool:
        return self.version == version and self.day == day


class StatusCache:
    """At most `size` statuses, each for at most `seconds`, least recently used dropped first."""

    def __init__(self, size: int, seconds: float, clock: Callable[[], float] = time.monotonic,
                 shared: Any = _FROM_APP, wall_clock: Callable[[], float] = time.time):
        self.size = size
        self.seconds = seconds
        self._clock = clock
        self._wall_clock = wall_clock
        self._entries: OrderedDict[Hashable, CachedStatus] = OrderedDict()
        self._lock = threading.Lock()  # gthread workers share a process
        # A redis.Redis client, or None for a cache of this process alone.
        self.shared = _app_redis() if shared is _FROM_APP else shared

    @property
    def enabled(self) -> bool:
        return self.seconds > 0 and self.size > 0

    def get(self, key: Hashable) -> CachedStatus | None:
        """The entry under key while it is fresh; whether it still answers is the caller's to check."""
        if not self.enabled:
            return None
        entry = self._near_get(key)
        if entry is None and self.shared is not None:
            entry = self._shared_get(key)
        return entry

    def put(self, key: Hashable, version: int, day: date, status: dict[str, Any]) -> None:
        if not self.enabled:
            return
        self._near_put(key, CachedStatus(version, day, status, self._clock()))
        if self.shared is not None:
            self._shared_put(key, version, day, status)

    def _near_get(self, key: Hashable) -> CachedStatus | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if self._clock() - entry.stored_at >= self.seconds:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry

    def _near_put(self, key: Hashable, entry: CachedStatus) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    # The shared store: JSON under one key per (case number, language), expiring with the entry.

    def _shared_get(self, key: Hashable) -> CachedStatus | None:
        from redis.exceptions import RedisError

        try:
            raw = self.shared.get(redis_key(key))
        except RedisError as failure:
            log.warning("status cache: Redis unavailable (%s); computing the status", failure)
            return None
        if raw is None:
            return None
        try:
            stored = json.loads(raw)
            entry_age = self._wall_clock() - stored["stored_at"]
            entry = CachedStatus(stored["version"], date.fromisoformat(stored["day"]), stored["status"],
                                 self._clock() - max(entry_age, 0.0))
        except (ValueError, KeyError, TypeError):
            return None
        if entry_age >= self.seconds:
            return None
        self._near_put(key, entry)  # it keeps the shared entry's age, so it expires no later
        return entry

    def _shared_put(self, key: Hashable, version: int, day: date, status: dict[str, Any]) -> None:
        from redis.exceptions import RedisError

        try:
            encoded = json.dumps(status, ensure_ascii=False)
        except (TypeError, ValueError):
            return  # not plain data: kept in this process only
        if json.loads(encoded) != status:
            return  # JSON would change it (a tuple, a non-string key): kept in this process only
        value = json.dumps({"version": version, "day": day.isoformat(), "stored_at": self._wall_clock(),
                            "status": json.loads(encoded)}, ensure_ascii=False)
        try:
            self.shared.set(redis_key(key), value, ex=max(1, math.ceil(self.seconds)))
        except RedisError as failure:
            log.warning("status cache: Redis unavailable (%s); status kept in this process only", failure)


def redis_key(key: Hashable) -> str:
    parts = key if isinstance(key, tuple) else (key,)
    return KEY_PREFIX + ":".join(str(part) for part in parts)


def _app_redis():
    """The app's Redis client when there is an app and it has REDIS_URL, else None."""
    from flask import current_app, has_app_context

    if not has_app_context():
        return None
    from disputes.extensions import redis_client

    return redis_client(current_app)
