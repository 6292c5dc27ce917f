"""The plain-language guide (/guide): for a worker and for an employer, what happens at each stage,
how long it may take and what they can do, each with the article it rests on.

The figures come from workflows.clocks, the same constants the statutory clocks count with, so the
guide and the deadlines on a case cannot disagree. The state graph stays at /workflow for staff.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from workflows.clocks import (
    ACCEPTANCE_WORKING_DAYS, AWARD_DAYS, AWARD_EXTENSION_DAYS, DEFENCE_WORKING_DAYS, HEARING_NOTICE_WORKING_DAYS, LAWSUIT_DAYS,
    LEGAL_AID_DECISION_DAYS, MEDIATION_DAYS, SET_ASIDE_DAYS,
)

LAW = "《劳动争议调解仲裁法》"


@dataclass(frozen=True)
class Stage:
    key: str
    title: object
    happens: object
    how_long: object
    worker_can: tuple
    employer: object
    basis: str


def stages() -> tuple[Stage, ...]:
    return (
        Stage("mediation", _l("调解"),
              _l("您在本系统提交投诉，就是向调解组织申请调解。调解员会联系双方，听取意见，帮助达成调解协议。"),
              _l("调解组织收到申请之日起 %(n)d 日内未达成调解协议的，可以申请仲裁。", n=MEDIATION_DAYS),
              (_l("不愿调解，或调解期间不想再等，可以随时直接申请仲裁。"),
               _l("达成调解协议后用人单位不履行的，可以申请仲裁；协议内容是拖欠的工资、工伤医疗费、经济补偿或赔偿金的，还可以凭调解协议书向人民法院申请支付令。")),
              _l("用人单位可以参加调解；达成的调解协议对双方有约束力，应当履行。"),
              f"{LAW}第五条、第十四条、第十五条、第十六条"),
        Stage("apply", _l("申请仲裁"),
              _l("向劳动合同履行地或者用人单位所在地的劳动人事争议仲裁委员会提交仲裁申请。仲裁不收费。"),
              _l("一般应在知道或者应当知道权利被侵害之日起一年内申请；劳动关系存续期间被拖欠工资的，不受一年限制，但劳动关系终止后应在一年内申请。"),
              (_l("在进度页面可以直接申请仲裁，系统会生成仲裁申请书。"),
               _l("超过一年的，仲裁委员会可能不予支持，请尽早申请。")),
              _l("用人单位也可以作为申请人申请仲裁。"),
              f"{LAW}第二十一条、第二十七条、第二十八条、第五十三条"),
        Stage("acceptance", _l("受理"),
              _l("仲裁委员会审查申请，决定是否受理；受理后把申请书副本送给用人单位。"),
              _l("收到申请之日起 %(n)d 个工作日内决定是否受理。", n=ACCEPTANCE_WORKING_DAYS),
              (_l("申请材料不齐的，仲裁委员会会一次性告诉您需要补正的全部材料；补正之后，从补正之日起重新计算收到申请的时间。"),
               _l("决定不予受理，或者逾期没有作出决定的，可以直接向人民法院起诉。")),
              _l("用人单位收到申请书副本后 %(n)d 个工作日内提交答辩书；不答辩不影响仲裁进行。", n=DEFENCE_WORKING_DAYS),
              f"{LAW}第二十九条、第三十条；《劳动人事争议仲裁办案规则》第二十九条、第三十条、第四十六条、第八十条"),
        Stage("hearing", _l("开庭和裁决"),
              _l("仲裁庭至少在开庭 %(n)d 个工作日前书面通知开庭的日期和地点；开庭时双方陈述、举证、质证、辩论，仲裁庭可以先行调解，最后作出裁决。", n=HEARING_NOTICE_WORKING_DAYS),
              _l("自受理之日起 %(n)d 日内结束；案情复杂的，经批准可以延长，最多 %(m)d 日。", n=AWARD_DAYS, m=AWARD_EXTENSION_DAYS),
              (_l("逾期没有作出裁决的，可以直接向人民法院起诉。"),
               _l("一部分事实已经清楚的，可以请求仲裁庭就这一部分先行裁决。追索工资、工伤医疗费、经济补偿或赔偿金，双方权利义务明确、不先予执行会严重影响生活的，可以申请先予执行；劳动者申请先予执行可以不提供担保。"),
               _l("与争议有关、由用人单位掌握管理的证据（如考勤、派单、罚款记录、工资表），可以请求仲裁庭要求用人单位提供；用人单位不提供的，承担不利后果。")),
              _l("用人单位对自己的主张负举证责任，并应提供其掌握管理的证据。"),
              f"{LAW}第六条、第三十五条、第三十九条、第四十二条、第四十三条、第四十四条；《劳动人事争议仲裁办案规则》第八十条"),
        Stage("after_award", _l("裁决之后"),
              _l("裁决书送达后，看裁决是不是“终局裁决”：小额的工资、工伤医疗费、经济补偿或赔偿金争议（不超过当地月最低工资标准十二个月金额），以及工作时间、休息休假、社会保险等执行国家劳动标准的争议，裁决为终局裁决。"),
              _l("不服裁决的，自收到裁决书之日起 %(n)d 日内向人民法院起诉；期满不起诉，裁决生效。", n=LAWSUIT_DAYS),
              (_l("终局裁决：劳动者不服的，可以在 %(n)d 日内起诉；用人单位不能起诉。", n=LAWSUIT_DAYS),
               _l("裁决生效后对方不履行的，可以向人民法院申请强制执行。")),
              _l("对终局裁决，用人单位只能在收到裁决书之日起 %(n)d 日内，以法定理由向中级人民法院申请撤销；其他裁决不服的，%(m)d 日内起诉。", n=SET_ASIDE_DAYS, m=LAWSUIT_DAYS),
              f"{LAW}第四十七条、第四十八条、第四十九条、第五十条、第五十一条"),
        Stage("legal_aid", _l("法律援助"),
              _l("经济困难、请求支付劳动报酬等的，可以向法律援助机构申请法律援助；进城务工人员申请支付劳动报酬或工伤赔偿的，免予核查经济困难状况。"),
              _l("法律援助机构收到申请之日起 %(n)d 日内作出是否给予法律援助的决定；情况紧急的可以先行提供。", n=LEGAL_AID_DECISION_DAYS),
              (_l("调解员在办理中可以为您转介法律援助。"),),
              None,
              "《中华人民共和国法律援助法》第三十一条、第四十二条、第四十三条、第四十四条"),
    )
