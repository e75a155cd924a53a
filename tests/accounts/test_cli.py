"""`flask portal create-user EMAIL --role …` (DESIGN §9)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import Role, User
from portal.services.passwords import verify_password
from tests.accounts.conftest import PASSWORD
from tests.factories import UserFactory


def find(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email))


@pytest.mark.parametrize("role", ["staff", "admin", "employer"])
def test_create_user_with_all_options(runner, role):
    result = runner.invoke(
        args=[
            "portal",
            "create-user",
            "Team@Cluster.example",
            "--role",
            role,
            "--name",
            "Cluster Team",
            "--password",
            PASSWORD,
        ]
    )
    assert result.exit_code == 0, result.output
    user = find("team@cluster.example")
    assert user is not None
    assert (user.role, user.name) == (Role(role), "Cluster Team")
    assert user.email_verified_at is not None  # made by an operator: confirmed
    assert verify_password(user.password_hash, PASSWORD)
    assert f"created {role} account team@cluster.example" in result.output


def test_password_is_asked_for_hidden_and_twice(runner):
    result = runner.invoke(
        args=["portal", "create-user", "staff@cluster.example", "--role", "staff"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output  # hidden input
    assert "Repeat for confirmation" in result.output
    user = find("staff@cluster.example")
    assert user.name == "staff"  # the address's local part
    assert verify_password(user.password_hash, PASSWORD)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["weak@cluster.example", "--password", "short"], "10 to 200 characters"),
        (["weak@cluster.example", "--password", "passwort1234"], "too common"),
        (["not-an-address", "--password", PASSWORD], "Invalid value for EMAIL"),
        (
            ["weak@cluster.example", "--role", "king", "--password", PASSWORD],
            "Invalid value for '--role'",
        ),
    ],
)
def test_bad_input_is_refused(runner, args, message):
    result = runner.invoke(args=["portal", "create-user", *args])
    assert result.exit_code != 0
    assert message in result.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_existing_address_is_refused(runner):
    UserFactory(email="taken@cluster.example")
    result = runner.invoke(
        args=["portal", "create-user", "TAKEN@cluster.example", "--password", PASSWORD]
    )
    assert result.exit_code == 1
    assert "exists already" in result.output
