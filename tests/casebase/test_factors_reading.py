"""Issue 21: how the account is read, clause by clause — each pattern as a worker or a court would
write it, with negation, condition, the actor, and what the agreement says against what happened.

The sentences are written for these tests, not taken from the library."""
from __future__ import annotations

import pytest

from casebase.factors import extract_factors, find_standing, segments

HOURS = "platform_controls_hours"
ORDERS = "platform_assigns_orders_no_refusal"
ATTENDANCE = "attendance_or_online_time_required"
PAY = "platform_sets_pay"
RULES = "penalties_or_rules_enforced"
MULTI = "can_work_multi_platform"
UNIFORM = "uniform_or_brand_required"
CORE = "work_is_core_business"
LONG = "long_term_stable_work"
INCOME = "pay_main_income"
TOOLS = "worker_owns_main_tools"


def value_of(text: str, key: str) -> bool | None:
    return extract_factors(text)[key].value


def decisive(text: str, key: str) -> list:
    return extract_factors(text)[key].decisive_spans


# --- what the worker asks for is not a fact of the work -------------------------------------------

def test_a_claim_for_overtime_pay_does_not_show_that_hours_were_controlled():
    text = "我申请了劳动仲裁，要求公司支付加班工资和提成，合计两万元。"
    assert value_of(text, HOURS) is None
    assert value_of(text, PAY) is None


def test_a_demand_for_a_labour_contract_is_not_a_signed_one():
    assert find_standing("我向公司提出签劳动合同、交社保，被拒绝了。") == []


def test_the_narrative_after_the_filing_is_read_again():
    text = "他起诉后，法院调取了考勤记录，查明平台强制派单。"
    assert value_of(text, ORDERS) is True


def test_overtime_worked_is_still_read_beside_the_demand():
    text = "站长天天让我们加班到晚上十点，我申请仲裁要求支付加班费。"
    assert value_of(text, HOURS) is True


# --- each phrasing, and the way it points ----------------------------------------------------------

