/** The words of the contract register in Chinese and English: reasons, methods, standings, age bands, warnings. */
export const CONTRACT_LABELS = {
  zh: {
    reason: { 'no-written-contract': '无书面合同', 'no-democratic-procedure': '未履行民主程序', 'price-below-market': '价格明显偏低', 'term-over-limit': '期限超过法定上限', 'fees-unpaid': '欠缴承包费', other: '其他' },
    method: { supplemented: '补充完善', renegotiated: '重新协商并履行程序', 're-tendered': '重新招标' },
    standing: { pending: '待整改', rectified: '已整改', terminated: '已解除', withdrawn: '已撤销认定' },
    band: { 'up-to-30': '30天以内', '31-90': '31至90天', '91-180': '91至180天', '181-365': '181至365天', 'over-365': '365天以上' },
    contract: { 'not-started': '未开始', live: '履行中', 'term-ended': '期满未处理', expired: '已到期', terminated: '已解除' },
    unit: { mu: '亩', m2: '平方米' },
  },
  en: {
    reason: { 'no-written-contract': 'no written contract', 'no-democratic-procedure': 'no democratic procedure', 'price-below-market': 'price below market', 'term-over-limit': 'term over the limit', 'fees-unpaid': 'fees unpaid', other: 'other' },
    method: { supplemented: 'supplemented', renegotiated: 'renegotiated and re-approved', 're-tendered': 're-tendered' },
    standing: { pending: 'pending', rectified: 'rectified', terminated: 'terminated', withdrawn: 'withdrawn' },
    band: { 'up-to-30': 'up to 30 days', '31-90': '31 to 90 days', '91-180': '91 to 180 days', '181-365': '181 to 365 days', 'over-365': 'over 365 days' },
    contract: { 'not-started': 'not started', live: 'in force', 'term-ended': 'term ended', expired: 'expired', terminated: 'terminated' },
    unit: { mu: 'mu', m2: 'm²' },
  },
} as const;
