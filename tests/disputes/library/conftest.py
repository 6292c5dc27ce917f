import pytest


@pytest.fixture
def library(app):
    """The shipped library, imported and indexed (as `seed demo` does)."""
    from disputes.seeding import seed_library

    seed_library()
