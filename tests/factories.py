"""Test data builders bound to the app's session (factory_boy, as in lemur's tests)."""

from __future__ import annotations

from datetime import timedelta

import factory
from factory.alchemy import SQLAlchemyModelFactory

from portal.extensions import db
from portal.models import (
    CourseFormat,
    CourseStatus,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Posting,
    PostingKind,
    PostingLocation,
    PostingStatus,
    PostingText,
    Topic,
    TrainingCourse,
    TrainingSession,
    TrainingText,
    User,
    utcnow,
)


class BaseFactory(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "flush"


class UserFactory(BaseFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    name = factory.Sequence(lambda n: f"User {n}")
    email_verified_at = factory.LazyFunction(utcnow)

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        """`UserFactory(password="…")` stores its argon2 hash, so the user can log in."""
        if extracted:
            from portal.services.passwords import hash_password

            self.password_hash = hash_password(extracted)
            if create:
                db.session.flush()


class OrganisationFactory(BaseFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"org-{n}")
    name = factory.Sequence(lambda n: f"Optik Firma {n} GmbH")
    kind = OrganisationKind.COMPANY
    status = OrganisationStatus.APPROVED
    city = "Jena"
    member = True


class MembershipFactory(BaseFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.OWNER


class TopicFactory(BaseFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_de = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class PostingFactory(BaseFactory):
    """A published, unexpired posting with a German text in Jena unless told otherwise.

    `texts` takes {lang: title} or {lang: {field: value}}; `cities` a list of city names.
    """

    class Meta:
        model = Posting

    organisation = factory.SubFactory(OrganisationFactory)
    kind = PostingKind.JOB
    status = PostingStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: utcnow() - timedelta(days=1))
    expires_at = factory.LazyFunction(lambda: utcnow() + timedelta(days=30))
    working_languages = factory.LazyFunction(lambda: ["de"])
    apply_url = "https://example.org/apply"

    @factory.post_generation
    def texts(self, create, extracted, **kwargs):
        spec = extracted or {"de": "Entwicklungsingenieur Optik (m/w/d)"}
        for lang, value in spec.items():
            fields = value if isinstance(value, dict) else {"title": value}
            fields.setdefault("summary", "")
            fields.setdefault("body", "")
            self.texts.append(PostingText(lang=lang, **fields))
        if create:
            db.session.flush()

    @factory.post_generation
    def cities(self, create, extracted, **kwargs):
        for position, city in enumerate(extracted or ["Jena"]):
            self.locations.append(PostingLocation(city=city, position=position, country="DE"))
        if create:
            db.session.flush()


class TrainingFactory(BaseFactory):
    class Meta:
        model = TrainingCourse

    format = CourseFormat.ONSITE
    status = CourseStatus.PUBLISHED
    city = "Jena"
    starts_at = factory.LazyFunction(lambda: utcnow() + timedelta(days=20))
    ends_at = factory.LazyFunction(lambda: utcnow() + timedelta(days=20, hours=6))
    published_at = factory.LazyFunction(utcnow)
    registration_url = "https://example.org/register"

    @factory.post_generation
    def texts(self, create, extracted, **kwargs):
        for lang, title in (extracted or {"de": "Grundlagen der Lasersicherheit"}).items():
            self.texts.append(TrainingText(lang=lang, title=title, summary="", body=""))
        if not self.sessions:
            self.sessions.append(TrainingSession(starts_at=self.starts_at, ends_at=self.ends_at))
        if create:
            db.session.flush()
