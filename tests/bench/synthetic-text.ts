/** Vocabulary and sentence templates of the synthetic benchmark corpus. */

export const PROVINCES = ['Shanxi', 'Hebei', 'Henan', 'Shaanxi', 'Inner Mongolia', 'Anhui', 'Hunan', 'Jiangxi', 'Gansu', 'Ningxia', 'Guizhou', 'Jilin']

export const CITIES = [
  'Datong', 'Taiyuan', 'Changzhi', 'Jincheng', 'Linfen', 'Yuncheng', 'Lyuliang', 'Xinzhou', 'Shuozhou', 'Yangquan', 'Jinzhong',
  'Handan', 'Tangshan', 'Baoding', 'Luoyang', 'Kaifeng', 'Anyang', 'Baotou', 'Ordos', 'Hefei', 'Wuhu', 'Zhuzhou', 'Xiangtan',
  'Ganzhou', 'Jiujiang', 'Lanzhou', 'Jiuquan', 'Yinchuan', 'Zunyi', 'Jilin', 'Siping', 'Yulin', 'Baoji', 'Hanzhong',
]

export const INDUSTRIES = [
  'coking', 'steel', 'building materials', 'non-ferrous metals', 'light industry', 'equipment manufacturing', 'new materials',
  'digital economy', 'modern logistics', 'modern medicine', 'new energy vehicles', 'hydrogen energy', 'coal chemical',
  'photovoltaic', 'semiconductor', 'rail transit equipment', 'energy storage', 'food processing', 'textiles', 'tourism',
]

export const CLUSTERS = [
  { product: 'kaolin', park: 'Kaolin' }, { product: 'refractory clay', park: 'Refractory Materials' },
  { product: 'architectural ceramics', park: 'Ceramics' }, { product: 'industrial carbon', park: 'Carbon Materials' },
  { product: 'industrial glass', park: 'Glass' }, { product: 'aluminum', park: 'Aluminum' }, { product: 'magnesium', park: 'Magnesium Alloy' },
  { product: 'stainless steel', park: 'Stainless Steel' }, { product: 'carbon fiber', park: 'Carbon Fiber' },
  { product: 'lithium battery', park: 'Battery' }, { product: 'silicon wafer', park: 'Silicon' }, { product: 'hydrogen fuel cell', park: 'Hydrogen' },
  { product: 'coal-based chemicals', park: 'Coal Chemical' }, { product: 'biomedicine', park: 'Biomedical' },
  { product: 'vinegar and liquor', park: 'Food' }, { product: 'data center', park: 'Big Data' }, { product: 'logistics', park: 'Logistics' },
]

export const SYLLABLES = [
  'an', 'bei', 'cheng', 'dong', 'feng', 'gao', 'hua', 'jin', 'kang', 'long', 'ming', 'nan', 'ping', 'qiao', 'rong',
  'shan', 'tai', 'wan', 'xin', 'yang', 'zhen', 'he', 'lin', 'mei', 'quan', 'song', 'tian', 'xi', 'zhong', 'bao',
]

type Random = () => number
type Pick = <T>(list: readonly T[]) => T

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const product = (pick: Pick) => pick(CLUSTERS).product

export const PLANS: Array<(random: Random, pick: Pick) => string> = [
  (r, p) => `build a ${int(r, 2, 90) * 10}-thousand-ton ${product(p)} production line by ${int(r, 2021, 2027)}`,
  (r, p) => `attract ${int(r, 5, 60)} ${product(p)} enterprises and invest ${int(r, 2, 95)} billion yuan`,
  (r, p) => `set up a provincial research center for ${product(p)} technology with ${int(r, 3, 30)} universities`,
  (r, p) => `raise ${product(p)} output to ${int(r, 2, 80)} billion yuan a year and create ${int(r, 2, 40)} thousand jobs`,
  (r, p) => `cut energy use per unit of ${product(p)} output by ${int(r, 5, 30)} percent`,
]

interface Context {
  province: string
  industry: string
  year: number
}

const TEMPLATES: Array<(r: Random, p: Pick, c: Context) => string> = [
  (r, p, c) => `${c.province} will build ${product(p)} industrial clusters in ${p(CITIES)} and ${p(CITIES)} cities under the ${c.year} plan.`,
  (r, p, c) => `The ${c.industry} industry in ${p(CITIES)} is expected to reach an annual output value of ${int(r, 5, 400)} billion yuan by ${c.year + int(r, 1, 5)}.`,
  (r, p, c) => `Authorities in ${c.province} will support ${int(r, 10, 300)} enterprises in the ${c.industry} sector to upgrade their equipment.`,
  (r, p) => `Exports of ${product(p)} products from ${p(CITIES)} rose ${int(r, 2, 45)} percent over the previous year.`,
  (r, p, c) => `${p(CITIES)} will give priority to ${c.industry} projects that cut energy use per unit of output by ${int(r, 3, 25)} percent.`,
  (r, p) => `Local governments will extend the ${product(p)} industry chain and develop deep processing enterprises in ${p(CITIES)}.`,
  (r, p, c) => `A total of ${int(r, 2, 120)} billion yuan will be invested in ${int(r, 5, 80)} key projects of the ${c.industry} industry.`,
  (r, p, c) => `The plan calls for ${product(p)} output capacity of ${int(r, 1, 50)} million tons in ${p(CITIES)} by the end of ${c.year + 1}.`,
  (r, p, c) => `Companies in the ${c.industry} sector will receive tax incentives if they move into industrial parks in ${p(CITIES)}.`,
  (r, p, c) => `${c.province} aims to raise the share of ${c.industry} in its industrial output to ${int(r, 5, 40)} percent.`,
  (r, p) => `Research centers in ${p(CITIES)} will work with universities on ${product(p)} technology and new materials.`,
  (r, p, c) => `The ${c.industry} industry will go high-end, green and intelligent, according to the provincial department of industry.`,
  (r, p, c) => `Small and medium-sized ${c.industry} firms in ${p(CITIES)} will get easier access to loans and land.`,
  (r, p) => `Backward ${product(p)} capacity of ${int(r, 1, 20)} million tons will be phased out in ${p(CITIES)} and ${p(CITIES)}.`,
  (r, p, c) => `The ${c.province} government will publish quarterly reports on the progress of the ${c.industry} blueprint.`,
  (r, p, c) => `By ${c.year + int(r, 2, 6)}, ${int(r, 20, 95)} percent of ${c.industry} enterprises above designated size will adopt digital management.`,
  (r, p) => `Logistics hubs in ${p(CITIES)} will link ${product(p)} producers with ports in eastern China.`,
  (r, p, c) => `Training programs will prepare ${int(r, 2, 50)} thousand skilled workers for the ${c.industry} industry in ${c.province}.`,
]

/** One plausible sentence about the document's province, industry and year (always under 230 characters). */
export function sentence(random: Random, pick: Pick, context: Context): string {
  return pick(TEMPLATES)(random, pick, context)
}