PHRASINGS = [
    # working time set by the enterprise, or decided by the worker
    ("上班时间是早上九点到晚上九点", HOURS, True),
    ("工作时间由站长统一安排", HOURS, True),
    ("高峰期不能随意下线", HOURS, True),
    ("站点实行两班倒", HOURS, True),
    ("调休要经主管同意", HOURS, True),
    ("晚上10点前不准收工", HOURS, True),
    ("可以自由上下线", HOURS, False),
    ("想干就干，不想干就回家", HOURS, False),
    ("我有事可以找别人替我送", HOURS, False),
    ("休息不需要请假", HOURS, False),
    ("公司对上班时间没有任何要求", HOURS, False),
    ("随时可以停止接单", HOURS, False),
    ("接单时间自由", HOURS, False),
    ("上下线时间由他自主选择", HOURS, False),
    # orders that cannot be refused, or that the worker chooses
    ("平台强制派单", ORDERS, True),
    ("不接单会被扣钱", ORDERS, True),
    ("系统派单后必须接", ORDERS, True),
    ("日常工作由车队队长安排和管理", ORDERS, True),
    ("拒单也不会扣钱", ORDERS, False),
    ("接单与否全凭自愿", ORDERS, False),
    ("只有店里不忙的时候才接平台的单", ORDERS, False),
    ("老板要求每个司机都下载APP抢单", ORDERS, None),  # grabbing orders on the company's order is no freedom
    ("我出不了车的时候，公司会派自己的司机去送", ORDERS, None),  # sending its own drivers is not dispatching him
    # attendance and minimum time
    ("每天须在线满8小时", ATTENDANCE, True),
    ("每天晚上至少要播6个小时", ATTENDANCE, True),
    ("迟到一次扣五十", ATTENDANCE, True),
    ("不要求打卡", ATTENDANCE, False),
    ("她的收入主要来自粉丝在直播间的打赏", ATTENDANCE, None),  # 主要 is not 要 + 在直播间
    # pay the enterprise sets and pays, or the worker bargains and the customer pays
    ("按月发放底薪加提成", PAY, True),
    ("每送一单公司给5元", PAY, True),
    ("配送费的标准都由公司规定", PAY, True),
    ("公司通过微信转账给我发工资", PAY, True),
    ("工资由老板的亲戚转账打到我卡上", PAY, True),
    ("夏天还有高温补贴", PAY, True),
    ("运费我和货主商量着定", PAY, False),
    ("我向寄件人收取快递费", PAY, False),
    ("直播收益五五分成", PAY, False),
    ("平台每单抽取20%作为信息服务费", PAY, False),
    ("我交了承包费，片区的收入全部归我自己", PAY, False),
    ("签约谈判的焦点是分成比例", PAY, False),
    ("报酬不是按月发的", PAY, None),  # says nothing about who sets the pay
    # rules and penalties, clothing
    ("超时送达扣款", RULES, True),
    ("必须遵守平台关于配送时间的规定", RULES, True),
    ("平台用算法规则管理骑手", RULES, True),
    ("被投诉就会被限制接单", RULES, True),
    ("由公司统一配发服装", UNIFORM, True),
    ("公司给我发了头盔和衣服", UNIFORM, True),
    # other platforms and own business (true points away)
    ("我也可以到别的平台去直播", MULTI, True),
    ("我自己还开着一家美甲店", MULTI, True),
    ("同时在美团和饿了么接单", MULTI, True),
    ("不允许在其他平台接单", MULTI, False),
    # the enterprise's business, continuity, livelihood
    ("家政公司介绍我到客户家做住家保姆", CORE, False),  # an agency that only introduces a household job
    ("我从2019年3月一直干到2021年5月", LONG, True),
    ("一家人的生活全靠这份收入", INCOME, True),
    ("他还在另一家公司上班", INCOME, False),
    # the words of 劳社部发〔2005〕12号第一条 and of a judgment's findings
    ("刘某接受公司的劳动管理", RULES, True),
    ("张某的工作受公司的监督和管理", RULES, True),
    ("从事公司安排的有报酬的劳动", ORDERS, True),
    ("工作地点和工作内容均由公司指定", ORDERS, True),
    ("王某的工作由公司统一调度", ORDERS, True),
    ("公司安排其每天到指定地点上班", HOURS, True),
    ("公司向其发放了工作证", UNIFORM, True),
    ("公司对主播的直播时长有明确要求", ATTENDANCE, True),
    ("公司按照其完成的配送单量计发报酬", PAY, True),
    ("其每月收入均由公司核算后发放", PAY, True),
    ("其可同时为多家平台提供服务", MULTI, True),
    ("家政公司仅为双方提供中介服务", CORE, False),  # a company named by its trade that only brokers
    ("平台对骑手的接单量不作要求", ATTENDANCE, False),
    ("其工作期间须听从店长安排", HOURS, True),
    ("货车司机驾驶公司所有的车辆运输货物", "worker_owns_main_tools", False),
    ("其自行购买车辆", "worker_owns_main_tools", True),
    ("以个人名义对外承揽运输业务", MULTI, True),
    ("合同约定其为兼职，但其实际每天全天工作", LONG, True),  # what was done decides over the label
    ("公司对其不存在管理和约束", RULES, False),
    # 派件 is a courier's delivering; an outlet handing him parcels is dispatch
    ("快递员在网点负责片区的派件工作", ORDERS, None),
    ("网点每天给他派件", ORDERS, True),
    ("系统派单后必须接单", ORDERS, True),
    ("平台不限制他在其他平台注册", MULTI, True),
    ("平台根据里程和时长计算车费，司机不能自行定价", PAY, True),
    ("车队长安排每天的运输路线", ORDERS, True),
    ("主播的直播内容须经公司审核", RULES, True),
    ("主播在公会的要求下每天直播不少于4小时", LONG, None),  # a minimum asked for, not a short day
    ("每天干4个小时以上", LONG, None),
    ("他每天只干3个小时", LONG, False),
    # how a judgment states who sets the price and when the work is done
    ("服务价格由平台统一标示，家政员不能与客户另行议价", PAY, True),
    ("代驾费用由平台根据里程计算", PAY, True),
    ("运费由货主在平台上发布，司机看到价格合适再接单", PAY, False),
    ("运费由货主在平台上发布，司机看到价格合适再接单", ORDERS, False),
    ("合作协议约定主播的收益按照直播流水的40%结算", PAY, False),
    ("刘某从每笔订单金额中向平台支付20%的服务费，其余归刘某所有", PAY, False),
    ("双方约定直播收益由公司与主播按五五比例分配", ORDERS, None),  # sharing revenue is not dispatching work
    ("按件向网点结算派费", ORDERS, None),  # a delivery fee is pay, not a dispatched order
    ("主播每天的直播时段由公司确定", HOURS, True),
    ("公司规定骑手每天上午10点至晚上9点在岗", HOURS, True),
    ("休息日需提前向站长申请", HOURS, True),
    ("公司对保洁员的上户时间作出统一安排", HOURS, True),
    ("家政员的服务时间由其与客户自行约定", HOURS, False),
    ("主播可自行决定直播内容和直播时间", HOURS, False),
    ("平台对其上线时间、接单数量均未作要求", ATTENDANCE, False),
    # a rider's own words for the weaker factors
    ("我自己有电动车", "worker_owns_main_tools", True),
    ("平时也同时跑另一个平台", MULTI, True),
    ("公司不让我们跑别的平台，发现了就封号", MULTI, False),
    ("家里全靠我这份收入", INCOME, True),
    ("送外卖就是这家公司的主要业务", CORE, True),
    ("公司主要做同城配送，我就是给公司送货的", CORE, True),
    ("站长安排我每天送哪个片区", ORDERS, True),
    ("每单多少钱是平台定的，我们没法改", PAY, True),
    ("工资每月10号由站长用微信发给我们", PAY, True),
    # a judgment's findings on couriers, freight and household work
    ("快递员每日须到网点参加早班分拣后再出发派件", ATTENDANCE, True),
    ("超时件按件扣款", PAY, None),  # a deduction per parcel is a penalty, not piece pay
    ("货车司机须按照公司调度指令完成运输任务", ORDERS, True),
    ("运输任务由公司通过微信群统一下达", ORDERS, True),
    ("司机可自行在平台上选择货源，平台不指派运输任务", ORDERS, False),
    ("公司按照趟数向司机支付运费", PAY, True),
    ("家政员由公司统一安排上户", ORDERS, True),
    ("代驾司机可自主选择是否接单，平台对拒单不作处罚", ORDERS, False),
    ("骑手在配送过程中使用的电动车由其自行购买", "worker_owns_main_tools", True),
    ("双方未约定固定工作时间，其可自行决定接单时间", HOURS, False),
    ("网约车的计价规则由平台制定，司机无权更改", PAY, True),
    ("约定其自行承担经营风险", PAY, False),
    ("骑手未按要求上线的，站点会对其进行罚款", ATTENDANCE, True),  # the breach states the requirement
    ("杨某自己安排每天的收派件", HOURS, False),
    ("揽收的快件扣除成本后的差价归他所有", PAY, False),
    ("该区域的快递业务全部由他承包", PAY, False),
    ("他根据平台展示的配送需求，自己选择接收哪些服务事项", ORDERS, False),
]


