"""The worker's status, kept per process by the case's version, for workers who check again and again.

A worker between orders looks the case up, and looks again. What the status says follows from the
case at one version (every change grows it: Case.record_change), the day (deadlines count from
today) and the language. So a repeated lookup reads only the case's id, version and code hash, and
when the version and the day are the ones an entry was made at, answers with the entry: exactly
what a fresh computation would give. A first lookup, or one after a change, loads the case with all
it holds in one statement, as before (bench/portal.py measures both).

Only the contact details come from outside the case (an organisation's phone, a handler's name);
an entry lives `seconds` at most, so an edit there shows within that time. Each process keeps its
own entries: nothing is shared, so several servers stay as correct as one.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any


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

    def __init__(self, size: int, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.size = size
        self.seconds = seconds
        self._clock = clock
        self._entries: OrderedDict[Hashable, CachedStatus] = OrderedDict()
        self._lock = threading.Lock()  # gthread workers share a process

    @property
    def enabled(self) -> bool:
        return self.seconds > 0 and self.size > 0

    def get(self, key: Hashable) -> CachedStatus | None:
        """The entry under key while it is fresh; whether it still answers is the caller's to check."""
        if not self.enabled:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if self._clock() - entry.stored_at >= self.seconds:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: Hashable, version: int, day: date, status: dict[str, Any]) -> None:
        if not self.enabled:
            return
        with self._lock:
            self._entries[key] = CachedStatus(version, day, status, self._clock())
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
