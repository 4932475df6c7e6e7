import type { Rate } from '@collective-ledger/core';
import { renderTable, type Table } from './render.js';

export const rateText = (rate: Rate | undefined): string => rate?.toPercent() ?? '-';

/** The township and village tables under a report's main table, when it covers more than one village. */
export const groupSections = (titles: { readonly townships: string; readonly villages: string }, townships: Table, villages: Table): string =>
  villages.rows.length > 1 ? `\n${titles.townships}\n${renderTable(townships)}\n${titles.villages}\n${renderTable(villages)}` : '';

/** The kinds of resource assets, in Chinese and English. */
export const RESOURCE_KIND_LABELS = {
  zh: { arable: '耕地', forest: '林地', grassland: '草地', 'waste-land': '荒地', 'water-surface': '水面', 'construction-land': '建设用地', other: '其他资源' },
  en: { arable: 'arable land', forest: 'forest', grassland: 'grassland', 'waste-land': 'waste land', 'water-surface': 'water surface', 'construction-land': 'construction land', other: 'other resources' },
} as const;
