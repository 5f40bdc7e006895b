import { normalize } from './normalize.ts';

/**
 * Function words in English, Arabic and Persian, normalised (see `features.ts` for their
 * use). The Arabic article ال is listed although it is written inside words: what counts is
 * its n-grams (<ال), which open most Arabic nouns.
 */
const LISTS = [
  'a an the is are was were be been am do does did have has had i me my mine we us our you your yours he',
  'him his she her it its they them their this that these those what which who whom whose when where why',
  'how can could would should will shall may might must of in on at to for from by with about as into over',
  'under and or but if so not no yes there here some any all just also than then too very please hi hello',
  'في من الى إلى على عن مع هل ما ماذا لماذا كيف أين اين متى هذا هذه ذلك تلك التي الذي الذين هو هي هم أنا انا',
  'نحن أنت انت أنتم لا نعم لم لن قد كان كانت يكون أن ان إن أو او ثم كل بعض عند لدي لي لك له لها فيه ذات يا ال',
  'و در به از که این آن را با برای تا هم یا اما اگر چه چی چرا چطور چگونه کجا کی کدام',
  'من ما تو شما او ایشان آنها است هست نیست بود شد می نمی یک هر همه خیلی بله نه آیا',
];

export const STOPWORDS: ReadonlySet<string> = new Set(LISTS.flatMap((list) => list.split(' ').map(normalize)));
