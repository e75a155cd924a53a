from tests.factories import PostingFactory


def test_factory_builds_public_posting(db):
    posting = PostingFactory(texts={"de": "Laseringenieur (m/w/d)", "en": "Laser engineer"})
    assert posting.is_public()
    assert posting.text("en").title == "Laser engineer"
    assert posting.cities == ["Jena"]
