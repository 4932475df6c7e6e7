/**
 * The figures of the source article (Guiyang Daily, 3 December 2019) that the
 * generator chooses its data to meet. Only the generator reads them; the
 * library and its reports never do, and the tests check the reports' own
 * figures against these.
 */
export const ARTICLE = {
  /** 4,800 mu of kiwi park on land transferred from Dahong's and Zhongba's households, in tenths of a mu. */
  transferredTenths: 48_000n,
  /** The deputy team head's pay: 4,100 yuan a month, in fen. */
  deputyMonthlyFen: 410_000n,
  /** Dahong's per-capita income of 2018, in fen. */
  dahongPerCapita2018Fen: 1_577_000n,
} as const;

/**
 * The example's own choice for 2015, which the article only calls "nearly
 * half" of 2018's (15,770 / 8,160 = 1.93).
 */
export const DAHONG_PER_CAPITA_2015_FEN = 816_000n;
