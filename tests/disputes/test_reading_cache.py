"""The per-process reading cache: entries expire, the least recently used go first, 0 seconds is off,
and an entry answers only for the version and the day it was made at."""
from datetime import date

from disputes.reading_cache import ReadingCache

DAY = date(2026, 12, 1)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_an_entry_is_kept_until_it_expires():
    clock = Clock()
    cache = ReadingCache(size=10, seconds=60, clock=clock, name="test")
    cache.put("2026-0000001", 3, DAY, {"state": "submitted"})
    clock.now += 59
    assert cache.get("2026-0000001").value == {"state": "submitted"}
    clock.now += 2
    assert cache.get("2026-0000001") is None and len(cache) == 0


def test_an_entry_answers_only_for_its_version_and_day():
    cache = ReadingCache(size=10, seconds=60, clock=Clock(), name="test")
    cache.put("2026-0000001", 3, DAY, {"state": "submitted"})
    entry = cache.get("2026-0000001")
    assert entry.answers(3, DAY)
    assert not entry.answers(4, DAY) and not entry.answers(3, date(2026, 12, 2))


def test_the_least_recently_used_entry_is_dropped_first():
    cache = ReadingCache(size=2, seconds=60, clock=Clock(), name="test")
    cache.put("a", 1, DAY, {})
    cache.put("b", 1, DAY, {})
    cache.get("a")  # a is now the most recent
    cache.put("c", 1, DAY, {})  # so b goes
    assert len(cache) == 2 and cache.get("b") is None and cache.get("a") is not None


def test_zero_seconds_keeps_nothing():
    cache = ReadingCache(size=10, seconds=0, clock=Clock(), name="test")
    cache.put("a", 1, DAY, {})
    assert cache.get("a") is None and len(cache) == 0
