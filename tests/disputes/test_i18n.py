"""The English interface: a complete catalogue, in step with the code, that the pages actually use.

Chinese is the source language (the msgids); English lives in disputes/translations/en. `make messages`
extracts the strings and merges them into the catalogue; these tests fail while a string in the code has
no reviewed English, while a translation loses a placeholder, or while a key page still shows Chinese to
someone who chose English (?lang=en, see disputes/i18n.py).
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import sqlalchemy as sa
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from disputes.extensions import db
from tests.support import csrf_token

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "disputes" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# The keywords `make messages` adds to Babel's defaults (_, gettext, ngettext, pgettext, N_, …).
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}

# Han ideographs, kana, bopomofo, and CJK and full-width punctuation (（）：，。、 …).
CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31bf\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+"
)
PLACEHOLDER = re.compile(
    r"%\([A-Za-z_]\w*\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"  # %(name)s
    r"|%[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]"  # %s, %d, %%
    r"|\{[A-Za-z_]\w*(?:[.!:][^{}]*)?\}"  # {name}, {name:>3}
)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _strings(message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string,)


def _ids(message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def _label(message) -> str:
    return _ids(message)[0]


@pytest.fixture(scope="module")
def catalogue():
    with CATALOGUE.open("rb") as po:
        return read_po(po)


def _messages(catalogue):
    return [message for message in catalogue if message.id]


# (a) The catalogue itself.

def test_every_english_message_is_translated_and_reviewed(catalogue):
    messages = _messages(catalogue)
    untranslated = [_label(m) for m in messages if not all(s.strip() for s in _strings(m))]
    fuzzy = [_label(m) for m in messages if m.fuzzy]
    still_chinese = [_label(m) for m in messages if any(CJK.search(s) for s in _strings(m))]
    assert len(messages) > 400
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy (check the English, then remove the flag): {fuzzy}"
    assert not still_chinese, f"English that still has Chinese in it: {still_chinese}"


def test_plural_messages_have_both_english_forms(catalogue):
    assert catalogue.num_plurals == 2
    plurals = [m for m in _messages(catalogue) if m.pluralizable]
    assert plurals, "the code uses ngettext (errors.py, the library search page)"
    assert all(len(_strings(m)) == 2 for m in plurals)


def test_every_translation_keeps_the_placeholders_and_markup_of_its_source(catalogue):
    problems = []
    for message in _messages(catalogue):
        ids = _ids(message)
        for form, text in enumerate(_strings(message)):
            source = ids[min(form, len(ids) - 1)]
            for pattern in (PLACEHOLDER, HTML_TAG):
                if sorted(pattern.findall(text)) != sorted(pattern.findall(source)):
                    problems.append((source, text))
    problems += [(str(message.id), str(errors)) for message, errors in catalogue.check()]
    assert not problems


def test_the_compiled_catalogue_is_the_current_po_file(catalogue):
    assert COMPILED.exists(), "compile the catalogue: make translations"
    with COMPILED.open("rb") as mo:
        compiled = read_mo(mo)
    translated = [m for m in _messages(catalogue) if all(_strings(m)) and not m.fuzzy]  # what compile keeps
    stale = [_label(m) for m in translated if compiled.get(m.id) is None or _strings(compiled.get(m.id)) != _strings(m)]
    assert not stale, f"messages.mo is older than messages.po; run `make translations`: {stale[:5]}"


# (b) The catalogue against the code: a new string without English fails here.

def _extracted_from_source():
    """Every msgid the code and templates use, extracted in memory as `make messages` does."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    tops = {pattern.split("/", 1)[0] for pattern, _ in method_map}

    def only_mapped_folders(path: str) -> bool:  # skip node_modules, .venv, instance and friends
        relative = Path(path).relative_to(ROOT)
        return relative.parts[0] in tops and not relative.name.startswith((".", "__"))

    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS, directory_filter=only_mapped_folders,
    ):
        found.setdefault((message, context), f"{filename}:{lineno}")
    return found


def test_every_string_in_the_code_has_a_reviewed_english_translation(catalogue):
    extracted = _extracted_from_source()
    assert len(extracted) > 400, "the extraction found too little: check babel.cfg and KEYWORDS"
    missing, unreviewed = [], []
    for (message, context), where in sorted(extracted.items(), key=lambda item: item[1]):
        singular = message[0] if isinstance(message, tuple) else message
        entry = catalogue.get(singular, context)
        if entry is None or (isinstance(message, tuple) and _ids(entry) != message):
            missing.append(f"{where}: {message!r}")
        elif entry.fuzzy or not all(s.strip() for s in _strings(entry)):
            unreviewed.append(f"{where}: {message!r}")
    assert not missing, "strings missing from the English catalogue; run `make messages` and translate:\n" + "\n".join(missing)
    assert not unreviewed, "strings without reviewed English:\n" + "\n".join(unreviewed)


