"""Enum labels: members of different enums that share a value keep their own label."""

import pytest
from flask_babel import force_locale

from portal.labels import choices, label
from portal.models import CourseFormat, PostingStatus, Remote, ReportReason


def test_equal_values_of_different_enums_keep_their_own_labels(app):
    assert PostingStatus.EXPIRED == ReportReason.EXPIRED  # StrEnum: the trap being tested
    with app.test_request_context(), force_locale("en"):
        assert label(PostingStatus.EXPIRED) == "Expired"
        assert label(ReportReason.EXPIRED) == "No longer available"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_choice_has_a_label(app, lang):
    with app.test_request_context(), force_locale(lang):
        for enum_cls in (PostingStatus, ReportReason, Remote, CourseFormat):
            for choice in choices(enum_cls):
                assert str(choice.label) and str(choice.label) != choice.value
