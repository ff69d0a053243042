/**
 * The fact vocabulary: every fact a rule may read and the bot may ask for.
 *
 * Each fact has a unit and a Chinese label (used when the bot asks for it and in traces).
 * Money is always integer fen (1 元 = 100 fen) so that no floating point touches an amount.
 * `aliases` are the Chinese words by which a user names the fact; the extractor in `bot/`
 * reads them, so a new fact becomes understandable by adding it here.
 */
import { z } from "zod";

/** Units a fact can carry. `fen` is money; `bool` and `enum` are not numbers. */
export type FactUnit = "fen" | "count" | "sqm" | "day" | "rank" | "year" | "date" | "bool" | "enum";

/** Kinds of applicant the five documents name. */
export const ENTITY_TYPES = {
  company: "企业",
  onlineShop: "个体网店",
  influencer: "带货达人",
  cooperative: "农业合作社",
  individual: "个人",
  town: "镇",
  village: "村",
  park: "电商园区",
  platform: "电商平台",
  trainingInstitution: "培训机构",
  logisticsCenter: "物流中心",
  servicePoint: "服务站点",
  association: "商协会",
  county: "县（市、区）",
} as const;
export type EntityType = keyof typeof ENTITY_TYPES;

/** Trade modes that Yeji's item 14 distinguishes. */
export const TRADE_MODES = { b2b: "B2B", b2c: "B2C", c2c: "C2C" } as const;
export type TradeMode = keyof typeof TRADE_MODES;

/** One entry of the vocabulary. */
export interface FactSpec {
  unit: FactUnit;
  label: string;
  /** Words users write for this fact (for booleans: words that make it true). */
  aliases: readonly string[];
  /** For enum facts: the allowed values and their labels. */
  values?: Readonly<Record<string, string>>;
  /** Yes/no facts: words that state it false ("专营店" against 旗舰店). 不是/没有/还没 before a word flips it. */
  denies?: readonly string[];
  /** Enum facts a user states in words: the words for each value ("县里" → county, "二级" → second). */
  words?: Readonly<Record<string, readonly string[]>>;
  /** The words only count this close (characters) to one of these ("市级" near 电商村, not "市里那个奖励"). */
  near?: { words: readonly string[]; within: number };
  /** A count stated as an ordinal: "入园第4年" → 4, in a clause naming one of its aliases. */
  ordinal?: true;
}

/**
 * The vocabulary. Keep names stable: they appear in `missing` of the `ask` output.
 * Booleans default to unknown, never to false: a rule that needs one reports it missing.
 */
