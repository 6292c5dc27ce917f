"""The library of record in the app (issue 20): every shown case links to its source, the import
curates (duplicates refused, no URL kept as a draft, problems per record), the reviewer compares a
record with its nearest stored case, and nothing is published without a source."""
import json

import sqlalchemy as sa
from markupsafe import escape

from casebase.records import library_files
from disputes.extensions import db
from disputes.models import TypicalCase
from tests.support import csrf_token

SHIPPED = [case for path in library_files() for case in json.loads(path.read_text(encoding="utf-8"))["cases"]]


def test_the_seeded_library_is_the_collection_with_no_fiction(library):
    rows = db.session.scalars(sa.select(TypicalCase)).all()
    assert {row.id for row in rows} == {case["id"] for case in SHIPPED}
    published = [row for row in rows if row.status == "published"]
    assert len(published) >= 100
    assert all(row.source_url.startswith(("http://", "https://")) and not row.illustrative for row in published)
    assert not any("虚构" in row.source_body or "示例" in row.source_release for row in rows)


def test_the_case_page_links_to_the_source_and_shows_the_evidence_and_each_instance(client, library):
    page = client.get("/typical-cases/gc240").get_data(as_text=True)
    row = db.session.get(TypicalCase, "gc240")
    assert f'href="{escape(row.source_url)}" rel="noopener noreferrer external"' in page
    assert row.factor_evidence["platform_controls_hours"] in page
    assert "北京市第一中级人民法院" in page and "（2023）京01民终6036号" in page
    assert "代驾司机" in page and "2024-12-20" in page


def test_an_undated_case_says_why(client, library):
    page = client.get("/typical-cases/acftu-c1").get_data(as_text=True)
    assert db.session.get(TypicalCase, "acftu-c1").source_date_note in page


def test_the_api_gives_the_source_with_its_link_the_evidence_and_the_instances(client, library):
    body = client.get("/api/v1/typical-cases/gc240").get_json()
    assert body["source"]["url"].startswith("http") and body["source"]["date"] == "2024-12-20"
    assert body["occupation"] == "designated_driver" and body["arrangement"] == "crowdsourced"
    assert [item["level"] for item in body["instances"]] == ["arbitration", "first_instance", "appeal"]
    assert set(body["factor_evidence"]) == {key for key, value in body["factors"].items() if value is not None}


def test_a_case_kept_as_a_draft_for_want_of_a_date_is_not_public(client, library):
    assert db.session.get(TypicalCase, "hsfy-xiaozhou").status == "draft"
    assert client.get("/typical-cases/hsfy-xiaozhou").status_code == 404
    results = client.get("/api/v1/typical-cases?q=自然人服务合作协议&per_page=100").get_json()["results"]
    assert "hsfy-xiaozhou" not in {hit["id"] for hit in results}


def test_the_import_refuses_a_duplicate_and_keeps_a_case_without_a_url_as_a_draft(runner, library, tmp_path):
    copy = dict(next(case for case in SHIPPED if case["id"] == "gc240"), id="copy-of-gc240",
                facts="代驾司机秦某在平台注册后自行决定何时上线接单，平台收取信息服务费。")
    copy["source"] = dict(copy["source"], body="某报", number=None)
    retold = dict(next(case for case in SHIPPED if case["id"] == "gc237"), id="retold", instances=[])
    retold["source"] = dict(retold["source"], number="另一编号", release="另一转载")
    no_url = {key: value for key, value in SHIPPED[-1].items() if key not in ("arrangement", "factor_evidence", "instances")}
    no_url |= {"id": "old-export", "facts": "某网约家政员在平台接单，平台只收取信息费，服务时间由她与客户商定，报酬由客户直接支付。",
               "source": {"body": "某仲裁委", "release": "旧版导出", "year": 2021, "number": None, "illustrative": False}}
    path = tmp_path / "incoming"
    path.mkdir()
    (path / "a.json").write_text(json.dumps({"version": 2, "cases": [copy, retold]}, ensure_ascii=False), encoding="utf-8")
    (path / "b.json").write_text(json.dumps({"version": 1, "cases": [no_url]}, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(args=["casebase", "import", "--inline", str(path)])
    assert result.exit_code == 0, result.output
    assert "copy-of-gc240:\n  duplicate_number (not imported)" in result.output
    assert "retold:\n  duplicate_facts (not imported)" in result.output and "gc237" in result.output
    assert "old-export:\n  no_source_url (imported as a draft)" in result.output
    assert "kept as drafts 1, refused 2" in result.output
    assert db.session.get(TypicalCase, "copy-of-gc240") is None and db.session.get(TypicalCase, "retold") is None
    assert db.session.get(TypicalCase, "old-export").status == "draft"


def test_a_schema_error_is_listed_under_its_record_and_nothing_is_imported(runner, app, tmp_path):
    bad = dict(SHIPPED[0], id="bad", arrangement="gig")
    bad["source"] = dict(bad["source"], url="not a link")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"version": 2, "cases": [SHIPPED[1], bad]}, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(args=["casebase", "import", "--inline", str(path)])
    assert result.exit_code != 0 and "2 problem(s) in 1 record(s); nothing was imported" in result.output
    assert "cases[1]:\n  source.url:" in result.output and "arrangement: 未知的用工安排：gig" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TypicalCase)) == 0


def test_a_draft_without_a_source_link_cannot_be_published(client, auth, library):
    _, headers = auth.token_for("arbitrator")
    db.session.get(TypicalCase, "hrss2023-c2").status = "draft"
    db.session.get(TypicalCase, "hrss2023-c2").source_url = None
    db.session.commit()
    response = client.post("/api/v1/typical-cases/hrss2023-c2/publish", headers=headers)
    assert response.status_code == 422 and "source.url" in response.get_json()["errors"]
    assert db.session.get(TypicalCase, "hrss2023-c2").status == "draft"


def test_the_editor_shows_a_new_record_beside_its_nearest_stored_case(client, auth, library):
    auth.login_as("arbitrator")
    original = db.session.get(TypicalCase, "hrss2023-c1")
    form = {"csrf_token": csrf_token(client, "/typical-cases/new"), "id": "maybe-again", "title": "再次收录的货车司机案",
            "source_body": "某报", "source_release": "转载", "source_url": "https://news.example.org/1",
            "source_date": "2024-05", "source_year": "2024", "occupation": "truck_driver",
            "work_arrangement": "自有车辆", "respondent_kinds": ["platform"], "claims": ["confirm_labor_relation"],
            "facts": original.facts, "outcome": "labor_relation", "instance_0_level": "appeal",
            "instance_0_court_or_body": "某中院", "instance_0_number": "", "instance_0_result": "驳回上诉",
            "preview": "1"}
    page = client.post("/typical-cases/new", data=form).get_data(as_text=True)
    assert "与库中最相近的案例对照" in page and "可能与该案重复" in page
    assert 'href="/typical-cases/hrss2023-c1"' in page and original.title in page
    form |= {"save": "1", "factor_platform_controls_hours": "true", "evidence_platform_controls_hours": "公司规定出车时间"}
    form.pop("preview")
    assert client.post("/typical-cases/new", data=form).status_code == 302
    saved = db.session.get(TypicalCase, "maybe-again")
    assert (saved.source_url, saved.source_date, saved.instances[0]["result"]) == ("https://news.example.org/1", "2024-05", "驳回上诉")
    assert saved.factor_evidence == {"platform_controls_hours": "公司规定出车时间"}
    edit_page = client.get("/typical-cases/gc239/edit").get_data(as_text=True)
    assert "与库中最相近的案例对照" in edit_page and 'name="source_url"' in edit_page
