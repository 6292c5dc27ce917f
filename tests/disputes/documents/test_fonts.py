"""resolve_font finds an embeddable Chinese TrueType font or says what to install."""

from __future__ import annotations

import os
import subprocess

import pytest

from disputes.documents import FontMissing, render_document, resolve_font
from disputes.documents import fonts

from .factories import make_context


def test_resolves_an_installed_chinese_truetype_font():
    choice = resolve_font(None)
    assert os.path.isfile(choice.path)
    assert choice.family in {family for family, _package, _path in fonts.CANDIDATES}


def test_configured_path_wins_and_may_name_a_face():
    installed = resolve_font(None).path
    assert resolve_font(installed).path == installed
    assert resolve_font(f"{installed}:1").subfont_index == 1


def test_missing_configured_font_names_the_package_in_both_languages(tmp_path):
    with pytest.raises(FontMissing) as raised:
        resolve_font(str(tmp_path / "nowhere.ttf"))
    message = str(raised.value)
    assert "fonts-wqy-microhei" in message
    assert "请安装" in message and "Install the Debian package" in message
    assert "DISPUTES_PDF_FONT" in message


def test_no_candidate_font_raises(monkeypatch):
    absent = (("No Such Family Anywhere", "fonts-wqy-microhei", "/nonexistent.ttc"),)
    monkeypatch.setattr(fonts, "CANDIDATES", absent)
    with pytest.raises(FontMissing, match="fonts-wqy-microhei"):
        fonts._discover()


def test_fontconfig_fallback_is_not_taken_for_the_asked_family():
    # fc-match answers every query, with DejaVu when the family is absent.
    assert fonts._fc_match("No Such Family Anywhere") is None


def test_a_file_that_is_not_truetype_is_refused(tmp_path):
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"this is not a font" * 100)
    with pytest.raises(FontMissing, match="TrueType"):
        render_document("case_summary", make_context(), font_path=str(bogus))


def test_font_is_registered_once_per_path():
    choice = resolve_font(None)
    assert fonts.register_font(choice) == fonts.register_font(choice)


def test_render_with_the_configured_path_embeds_it(pdffonts):
    pdf = render_document("acceptance_notice", make_context(), font_path=resolve_font(None).path)
    listing = subprocess.run([pdffonts, "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "WenQuanYi" in listing or "UMing" in listing