# --- a negation reaches past "对其进行" and the like ------------------------------------------------

@pytest.mark.parametrize(("text", "key"), [
    ("平台不对其进行考勤管理", ATTENDANCE),
    ("平台不对其进行考勤管理", RULES),
    ("公司并未对其进行管理", RULES),
    ("公司未对其制定任何规章制度", RULES),
    ("公司不对其进行奖惩", RULES),
    ("公司未给其发放工作证", UNIFORM),
    ("公司对其上下班时间未作规定", HOURS),
    ("拒单不会受到处罚", RULES),
    ("公司没有规定他必须接单", ORDERS),
    ("他拒绝派单后没有受到任何处罚", ORDERS),
    ("他不穿公司的工服也可以", UNIFORM),
    ("他每天几点上线都不受限制", HOURS),
    ("平台并未对其工作时间作出安排", HOURS),
])
def test_a_negated_provision_points_away_from_it(text, key):
    assert value_of(text, key) is False


@pytest.mark.parametrize(("text", "key", "expected"), PHRASINGS)
def test_each_phrasing_is_read_the_way_a_worker_means_it(text, key, expected):
    assert value_of(text, key) is expected


# --- each factor, each way, as a judgment or a report states it ----------------------------------
# Written as a check of reach rather than from a case: the same facts in the words of 法院查明 and of
# a worker's account, so that a cue written for one case is not the only way the factor is read.

