"""The provinces' names in English, as the State Council's English pages and the national
standard's romanisation write them (GB/T 2260 codes): Pinyin, with the customary "Inner
Mongolia" and "Tibet" (also written Xizang), and "Shaanxi" kept apart from "Shanxi".
Counties and prefectures have no English here: a page in English shows them as written in
Chinese, as quoted names.
"""
from __future__ import annotations

PROVINCE_NAMES_EN = {
    "110000": "Beijing", "120000": "Tianjin", "130000": "Hebei", "140000": "Shanxi",
    "150000": "Inner Mongolia", "210000": "Liaoning", "220000": "Jilin", "230000": "Heilongjiang",
    "310000": "Shanghai", "320000": "Jiangsu", "330000": "Zhejiang", "340000": "Anhui",
    "350000": "Fujian", "360000": "Jiangxi", "370000": "Shandong", "410000": "Henan",
    "420000": "Hubei", "430000": "Hunan", "440000": "Guangdong", "450000": "Guangxi",
    "460000": "Hainan", "500000": "Chongqing", "510000": "Sichuan", "520000": "Guizhou",
    "530000": "Yunnan", "540000": "Tibet", "610000": "Shaanxi", "620000": "Gansu",
    "630000": "Qinghai", "640000": "Ningxia", "650000": "Xinjiang",
    "710000": "Taiwan", "810000": "Hong Kong", "820000": "Macao",
}


def province_name_en(code: str | None) -> str | None:
    """The English name of a province by its code ("11", "110000"), or None when it is not one."""
    if not code:
        return None
    digits = str(code).strip()
    return PROVINCE_NAMES_EN.get(digits[:2].ljust(6, "0")) if digits[:2].isdigit() else None
