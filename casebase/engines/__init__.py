"""Full-text search engines behind one contract (``base.SearchEngine``); pick one with
``casebase.search.open_engine``."""
