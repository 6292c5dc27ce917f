"""The worker's status, kept per process by the case's version, for workers who check again and again.

A worker between orders looks the case up, and looks again. What the status says follows from the
case at one version (every change grows it: Case.record_change), the day (deadlines count from
today) and the language, so an entry under that key is exactly what a fresh computation would give.
The lookup then costs one light statement for the case row instead of also loading its claims,
history, files and handlers (measured in bench/portal.py).

Only the contact details come from outside the case (an organisation's phone, a handler's name);
an entry lives `seconds` at most, so an edit there shows within that time. Each process keeps its
own entries: nothing is shared, so several servers stay as correct as one.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class StatusCache:
    """At most `size` statuses, each for at most `seconds`, least recently used dropped first."""

    def __init__(self, size: int, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.size = size
        self.seconds = seconds
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[float, dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()  # gthread workers share a process

    def get_or_compute(self, key: Hashable, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if self.seconds <= 0 or self.size <= 0:
            return compute()
        now = self._clock()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and now - entry[0] < self.seconds:
                self._entries.move_to_end(key)
                return entry[1]
        status = compute()
        with self._lock:
            self._entries[key] = (now, status)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return status

    def __len__(self) -> int:
        return len(self._entries)
