"""Realistic, checksum-valid demonstration data: names, ID numbers, credit codes, companies, facts.

Used by `seed demo` and by the test factories, so both file the kind of cases real workers file.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from stdnum.cn import ric, uscc

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "秀英", "建华",
         "志强", "海燕", "小龙", "晓东", "春梅", "国庆", "红霞", "立新", "文博", "子涵", "浩然", "雨欣"]
PLATFORMS = ["某外卖平台", "某即时配送平台", "某网约车平台", "某货运平台", "某直播平台", "某家政服务平台", "某快递平台"]
OCCUPATION_PLATFORM = {
    "delivery_rider": "某外卖平台", "ride_hailing_driver": "某网约车平台", "truck_driver": "某货运平台",
    "courier": "某即时配送平台", "live_streamer": "某直播平台", "domestic_worker": "某家政服务平台", "other": "某代驾平台",
}
CONTRACTORS = ["城达配送服务有限公司", "顺远人力资源有限公司", "众联劳务派遣有限公司", "速通物流有限公司",
               "优选传媒有限公司", "安心家政服务有限公司", "恒信企业管理咨询有限公司"]
# County codes python-stdnum accepts for any birth year 1950–2008 (it checks place, date and check digit).
AREA_CODES = ("110101", "110102", "110105", "110108", "310101", "310104")  # valid for births 1950–2008
DISTRICTS = ["朝阳", "海淀", "丰台", "天河", "南山", "浦东", "江北", "武侯"]

FACT_TEMPLATES = {
    "wage_arrears": "我从{start}开始在{platform}跑单，由{contractor}的站点管理，站长每天排班，早上要开早会、打卡。"
                    "{month}的工资{amount}元一直没有发，站长说公司资金紧张，让再等等，到现在还没有给。",
    "illegal_deduction": "我在{platform}接单，系统派单不能拒，拒单一次扣50元，超时一单扣20元，差评扣100元。"
                         "{month}被扣了{amount}元，申诉也没人理。",
    "work_injury": "{start}我在送单途中被一辆私家车撞倒，右腿骨折，住院花了{amount}元。"
                   "站点说我是众包骑手，不是他们的员工，不管医疗费。",
    "economic_compensation": "我在{contractor}干了两年多，每天工作十小时，一周六天，公司按月发工资。"
                             "{month}公司突然说不用来了，没有给任何补偿，我要求经济补偿{amount}元。",
    "forced_individual_business": "入职时站长让我们在手机上注册个体工商户，说不注册就不能接单。"
                                  "现在公司说我们是合作关系，不承认劳动关系，{month}的{amount}元报酬也不发。",
    "overtime": "我每天早上九点上线，晚上十点才能下线，每周只休息半天，平台从来没有付过加班费，"
                "按规定计算应付加班费约{amount}元。",
    "deposit_refund": "上岗时交了{amount}元押金和装备费，说离职就退。我{month}离职，到现在押金也不退。",
}


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def resident_id(rng: random.Random, born: date | None = None) -> str:
    """A resident ID number with a correct check digit (GB 11643)."""
    born = born or date(1975, 1, 1) + timedelta(days=rng.randrange(0, 365 * 28))
    area = rng.choice(AREA_CODES)
    body = f"{area}{born:%Y%m%d}{rng.randrange(0, 999):03d}"
    return body + ric.calc_check_digit(body + "0")  # it reads the first 17 of 18 characters


def credit_code(rng: random.Random) -> str:
    """A unified social credit code with a correct check character (GB 32100)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + rng.choice(["110105", "440106", "310115", "510107"]) + "".join(rng.choice(alphabet) for _ in range(9))
    return body + uscc.calc_check_digit(body)


def mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "150", "186", "177", "199"]) + f"{rng.randrange(0, 10**8):08d}"


def complaint_payload(rng: random.Random, *, today: date, region: str, workers: int = 1) -> dict:
    """A complaint as the API takes it, with facts a worker would write."""
    occupation = rng.choice(list(OCCUPATION_PLATFORM))
    platform = OCCUPATION_PLATFORM[occupation]
    main_claim = rng.choice(list(FACT_TEMPLATES))
    amount = rng.choice([1800, 3200, 4650, 6800, 8000, 12500, 26000, 54000]) + rng.choice([0, 0.5])
    contractor = rng.choice(DISTRICTS) + rng.choice(CONTRACTORS)
    started = today - timedelta(days=rng.randrange(200, 900))
    knew = today - timedelta(days=rng.randrange(5, 200))
    facts = FACT_TEMPLATES[main_claim].format(
        start=f"{started:%Y年%-m月}", platform=platform, contractor=contractor,
        month=f"{knew:%Y年%-m月}", amount=f"{amount:g}",
    )
    claims = [{"kind": main_claim, "amount": f"{amount:.2f}"}]
    if main_claim != "forced_individual_business" and rng.random() < 0.4:
        claims.insert(0, {"kind": "confirm_labor_relation"})
    ended = rng.random() < 0.5
    return {
        "workers": [
            {"name": person_name(rng), "phone": mobile(rng), "occupation": occupation,
             "id_number": resident_id(rng) if rng.random() < 0.7 else None, "is_representative": i < 3 and workers >= 10}
            for i in range(workers)
        ],
        "respondents": [
            {"name": f"{platform.replace('某', '')}科技有限公司".replace("平台科技", "科技"), "kind": "platform",
             "credit_code": credit_code(rng)},
            {"name": contractor, "kind": "cooperating_company", "credit_code": credit_code(rng) if rng.random() < 0.6 else None},
        ],
        "platform": platform,
        "claims": claims,
        "facts": facts,
        "region": region,
        "knew_of_violation_on": knew.isoformat(),
        "relationship_ended": ended,
        "relationship_ended_on": (knew + timedelta(days=rng.randrange(0, 4))).isoformat() if ended and knew < today else None,
    }
