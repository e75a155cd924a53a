"""Markdown rendering is safe: no raw HTML, no script URLs, links marked nofollow."""

import re

import pytest

from portal.services.markdown import plain, render


def test_renders_basic_markdown():
    html = str(render("# Title\n\n- **one**\n- two"))
    assert "<h2>Title</h2>" in html  # h1 is reserved for the page
    assert "<li><strong>one</strong></li>" in html


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "<a href='https://evil.example' onclick='x()'>a</a>",
        "![x](https://tracker.example/pixel.png)",
        "<iframe src=https://evil.example></iframe>",
    ],
)
def test_dangerous_input_is_neutralised(source):
    html = str(render(source))
    assert "<script" not in html
    assert not re.search(r"<[^>]+\son\w+=", html)  # no event handler on any tag
    assert 'href="javascript' not in html
    assert "<img" not in html  # no images from other hosts (GDPR)
    assert "<iframe" not in html


def test_links_get_nofollow_noopener():
    html = str(render("[site](https://example.org)"))
    assert 'href="https://example.org"' in html
    assert 'rel="nofollow noopener"' in html


def test_plain_text_is_unescaped_and_shortened():
    assert plain("**Fish & chips** are <great>", limit=300) == "Fish & chips are <great>"
    assert plain("word " * 100, limit=20).endswith("…")
    assert len(plain("word " * 100, limit=20)) == 20
    assert plain(None) == ""
