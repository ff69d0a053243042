/**
 * How merchants say things in chat versus how policy documents say them. When a query contains a
 * chat phrase, the document terms are added to it before search, so "房租" also looks for "租金",
 * "到期" for "有效期". General vocabulary of e-commerce support policies, not tied to one document.
 */
const CHAT_TO_DOCUMENT: ReadonlyArray<readonly [chat: readonly string[], document: string]> = [
  [["到期", "过期", "截止", "有效吗", "还有效", "失效", "多久有效", "什么时候结束"], "有效期 施行"],
  [["申请", "怎么报", "去哪报", "找谁", "哪个部门", "流程", "手续"], "申报 申报流程 审批"],
  [["都拿", "都能拿", "同时拿", "同时享受", "叠加", "一起拿", "重复拿"], "只享受其中一项 重复享受 不重复奖励"],
  [["新注册", "刚注册", "新成立", "刚成立", "新开的公司", "新办"], "新注册登记 新创办"],
  [["卖", "销量", "营业额", "流水", "成交额", "gmv"], "网络零售额 销售额"],
  [["房租", "租房", "租金"], "租金 房屋租金 租赁"],
  [["主播", "网红", "达人", "直播带货"], "带货达人 主播 直播"],
  [["粉丝"], "粉丝 带货达人"],
  [["开网店", "开店", "开了店", "网上店铺"], "开设网店 店铺"],
  [["个税", "所得税"], "个人所得税 地方留成"],
  [["社保"], "社会保险"],
  [["平米", "平方"], "平方米 面积"],
  [["贫困户", "建档立卡", "扶贫"], "建档立卡贫困 贫困人口"],
  [["大学生", "毕业生"], "高校毕业生"],
  [["网商", "淘宝店", "c店", "个人店"], "网商 个体网店 网店"],
  [["出口", "外贸", "海外"], "跨境电商 外贸企业"],
  [["快递"], "快递物流"],
  [["贷款", "融资", "借钱"], "融资 贷款 担保"],
  [["是什么意思", "什么叫", "定义", "怎么认定", "标准是什么"], "名词解释"],
  [["不给扶持", "不给补", "不给奖", "不扶持", "不能申请", "不让申请", "不能享受", "没资格"], "不予扶持 取消 资格 下列情形"],
];

/**
 * The document wording for the chat phrases found in the query ("" when none). Used on queries only;
 * documents are indexed as written.
 */
export function chatExpansion(query: string): string {
  const lower = query.toLowerCase();
  return CHAT_TO_DOCUMENT.filter(([chat]) => chat.some((phrase) => lower.includes(phrase)))
    .map(([, doc]) => doc)
    .join(" ");
}
