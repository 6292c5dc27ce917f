"""A bare Flask hello-world, the yardstick bench/portal.py compares the portal with."""
from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return "hello"