export const FACTS = {
  // Who is asking
  entityType: { unit: "enum", label: "申报主体类型", aliases: ["企业", "公司", "网店", "达人", "主播", "合作社", "镇", "村", "园区", "平台", "培训机构", "物流中心", "服务站", "商会", "协会"], values: ENTITY_TYPES },
  tradeMode: { unit: "enum", label: "电商模式", aliases: ["B2B", "B2C", "C2C", "淘宝C店", "个人店"], values: TRADE_MODES },
  activityYear: { unit: "year", label: "业绩年度", aliases: ["年度", "去年", "今年"] },
  registrationDate: { unit: "date", label: "注册登记日期", aliases: ["注册", "成立", "落户"] },
  operatingMonths: { unit: "count", label: "实际经营月数", aliases: ["经营", "运行", "开了"] },
  /** Read from the place named after 注册在 / 执照在 (bot/understanding/places.ts), not from words. */
  registeredLocally: { unit: "bool", label: "在本地注册登记", aliases: [] },

  // Sales (money, fen)
  onlineRetailSales: { unit: "fen", label: "年网络零售额", aliases: ["网络零售额", "网零", "零售额", "销售额", "卖了", "带货", "营业额", "流水", "GMV"] },
  crossBorderSales: { unit: "fen", label: "年跨境电商零售额", aliases: ["跨境电商零售额", "跨境零售额", "跨境"] },
  platformSales: { unit: "fen", label: "全国性电商平台销售额", aliases: ["全国性电商平台", "京东", "天猫", "淘宝", "拼多多"] },
  transactionVolume: { unit: "fen", label: "网上交易额（年交易额）", aliases: ["网上交易额", "年交易额", "交易额", "成交额"] },
  dailyFundFlow: { unit: "fen", label: "日均资金流量", aliases: ["日均资金流量", "日均资金", "资金流量", "日均流水"] },
  taxPaid: { unit: "fen", label: "年纳税额", aliases: ["纳税", "交税", "缴税", "税收"] },
  localContribution: { unit: "fen", label: "企业对地方贡献数", aliases: ["地方贡献", "贡献"] },
  annualSalary: { unit: "fen", label: "年薪", aliases: ["年薪"] },

  // Spending (money, fen)
  investment: { unit: "fen", label: "投资额", aliases: ["投资", "投入"] },
  decorationInvestment: { unit: "fen", label: "场所建设装修新增投入", aliases: ["装修", "场所建设"] },
  equipmentInvestment: { unit: "fen", label: "软硬件设备新增投入", aliases: ["设备", "软硬件", "电脑"] },
  expenses: { unit: "fen", label: "实际发生费用", aliases: ["费用", "花了", "花费", "开支", "研发费用"] },
  annualFee: { unit: "fen", label: "平台年费", aliases: ["年费"] },
  rentArea: { unit: "sqm", label: "租赁建筑面积", aliases: ["租", "租赁", "房租"] },

  // Size
  followers: { unit: "count", label: "粉丝数", aliases: ["粉丝", "粉"] },
  area: { unit: "sqm", label: "营运（占地）面积", aliases: ["面积", "平方米", "平米", "㎡"] },
  residentCompanies: { unit: "count", label: "入驻电商企业数", aliases: ["入驻", "家企业"] },
  liveRooms: { unit: "count", label: "直播间数量", aliases: ["直播间"] },
  activeAnchors: { unit: "count", label: "注册活跃主播人数", aliases: ["主播"] },
  partnerCompanies: { unit: "count", label: "整合快递物流企业数", aliases: ["整合", "快递企业", "物流企业"] },
  freightCompanies: { unit: "count", label: "整合货运物流企业数", aliases: ["货运企业", "货运物流"] },
  parcelsPerYear: { unit: "count", label: "年派送件数", aliases: ["件", "派送"] },
  freightTonnes: { unit: "count", label: "全年货运发送量（吨）", aliases: ["吨", "货运"] },
  transactions: { unit: "count", label: "成交笔数", aliases: ["笔"] },
  sites: { unit: "count", label: "站点数", aliases: ["站点", "网点", "服务点"] },

  // People
  jobsCreated: { unit: "count", label: "新安排就业人数", aliases: ["就业", "招了", "吸纳", "岗位", "员工"] },
  poorEmployees: { unit: "count", label: "聘用建档立卡贫困人口数", aliases: ["贫困人口", "建档立卡", "贫困户"] },
  disabledEmployees: { unit: "count", label: "安排残疾人就业人数", aliases: ["残疾人"] },
  trainedHires: { unit: "count", label: "吸纳经培训人员就业数", aliases: ["培训后就业", "培训就业"] },
  anchorsTrained: { unit: "count", label: "年培训主播人数（10万粉丝以上）", aliases: ["培训主播"] },
  trainees: { unit: "count", label: "培训人数（人次）", aliases: ["人次", "学员", "培训了"] },
  trainingDays: { unit: "day", label: "培训天数", aliases: ["天", "半天"] },

  // Ranking (1 = first)
  rank: { unit: "rank", label: "排名", aliases: ["排名", "排第", "第", "前"] },

  // Yes/no facts a rule depends on. `aliases` state them true, `denies` false; a negation flips either.
  flagshipStore: { unit: "bool", label: "在主流电商平台开设旗舰店", aliases: ["旗舰店"], denies: ["专营店", "专卖店", "普通店", "普通C店", "C店", "集市店", "个人店"] },
  localSpecialty: {
    unit: "bool",
    label: "销售本地土特产品/特色产品",
    aliases: ["土特产", "特产", "农产品", "农副产品", "特色产品", "本地产品", "本地的产品", "自家种的", "自己种的"],
    denies: ["义乌", "外地进", "外地的货", "外面进", "批发来的", "进的货", "小商品", "小饰品", "日用百货"],
  },
  honour: { unit: "enum", label: "获得的称号/认定", aliases: ["淘宝镇", "淘宝村", "示范镇", "示范村", "特色镇", "特色村", "电商小镇", "电商村", "示范企业", "驰名", "著名", "地理标志", "直播基地"], values: {
    taobaoTown: "中国淘宝镇", taobaoVillage: "中国淘宝村", demoTown: "电商示范镇", demoVillage: "电商示范村", featureTown: "电商特色镇", featureVillage: "电商特色村",
    cityTown: "市级电商小镇", cityVillage: "市级电商村",
    nationalBrand: "国家级（地理标志/驰名品牌/示范企业）", provincialBrand: "省级（著名品牌/示范企业）",
    cityDemoCompany: "市级电子商务示范企业", provincialDemoCompany: "省级电子商务示范企业", nationalDemoCompany: "国家级电子商务示范企业",
    liveBase: "直播平台授牌直播基地",
  } },
  recognitionLevel: {
    unit: "enum",
    label: "认定级别",
    aliases: [],
    values: { county: "区县级", city: "市级", province: "省级", national: "国家级" },
    words: { county: ["区级", "县级", "县里", "区里", "县上", "区上"], city: ["市级", "市里"], province: ["省级", "省里"], national: ["国家级"] },
    near: { words: ["认定", "评上", "评为", "评的", "授予", "命名", "称号", "电商村", "电商小镇", "小镇", "村", "镇", "示范", "品牌"], within: 6 },
  },
  sortingCenterLevel: {
    unit: "enum",
    label: "分拨中心级别",
    aliases: [],
    values: { first: "一级", second: "二级及以下" },
    words: { first: ["一级"], second: ["二级", "三级"] },
    near: { words: ["分拨", "转运", "中心"], within: 4 },
  },
  siteBuiltYear: { unit: "year", label: "站点新建年份", aliases: ["新建", "建的", "建成", "建了", "盖的"] },
  supportYear: { unit: "count", ordinal: true, label: "享受补助的第几年", aliases: ["入园", "租", "运营", "补贴", "补助", "享受"] },
  firstBatch1688: { unit: "bool", label: "首批入驻1688平台", aliases: ["首批"], denies: ["第二批", "后来才入驻", "后来入驻", "后来才上", "非首批"] },
  foreignTrade: { unit: "bool", label: "外贸企业", aliases: ["外贸", "出口企业", "做出口"] },
  firstStartup: { unit: "bool", label: "首次创办小微型电商企业", aliases: ["头一回创业", "第一次创业", "首次创业", "首次创办", "头回创业", "第一次办公司", "头一回办公司"], denies: ["二次创业", "第二次创业", "再次创业", "之前开过公司", "以前开过公司"] },
  minimumWage: { unit: "bool", label: "按月支付不低于当地最低工资标准的工资", aliases: ["不低于最低工资", "高于最低工资", "最低工资以上"], denies: ["低于最低工资"] },
  operatingNormally: { unit: "bool", label: "处于正常经营状态", aliases: ["正常经营", "一直经营", "正常营业", "持续经营", "还在经营", "照常经营"], denies: ["停业", "歇业", "注销", "关门", "倒闭", "不干了", "停产", "黄了"] },
  cleanRecord: {
    unit: "bool",
    label: "无不良信用记录、偷税漏税记录和违法违规行为",
    aliases: ["信用良好", "诚信经营", "没有不良记录", "无不良记录", "守法经营"],
    denies: ["偷税漏税", "偷税", "漏税", "逃税", "失信", "不良记录", "不良信用", "违法违规", "违规", "被处罚", "处罚过", "被罚", "黑名单", "被处理"],
  },
  yearlyCapReached: { unit: "bool", label: "本年度已补满上限", aliases: ["补满", "已经补满", "拿满了", "补够了", "拿到顶了", "补到顶了"] },
  inPark: { unit: "bool", label: "入驻电商产业园", aliases: ["入驻电商产业园", "入驻产业园", "入驻园区", "入园", "在园区", "园区里"] },
  poorVillage: { unit: "bool", label: "服务站建在贫困村", aliases: ["贫困村"] },
  socialInsurance: { unit: "bool", label: "依法足额缴纳社会保险", aliases: ["社保", "社会保险"] },
  laborContractYear: { unit: "bool", label: "签订一年及以上劳动合同", aliases: ["合同"] },
  newlyRegistered: { unit: "bool", label: "当年新注册登记", aliases: ["新注册", "新成立", "新办", "刚注册"] },
  independentLegalEntity: { unit: "bool", label: "独立法人", aliases: ["独立法人", "法人企业"] },
  firstTimeReached: { unit: "bool", label: "首次突破该档次", aliases: ["首次", "第一次", "头一回"] },
  branchConverted: { unit: "bool", label: "市外企业在本地分支机构转为入库纳统法人企业", aliases: ["分支机构", "转为法人", "分公司"] },
  higherLevelFunding: { unit: "bool", label: "年度内已获得上级扶持资金", aliases: ["上级扶持", "省里补贴", "已获得补贴"] },
  otherSubsidyReceived: { unit: "bool", label: "已享受其他补贴", aliases: ["其他补贴", "已享受补贴", "享受过补贴", "拿过补贴"] },
  traditionalRetailer: { unit: "bool", label: "传统商超企业", aliases: ["商超", "超市", "商场"] },
  activity: { unit: "enum", label: "扶持事项", aliases: [], values: {
    promotion: "自建站/跨境平台宣传推介", exportLive: "出口产品线上直播带货/电商直播走进外贸企业专项活动", liveContest: "主办或承办电商直播大赛", join1688: "首批入驻1688平台",
    traceability: "入驻农产品质量溯源体系", paymentPlatform: "自建第三方交易支付平台", modelInnovation: "其他模式创新",
    staffTraining: "电商企业员工技能培训", ruralTraining: "农村电商培训", packagingDesign: "包装设计、营销策划",
    serviceCenterOperation: "运营维护农村电商公共服务中心", featurePavilion: "营销特色馆建设", supplyChain: "农产品电商供应链设备设施",
    crossBorderPlatform: "建立跨境电商公共服务平台及交易平台", logisticsSystem: "农村电商物流配送体系", sortingCenter: "一级分拨中心",
    logisticsInfoPlatform: "快递物流信息平台", startup: "首次创办小微型电商企业", talent: "引进电商高级人才", rent: "入园租赁办公经营场所",
  } },
  mealProvided: { unit: "bool", label: "安排就餐", aliases: ["午饭", "就餐", "吃饭", "管饭", "餐", "吃住", "管吃住", "包吃住", "管吃", "包吃"] },
  computerPractice: { unit: "bool", label: "安排上机操作", aliases: ["上机"] },
  lodgingProvided: { unit: "bool", label: "安排食宿", aliases: ["食宿", "住宿", "吃住", "管吃住", "包吃住", "管住", "包住"] },
} as const satisfies Record<string, FactSpec>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

