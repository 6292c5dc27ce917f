"""Monitoring: figures against hand-computed fixtures, warning rules, exports, employer records."""
import csv
import io
import re

import sqlalchemy as sa
from openpyxl import load_workbook

from disputes.cases.services import apply_event
from disputes.dashboard.figures import DashboardFilter, dashboard_figures
from disputes.alerts.rules import DEFAULT_RULES, evaluate
from disputes.exports import inert
from disputes.extensions import db
from disputes.models import Alert, WarningRule
from disputes.timekeeping import local_today
from tests.factories import credit_code
from tests.support import csrf_token

ACME = {"name": "城达配送服务有限公司", "kind": "cooperating_company"}


def file_wage_case(file_case, seed, respondent=ACME, amount="1000.00", workers=None):
    overrides = {"respondents": [respondent], "claims": [{"kind": "wage_arrears", "amount": amount}]}
    if workers:
        overrides["workers"] = workers
    return file_case(seed=seed, **overrides).case


def test_figures_match_a_hand_computed_fixture(app, file_case, make_user):
    mediator = make_user(role="mediator")
    first, second, third = (file_wage_case(file_case, s, amount=a) for s, a in ((1, "1000.00"), (2, "2500.50"), (3, "99.50")))
    apply_event(first, "accept", mediator, expected_version=first.version)
    apply_event(first, "mediation_succeeded", mediator, expected_version=first.version,
                data={"terms": "一次性支付", "amount": "800.00", "pay_by": "2026-12-01"})
    apply_event(second, "accept", mediator, expected_version=second.version)
    apply_event(second, "mediation_failed", mediator, expected_version=second.version)
    figures = dashboard_figures(DashboardFilter(), local_today())
    assert figures["total"] == 3
    assert figures["by_state"] == {"mediated": 1, "mediation_failed": 1, "submitted": 1}
    assert figures["by_claim"] == {"wage_arrears": 3}
    assert figures["amounts"] == {"claimed": "3600.00", "agreed": "800.00", "awarded": "0.00"}
    assert figures["mediation_success_rate"] == 0.5
    assert figures["median_days"]["acceptance"] == 0.0
    assert sum(figures["intake_per_week"].values()) == 3
    assert third.case_no


def test_cases_are_counted_by_the_place_of_work_intake_recorded(app, file_case):
    for seed, place in ((1, "朝阳区"), (2, "朝阳区"), (3, "海淀区"), (4, None)):
        file_case(seed=seed, region="11", **({"place": place} if place else {}))
    figures = dashboard_figures(DashboardFilter(), local_today())
    assert figures["by_place"] == {"北京市朝阳区": 2, "北京市海淀区": 1}
    assert figures["total"] == 4


def test_the_dashboard_api_is_for_monitors_only_and_held_to_their_region(client, auth, file_case):
    file_case()
    _, worker = auth.token_for("worker")
    assert client.get("/api/v1/dashboard", headers=worker).status_code == 403
    _, other_region = auth.token_for("arbitrator", region="44")
    assert client.get("/api/v1/dashboard", headers=other_region).get_json()["total"] == 0
    _, admin = auth.token_for("admin")
    body = client.get("/api/v1/dashboard", headers=admin).get_json()
    assert body["total"] == 1 and "warnings" in body


def test_the_dashboard_page_has_tables_for_every_chart_and_collapses_the_empty_ones(client, auth, file_case):
    file_case()
    auth.login_as("admin")
    page = client.get("/dashboard").get_data(as_text=True)
    assert page.count('class="figures"') >= 6 and "echarts.min.js" in page
    # Nothing is overdue on the day of filing: that chart is a one-line card, with no empty frame.
    assert 'id="overdue-chart"' not in page and re.search(r'class="card chart-card empty"[^>]*>\s*<h2 id="overdue-title"', page)
    assert client.get("/dashboard?from=yesterday").status_code == 422


def test_the_dashboards_amounts_are_money_and_each_figure_has_its_own_label(client, auth, file_case):
    file_wage_case(file_case, 1, amount="388558.00")
    auth.login_as("admin")
    page = client.get("/dashboard").get_data(as_text=True)
    assert "¥388,558.00" in page and "388558.00" not in page
    kpis = re.search(r'<dl class="kpis">(.*?)</dl>', page, re.S).group(1)
    assert kpis.count("<dt>") == kpis.count("<dd>") == 9 and " / " not in kpis
    english = client.get("/dashboard?lang=en").get_data(as_text=True)
    assert "CN¥388,558.00" in english and "Amount claimed" in english


