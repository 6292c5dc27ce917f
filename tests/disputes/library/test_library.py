"""The typical-case library in the app: import/export, search pages and API, index recovery, editing."""
import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import TypicalCase
from tests.support import csrf_token


def test_the_shipped_library_has_forty_published_cases_including_the_ten_national_ones(library):
    published = db.session.scalars(sa.select(TypicalCase).where(TypicalCase.status == "published")).all()
    assert len(published) >= 40
    assert sum(1 for row in published if not row.illustrative) >= 10


def test_searching_in_chinese_finds_highlights_and_counts_facets(client, library):
    body = client.get("/api/v1/typical-cases?q=骑手 劳动关系").get_json()
    assert body["total"] > 0
    assert "<mark>" in body["results"][0]["snippet"]
    assert sum(body["facets"]["outcome"].values()) == body["total"]


def test_filters_narrow_the_results(client, library):
    everything = client.get("/api/v1/typical-cases").get_json()
    riders = client.get("/api/v1/typical-cases?occupation=delivery_rider").get_json()
    assert 0 < riders["total"] < everything["total"]
    assert {hit["occupation"] for hit in riders["results"]} == {"delivery_rider"}


def test_bad_query_syntax_is_read_as_plain_words(client, library):
    for q in ['"骑手', "AND OR NOT", "title:(骑手", "💥" * 50, "a" * 3000]:
        assert client.get("/api/v1/typical-cases", query_string={"q": q}).status_code == 200


def test_meaningless_parameters_are_refused_with_the_field_named(client, library):
    response = client.get("/api/v1/typical-cases?page=-1&sort=random")
    assert response.status_code == 422 and set(response.get_json()["errors"]) == {"page", "sort"}


def test_the_public_pages_show_results_and_a_case_with_similar_cases(client, library):
    page = client.get("/typical-cases?q=外卖").get_data(as_text=True)
    assert "<mark>外卖</mark>" in page
    case_page = client.get("/typical-cases/hrss2023-c1").get_data(as_text=True)
    assert "类似案例" in case_page and "劳动关系认定要素" in case_page


def test_search_survives_the_index_folder_being_deleted(client, library, app):
    shutil.rmtree(app.config["DISPUTES_INDEX_DIR"])
    response = client.get("/api/v1/typical-cases?q=骑手")
    assert response.status_code == 200 and response.get_json()["total"] > 0


def test_search_survives_a_corrupted_index(client, library, app):
    for path in Path(app.config["DISPUTES_INDEX_DIR"]).rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x00garbage")
    response = client.get("/api/v1/typical-cases?q=骑手")
    assert response.status_code == 200 and response.get_json()["total"] > 0


def test_export_then_import_round_trips_exactly(runner, library, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert runner.invoke(args=["casebase", "export", str(first)]).exit_code == 0
    db.session.execute(sa.delete(TypicalCase))
    db.session.commit()
    imported = runner.invoke(args=["casebase", "import", str(first)])
    assert imported.exit_code == 0 and "added" in imported.output
    assert runner.invoke(args=["casebase", "export", str(second)]).exit_code == 0
    assert json.loads(first.read_text()) == json.loads(second.read_text())


def test_an_invalid_file_is_refused_whole_with_every_problem_listed(runner, app, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1, "cases": [{"id": "x", "title": ""}]}), encoding="utf-8")
    result = runner.invoke(args=["casebase", "import", str(bad)])
    assert result.exit_code != 0 and "nothing was imported" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TypicalCase)) == 0


def test_reindex_rebuilds_with_a_progress_bar(runner, library):
    result = runner.invoke(args=["casebase", "reindex"])
    assert result.exit_code == 0 and "indexed" in result.output


def test_withdrawing_and_publishing_update_the_index_in_the_same_request(client, auth, library):
    _, headers = auth.token_for("arbitrator")
    def found():
        results = client.get("/api/v1/typical-cases?q=刘某 面包车").get_json()["results"]
        return "hrss2023-c1" in {hit["id"] for hit in results}
    assert found()
    assert client.post("/api/v1/typical-cases/hrss2023-c1/withdraw", headers=headers).status_code == 200
    assert not found()
    assert client.get("/typical-cases/hrss2023-c1").status_code == 404
    assert client.post("/api/v1/typical-cases/hrss2023-c1/publish", headers=headers).status_code == 200
    assert found()
    assert client.post("/api/v1/typical-cases/hrss2023-c1/publish", headers=headers).status_code == 409