STATED_BOTH_WAYS = [
    ("公司要求他每天早上8点到站点报到，晚上8点才能下班", HOURS, True),
    ("站点实行两班倒，他上的是白班", HOURS, True),
    ("他每周只能休息一天，休息要提前向站长申请", HOURS, True),
    ("骑手的上线时间由公司统一安排", HOURS, True),
    ("请假须经主管批准，未经批准不到岗按旷工处理", HOURS, True),
    ("公司规定高峰时段必须在线接单", HOURS, True),
    ("他的工作时间为每天10时至22时", HOURS, True),
    ("他什么时候上线、什么时候下线，完全由自己决定", HOURS, False),
    ("平台对其接单时间、地点没有限制", HOURS, False),
    ("工作时间由张某自行安排，公司不作要求", HOURS, False),
    ("他可以随时登录或退出APP接单", HOURS, False),
    ("想跑就跑，不想跑就休息", HOURS, False),
    ("订单由系统自动派发，骑手不得拒绝", ORDERS, True),
    ("站长通过派单系统指派订单，拒单要扣钱", ORDERS, True),
    ("公司调度员安排他每天运送的线路和货物", ORDERS, True),
    ("他按照公司的安排出车送货", ORDERS, True),
    ("订单通过抢单方式获取，接不接由司机自己选择", ORDERS, False),
    ("他可以自主选择是否接单，拒单没有任何处罚", ORDERS, False),
    ("平台只发布订单信息，由骑手自行抢单", ORDERS, False),
    ("公司每天早上召开晨会，骑手须参加", ATTENDANCE, True),
    ("公司通过APP进行考勤打卡", ATTENDANCE, True),
    ("每月在线时长不得少于200小时", ATTENDANCE, True),
    ("主播每月须直播满26天，每天不少于6小时", ATTENDANCE, True),
    ("迟到要扣50元", ATTENDANCE, True),
    ("公司不对他进行考勤", ATTENDANCE, False),
    ("无需打卡，也不用参加早会", ATTENDANCE, False),
    ("对在线时长没有要求", ATTENDANCE, False),
    ("公司每月向他发放工资4500元", PAY, True),
    ("报酬由底薪加提成构成", PAY, True),
    ("配送费标准由公司制定，骑手无权协商", PAY, True),
    ("公司按每单5元向其结算报酬", PAY, True),
    ("工资由站点按月通过银行转账发放", PAY, True),
    ("收费标准由他自己和客户商定", PAY, False),
    ("运费由货主直接支付给司机，公司只收取信息服务费", PAY, False),
    ("收益按照三七比例分成", PAY, False),
    ("主播收入来源于粉丝打赏，公司与其按约定比例分配", PAY, False),
    ("公司制定了《骑手管理制度》，对违规行为进行罚款", RULES, True),
    ("超时送达会被扣款", RULES, True),
    ("差评一次罚款20元", RULES, True),
    ("公司对其进行绩效考核，考核不合格要扣工资", RULES, True),
    ("他必须遵守公司的各项规章制度", RULES, True),
    ("公司对他没有任何奖惩措施", RULES, False),
    ("平台不对骑手进行管理，也不进行考核", RULES, False),
    ("车辆是他自己购买的", TOOLS, True),
    ("电动车和头盔都是自己出钱买的", TOOLS, True),
    ("公司为其提供了电动车和配送箱", TOOLS, False),
    ("车辆由公司提供，油费由公司承担", TOOLS, False),
    ("他同时还在饿了么、美团两个平台接单", MULTI, True),
    ("协议未限制其在其他平台提供服务", MULTI, True),
    ("公司禁止他在其他平台接单", MULTI, False),
    ("协议约定合作期间不得在其他平台直播", MULTI, False),
    ("公司要求他必须穿统一的工服、戴头盔", UNIFORM, True),
    ("他以公司的名义对外提供服务", UNIFORM, True),
    ("外卖配送是该公司的主营业务", CORE, True),
    ("公司经营范围包括货物运输", CORE, True),
    ("平台只是提供信息撮合服务", CORE, False),
    ("公司仅为双方提供居间服务，不从事运输业务", CORE, False),
    ("他在公司连续工作了三年", LONG, True),
    ("他每周工作六天，每天十个小时以上", LONG, True),
    ("自2019年起一直在该站点送外卖", LONG, True),
    ("他只是偶尔在周末接几单", LONG, False),
    ("他一共只跑了十几天", LONG, False),
    ("送外卖是他唯一的收入来源", INCOME, True),
    ("他另有正式工作，只是下班后兼职跑单", INCOME, False),
    ("法院查明，配送站对骑手实行早晚两个班次", HOURS, True),
    ("他须按照站点规定的时间到岗，中途不能擅自离开", HOURS, True),
    ("公司安排其每天上午九时至下午六时在门店工作", HOURS, True),
    ("主播的开播时段由公司统一排定", HOURS, True),
    ("因未经同意休息一天，被扣发当日工资", HOURS, True),
    ("每天必须工作满十小时才能下线", HOURS, True),
    ("是否上线、何时上线均由骑手自主决定", HOURS, False),
    ("公司对其出勤时间不作要求", HOURS, False),
    ("司机可以根据自身情况选择工作时间", HOURS, False),
    ("她可以自主安排直播时间和直播内容", HOURS, False),
    ("平台不限定骑手的配送时间", HOURS, False),
    ("平台根据算法向骑手派送订单，骑手只能接受", ORDERS, True),
    ("骑手接到系统派单后须在规定时间内送达", ORDERS, True),
    ("他的配送区域和订单均由站长分配", ORDERS, True),
    ("驾驶员听从车队调度，按调度指令完成运输任务", ORDERS, True),
    ("骑手可自行决定是否接受订单", ORDERS, False),
    ("司机对平台推送的订单享有选择权", ORDERS, False),
    ("订单系统推送后，接单与否由其自行决定", ORDERS, False),
    ("骑手每天须在站点参加早会并打卡", ATTENDANCE, True),
    ("公司要求主播每月有效直播天数不少于25天", ATTENDANCE, True),
    ("平台对其有最低在线时长的考核", ATTENDANCE, True),
    ("家政员每天需到公司签到后再上户", ATTENDANCE, True),
    ("公司不要求其到公司坐班", ATTENDANCE, False),
    ("平台对骑手的在线时长、接单量均无要求", ATTENDANCE, False),
    ("公司按照每月出勤天数向其支付固定报酬", PAY, True),
    ("报酬标准由平台单方制定并可随时调整", PAY, True),
    ("其工资由基本工资、绩效工资组成", PAY, True),
    ("公司每月15日前通过银行卡向其发放上月劳动报酬", PAY, True),
    ("服务费用由雇主与家政员协商确定后直接支付给家政员", PAY, False),
    ("运费标准由托运人与司机自行议定", PAY, False),
    ("主播的收入来源于直播打赏，按约定比例与公司分成", PAY, False),
    ("公司对骑手的配送超时、顾客投诉等情形予以扣款", RULES, True),
    ("主播违反直播规范的，公司有权扣除部分收益", RULES, True),
    ("骑手须遵守公司制定的配送服务规范", RULES, True),
    ("平台通过服务分对骑手进行奖惩", RULES, True),
    ("站长对不服从安排的骑手予以罚款", RULES, True),
    ("公司未对其制定任何考核指标", RULES, False),
    ("平台未对其进行任何处罚", RULES, False),
    ("其使用的车辆系其本人所有", TOOLS, True),
    ("直播设备由主播自行准备", TOOLS, True),
    ("直播场地和设备均由公司提供", TOOLS, False),
    ("公司向其配发了电动车和手机", TOOLS, False),
    ("其可以同时在多家平台注册接单", MULTI, True),
    ("司机还在滴滴、高德等多个平台接单", MULTI, True),
    ("协议约定主播不得在其他平台开展直播活动", MULTI, False),
    ("公司要求骑手只能为本公司配送", MULTI, False),
    ("骑手须身着印有美团标识的服装", UNIFORM, True),
    ("公司为其配发工作服和工牌", UNIFORM, True),
    ("该公司经营范围包括餐饮配送服务", CORE, True),
    ("快递收派是快递公司的核心业务", CORE, True),
    ("平台仅提供信息撮合服务，不参与运输", CORE, False),
    ("公司只负责为雇主和家政员牵线搭桥", CORE, False),
    ("他在该公司连续工作近四年", LONG, True),
    ("骑手每周工作六天，每天工作十小时左右", LONG, True),
    ("其长期在该平台从事网约车服务", LONG, True),
    ("其工作时间不固定，接单量很少", LONG, False),
    ("他仅在业余时间偶尔接单", LONG, False),
    ("该收入系其主要经济来源", INCOME, True),
    ("其在另一家单位有正式工作并缴纳社保", INCOME, False),
]