def test_three_wage_complaints_against_one_employer_put_it_on_the_watchlist(app, file_case):
    for seed in (1, 2):
        file_wage_case(file_case, seed)
    assert db.session.scalar(sa.select(sa.func.count(Alert.id))) == 0
    file_wage_case(file_case, 3)  # intake runs the rule
    alert = db.session.scalar(sa.select(Alert).where(Alert.rule_key == "repeated_wage_complaints"))
    assert alert is not None and "城达配送" in alert.message and len(alert.case_numbers) == 3


def test_a_complaint_looks_only_at_the_employers_it_names_and_the_nightly_run_at_all(app, file_case):
    for seed in (1, 2):
        file_wage_case(file_case, seed)
    db.session.scalar(sa.select(WarningRule).where(WarningRule.key == "repeated_wage_complaints")).threshold = 2
    db.session.commit()
    other = {"name": "另一家配送公司", "kind": "cooperating_company"}
    file_wage_case(file_case, 3, respondent=other)  # cannot change how often 城达配送 was named
    assert db.session.scalar(sa.select(sa.func.count(Alert.id))) == 0
    raised = evaluate(local_today(), ["repeated_wage_complaints"])
    assert [alert.subject_label for alert in raised] == ["城达配送服务有限公司"]


def test_the_watchlist_alert_lists_the_wage_complaints_it_counts(app, file_case):
    for seed in (1, 2, 3):
        file_wage_case(file_case, seed)
    unrelated = file_case(seed=4, respondents=[ACME], claims=[{"kind": "work_injury", "amount": "5000.00"}]).case
    evaluate(local_today(), ["repeated_wage_complaints"])
    alert = db.session.scalar(sa.select(Alert).where(Alert.rule_key == "repeated_wage_complaints"))
    assert alert.details["complaints"] == 3 and unrelated.case_no not in alert.case_numbers


def test_a_complaint_without_a_wage_claim_changes_no_wage_rule(app, file_case):
    from disputes.alerts.rules import rules_a_complaint_changes

    injury = file_case(seed=4, claims=[{"kind": "work_injury", "amount": "5000.00"}]).case
    assert rules_a_complaint_changes(injury) == ("likely_collective",)
    shortfall = file_case(seed=5, claims=[{"kind": "minimum_wage_shortfall", "amount": "300.00"}]).case
    assert rules_a_complaint_changes(shortfall) == ("repeated_wage_complaints", "likely_collective", "pay_below_minimum")


def test_the_employer_is_matched_by_credit_code_before_name(app, file_case):
    code = credit_code(__import__("random").Random(5))
    for seed, name in ((1, "城达配送服务有限公司"), (2, "城达配送（北京）有限公司"), (3, "城达配送服务公司")):
        file_wage_case(file_case, seed, respondent={"name": name, "kind": "cooperating_company", "credit_code": code})
    assert db.session.scalar(sa.select(Alert).where(Alert.subject_key == f"respondent:{code}")) is not None


def test_an_edited_threshold_changes_what_fires(app, file_case):
    db.session.add(WarningRule(key="repeated_wage_complaints", threshold=5, window_days=30))
    db.session.commit()
    for seed in (1, 2, 3):
        file_wage_case(file_case, seed)
    assert db.session.scalar(sa.select(sa.func.count(Alert.id)).where(Alert.rule_key == "repeated_wage_complaints")) == 0


def test_workers_filing_separately_against_one_respondent_look_like_a_collective_dispute(app, file_case):
    from tests.factories import intake_payload

    template = intake_payload()["workers"][0]
    for seed in range(3):
        workers = [dict(template, name=f"骑手{seed}{i}", id_number=None, is_representative=False) for i in range(4)]
        file_wage_case(file_case, seed, workers=workers, respondent={"name": "某某外卖站点", "kind": "cooperating_company"})
    alert = db.session.scalar(sa.select(Alert).where(Alert.rule_key == "likely_collective"))
    assert alert is not None and alert.details["workers"] == 12 and alert.details["cases"] == 3


def test_a_quiet_case_near_its_deadline_raises_an_alert_and_an_active_one_does_not(app, file_case):
    quiet = file_case().case
    app.config["DISPUTES_TODAY"] = "2026-11-30"  # the 15-day mediation period ends on 2026-12-01
    from disputes.cases.schedule import refresh_schedule
    from datetime import date

    refresh_schedule(quiet, date(2026, 11, 30))
    db.session.commit()
    raised = evaluate(date(2026, 11, 30), ["deadline_no_action"])
    assert [a.case_numbers for a in raised] == [[quiet.case_no]]
    assert evaluate(date(2026, 11, 17), ["deadline_no_action"]) == []


