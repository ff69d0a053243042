/**
 * 聊城市人民政府《关于促进电子商务高质量发展的若干措施（征求意见稿）》: every provision that carries money.
 * A draft for comment: amounts are those of the draft.
 */
import type { PolicyRuleFile } from "../ruleSchema.js";

const NORMAL_OPERATION = "获得奖补资金的企业应处于正常经营状态并依法纳税";
const CONTRIBUTION_CAP = {
  amount: { mechanism: "percentOf", percent: "20", of: "localContribution" },
  label: "不超过企业对地方贡献数的20%",
  quote: "且对企业的奖补资金额不得超过企业对地方贡献数的20%",
} as const;

export default {
  policy: "liaocheng-2022",
  conditions: ["本文件为征求意见稿，最终以正式印发文件为准"],
  notAwards: [
    { clause: "liaocheng-2022:一", amount: "350亿元", reason: "全市网络零售额目标，不是奖励（本条只有通报表扬）" },
    { clause: "liaocheng-2022:九", amount: "50%", reason: "院校开展产教融合培训比例目标，不是奖励" },
    { clause: "liaocheng-2022:十一", amount: "10万元", reason: "“齐鲁电商贷”单户贷款额度下限，是贷款额度，不是奖补" },
    { clause: "liaocheng-2022:十一", amount: "1000万元", reason: "“齐鲁电商贷”单户贷款额度上限，是贷款额度，不是奖补" },
  ],
  rules: [
    {
      id: "traffic-subsidy",
      title: "电商龙头企业流量补贴",
      clause: "liaocheng-2022:二",
      quote:
        "对当年实现网络零售额1亿元以上企业,每实现1万元，最高给予4元流量补贴，每家企业最高补贴40万元，获得奖补资金的企业应处于正常经营状态并依法纳税，且对企业的奖补资金额不得超过企业对地方贡献数的20%，全市补贴总额不超过200万元。",
      entityTypes: ["company"],
      keywords: ["流量补贴", "龙头企业", "每实现1万元", "网络零售额"],
      when: { fact: "onlineRetailSales", word: "以上", value: "1亿元", text: "当年实现网络零售额1亿元以上" },
      amount: {
        mechanism: "capMin",
        of: { mechanism: "perUnit", fact: "onlineRetailSales", unit: "1万元", amountPerUnit: "4元", rounding: "wholeUnits" },
        caps: [{ amount: "40万元", label: "每家企业最高补贴", quote: "每家企业最高补贴40万元" }, CONTRIBUTION_CAP],
      },
      upTo: true,
      conditions: [NORMAL_OPERATION, "全市补贴总额不超过200万元（额满为止）"],
      notes: ["“每实现1万元”按完整的1万元计，不足1万元的部分不计"],
    },
    {
      id: "branch-conversion",
      title: "市外电商企业分支机构转法人奖励",
      clause: "liaocheng-2022:三",
      quote: "政策施行期内，市外电商企业在聊分支机构转为入库纳统的法人企业后，给予企业5万元的一次性奖励，全市奖励金额不超过100万元。",
      entityTypes: ["company"],
      keywords: ["分支机构", "法人企业", "入库纳统", "落户"],
      when: { fact: "branchConverted", is: true, text: "市外电商企业在聊分支机构转为入库纳统的法人企业" },
      amount: "5万元",
      upTo: false,
      conditions: ["在政策施行期内转为入库纳统的法人企业", "全市奖励金额不超过100万元（额满为止）"],
    },
    {
      id: "new-live-company",
      title: "新注册直播电商企业奖励",
      clause: "liaocheng-2022:六",
      quote: "对在我市当年新注册登记且实现纳统网络零售额2000万元以上的独立法人直播电商企业，给予20万元一次性资金奖励。",
      entityTypes: ["company"],
      keywords: ["直播电商企业", "新注册登记", "独立法人", "纳统网络零售额"],
      when: {
        all: [
          { fact: "newlyRegistered", is: true, text: "当年新注册登记" },
          { fact: "independentLegalEntity", is: true, text: "独立法人" },
          { fact: "onlineRetailSales", word: "以上", value: "2000万元", text: "实现纳统网络零售额2000万元以上" },
        ],
      },
      amount: { mechanism: "capMin", of: "20万元", caps: [CONTRIBUTION_CAP] },
      upTo: false,
      conditions: ["直播电商企业", NORMAL_OPERATION, "两项奖励金额全市不超过200万元（额满为止）"],
      notes: ["“不得超过企业对地方贡献数的20%”写在本条第二项之后，按“获得奖补资金的企业”通用要求读，对两项奖励都适用（解释）"],
    },
    {
      id: "live-base",
      title: "直播电商基地（园区）奖励",
      clause: "liaocheng-2022:六",
      quote:
        "对在我市注册登记且诚信经营一年以上，获得淘宝、京东、拼多多、抖音、快手等直播平台授牌“直播基地”，占地面积2000平方米以上、直播间数量30间以上、机构注册活跃主播人数超过30人，当年实现纳统网络零售额1亿元以上的直播电商基地（园区），给予50万元一次性资金奖励，获得奖补资金的企业应处于正常经营状态并依法纳税，且对企业的奖补资金额不得超过企业对地方贡献数的20%。",
      entityTypes: ["park", "company"],
      keywords: ["直播基地", "直播电商基地", "直播间", "主播"],
      when: {
        all: [
          { fact: "operatingMonths", word: "以上", value: 12, text: "诚信经营一年以上" },
          { fact: "honour", oneOf: ["liveBase"], text: "获得直播平台授牌“直播基地”" },
          { fact: "area", word: "以上", value: 2000, text: "占地面积2000平方米以上" },
          { fact: "liveRooms", word: "以上", value: 30, text: "直播间数量30间以上" },
          { fact: "activeAnchors", word: "超过", value: 30, text: "机构注册活跃主播人数超过30人" },
          { fact: "onlineRetailSales", word: "以上", value: "1亿元", text: "当年实现纳统网络零售额1亿元以上" },
        ],
      },
      amount: { mechanism: "capMin", of: "50万元", caps: [CONTRIBUTION_CAP] },
      upTo: false,
      conditions: ["在聊城市注册登记", NORMAL_OPERATION, "两项奖励金额全市不超过200万元（额满为止）"],
    },
    {
      id: "trained-hires",
      title: "电商企业吸纳培训人员就业奖励",
      clause: "liaocheng-2022:九",
      quote:
        "对我市电商、跨境电商企业，当年吸纳经电商生态链企业“白名单”培训机构培训或经院校“专业+实训”电商培训10人以上就业，并连续缴纳6个月以上社会保险的，给予电商企业不超过10万元一次性奖励。",
      entityTypes: ["company"],
      keywords: ["吸纳", "就业", "白名单", "专业+实训", "电商培训"],
      when: {
        all: [
          { fact: "trainedHires", word: "以上", value: 10, text: "培训10人以上就业" },
          { fact: "socialInsurance", is: true, text: "连续缴纳6个月以上社会保险" },
        ],
      },
      amount: "10万元",
      upTo: true,
      conditions: ["培训经电商生态链企业“白名单”培训机构或院校“专业+实训”", "连续缴纳6个月以上社会保险", "两项奖励金额全市不超过100万元（额满为止）"],
    },
    {
      id: "anchor-training",
      title: "培训机构培训主播奖励",
      clause: "liaocheng-2022:九",
      quote:
        "对在我市注册、资质齐全的培训机构，年培训不少于20名主播（10万粉丝以上），并与我市企业签订一年及以上直播带货业务合同，且连续缴纳6个月以上社会保险的，给予培训机构不超过10万元一次性奖励。",
      entityTypes: ["trainingInstitution"],
      keywords: ["培训机构", "主播", "直播带货业务合同"],
      when: { fact: "anchorsTrained", word: "不少于", value: 20, text: "年培训不少于20名主播（10万粉丝以上）" },
      amount: "10万元",
      upTo: true,
      conditions: [
        "在聊城市注册、资质齐全",
        "所培训主播为10万粉丝以上",
        "与聊城市企业签订一年及以上直播带货业务合同",
        "连续缴纳6个月以上社会保险",
        "两项奖励金额全市不超过100万元（额满为止）",
      ],
    },
    {
      id: "county-delivery-center",
      title: "县域快递物流配送中心奖励",
      clause: "liaocheng-2022:十",
      quote: "对整合全国性快递物流企业5家以上、实现县域内仓储、分拣、运输、配送、揽件“五统一”的县域快递物流配送中心,",
      entityTypes: ["logisticsCenter"],
      keywords: ["快递物流配送中心", "五统一", "整合", "快递"],
      when: { fact: "partnerCompanies", word: "以上", value: 5, text: "整合全国性快递物流企业5家以上" },
      amount: "20万元",
      upTo: false,
      conditions: ["实现县域内仓储、分拣、运输、配送、揽件“五统一”", "首年度给予", "两项奖励金额全市不超过200万元（额满为止）"],
      notes: ["金额见同句“首年度给予一次性奖励20万元”"],
    },
    {
      id: "logistics-info-platform",
      title: "快递物流信息平台奖励",
      clause: "liaocheng-2022:十",
      quote: "以及能够提供实时比价和撮合对接服务、整合县域80%以上快递单量的快递物流信息平台,首年度给予一次性奖励20万元。",
      entityTypes: ["platform", "company"],
      keywords: ["快递物流信息平台", "实时比价", "撮合对接"],
      when: { fact: "activity", oneOf: ["logisticsInfoPlatform"], text: "快递物流信息平台" },
      amount: "20万元",
      upTo: false,
      conditions: ["能够提供实时比价和撮合对接服务、整合县域80%以上快递单量", "两项奖励金额全市不超过200万元（额满为止）"],
    },
    {
      id: "sorting-center",
      title: "新设一级分拨中心奖励",
      clause: "liaocheng-2022:十",
      quote: "对符合条件的新设一级分拨中心，首年度给予一次性奖励50万元。",
      entityTypes: ["logisticsCenter", "company"],
      keywords: ["一级分拨中心", "分拨中心", "物流快递企业"],
      when: { fact: "activity", oneOf: ["sortingCenter"], text: "新设一级分拨中心" },
      amount: "50万元",
      upTo: false,
      conditions: ["国内知名大型物流快递企业在聊城市新设", "两项奖励金额全市不超过200万元（额满为止）"],
    },
  ],
} satisfies PolicyRuleFile;
