"""Behind a reverse proxy the limits key on each client's own address, and no client picks its address."""
import pytest

from disputes import _trust_proxies
from disputes.config import _proxy_hops

PROXY = "10.0.0.2"


def look_up(app, case_no, forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return app.test_client().post("/api/v1/status", json={"case_no": case_no, "access_code": "WRONG-CODE1"},
                                  headers=headers, environ_base={"REMOTE_ADDR": PROXY}).status_code


def test_behind_one_trusted_proxy_each_client_has_its_own_count(app, file_case):
    app.config["DISPUTES_TRUSTED_PROXIES"] = 1
    _trust_proxies(app)
    case_no = file_case().case.case_no
    assert [look_up(app, case_no, "198.51.100.1") for _ in range(6)] == [404] * 5 + [429]
    assert look_up(app, case_no, "198.51.100.2") == 404  # another rider at the same station's proxy


def test_a_client_cannot_choose_its_address_by_sending_the_header_itself(app, file_case):
    app.config["DISPUTES_TRUSTED_PROXIES"] = 1
    _trust_proxies(app)
    case_no = file_case().case.case_no
    answers = [look_up(app, case_no, f"203.0.113.{n}, 198.51.100.9") for n in range(6)]
    assert answers == [404] * 5 + [429]  # only the proxy's own entry (the last) is believed


def test_without_a_trusted_proxy_the_header_is_ignored(app, file_case):
    case_no = file_case().case.case_no
    answers = [look_up(app, case_no, f"198.51.100.{n}") for n in range(6)]
    assert answers == [404] * 5 + [429]  # all from the one connecting address


@pytest.mark.parametrize("value, hops", [(None, 0), ("", 0), ("0", 0), ("1", 1), ("2", 2)])
def test_the_setting_is_a_small_number_of_hops(value, hops):
    assert _proxy_hops(value) == hops


@pytest.mark.parametrize("value", ["one", "-1", "１", "9"])
def test_a_wrong_setting_refuses_to_start(value):
    with pytest.raises(RuntimeError, match="DISPUTES_TRUSTED_PROXIES"):
        _proxy_hops(value)