@pytest.mark.parametrize(("text", "key", "expected"), STATED_BOTH_WAYS)
def test_each_factor_is_read_both_ways_in_the_words_judgments_use(text, key, expected):
    assert value_of(text, key) is expected


# The same in a worker's own words, as typed into the assessment.
IN_A_WORKERS_WORDS = [
    ("每天早上七点半要到站点开早会，晚上九点以后才能走", HOURS, True),
    ("站长每周排一次班，排到谁谁就得上", HOURS, True),
    ("他每个月只有四天假，想多休得找站长批", HOURS, True),
    ("公司规定午高峰和晚高峰必须在线", HOURS, True),
    ("主播须按照公司确定的时间表开播", HOURS, True),
    ("家政员的上户时间由家政公司安排", HOURS, True),
    ("司机每天须按公司要求的时间出车", HOURS, True),
    ("她自己决定每天做几户人家", HOURS, False),
    ("接不接活、什么时候干活，公司都不管", HOURS, False),
    ("代驾司机上线时间完全自由", HOURS, False),
    ("他想休息就关掉APP", HOURS, False),
    ("直播的时间和时长由主播自己掌握", HOURS, False),
    ("站长会把单子直接派到他手机上", ORDERS, True),
    ("公司安排他每天去哪几个小区送件", ORDERS, True),
    ("系统派来的单不能拒，拒了要扣分", ORDERS, True),
    ("车队长每天给他派活", ORDERS, True),
    ("平台推送订单，司机可以选择接或不接", ORDERS, False),
    ("他可以挑选自己想接的单", ORDERS, False),
    ("没有人给他派单，都是他自己在群里接活", ORDERS, False),
    ("每天上班要在APP上签到", ATTENDANCE, True),
    ("迟到一次扣二十块", ATTENDANCE, True),
    ("每个月要跑满26天，不然没有全勤奖", ATTENDANCE, True),
    ("公司要求主播每天直播不少于4个小时", ATTENDANCE, True),
    ("公司不考勤，也不管他每天来不来", ATTENDANCE, False),
    ("平台不要求骑手每天必须上线", ATTENDANCE, False),
    ("工资每个月10号由公司打到卡上", PAY, True),
    ("一单给他6块钱，是公司定的价", PAY, True),
    ("站点按每单3.5元跟他结算", PAY, True),
    ("每月保底3000元，另外按单提成", PAY, True),
    ("配送费是平台定的，骑手没法讲价", PAY, True),
    ("多少钱都是他跟客户自己谈的", PAY, False),
    ("货主直接在APP上把运费付给他", PAY, False),
    ("收入主要靠粉丝刷礼物", PAY, False),
    ("送餐超时一次扣5元", RULES, True),
    ("顾客投诉一次罚100", RULES, True),
    ("不穿工服要被罚款", RULES, True),
    ("站长定了很多规矩，违反了就扣钱", RULES, True),
    ("公司对他没有任何奖惩", RULES, False),
    ("他不接单也不会受到处罚", RULES, False),
    ("电动车是他自己花钱买的", TOOLS, True),
    ("他开的是自己的私家车", TOOLS, True),
    ("车是公司的，油钱也是公司出", TOOLS, False),
    ("直播用的手机、声卡都是公司配的", TOOLS, False),
    ("他一边跑美团一边跑饿了么", MULTI, True),
    ("她还在别的家政公司接活", MULTI, True),
    ("合同规定不准去别的平台跑单", MULTI, False),
    ("公司不让他在其他平台直播", MULTI, False),
    ("上班必须穿公司发的黄色衣服", UNIFORM, True),
    ("要戴印有公司标志的头盔", UNIFORM, True),
    ("这家公司就是做外卖配送的", CORE, True),
    ("公司的主要业务就是快递收派", CORE, True),
    ("平台只是帮司机和货主对接信息", CORE, False),
    ("公司说它只是一个信息平台", CORE, False),
    ("他在这个站点干了三年多", LONG, True),
    ("一年到头几乎没有休息", LONG, True),
    ("她在这户人家做了两年保姆", LONG, True),
    ("他只是下班后偶尔跑几单", LONG, False),
    ("她总共只干了一个星期", LONG, False),
    ("全家就靠他跑单的钱生活", INCOME, True),
    ("他平时在工厂上班，周末才跑单", INCOME, False),
    ("他平时在厂里上班，周末才跑单", INCOME, False),
    ("配送费是公司定的", PAY, True),
    ("公司定的配送费，一单几块钱", PAY, True),
    ("平台统一规定的运费", PAY, True),
    ("他每天只在中午11点到1点送两个小时", LONG, False),
    ("从中午12点一直跑到晚上10点", LONG, True),
]