def test_an_alert_is_acknowledged_with_a_note(client, auth, file_case):
    for seed in (1, 2, 3):
        file_wage_case(file_case, seed)
    auth.login_as("arbitrator")
    alert = db.session.scalar(sa.select(Alert))
    response = client.post(f"/alerts/{alert.id}/acknowledge",
                           data={"csrf_token": csrf_token(client, "/alerts"), "note": "已约谈企业"})
    assert response.status_code == 302
    db.session.refresh(alert)
    assert (alert.status, alert.note) == ("acknowledged", "已约谈企业")


def test_admins_edit_thresholds_with_an_audit_entry(client, auth):
    auth.login_as("admin")
    client.get("/admin/warning-rules")
    form = {"csrf_token": csrf_token(client, "/admin/warning-rules")}
    for key in DEFAULT_RULES:
        form |= {f"{key}-threshold": "4", f"{key}-window": "14", f"{key}-enabled": "on"}
    assert client.post("/admin/warning-rules", data=form).status_code == 302
    assert db.session.get(WarningRule, "surge").threshold == 4
    assert client.post("/admin/warning-rules", data=form | {"surge-threshold": "-1"}).status_code == 422


def test_the_case_list_exports_as_csv_and_xlsx_with_the_same_rows(client, auth, file_case):
    numbers = {file_case().case.case_no for _ in range(3)}
    _, headers = auth.token_for("admin")
    csv_text = client.get("/api/v1/cases?scope=all&format=csv", headers=headers).get_data(as_text=True)
    assert csv_text.startswith("\ufeff") and all(n in csv_text for n in numbers)
    workbook = load_workbook(io.BytesIO(client.get("/api/v1/cases?scope=all&format=xlsx", headers=headers).data))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "案件编号" and {row[0] for row in rows[1:]} == numbers
    assert all(isinstance(row[-1], (int, float)) for row in rows[1:])  # numbers, not text


def test_an_employer_record_shows_its_cases_and_partners(client, auth, file_case):
    for seed in (1, 2, 3):
        file_case(seed=seed, respondents=[ACME, {"name": "某外卖科技有限公司", "kind": "platform"}])
    auth.login_as("arbitrator")
    page = client.get("/employers/城达配送服务").get_data(as_text=True)
    assert "城达配送服务有限公司" in page and "某外卖科技有限公司" in page and "3 案" in page
    assert client.get("/employers/无此单位").status_code == 404


FORMULAS = ("=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)")


def test_exports_are_inert_whatever_a_name_holds(client, auth, file_case):
    """A platform or respondent name that looks like a formula stays text in CSV and XLSX (audit item 2)."""
    for seed, name in enumerate(FORMULAS):
        file_case(seed=seed, platform=name, respondents=[{"name": name + "公司", "kind": "platform"}])
    _, headers = auth.token_for("admin")
    rows = list(csv.reader(io.StringIO(client.get("/api/v1/cases?scope=all&format=csv", headers=headers)
                                       .get_data(as_text=True).lstrip("\ufeff"))))
    cells = [cell for row in rows[1:] for cell in row[6:8]]
    assert cells and all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    workbook = load_workbook(io.BytesIO(client.get("/api/v1/cases?scope=all&format=xlsx", headers=headers).data))
    texts = [cell for row in workbook.active.iter_rows(min_row=2) for cell in row[6:8]]
    assert texts and all(cell.data_type == "s" for cell in texts)
    assert {cell.value for cell in texts[0::2]} == set(FORMULAS)  # the names as typed, as text
    assert all(isinstance(row[-1], (int, float)) for row in workbook.active.iter_rows(min_row=2, values_only=True))


def test_a_cell_starting_with_tab_or_carriage_return_is_escaped_too():
    assert [inert(value) for value in ("\t=1", "\r=1", "某公司", 12)] == ["'\t=1", "'\r=1", "某公司", 12]


def test_the_region_filter_takes_a_provinces_code_or_name(app, file_case):
    from disputes.dashboard.figures import parse_filter
    from disputes.errors import ValidationFailed

    assert {parse_filter({"region": r}).region for r in ("42", "420000", "湖北省", "湖北")} == {"42"}
    for bad in ("武汉市", "朝阳区", "某某省"):
        try:
            parse_filter({"region": bad})
        except ValidationFailed as refused:
            assert "region" in refused.errors
        else:
            raise AssertionError(f"{bad} accepted")
