"""/policy: the whole policy, wording unchanged, with an id on everything a citation can point to."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape


class _ElementText(HTMLParser):
    """Collect the ids on a page and the text of each element that has one (pilcrow links left out)."""

    VOID = {"br", "img", "input", "meta", "link", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.text: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []  # (tag, id) of open elements
        self._skip = 0  # depth inside an <a class="pilcrow">

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "br":
            self._append("\n")
        if tag in self.VOID:
            return
        element_id = attrs.get("id")
        if element_id:
            self.ids.append(element_id)
            self.text[element_id] = ""
        if self._skip or (tag == "a" and "pilcrow" in (attrs.get("class") or "").split()):
            self._skip += 1
        self._open.append((tag, element_id))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self._open:
            open_tag, _ = self._open.pop()
            if self._skip:
                self._skip -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self._skip:
            self._append(data)

    def _append(self, data):
        for _, element_id in self._open:
            if element_id:
                self.text[element_id] += data


@pytest.fixture
def policy(app):
    return app.extensions["assistant"].index.policy


@pytest.fixture
def page(client):
    response = client.get("/policy")
    assert response.status_code == 200 and response.mimetype == "text/html"
    parser = _ElementText()
    parser.feed(response.get_data(as_text=True))
    parser.close()
    return parser


def test_ids_are_unique(page):
    assert len(page.ids) == len(set(page.ids))


def test_every_clause_has_its_anchor(page, policy):
    missing = [c.anchor for c in policy.clauses if c.anchor not in page.text]
    assert not missing
    assert len(policy.clauses) == 71


def test_every_section_and_subheading_has_its_anchor(page, policy):
    for section in policy.sections:
        assert page.text[section.anchor].strip() == f"{section.number}. {section.title}"
        for block in section.blocks:
            if block.heading:
                assert page.text[block.anchor].strip() == block.heading


@pytest.mark.parametrize("anchor", ["s6", "s6-correction-and-deletion", "s6-correction-and-deletion-2", "s12-2"])
def test_known_anchors(page, anchor):
    assert anchor in page.ids


def test_clause_wording_is_shown_unchanged(page, policy):
    for clause in policy.clauses:
        assert page.text[clause.anchor].strip() == clause.text, clause.id


def test_citation_urls_from_the_api_resolve_on_the_page(client, page):
    data = client.post("/api/ask", json={"question": "Can I delete my account?"}).json
    for citation in data["citations"]:
        path, _, anchor = citation["url"].partition("#")
        # Version 1 is the version in force: its page is /policy's text, pinned to the version cited.
        assert path == "/policy/v/1" and anchor in page.ids


def test_table_of_contents_links_to_every_section(client, policy):
    html = client.get("/policy").get_data(as_text=True)
    for section in policy.sections:
        assert f'<a href="#{section.anchor}">{escape(section.title)}</a>' in html


def test_policy_page_has_no_inline_script_or_style(client):
    html = client.get("/policy").get_data(as_text=True)
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert "script-src 'self'" in client.get("/policy").headers["Content-Security-Policy"]


def test_sections_that_grant_a_right_link_to_the_request_form(client):
    page = client.get("/policy").get_data(as_text=True)
    assert '<a class="button" href="/request">Make a request about your data</a>' in page  # section 6: several types
    assert '<a class="button" href="/request?type=child_data">Report a child' in page  # section 9: one type
    assert '<a class="button" href="/request?type=grievance">Complain about how we handled my data' in page  # §12
    assert page.count('class="request-link"') == 3


def test_every_page_offers_the_request_form_and_has_an_icon(client):
    page = client.get("/").get_data(as_text=True)
    assert '<a href="/request">Make a request</a>' in page
    assert 'rel="icon" href="/favicon.ico" type="image/svg+xml"' in page
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.data == (Path(client.application.static_folder) / "favicon.svg").read_bytes()
