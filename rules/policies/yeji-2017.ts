/**
 * 六安市叶集区人民政府《关于加快电子商务发展的实施意见》, items 9–15 (section 五) and 17 (section 六).
 *
 * Read like the text: each rule quotes its clause verbatim and keeps the text's boundary words.
 * The document states neither an issue date nor a validity period, so `inForce` is null.
 * Every amount of the text is an award (there is no budget or target figure), so there are no notAwards.
 */
import type { PolicyRuleFile } from "../ruleSchema.js";

/** "首次突破" is ambiguous about the number itself; item 14's own lead-in says "达到以下标准". */
const BREAKTHROUGH = "本项开头写明“年网上营业额达到以下标准的”，故读作达到即含本数";

const FIRST_TIME = {
  id: "not-first-time",
  priority: 5,
  when: { fact: "firstTimeReached", is: false },
  reason: "须为年销售额首次突破该档次，已突破过的不再奖励",
  clause: "yeji-2017:五/14",
  quote: "实现年销售额首次突破",
} as const;

export default {
  policy: "yeji-2017",
  rules: [
    {
      id: "service-center-build",
      title: "农村电商公共服务中心场所装修和设备设施补助",
      clause: "yeji-2017:五/9",
      quote:
        "对办公、培训、产品展示、数据采集统计等场所建设装修新增投入部分，验收合格后给予50%补助，补助金额最高不超过50万元；对软硬件等设备设施购置新增投入部分，审计验收后给予80%补助，补助金额最高不超过80万元。",
      entityTypes: [],
      keywords: ["公共服务中心", "装修", "设备设施", "以奖代补"],
      amount: {
        mechanism: "sum",
        parts: [
          {
            mechanism: "capMin",
            of: { mechanism: "percentOf", percent: "50", of: "decorationInvestment" },
            caps: [{ amount: "50万元", label: "场所装修补助最高", quote: "验收合格后给予50%补助，补助金额最高不超过50万元" }],
          },
          {
            mechanism: "capMin",
            of: { mechanism: "percentOf", percent: "80", of: "equipmentInvestment" },
            caps: [{ amount: "80万元", label: "设备设施补助最高", quote: "审计验收后给予80%补助，补助金额最高不超过80万元" }],
          },
        ],
      },
      upTo: true,
      conditions: [
        "用于农村电子商务公共服务中心建设（不含土建）",
        "场所装修部分验收合格；设备设施部分审计验收",
        "只计新增投入部分",
      ],
      notes: ["两部分各自封顶后相加；只有一部分投入的，另一部分按0元填报"],
    },
    {
      id: "park-rent",
      title: "入园电商企业房屋租金补助",
      clause: "yeji-2017:五/10",
      quote: "对电子商务企业和配套服务企业入园租赁办公和经营场所，区财政按建筑面积每月每平方米15元的标准给予房屋租金补助，连续补助3年。",
      entityTypes: ["company"],
      keywords: ["入园", "租金补助", "租赁", "建筑面积"],
      amount: {
        mechanism: "product",
        of: "15元",
        times: [{ fact: "rentArea" }, { constant: 36, label: "个月（连续补助3年）" }],
      },
      upTo: false,
      conditions: ["入园租赁办公和经营场所", "按建筑面积计，连续补助3年；金额为3年合计"],
    },
    {
      id: "rural-logistics",
      title: "农村电商物流配送体系建设补助",
      clause: "yeji-2017:五/10",
      quote:
        "对邮政、供销、商贸流通企业、第三方物流企业等开展面向本区农村电子商务综合物流信息服务及物流配送体系新增固定资产和相关软件投入部分，给予30%的补助，最高不超过50万元。",
      entityTypes: ["company", "logisticsCenter"],
      keywords: ["物流配送体系", "物流信息服务", "第三方物流"],
      when: { fact: "activity", oneOf: ["logisticsSystem"], text: "面向本区农村电子商务综合物流信息服务及物流配送体系" },
      amount: {
        mechanism: "capMin",
        of: { mechanism: "percentOf", percent: "30", of: "investment" },
        caps: [{ amount: "50万元", label: "最高不超过", quote: "最高不超过50万元" }],
      },
      upTo: true,
      conditions: ["投资额只计新增固定资产和相关软件投入部分"],
    },
    {
      id: "service-center-operation",
      title: "电商运营企业运营维护公共服务中心补助",
      clause: "yeji-2017:五/11",
      quote: "区财政对其运营维护电子商务公共服务中心给予全额补助，补助金额最高不超过100万元。",
      entityTypes: ["company"],
      keywords: ["运营企业", "运营维护", "公共服务中心"],
      when: { fact: "activity", oneOf: ["serviceCenterOperation"], text: "运营维护电子商务公共服务中心" },
      amount: {
        mechanism: "capMin",
        of: { mechanism: "percentOf", percent: "100", of: "expenses" },
        caps: [{ amount: "100万元", label: "补助金额最高", quote: "补助金额最高不超过100万元" }],
      },
      upTo: true,
      conditions: [
        "机构健全、制度完善、分工明确、管理规范的电子商务运营企业，具有农村电子商务公共服务中心运营维护、有面向农村的电子商务公共服务网上平台并支持多平台销售",
        "具备采集、统计区域真实有效网络交易数据和数据分析，建成淘宝、京东、苏宁易购等3个以上线上特色馆并正常开展营销运营服务",
        "费用为运营维护公共服务中心的实际费用（全额补助）",
      ],
    },
    {
      id: "feature-pavilion",
      title: "营销特色馆建设补助",
      clause: "yeji-2017:五/11",
      quote: "营销特色馆（线上线下）建设，补助金额最高不超过50万元。",
      entityTypes: ["company"],
      keywords: ["特色馆", "营销特色馆"],
      when: { fact: "activity", oneOf: ["featurePavilion"], text: "营销特色馆（线上线下）建设" },
      amount: "50万元",
      upTo: true,
      conditions: ["补助比例原文未载明，只给上限"],
    },
    {
      id: "supply-chain",
      title: "农产品电商供应链体系建设补助",
      clause: "yeji-2017:五/12",
      quote: "区财政按新增设备、软件及相关设施等投入部分的50%核定一次性补助资金，最高不超过50万元。",
      entityTypes: ["company"],
      keywords: ["供应链", "影像采集", "溯源", "品牌培育"],
      when: { fact: "activity", oneOf: ["supplyChain", "traceability"], text: "农产品电子商务供应链体系建设（含购置溯源等设备设施）" },
      amount: {
        mechanism: "capMin",
        of: { mechanism: "percentOf", percent: "50", of: "equipmentInvestment" },
        caps: [{ amount: "50万元", label: "最高不超过", quote: "最高不超过50万元" }],
      },
      upTo: true,
      conditions: ["投资额只计新增设备、软件及相关设施等投入部分"],
    },
    {
      id: "service-point",
      title: "农村电商服务网点建设补助",
      clause: "yeji-2017:五/13",
      quote:
        "2017年新建符合农村电子商务服务网点标准的企业，对其在电子商务服务网点的装修装饰、购买电脑、LED显示屏、网络连接设备、室内外牌匾等设备设施投入，验收后给予补助，原则上每个站点不超过2万元。",
      entityTypes: ["company", "servicePoint"],
      keywords: ["服务网点", "站点", "网点"],
      amount: { mechanism: "product", of: "2万元", times: [{ fact: "sites" }] },
      upTo: true,
      conditions: ["2017年新建、符合农村电子商务服务网点标准", "补助用于网点装修装饰、电脑、LED显示屏、网络连接设备、牌匾等设备设施投入，验收后给予", "“原则上”每个站点不超过2万元"],
    },
    {
      id: "startup-b2b-b2c",
      title: "B2B/B2C网商年销售额首次突破奖励",
      clause: "yeji-2017:五/14",
      quote:
        "对实际运行满1年且年网上营业额达到以下标准的，给予一次性奖励：通过B2B（企业间的电子商务）、B2C（企业对消费者的电子商务）电子商务形式实现年销售额首次突破300万元、500万元、1000万元、5000万元的网商，分别按1万元、2万元、5万元、10万元给予一次性奖励；",
      entityTypes: [],
      keywords: ["B2B", "B2C", "首次突破", "网商", "电商创业"],
      when: {
        all: [
          { fact: "tradeMode", oneOf: ["b2b", "b2c"], text: "通过B2B、B2C电子商务形式" },
          { fact: "operatingMonths", word: "满", value: 12, text: "实际运行满1年" },
        ],
      },
      amount: {
        mechanism: "tierTable",
        fact: "onlineRetailSales",
        word: "突破",
        op: "gte",
        interpretation: BREAKTHROUGH,
        tiers: [
          { threshold: "300万元", amount: "1万元" },
          { threshold: "500万元", amount: "2万元" },
          { threshold: "1000万元", amount: "5万元" },
          { threshold: "5000万元", amount: "10万元" },
        ],
      },
      upTo: false,
      exceptions: [FIRST_TIME],
    },
    {
      id: "startup-c2c",
      title: "C2C网商年销售额首次突破奖励",
      clause: "yeji-2017:五/14",
      quote:
        "对通过C2C（个人与个人之间的电子商务）电子商务形式实现年销售额首次突破50万元、100万元、500万元、1000万元的网商，分别按0.5万元、1万元、5万元、10万元给予一次性奖励。",
      entityTypes: [],
      keywords: ["C2C", "首次突破", "网商", "电商创业"],
      when: {
        all: [
          { fact: "tradeMode", oneOf: ["c2c"], text: "通过C2C电子商务形式" },
          { fact: "operatingMonths", word: "满", value: 12, text: "实际运行满1年" },
        ],
      },
      amount: {
        mechanism: "tierTable",
        fact: "onlineRetailSales",
        word: "突破",
        op: "gte",
        interpretation: BREAKTHROUGH,
        tiers: [
          { threshold: "50万元", amount: "0.5万元" },
          { threshold: "100万元", amount: "1万元" },
          { threshold: "500万元", amount: "5万元" },
          { threshold: "1000万元", amount: "10万元" },
        ],
      },
      upTo: false,
      exceptions: [FIRST_TIME],
    },
    {
      id: "poor-hire",
      title: "聘用贫困人口就业一次性补助",
      clause: "yeji-2017:五/14",
      quote: "对电子商务企业或网商聘用贫困人口稳定就业的，给予一次性补助1000元/人。",
      entityTypes: [],
      keywords: ["贫困人口", "稳定就业", "聘用"],
      amount: { mechanism: "product", of: "1000元", times: [{ fact: "poorEmployees" }] },
      upTo: false,
      conditions: ["聘用的贫困人口稳定就业", "申报主体为电子商务企业或网商"],
    },
    {
      id: "cross-border-platform",
      title: "跨境电商公共服务平台及交易平台补贴",
      clause: "yeji-2017:五/14",
      quote: "对建立跨境电子商务公共服务平台及交易平台的企业，在市电子商务发展专项资金中给予实际投入15%的资金补贴，最多不超过30万元。",
      entityTypes: ["company"],
      keywords: ["跨境电子商务", "公共服务平台", "交易平台"],
      when: { fact: "activity", oneOf: ["crossBorderPlatform"], text: "建立跨境电子商务公共服务平台及交易平台" },
      amount: {
        mechanism: "capMin",
        of: { mechanism: "percentOf", percent: "15", of: "investment" },
        caps: [{ amount: "30万元", label: "最多不超过", quote: "最多不超过30万元" }],
      },
      upTo: true,
      conditions: ["由市电子商务发展专项资金中补贴", "投资额按实际投入计"],
    },
    {
      id: "demo-company",
      title: "电子商务示范企业奖励（帮助申报市财政）",
      clause: "yeji-2017:五/15",
      quote:
        "对获得市级电子商务示范企业的，帮助申报市财政2万元一次性奖励；对获得省级电子商务示范企业的，帮助申报市财政10万元一次性奖励；对获得国家级电子商务示范企业的，帮助申报市财政50万元一次性奖励。",
      entityTypes: ["company"],
      keywords: ["示范企业", "示范工程"],
      amount: {
        mechanism: "tierTable",
        tiers: [
          { when: { fact: "honour", oneOf: ["cityDemoCompany"], text: "市级电子商务示范企业" }, amount: "2万元" },
          { when: { fact: "honour", oneOf: ["provincialDemoCompany"], text: "省级电子商务示范企业" }, amount: "10万元" },
          { when: { fact: "honour", oneOf: ["nationalDemoCompany"], text: "国家级电子商务示范企业" }, amount: "50万元" },
        ],
      },
      upTo: false,
      conditions: ["奖励由区里帮助申报、市财政兑现"],
    },
    {
      id: "training-half-day",
      title: "电商培训定额补助（半天）",
      clause: "yeji-2017:六/17",
      quote: "培训时间在半天的，给予培训主体60元/人补助；安排就餐的，再给予30元/人补助；安排上机操作，再给予20元/人补助。",
      entityTypes: [],
      keywords: ["培训", "半天", "上机操作", "就餐"],
      when: { fact: "trainingDays", word: "不满", value: 1, text: "培训时间在半天（不满1天）" },
      amount: {
        mechanism: "product",
        of: {
          mechanism: "sum",
          parts: [
            "60元",
            { mechanism: "when", when: { fact: "mealProvided", is: true, text: "安排就餐" }, then: "30元", label: "就餐加补" },
            { mechanism: "when", when: { fact: "computerPractice", is: true, text: "安排上机操作" }, then: "20元", label: "上机加补" },
          ],
        },
        times: [{ fact: "trainees" }],
      },
      upTo: false,
      conditions: ["补助发给培训主体", "培训对象为基层干部、新型农业经营主体、农村创业青年和农民等"],
    },
    {
      id: "training-full-day",
      title: "电商培训定额补助（1天以上且安排食宿）",
      clause: "yeji-2017:六/17",
      quote: "培训时间在1天以上（含1天）且安排食宿（含上机操作），给予培训主体200元/人/天补助。",
      entityTypes: [],
      keywords: ["培训", "食宿", "上机操作"],
      when: {
        all: [
          { fact: "trainingDays", word: "以上", value: 1, text: "培训时间在1天以上（含1天）" },
          { fact: "lodgingProvided", is: true, text: "安排食宿" },
        ],
      },
      amount: { mechanism: "product", of: "200元", times: [{ fact: "trainees" }, { fact: "trainingDays" }] },
      upTo: false,
      conditions: ["补助发给培训主体", "含上机操作", "培训对象为基层干部、新型农业经营主体、农村创业青年和农民等"],
      notes: ["1天以上但未安排食宿的，原文未给标准"],
    },
  ],
} satisfies PolicyRuleFile;
