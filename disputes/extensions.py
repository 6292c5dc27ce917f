"""The Flask extension singletons, initialised by create_app()."""
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from disputes.models.base import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


class RedisUnavailable(RuntimeError):
    """REDIS_URL is not set, or the server it names does not answer."""


def redis_client(app=None):
    """The Redis client of this app (one connection pool per process), or None without REDIS_URL.

    redis-py's pool notices a fork and opens fresh connections in the child, so gunicorn's
    preloaded workers and the job worker's work horses each get their own.
    """
    from flask import current_app

    app = app or current_app
    client = app.extensions.get("redis")
    if client is None and app.config.get("REDIS_URL"):
        from redis import Redis

        client = app.extensions["redis"] = Redis.from_url(
            app.config["REDIS_URL"], socket_connect_timeout=2, socket_timeout=10, health_check_interval=30)
    return client


def require_redis(app, purpose: str) -> None:
    """Raise RedisUnavailable, saying what to do, unless the Redis server of REDIS_URL answers."""
    from redis.exceptions import RedisError

    url = app.config.get("REDIS_URL")
    if not url:
        raise RedisUnavailable(
            f"{purpose} needs Redis, and REDIS_URL is not set. Start a Redis server and set REDIS_URL "
            "(for example unix:///path/to/instance/redis.sock or redis://127.0.0.1:6379/0); `make run` "
            "installs and starts one for you. Migrations, `user create`, backup and restore work without it.")
    try:
        redis_client(app).ping()
    except RedisError as failure:
        raise RedisUnavailable(f"{purpose} needs Redis, and the server at REDIS_URL={url} does not answer "
                               f"({failure}). Start it (`make run` does), or fix REDIS_URL.") from None
