"""The award's final-award line: the local tier of the announcement in force on the award day, recorded
with its source; never a tier the list does not name (《劳动争议调解仲裁法》第四十七条第一项)."""
from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import CaseEvent, MinimumWage
from disputes.timekeeping import local_today
from workflows import minimum_wages as published


def in_arbitration(desk, file_case, region="11"):
    mediator = desk.as_role("mediator", region=region)
    arbitrator = desk.as_role("arbitrator", region=region)
    case_no = file_case(filed_by=mediator, region=region).case.case_no
    desk.fire(mediator, case_no, "apply_arbitration")
    desk.fire(arbitrator, case_no, "accept_arbitration")
    return arbitrator, case_no


def award_basis(case_no):
    row = db.session.scalar(sa.select(CaseEvent).where(CaseEvent.event == "render_award")
                            .where(CaseEvent.case.has(case_no=case_no)))
    return row.data["minimum_wage_basis"], row.data


def standard(code):
    return published.standard_on(code, local_today())


def test_a_single_tier_province_needs_no_place_and_the_award_records_the_announcement(desk, file_case):
    arbitrator, case_no = in_arbitration(desk, file_case)
    beijing = standard("110000")
    answer = desk.fire(arbitrator, case_no, "render_award", {"items": [{"kind": "wage_arrears", "amount": "3000.00"}]})
    assert answer.status_code == 200, answer.get_json()
    basis, data = award_basis(case_no)
    assert Decimal(basis["monthly"]) == beijing.first_tier.monthly and basis["origin"] == "announcement"
    assert basis["effective_on"] == beijing.effective_on.isoformat() and basis["url"] == beijing.url
    assert beijing.title in basis["source"] and Decimal(data["monthly_minimum_wage"]) == beijing.first_tier.monthly


def test_the_tier_is_the_one_whose_list_names_the_place(desk, file_case):
    arbitrator, case_no = in_arbitration(desk, file_case, region="22")
    jilin = standard("220000")
    second = next(t for t in jilin.tiers if t.rank == 2)
    place = "吉林省" + second.places[0]
    answer = desk.fire(arbitrator, case_no, "render_award",
                       {"items": [{"kind": "wage_arrears", "amount": "3000.00"}], "wage_place": place})
    assert answer.status_code == 200, answer.get_json()
    basis, _ = award_basis(case_no)
    assert (basis["tier"], Decimal(basis["monthly"]), basis["place"]) == (second.label, second.monthly, place)


def test_the_place_of_work_given_at_intake_serves_when_the_arbitrator_names_none(desk, file_case):
    jilin = standard("220000")
    second = next(t for t in jilin.tiers if t.rank == 2)
    mediator = desk.as_role("mediator", region="22")
    arbitrator = desk.as_role("arbitrator", region="22")
    assert "延吉市" in second.places
    case_no = file_case(filed_by=mediator, region="22", place="延吉市").case.case_no
    desk.fire(mediator, case_no, "apply_arbitration")
    desk.fire(arbitrator, case_no, "accept_arbitration")
    answer = desk.fire(arbitrator, case_no, "render_award", {"items": [{"kind": "wage_arrears", "amount": "3000.00"}]})
    assert answer.status_code == 200, answer.get_json()
    basis, _ = award_basis(case_no)
    assert (basis["tier"], Decimal(basis["monthly"])) == (second.label, second.monthly)


def test_without_the_place_a_tiered_province_asks_for_it_and_lists_the_tiers(desk, file_case):
    arbitrator, case_no = in_arbitration(desk, file_case, region="22")
    answer = desk.fire(arbitrator, case_no, "render_award", {"items": [{"kind": "wage_arrears", "amount": "3000.00"}]})
    assert answer.status_code == 422
    message = answer.get_json()["errors"]["wage_place"]
    assert "分档执行" in message and all(f"{t.label} {t.monthly} 元" in message for t in standard("220000").tiers)
    assert desk.case(arbitrator, case_no)["state"] == "in_arbitration"  # nothing saved


