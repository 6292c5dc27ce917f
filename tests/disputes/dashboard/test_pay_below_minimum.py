"""The early warning on pay below the minimum wage: raised on the complaint, quoting the local
standard from the table the award uses (the tier of the place of work, else the province's tiers)."""
import sqlalchemy as sa

from disputes.alerts.rules import local_minimum_wages, rules
from disputes.extensions import db
from disputes.models import Alert
from disputes.timekeeping import local_today
from workflows import minimum_wages as published

EMPLOYER = {"name": "吉顺家政服务有限公司", "kind": "cooperating_company"}


def file_shortfall(file_case, seed, **overrides):
    return file_case(seed=seed, respondents=[EMPLOYER],
                     claims=[{"kind": "minimum_wage_shortfall", "amount": "640.00"}], **overrides).case


def alerts():
    return list(db.session.scalars(sa.select(Alert).where(Alert.rule_key == "pay_below_minimum")))


def test_a_complaint_of_pay_below_the_minimum_raises_an_alert_with_the_places_tier(app, file_case):
    jilin = published.standard_on("220000", local_today())
    second = next(t for t in jilin.tiers if t.rank == 2)
    case = file_shortfall(file_case, 1, region="22", place="延吉市")
    [alert] = alerts()
    assert alert.case_numbers == [case.case_no] and alert.region_code == "22"
    assert "吉顺家政" in alert.message and "低于最低工资标准" in alert.message
    assert f"{second.label} {second.monthly} 元/月" in alert.message and jilin.title in alert.message
    assert alert.details["standards"] == [{"place": "吉林省延边朝鲜族自治州延吉市", "tier": second.label,
                                           "monthly": format(second.monthly, "f")}]


def test_without_a_place_the_alert_lists_the_provinces_tiers(app, file_case):
    file_shortfall(file_case, 2, region="22")
    [alert] = alerts()
    jilin = published.standard_on("220000", local_today())
    assert all(f"{t.label} {t.monthly}" in alert.message for t in jilin.tiers)


def test_a_single_tier_province_quotes_its_one_figure(app, file_case):
    file_shortfall(file_case, 3, region="11")
    [alert] = alerts()
    beijing = published.standard_on("110000", local_today())
    assert f"北京市 {beijing.first_tier.monthly} 元/月" in alert.message


def test_other_wage_claims_do_not_raise_it_and_the_threshold_is_the_admins(app, file_case):
    file_case(seed=4, respondents=[EMPLOYER], claims=[{"kind": "wage_arrears", "amount": "640.00"}])
    assert alerts() == []
    rules()["pay_below_minimum"].threshold = 2
    db.session.commit()
    file_shortfall(file_case, 5)
    assert alerts() == []
    file_shortfall(file_case, 6)
    [alert] = alerts()
    assert len(alert.case_numbers) == 2 and alert.details["complaints"] == 2


def test_the_local_standard_for_several_places_names_each_tier_once(app):
    message, details = local_minimum_wages("22", local_today(), ["222401", "222401", "220104"])
    assert len(details) == 2 and message.count("延吉市") == 1 and "长春市朝阳区" in message


def test_the_rule_is_on_the_admins_page_in_either_language(client, auth):
    auth.login_as("admin")
    assert "疑似低于最低工资" in client.get("/admin/warning-rules").get_data(as_text=True)
    assert "Pay possibly below the minimum wage" in client.get("/admin/warning-rules?lang=en").get_data(as_text=True)
