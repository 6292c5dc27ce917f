"""The division list as data (places/data/divisions.json) and the lookups on it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import places
from places import match_listed, parse_listed, place_by_code, resolve

ROOT = Path(__file__).resolve().parents[2]
MUNICIPALITIES = ("110000", "120000", "310000", "500000")

# One prefecture (or, for a municipality, none) and one county of every province, as the 2025
# list has them: (province code, province, prefecture code, prefecture, county code, county).
SAMPLES = [
    ("110000", "北京市", None, None, "110108", "海淀区"),
    ("120000", "天津市", None, None, "120116", "滨海新区"),
    ("130000", "河北省", "130100", "石家庄市", "130123", "正定县"),
    ("140000", "山西省", "140300", "阳泉市", "140322", "盂县"),
    ("150000", "内蒙古自治区", "150700", "呼伦贝尔市", "150724", "鄂温克族自治旗"),
    ("210000", "辽宁省", "210100", "沈阳市", "210103", "沈河区"),
    ("220000", "吉林省", "220700", "松原市", "220721", "前郭尔罗斯蒙古族自治县"),
    ("230000", "黑龙江省", "230100", "哈尔滨市", "230113", "双城区"),
    ("310000", "上海市", None, None, "310115", "浦东新区"),
    ("320000", "江苏省", "320500", "苏州市", "320583", "昆山市"),
    ("330000", "浙江省", "330300", "温州市", "330383", "龙港市"),
    ("340000", "安徽省", "340100", "合肥市", "340181", "巢湖市"),
    ("350000", "福建省", "350600", "漳州市", "350605", "长泰区"),
    ("360000", "江西省", "360400", "九江市", "360483", "庐山市"),
    ("370000", "山东省", "370100", "济南市", "370116", "莱芜区"),
    ("410000", "河南省", "410300", "洛阳市", "410307", "偃师区"),
    ("420000", "湖北省", "420100", "武汉市", "420103", "江汉区"),
    ("430000", "湖南省", "433100", "湘西土家族苗族自治州", "433101", "吉首市"),
    ("440000", "广东省", "440300", "深圳市", "440309", "龙华区"),
    ("450000", "广西壮族自治区", "450100", "南宁市", "450181", "横州市"),
    ("460000", "海南省", "460200", "三亚市", "460205", "崖州区"),
    ("500000", "重庆市", None, None, "500157", "两江新区"),
    ("510000", "四川省", "513400", "凉山彝族自治州", "513402", "会理市"),
    ("520000", "贵州省", "520300", "遵义市", "520325", "道真仡佬族苗族自治县"),
    ("530000", "云南省", "532900", "大理白族自治州", "532901", "大理市"),
    ("540000", "西藏自治区", "540400", "林芝市", "540481", "米林市"),
    ("610000", "陕西省", "610100", "西安市", "610118", "鄠邑区"),
    ("620000", "甘肃省", "622900", "临夏回族自治州", "622926", "东乡族自治县"),
    ("630000", "青海省", "632500", "海南藏族自治州", "632521", "共和县"),
    ("640000", "宁夏回族自治区", "640300", "吴忠市", "640303", "红寺堡区"),
    ("650000", "新疆维吾尔自治区", "653200", "和田地区", "653228", "和康县"),
]


# ------------------------------------------------------------------------------------ the data

def test_the_data_names_its_edition_source_and_licence():
    ed = places.edition()
    assert ed.year == 2025 and ed.as_of == "2025-12-31"
    assert ed.publisher == "中华人民共和国民政部" and "GB/T 2260" in ed.standard
    assert ed.taken_from["repository"].startswith("https://github.com/")
    assert len(ed.taken_from["commit"]) == 40 and "CC0" in ed.taken_from["licence"]
    assert all(url.startswith("https://www.mca.gov.cn/") for url in ed.publisher_pages)


def test_the_counts_of_the_2025_list():
    provinces = places.provinces()
    assert len(provinces) == 31 and len(places.provinces(mainland_only=False)) == 34
    assert sum(len(places.prefectures(p)) for p in provinces) == 333
    assert sum(len(places.counties(p)) for p in provinces) == 2845


@pytest.mark.parametrize("province", places.provinces(), ids=lambda p: p.code)
def test_every_province_has_prefectures_and_counties(province):
    if province.code in MUNICIPALITIES:
        # a municipality's districts and counties hang directly under it
        assert places.prefectures(province) == ()
        assert all(c.level == "county" and c.prefecture_code is None for c in places.children(province))
    else:
        assert len(places.prefectures(province)) >= 4  # 海南省 has the fewest
    assert len(places.counties(province)) >= 10
    for prefecture in places.prefectures(province):
        assert prefecture.code[:2] == province.code[:2] and prefecture.code.endswith("00")
        for county in places.children(prefecture):
            assert county.code[:4] == prefecture.code[:4] and county.level == "county"


def test_codes_are_unique_six_digits_and_their_parents_follow_from_them():
    data = places.divisions()
    for code, place in data.by_code.items():
        assert len(code) == 6 and code.isdigit() and place.code == code
        if place.parent_code:
            assert data.by_code[place.parent_code].level in ("province", "prefecture")
            assert place.province_code == code[:2] + "0000"


# -------------------------------------------------------------------------- by code and by name

@pytest.mark.parametrize("prov_code, prov, pref_code, pref, county_code, county", SAMPLES,
                         ids=[s[0] for s in SAMPLES])
def test_every_province_by_code_and_by_name(prov_code, prov, pref_code, pref, county_code, county):
    place = place_by_code(county_code)
    assert place.name == county and place.level == "county"
    assert place.province_code == prov_code and place.province_short_code == prov_code[:2]
    assert place_by_code(prov_code[:2]).name == prov
    assert places.province_of(county_code).name == prov
    chain = [p.name for p in places.path(county_code)]
    assert chain == [prov, pref, county] if pref else chain == [prov, county]
    assert place.full_name == "".join(chain)
    # the full path, the province + county, the prefecture + county all find the one county
    for query in (place.full_name, prov + county, (pref or prov) + county, county_code):
        found = resolve(query)
        assert found.place == place, (query, found)
    assert resolve(county, within=prov_code).place == place
    assert resolve(prov).place.code == prov_code
    if pref:
        assert place_by_code(pref_code).name == pref and place_by_code(pref_code[:4]).name == pref
        assert resolve(prov + pref).place.code == pref_code
        assert resolve(pref, within=prov_code).place.code == pref_code


@pytest.mark.parametrize("query, code", [
    ("湖北省武汉市", "420100"), ("武汉", "420100"), ("武汉市", "420100"), ("湖北武汉", "420100"),
    ("武汉市江汉区", "420103"), ("江汉区", "420103"), ("武汉江汉", "420103"), ("湖北省江汉区", "420103"),
    ("420100", "420100"), ("4201", "420100"), ("42", "420000"), ("湖北", "420000"),
    ("广西", "450000"), ("内蒙古", "150000"), ("新疆", "650000"), ("宁夏回族自治区", "640000"),
    ("恩施州", "422800"), ("大理州", "532900"), ("浦东", "310115"), ("北京朝阳", "110105"),
    ("长阳县", "420528"), ("石柱县", "500240"), ("前郭县", "220721"), ("阿拉善盟", "152900"),
    ("大兴安岭地区", "232700"), ("神农架", "429021"), ("仙桃", "429004"), ("东莞", "441900"),
    ("吉林市", "220200"), ("承德县", "130821"), ("井陉矿区", "130107"), ("临县", "141124"),
    (" 湖北省 武汉市 ", "420100"), ("４２０１０３", "420103"),
])
def test_resolve_by_name_abbreviation_and_code(query, code):
    found = resolve(query)
    assert found.place is not None and found.place.code == code, found
    assert not found.ambiguous and found.message == ""


@pytest.mark.parametrize("query, codes", [
    ("朝阳区", {"110105", "220104"}),
    ("铁西区", {"210106", "210303", "220302"}),
    ("吉林", {"220000", "220200"}),
    ("市中区", {"370103", "370402", "511002", "511102"}),
])
def test_an_ambiguous_name_returns_every_candidate_and_says_so(query, codes):
    found = resolve(query)
    assert found.ambiguous and found.place is None
    assert {p.code for p in found.candidates} == codes
    assert "对应多个地方" in found.message and "上级地名" in found.message


def test_ambiguity_is_lifted_by_the_higher_name_or_a_scope():
    assert resolve("长春市朝阳区").place.code == "220104"
    assert resolve("朝阳区", within="11").place.code == "110105"
    assert resolve("铁西区", within="210100").place.code == "210106"
    assert resolve("吉林省吉林市").place.code == "220200"
    # candidates: full names first, then province before prefecture before county
    assert [p.code for p in resolve("吉林").candidates] == ["220000", "220200"]


def test_unknown_names_and_codes():
    assert not resolve("孟县").found and "没有找到" in resolve("孟县").message
    assert not resolve("990000").found
    assert not resolve("").found
    with pytest.raises(ValueError):
        places.normalize_code("4201034")
    assert place_by_code("110100") is None  # the list has no 市辖区 level under a municipality


def test_retired_names_point_to_the_places_that_took_over():
    found = resolve("渝北区")
    assert found.matched_by == "former" and {p.code for p in found.candidates} == {"500157", "500109"}
    assert "2025" in found.message
    assert resolve("500105").matched_by == "former"
    assert [p.code for p in resolve("襄樊市").candidates] == ["420600"]  # renamed 襄阳市, same code
    assert resolve("江北区").place.code == "330205"  # a current name wins over a retired one


def test_the_existing_two_digit_province_codes_keep_working():
    wages = json.loads((ROOT / "workflows" / "data" / "minimum_wages.json").read_text(encoding="utf-8"))
    assert len(wages) == 31
    for code, row in wages.items():
        assert len(code) == 2
        assert place_by_code(code).name == row["name_zh"]
        assert places.province_code(code) == code + "0000"
        assert resolve(code).place.level == "province"
    assert [p.code[:2] for p in places.provinces()] == sorted(wages)


# ------------------------------------------------------------------- minimum-wage place lists

def test_a_list_as_written_inherits_its_city():
    listed = "武汉市江岸区、江汉区、硚口区、汉阳区、武昌区"
    assert match_listed(listed, "江汉区", province="42").how == "named"
    assert match_listed(listed, "420104", province="42").score == 3
    assert match_listed(listed, "黄陂区", province="42").score == 0
    city = match_listed(listed, "武汉市", province="42")
    assert city.score == 0 and city.broader  # some districts only: ask for the district
    entries = parse_listed(["沈阳市和平区", "沈河区", "铁西区", "大连市"], "21")
    assert [e.places[0].code for e in entries] == ["210102", "210103", "210106", "210200"]
    assert match_listed(["沈阳市和平区", "铁西区"], "鞍山市铁西区", province="21").score == 0


def test_city_proper_with_exclusions_and_inclusions():
    hebei = ["石家庄市区(不含井陉矿区)", "石家庄市正定县"]
    assert match_listed(hebei, "长安区", province="13").how == "inside"
    assert match_listed(hebei, "井陉矿区", province="13").how == "excluded"
    assert match_listed(hebei, "正定县", province="13").how == "named"
    assert match_listed(hebei, "晋州市", province="13").score == 0
    jilin = ["长春市区（含九台区、双阳区）"]
    assert match_listed(jilin, "九台区", province="22").how == "bracket"
    assert match_listed(jilin, "南关区", province="22").how == "inside"
    assert match_listed(jilin, "农安县", province="22").score == 0
    assert match_listed(["哈尔滨市区(呼兰区、阿城区、双城区除外)"], "呼兰区", province="23").score == -1
    assert match_listed(["抚顺市市(区)"], "新抚区", province="21").score == 1


def test_whole_cities_abbreviated_names_zones_and_the_rest():
    assert match_listed(["广州市"], "天河区", province="44").how == "inside"
    assert match_listed(["石柱县", "彭水县"], "石柱土家族自治县", province="50").how == "named"
    zone = match_listed(["雄安新区", "保定市区"], "雄安新区", province="13")
    assert zone.score == 3 and zone.place is None and zone.unresolved == ("雄安新区",)
    rest = match_listed(["其余县（市、区）"], "江汉区", province="42")
    assert rest.score == 0 and rest.rest_listed
    assert places.is_rest_of_province("其余县（市、区）")
    assert places.split_listed("武汉市江岸区、其余县（市、区）") == ("武汉市江岸区", "其余县（市、区）")
    assert places.split_listed([{"rest_of_province": True}]) == ("其余县（市、区）",)


def test_an_ambiguous_place_is_said_not_guessed():
    found = match_listed(["沈阳市和平区", "铁西区"], "铁西区", province="21")
    assert found.how == "place_ambiguous" and {p.code for p in found.candidates} == {"210106", "210303"}


def test_the_wage_data_lists_resolve():
    """Every list in workflows/data/minimum_wage_standards.json reads against the division list;
    what does not resolve is a zone, a name retired since, or a typo — never a crash."""
    data = json.loads((ROOT / "workflows" / "data" / "minimum_wage_standards.json").read_text(encoding="utf-8"))
    kinds = {}
    for standard in data["standards"]:
        for tier in standard["tiers"]:
            for entry in parse_listed(tier["places"], standard["province_code"]):
                kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    assert set(kinds) <= set(places.listing.KINDS)
    assert kinds.get("place", 0) > 10 * kinds.get("unresolved", 0)
    assert kinds.get("ambiguous", 0) == 0


def test_places_imports_no_framework_and_no_app_package():
    import ast
    for path in (ROOT / "places").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert name.split(".")[0] not in ("flask", "sqlalchemy", "disputes", "workflows", "casebase"), path
