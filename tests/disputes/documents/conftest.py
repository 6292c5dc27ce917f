"""Fixtures for the PDF tests: the poppler tools, text extraction, and rendered documents."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from disputes.documents import render_document

from .factories import for_kind

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "documents"


def _tool(name: str) -> str:
    """The path of a poppler-utils program; in CI its absence fails the test instead of skipping."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is missing: install the Debian package poppler-utils"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def pdftotext() -> str:
    return _tool("pdftotext")


@pytest.fixture(scope="session")
def pdffonts() -> str:
    return _tool("pdffonts")


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    return _tool("pdftoppm")


@pytest.fixture(scope="session")
def text_of(pdftotext):
    """PDF bytes → the text in content order (``pdftotext -raw``)."""
    def extract(pdf: bytes) -> str:
        result = subprocess.run([pdftotext, "-raw", "-enc", "UTF-8", "-", "-"], input=pdf,
                                capture_output=True, check=True, timeout=30)
        return result.stdout.decode("utf-8")
    return extract


@pytest.fixture(scope="session")
def flat_text_of(text_of):
    """PDF bytes → its text with all whitespace removed, so wrapped lines still match."""
    return lambda pdf: re.sub(r"\s+", "", text_of(pdf))


@functools.cache
def _standard(kind: str, language: str) -> bytes:
    return render_document(kind, for_kind(kind), language=language)


@pytest.fixture(scope="session")
def standard_pdf():
    """The PDF of ``kind`` for the factory's standard case, rendered once per session."""
    return _standard


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