def test_only_editors_publish(client, auth, library):
    _, headers = auth.token_for("mediator")
    assert client.post("/api/v1/typical-cases/hrss2023-c1/withdraw", headers=headers).status_code == 403


def test_an_arbitrator_drafts_a_case_in_the_editor(client, auth, library):
    auth.login_as("arbitrator")
    form = {"csrf_token": csrf_token(client, "/typical-cases/new"), "id": "draft-001", "title": "某骑手确认劳动关系案",
            "source_body": "朝阳区劳动人事争议仲裁委员会", "source_release": "本委案例", "source_year": "2026",
            "occupation": "delivery_rider", "work_arrangement": "专送站点排班", "respondent_kinds": ["cooperating_company"],
            "claims": ["confirm_labor_relation"], "facts": "骑手每天按站点排班上线，系统派单不得拒单，超时罚款。",
            "outcome": "labor_relation", "save": "1"}
    assert client.post("/typical-cases/new", data=form).status_code == 302
    assert db.session.get(TypicalCase, "draft-001").status == "draft"
    assert client.get("/typical-cases/draft-001").status_code == 200  # editors may read drafts


def test_drafts_are_hidden_from_the_public_and_mediators_cannot_edit(client, auth, library):
    db.session.get(TypicalCase, "hrss2023-c2").status = "draft"
    db.session.commit()
    assert client.get("/typical-cases/hrss2023-c2").status_code == 404
    auth.login_as("mediator")
    assert client.get("/typical-cases/new").status_code == 403


def test_a_draft_with_a_bad_field_is_refused_in_place(client, auth, library):
    auth.login_as("arbitrator")
    form = {"csrf_token": csrf_token(client, "/typical-cases/new"), "id": "draft-003", "title": "",
            "occupation": "astronaut", "save": "1"}
    response = client.post("/typical-cases/new", data=form)
    assert response.status_code == 422 and 'role="alert"' in response.get_data(as_text=True)


@pytest.mark.parametrize("engine", ["tantivy", "whoosh"])
def test_both_engines_serve_the_same_search_contract(client, library, app, engine):
    from disputes.library.index import rebuild_index

    app.config["DISPUTES_SEARCH_ENGINE"] = engine
    app.config["DISPUTES_INDEX_DIR"] = str(Path(app.instance_path) / f"index-{engine}")
    app.extensions.pop("casebase_engine", None)
    rebuild_index()
    body = client.get("/api/v1/typical-cases?q=个体工商户").get_json()
    assert body["total"] > 0 and all("<mark>" in hit["snippet"] for hit in body["results"])


def test_a_typo_is_searched_as_its_correction_and_the_worker_can_keep_the_words_typed(client, library):
    body = client.get("/api/v1/typical-cases?q=快第员").get_json()
    assert body["corrected_to"] == "快递员" and body["total"] > 0
    assert client.get("/api/v1/typical-cases?q=快第员&exact=1").get_json()["total"] == 0
    page = client.get("/typical-cases?q=快第员").get_data(as_text=True)
    assert "以下是“快递员”的结果" in page and "exact=1" in page
    english = client.get("/typical-cases?q=快第员&lang=en").get_data(as_text=True)
    assert "Showing results for" in english


def test_a_short_answer_goes_on_with_cases_having_some_of_the_words_under_a_divider(client, library):
    body = client.get("/api/v1/typical-cases?q=算法 派单").get_json()
    assert 0 < body["total"] < 10 and body["extended"] == len(body["results"]) - body["total"] > 0
    assert all(hit["matched_words"] is None for hit in body["results"][:body["total"]])
    assert all(hit["matched_words"] in (1, 2) for hit in body["results"][body["total"]:])
    page = client.get("/typical-cases?q=算法 派单").get_data(as_text=True)
    assert f"只有 {body['total']} 个案例包含全部词语" in page
    english = client.get("/typical-cases?q=算法 派单&lang=en").get_data(as_text=True)
    assert "have all the words" in english
