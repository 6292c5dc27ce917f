"""/guide: the plain-language guide a worker or an employer reads before and during a dispute."""
import re

from workflows import clocks


def test_the_guide_is_public_and_walks_every_stage_with_its_article(client):
    page = client.get("/guide").get_data(as_text=True)
    for title in ("调解", "申请仲裁", "受理", "开庭和裁决", "裁决之后", "法律援助"):
        assert f">{title}<" in page or f". {title}<" in page
    stages = re.findall(r'<section class="card guide-stage".*?</section>', page, re.S)
    assert len(stages) == 6 and all("依据：" in stage and "第" in stage for stage in stages)


def test_the_guide_counts_with_the_same_figures_as_the_statutory_clocks(client):
    page = client.get("/guide").get_data(as_text=True)
    assert f"收到申请之日起 {clocks.MEDIATION_DAYS} 日内未达成调解协议" in page
    assert f"{clocks.ACCEPTANCE_WORKING_DAYS} 个工作日内决定是否受理" in page
    assert f"{clocks.AWARD_DAYS} 日内结束" in page and f"最多 {clocks.AWARD_EXTENSION_DAYS} 日" in page
    assert f"{clocks.SET_ASIDE_DAYS} 日内" in page and f"{clocks.LEGAL_AID_DECISION_DAYS} 日内作出是否给予法律援助的决定" in page


def test_the_worker_learns_they_may_go_to_arbitration_during_mediation(client):
    """Art. 5: no need to wait for the 15 days to run out."""
    assert "调解期间不想再等，可以随时直接申请仲裁" in client.get("/guide").get_data(as_text=True)


def test_staff_also_find_the_state_graph_and_the_public_does_not(client, auth):
    assert "/workflow" not in client.get("/guide").get_data(as_text=True)
    auth.login_as("mediator")
    assert "/workflow" in client.get("/guide").get_data(as_text=True)


def test_the_guide_reads_in_english(client):
    page = client.get("/guide?lang=en").get_data(as_text=True)
    assert "Applying for arbitration" in page and "working days" in page