@pytest.mark.parametrize("text", ["10:30至13:30和17:30至19:30两个时段必须在线", "午高峰11点到13点必须在线"])
def test_a_short_window_the_worker_must_be_online_in_is_not_short_work(text):
    assert value_of(text, LONG) is None and value_of(text, HOURS) is True


def test_hours_required_by_an_incentive_the_worker_signed_up_for_are_read_but_not_counted():
    text = "我报名参加了平台的冲单奖励活动，活动要求每天晚高峰必须在线，每周至少跑200单。"
    hours = extract_factors(text)[HOURS]
    assert hours.value is None and hours.spans and not any(span.counted for span in hours.spans)
    assert hours.spans[0].condition == "我报名参加了平台的冲单奖励活动"


@pytest.mark.parametrize("text", ["骑手每天在线满8小时的，可获得100元奖励。",
                                  "当月开播不少于160小时、而平台可提现收入不到5000元的，由公会补足差额。"])
def test_time_online_that_earns_a_reward_is_read_but_not_counted(text):
    found = extract_factors(text)[ATTENDANCE]
    assert found.value is None and found.spans and not any(span.counted for span in found.spans)


@pytest.mark.parametrize("text", ["每天在线不满8小时的，扣50元。", "每月出勤不满26天的，会被罚款。",
                                  "每月出勤满26天的，发放全勤奖。", "平台规定每天在线8小时。",
                                  "公司要求主播每月直播26天。"])
