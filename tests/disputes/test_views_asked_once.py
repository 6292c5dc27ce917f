"""The app asks each view and hook once whether it is a coroutine function (disputes.DisputesFlask)."""
import inspect


def test_a_view_is_asked_once_and_answered_the_same_after(app, monkeypatch):
    view = next(iter(app.view_functions.values()))
    asked = []
    real = inspect.iscoroutinefunction
    monkeypatch.setattr("flask.app.iscoroutinefunction", lambda func: asked.append(func) or real(func))
    first, again = app.ensure_sync(view), app.ensure_sync(view)
    assert first is again is view
    assert asked.count(view) <= 1


def test_functions_made_for_one_request_do_not_grow_the_table_past_its_size(app, monkeypatch):
    monkeypatch.setattr(type(app), "SYNC_TABLE_SIZE", len(app._synchronous) + 2)
    for _ in range(50):
        def made_for_one_request(response):
            return response
        assert app.ensure_sync(made_for_one_request) is made_for_one_request
    assert len(app._synchronous) <= type(app).SYNC_TABLE_SIZE