const nonNegativeInt = (label: string) =>
  z.number({ error: `${label}必须是数字` }).int(`${label}必须是整数`).nonnegative(`${label}不能为负数`).max(Number.MAX_SAFE_INTEGER, `${label}超出范围`);

/**
 * A figure the user gave approximately ("80来万", "七八个", "超过30人"): every value from `low` to `high`,
 * both included, in the fact's unit (fen, count…); `high` null = no upper bound. `words` are the user's
 * own, so traces and replies quote them instead of a figure the user never wrote. Exact figures stay
 * plain numbers.
 */
export interface ApproxValue {
  low: number;
  high: number | null;
  words: string;
  /**
   * Several instances of the fact in one message ("一场花了5w 一场花了8w", "2021年花了三十来万 2022年花了16万",
   * "3期 每期40人"): `low`/`high` are their sum. Caps per event, per site or per year apply to each.
   */
  parts?: QuantityPart[];
}

/** One instance of a fact stated several times: its interval, the user's words, and its year when said. */
export interface QuantityPart {
  low: number;
  high: number | null;
  words: string;
  year?: number;
}

/** A numeric fact's value: exact, or approximate. */
export type Quantity = number | ApproxValue;

/** zod schema of an approximate value whose bounds pass `bound`; its parts, if any, add up to it. */
function approxSchema(label: string, bound: z.ZodNumber) {
  const interval = { low: bound, high: bound.nullable(), words: z.string().min(1, `${label}缺原话`).max(80) };
  const ordered = (v: { low: number; high: number | null }) => v.high === null || v.low <= v.high;
  const part = z.strictObject({ ...interval, year: z.number().int().min(1990).max(2100).optional() }).refine(ordered, `${label}的范围下限大于上限`);
  return z
    .strictObject({ ...interval, words: interval.words.max(160), parts: z.array(part).min(1).max(100).optional() })
    .refine(ordered, `${label}的范围下限大于上限`)
    .refine((v) => !v.parts || (sumOf(v.parts, "low") === v.low && sumOf(v.parts, "high") === v.high), `${label}的各项之和与合计不符`);
}