# (c) The key pages in each language.

class _VisibleText(HTMLParser):
    """The text a reader sees or hears: element text and the placeholder, title, alt and aria-label
    attributes, without scripts, styles, and elements marked as another language than the page's
    (the language switch: <a lang="zh-CN">中文</a> on an English page)."""

    SKIP = {"script", "style", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    SPOKEN_ATTRIBUTES = ("placeholder", "title", "alt", "aria-label")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.page_language: str | None = None
        self.lang_stack: list[bool] = []  # one entry per open element: is it skipped?

    def _skipping(self) -> bool:
        return any(self.lang_stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.page_language = attributes.get("lang")
        language = attributes.get("lang")
        skipped = tag in self.SKIP or (tag != "html" and language is not None and language != self.page_language)
        if not (skipped or self._skipping()):
            self.parts += [attributes[name] for name in self.SPOKEN_ATTRIBUTES if attributes.get(name)]
        if tag not in self.VOID:
            self.lang_stack.append(skipped)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.lang_stack:
            self.lang_stack.pop()

    def handle_data(self, data):
        if not self._skipping():
            self.parts.append(data)


def _chinese_runs(html: str) -> set[str]:
    parser = _VisibleText()
    parser.feed(html)
    return set(CJK.findall(" ".join(parser.parts)))


KEY_PAGES = {
    "home": "/",
    "guide": "/guide",
    "intake form": "/intake",
    "intake's employer step": "/intake/employer",
    "resume a draft": "/intake/resume",
    "status lookup": "/status",
    "new access code": "/status/reset",
    "my situation": "/assess",
    "report to the inspectorate": "/inspection/report",
    "staff login": "/login",
    "typical-case search": "/typical-cases",
}


@pytest.mark.parametrize("path", KEY_PAGES.values(), ids=KEY_PAGES.keys())
def test_key_pages_in_english_show_no_chinese_outside_the_data(client, regions, path):
    response = client.get(f"{path}?lang=en")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert not _chinese_runs(html)  # province names too (places/english.py)


@pytest.mark.parametrize("path", KEY_PAGES.values(), ids=KEY_PAGES.keys())
def test_key_pages_are_in_chinese_by_default(client, regions, path):
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="zh-CN">' in html
    assert _chinese_runs(html)


def test_the_english_choice_is_remembered_for_the_session(client, regions):
    client.get("/login?lang=en")
    html = client.get("/intake").get_data(as_text=True)
    assert '<html lang="en">' in html and not _chinese_runs(html)


def test_english_search_results_show_chinese_only_in_the_published_cases(client, regions):
    """With the shipped library, titles, snippets, regions and sources are data (in Chinese); every
    label around them, the facets included, is English."""
    from disputes.models import TypicalCase
    from disputes.seeding import seed_library

    seed_library()
    rows = db.session.scalars(sa.select(TypicalCase).where(TypicalCase.status == "published")).all()
    data = "\n".join(
        str(value) for row in rows
        for value in (row.title, row.facts, row.holding, row.reasoning, row.region, row.source_body, row.source_release)
        if value
    )
    html = client.get("/typical-cases?lang=en").get_data(as_text=True)
    assert "Outcome" in html and "Occupation" in html  # the facets are there
    labels = {run for run in _chinese_runs(html) if run not in data}
    assert not labels


# The marks a page turns half-width beside English (i18n._HALF_WIDTH): alone, they were left beside it.
PUNCTUATION_ONLY = re.compile("[：（），；、。]+")


def _outside(runs: set[str], data: list[str]) -> set[str]:
    """The Chinese runs that are not part of a stored value (a name, the facts, a place). A run of
    such punctuation alone ("。" between two English sentences) is never the data's."""
    return {run for run in runs
            if PUNCTUATION_ONLY.fullmatch(run) or not any(run in value for value in data if value)}


@pytest.mark.parametrize("page", ["/cases", "/cases/{case_no}", "/dashboard", "/alerts"])
def test_staff_pages_in_english_show_chinese_only_in_what_was_filed(client, auth, file_case, page):
    mediator = auth.login_as("mediator")
    case = file_case(place="北京市朝阳区").case
    html = client.get(page.format(case_no=case.case_no) + "?lang=en").get_data(as_text=True)
    data = [case.facts, case.platform, case.organisation.name if case.organisation else None, mediator.display_name,
            case.place.full_name if case.place else None,
            *(w.name for w in case.workers), *(r.name for r in case.respondents)]
    assert '<html lang="en">' in html
    assert not _outside(_chinese_runs(html), data)


def test_templates_translate_with_the_requests_language_as_jinja_would(app):
    """The request-bound gettext (i18n.template_gettext) against Flask-Babel's own: the same text,
    placeholders filled, a value escaped under autoescape and a plural counted."""
    from flask import render_template_string

    source = ('{{ _("请先登录。") }}|{{ _("通知正文不能超过 %(n)d 字。", n=5) }}|{{ _("%(days)s 不是", days="<b>") }}'
              '|{{ ngettext("%(num)d 件", "%(num)d 件", 2) }}')
    with app.test_request_context("/?lang=en"):
        fast = render_template_string(source)
        app.template_context_processors[None] = [
            processor for processor in app.template_context_processors[None]
            if processor.__name__ != "_this_requests_translations"]
        babels = render_template_string(source)
    assert fast == babels and fast.startswith("Please sign in") and "&lt;b&gt;" in fast and "<b>" not in fast


ASSESSED = "我在站点送外卖，每天早上八点开早会打卡，站长排班，系统派单不能拒单，拒单扣50元，按月发工资，干了两年。"


def _library_data() -> list[str]:
    from disputes.models import TypicalCase
    from disputes.seeding import seed_library

    seed_library()
    rows = db.session.scalars(sa.select(TypicalCase).where(TypicalCase.status == "published")).all()
    return [value for row in rows for value in (row.title, row.facts)]


def test_the_assessment_in_english_shows_chinese_only_in_the_account_and_the_published_cases(client, regions):
    """The explanation, the reasons, the questions and the similar cases' reasons are English; what
    it quotes of the account (and the cases' titles and words) stays as written."""
    data = [ASSESSED, *_library_data()]
    html = client.post("/assess?lang=en", data={"csrf_token": csrf_token(client, "/assess?lang=en"),
                                               "facts": ASSESSED}).get_data(as_text=True)
    assert "First view: Labour relationship." in html and "Lao She Bu Fa [2005] No. 12, Art. 1" in html
    assert not _outside(_chinese_runs(html), data)


def test_a_saved_assessment_reads_in_english_on_the_case_page(client, auth, file_case):
    data = _library_data()
    mediator = auth.login_as("mediator")
    case = file_case(facts="配送费是公司定的，差评扣钱").case
    client.post(f"/cases/{case.case_no}/assessment", data={
        "csrf_token": csrf_token(client, f"/cases/{case.case_no}/assessment?lang=en"), "save": "1"})
    english = client.get(f"/cases/{case.case_no}").get_data(as_text=True)
    assert "Cannot tell yet" in english and "Open question 1:" in english
    filed = [case.facts, case.platform, case.organisation.name if case.organisation else None,
             case.place.full_name if case.place else None, mediator.display_name,
             *(w.name for w in case.workers), *(r.name for r in case.respondents), *data]
    assert not _outside(_chinese_runs(english), filed)
    rerun = client.get(f"/cases/{case.case_no}/assessment").get_data(as_text=True)
    assert "Burden of proof:" in rerun and not _outside(_chinese_runs(rerun), filed)
    chinese = client.get(f"/cases/{case.case_no}?lang=zh_CN").get_data(as_text=True)
    assert "暂无法判断（目前倾向" in chinese and "待查明1：" in chinese


def test_a_published_case_in_english_cites_its_law_in_english(client, regions):
    """The record (title, facts, reasons, source) is data, in Chinese; its legal basis is cited as
    English legal writing cites it, and every label around it is English."""
    from disputes.models import TypicalCase

    _library_data()
    rows = db.session.scalars(sa.select(TypicalCase).where(TypicalCase.status == "published")).all()
    values = [getattr(row, column.key) for row in rows for column in TypicalCase.__table__.columns]
    everything = [value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                  for value in values if isinstance(value, (str, list, dict))]
    cited = [row for row in rows if row.statutes]
    for row in [*cited[:15], *rows[:15]]:
        html = client.get(f"/typical-cases/{row.id}?lang=en").get_data(as_text=True)
        assert not _outside(_chinese_runs(html), everything), row.id
    from glossary.laws import citation_en

    for row in cited:
        html = client.get(f"/typical-cases/{row.id}?lang=en").get_data(as_text=True)
        listed = re.search(r"<h2>Legal basis</h2><ul>(.*?)</ul>", html, re.S).group(1)
        shown = _VisibleText()
        shown.feed(listed)
        assert [part.strip() for part in shown.parts if part.strip()] == [citation_en(s) for s in row.statutes], row.id
