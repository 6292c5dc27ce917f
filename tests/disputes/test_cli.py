"""The command line: creating users and seeding demonstration data."""
import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Case, CaseInspectionLink, InspectionMatter, Organisation, Region, User


def test_user_create_makes_an_account_with_the_role(runner, regions):
    result = runner.invoke(args=["user", "create", "lin", "--role", "arbitrator", "--password", "Arbiter-pass-2026"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(sa.select(User.role).where(User.username == "lin")) == "arbitrator"


def test_user_create_refuses_a_weak_password_clearly(runner, regions):
    result = runner.invoke(args=["user", "create", "lin", "--role", "arbitrator", "--password", "123"])
    assert result.exit_code != 0 and "password" in result.output


def test_seed_demo_is_idempotent(runner):
    first = runner.invoke(args=["seed", "demo", "--cases", "6"])
    assert first.exit_code == 0, first.output
    counts = [db.session.scalar(sa.select(sa.func.count()).select_from(model)) for model in (Region, Organisation, User, Case)]
    second = runner.invoke(args=["seed", "demo", "--cases", "6"])
    assert second.exit_code == 0, second.output
    assert [db.session.scalar(sa.select(sa.func.count()).select_from(model)) for model in (Region, Organisation, User, Case)] == counts
    assert counts[0] == 31 and counts[2] == 8 and counts[3] == 6
    # Demonstration complaints name Beijing districts as the place of work, some none.
    place_codes = list(db.session.scalars(sa.select(Case.place_code)))
    assert None in place_codes and {code[:2] for code in place_codes if code} == {"11"}


def test_seeded_users_of_every_role_can_sign_in(client, runner):
    from disputes.seeding import DEMO_PASSWORD
    from tests.support import csrf_token

    runner.invoke(args=["seed", "demo", "--cases", "2"])
    for username in ("admin", "mediator", "arbitrator", "legalaid", "inspector", "inspecthead", "worker"):
        response = client.post("/login", data={"username": username, "password": DEMO_PASSWORD,
                                               "csrf_token": csrf_token(client)})
        assert response.status_code == 302, username
        client.post("/logout", data={"csrf_token": csrf_token(client, "/workflow")})


def test_a_demonstration_large_enough_shows_the_labour_inspection_track(client, runner):
    from disputes.seeding import DEMO_PASSWORD
    from tests.support import csrf_token

    assert runner.invoke(args=["seed", "demo", "--cases", "12"]).exit_code == 0
    matters = {matter.channel: matter for matter in db.session.scalars(sa.select(InspectionMatter))}
    assert set(matters) == {"complaint", "report"} and matters["report"].anonymous
    # The rider's wage claim went to both tracks, linked, and the inspector has opened a case on it.
    link = db.session.scalar(sa.select(CaseInspectionLink))
    assert link.choice == "both" and link.matter.state == "investigating"
    client.post("/login", data={"username": "inspector", "password": DEMO_PASSWORD, "csrf_token": csrf_token(client)})
    queue = client.get("/inspection/").get_data(as_text=True)
    assert link.matter.matter_no in queue