function sumOf(parts: readonly QuantityPart[], end: "low" | "high"): number | null {
  let total = 0;
  for (const p of parts) {
    const v = p[end];
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** zod schema of one fact's value, derived from its unit. */
function factValueSchema(name: FactName): z.ZodType {
  const spec: FactSpec = FACTS[name];
  switch (spec.unit) {
    case "fen":
    case "count":
    case "sqm":
      return z.union([nonNegativeInt(spec.label), approxSchema(spec.label, nonNegativeInt(spec.label))], { error: `${spec.label}必须是数字` });
    case "rank":
      return nonNegativeInt(spec.label).min(1, `${spec.label}从第1名算起`);
    case "year":
      return z.number().int().min(1990, `${spec.label}不合理`).max(2100, `${spec.label}不合理`);
    case "day": {
      const day = z.number().positive(`${spec.label}必须大于0`).max(3650).refine((d) => Number.isInteger(d * 2), `${spec.label}按半天计`);
      return z.union([day, approxSchema(spec.label, z.number().positive().max(3650))]);
    }
    case "date":
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${spec.label}应为 YYYY-MM-DD`);
    case "bool":
      return z.boolean();
    case "enum":
      return z.enum(Object.keys(spec.values ?? {}) as [string, ...string[]]);
  }
}

/**
 * The facts schema: every key optional (unknown until the user says it), unknown keys rejected.
 * Error messages name the fact, so a bad value never turns into a wrong amount.
 */
export const FactsSchema = z.strictObject(
  Object.fromEntries(FACT_NAMES.map((n) => [n, factValueSchema(n).optional()])) as Record<FactName, z.ZodOptional<z.ZodType>>,
);

/** Facts known about one applicant; absent = unknown. */
export type Facts = {
  [K in FactName]?: (typeof FACTS)[K]["unit"] extends "bool"
    ? boolean
    : (typeof FACTS)[K]["unit"] extends "date"
      ? string
      : (typeof FACTS)[K] extends { values: infer V }
        ? keyof V & string
        : (typeof FACTS)[K]["unit"] extends "fen" | "count" | "sqm" | "day"
          ? Quantity
          : number;
};

/** Validate untrusted facts; throws a ZodError whose issues name the offending fact. */
export function parseFacts(input: unknown): Facts {
  return FactsSchema.parse(input) as Facts;
}

/** The Chinese label of a fact, for questions and traces. */
export function factLabel(name: FactName): string {
  return FACTS[name].label;
}