def test_time_online_the_enterprise_rewards_keeping_or_penalises_missing_is_required(text):
    assert value_of(text, ATTENDANCE) is True


@pytest.mark.parametrize("text", ["平台要求每天晚高峰必须在线，每周至少跑200单。",
                                  "公司要求骑手都报名参加冲单活动，活动要求每天晚高峰必须在线。"])
def test_hours_the_enterprise_requires_are_counted_even_when_called_an_activity(text):
    assert value_of(text, HOURS) is True


@pytest.mark.parametrize(("text", "key", "expected"), IN_A_WORKERS_WORDS)
def test_each_factor_is_read_both_ways_in_a_workers_words(text, key, expected):
    assert value_of(text, key) is expected


@pytest.mark.parametrize("text", ["他平时在配送站上班", "他一边送外卖一边照顾孩子"])
def test_the_job_itself_or_a_chore_is_not_a_second_job(text):
    assert value_of(text, INCOME) is None and value_of(text, MULTI) is None


def test_what_the_parties_fell_out_over_is_not_a_fact_of_the_work():
    text = "他每月拿直播收益的四成。后来双方因为提成怎么付起了争执，他申请仲裁。"
    assert value_of(text, PAY) is False  # the share is read; the 提成 they disputed is not


def test_an_introduction_to_a_company_job_is_not_an_intermediary():
    assert value_of("经朋友介绍到一家公司做配送", CORE) is not False


