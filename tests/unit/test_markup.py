"""Editors' Markdown cannot inject scripts into pages."""

from revue.markup import body_html


def test_scripts_handlers_and_javascript_links_are_removed() -> None:
    html = body_html(
        'Texte <script>alert(1)</script> <img src=x onerror="alert(2)">\n\n'
        '[lien](javascript:alert(3)) <a href="https://vnanet.vn" onclick="alert(4)">VNA</a>\n\n'
        "<iframe src='https://evil.example'></iframe><style>body{}</style>"
    )
    for forbidden in (
        "<script",
        "alert(1)",
        "onerror",
        "javascript:",
        "onclick",
        "<iframe",
        "<style",
        "<img",
    ):
        assert forbidden not in html
    assert '<a href="https://vnanet.vn" rel="noopener noreferrer">VNA</a>' in html
