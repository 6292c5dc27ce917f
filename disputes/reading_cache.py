"""Readings of a case kept by the case's stamp, for the reads that come again and again.

A worker between orders looks the case up, and looks again; a mediator's client reads the same case
through the API while it works on it. What such a reading says follows from the case at one version
(every change grows it: Case.record_change), the day (deadlines count from today), the holiday
calendar the process counts with, and who reads in which language. So a repeated read fetches only
the case's short row (`case_stamp`), and when the stamp and the day are the ones an entry was made
at, answers with the entry: exactly what a fresh computation would give. A first read, or one after
a change, loads the case with all it holds, as before (bench/portal.py measures both). Users:
portal/services.look_up_status (the worker's status) and cases/reading.py (the API's case).

Only names and contact details come from outside the case (an organisation's phone, a handler's
name); an entry lives `seconds` at most, so an edit there shows within that time.

With Redis (REDIS_URL) the entries are shared by every worker and every server: a reading computed by
one is answered by all, each entry under its key with the stamp and day it was made at and a
Redis expiry of `seconds`. Each process keeps the entries it used in a small near cache in front
(the LRU below). That stays exact for the same reason the shared one is: an entry answers only
when the case's stamp and the day it was made at are those of the read, and it expires with
the shared entry's time, not later. If Redis stops answering, lookups fall back to the near cache
and the database; a reading is never wrong, only computed more often.
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
from datetime import date, datetime, timezone
from typing import Any

from workflows import registered_stamp

log = logging.getLogger(__name__)
_FROM_APP = object()  # look the shared store up in the current app (REDIS_URL)


@dataclass(frozen=True)
class CachedReading:
    stamp: int | str
    day: date
    value: dict[str, Any]
    stored_at: float

    def answers(self, stamp: int | str, day: date) -> bool:
        return self.stamp == stamp and self.day == day


class ReadingCache:
    """At most `size` readings, each for at most `seconds`, least recently used dropped first.

    `name` tells its entries from other caches' in the shared Redis.
    """

    def __init__(self, size: int, seconds: float, *, name: str, clock: Callable[[], float] = time.monotonic,
                 shared: Any = _FROM_APP, wall_clock: Callable[[], float] = time.time):
        self.size = size
        self.key_prefix = f"disputes:{name}:"
        self.seconds = seconds
        self._clock = clock
        self._wall_clock = wall_clock
        self._entries: OrderedDict[Hashable, CachedReading] = OrderedDict()
        self._lock = threading.Lock()  # gthread workers share a process
        # A redis.Redis client, or None for a cache of this process alone.
        self.shared = _app_redis() if shared is _FROM_APP else shared

    @property
    def enabled(self) -> bool:
        return self.seconds > 0 and self.size > 0

    def get(self, key: Hashable) -> CachedReading | None:
        """The entry under key while it is fresh; whether it still answers is the caller's to check."""
        if not self.enabled:
            return None
        entry = self._near_get(key)
        if entry is None and self.shared is not None:
            entry = self._shared_get(key)
        return entry

    def put(self, key: Hashable, stamp: int | str, day: date, value: dict[str, Any]) -> None:
        if not self.enabled:
            return
        self._near_put(key, CachedReading(stamp, day, value, self._clock()))
        if self.shared is not None:
            self._shared_put(key, stamp, day, value)

    def _near_get(self, key: Hashable) -> CachedReading | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if self._clock() - entry.stored_at >= self.seconds:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry

    def _near_put(self, key: Hashable, entry: CachedReading) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    # The shared store: JSON under one key per entry (a case number with its reader), expiring with it.

    def redis_key(self, key: Hashable) -> str:
        parts = key if isinstance(key, tuple) else (key,)
        return self.key_prefix + ":".join(str(part) for part in parts)

    def _shared_get(self, key: Hashable) -> CachedReading | None:
        from redis.exceptions import RedisError

        try:
            raw = self.shared.get(self.redis_key(key))
        except RedisError as failure:
            log.warning("reading cache: Redis unavailable (%s); computing the reading", failure)
            return None
        if raw is None:
            return None
        try:
            stored = json.loads(raw)
            entry_age = self._wall_clock() - stored["stored_at"]
            entry = CachedReading(stored["stamp"], date.fromisoformat(stored["day"]), stored["value"],
                                 self._clock() - max(entry_age, 0.0))
        except (ValueError, KeyError, TypeError):
            return None
        if entry_age >= self.seconds:
            return None
        self._near_put(key, entry)  # it keeps the shared entry's age, so it expires no later
        return entry

    def _shared_put(self, key: Hashable, stamp: int | str, day: date, value: dict[str, Any]) -> None:
        from redis.exceptions import RedisError

        try:
            encoded = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            return  # not plain data: kept in this process only
        if json.loads(encoded) != value:
            return  # JSON would change it (a tuple, a non-string key): kept in this process only
        value = json.dumps({"stamp": stamp, "day": day.isoformat(), "stored_at": self._wall_clock(),
                            "value": json.loads(encoded)}, ensure_ascii=False)
        try:
            self.shared.set(self.redis_key(key), value, ex=max(1, math.ceil(self.seconds)))
        except RedisError as failure:
            log.warning("reading cache: Redis unavailable (%s); reading kept in this process only", failure)


def app_reading_cache(name: str, config_prefix: str) -> ReadingCache:
    """The current app's cache called `name`, made at its first use from `<config_prefix>_SIZE` and
    `<config_prefix>_SECONDS`."""
    from flask import current_app

    key = f"reading_cache:{name}"
    cache = current_app.extensions.get(key)
    if cache is None:
        cache = current_app.extensions[key] = ReadingCache(
            current_app.config[f"{config_prefix}_SIZE"], current_app.config[f"{config_prefix}_SECONDS"], name=name)
    return cache


def case_stamp(version: int, updated_at: datetime) -> str:
    """What a kept reading of a case must have been made at: the case's version and the time of its
    last change (so two databases behind one Redis never share a stamp), and the holiday arrangements
    this process counts with (an arrangement entered moves deadlines without touching the case).

    The time is written in UTC without its zone: SQLite gives it back naive, while the case just
    written in this session still holds the aware value it was given, and both must name one stamp."""
    if updated_at.tzinfo is not None:
        updated_at = updated_at.astimezone(timezone.utc).replace(tzinfo=None)
    return f"{version}@{updated_at.isoformat()}@{registered_stamp()}"


def _app_redis():
    """The app's Redis client when there is an app and it has REDIS_URL, else None."""
    from flask import current_app, has_app_context

    if not has_app_context():
        return None
    from disputes.extensions import redis_client

    return redis_client(current_app)