def test_a_predicate_after_a_comma_belongs_to_the_clause_before():
    text = "播什么、在哪个时段播，都由我自己安排。"
    spans = decisive(text, HOURS)
    assert value_of(text, HOURS) is False
    assert text[spans[0].start:spans[0].end] == spans[0].quote == "播什么、在哪个时段播，都由我自己安排"


def test_a_freedom_of_time_the_enterprise_penalises_is_control():
    finding = extract_factors("时间可以自己安排，但在线不满8小时就扣钱。")[HOURS]
    assert finding.value is True
    assert finding.decisive_spans[0].condition.startswith("但")


def test_a_bare_dispatch_is_recorded_as_only_part_of_the_factor():
    bare = extract_factors("订单由系统派发，按单计酬。")[ORDERS]
    full = extract_factors("订单由系统派发，不能拒单。")[ORDERS]
    assert bare.value is True and bare.partial
    assert full.value is True and not full.partial


# --- the actor, and the agreement against what happened ---------------------------------------------

@pytest.mark.parametrize(("text", "key", "actor"), [
    ("站长在微信群里给我们排班", HOURS, "station_manager"),
    ("配送费是代理商定的", PAY, "agent"),
    ("外包公司按单量每月给我结算", PAY, "cooperating_company"),
])
def test_who_acts_is_named(text, key, actor):
    assert decisive(text, key)[0].actor == actor


def test_the_work_as_done_decides_over_the_agreements_label():
    text = "协议写明是合作关系，但实际每天排班考勤。"
    for key in (HOURS, ATTENDANCE):
        finding = extract_factors(text)[key]
        assert finding.value is True
        assert finding.decisive_spans[0].mode == "practice"


def test_a_found_fact_opens_with_jing_cha():
    assert [segment.mode for segment in segments("公司称他自由接单。经查，他每天按站点排班表上线。")][-1] == "practice"


# --- facts of legal standing ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "key"), [
    ("公司跟我签了两年的劳动合同", "labour_contract_signed"),
    ("公司给我们交了社保", "social_insurance_paid"),
    ("公司还为骑手投保了雇主责任险", "employer_liability_insurance"),
    ("我退休后到小区当保洁，每月领着退休金", "receives_pension"),
    ("我退休后在平台上接单做家政", "receives_pension"),
    ("这辆车挂靠在运输公司名下，是车主雇我来开的", "hired_by_vehicle_owner"),
])
def test_facts_of_standing_are_found(text, key):
    assert key in [fact.key for fact in find_standing(text)]


@pytest.mark.parametrize("text", [
    "公司一直没跟我签劳动合同",
    "公司也没给他缴社保",
    "协议写明属于合作服务合同而非劳动合同",
    "车主雇我来开车",  # no 挂靠: an owner hiring a driver says nothing about the company
])
def test_negated_or_partial_statements_are_not_facts_of_standing(text):
    assert find_standing(text) == []


# --- phrasings met in the 2026-12 read batches (d3, d4), written afresh --------------------------

@pytest.mark.parametrize(("text", "key", "expected"), [
    ("每天8:00到20:00须随时接单", HOURS, True),
    ("每天8:00到20:00须随时接单", ATTENDANCE, True),
    ("站点以他多次拒单为由把他开除", ORDERS, True),
    ("公司关停了她的骑手账户", RULES, True),
    ("送餐时穿着平台的骑手服", UNIFORM, True),
    ("公司按协议执行平台的配送规范", RULES, True),
])
def test_phrasings_from_the_read_batches(text, key, expected):
    assert value_of(text, key) is expected


def test_a_colon_in_a_time_of_day_does_not_end_the_clause():
    assert [segment.text for segment in segments("每天9:30到21:30在岗，按月结算")] == ["每天9:30到21:30在岗", "按月结算"]


def test_a_driver_hired_by_the_owner_of_a_vehicle_run_under_the_company_s_name_is_found():
    text = "王某把自己的货车挂靠在运输公司名下。第二天王某雇李某开这辆车。"
    assert [fact.key for fact in find_standing(text)] == ["hired_by_vehicle_owner"]
    assert find_standing("运输公司雇李某开公司的车。") == []
