"""The per-process status cache: entries expire, the least recently used go first, 0 seconds is off."""
from disputes.portal.status_cache import StatusCache


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def counting(value):
    calls = []

    def compute():
        calls.append(value)
        return {"value": value}
    return compute, calls


def test_an_entry_answers_until_it_expires():
    clock = Clock()
    cache = StatusCache(size=10, seconds=60, clock=clock)
    compute, calls = counting("a")
    cache.get_or_compute(("case", 1), compute)
    clock.now += 59
    cache.get_or_compute(("case", 1), compute)
    clock.now += 2
    cache.get_or_compute(("case", 1), compute)
    assert len(calls) == 2


def test_the_least_recently_used_entry_is_dropped_first():
    cache = StatusCache(size=2, seconds=60, clock=Clock())
    computes = {key: counting(key) for key in "abc"}
    for key in "ab":
        cache.get_or_compute(key, computes[key][0])
    cache.get_or_compute("a", computes["a"][0])  # a is now the most recent
    cache.get_or_compute("c", computes["c"][0])  # so b goes
    cache.get_or_compute("a", computes["a"][0])
    cache.get_or_compute("b", computes["b"][0])
    assert len(cache) == 2
    assert (len(computes["a"][1]), len(computes["b"][1])) == (1, 2)


def test_zero_seconds_computes_every_time_and_keeps_nothing():
    cache = StatusCache(size=10, seconds=0, clock=Clock())
    compute, calls = counting("a")
    for _ in range(3):
        cache.get_or_compute("a", compute)
    assert len(calls) == 3 and len(cache) == 0
