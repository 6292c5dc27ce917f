"""Finding and registering the embedded Chinese TrueType font.

Documents embed a subset of a TrueType font. Adobe's built-in CID fonts (STSong-Light) are not
embedded and show as boxes on machines without Chinese fonts; Noto CJK has PostScript (CFF)
outlines that reportlab cannot embed; Droid Sans Fallback has no Latin letters or digits.
"""

from __future__ import annotations

import os
import shutil
import subprocess  # nosec B404
import threading
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

# (fontconfig family, Debian package, the package's usual file) in order of preference.
CANDIDATES = (
    ("WenQuanYi Micro Hei", "fonts-wqy-microhei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    ("AR PL UMing", "fonts-arphic-uming", "/usr/share/fonts/truetype/arphic/uming.ttc"),
)
CONFIG_NAME = "DISPUTES_PDF_FONT"


class FontMissing(RuntimeError):
    """No usable Chinese TrueType font: the message says, in Chinese and English, what to install."""


@dataclass(frozen=True)
class FontChoice:
    """A font file, the face inside a collection (.ttc), and its family name."""

    path: str
    subfont_index: int = 0
    family: str = ""


def _missing(detail_zh: str, detail_en: str) -> FontMissing:
    package = CANDIDATES[0][1]
    return FontMissing(
        f"{detail_zh}请安装 Debian 软件包 {package}（apt-get install -y {package}），"
        f"或在配置项 {CONFIG_NAME} 中填写 TrueType 字体文件的路径。 "
        f"{detail_en} Install the Debian package {package} (apt-get install -y {package}) "
        f"or set {CONFIG_NAME} to the path of a TrueType font file."
    )


def _split_index(configured: str) -> tuple[str, int]:
    """``/path/font.ttc:1`` names face 1 of a collection; a bare path means face 0."""
    path, sep, index = configured.rpartition(":")
    if sep and index.isdigit() and not os.path.exists(configured):
        return path, int(index)
    return configured, 0


def _from_config(configured: str) -> FontChoice:
    path, index = _split_index(configured.strip())
    if not os.path.isfile(path):
        raise _missing(
            f"配置的中文字体文件不存在：{path}。", f"The configured Chinese font file does not exist: {path}."
        )
    return FontChoice(path, index, os.path.splitext(os.path.basename(path))[0])


def _fc_match(family: str) -> FontChoice | None:
    """Ask fontconfig for ``family``; it answers with a fallback (DejaVu) when the family is
    absent, so the answer counts only if its family list names what was asked for."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        # fc-match found on PATH, our own arguments, no shell.
        result = subprocess.run(  # nosec B603
            [fc_match, "-f", "%{file}\n%{index}\n%{family}", family],
            capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = result.stdout.split("\n")
    if result.returncode != 0 or len(lines) < 3:
        return None
    path, index, families = lines[0], lines[1], lines[2]
    if family.casefold() not in (f.strip().casefold() for f in families.split(",")):
        return None
    return FontChoice(path, int(index) if index.isdigit() else 0, family)


def _discover() -> FontChoice:
    for family, _package, usual_path in CANDIDATES:
        choice = _fc_match(family)
        if choice is not None:
            return choice
        if os.path.isfile(usual_path):
            return FontChoice(usual_path, 0, family)
    raise _missing("未找到可嵌入的中文字体。", "No embeddable Chinese font was found.")


_resolved: dict[str, FontChoice] = {}


def resolve_font(configured: str | None) -> FontChoice:
    """The font to embed: the configured path (``DISPUTES_PDF_FONT``, optionally ``path:index``),
    else WenQuanYi Micro Hei, else AR PL UMing, found with ``fc-match``.

    Raises ``FontMissing`` naming the Debian package to install. Successful answers are cached.
    """
    key = configured.strip() if configured and configured.strip() else ""
    if key not in _resolved:
        _resolved[key] = _from_config(key) if key else _discover()
    return _resolved[key]


_registered: dict[tuple[str, int], str] = {}
_lock = threading.Lock()


def register_font(choice: FontChoice) -> str:
    """Register ``choice`` with reportlab once per process and return its font name.

    Loading a CJK TrueType file takes about a tenth of a second, so it happens once per path.
    Bold and italic map to the same face (WQY has no bold), so ``<b>`` never fails.
    """
    key = (os.path.realpath(choice.path), choice.subfont_index)
    with _lock:
        if key not in _registered:
            name = f"DisputeDeskCJK{len(_registered)}"
            try:
                pdfmetrics.registerFont(TTFont(name, key[0], subfontIndex=key[1]))
            except (TTFError, OSError) as exc:
                raise _missing(
                    f"字体 {choice.path} 无法嵌入（需要 TrueType 轮廓）：{exc}。",
                    f"The font {choice.path} cannot be embedded (TrueType outlines are needed): {exc}.",
                ) from exc
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
            _registered[key] = name
        return _registered[key]