def test_a_figure_the_arbitrator_enters_is_used_and_recorded_beside_the_tiers_on_record(desk, file_case):
    arbitrator, case_no = in_arbitration(desk, file_case, region="22")
    answer = desk.fire(arbitrator, case_no, "render_award", {"items": [{"kind": "wage_arrears", "amount": "3000.00"}],
                                                             "monthly_minimum_wage": "2020.00"})
    assert answer.status_code == 200, answer.get_json()
    basis, _ = award_basis(case_no)
    assert basis["origin"] == "arbitrator" and basis["monthly"] == "2020.00" and "仲裁员填写" in basis["warnings"][0]


def test_a_claim_of_exactly_twelve_months_is_within_the_final_award_line(desk, file_case):
    arbitrator, case_no = in_arbitration(desk, file_case)
    line = standard("110000").first_tier.monthly * 12
    desk.fire(arbitrator, case_no, "render_award", {"items": [{"kind": "wage_arrears", "amount": f"{line:.2f}"}]})
    assert desk.case(arbitrator, case_no)["final_award"] is True


def test_a_newer_standard_entered_by_an_administrator_takes_over(desk, file_case):
    arbitrator, case_no = in_arbitration(desk, file_case)
    newer = max(standard("110000").effective_on + timedelta(days=1), local_today() - timedelta(days=1))
    db.session.add(MinimumWage(region_code="11", monthly=Decimal("2700.00"), effective_on=newer, verified=True,
                               note="管理员录入（测试）"))
    db.session.commit()
    desk.fire(arbitrator, case_no, "render_award", {"items": [{"kind": "wage_arrears", "amount": "3000.00"}]})
    basis, _ = award_basis(case_no)
    assert (basis["origin"], basis["monthly"], basis["effective_on"]) == ("admin", "2700.00", newer.isoformat())


def test_an_award_out_of_turn_is_refused_for_its_stage(desk, file_case):
    mediator = desk.as_role("mediator", region="22")
    case_no = file_case(filed_by=mediator, region="22").case.case_no
    assert desk.fire(mediator, case_no, "render_award", {"amount_awarded": "100.00"}).status_code in (403, 409)


def test_the_standard_is_the_one_in_force_on_the_award_day():
    """A case whose award day straddles a change: the day before uses the older announcement."""
    history = next(rows for rows in published.load_standards().values() if len(rows) >= 2)
    older, newer = history[-2], history[-1]
    code = newer.province_code
    day_before = newer.effective_on - timedelta(days=1)
    assert published.standard_on(code, day_before) == older
    assert published.standard_on(code, newer.effective_on) == newer


def test_the_arbitrator_gives_the_place_and_the_stated_type_on_the_case_page(client, auth, file_case):
    from disputes.cases.services import apply_event
    from tests.support import csrf_token

    arbitrator = auth.login_as("arbitrator", region="22")
    case = file_case(region="22").case
    apply_event(case, "apply_arbitration", None, expected_version=case.version)
    apply_event(case, "accept_arbitration", arbitrator, expected_version=case.version)
    page = client.get(f"/cases/{case.case_no}").get_data(as_text=True)
    assert 'name="wage_place"' in page and 'name="stated_type"' in page
    form = {"csrf_token": csrf_token(client, f"/cases/{case.case_no}"), "event": "render_award",
            "version": str(case.version), "amount_awarded": "3000.00"}
    refused = client.post(f"/cases/{case.case_no}/events", data=form)
    assert refused.status_code == 422 and "分档执行" in refused.get_data(as_text=True)
    second = next(t for t in standard("220000").tiers if t.rank == 2)
    done = client.post(f"/cases/{case.case_no}/events",
                       data={**form, "wage_place": second.places[0], "stated_type": "final"})
    assert done.status_code == 302
    basis, data = award_basis(case.case_no)
    assert basis["tier"] == second.label and data["final_award"]["stated"] == "award"


def test_a_county_level_city_typed_alone_is_found_under_the_prefecture_its_tier_lists(desk, file_case):
    """四川's 第二档 lists 乐山市 whole; the arbitrator types only 峨眉山市, a county-level city of it."""
    arbitrator, case_no = in_arbitration(desk, file_case, region="51")
    answer = desk.fire(arbitrator, case_no, "render_award",
                       {"items": [{"kind": "wage_arrears", "amount": "3000.00"}], "wage_place": "峨眉山市"})
    assert answer.status_code == 200, answer.get_json()
    basis, _ = award_basis(case_no)
    assert (basis["tier"], Decimal(basis["monthly"]), basis["place"]) == ("第二档", Decimal("2200"), "峨眉山市")
