"""Configuration read from the environment, with safe defaults for one machine.

Every setting the design names (DATABASE_URL, REPLICA_DATABASE_URL, SECRET_KEY, DISPUTES_INSTANCE_PATH,
DISPUTES_INDEX_DIR, DISPUTES_SEARCH_ENGINE, DISPUTES_PDF_FONT, RATELIMIT_STORAGE_URI, REDIS_URL) is
read here and nowhere else, so a deployment is described by its environment alone.

REDIS_URL names the Redis server every process of one installation shares: `redis://host:port/db`
or `unix:///path/to/redis.sock`. The rate-limit counters (unless RATELIMIT_STORAGE_URI names
another store), the job queue and the portal's status cache live there.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Mapping

from casebase.search import DEFAULT_ENGINE

MEGABYTE = 1024 * 1024
# Where the checkout's own folders are: templates, static files, migrations, node_modules.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_ROOT / "templates"
STATIC_DIR = PROJECT_ROOT / "static"
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"


def instance_path_from_env() -> str | None:
    """The instance folder named by DISPUTES_INSTANCE_PATH, made absolute, or None for Flask's default."""
    value = os.environ.get("DISPUTES_INSTANCE_PATH")
    return str(Path(value).resolve()) if value else None


def load_secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the instance folder.

    Keeping it in a file (mode 0600) means sessions and access-code hashes survive restarts
    without anyone having to invent a key by hand.
    """
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def default_config(instance_path: Path) -> dict[str, Any]:
    """The settings every app starts from before test or deployment overrides."""
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'disputes.sqlite3'}"
    return {
        "SQLALCHEMY_DATABASE_URI": database_url,
        # A ping finds a server that dropped the connection; a SQLite file has no server to lose.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": not database_url.startswith("sqlite")},
        # A read replica of that database for the dashboard's figures, employer records and the
        # spreadsheet exports (docs/deploy.md); unset, they read the primary like everything else.
        "REPLICA_DATABASE_URL": os.environ.get("REPLICA_DATABASE_URL") or None,
        "DISPUTES_INDEX_DIR": os.environ.get("DISPUTES_INDEX_DIR") or str(instance_path / "index"),
        "DISPUTES_EVIDENCE_DIR": os.environ.get("DISPUTES_EVIDENCE_DIR") or str(instance_path / "evidence"),
        "DISPUTES_DOCUMENTS_DIR": os.environ.get("DISPUTES_DOCUMENTS_DIR") or str(instance_path / "documents"),
        "DISPUTES_SEARCH_ENGINE": os.environ.get("DISPUTES_SEARCH_ENGINE", DEFAULT_ENGINE),
        # Apache ECharts as `npm ci` installs it, served by the dashboard from our own origin.
        "DISPUTES_ECHARTS_DIR": str(PROJECT_ROOT / "node_modules" / "echarts" / "dist"),
        "DISPUTES_PDF_FONT": os.environ.get("DISPUTES_PDF_FONT") or None,
        # How many reverse proxies stand in front of the app (0: none; see docs/deploy.md).
        "DISPUTES_TRUSTED_PROXIES": _proxy_hops(os.environ.get("DISPUTES_TRUSTED_PROXIES")),
        "REDIS_URL": os.environ.get("REDIS_URL") or None,
        # None: the Redis server of REDIS_URL when there is one (one count for all workers), else memory.
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI") or None,
        "RATELIMIT_HEADERS_ENABLED": True,
        # Off only for load benchmarks on loopback (bench/), never in production.
        "RATELIMIT_ENABLED": os.environ.get("RATELIMIT_ENABLED", "1") != "0",
        "LOGIN_RATE_LIMIT": "10 per minute",
        # Wrong passwords for one account from all addresses; see auth/throttle.py for who is refused.
        "LOGIN_ACCOUNT_LIMIT": "20 per hour",
        "API_ACCESS_DAYS": 30,  # how long a bearer token stays valid
        "EVIDENCE_MAX_BYTES": 10 * MEGABYTE,
        # The whole request may carry several photos of evidence.
        "MAX_CONTENT_LENGTH": 40 * MEGABYTE,
        "BABEL_DEFAULT_LOCALE": "zh_CN",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Shanghai",
        "LANGUAGES": ("zh_CN", "en"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("DISPUTES_INSECURE_COOKIES") != "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,
        "NOTIFY_SMS_ADAPTER": os.environ.get("NOTIFY_SMS_ADAPTER", "logging"),
        "NOTIFY_EMAIL_ADAPTER": os.environ.get("NOTIFY_EMAIL_ADAPTER", "logging"),
        "PORTAL_SESSION_MINUTES": 30,
        # Statuses kept by case version (disputes/reading_cache.py); 0 seconds turns it off.
        "PORTAL_STATUS_CACHE_SECONDS": float(os.environ.get("PORTAL_STATUS_CACHE_SECONDS", "60")),
        "PORTAL_STATUS_CACHE_SIZE": 4096,
        # The API's case reads, kept by case stamp and reader the same way (cases/reading.py).
        "CASE_READ_CACHE_SECONDS": float(os.environ.get("CASE_READ_CACHE_SECONDS", "60")),
        "CASE_READ_CACHE_SIZE": 4096,
        # The staff's case pages, kept by the page's stamp and reader (cases/page_reading.py); a page is
        # some tens of kilobytes, so fewer are kept in each process.
        "CASE_PAGE_CACHE_SECONDS": float(os.environ.get("CASE_PAGE_CACHE_SECONDS", "60")),
        "CASE_PAGE_CACHE_SIZE": 512,
        # Background jobs (disputes/jobs/): the queue's name, how often a failed job is tried again and
        # after how many seconds each time, and how long finished and failed jobs stay listed.
        "JOBS_QUEUE": os.environ.get("JOBS_QUEUE", "disputes"),
        "JOBS_RETRY_INTERVALS": (30, 120, 600),
        "JOBS_KEEP_SECONDS": 7 * 24 * 3600,
        # How long a web process may go before it looks for a holiday arrangement entered elsewhere.
        "HOLIDAY_SYNC_SECONDS": 30,
        "STATUS_LOOKUP_LIMIT": "10 per minute",
        # Wrong codes for one case from one address; see portal/limits.py for why this is enough.
        "STATUS_LOOKUP_CASE_LIMIT": "5 per 10 minutes",
        "RESET_CASE_LIMIT": "3 per hour;10 per day",
        # Complaints filed without an account, per address. Generous: riders at one station, or
        # behind one mobile carrier's address, file together in a collective dispute.
        "ANONYMOUS_FILING_LIMIT": "20 per hour;100 per day",
        "PASSWORD_HASH_PARAMS": {"time_cost": 3, "memory_cost": 65536, "parallelism": 2},
    }


def _proxy_hops(value: str | None) -> int:
    """The number of trusted proxies: ASCII digits, 0-5; anything else refuses to start."""
    if value in (None, ""):
        return 0
    if not (value.isascii() and value.isdigit()) or int(value) > 5:
        raise RuntimeError(f"DISPUTES_TRUSTED_PROXIES must be a number of proxies from 0 to 5, not {value!r}")
    return int(value)


def apply_config(app, overrides: Mapping[str, Any] | None) -> None:
    """Fill app.config from defaults, then SECRET_KEY, then the caller's overrides."""
    instance_path = Path(app.instance_path)
    app.config.from_mapping(default_config(instance_path))
    if overrides:
        app.config.from_mapping(overrides)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(instance_path)
    if not app.config.get("RATELIMIT_STORAGE_URI"):
        redis_url = app.config.get("REDIS_URL")
        app.config["RATELIMIT_STORAGE_URI"] = limits_storage_uri(redis_url) if redis_url else "memory://"
    if app.debug or app.testing:
        app.config["SESSION_COOKIE_SECURE"] = False
        app.config["REMEMBER_COOKIE_SECURE"] = False
    for key in ("SQLALCHEMY_DATABASE_URI", "REPLICA_DATABASE_URL"):
        if (app.config.get(key) or "").startswith("postgresql://"):
            # psycopg 3 is the driver we ship; the bare scheme would ask for psycopg2.
            app.config[key] = app.config[key].replace("postgresql://", "postgresql+psycopg://", 1)


def limits_storage_uri(redis_url: str) -> str:
    """REDIS_URL as the `limits` library spells it: a unix socket is `redis+unix://`."""
    if redis_url.startswith("unix://"):
        return "redis+unix://" + redis_url[len("unix://"):]
    return redis_url
